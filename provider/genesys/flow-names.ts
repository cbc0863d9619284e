// Names for the ids flow analytics group by: the flows, flow outcomes and flow milestones of a
// result are listed by `id`, one batched lookup per kind per query, and their names put in the rows.
import { z } from "zod";
import { byIds } from "./architect-lookups";
import type { GenesysClient } from "./client";
import { MAX_LISTING_IDS } from "./endpoints";

/**
 * The `resolveNames` argument of the flow analytics data sources: look up the names of the
 * flows, flow outcomes and flow milestones the rows name by id (default true); `false` makes no
 * lookup at all (for an OAuth client without Architect view permissions, or to save the requests).
 */
export const ResolveNamesArg = z.boolean().default(true);

/** An id dimension of flow analytics and the row field its name goes in. */
export interface NamedDimension {
  /** The group dimension holding the id, e.g. `flowOutcomeId`. */
  id: "flowId" | "flowOutcomeId" | "flowMilestoneId";
  /** The row field the name goes in, e.g. `flowOutcomeName`. */
  name: "flowName" | "flowOutcomeName" | "flowMilestoneName";
  /** Names by id of those of `ids` the org has (deleted flows excluded). */
  lookup(client: GenesysClient, ids: string[]): Promise<Map<string, string>>;
}

/** Names by id from a listing that takes up to {@link MAX_LISTING_IDS} ids per request. */
async function namesOf(
  ids: string[],
  list: (chunk: string[]) => Promise<{ entities?: { id: string; name: string }[] }>,
): Promise<Map<string, string>> {
  const { found } = await byIds(ids, list);
  return new Map(found.map((x) => [x.id, x.name]));
}

const page = (id: string[]) => ({ id, pageSize: MAX_LISTING_IDS });

/** The three id dimensions that get names, in the order their lookups are made. */
export const NAMED_DIMENSIONS: readonly NamedDimension[] = [
  {
    id: "flowId",
    name: "flowName",
    // Deleted flows are not listed without `deleted=true`, so they stay unnamed.
    lookup: (c, ids) => namesOf(ids, (id) => c.call("listFlows", { query: page(id) })),
  },
  {
    id: "flowOutcomeId",
    name: "flowOutcomeName",
    lookup: (c, ids) => namesOf(ids, (id) => c.call("listFlowOutcomes", { query: page(id) })),
  },
  {
    id: "flowMilestoneId",
    name: "flowMilestoneName",
    lookup: (c, ids) => namesOf(ids, (id) => c.call("listFlowMilestones", { query: page(id) })),
  },
];

type Row = Record<string, unknown>;
/** The fields {@link withFlowNames} may add to a row. */
export type FlowNames = { flowName?: string; flowOutcomeName?: string; flowMilestoneName?: string };

// `flattenMultivaluedDimensions` joins several ids into one group value with commas.
const idsIn = (value: string) => value.split(",").filter((id) => id !== "");

/** The ids of dimension `d` in rows that have no name for them yet. */
function idsToName(rows: readonly Row[], d: NamedDimension): string[] {
  const ids = new Set<string>();
  for (const r of rows) {
    const v = r[d.id];
    if (typeof v === "string" && r[d.name] === undefined) for (const id of idsIn(v)) ids.add(id);
  }
  return [...ids];
}

/** The name of a group value: one id's name, or every id's name joined as the ids are; undefined if any is unknown. */
function nameOf(value: string, names: Map<string, string>): string | undefined {
  const each = idsIn(value).map((id) => names.get(id));
  return each.length > 0 && each.every((n) => n !== undefined) ? each.join(",") : undefined;
}

/** `row` with each name found placed right after its id; a row with nothing to add is returned as is. */
function named<R extends Row>(row: R, found: Map<NamedDimension, Map<string, string>>): R {
  const add = new Map<string, [string, string]>();
  for (const [d, names] of found) {
    const v = row[d.id];
    const name = typeof v === "string" && row[d.name] === undefined ? nameOf(v, names) : undefined;
    if (name !== undefined) add.set(d.id, [d.name, name]);
  }
  if (add.size === 0) return row;
  const out: Row = {};
  for (const [k, v] of Object.entries(row)) {
    out[k] = v;
    const extra = add.get(k);
    if (extra) out[extra[0]] = extra[1];
  }
  return out as R;
}

/**
 * `rows` with `flowName`, `flowOutcomeName` and `flowMilestoneName` next to `flowId`,
 * `flowOutcomeId` and `flowMilestoneId`. The distinct ids of all rows are listed once per kind
 * (by `id`, {@link MAX_LISTING_IDS} per request; no request for a kind no row names); an id the
 * org no longer has (a deleted flow or milestone) gets no name, and a name a row already carries
 * (a `flowName` group value) is kept.
 */
export async function withFlowNames<R extends Row>(rows: R[], client: GenesysClient): Promise<(R & FlowNames)[]> {
  const wanted = NAMED_DIMENSIONS.map((d) => ({ d, ids: idsToName(rows, d) })).filter((w) => w.ids.length > 0);
  if (wanted.length === 0) return rows;
  const found = new Map(await Promise.all(wanted.map(async ({ d, ids }) => [d, await d.lookup(client, ids)] as const)));
  return rows.map((r) => named<R & FlowNames>(r, found));
}
