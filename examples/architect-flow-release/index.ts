// Releasing a Genesys Cloud Architect flow from the YAML kept in git (flows/main-line.yaml, the
// format Archy publishes). Edit the YAML, or a value it takes from stack config: `pulumi preview`
// shows the content change (contentHash), `pulumi up` publishes it as the flow's next version, and
// nothing is uploaded while the content stays the same. The flow reports a flow outcome and passes
// a milestone that this stack declares too; the analytics below count them by name.
//
//   npm run pulumi -- config set greeting "Thanks for calling Example Co." --cwd examples/architect-flow-release
//   npm run pulumi -- up --cwd examples/architect-flow-release
import * as pulumi from "@pulumi/pulumi";
import * as cxflow from "pulumi-cxflow";

const config = new pulumi.Config();
const greeting = config.get("greeting") ?? "Thanks for calling.";
const queueName = config.get("queueName") ?? "Support";
/** End of the analytics week: a day or an ISO date-time; today (UTC) when unset. */
const reportEnd = config.get("reportEnd") ?? new Date().toISOString().slice(0, 10);

// What the flow reports: Genesys counts them in flow analytics (nFlowOutcome, nFlowMilestone).
const paymentTaken = new cxflow.genesys.FlowOutcome("payment-taken", {
  name: "Payment taken",
  description: "The caller paid a bill by phone",
});
const callerVerified = new cxflow.genesys.FlowMilestone("caller-verified", {
  name: "Caller verified",
  description: "The caller entered a valid account number",
});

const mainLine = new cxflow.genesys.ArchitectFlow("main-line", {
  // A relative path resolves from this folder. Type and name come from the file.
  flowFile: "flows/main-line.yaml",
  // Fills the file's {{ placeholders }}. Passing the outcome's and milestone's ids makes Pulumi
  // create them first and delete the flow before them.
  substitutions: {
    greeting,
    queueName,
    paymentTakenId: paymentTaken.id,
    callerVerifiedId: callerVerified.id,
  },
});

/** The flow's id: the same across releases. */
export const flowId = mainLine.id;
export const flowName = mainLine.name;
/** The version callers reach, and the one this stack published (they differ after a publish from Architect). */
export const publishedVersion = mainLine.publishedVersion;
export const deployedVersion = mainLine.deployedVersion;
/** SHA-256 of the filled-in YAML: what decides whether `up` publishes. */
export const contentHash = mainLine.contentHash;

// Last week's executions of this flow, by the outcome and milestone names the data source resolves.
const week = pulumi.all([mainLine.id, paymentTaken.id, callerVerified.id]).apply(([id]) =>
  cxflow.genesys.getFlowAggregatesOutput({
    interval: "P7D",
    end: reportEnd,
    groupBy: ["flowId", "flowOutcomeId", "flowMilestoneId"],
    filter: cxflow.genesys.filter.flow.and(cxflow.genesys.filter.flow.eq("flowId", id)),
    metrics: ["nFlow", "nFlowOutcome", "nFlowMilestone"],
  }),
);

/** The counts of one metric per name (a row without the name's field is left out). */
const countBy = (metric: string, field: "flowOutcomeName" | "flowMilestoneName") =>
  week.rows.apply((rows) => {
    const out: Record<string, number> = {};
    for (const r of rows) {
      const name = r[field];
      if (r.metric === metric && name) out[name] = (out[name] ?? 0) + (r.count ?? 0);
    }
    return out;
  });

/** Executions of the flow over the week. */
export const executions = week.rows.apply((rows) =>
  rows.filter((r) => r.metric === "nFlow").reduce((n, r) => n + (r.count ?? 0), 0),
);
/** Outcomes reached over the week, by outcome name. */
export const outcomesByName = countBy("nFlowOutcome", "flowOutcomeName");
/** Milestones passed over the week, by milestone name. */
export const milestonesByName = countBy("nFlowMilestone", "flowMilestoneName");
