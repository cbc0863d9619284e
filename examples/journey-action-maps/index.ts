// Genesys Cloud Predictive Engagement, the whole loop in one stack: who a visitor is (segments),
// what the business wants them to do (outcomes), what to show them (a content offer template and a
// web chat target), when to show it (action maps), and how last week went (journey analytics).
import * as pulumi from "@pulumi/pulumi";
import * as cxflow from "pulumi-cxflow";

const config = new pulumi.Config();

// ---------------------------------------------------------------------------------------------
// Journey segments: the visitors the maps are for.

/** Visitors back on the pricing pages for the second time in a session: ready for a nudge. */
const pricingReturners = new cxflow.genesys.JourneySegment("pricing-returners", {
  displayName: "Pricing page returners",
  description: "Viewed pricing or plans twice in one session",
  color: "#2E7D32",
  shouldDisplayToAgent: true,
  journey: {
    patterns: [
      {
        criteria: [
          { key: "page.url", values: ["/pricing", "/plans"], operator: "containsAny", shouldIgnoreCase: true },
        ],
        count: 2,
        streamType: "Web",
        sessionType: "web",
      },
    ],
  },
  assignmentExpirationDays: 30,
});

/** Visitors who reached checkout and went back to the cart: a person may save the sale. */
const checkoutStallers = new cxflow.genesys.JourneySegment("checkout-stallers", {
  displayName: "Stalled at checkout",
  description: "Reached checkout, then returned to the cart",
  color: "#C62828",
  shouldDisplayToAgent: true,
  journey: {
    patterns: [
      { criteria: [{ key: "page.title", values: ["Checkout"] }], count: 1, streamType: "Web", sessionType: "web" },
      {
        criteria: [{ key: "page.url", values: ["/cart"], operator: "containsAll" }],
        count: 2,
        streamType: "Web",
        sessionType: "web",
      },
    ],
  },
  assignmentExpirationDays: 7,
});

// ---------------------------------------------------------------------------------------------
// Journey outcomes: the goals the maps work towards and the analytics count.
// Genesys marks the outcome endpoints deprecated; cxflow warns once per run and keeps working.

/** A purchase: the thank-you page, recording the order total the site sends with it. */
const orderPlaced = new cxflow.genesys.JourneyOutcome("order-placed", {
  displayName: "Order placed",
  description: "Reached the thank-you page after checkout",
  journey: {
    patterns: [
      {
        criteria: [{ key: "page.url", values: ["/checkout/thank-you"], operator: "containsAll" }],
        count: 1,
        streamType: "Web",
        sessionType: "web",
      },
    ],
  },
  associatedValueField: { dataType: "Number", name: "attributes.orderTotal.value" },
});

/** A trial started from the plans page: worth less than an order, still a win. */
const trialStarted = new cxflow.genesys.JourneyOutcome("trial-started", {
  displayName: "Trial started",
  description: "Submitted the free-trial form",
  journey: {
    patterns: [
      {
        criteria: [{ key: "page.url", values: ["/trial/welcome"], operator: "containsAll" }],
        count: 1,
        streamType: "Web",
        sessionType: "web",
      },
    ],
  },
});

// ---------------------------------------------------------------------------------------------
// What the maps show: a content offer template, and the queue that answers web chats.

/** A toast in the corner of the pricing pages pointing at the plan comparison. */
const compareOffer = new cxflow.genesys.JourneyActionTemplate("compare-offer", {
  name: "Compare plans offer",
  description: "Toast on the pricing pages linking the plan comparison",
  mediaType: "contentOffer",
  contentOffer: {
    displayMode: "Toast",
    layoutMode: "TextOnly",
    headline: "Not sure which plan?",
    body: "See every plan side by side, with what each one includes.",
    callToAction: { url: "https://example.com/plans/compare", text: "Compare plans", target: "Self" },
    style: {
      position: { bottom: "20px", right: "20px" },
      offer: { padding: "16px", color: "#1B1B1B", backgroundColor: "#FFFFFF" },
      ctaButton: { color: "#FFFFFF", backgroundColor: "#2E7D32", fontSize: "14px", textAlign: "Center" },
      headline: { fontSize: "18px", textAlign: "Left" },
    },
  },
});

/** Genesys makes action targets with their queues, so the stack takes this one over by exact name. */
const salesChat = new cxflow.genesys.ActionTarget("sales-chat", {
  targetName: "Sales web chat",
  // Chats offered at checkout must be picked up fast, or the visitor leaves.
  serviceLevel: { percentage: 0.85, durationMs: 30_000 },
});

// ---------------------------------------------------------------------------------------------
// Action maps: when a visitor matches the triggers, on the pages allowed, the action is offered.

/** Pricing returners get the comparison offer on the pricing pages, after 15 seconds of reading. */
const compareMap = new cxflow.genesys.JourneyActionMap("compare-map", {
  displayName: "Plan comparison for pricing returners",
  triggerWithSegments: [pricingReturners.id],
  pageUrlConditions: [{ values: ["/pricing", "/plans"], operator: "containsAny" }],
  weight: 2,
  activation: { type: "delay", delayInSeconds: 15 },
  action: { mediaType: "contentOffer", actionTemplateId: compareOffer.id },
});

