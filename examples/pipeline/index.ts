// The stack the pipelines in this folder deploy: a journey segment in Genesys Cloud and an Our
// Voice SMS flow that follows up with the visitors it finds. Credentials come from the pipeline's
// env vars, so the program holds no config of its own.
import * as cxflow from "pulumi-cxflow";

/** Visitors who reached checkout twice in a session and left without paying. */
const checkoutLeavers = new cxflow.genesys.JourneySegment("checkout-leavers", {
  displayName: "Checkout leavers",
  description: "Reached checkout twice in one session without an order",
  journey: {
    patterns: [
      {
        criteria: [{ key: "page.url", values: ["/checkout"], operator: "containsAny" }],
        count: 2,
        streamType: "Web",
        sessionType: "web",
      },
    ],
  },
});

/** The text those visitors get; its metadata names the segment that triggers it. */
const checkoutReminder = new cxflow.ourvoice.Flow("checkout-reminder", {
  name: "Checkout reminder",
  type: "sms",
  description: "Texts a link back to the basket after an abandoned checkout",
  status: "published",
  metadata: checkoutLeavers.id.apply((segmentId) => ({
    genesysSegmentId: segmentId,
    link: "https://example.com/basket",
  })),
});

export const segmentId = checkoutLeavers.id;
export const ourvoiceFlowId = checkoutReminder.id;
