// The root stack: a contact center's customer-journey and flow configuration, declared once and
// applied by `pulumi up` (`npm run demo` runs it against the offline sandbox), plus the last
// week's flow and journey analytics read in the same program.
import * as pulumi from "@pulumi/pulumi";
import * as cxflow from "pulumi-cxflow";

const config = new pulumi.Config();
/** End of the analytics week: a day (its start in UTC) or an ISO date-time; today (UTC) when unset. */
const reportEnd = config.get("reportEnd") ?? new Date().toISOString().slice(0, 10);

// ---------------------------------------------------------------------------------------------
// Genesys Cloud journey segments: who the visitor is (context) and what they did (journey).

const web = { streamType: "Web", sessionType: "web" } as const;

const segments = [
  new cxflow.genesys.JourneySegment("returning-buyers", {
    displayName: "Returning buyers",
    description: "Looked at pricing at least twice in one web session",
    color: "#1F77B4",
    journey: {
      patterns: [{ ...web, count: 2, criteria: [{ key: "page.url", values: ["/pricing"], operator: "containsAny" }] }],
    },
  }),
  new cxflow.genesys.JourneySegment("cart-abandoners", {
    displayName: "Cart abandoners",
    description: "Reached the cart on a desktop but did not check out",
    color: "#D62728",
    context: { patterns: [{ criteria: [{ key: "device.category", values: ["desktop"] }] }] },
    journey: {
      patterns: [
        { ...web, count: 1, criteria: [{ key: "page.url", values: ["/cart"], operator: "containsAny" }] },
        { ...web, count: 1, criteria: [{ key: "page.url", values: ["/checkout"], operator: "notContainsAny" }] },
      ],
    },
    assignmentExpirationDays: 7,
  }),
  new cxflow.genesys.JourneySegment("mobile-support-seekers", {
    displayName: "Mobile support seekers",
    description: "On a phone or tablet and reading the help center",
    color: "#2CA02C",
    shouldDisplayToAgent: true,
    context: { patterns: [{ criteria: [{ key: "device.category", values: ["mobile", "tablet"] }] }] },
    journey: {
      patterns: [
        {
          ...web,
          count: 1,
          criteria: [
            { key: "page.url", values: ["/help", "/support"], operator: "containsAny", shouldIgnoreCase: true },
          ],
        },
      ],
    },
  }),
  new cxflow.genesys.JourneySegment("spanish-speakers", {
    displayName: "Spanish speakers",
    description: "Browser language is Spanish",
    color: "#FF7F0E",
    shouldDisplayToAgent: true,
    context: { patterns: [{ criteria: [{ key: "browser.lang", values: ["es"], operator: "startsWith" }] }] },
  }),
  new cxflow.genesys.JourneySegment("enterprise-accounts", {
    displayName: "Enterprise accounts",
    description: "Mirrored from the CRM's enterprise list",
    color: "#9467BD",
    externalSegment: { id: "crm-enterprise", name: "Enterprise accounts (CRM)", source: "Custom" },
    assignmentExpirationDays: 30,
  }),
];

// ---------------------------------------------------------------------------------------------
// Action targets exist already (Genesys creates them with the queues): take two over and tune
// them. Destroying the stack puts back what was found.

const salesChat = new cxflow.genesys.ActionTarget("sales-web-chat", {
  targetName: "Sales web chat",
  serviceLevel: { percentage: 0.9, durationMs: 20_000 },
  shortAbandonThreshold: 8,
});
const supportCallbacks = new cxflow.genesys.ActionTarget("support-callbacks", {
  targetName: "Support callbacks",
  serviceLevel: { percentage: 0.8, durationMs: 60_000 },
  shortAbandonThreshold: 15,
});

// ---------------------------------------------------------------------------------------------
// What the journey work is for: the outcomes it is measured by, and the action maps that act on
// the segments (a content offer from a template, a chat on the tuned sales target).

