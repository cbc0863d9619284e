// Data sources inside a Pulumi program: Promise and Output forms, secret results.
import * as cxflow from "pulumi-cxflow";

export const ourvoiceFlowCount = cxflow.ourvoice.getFlows({}).then((r) => r.flows.length);
export const draftFlowNames = cxflow.ourvoice
  .getFlowsOutput({ status: "draft" })
  .apply((r) => r.flows.map((f) => f.name).sort());
export const firstFlowSecret = cxflow.ourvoice
  .getFlowsOutput({ secret: true })
  .apply((r) => r.flows.map((f) => f.metadata).find((m) => m !== null && m !== undefined) ?? null);

// Analytics over the week before 2026-11-01, where the test pins the sandbox's data to end, sync and async.
const week = { interval: "P7D", end: "2026-11-01T00:00:00.000Z", metrics: ["nFlow" as const] };
export const flowsPerFlowSync = cxflow.genesys
  .getFlowAggregatesOutput({ ...week, groupBy: ["flowName"], mode: "sync" })
  .apply((r) => Object.fromEntries(r.rows.map((row) => [row.flowName, row.count])));
export const flowsPerFlowAsync = cxflow.genesys
  .getFlowAggregatesOutput({ ...week, groupBy: ["flowName"], mode: "async" })
  .apply((r) => Object.fromEntries(r.rows.map((row) => [row.flowName, row.count])));
export const flowsPerDay = cxflow.genesys
  .getFlowAggregates({ ...week, granularity: "P1D" })
  .then((r) => r.rows.map((row) => row.count ?? 0));
export const journeySessions = cxflow.genesys
  .getJourneyAggregatesOutput({
    interval: "P7D",
    end: "2026-11-01T00:00:00.000Z",
    metrics: ["nJourneySessions"],
    secret: true,
  })
  .apply((r) => r.rows[0]?.count ?? 0);
