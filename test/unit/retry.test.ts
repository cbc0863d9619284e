import {
  backoff,
  DEFAULT_RETRY_POLICY,
  decideRetry,
  parseRetryAfter,
  type RetryInput,
} from "../../provider/http/retry";

const NOW = Date.parse("2026-11-23T10:00:00Z");
const input = (over: Partial<RetryInput>): RetryInput => ({
  attempt: 1,
  method: "GET",
  now: NOW,
  random: () => 0.5,
  ...over,
});

describe("parseRetryAfter", () => {
  test.each([
    ["seconds", "120", 120_000],
    ["fractional seconds", "1.5", 1_500],
    ["an HTTP date", "Mon, 23 Nov 2026 10:00:30 GMT", 30_000],
    ["an ISO timestamp", "2026-11-23T10:01:00Z", 60_000],
    ["an ISO timestamp with millis", "2026-11-23T10:00:02.500Z", 2_500],
    ["a date in the past", "2026-11-23T09:00:00Z", 0],
  ])("reads %s", (_form, value, ms) => {
    expect(parseRetryAfter(value, NOW)).toBe(ms);
  });

  test.each([[undefined], [""], ["soon"], ["-5"]])("ignores %p", (value) => {
    expect(parseRetryAfter(value, NOW)).toBeUndefined();
  });
});

describe("decideRetry", () => {
  test.each<[string, Partial<RetryInput>, boolean, number | undefined]>([
    ["a 429 with seconds waits that long", { status: 429, retryAfter: "3" }, true, 3_000],
    ["a 429 with an ISO time waits until then", { status: 429, retryAfter: "2026-11-23T10:00:10Z" }, true, 10_000],
    [
      "a 429 on a create is retried: the server did nothing",
      { status: 429, method: "POST", retryAfter: "1" },
      true,
      1_000,
    ],
    ["a 429 without Retry-After backs off", { status: 429 }, true, 125],
    ["a 429 asking for an hour is not waited for", { status: 429, retryAfter: "3600" }, false, undefined],
    ["a 503 on a GET backs off", { status: 503 }, true, 125],
    ["a 502 on a DELETE backs off", { status: 502, method: "DELETE" }, true, 125],
    ["a 500 on a create is never repeated", { status: 500, method: "POST" }, false, undefined],
    ["a reset on a create is never repeated", { failure: "network", method: "POST" }, false, undefined],
    ["a timeout on a PATCH is not repeated", { failure: "timeout", method: "PATCH" }, false, undefined],
    ["a timeout on a GET is retried", { failure: "timeout" }, true, 125],
    ["a 501 is final", { status: 501 }, false, undefined],
    ["a 404 is final", { status: 404 }, false, undefined],
    ["a 409 is final", { status: 409, method: "PATCH" }, false, undefined],
    ["the last attempt is final", { status: 503, attempt: DEFAULT_RETRY_POLICY.maxAttempts }, false, undefined],
    ["a 500 on a POST query marked idempotent backs off", { status: 500, method: "POST", idempotent: true }, true, 125],
    ["a reset on an absolute PATCH is retried", { failure: "network", method: "PATCH", idempotent: true }, true, 125],
    [
      "a 429 after the last attempt is still waited out: 429s are not attempts",
      { status: 429, retryAfter: "2", attempt: DEFAULT_RETRY_POLICY.maxAttempts + 3 },
      true,
      2_000,
    ],
    [
      "a 429 once the call has waited its throttle budget is final",
      { status: 429, retryAfter: "2", throttledMs: DEFAULT_RETRY_POLICY.maxThrottledMs! - 1_000 },
      false,
      undefined,
    ],
  ])("%s", (_case, over, retry, delay) => {
    const d = decideRetry(input(over));
    expect(d.retry).toBe(retry);
    if (d.retry) expect(d.delayMs).toBe(delay);
  });

  test("backoff grows exponentially up to the cap, with full jitter", () => {
    const top = () => 0.999999;
    const ceilings = [1, 2, 3, 4, 10].map((a) => backoff(a, DEFAULT_RETRY_POLICY, top));
    expect(ceilings).toEqual([249, 499, 999, 1999, 19_999]);
    expect(backoff(3, DEFAULT_RETRY_POLICY, () => 0)).toBe(0);
  });

  test("a storm answering 429 with Retry-After 0 forever ends: each answer spends at least baseMs", () => {
    let throttledMs = 0;
    let answers = 0;
    for (;;) {
      answers++;
      const d = decideRetry(input({ status: 429, retryAfter: "0", throttledMs, throttles: answers }));
      if (!d.retry) break;
      throttledMs += Math.max(d.delayMs, DEFAULT_RETRY_POLICY.baseMs);
    }
    expect(answers).toBe(DEFAULT_RETRY_POLICY.maxThrottledMs! / DEFAULT_RETRY_POLICY.baseMs + 1);
  });

  test("property: never a blind retry of a non-idempotent call, never a wait above the limits", () => {
    let seed = 42;
    const random = () => {
      seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31;
      return seed / 2 ** 31;
    };
    const methods = ["GET", "POST", "PUT", "PATCH", "DELETE"];
    const statuses = [undefined, 200, 400, 404, 409, 429, 500, 502, 503, 504];
    for (let i = 0; i < 5_000; i++) {
      const status = statuses[Math.floor(random() * statuses.length)];
      const failure = status === undefined ? (random() < 0.5 ? "timeout" : "network") : undefined;
      const retryAfter = random() < 0.5 ? String(Math.floor(random() * 300)) : undefined;
      const method = methods[Math.floor(random() * methods.length)];
      const d = decideRetry({
        attempt: 1 + Math.floor(random() * 6),
        method,
        status,
        failure,
        retryAfter,
        now: NOW,
        random,
      });
      if (!d.retry) continue;
      if (status !== 429) expect(["GET", "PUT", "DELETE"]).toContain(method);
      expect(d.delayMs).toBeGreaterThanOrEqual(0);
      expect(d.delayMs).toBeLessThanOrEqual(Math.max(DEFAULT_RETRY_POLICY.capMs, DEFAULT_RETRY_POLICY.maxRetryAfterMs));
    }
  });
});
