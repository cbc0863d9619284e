// Concurrent reads become one list call per batch; a batch goes when reads pause, or at its limits.
import { BATCH_DEFAULTS, Batcher, listingReads } from "../../provider/dynamic/batch";
import { CxflowError } from "../../provider/http/errors";

/** A Batcher over numbers-as-strings that records every call it makes. */
function recording(max: number, timing?: ConstructorParameters<typeof Batcher>[2]) {
  const calls: string[][] = [];
  const batcher = new Batcher<number>(
    async (keys) => {
      calls.push(keys);
      return new Map(keys.map((k) => [k, Number(k)]));
    },
    max,
    timing,
  );
  return { calls, batcher };
}

describe("Batcher", () => {
  beforeEach(() => jest.useFakeTimers());
  afterEach(() => jest.useRealTimers());

  test("reads asked for together are one call; a key the answer lacks is undefined", async () => {
    const calls: string[][] = [];
    const b = new Batcher<string>(async (keys) => {
      calls.push(keys);
      return new Map(keys.filter((k) => k !== "gone").map((k) => [k, `v${k}`]));
    }, 100);
    const got = Promise.all(["a", "b", "gone", "a"].map((k) => b.load(k)));
    jest.advanceTimersByTime(BATCH_DEFAULTS.idleMs - 1);
    expect(calls).toEqual([]);
    jest.advanceTimersByTime(1);
    expect(await got).toEqual(["va", "vb", undefined, "va"]);
    expect(calls).toEqual([["a", "b", "gone"]]);
  });

  test("a batch stays open while reads keep coming and goes once they pause for idleMs", async () => {
    const { calls, batcher } = recording(100, { idleMs: 10, maxWaitMs: 100 });
    const got: Promise<number | undefined>[] = [];
    for (const k of ["1", "2", "3"]) {
      got.push(batcher.load(k));
      jest.advanceTimersByTime(8); // each gap is shorter than idleMs
    }
    expect(calls).toEqual([]);
    jest.advanceTimersByTime(2); // 10 ms since the last read
    expect(calls).toEqual([["1", "2", "3"]]);
    expect(await Promise.all(got)).toEqual([1, 2, 3]);
  });

  test("a steady stream of reads is cut every maxWaitMs, so no read waits longer", async () => {
    const { calls, batcher } = recording(100, { idleMs: 10, maxWaitMs: 30 });
    const got: Promise<number | undefined>[] = [];
    for (let i = 0; i < 10; i++) {
      got.push(batcher.load(String(i)));
      jest.advanceTimersByTime(5);
    }
    // Reads at 0, 5, …, 25 ms went at 30 ms; those from 30 ms on are the next batch.
    expect(calls).toEqual([["0", "1", "2", "3", "4", "5"]]);
    jest.advanceTimersByTime(10);
    expect(calls).toEqual([
      ["0", "1", "2", "3", "4", "5"],
      ["6", "7", "8", "9"],
    ]);
    expect(await Promise.all(got)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
  });

  test("a full batch goes at once; the rest follow in the next", async () => {
    const { calls, batcher } = recording(2);
    const got = Promise.all(["1", "2", "3"].map((k) => batcher.load(k)));
    expect(calls).toEqual([["1", "2"]]);
    jest.advanceTimersByTime(BATCH_DEFAULTS.idleMs);
    expect(await got).toEqual([1, 2, 3]);
    expect(calls).toEqual([["1", "2"], ["3"]]);
  });

  test("a failed call fails every read of its batch, and the next batch starts afresh", async () => {
    let fail = true;
    const b = new Batcher<number>(async (keys) => {
      if (fail) throw new Error("boom");
      return new Map(keys.map((k) => [k, 1]));
    }, 10);
    const failed = Promise.all([b.load("x"), b.load("y")]);
    jest.advanceTimersByTime(BATCH_DEFAULTS.idleMs);
    await expect(failed).rejects.toThrow("boom");
    fail = false;
    const next = b.load("x");
    jest.advanceTimersByTime(BATCH_DEFAULTS.idleMs);
    expect(await next).toBe(1);
  });

  test("a loadMany that throws before returning a promise fails its reads, not the process", async () => {
    const b = new Batcher<number>(() => {
      throw new Error("sync boom");
    }, 10);
    const got = b.load("x");
    jest.advanceTimersByTime(BATCH_DEFAULTS.idleMs);
    await expect(got).rejects.toThrow("sync boom");
  });
});

describe("Batcher read-ahead", () => {
  beforeEach(() => jest.useFakeTimers());
  afterEach(() => jest.useRealTimers());

  /** A Batcher with read-ahead after 3 reads in 1 s, over keys 0–99, recording its calls. */
  function ahead(loadAll: () => Promise<Map<string, number> | undefined> = async () => everything()) {
    const calls: string[][] = [];
    let listings = 0;
    let now = 0;
    const b = new Batcher<number>(
      async (keys) => {
        calls.push(keys);
        return new Map(keys.map((k) => [k, Number(k)]));
      },
      100,
      { idleMs: 10, maxWaitMs: 10 },
      {
        after: 3,
        windowMs: 1_000,
        loadAll: () => {
          listings++;
          return loadAll();
        },
      },
      () => now,
    );
    const read = async (k: string) => {
      const p = b.load(k);
      await jest.advanceTimersByTimeAsync(10);
      return p;
    };
    return { b, calls, read, listings: () => listings, tick: (ms: number) => (now += ms) };
  }
  const everything = () => new Map(Array.from({ length: 100 }, (_, i) => [String(i), i * 10]));

  test("past `after` reads, everything is listed once and the next reads are answered from it", async () => {
    const t = ahead();
    for (const k of ["1", "2", "3"]) expect(await t.read(k)).toBe(Number(k));
    expect(t.calls).toHaveLength(3);
    expect(await t.read("4")).toBe(40);
    expect(await t.read("99")).toBe(990);
    expect(await t.read("100")).toBeUndefined(); // not in the listing: gone
    expect(t.calls).toHaveLength(3);
    expect(t.listings()).toBe(1);
  });

  test("a write sends the reads after it to the server again, and the listing is only redone past `after`", async () => {
    const t = ahead();
    for (const k of ["1", "2", "3", "4"]) await t.read(k);
    t.b.invalidate();
    expect(await t.read("5")).toBe(5);
    expect(t.calls.at(-1)).toEqual(["5"]);
    expect(t.listings()).toBe(1);
  });

  test("a listing older than windowMs is not used", async () => {
    const t = ahead();
    for (const k of ["1", "2", "3", "4"]) await t.read(k);
    t.tick(1_001);
    expect(await t.read("5")).toBe(5);
    expect(t.calls.at(-1)).toEqual(["5"]);
  });

  test("too many to list (undefined) or a failed listing: reads stay batched, and it is not asked again in the window", async () => {
    for (const loadAll of [async () => undefined, async () => Promise.reject(new Error("down"))]) {
      const t = ahead(loadAll);
      for (const k of ["1", "2", "3", "4", "5", "6"]) expect(await t.read(k)).toBe(Number(k));
      expect(t.calls).toHaveLength(6);
      expect(t.listings()).toBe(1);
    }
  });

  test("a write while the listing is on its way: its answer is not used", async () => {
    let release: (m: Map<string, number>) => void = () => undefined;
    const t = ahead(() => new Promise((r) => (release = r)));
    for (const k of ["1", "2", "3"]) await t.read(k);
    const fourth = t.b.load("4");
    t.b.invalidate();
    release(everything());
    await jest.advanceTimersByTimeAsync(10);
    expect(await fourth).toBe(4); // from the server, not 40 from the stale listing
  });
});

describe("listingReads (kinds with no batch lookup)", () => {
  /** A server of `n` objects that counts single reads and listed pages (100 a page). */
  function server(n: number) {
    const objects = new Map(Array.from({ length: n }, (_, k) => [`id${k}`, { id: `id${k}` }]));
    const calls = { get: 0, pages: 0 };
    const reads = listingReads(
      async (id) => {
        calls.get++;
        if (id === "broken") throw new Error("boom");
        const o = objects.get(id);
        if (!o) throw new CxflowError({ code: "not_found", message: "404", route: "test GET /things/{id}" });
        return o;
      },
      async function* () {
        const all = [...objects.entries()];
        for (let k = 0; k < all.length; k += 100) {
          calls.pages++;
          yield* all.slice(k, k + 100);
        }
      },
      { maxItems: 250 },
    );
    return { objects, calls, reads };
  }

  test("a lone read is one GET; a not-found answer is a gone object; other failures fail the read", async () => {
    const { calls, reads } = server(3);
    expect(await reads.load("id1")).toEqual({ id: "id1" });
    expect(calls).toEqual({ get: 1, pages: 0 });
    reads.invalidate();
    expect(await reads.load("nope")).toBeUndefined();
    reads.invalidate();
    await expect(reads.load("broken")).rejects.toThrow("boom");
  });

  test("a refresh of 200 in waves of 8 costs one GET and the listing's pages", async () => {
    const { calls, reads } = server(200);
    for (let k = 0; k < 200; k += 8) {
      const wave = Array.from({ length: 8 }, (_, j) => reads.load(`id${k + j}`));
      expect((await Promise.all(wave)).map((o) => o?.id)).toEqual(Array.from({ length: 8 }, (_, j) => `id${k + j}`));
    }
    expect(calls).toEqual({ get: 1, pages: 2 });
  });

  test("a write drops the listing; an org over the limit is read one by one", async () => {
    const small = server(20);
    await Promise.all(["id0", "id1", "id2"].map((id) => small.reads.load(id)));
    small.reads.invalidate();
    small.objects.delete("id2");
    expect(await small.reads.load("id2")).toBeUndefined();
    expect(small.calls.pages).toBe(1);

    const big = server(300);
    await Promise.all(["id0", "id1", "id2"].map((id) => big.reads.load(id)));
    expect(big.calls.pages).toBe(3);
    expect(big.calls.get).toBe(3);
  });
});
