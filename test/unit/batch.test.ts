// Concurrent reads become one list call per batch.
import { Batcher } from "../../provider/dynamic/batch";

describe("Batcher", () => {
  test("reads asked for together are one call; a key the answer lacks is undefined", async () => {
    const calls: string[][] = [];
    const b = new Batcher<string>(async (keys) => {
      calls.push(keys);
      return new Map(keys.filter((k) => k !== "gone").map((k) => [k, `v${k}`]));
    }, 100);
    const got = await Promise.all(["a", "b", "gone", "a"].map((k) => b.load(k)));
    expect(got).toEqual(["va", "vb", undefined, "va"]);
    expect(calls).toEqual([["a", "b", "gone"]]);
  });

  test("a full batch goes at once; the rest follow in the next", async () => {
    const calls: string[][] = [];
    const b = new Batcher<number>(async (keys) => {
      calls.push(keys);
      return new Map(keys.map((k) => [k, Number(k)]));
    }, 2);
    expect(await Promise.all(["1", "2", "3"].map((k) => b.load(k)))).toEqual([1, 2, 3]);
    expect(calls).toEqual([["1", "2"], ["3"]]);
  });

  test("a failed call fails every read of its batch", async () => {
    const b = new Batcher<number>(async () => {
      throw new Error("boom");
    }, 10);
    await expect(Promise.all([b.load("x"), b.load("y")])).rejects.toThrow("boom");
  });
});
