// Flow activity (flows in flight, grouped and detailed), as a data source that reads every page.
import { z } from "zod";
import { dataSource } from "../function";
import {
  type FlowActivityDimension,
  type FlowActivityEntityData,
  FlowActivityQuery,
  type FlowActivityResponse,
} from "./analytics";
import { MAX_ACTIVITY_PAGE_SIZE } from "./analytics-endpoints";
import { ResolveNamesArg, withFlowNames } from "./flow-names";

const query = FlowActivityQuery.shape;
const PageSize = z.number().int().min(1).max(MAX_ACTIVITY_PAGE_SIZE);

/**
 * Arguments of {@link getFlowActivity}. Build `filter` with `genesys.filter.activity`. Without
 * `page`, every page is read (`pageSize` at a time); with `page`, only that one.
 */
export const GetFlowActivityArgs = z
  .strictObject({
    /** Dimensions to group by (default none: one group). */
    groupBy: query.groupBy.default([]),
    /** Which flows in flight count. */
    filter: query.filter,
    /** List each flow in flight (`entities`, `entityIds`); only these are paged, counts cover everything. */
    details: z.boolean().default(false),
    /** Order of entities by activity date: `asc` (default, oldest first), `desc` or `unordered`. */
    order: query.order,
    /** Entities per request while reading every page (1–1000, default 1000). */
    pageSize: PageSize.optional(),
    /** Read only this page (`number` from 1, `size` 1–1000). */
    page: z.strictObject({ number: z.number().int().min(1), size: PageSize }).optional(),
    /** Put `flowName` in the rows of `flowId` groups (default true); `false` makes no lookup. */
    resolveNames: ResolveNamesArg,
  })
  .refine((a) => a.page === undefined || a.pageSize === undefined, {
    message: "cannot be combined with page (page sets its own size)",
    path: ["pageSize"],
  });
export type GetFlowActivityArgs = z.input<typeof GetFlowActivityArgs>;

type ActivityResult = NonNullable<FlowActivityResponse["results"]>[number];

/**
 * One group's count of one metric, the group's dimension values spread in. With `resolveNames`
 * (the default), a group with `flowId` also has `flowName`, the flow's current name, right after
 * it; a flow the org no longer has (deleted, or an id no flow has) has none.
 */
export type FlowActivityRow = { [K in FlowActivityDimension | "flowName"]?: string } & {
  metric: string;
  count: number;
};

/** What {@link getFlowActivity} returns. */
export interface FlowActivityResult {
  /** Which dimension `entityIds` name (with `details`). */
  entityIdDimension?: FlowActivityDimension;
  /** The API's shape, pages merged: counts as the API gives them, `entities`/`entityIds` of every page read. */
  results: ActivityResult[];
  /** One row per group × metric. */
  rows: FlowActivityRow[];
  /** How many pages were read. */
  pages: number;
}

const groupKey = (g: Record<string, string> | undefined) => JSON.stringify(Object.entries(g ?? {}).sort());
const entityKey = (e: FlowActivityEntityData) =>
  JSON.stringify([e.conversationId, e.sessionId, e.flowId, e.activityDate]);

/** Adds a later page's entities and entity ids to the groups of the first. */
function mergePage(into: Map<string, ActivityResult>, page: ActivityResult[]) {
  for (const r of page) {
    const key = groupKey(r.group);
    const known = into.get(key);
    if (!known) {
      into.set(key, r);
      continue;
    }
    known.entities = [...(known.entities ?? []), ...(r.entities ?? [])];
    known.truncated = (known.truncated ?? false) || (r.truncated ?? false);
    known.data = known.data.map((d) => {
      const more = r.data.find((x) => x.metric === d.metric && x.qualifier === d.qualifier)?.entityIds ?? [];
      return d.entityIds ? { ...d, entityIds: [...d.entityIds, ...more] } : d;
    });
  }
}

const flowActivity = dataSource(
  "genesys.getFlowActivity",
  GetFlowActivityArgs,
  async (a, ctx): Promise<FlowActivityResult> => {
    const c = ctx.genesys();
    const body = {
      metrics: [{ metric: "oFlow" as const, ...(a.details && { details: true }) }],
      groupBy: a.groupBy,
      ...(a.filter && { filter: a.filter }),
      ...(a.order && { order: a.order }),
    };
    const merged = new Map<string, ActivityResult>();
    let entityIdDimension: FlowActivityDimension | undefined;
    const size = a.page?.size ?? a.pageSize ?? MAX_ACTIVITY_PAGE_SIZE;
    let pages = 0;
    for (let number = a.page?.number ?? 1; ; number++) {
      const res = await c.queryFlowActivity(body, { pageSize: size, pageNumber: number });
      pages++;
      entityIdDimension ??= res.entityIdDimension;
      const results = res.results ?? [];
      mergePage(merged, results);
      // Counts cover every page, so only entities need more pages; a short page is the last.
      const onPage = new Set(results.flatMap((r) => (r.entities ?? []).map(entityKey)));
      if (a.page || !a.details || onPage.size < size) break;
    }
    const results = [...merged.values()];
    const flat = results.flatMap((r) =>
      r.data.map((d) => ({ ...r.group, metric: d.metric, count: d.count }) as FlowActivityRow),
    );
    const rows = a.resolveNames ? await withFlowNames(flat, c) : flat;
    return { ...(entityIdDimension && { entityIdDimension }), results, rows, pages };
  },
);

/**
 * Genesys Cloud flow activity (flows in flight now), grouped; with `details`, every flow listed
 * across pages. Rows of `flowId` groups carry the flow's name (one batched lookup after the last
 * page; `resolveNames: false` makes none).
 */
export const getFlowActivity = flowActivity.get;
/** {@link getFlowActivity} as an Output. */
export const getFlowActivityOutput = flowActivity.getOutput;
