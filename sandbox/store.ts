import { DatabaseSync } from "node:sqlite";

/** One stored object with its bookkeeping. */
export interface Stored<T> {
  id: string;
  value: T;
  /** Insertion order, stable across updates: lists sort by it. */
  seq: number;
  /** Milliseconds since the epoch of the last write. */
  updatedAt: number;
  /** The value before the last write, for the stale-read fault. */
  previous?: T;
}

/** A typed view of one kind of object of one vendor. */
export interface Collection<T> {
  get(id: string): T | undefined;
  /** The stored record, with its previous value and write time. */
  record(id: string): Stored<T> | undefined;
  /** All objects, oldest first. */
  list(): T[];
  /** All stored records, oldest first. */
  records(): Stored<T>[];
  count(): number;
  /** Inserts or replaces. */
  put(id: string, value: T, now?: number): T;
  delete(id: string): boolean;
}

/**
 * The sandbox's storage: SQLite (node:sqlite), in memory by default or in a file. Every write is
 * one statement or one transaction, so concurrent requests never see half an object.
 */
export class Store {
  private readonly db: DatabaseSync;

  constructor(file?: string) {
    this.db = new DatabaseSync(file ?? ":memory:");
    this.db.exec(`
      PRAGMA journal_mode = ${file ? "WAL" : "MEMORY"};
      PRAGMA busy_timeout = 5000;
      CREATE TABLE IF NOT EXISTS objects (
        vendor TEXT NOT NULL, kind TEXT NOT NULL, id TEXT NOT NULL,
        seq INTEGER NOT NULL, updated_at INTEGER NOT NULL, body TEXT NOT NULL, previous TEXT,
        PRIMARY KEY (vendor, kind, id));
      CREATE TABLE IF NOT EXISTS tokens (
        token TEXT PRIMARY KEY, vendor TEXT NOT NULL, client TEXT NOT NULL,
        expires_at INTEGER NOT NULL, revoked INTEGER NOT NULL DEFAULT 0);
      CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);`);
  }

  collection<T>(vendor: string, kind: string): Collection<T> {
    const db = this.db;
    const get = db.prepare(
      "SELECT id, seq, updated_at, body, previous FROM objects WHERE vendor=? AND kind=? AND id=?",
    );
    const list = db.prepare(
      "SELECT id, seq, updated_at, body, previous FROM objects WHERE vendor=? AND kind=? ORDER BY seq",
    );
    const count = db.prepare("SELECT count(*) AS n FROM objects WHERE vendor=? AND kind=?");
    const upsert = db.prepare(`
      INSERT INTO objects (vendor, kind, id, seq, updated_at, body, previous)
      VALUES (?, ?, ?, (SELECT coalesce(max(seq), 0) + 1 FROM objects), ?, ?, NULL)
      ON CONFLICT (vendor, kind, id) DO UPDATE SET
        previous = objects.body, body = excluded.body, updated_at = excluded.updated_at`);
    const del = db.prepare("DELETE FROM objects WHERE vendor=? AND kind=? AND id=?");
    const toRecord = (row: any): Stored<T> | undefined => {
      if (!row) return undefined;
      return {
        id: row.id,
        seq: Number(row.seq),
        updatedAt: Number(row.updated_at),
        value: JSON.parse(row.body),
        previous: row.previous ? JSON.parse(row.previous) : undefined,
      };
    };
    const record = (id: string) => toRecord(get.get(vendor, kind, id));
    const records = () => (list.all(vendor, kind) as any[]).map((r) => toRecord(r)!);
    return {
      get: (id) => record(id)?.value,
      record,
      list: () => records().map((r) => r.value),
      records,
      count: () => Number((count.get(vendor, kind) as any).n),
      put: (id, value, now = Date.now()) => {
        upsert.run(vendor, kind, id, now, JSON.stringify(value));
        return value;
      },
      delete: (id) => Number(del.run(vendor, kind, id).changes) > 0,
    };
  }

  /**
   * A view in which objects written less than `ms` before `now` still show their previous value
   * (and new ones are not there yet): the read-after-write lag of the stale-read fault.
   */
  staleView(ms: number, now: number): Store {
    const view = Object.create(this) as Store;
    view.collection = <T>(vendor: string, kind: string): Collection<T> => {
      const c = this.collection<T>(vendor, kind);
      const seen = (r: Stored<T> | undefined) => (r && now - r.updatedAt < ms ? r.previous : r?.value);
      const visible = () => c.records().filter((r) => seen(r) !== undefined);
      return {
        ...c,
        get: (id) => seen(c.record(id)),
        list: () => visible().map((r) => seen(r)!),
        records: () => visible().map((r) => ({ ...r, value: seen(r)! })),
        count: () => visible().length,
      };
    };
    return view;
  }

  /** Runs `fn` in one transaction. */
  transaction<T>(fn: () => T): T {
    this.db.exec("BEGIN IMMEDIATE");
    try {
      const r = fn();
      this.db.exec("COMMIT");
      return r;
    } catch (e) {
      this.db.exec("ROLLBACK");
      throw e;
    }
  }

  issueToken(token: string, vendor: string, client: string, expiresAt: number): void {
    this.db
      .prepare("INSERT INTO tokens (token, vendor, client, expires_at) VALUES (?, ?, ?, ?)")
      .run(token, vendor, client, expiresAt);
  }

  findToken(token: string): { vendor: string; client: string; expiresAt: number; revoked: boolean } | undefined {
    const r = this.db.prepare("SELECT vendor, client, expires_at, revoked FROM tokens WHERE token=?").get(token) as any;
    return r && { vendor: r.vendor, client: r.client, expiresAt: Number(r.expires_at), revoked: r.revoked === 1 };
  }

  /** Revokes one token, or every token of a vendor when `token` is omitted; returns how many. */
  revokeTokens(vendor: string, token?: string): number {
    const r = token
      ? this.db.prepare("UPDATE tokens SET revoked=1 WHERE vendor=? AND token=?").run(vendor, token)
      : this.db.prepare("UPDATE tokens SET revoked=1 WHERE vendor=?").run(vendor);
    return Number(r.changes);
  }

  getMeta(key: string): string | undefined {
    return (this.db.prepare("SELECT value FROM meta WHERE key=?").get(key) as any)?.value;
  }

  setMeta(key: string, value: string): void {
    this.db
      .prepare("INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value=excluded.value")
      .run(key, value);
  }

  /** Empties every table. */
  clear(): void {
    this.db.exec("DELETE FROM objects; DELETE FROM tokens; DELETE FROM meta;");
  }

  close(): void {
    this.db.close();
  }
}
