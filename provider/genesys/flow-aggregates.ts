// Flow aggregates as a data source: the sync query or an async job, by choice or by size.
import { z } from "zod";
import { dataSource } from "../function";
import { type AggregatesResult, commonAggregateArgs, refineIntervalArgs, runAggregates } from "./aggregates";
import { FlowAggregateQueryFilter, FlowAggregationView, FlowDimension, FlowMetric } from "./analytics";
import type { GenesysClient } from "./client";

/**
 * Arguments of {@link getFlowAggregates}: `interval` and `metrics` are required. Build `filter`
 * with `genesys.filter.flow` (e.g. `and(eq("flowType", "INBOUNDCALL"), exists("queueId"))`).
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
  })
  .superRefine(refineIntervalArgs);
export type GetFlowAggregatesArgs = z.input<typeof GetFlowAggregatesArgs>;

/** Flow aggregates: the API's `results` and flattened `rows`, typed on the flow dimensions. */
export type FlowAggregatesResult = AggregatesResult<FlowDimension>;

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
  (a, ctx): Promise<FlowAggregatesResult> =>
    runAggregates("genesys.getFlowAggregates", a, flowAggregateFamily(ctx.genesys()), ctx),
);

/**
 * Genesys Cloud flow aggregates over an interval (an ISO interval, `{ from, to }` or a trailing
 * duration such as `P7D`), grouped, filtered and bucketed. `mode: "auto"` runs an async job for
 * long or large queries (see `chooseMode`), follows every result page and always deletes the job.
 * Time buckets with no data are absent from `results` and `rows`, as in the Genesys API: fill
 * missing days yourself for charts.
 */
export const getFlowAggregates = flowAggregates.get;
/** {@link getFlowAggregates} as an Output. */
export const getFlowAggregatesOutput = flowAggregates.getOutput;
