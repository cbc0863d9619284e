/** When and how long to wait before trying a call again. */
export interface RetryPolicy {
  /** Attempts in all, the first included; 429s do not count (see `maxThrottledMs`). */
  maxAttempts: number;
  /** Backoff base in ms: the first retry waits a random time up to this, the ceiling doubling with each retry. */
  baseMs: number;
  /** Backoff ceiling in ms. */
  capMs: number;
  /** A `Retry-After` longer than this (ms) is not waited for: the call fails as rate limited. */
  maxRetryAfterMs: number;
  /**
   * Time (ms) one call may spend waiting out 429s in all; each 429 counts at least `baseMs`.
   * A storm of 429s is waited out this long, however many answers it takes.
   */
  maxThrottledMs?: number;
}

/**
 * The policy clients use when given none: 8 attempts (a 20% error rate then fails one call in
 * 400,000), 250 ms base, 20 s cap, `Retry-After` up to
 * 120 s, 429s waited out for up to 5 minutes per call.
 */
export const DEFAULT_RETRY_POLICY: RetryPolicy = {
  maxAttempts: 8,
  baseMs: 250,
  capMs: 20_000,
  maxRetryAfterMs: 120_000,
  maxThrottledMs: 300_000,
};

/** What happened on the attempt just made. */
export interface RetryInput {
  /** Attempts made so far (1 after the first), 429s not counted. */
  attempt: number;
  method: string;
  /** The endpoint is safe to repeat whatever its method (a query, an absolute PATCH). */
  idempotent?: boolean;
  /** Time already spent waiting on 429s by this call (ms). */
  throttledMs?: number;
  /** 429s answered to this call so far, this one included (for backoff without `Retry-After`). */
  throttles?: number;
  /** HTTP status, when an answer came. */
  status?: number;
  /** When no answer came. */
  failure?: "timeout" | "network";
  /** The `Retry-After` header, if any. */
  retryAfter?: string;
  /** Clock, for `Retry-After` dates. */
  now: number;
  /** Uniform [0, 1), for jitter. */
  random: () => number;
}

export type RetryDecision = { retry: true; delayMs: number; reason: string } | { retry: false; reason: string };

// A repeated PUT or DELETE has the same effect as one; POST and PATCH may not.
const IDEMPOTENT = new Set(["GET", "HEAD", "OPTIONS", "PUT", "DELETE"]);

/**
 * Parses `Retry-After` in the three forms the vendors use: seconds (Genesys, Our Voice), an HTTP
 * date (RFC 9110), or an ISO-8601 timestamp (Zoom). Returns the wait in ms (never negative).
 */
export function parseRetryAfter(value: string | undefined, now: number): number | undefined {
  if (value === undefined) return undefined;
  const text = value.trim();
  if (text === "") return undefined;
  if (/^\d+(\.\d+)?$/.test(text)) return Math.round(Number(text) * 1000);
  // Only the two date forms the vendors send: `Mon, 23 Nov 2026 10:00:00 GMT` and ISO-8601.
  if (!/^[A-Za-z]{3}, \d{2} [A-Za-z]{3} \d{4} /.test(text) && !/^\d{4}-\d{2}-\d{2}T/.test(text)) return undefined;
  const at = Date.parse(text);
  return Number.isNaN(at) ? undefined : Math.max(0, at - now);
}

/** Capped exponential backoff with full jitter. */
export function backoff(attempt: number, policy: RetryPolicy, random: () => number): number {
  const ceiling = Math.min(policy.capMs, policy.baseMs * 2 ** Math.max(0, attempt - 1));
  return Math.floor(random() * ceiling);
}

/**
 * The whole retry policy as one pure function. A 429 is retried for every method (the server
 * refused it before doing anything) until the call has waited `maxThrottledMs`; 5xx, timeouts and
 * network errors only for idempotent methods or endpoints, so a create is never blindly repeated
 * (the caller looks it up instead).
 */
export function decideRetry(input: RetryInput, policy: RetryPolicy = DEFAULT_RETRY_POLICY): RetryDecision {
  const method = input.method.toUpperCase();
  if (input.status === 429) {
    const given = parseRetryAfter(input.retryAfter, input.now);
    if (given !== undefined && given > policy.maxRetryAfterMs)
      return { retry: false, reason: `429: Retry-After ${given} ms is too long to wait` };
    const wait = given ?? backoff(input.throttles ?? input.attempt, policy, input.random);
    const spent = (input.throttledMs ?? 0) + Math.max(wait, policy.baseMs);
    const budget = policy.maxThrottledMs ?? policy.maxRetryAfterMs;
    if (spent > budget)
      return { retry: false, reason: `429: still rate limited after waiting ${Math.round(spent / 1000)} s` };
    return { retry: true, delayMs: wait, reason: given === undefined ? "429" : "429 Retry-After" };
  }
  if (input.attempt >= policy.maxAttempts) return { retry: false, reason: `gave up after ${input.attempt} attempts` };
  const transient =
    input.failure !== undefined ||
    (input.status !== undefined && input.status >= 500 && input.status !== 501 && input.status !== 505);
  if (!transient) return { retry: false, reason: input.status ? `status ${input.status} is final` : "no failure" };
  if (!IDEMPOTENT.has(method) && !input.idempotent)
    return { retry: false, reason: `${method} is not idempotent: not repeated blindly` };
  return {
    retry: true,
    delayMs: backoff(input.attempt, policy, input.random),
    reason: input.failure ?? `${input.status}`,
  };
}

/**
 * One call's retries: the attempt count (429s apart) and the time spent on 429s that
 * {@link decideRetry} reads, kept in one place for every caller.
 */
export class Retries {
  private attempt = 1;
  private throttledMs = 0;
  private throttles = 0;

  constructor(
    private readonly policy: RetryPolicy = DEFAULT_RETRY_POLICY,
    private readonly random: () => number = Math.random,
  ) {}

  /** Decides after a failed attempt; a 429 that will be waited out is the server's pacing, not an attempt. */
  next(input: Omit<RetryInput, "attempt" | "throttledMs" | "throttles" | "random">): RetryDecision {
    const throttled = input.status === 429;
    if (throttled) this.throttles++;
    const decision = decideRetry(
      {
        ...input,
        attempt: this.attempt,
        throttledMs: this.throttledMs,
        throttles: this.throttles,
        random: this.random,
      },
      this.policy,
    );
    if (decision.retry && throttled) this.throttledMs += Math.max(decision.delayMs, this.policy.baseMs);
    else if (decision.retry) this.attempt++;
    return decision;
  }
}
