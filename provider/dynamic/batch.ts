// Coalesces concurrent single-object reads (the engine refreshes resources in parallel) into one
// list call per batch, e.g. Genesys' `segmentIds` (≤ 100 ids per request).

/** When a batch goes (see {@link Batcher}). */
export interface BatchTiming {
  /** The batch goes once no new key has come for this long (ms). */
  idleMs?: number;
  /** ...or once its first key has waited this long (ms), however steadily keys keep coming. */
  maxWaitMs?: number;
}

/**
 * From `npm run bench` (refresh of 300 segments): under `--parallel 300` the engine's reads reach
 * the provider in bursts with gaps of 25–100 ms, which a 10 ms quiet cut into 12–20 calls and 50 ms
 * keeps in the 3 the id limit allows. Under the default parallelism (4 × cores, so 8 reads in
 * flight on 2 cores) no batch can hold more than that, whatever the wait; there the quiet costs
 * its 50 ms once per wave.
 */
export const BATCH_DEFAULTS: Required<BatchTiming> = { idleMs: 50, maxWaitMs: 250 };

/**
 * Collects keys asked for close together and loads them with one `loadMany` call. A batch goes
 * when no key has come for `idleMs`, when its first key has waited `maxWaitMs`, or at once when
 * `max` keys are waiting. Waiting for a quiet moment rather than a fixed window keeps the engine's
 * stream of reads (spread over hundreds of ms) in full batches; `maxWaitMs` bounds what a read may
 * wait. A key the answer lacks resolves to `undefined` (gone).
 */
export class Batcher<V> {
  private waiting = new Map<string, { resolve: (v: V | undefined) => void; reject: (e: unknown) => void }[]>();
  private idle: NodeJS.Timeout | undefined;
  private deadline: NodeJS.Timeout | undefined;
  private readonly idleMs: number;
  private readonly maxWaitMs: number;

  constructor(
    private readonly loadMany: (keys: string[]) => Promise<Map<string, V>>,
    private readonly max: number,
    timing: BatchTiming = {},
  ) {
    this.idleMs = timing.idleMs ?? BATCH_DEFAULTS.idleMs;
    this.maxWaitMs = Math.max(timing.maxWaitMs ?? BATCH_DEFAULTS.maxWaitMs, this.idleMs);
  }

  load(key: string): Promise<V | undefined> {
    return new Promise((resolve, reject) => {
      const list = this.waiting.get(key) ?? [];
      list.push({ resolve, reject });
      this.waiting.set(key, list);
      if (this.waiting.size >= this.max) return this.flush();
      clearTimeout(this.idle);
      this.idle = setTimeout(() => this.flush(), this.idleMs);
      this.deadline ??= setTimeout(() => this.flush(), this.maxWaitMs);
    });
  }

  private flush(): void {
    clearTimeout(this.idle);
    clearTimeout(this.deadline);
    this.idle = this.deadline = undefined;
    const batch = this.waiting;
    this.waiting = new Map();
    if (batch.size === 0) return;
    let answer: Promise<Map<string, V>>;
    try {
      answer = this.loadMany([...batch.keys()]);
    } catch (e) {
      // A loadMany that throws at once fails its reads, not the timer that flushed them.
      answer = Promise.reject(e);
    }
    answer.then(
      (found) => {
        for (const [key, list] of batch) for (const w of list) w.resolve(found.get(key));
      },
      (e) => {
        for (const list of batch.values()) for (const w of list) w.reject(e);
      },
    );
  }
}
