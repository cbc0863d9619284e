/** A request budget: at most `limit` requests in any `periodMs` window. */
export interface Budget {
  /** Requests allowed in any window. */
  limit: number;
  /** Length of the window in ms. */
  periodMs: number;
}

/** Clock and sleep, injectable so tests need not wait. */
export interface Timing {
  now(): number;
  sleep(ms: number): Promise<void>;
}

const realTiming: Timing = { now: () => Date.now(), sleep: (ms) => new Promise((r) => setTimeout(r, ms)) };

/**
 * A sliding-window limiter: `take()` resolves when a request may start. Callers are served in
 * arrival order; `pauseUntil()` holds everyone back after a 429. Windows are 2% (at most 250 ms)
 * longer than the budget's period: the server counts a request when it arrives, so one let go
 * exactly a period after the request that opened its window could arrive a moment early.
 */
export class Limiter {
  private readonly starts: number[] = [];
  private queue: Promise<void> = Promise.resolve();
  private pausedUntil = 0;
  private readonly windowMs: number;

  constructor(
    readonly budget: Budget,
    private readonly timing: Timing = realTiming,
  ) {
    if (!(budget.limit > 0 && budget.periodMs > 0)) throw new Error("a budget needs limit > 0 and periodMs > 0");
    this.windowMs = budget.periodMs + Math.min(250, Math.round(budget.periodMs * 0.02));
  }

  /** Waits for a slot; slots are granted one at a time, in order. */
  take(): Promise<void> {
    const turn = this.queue.then(() => this.waitForSlot());
    this.queue = turn.catch(() => undefined);
    return turn;
  }

  /** Makes every caller wait until `at` (ms since the epoch), e.g. from a 429's `Retry-After`. */
  pauseUntil(at: number): void {
    this.pausedUntil = Math.max(this.pausedUntil, at);
  }

  private async waitForSlot(): Promise<void> {
    for (;;) {
      const now = this.timing.now();
      while (this.starts.length > 0 && this.starts[0] <= now - this.windowMs) this.starts.shift();
      const wait = Math.max(
        this.pausedUntil - now,
        this.starts.length < this.budget.limit ? 0 : this.starts[0] + this.windowMs - now,
      );
      if (wait <= 0) {
        this.starts.push(now);
        return;
      }
      await this.timing.sleep(wait);
    }
  }
}

// One registry per process, even if this module is loaded more than once (the dynamic-provider
// host may load several copies of the package): every resource shares the vendor's budget.
const REGISTRY = Symbol.for("pulumi-cxflow.limiters");
type Registry = Map<string, Limiter>;

/** The process-wide limiter for `key` (vendor + account), created with `budget` on first use. */
export function sharedLimiter(key: string, budget: Budget): Limiter {
  const g = globalThis as unknown as Record<symbol, Registry | undefined>;
  const registry = (g[REGISTRY] ??= new Map());
  let limiter = registry.get(key);
  if (!limiter) {
    limiter = new Limiter(budget);
    registry.set(key, limiter);
  }
  return limiter;
}
