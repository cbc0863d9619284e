import { Limiter, sharedLimiter, type Timing } from "../../provider/http/limiter";

/** A fake clock: sleeping advances time and records how long. */
function fakeTiming() {
  let now = 1_000_000;
  const slept: number[] = [];
  const timing: Timing = {
    now: () => now,
    sleep: async (ms) => {
      slept.push(ms);
      now += ms;
    },
  };
  return { timing, slept, now: () => now };
}

describe("Limiter", () => {
  test("lets `limit` requests through per window (the period and a 2% margin), then waits for it to slide", async () => {
    const t = fakeTiming();
    const limiter = new Limiter({ limit: 2, periodMs: 1_000 }, t.timing);
    const start = t.now();
    const granted: number[] = [];
    await Promise.all(Array.from({ length: 5 }, () => limiter.take().then(() => granted.push(t.now() - start))));
    expect(granted).toEqual([0, 0, 1_020, 1_020, 2_040]);
  });

  test("a pause after a 429 holds every caller back", async () => {
    const t = fakeTiming();
    const limiter = new Limiter({ limit: 100, periodMs: 1_000 }, t.timing);
    limiter.pauseUntil(t.now() + 5_000);
    await limiter.take();
    expect(t.slept).toEqual([5_000]);
  });

  test("refuses a budget that can never grant", () => {
    expect(() => new Limiter({ limit: 0, periodMs: 1_000 })).toThrow(/limit > 0/);
  });

  test("one shared limiter per key in the process", () => {
    const a = sharedLimiter("genesys:client-a", { limit: 300, periodMs: 60_000 });
    expect(sharedLimiter("genesys:client-a", { limit: 1, periodMs: 1 })).toBe(a);
    expect(sharedLimiter("genesys:client-b", { limit: 300, periodMs: 60_000 })).not.toBe(a);
  });
});