/** Stalled checkouts with at most a 70% chance of an order are offered a chat with sales. */
const checkoutChatMap = new cxflow.genesys.JourneyActionMap("checkout-chat-map", {
  displayName: "Sales chat for stalled checkouts",
  triggerWithSegments: [checkoutStallers.id],
  triggerWithOutcomeProbabilityConditions: [{ outcomeId: orderPlaced.id, maximumProbability: 0.7 }],
  pageUrlConditions: [{ values: ["/cart", "/checkout"], operator: "containsAny" }],
  // Highest weight: when both maps trigger on one page, the chat wins over any offer.
  weight: 3,
  action: {
    mediaType: "webchat",
    actionTargetId: salesChat.id,
    // Only offer as many chats as the sales agents can take.
    isPacingEnabled: true,
    props: {
      webchatTitleText: "Questions about your order?",
      webchatPrompt: "One of our sales team can help you finish checking out.",
      webchatAcceptText: "Chat now",
      webchatDeclineText: "No thanks",
    },
  },
});

/** Anyone who opens a help or FAQ page is invited to a web messaging conversation. */
const helpMessagingMap = new cxflow.genesys.JourneyActionMap("help-messaging-map", {
  displayName: "Messaging invite on help pages",
  triggerWithEventConditions: [
    { key: "page.url", values: ["/help", "/faq"], operator: "containsAny", streamType: "Web", sessionType: "web" },
  ],
  weight: 1,
  action: {
    mediaType: "webMessagingOffer",
    webMessagingOfferFields: { offerText: "Can't find the answer? Message us." },
  },
});

// ---------------------------------------------------------------------------------------------
// Report: the last 7 days of journey analytics for the declared outcomes and maps.

/** The window ends at `journey-action-maps:analyticsEnd` (a day, meaning its start in UTC, or an ISO date-time), default today. */
const end = config.get("analyticsEnd") ?? new Date().toISOString().slice(0, 10);
const week = { interval: "P7D", end } as const;
const { journey } = cxflow.genesys.filter;

const outcomes = [orderPlaced, trialStarted];
const maps = [compareMap, checkoutChatMap, helpMessagingMap];

/** Display names by id, known once the objects exist. */
const namesById = (objects: { id: pulumi.Output<string>; displayName: pulumi.Output<string> }[]) =>
  pulumi.all(objects.map((o) => pulumi.all([o.id, o.displayName]))).apply((pairs) => Object.fromEntries(pairs));

/** Only this stack's objects: the ids also hold the query back until they exist. */
const only = (dimension: "journeyOutcomeId" | "journeyActionMapId", objects: { id: pulumi.Output<string> }[]) =>
  pulumi.all(objects.map((o) => o.id)).apply((ids) => journey.oneOf(dimension, ids));

const outcomeWeek = cxflow.genesys.getJourneyAggregatesOutput({
  ...week,
  groupBy: ["journeyOutcomeId"],
  filter: only("journeyOutcomeId", outcomes),
  metrics: ["nJourneyOutcomesAchieved", "oJourneyOutcomeValue"],
});

const mapWeek = cxflow.genesys.getJourneyAggregatesOutput({
  ...week,
  groupBy: ["journeyActionMapId"],
  filter: only("journeyActionMapId", maps),
  metrics: ["nWebActionsOffered", "nWebActionsAccepted"],
});

type Row = cxflow.genesys.JourneyAggregatesResult["rows"][number];

/** Per declared object (by display name), the figures `add` sums from its rows; zero when it has none. */
function perObject<T extends object>(
  names: Record<string, string>,
  rows: Row[],
  key: (r: Row) => string | undefined,
  zero: () => T,
  add: (t: T, r: Row) => void,
): Record<string, T> {
  const byId = Object.fromEntries(Object.keys(names).map((id) => [id, zero()]));
  for (const r of rows) {
    const t = byId[key(r) ?? ""];
    if (t) add(t, r);
  }
  return Object.fromEntries(Object.entries(byId).map(([id, t]) => [names[id], t]));
}

/** The window the figures cover, as `start/end`. */
export const reportInterval = outcomeWeek.interval;

/** Per outcome: how often it was achieved, and the sum of the values it recorded (order totals). */
export const outcomesLastWeek = pulumi.all([namesById(outcomes), outcomeWeek.rows]).apply(([names, rows]) =>
  perObject(
    names,
    rows,
    (r) => r.journeyOutcomeId,
    () => ({ achieved: 0, value: 0 }),
    (t, r) => {
      if (r.metric === "nJourneyOutcomesAchieved") t.achieved += r.count ?? 0;
      if (r.metric === "oJourneyOutcomeValue") t.value += r.sum ?? 0;
    },
  ),
);

/** Per action map: offers shown and accepted, and the share accepted (4 places; 0 with no offers). */
export const actionMapsLastWeek = pulumi.all([namesById(maps), mapWeek.rows]).apply(([names, rows]) => {
  const out = perObject(
    names,
    rows,
    (r) => r.journeyActionMapId,
    () => ({ offered: 0, accepted: 0, acceptanceRate: 0 }),
    (t, r) => {
      if (r.metric === "nWebActionsOffered") t.offered += r.count ?? 0;
      if (r.metric === "nWebActionsAccepted") t.accepted += r.count ?? 0;
    },
  );
  for (const t of Object.values(out))
    t.acceptanceRate = t.offered === 0 ? 0 : Math.round((t.accepted / t.offered) * 10_000) / 10_000;
  return out;
});

// ---------------------------------------------------------------------------------------------
// Ids, for other stacks and for checking what landed.

export const segmentIds = { pricingReturners: pricingReturners.id, checkoutStallers: checkoutStallers.id };
export const outcomeIds = { orderPlaced: orderPlaced.id, trialStarted: trialStarted.id };
export const templateId = compareOffer.id;
export const salesChatTargetId = salesChat.id;
export const actionMapIds = {
  compare: compareMap.id,
  checkoutChat: checkoutChatMap.id,
  helpMessaging: helpMessagingMap.id,
};
