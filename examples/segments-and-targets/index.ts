// Genesys Cloud Predictive Engagement: the journey segments a web team wants to target, and the
// two action targets (the queues that answer offers) that those segments feed, tuned for launch.
import * as cxflow from "pulumi-cxflow";

// ---------------------------------------------------------------------------------------------
// Journey segments: who a visitor is (context) and what they did (journey patterns).

/** Visitors who looked at pricing at least twice in one session: likely buyers. */
const returningBuyers = new cxflow.genesys.JourneySegment("returning-buyers", {
  displayName: "Returning buyers",
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
  // Agents see the segment for a month after a visitor earns it.
  assignmentExpirationDays: 30,
});

/** Visitors on a phone or tablet: the chat offer should be short. */
const mobileVisitors = new cxflow.genesys.JourneySegment("mobile-visitors", {
  displayName: "Mobile visitors",
  description: "Browsing from a phone or a tablet",
  context: {
    patterns: [{ criteria: [{ key: "device.category", values: ["mobile", "tablet"], operator: "containsAny" }] }],
  },
  // No color: Genesys picks one, and it never shows up as a change.
});

/** Visitors who reached checkout and went back to the cart: worth a callback. */
const checkoutAbandoners = new cxflow.genesys.JourneySegment("checkout-abandoners", {
  displayName: "Checkout abandoners",
  description: "Reached checkout, then returned to the cart",
  color: "#C62828",
  shouldDisplayToAgent: true,
  context: {
    patterns: [
      { criteria: [{ key: "browser.family", values: ["Chrome", "Safari", "Firefox"], operator: "containsAny" }] },
    ],
  },
  journey: {
    // Both patterns must match; their order here does not matter to the diff.
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

/** A segment kept in a customer data platform and mirrored into Genesys Cloud. */
const vipCustomers = new cxflow.genesys.JourneySegment("vip-customers", {
  displayName: "VIP customers",
  description: "Mirrored from the CDP audience of the same name",
  externalSegment: { id: "cdp-audience-vip", name: "VIP customers (CDP)" },
});

// ---------------------------------------------------------------------------------------------
// Action targets: Genesys creates them with the queues; a stack takes one over by its exact name,
// manages its name, service level and short-abandon threshold, and puts them back on destroy.

/** Web chat offers go to sales: 90% answered within 20 seconds. */
const salesChat = new cxflow.genesys.ActionTarget("sales-chat", {
  targetName: "Sales web chat",
  serviceLevel: { percentage: 0.9, durationMs: 20_000 },
  shortAbandonThreshold: 8,
});

/** Callbacks for abandoned checkouts go to support, under a clearer name. */
const supportCallbacks = new cxflow.genesys.ActionTarget("support-callbacks", {
  targetName: "Support callbacks",
  name: "Support callbacks (checkout)",
  serviceLevel: { percentage: 0.8, durationMs: 60_000 },
});

// ---------------------------------------------------------------------------------------------
// Outputs: what other stacks (action maps, dashboards) need to refer to these objects.

/** Segment ids, by the key other stacks know them by. */
export const segmentIds = {
  returningBuyers: returningBuyers.id,
  mobileVisitors: mobileVisitors.id,
  checkoutAbandoners: checkoutAbandoners.id,
  vipCustomers: vipCustomers.id,
};
/** Display names in the order declared. */
export const segmentNames = [returningBuyers, mobileVisitors, checkoutAbandoners, vipCustomers].map(
  (s) => s.displayName,
);
/** The color Genesys chose for the segment declared without one. */
export const mobileVisitorsColor = mobileVisitors.color;

export const salesChatTarget = { id: salesChat.id, name: salesChat.name, serviceLevel: salesChat.serviceLevel };
export const supportCallbacksTarget = {
  id: supportCallbacks.id,
  name: supportCallbacks.name,
  serviceLevel: supportCallbacks.serviceLevel,
  // What destroy gives back: the values the target had before this stack took it over.
  original: supportCallbacks.original,
};