const outcomes = [
  new cxflow.genesys.JourneyOutcome("order-placed", {
    displayName: "Order placed",
    description: "Reached the order confirmation page",
    journey: { patterns: [{ criteria: [{ key: "page.url", values: ["/order/confirmed"] }], count: 1, ...web }] },
    associatedValueField: { dataType: "Number", name: "attributes.orderTotal.value" },
  }),
  new cxflow.genesys.JourneyOutcome("subscription-cancelled", {
    displayName: "Subscription cancelled",
    description: "Confirmed a cancellation: the outcome to prevent",
    isPositive: false,
    journey: { patterns: [{ criteria: [{ key: "page.url", values: ["/account/cancelled"] }], count: 1, ...web }] },
  }),
];
const [orderPlaced] = outcomes;
const [returningBuyers, cartAbandoners] = segments;

const freeShipping = new cxflow.genesys.JourneyActionTemplate("free-shipping-offer", {
  name: "Free shipping offer",
  mediaType: "contentOffer",
  contentOffer: {
    displayMode: "Toast",
    layoutMode: "LeftText",
    headline: "Free shipping today",
    body: "Orders over $50 ship free until midnight.",
    callToAction: { text: "Shop now", url: "https://shop.example.com/deals", target: "Self" },
  },
});

const actionMaps = [
  new cxflow.genesys.JourneyActionMap("offer-free-shipping", {
    displayName: "Offer free shipping to returning buyers",
    triggerWithSegments: [returningBuyers.id],
    // Only while an order is likely, on the pages where it is placed.
    triggerWithOutcomeProbabilityConditions: [{ outcomeId: orderPlaced.id, maximumProbability: 0.6 }],
    pageUrlConditions: [{ values: ["/pricing", "/cart"], operator: "containsAny" }],
    action: { mediaType: "contentOffer", actionTemplateId: freeShipping.id },
    weight: 3,
  }),
  new cxflow.genesys.JourneyActionMap("chat-with-cart-abandoners", {
    displayName: "Chat with cart abandoners",
    triggerWithSegments: [cartAbandoners.id],
    activation: { type: "delay", delayInSeconds: 20 },
    action: {
      mediaType: "webchat",
      actionTargetId: salesChat.id,
      props: { webchatPrompt: "Questions about your cart?", webchatAcceptText: "Chat now" },
    },
  }),
];

// ---------------------------------------------------------------------------------------------
// Our Voice flows: an inbound voice greeting and an SMS reminder.

const greeting = new cxflow.ourvoice.Flow("welcome-line", {
  name: "Welcome line",
  type: "voice",
  description: "Greets callers and hands them to the Zoom IVR",
  status: "published",
  metadata: { language: "en-US", voice: "neural-female-2", transferTo: "Customer care IVR" },
});
const reminders = new cxflow.ourvoice.Flow("appointment-reminders", {
  name: "Appointment reminders",
  type: "sms",
  description: "Texts a reminder the day before a booked callback",
  status: "draft",
  metadata: { sendAt: "18:00", optOutKeyword: "STOP" },
});

// ---------------------------------------------------------------------------------------------
// The Zoom Contact Center IVR, imported from the flow file kept beside this program. Editing the
// file (a path from this folder) imports and publishes the next version on the next `up`.

const ivr = new cxflow.zoom.Flow("customer-care-ivr", {
  name: "Customer care IVR",
  description: "Business-hours menu routing to sales, support and billing",
  flowFile: "flows/customer-care-ivr.json",
  versionDescription: "Menu with sales, support and billing",
  publish: true,
});

// ---------------------------------------------------------------------------------------------
// Genesys Cloud Architect: the customer-care phone line, published from the YAML beside this
// program, with the flow outcome it reports and the milestone it passes. Editing the file (or a
// substitution) publishes the next version on the next `up`; an unchanged file uploads nothing.

const selfServed = new cxflow.genesys.FlowOutcome("self-served", {
  name: "Self-served",
  description: "The caller's question was answered without an agent",
});
const orderFound = new cxflow.genesys.FlowMilestone("order-found", {
  name: "Order found",
  description: "The caller entered an order number that exists",
});
const mainLine = new cxflow.genesys.ArchitectFlow("customer-care-main-line", {
  flowFile: "flows/main-line.yaml",
  substitutions: { queueName: "Customer care", selfServedId: selfServed.id, orderFoundId: orderFound.id },
});

// ---------------------------------------------------------------------------------------------
// Lookups: read back what the stack manages, and what else the account holds.

