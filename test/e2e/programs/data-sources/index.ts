// Data sources inside a Pulumi program: Promise and Output forms, secret results.
import * as cxflow from "pulumi-cxflow";

export const ourvoiceFlowCount = cxflow.ourvoice.getFlows({}).then((r) => r.flows.length);
export const draftFlowNames = cxflow.ourvoice
  .getFlowsOutput({ status: "draft" })
  .apply((r) => r.flows.map((f) => f.name).sort());
export const firstFlowSecret = cxflow.ourvoice
  .getFlowsOutput({ secret: true })
  .apply((r) => r.flows.map((f) => f.metadata).find((m) => m !== null && m !== undefined) ?? null);
