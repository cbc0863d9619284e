// A create whose outcome is unknown is looked up by name before it is repeated.
import { createOnce } from "../../provider/dynamic/create-once";
import { CxflowError, type ErrorCode } from "../../provider/http/errors";

const fail = (code: ErrorCode) => new CxflowError({ code, message: code });

describe("createOnce", () => {
  test("a create that answers is not looked up", async () => {
    const lookup = jest.fn();
    await expect(createOnce(async () => "made", lookup)).resolves.toBe("made");
    expect(lookup).not.toHaveBeenCalled();
  });

  test.each(["timeout", "network", "server"] as const)(
    "after a %s the object found by name is returned, not created again",
    async (code) => {
      const create = jest.fn().mockRejectedValueOnce(fail(code)).mockResolvedValue("second");
      await expect(createOnce(create, async () => "found")).resolves.toBe("found");
      expect(create).toHaveBeenCalledTimes(1);
    },
  );

  test("when the lookup finds nothing the create is tried again after a backoff, at most six times in all", async () => {
    const create = jest.fn().mockRejectedValue(fail("server"));
    const lookup = jest.fn().mockResolvedValue(undefined);
    const waits: number[] = [];
    const sleep = async (ms: number) => void waits.push(ms);
    await expect(createOnce(create, lookup, 6, sleep)).rejects.toMatchObject({ code: "server" });
    expect(create).toHaveBeenCalledTimes(6);
    expect(lookup).toHaveBeenCalledTimes(5);
    expect(waits).toHaveLength(5);
  });

  test.each(["validation", "conflict", "auth", "rate_limited"] as const)(
    "a %s error means nothing was made: it is thrown at once",
    async (code) => {
      const create = jest.fn().mockRejectedValue(fail(code));
      const lookup = jest.fn();
      await expect(createOnce(create, lookup)).rejects.toMatchObject({ code });
      expect(create).toHaveBeenCalledTimes(1);
      expect(lookup).not.toHaveBeenCalled();
    },
  );
});