/** Every segment of this stack, found again by id (one `segmentIds` listing). */
export const segmentsFound = cxflow.genesys
  .getJourneySegmentsOutput({ ids: segments.map((s) => s.id) })
  .apply((r) => ({ found: r.segments.length, missing: r.missing }));
/** Action targets that can receive offers. */
export const activeActionTargets = cxflow.genesys
  .getActionTargetsOutput({ state: "active" })
  .apply((r) => r.targets.map((t) => t.name).sort());
/** The IVR as Zoom lists it. */
export const ivrStatus = cxflow.zoom.getFlowOutput({ id: ivr.id }).apply((f) => f.status);

// ---------------------------------------------------------------------------------------------
// Analytics: the last seven days of flow outcomes, per flow and per day, and journey outcomes.

const week = { interval: "P7D", end: reportEnd } as const;
// Read once the phone line exists, so a first run already counts it among the flows.
const flowWeek = mainLine.id.apply(() =>
  cxflow.genesys.getFlowAggregatesOutput({
    ...week,
    granularity: "P1D",
    groupBy: ["flowName"],
    metrics: ["nFlow", "nFlowOutcome", "nFlowOutcomeFailed"],
  }),
);

/** Counts of one flow or one day. */
interface Outcomes {
  executions: number;
  outcomes: number;
  failed: number;
  /** Failed outcomes per outcome, rounded to 4 places (0 when there were none). */
  failureRate: number;
}

type FlowRow = cxflow.genesys.FlowAggregatesResult["rows"][number];

function tally(rows: FlowRow[], key: (r: FlowRow) => string) {
  const out: Record<string, Outcomes> = {};
  for (const r of rows) {
    const t = (out[key(r)] ??= { executions: 0, outcomes: 0, failed: 0, failureRate: 0 });
    const n = r.count ?? 0;
    if (r.metric === "nFlow") t.executions += n;
    if (r.metric === "nFlowOutcome") t.outcomes += n;
    if (r.metric === "nFlowOutcomeFailed") t.failed += n;
  }
  for (const t of Object.values(out)) t.failureRate = rate(t.failed, t.outcomes);
  return Object.fromEntries(Object.entries(out).sort(([a], [b]) => a.localeCompare(b)));
}

function rate(part: number, whole: number): number {
  return whole === 0 ? 0 : Math.round((part / whole) * 10_000) / 10_000;
}

/** The week the analytics cover, as `start/end`. */
export const reportInterval = flowWeek.interval;
/** Executions, outcomes and failed outcomes per flow over the week. */
export const flowOutcomes = flowWeek.rows.apply((rows) => tally(rows, (r) => r.flowName ?? "(unnamed)"));
/** The same counts per day (UTC), all flows together. */
export const flowOutcomesPerDay = flowWeek.rows.apply((rows) => tally(rows, (r) => r.interval.slice(0, 10)));
/** The week's counts, all flows and days together. */
export const flowTotals = flowWeek.rows.apply(
  (rows): Outcomes => tally(rows, () => "all").all ?? { executions: 0, outcomes: 0, failed: 0, failureRate: 0 },
);
/** Failed outcomes per outcome over the week, all flows together. */
export const failureRate = flowTotals.apply((t) => t.failureRate);

/** The counts of `rows` summed per id (a plain object: `pulumi.all` would flatten a Map). */
function sumBy<R extends { count?: number }>(rows: R[], id: (r: R) => string | undefined): Record<string, number> {
  const sums: Record<string, number> = {};
  for (const r of rows) {
    const key = id(r);
    if (key) sums[key] = (sums[key] ?? 0) + (r.count ?? 0);
  }
  return sums;
}

/** A count per declared object's name (0 when the week has no row for it), from counts keyed by id. */
const perName = (
  objects: { id: pulumi.Output<string>; displayName: pulumi.Output<string> }[],
  counts: pulumi.Output<Record<string, number>>,
) =>
  pulumi
    .all([counts, pulumi.all(objects.map((o) => pulumi.all([o.id, o.displayName])))])
    .apply(([byId, pairs]) => Object.fromEntries(pairs.map(([id, name]) => [name, byId[id] ?? 0])));

