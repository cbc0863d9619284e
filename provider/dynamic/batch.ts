// Coalesces concurrent single-object reads (the engine refreshes resources in parallel) into one
// list call per batch, e.g. Genesys' `segmentIds` (≤ 100 ids per request).

/**
 * Collects keys asked for within `windowMs` (or until `max` are waiting) and loads them with one
 * `loadMany` call. A key the answer lacks resolves to `undefined` (gone).
 */
export class Batcher<V> {
  private waiting = new Map<string, { resolve: (v: V | undefined) => void; reject: (e: unknown) => void }[]>();
  private timer: NodeJS.Timeout | undefined;

  constructor(
    private readonly loadMany: (keys: string[]) => Promise<Map<string, V>>,
    private readonly max: number,
    private readonly windowMs = 10,
  ) {}

  load(key: string): Promise<V | undefined> {
    return new Promise((resolve, reject) => {
      const list = this.waiting.get(key) ?? [];
      list.push({ resolve, reject });
      this.waiting.set(key, list);
      if (this.waiting.size >= this.max) this.flush();
      else this.timer ??= setTimeout(() => this.flush(), this.windowMs);
    });
  }

  private flush(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
    const batch = this.waiting;
    this.waiting = new Map();
    if (batch.size === 0) return;
    this.loadMany([...batch.keys()]).then(
      (found) => {
        for (const [key, list] of batch) for (const w of list) w.resolve(found.get(key));
      },
      (e) => {
        for (const list of batch.values()) for (const w of list) w.reject(e);
      },
    );
  }
}
