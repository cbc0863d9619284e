// What the versioned journey objects (segments, outcomes, action templates and maps) share: reads batched through the
// listing's id filter, a per-process index of display names, and PATCHes that echo the version.
import { Batcher } from "../dynamic/batch";
import type { Found } from "../dynamic/define";
import { genesys } from "../dynamic/runtime";
import { CxflowError, isNotFound } from "../http/errors";
import { MAX_LISTING_IDS, MAX_PAGE_SIZE } from "./endpoints";
import type { ActionMap } from "./models";

/** One page of a journey listing. */
interface Page<T> {
  entities?: T[];
  pageCount?: number;
}

/** Read-ahead lists the whole org only up to this many pages (of 200): beyond, batches are cheaper. */
export const READ_AHEAD_MAX_PAGES = 10;

/**
 * Refresh reads, coalesced: concurrent reads of up to `maxIds` objects are one listing by ids; once a
 * refresh has read more than 24 (three waves of the engine's default 8 in flight), the org's
 * objects are listed whole (≤ 2,000) and the next 10 s of reads are answered from that.
 */
export function idListingReads<T extends { id: string }>(
  byIds: (ids: string[]) => Promise<Page<T>>,
  byPage: (query: { pageSize: number; pageNumber: number }) => Promise<Page<T>>,
  maxIds: number = MAX_LISTING_IDS,
): Batcher<T> {
  return new Batcher<T>(
    async (ids) => new Map(((await byIds(ids)).entities ?? []).map((x) => [x.id, x])),
    maxIds,
    {},
    {
      after: 24,
      windowMs: 10_000,
      async loadAll() {
        const all = new Map<string, T>();
        for (let pageNumber = 1; ; pageNumber++) {
          const page = await byPage({ pageSize: MAX_PAGE_SIZE, pageNumber });
          if ((page.pageCount ?? 1) > READ_AHEAD_MAX_PAGES) return undefined;
          for (const x of page.entities ?? []) all.set(x.id, x);
          if (pageNumber >= (page.pageCount ?? 1) || (page.entities ?? []).length === 0) return all;
        }
      },
    },
  );
}

/**
 * Name → id, listed once per provider process and kept up to date by its own creates, renames
 * and deletes, so 300 creates cost one listing, not 300. `nameOf` answers `undefined` for objects
 * that do not hold their name (e.g. a soft-deleted template).
 */
export class NameIndex<T extends { id: string }> {
  private names: Promise<Map<string, string>> | undefined;

  constructor(
    private readonly list: () => AsyncIterable<T>,
    private readonly nameOf: (x: T) => string | undefined,
  ) {}

  private index(): Promise<Map<string, string>> {
    this.names ??= (async () => {
      const map = new Map<string, string>();
      for await (const x of this.list()) {
        const name = this.nameOf(x);
        if (name !== undefined && !map.has(name)) map.set(name, x.id);
      }
      return map;
    })().catch((e) => {
      this.names = undefined;
      throw e;
    });
    return this.names;
  }

  /** The objects holding `name` (for `Named.find`). */
  async find(name: string): Promise<Found[]> {
    const id = (await this.index()).get(name);
    return id === undefined ? [] : [{ id }];
  }

  /** Records a create or a rename; a no-op until the index is first loaded. */
  async set(name: string, id: string, previous?: string): Promise<void> {
    if (!this.names) return;
    const index = await this.names;
    if (previous !== undefined && previous !== name) index.delete(previous);
    index.set(name, id);
  }

  /** Records a delete. */
  async delete(name: string): Promise<void> {
    if (this.names) (await this.names).delete(name);
  }
}

/**
 * Makes the server's object match: reads it (or starts from `known`, a create's answer), asks
 * `changes` what differs, and PATCHes that with the version just read; a 409 (someone else's
 * change between our read and write) is read again and re-applied, up to 5 times.
 */
export async function converge<T extends { version: number }>(o: {
  get: () => Promise<T>;
  known?: T;
  changes: (current: T) => string[];
  patch: (changed: string[], version: number) => Promise<T>;
}): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    const current = attempt === 1 && o.known ? o.known : await o.get();
    const changed = o.changes(current);
    if (changed.length === 0) return current;
    try {
      return await o.patch(changed, current.version);
    } catch (e) {
      if (e instanceof CxflowError && e.code === "conflict" && attempt < 5) continue;
      throw e;
    }
  }
}

/** The ids of each kind of object an action map refers to. */
export const MAP_REFERENCES = {
  "journey segment": (m: ActionMap) => m.triggerWithSegments,
  "journey outcome": (m: ActionMap) =>
    [
      ...m.triggerWithOutcomeProbabilityConditions,
      ...m.triggerWithOutcomePercentileConditions,
      ...m.triggerWithOutcomeQuantileConditions,
    ].map((c) => c.outcomeId),
  "action template": (m: ActionMap) => (m.action.actionTemplate ? [m.action.actionTemplate.id] : []),
};

/**
 * Deletes an object action maps may refer to; gone already is success. When the API refuses
 * (it does while a map uses the object), the error names the maps that use it and what to do.
 */
export async function deleteUnlessUsed(
  what: keyof typeof MAP_REFERENCES,
  name: string,
  id: string,
  del: () => Promise<unknown>,
): Promise<void> {
  try {
    await del();
  } catch (e) {
    if (isNotFound(e)) return;
    if (!(e instanceof CxflowError) || (e.code !== "conflict" && e.code !== "validation")) throw e;
    const users: ActionMap[] = [];
    for await (const m of genesys().actionMaps({ pageSize: MAX_PAGE_SIZE }))
      if (MAP_REFERENCES[what](m).includes(id)) users.push(m);
    if (users.length === 0) throw e;
    const maps = users.map((m) => `"${m.displayName}" (${m.id})`).join(", ");
    throw new CxflowError({
      code: e.code,
      status: e.status,
      route: e.route,
      correlationId: e.correlationId,
      message: `cannot delete ${what} "${name}" (${id}): action map${users.length > 1 ? "s" : ""} ${maps} still ${users.length > 1 ? "use" : "uses"} it. Remove it from the map first; in one stack, pass this resource's id to the map (e.g. \`triggerWithSegments: [segment.id]\`) and Pulumi deletes the map first`,
      cause: e,
    });
  }
}
