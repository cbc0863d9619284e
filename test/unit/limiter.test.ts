import { Limiter, sharedLimiter, smaller, type Timing } from "../../provider/http/limiter";

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
    expect(sharedLimiter("genesys:client-a", { limit: 300, periodMs: 60_000 })).toBe(a);
    expect(sharedLimiter("genesys:client-b", { limit: 300, periodMs: 60_000 })).not.toBe(a);
  });
});

describe("a second budget for the same account", () => {
  test("a smaller one applies to every caller from then on, with one warning naming both and not the account", () => {
    const warnings: string[] = [];
    const warn = (m: string) => warnings.push(m);
    const a = sharedLimiter("zoom:secret-account-1", { limit: 20, periodMs: 1_000 }, warn);
    const b = sharedLimiter("zoom:secret-account-1", { limit: 600, periodMs: 60_000 }, warn);
    expect(b).toBe(a);
    expect(a.budget).toEqual({ limit: 600, periodMs: 60_000 });
    sharedLimiter("zoom:secret-account-1", { limit: 600, periodMs: 60_000 }, warn);
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatch(
      /^zoom account [0-9a-f]{8}: a request budget of 600 requests per 60 s was asked for while 20 requests per 1 s was in force in this process; 600 requests per 60 s, the smaller, now applies to both$/,
    );
    expect(warnings[0]).not.toContain("secret-account-1");
  });

  test("a larger one never raises the budget in force, and is said once", () => {
    const warnings: string[] = [];
    const warn = (m: string) => warnings.push(m);
    const a = sharedLimiter("genesys:client-c", { limit: 100, periodMs: 60_000 }, warn);
    sharedLimiter("genesys:client-c", { limit: 300, periodMs: 60_000 }, warn);
    sharedLimiter("genesys:client-c", { limit: 300, periodMs: 60_000 }, warn);
    expect(a.budget).toEqual({ limit: 100, periodMs: 60_000 });
    expect(warnings).toEqual([
      expect.stringContaining("300 requests per 60 s was asked for while 100 requests per 60 s was in force"),
    ]);
  });

  test("at the same rate the smaller burst wins", () => {
    expect(smaller({ limit: 1, periodMs: 1_000 }, { limit: 60, periodMs: 60_000 })).toBe(true);
    expect(smaller({ limit: 60, periodMs: 60_000 }, { limit: 1, periodMs: 1_000 })).toBe(false);
    expect(smaller({ limit: 5, periodMs: 1_000 }, { limit: 5, periodMs: 1_000 })).toBe(false);
  });

  test("the tightened budget paces the next requests", async () => {
    const t = fakeTiming();
    const limiter = new Limiter({ limit: 10, periodMs: 1_000 }, t.timing);
    limiter.tighten({ limit: 1, periodMs: 1_000 });
    const start = t.now();
    const granted: number[] = [];
    await Promise.all(Array.from({ length: 2 }, () => limiter.take().then(() => granted.push(t.now() - start))));
    expect(granted).toEqual([0, 1_020]);
    expect(() => limiter.tighten({ limit: 0, periodMs: 1_000 })).toThrow(/limit > 0/);
  });
});
