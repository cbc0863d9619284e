import { createHash } from "node:crypto";
import { processRegistry } from "../state";

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
  private current: Budget;
  private windowMs: number;
  /** Budgets already warned about, so each conflict is said once. */
  readonly warned = new Set<string>();

  constructor(
    budget: Budget,
    private readonly timing: Timing = realTiming,
  ) {
    this.current = checked(budget);
    this.windowMs = windowOf(budget);
  }

  /** The budget in force: the one it was made with, or a smaller one applied since ({@link sharedLimiter}). */
  get budget(): Budget {
    return this.current;
  }

  /** Applies `budget` from the next slot on when it is smaller (see {@link smaller}); returns the budget in force. */
  tighten(budget: Budget): Budget {
    if (smaller(checked(budget), this.current)) {
      this.current = { ...budget };
      this.windowMs = windowOf(budget);
    }
    return this.current;
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
        this.starts.length < this.current.limit ? 0 : this.starts[0] + this.windowMs - now,
      );
      if (wait <= 0) {
        this.starts.push(now);
        return;
      }
      await this.timing.sleep(wait);
    }
  }
}

function checked(budget: Budget): Budget {
  if (!(budget.limit > 0 && budget.periodMs > 0)) throw new Error("a budget needs limit > 0 and periodMs > 0");
  return { ...budget };
}

const windowOf = (b: Budget) => b.periodMs + Math.min(250, Math.round(b.periodMs * 0.02));

/** Whether `a` lets fewer requests through than `b`: a lower rate, or at the same rate a smaller burst. */
export function smaller(a: Budget, b: Budget): boolean {
  const ra = a.limit * b.periodMs;
  const rb = b.limit * a.periodMs;
  return ra < rb || (ra === rb && a.limit < b.limit);
}

/** `300 requests per 60 s` */
export function budgetText(b: Budget): string {
  const period = b.periodMs % 1000 === 0 ? `${b.periodMs / 1000} s` : `${b.periodMs} ms`;
  return `${b.limit} request${b.limit === 1 ? "" : "s"} per ${period}`;
}

/**
 * The process-wide limiter for `key` (vendor + account), created with `budget` on first use.
 *
 * One account has one limit at its vendor, so every caller of the same key shares one limiter.
 * When a caller asks with a different budget (two stacks in one process, or a client built by
 * hand with its own budget), the smaller one (see {@link smaller}) applies to every caller from
 * then on and `warn` is told once per budget asked, naming the vendor, a digest of the account
 * (never the account id itself: it can be a credential) and both budgets. A budget is never
 * raised: no caller gets more requests than it asked for.
 */
export function sharedLimiter(
  key: string,
  budget: Budget,
  warn: (message: string) => void = (m) => process.emitWarning(m, { code: "CXFLOW_BUDGET" }),
): Limiter {
  const registry = processRegistry<Limiter>("limiters");
  const limiter = registry.get(key);
  if (!limiter) {
    const made = new Limiter(budget);
    registry.set(key, made);
    return made;
  }
  const before = limiter.budget;
  if (before.limit === budget.limit && before.periodMs === budget.periodMs) return limiter;
  const after = limiter.tighten(budget);
  const asked = budgetText(budget);
  if (!limiter.warned.has(asked)) {
    limiter.warned.add(asked);
    const vendor = key.split(":", 1)[0];
    const account = createHash("sha256").update(key).digest("hex").slice(0, 8);
    warn(
      `${vendor} account ${account}: a request budget of ${asked} was asked for while ${budgetText(before)} was in force in this process; ${budgetText(after)}, the smaller, now applies to both`,
    );
  }
  return limiter;
}
