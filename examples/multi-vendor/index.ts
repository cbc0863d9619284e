// One stack for a billing team whose contact center spans three vendors: Genesys Cloud spots web
// visitors stuck on an invoice and offers them email help, Zoom Contact Center answers the billing
// phone line, and Our Voice texts callers who would rather read than wait. Objects refer to each
// other across vendors through their outputs, and the stack reports how busy the phone lines were.
import * as pulumi from "@pulumi/pulumi";
import * as cxflow from "pulumi-cxflow";

const config = new pulumi.Config();

// ---------------------------------------------------------------------------------------------
// Genesys Cloud: who needs help, and who answers.

/** Visitors who opened the same invoice page three times in one session. */
const stuckOnInvoice = new cxflow.genesys.JourneySegment("stuck-on-invoice", {
  displayName: "Stuck on an invoice",
  description: "Opened an invoice page three times in one session",
  color: "#F9A825",
  shouldDisplayToAgent: true,
  journey: {
    patterns: [
      {
        criteria: [{ key: "page.url", values: ["/billing/invoices/"], operator: "containsAll" }],
        count: 3,
        streamType: "Web",
        sessionType: "web",
      },
    ],
  },
});

/** The billing queue's email target, taken over by name and held to a tighter goal. */
const billingEmail = new cxflow.genesys.ActionTarget("billing-email", {
  targetName: "Billing email",
  serviceLevel: { percentage: 0.95, durationMs: 30_000 },
});

// ---------------------------------------------------------------------------------------------
// Zoom Contact Center: the billing phone line, from the flow file beside this program.

const billingLine = new cxflow.zoom.Flow("billing-line", {
  name: "Billing line",
  description: "Billing phone line; offers a text instead of the queue",
  flowFile: "flows/billing-line.json",
  versionDescription: "first release",
  publish: true,
});

// ---------------------------------------------------------------------------------------------
// Our Voice: the text a caller gets when they press 1 on the billing line.

const billingText = new cxflow.ourvoice.Flow("billing-text", {
  name: "Billing by text",
  type: "sms",
  description: "Texts a billing caller a link to their invoices",
  status: "published",
  // Ids from the other two vendors: the SMS runtime tags its reports with the line and segment.
  metadata: pulumi.all([billingLine.id, stuckOnInvoice.id]).apply(([zoomFlowId, segmentId]) => ({
    zoomFlowId,
    genesysSegmentId: segmentId,
    link: "https://example.com/billing",
  })),
});

// ---------------------------------------------------------------------------------------------
// Analytics: inbound-call flow runs over the last 7 days (Genesys Cloud flow aggregates).

/** The window ends at `multi-vendor:analyticsEnd` (a day, meaning its start in UTC, or an ISO date-time), default today. */
const end = config.get("analyticsEnd") ?? new Date().toISOString().slice(0, 10);

const { flow } = cxflow.genesys.filter;
const inboundCalls = cxflow.genesys.getFlowAggregatesOutput({
  interval: "P7D",
  end,
  filter: flow.and(flow.eq("flowType", "INBOUNDCALL")),
  metrics: ["nFlow", "nFlowOutcomeFailed"],
});

const total = (rows: cxflow.genesys.AggregateRow[], metric: string) =>
  rows.filter((r) => r.metric === metric).reduce((n, r) => n + (r.count ?? 0), 0);

// ---------------------------------------------------------------------------------------------
// Outputs

export const segmentId = stuckOnInvoice.id;
export const billingEmailTarget = { id: billingEmail.id, serviceLevel: billingEmail.serviceLevel };
export const zoomFlow = { id: billingLine.id, version: billingLine.version, status: billingLine.status };
export const ourvoiceFlowId = billingText.id;
/** Inbound-call flow runs in the last 7 days, and how many of their outcomes failed. */
export const inboundCallsLastWeek = inboundCalls.apply((r) => ({
  interval: r.interval,
  executions: total(r.rows, "nFlow"),
  failedOutcomes: total(r.rows, "nFlowOutcomeFailed"),
}));
