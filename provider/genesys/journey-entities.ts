// What the versioned journey objects (segments, outcomes, action templates and maps) share: the
// whole create/read/update/delete lifecycle, on reads batched through the listing's id filter, a
// per-process index of names, and PATCHes that echo the version.
import { Batcher, listingReads } from "../dynamic/batch";
import { createOnce } from "../dynamic/create-once";
import { type Found, partiallyCreated, type ResourceDefinition } from "../dynamic/define";
import { diffFields, type Fields } from "../dynamic/fields";
import { genesys } from "../dynamic/runtime";
import { CxflowError, isNotFound } from "../http/errors";
import { MAX_LISTING_IDS, MAX_PAGE_SIZE } from "./endpoints";
import { ACTION_MAP_REFERENCES, type ActionMap } from "./models";

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
export async function converge<T extends { version?: number }>(o: {
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
      return await o.patch(changed, current.version ?? 0);
    } catch (e) {
      if (e instanceof CxflowError && e.code === "conflict" && attempt < 5) continue;
      throw e;
    }
  }
}

/** The ids of each kind of object an action map refers to. */
export const MAP_REFERENCES = ACTION_MAP_REFERENCES;

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

/** What cxflow keeps beside a journey object's server fields. */
export interface Local {
  adopt?: boolean;
  adopted?: boolean;
}

/** How one kind of named object (a versioned journey object, a flow outcome) is listed, read, written and named. */
export interface JourneyKind<
  T extends { id: string; version?: number },
  I extends { adopt?: boolean },
  O extends Record<string, any>,
> {
  /** In messages, e.g. `journey segment`. */
  what: string;
  /** The input that names an object uniquely: `displayName` or `name`. */
  property: "displayName" | "name";
  /** An object's name, or `undefined` when it does not hold one (a soft-deleted template). */
  nameOf(x: T): string | undefined;
  fields: Fields;
  /** The outputs of an object (default: its server fields without `id`, plus `adopt` and `adopted`). */
  toOutputs?(x: T, local: Local): O;
  list(): AsyncIterable<T>;
  get(id: string): Promise<T>;
  /** The listing by ids (up to `maxIds`), when the API has one; else reads list or get one by one. */
  byIds?: {
    list(ids: string[]): Promise<Page<T>>;
    page(q: { pageSize: number; pageNumber: number }): Promise<Page<T>>;
    maxIds?: number;
  };
  post(i: I): Promise<T>;
  /** The PATCH of the `changed` fields, echoing `version` (0 for kinds without one, whose writes are PUTs). */
  patch(id: string, changed: string[], i: I, version: number): Promise<T>;
  remove(id: string): Promise<unknown>;
  /** Set when action maps may use the object: a refused delete then names them. */
  usedAs?: keyof typeof MAP_REFERENCES;
  /** Checks before a write, e.g. that what the inputs refer to exists (`changed`: on update). */
  verify?(i: I, changed?: string[]): Promise<void>;
  /** Checks the object `adopt` found before taking it over. */
  beforeAdopt?(current: T, i: I): void;
}

/**
 * The lifecycle of a journey object kind: create once (a lost answer is looked up by name),
 * adopt, batched reads, versioned PATCHes of what differs, delete (gone is success), and the
 * name index that keeps names unique; a resource adds its schema, fields and export spec.
 */
export function journeyLifecycle<
  T extends { id: string; version?: number },
  I extends { adopt?: boolean },
  O extends Record<string, any>,
>(
  k: JourneyKind<T, I, O>,
): Pick<ResourceDefinition<I, O>, "create" | "adopt" | "read" | "update" | "delete" | "named" | "reads"> {
  const names = new NameIndex(() => k.list(), k.nameOf);
  const toOutputs =
    k.toOutputs ??
    ((x: T, local: Local) => {
      const { id: _id, ...server } = x;
      return { ...server, adopt: local.adopt, adopted: local.adopted ?? false } as unknown as O;
    });
  const nameIn = (i: I) => (i as Record<string, unknown>)[k.property] as string;
  const nameOut = (o: O) => (o as Record<string, unknown>)[k.property] as string;
  async function findByName(name: string): Promise<T | undefined> {
    for await (const x of k.list()) if (k.nameOf(x) === name) return x;
    return undefined;
  }
  const reads = k.byIds
    ? idListingReads(k.byIds.list, k.byIds.page, k.byIds.maxIds)
    : listingReads(
        (id) => k.get(id),
        async function* () {
          for await (const x of k.list()) yield [x.id, x] as [string, T];
        },
      );
  // Fields that replace the object are never PATCHed.
  const patchable = (changed: string[]) => changed.filter((f) => k.fields[f]?.replaces !== true);
  /** Makes the object match `i` with PATCHes of what differs (see {@link converge}). */
  async function apply(id: string, i: I, local: Local, known?: T): Promise<O> {
    const x = await converge({
      get: () => k.get(id),
      known,
      changes: (current) =>
        patchable(diffFields(k.fields, toOutputs(current, local) as Record<string, unknown>, i).changed),
      patch: (changed, version) => k.patch(id, changed, i, version),
    });
    return toOutputs(x, local);
  }
  return {
    async create(i) {
      await k.verify?.(i);
      const created = await createOnce(
        () => k.post(i),
        () => findByName(nameIn(i)),
      );
      await names.set(nameIn(i), created.id);
      const local = { adopt: i.adopt, adopted: false };
      // Usually nothing is left to do; an object found after an ambiguous create may need a PATCH.
      try {
        return { id: created.id, outs: await apply(created.id, i, local, created) };
      } catch (e) {
        throw partiallyCreated(created.id, toOutputs(created, local), e);
      }
    },
    async adopt(found, i) {
      await k.verify?.(i);
      const current = await k.get(found.id);
      k.beforeAdopt?.(current, i);
      return apply(found.id, i, { adopt: i.adopt, adopted: true }, current);
    },
    async read(id, olds) {
      const x = await reads.load(id);
      return x === undefined || k.nameOf(x) === undefined ? undefined : toOutputs(x, olds as Local);
    },
    async update(id, olds, news, changed) {
      await k.verify?.(news, changed);
      const local = olds as Local;
      const outs = await apply(id, news, { adopt: local.adopt, adopted: local.adopted });
      await names.set(nameOut(outs), id, nameOut(olds));
      return outs;
    },
    async delete(id, olds) {
      const remove = () =>
        k.remove(id).catch((e) => {
          if (!isNotFound(e)) throw e;
        });
      if (k.usedAs) await deleteUnlessUsed(k.usedAs, nameOut(olds), id, remove);
      else await remove();
      // Deleted or already gone, the name is free again; any other failure keeps it taken.
      await names.delete(nameOut(olds));
    },
    named: { what: k.what, property: k.property, find: (name) => names.find(name) },
    reads,
  };
}
