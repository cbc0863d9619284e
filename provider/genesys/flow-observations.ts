// Flows in flight now, as a data source.
import { z } from "zod";
import { dataSource } from "../function";
import { FlowObservationQuery, type FlowObservationQueryResponse } from "./analytics";
import { ResolveNamesArg, withFlowNames } from "./flow-names";

/** Dimensions a flow observation filter accepts. */
export type FlowObservationDimension = "flowId" | "mediaType";

/**
 * Arguments of {@link getFlowObservations}. `filter` is required by the API; build it with
 * `genesys.filter.observation`, e.g. `oneOf("mediaType", ["voice", "chat"])`: the answer has one
 * group per value the filter names.
 */
export const GetFlowObservationsArgs = z.strictObject({
  /** Which flows in flight count; each `matches` value it names becomes a result group. */
  filter: FlowObservationQuery.shape.filter,
  /** Observed metrics (only `oFlow` exists). */
  metrics: FlowObservationQuery.shape.metrics.default(["oFlow"]),
  /** List each flow in flight too (`observations`, oldest first; the API keeps 100 at most per group). */
  details: z.boolean().default(false),
  /** Put `flowName` in the rows of `flowId` groups (default true); `false` makes no lookup. */
  resolveNames: ResolveNamesArg,
});
export type GetFlowObservationsArgs = z.input<typeof GetFlowObservationsArgs>;

/**
 * One group's count of one observed metric, the group's dimension values spread in. With
 * `resolveNames` (the default), a `flowId` group also has `flowName`, the flow's current name,
 * right after it; a flow the org no longer has (deleted, or an id no flow has) has none.
 */
export type FlowObservationRow = { flowId?: string; flowName?: string; mediaType?: string } & {
  metric: string;
  count: number;
};

/** What {@link getFlowObservations} returns. */
export interface FlowObservationsResult {
  /** The API's shape: one result per group, each with its metrics (and observations with `details`). */
  results: FlowObservationQueryResponse["results"];
  /** One row per group × metric. */
  rows: FlowObservationRow[];
}

const flowObservations = dataSource(
  "genesys.getFlowObservations",
  GetFlowObservationsArgs,
  async (a, ctx): Promise<FlowObservationsResult> => {
    const client = ctx.genesys();
    const { results } = await client.queryFlowObservations({
      filter: a.filter,
      metrics: a.metrics,
      ...(a.details && { detailMetrics: ["oFlow" as const] }),
    });
    const rows: FlowObservationRow[] = results.flatMap((r) =>
      r.data.map((d) => ({ ...r.group, metric: d.metric, count: d.stats.count ?? 0 })),
    );
    return { results, rows: a.resolveNames ? await withFlowNames(rows, client) : rows };
  },
);

/**
 * Genesys Cloud flows in flight at the time of the call, counted per group of the filter's values;
 * rows of `flowId` groups carry the flow's name (one batched lookup; `resolveNames: false` makes none).
 */
export const getFlowObservations = flowObservations.get;
/** {@link getFlowObservations} as an Output. */
export const getFlowObservationsOutput = flowObservations.getOutput;
