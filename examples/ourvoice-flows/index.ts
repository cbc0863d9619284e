// Our Voice flows for a support team: the voice lines callers reach and the SMS flows that follow
// up, with metadata their runtime reads, one piece of it secret; then a lookup of what exists.
import * as pulumi from "@pulumi/pulumi";
import * as cxflow from "pulumi-cxflow";

const config = new pulumi.Config();

// The CRM webhook token comes from secret stack config (`pulumi config set --secret
// ourvoice-flows:crmWebhookToken …`): encrypted in the stack file and in state, never in code.
const crmWebhookToken = config.requireSecret("crmWebhookToken");
// A flow another team owns; this stack only reads it (Our Voice calls it the main IVR).
const mainFlowName = config.get("mainFlowName") ?? "Main IVR";

// ---------------------------------------------------------------------------------------------
// Lookups first: the existing main IVR, so the holiday line can hand callers back to it.

const mainFlow = cxflow.ourvoice.getFlowOutput({ name: mainFlowName });

// ---------------------------------------------------------------------------------------------
// Voice flows

const supportLine = new cxflow.ourvoice.Flow("support-line", {
  name: "Support line",
  type: "voice",
  description: "Greets callers in English and routes them to the support queue",
  status: "published",
  // Metadata is any JSON object; key order never shows as a change.
  metadata: { team: "support", language: "en-US", businessHours: { opens: "08:00", closes: "20:00" } },
});

const holidayLine = new cxflow.ourvoice.Flow("holiday-line", {
  name: "Holiday line",
  type: "voice",
  description: "Plays the holiday message; paused until the next public holiday",
  status: "paused",
  metadata: mainFlow.apply((f) => ({ team: "support", fallbackFlowId: f.id })),
});

// ---------------------------------------------------------------------------------------------
// SMS flows

const orderUpdates = new cxflow.ourvoice.Flow("order-updates", {
  name: "Order updates",
  type: "sms",
  description: "Texts order status changes and posts replies to the CRM",
  status: "published",
  // Built from a secret, so the whole metadata is secret: masked in previews, encrypted in state.
  metadata: crmWebhookToken.apply((token) => ({
    team: "fulfilment",
    crmWebhook: { url: "https://crm.example.com/hooks/ourvoice", token },
  })),
});

// No status: a new flow starts as a draft, and a later publish in Our Voice is not undone.
const satisfactionSurvey = new cxflow.ourvoice.Flow("satisfaction-survey", {
  name: "Satisfaction survey",
  type: "sms",
  description: "Asks for a 1-5 rating after a support call",
});

const managed = [supportLine, holidayLine, orderUpdates, satisfactionSurvey];

// ---------------------------------------------------------------------------------------------
// Lookups after: every SMS flow in the account, this stack's included. Waiting for the flows'
// ids makes the query run after they exist.

const smsFlows = pulumi
  .all(managed.map((f) => f.id))
  .apply(() => cxflow.ourvoice.getFlows({ type: "sms" }))
  .apply((r) => r.flows);

// ---------------------------------------------------------------------------------------------
// Outputs

/** Flow ids by key, for the numbers and webhooks that point at them. */
export const flowIds = {
  supportLine: supportLine.id,
  holidayLine: holidayLine.id,
  orderUpdates: orderUpdates.id,
  satisfactionSurvey: satisfactionSurvey.id,
};
/** Status by flow name, as Our Voice holds it. */
export const statuses = pulumi
  .all(managed.map((f) => pulumi.all([f.name, f.status])))
  .apply((pairs) => Object.fromEntries(pairs));
/** The flow the holiday line falls back to. */
export const mainFlowId = mainFlow.id;
/** Every SMS flow's name in the account, sorted. */
export const smsFlowNames = smsFlows.apply((fs) => fs.map((f) => f.name).sort());
/** Stays a secret output: `pulumi stack output --show-secrets` reveals it. */
export const orderUpdatesMetadata = orderUpdates.metadata;
