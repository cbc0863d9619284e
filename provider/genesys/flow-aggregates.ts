// Flow aggregates as a data source: the sync query or an async job, by choice or by size.
import { z } from "zod";
import { dataSource } from "../function";
import { type AggregatesResult, commonAggregateArgs, refineIntervalArgs, runAggregates } from "./aggregates";
import { FlowAggregateQueryFilter, FlowAggregationView, FlowDimension, FlowMetric } from "./analytics";
import type { GenesysClient } from "./client";
import { ResolveNamesArg, withFlowNames } from "./flow-names";

/**
 * Arguments of {@link getFlowAggregates}: `interval` and `metrics` are required. Build `filter`
 * with `genesys.filter.flow` (e.g. `and(eq("flowType", "INBOUNDCALL"), exists("queueId"))`).
 * `resolveNames` (default true) names the flows, outcomes and milestones of the rows.
 */
export const GetFlowAggregatesArgs = z
  .strictObject({
    ...commonAggregateArgs,
    /** Dimensions to group by; each combination of their values is one result group. */
    groupBy: z.array(FlowDimension).optional(),
    /** Which flows count; ANDed with the interval. */
    filter: FlowAggregateQueryFilter.optional(),
    /** Flow metrics: `n…` counts, `t…` durations in ms (`sum/count/max/min`), `o…` observed counts. */
    metrics: z.array(FlowMetric).min(1),
    /** Derived metrics: how many values of `target` fall in `range` (`rangeBound`). */
    views: z.array(FlowAggregationView).optional(),
    /** Put `flowName`, `flowOutcomeName` and `flowMilestoneName` in the rows (default true); `false` makes no lookup. */
    resolveNames: ResolveNamesArg,
  })
  .superRefine(refineIntervalArgs);
export type GetFlowAggregatesArgs = z.input<typeof GetFlowAggregatesArgs>;

/**
 * Flow aggregates: the API's `results` and flattened `rows`, typed on the flow dimensions. With
 * `resolveNames` (the default), a row whose group has `flowId`, `flowOutcomeId` or
 * `flowMilestoneId` also has `flowName`, `flowOutcomeName` or `flowMilestoneName`: the current
 * name of that flow, outcome or milestone, right after its id. An id the org no longer has (a
 * deleted flow or milestone) has no name field; a `flowName` the group already has (grouping by
 * `flowName` too) is the API's and is kept. With `flattenMultivaluedDimensions`, a group value
 * of several ids gets their names joined with commas in the same order. `results` stay as the API
 * answered.
 */
export type FlowAggregatesResult = AggregatesResult<FlowDimension | "flowOutcomeName" | "flowMilestoneName">;

/** The flow aggregate calls of a client. */
export const flowAggregateFamily = (c: GenesysClient) => ({
  query: c.queryFlowAggregates,
  jobs: {
    submit: c.submitFlowAggregatesJob,
    status: c.getFlowAggregatesJob,
    results: c.flowAggregateJobResults,
    remove: c.deleteFlowAggregatesJob,
  },
});

const flowAggregates = dataSource(
  "genesys.getFlowAggregates",
  GetFlowAggregatesArgs,
  async (a, ctx): Promise<FlowAggregatesResult> => {
    const { resolveNames, ...query } = a;
    const client = ctx.genesys();
    const result: FlowAggregatesResult = await runAggregates(
      "genesys.getFlowAggregates",
      query,
      flowAggregateFamily(client),
      ctx,
    );
    return resolveNames ? { ...result, rows: await withFlowNames(result.rows, client) } : result;
  },
);

/**
 * Genesys Cloud flow aggregates over an interval (an ISO interval, `{ from, to }` or a trailing
 * duration such as `P7D`), grouped, filtered and bucketed. `mode: "auto"` runs an async job for
 * long or large queries (see `chooseMode`), follows every result page and always deletes the job.
 * Time buckets with no data are absent from `results` and `rows`, as in the Genesys API: fill
 * missing days yourself for charts. Rows carry the names of the flows, flow outcomes and flow
 * milestones they group by (one batched lookup per kind; `resolveNames: false` makes none).
 */
export const getFlowAggregates = flowAggregates.get;
/** {@link getFlowAggregates} as an Output. */
export const getFlowAggregatesOutput = flowAggregates.getOutput;
