// Three data sources of one vendor, as programs call them: an exported Promise, an exported
// Output and an Output used inside another; a settings or credentials failure hits all three.
import * as pulumi from "@pulumi/pulumi";
import * as cxflow from "pulumi-cxflow";

const vendor = new pulumi.Config().require("vendor");

const calls: Record<string, () => [Promise<unknown>, pulumi.Output<unknown>, pulumi.Output<unknown>]> = {
  genesys: () => [
    cxflow.genesys.getJourneySegments({}).then((r) => r.segments.length),
    cxflow.genesys.getActionTargetsOutput({}).apply((r) => r.targets.length),
    cxflow.genesys
      .getFlowAggregatesOutput({ interval: "P7D", end: "2026-11-01T00:00:00.000Z", metrics: ["nFlow"] })
      .apply((r) => r.rows.length),
  ],
  zoom: () => [
    cxflow.zoom.getFlows({}).then((r) => r.flows.length),
    cxflow.zoom.getFlowsOutput({ status: "published" }).apply((r) => r.flows.length),
    cxflow.zoom.getFlowsOutput({ channelType: "voice" }).apply((r) => r.flows.length),
  ],
  ourvoice: () => [
    cxflow.ourvoice.getFlows({}).then((r) => r.flows.length),
    cxflow.ourvoice.getFlowsOutput({ status: "draft" }).apply((r) => r.flows.length),
    cxflow.ourvoice.getFlowsOutput({ type: "voice" }).apply((r) => r.flows.length),
  ],
};

const [first, second, third] = calls[vendor]();
export const counts = { first, second };
export const total = pulumi.all([second, third]).apply(([a, b]) => Number(a) + Number(b));
