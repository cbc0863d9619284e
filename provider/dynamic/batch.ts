// Coalesces concurrent single-object reads (the engine refreshes resources in parallel) into one
// list call per batch, e.g. Genesys' `segmentIds` (≤ 100 ids per request).
import { isNotFound } from "../http/errors";

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
 * Listing everything once, for a refresh that reads many objects: the engine keeps only
 * `--parallel` reads in flight (8 on 2 cores), so batches alone cannot drop below stack size ÷ 8
 * calls. After `after` reads within `windowMs`, `loadAll` lists every object (or answers
 * `undefined` when there are too many to be worth it) and the reads of the next `windowMs` are
 * answered from that list, unless {@link Batcher.invalidate} (a write) comes first.
 */
export interface ReadAhead<V> {
  loadAll(): Promise<Map<string, V> | undefined>;
  after: number;
  windowMs: number;
}

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
  /** Times of recent reads, while read-ahead is off. */
  private recent: number[] = [];
  /** The whole listing (or `undefined`: too many), taken at `at`, valid for writes up to `generation`. */
  private listing: { at: number; generation: number; all: Promise<Map<string, V> | undefined> } | undefined;
  private generation = 0;

  constructor(
    private readonly loadMany: (keys: string[]) => Promise<Map<string, V>>,
    private readonly max: number,
    timing: BatchTiming = {},
    private readonly readAhead?: ReadAhead<V>,
    private readonly now: () => number = Date.now,
  ) {
    this.idleMs = timing.idleMs ?? BATCH_DEFAULTS.idleMs;
    this.maxWaitMs = Math.max(timing.maxWaitMs ?? BATCH_DEFAULTS.maxWaitMs, this.idleMs);
  }

  /** A write happened: reads from now on go to the server, not to an earlier listing. */
  invalidate(): void {
    this.generation++;
    this.listing = undefined;
    this.recent = [];
  }

  load(key: string): Promise<V | undefined> {
    if (!this.readAhead) return this.batched(key);
    return this.fromListing().then((all) => (all ? all.get(key) : this.batched(key)));
  }

  /** The whole listing when read-ahead applies now, else `undefined`. */
  private async fromListing(): Promise<Map<string, V> | undefined> {
    const ra = this.readAhead!;
    const now = this.now();
    if (this.listing && now - this.listing.at > ra.windowMs) this.listing = undefined;
    if (!this.listing) {
      this.recent = this.recent.filter((t) => now - t <= ra.windowMs);
      this.recent.push(now);
      if (this.recent.length <= ra.after) return undefined;
      const generation = this.generation;
      const all = ra.loadAll().catch(() => undefined);
      this.listing = { at: now, generation, all };
    }
    const { generation, all } = this.listing;
    const found = await all;
    // A write while the listing was on its way may not be in it.
    return generation === this.generation ? found : undefined;
  }

  private batched(key: string): Promise<V | undefined> {
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

/**
 * Reads of a kind whose API looks objects up one at a time but can list them all: a lone read is
 * one GET (an error that `gone` recognises, by default a `not_found`, means the object is gone);
 * from the second read within 10 s (a refresh) on, the whole listing (at most `maxItems`
 * objects) answers them, so a refresh of hundreds costs a few pages.
 */
export function listingReads<V>(
  get: (id: string) => Promise<V | undefined>,
  list: () => AsyncIterable<[string, V]>,
  { gone = isNotFound, maxItems = 2_000 }: { gone?: (e: unknown) => boolean; maxItems?: number } = {},
): Batcher<V> {
  const one = async (id: string) => {
    try {
      return await get(id);
    } catch (e) {
      if (gone(e)) return undefined;
      throw e;
    }
  };
  return new Batcher<V>(
    async (ids) => {
      const found = new Map<string, V>();
      await Promise.all(
        ids.map(async (id) => {
          const v = await one(id);
          if (v !== undefined) found.set(id, v);
        }),
      );
      return found;
    },
    8,
    {},
    {
      after: 1,
      windowMs: 10_000,
      async loadAll() {
        const all = new Map<string, V>();
        for await (const [id, v] of list()) {
          all.set(id, v);
          if (all.size > maxItems) return undefined;
        }
        return all;
      },
    },
  );
}
