// Journey aggregates as a data source: the sync query or an async job, by choice or by size.
import { z } from "zod";
import { dataSource } from "../function";
import { type AggregatesResult, commonAggregateArgs, refineIntervalArgs, runAggregates } from "./aggregates";
import {
  JourneyAggregationQuery,
  JourneyDimension,
  type JourneyDimension as JourneyDimensionName,
  JourneyMetric,
} from "./analytics";
import type { GenesysClient } from "./client";

const query = JourneyAggregationQuery.shape;

/**
 * Arguments of {@link getJourneyAggregates}: `interval` and `metrics` are required. Build
 * `filter` with `genesys.filter.journey`. Dimensions are any identifier, since Genesys adds and
 * removes journey dimensions between releases.
 */
export const GetJourneyAggregatesArgs = z
  .strictObject({
    ...commonAggregateArgs,
    /** Dimensions to group by (e.g. `journeySessionType`, `journeyDeviceCategory`). */
    groupBy: z.array(JourneyDimension).optional(),
    /** Which journey events count; ANDed with the interval. */
    filter: query.filter,
    /** Journey metrics (`nJourneySessions`, `nWebActionsOffered`, …; `oJourneyOutcomeValue` has sums). */
    metrics: z.array(JourneyMetric).min(1),
    /** Derived metrics: how many values of `target` fall in `range` (`rangeBound`). */
    views: query.views,
  })
  .superRefine(refineIntervalArgs);
export type GetJourneyAggregatesArgs = z.input<typeof GetJourneyAggregatesArgs>;

/** Journey aggregates: the API's `results` and flattened `rows`. */
export type JourneyAggregatesResult = AggregatesResult<JourneyDimensionName>;

/** The journey aggregate calls of a client. */
export const journeyAggregateFamily = (c: GenesysClient) => ({
  query: c.queryJourneyAggregates,
  jobs: {
    submit: c.submitJourneyAggregatesJob,
    status: c.getJourneyAggregatesJob,
    results: c.journeyAggregateJobResults,
    remove: c.deleteJourneyAggregatesJob,
  },
});

const journeyAggregates = dataSource(
  "genesys.getJourneyAggregates",
  GetJourneyAggregatesArgs,
  (a, ctx): Promise<JourneyAggregatesResult> =>
    runAggregates("genesys.getJourneyAggregates", a, journeyAggregateFamily(ctx.genesys()), ctx),
);

/**
 * Genesys Cloud journey aggregates over an interval (an ISO interval, `{ from, to }` or a
 * trailing duration such as `P7D`), grouped, filtered and bucketed; sync or async as for
 * `getFlowAggregates`, with the job always deleted. Time buckets with no data are absent from
 * `results` and `rows`, as in the Genesys API: fill missing days yourself for charts.
 */
export const getJourneyAggregates = journeyAggregates.get;
/** {@link getJourneyAggregates} as an Output. */
export const getJourneyAggregatesOutput = journeyAggregates.getOutput;