// Read once the outcomes and maps exist, so a first run already reports on them.
const outcomeWeek = pulumi.all(outcomes.map((o) => o.id)).apply(() =>
  cxflow.genesys.getJourneyAggregatesOutput({
    ...week,
    groupBy: ["journeyOutcomeId"],
    metrics: ["nJourneyOutcomesAchieved"],
  }),
);
/** Journey outcomes achieved over the week, per declared outcome. */
export const journeyOutcomes = perName(
  outcomes,
  outcomeWeek.rows.apply((rows) => sumBy(rows, (r) => r.journeyOutcomeId)),
);

const offerWeek = pulumi.all(actionMaps.map((m) => m.id)).apply(() =>
  cxflow.genesys.getJourneyAggregatesOutput({
    ...week,
    groupBy: ["journeyActionMapId"],
    metrics: ["nWebActionsOffered", "nWebActionsAccepted"],
  }),
);
const offered = (metric: "nWebActionsOffered" | "nWebActionsAccepted") =>
  perName(
    actionMaps,
    offerWeek.rows.apply((rows) =>
      sumBy(
        rows.filter((r) => r.metric === metric),
        (r) => r.journeyActionMapId,
      ),
    ),
  );
/** Offers each declared action map made over the week, and how many visitors accepted. */
export const actionMapOffers = pulumi
  .all([offered("nWebActionsOffered"), offered("nWebActionsAccepted")])
  .apply(([o, a]) => Object.fromEntries(Object.keys(o).map((name) => [name, { offered: o[name], accepted: a[name] }])));
// The phone line's week, by the outcome and milestone names the data source resolves (read once
// the flow exists, so a first run already reports on it).
const lineWeek = pulumi.all([mainLine.id, selfServed.id, orderFound.id]).apply(([flowId]) =>
  cxflow.genesys.getFlowAggregatesOutput({
    ...week,
    groupBy: ["flowId", "flowOutcomeId", "flowMilestoneId"],
    filter: cxflow.genesys.filter.flow.and(cxflow.genesys.filter.flow.eq("flowId", flowId)),
    metrics: ["nFlow", "nFlowOutcome", "nFlowMilestone"],
  }),
);
/** The counts of `metric` per resolved name in `field`. */
const countNamed = (rows: FlowRow[], metric: string, field: "flowOutcomeName" | "flowMilestoneName") =>
  sumBy(
    rows.filter((r) => r.metric === metric),
    (r) => r[field],
  );
/** The Architect phone line: its published version, and its week by outcome and milestone name. */
export const architectLine = pulumi
  .all([mainLine.name, mainLine.publishedVersion, lineWeek.rows])
  .apply(([name, publishedVersion, rows]) => ({
    name,
    publishedVersion,
    executions: rows.filter((r) => r.metric === "nFlow").reduce((n, r) => n + (r.count ?? 0), 0),
    outcomes: countNamed(rows, "nFlowOutcome", "flowOutcomeName"),
    milestones: countNamed(rows, "nFlowMilestone", "flowMilestoneName"),
  }));

/** Web sessions over the week. */
export const journeySessions = cxflow.genesys
  .getJourneyAggregatesOutput({ ...week, metrics: ["nJourneySessions"] })
  .apply((r) => r.rows.reduce((n, row) => n + (row.count ?? 0), 0));

// ---------------------------------------------------------------------------------------------
// What the stack manages, for people and pipelines.

/** Segment ids by display name. */
export const segmentIds = pulumi
  .all(segments.map((s) => pulumi.all([s.displayName, s.id])))
  .apply((pairs) => Object.fromEntries(pairs));
/** The tuned action targets: id and service level. */
export const actionTargets = pulumi
  .all([salesChat, supportCallbacks].map((t) => pulumi.all([t.name, t.id, t.serviceLevel])))
  .apply((list) => Object.fromEntries(list.map(([name, id, serviceLevel]) => [name, { id, serviceLevel }])));
/** Our Voice flow ids and statuses by name. */
export const ourvoiceFlows = pulumi
  .all([greeting, reminders].map((f) => pulumi.all([f.name, f.id, f.status])))
  .apply((list) => Object.fromEntries(list.map(([name, id, status]) => [name, { id, status }])));
/** The IVR's id, latest version and published version. */
export const zoomIvr = pulumi
  .all([ivr.id, ivr.version, ivr.publishedVersion])
  .apply(([id, version, publishedVersion]) => ({ id, version, publishedVersion }));
