// The resources of the Automation API test, declared by its program directory and its inline program alike.
import * as cxflow from "pulumi-cxflow";

/** A journey segment and an Our Voice flow named after `displayName`; their outputs. */
export function contactCenter(displayName: string) {
  const segment = new cxflow.genesys.JourneySegment("buyers", {
    displayName,
    journey: {
      patterns: [
        {
          criteria: [{ key: "page.url", values: ["/pricing"], operator: "containsAny" }],
          count: 2,
          streamType: "Web",
          sessionType: "web",
        },
      ],
    },
  });
  const flow = new cxflow.ourvoice.Flow("welcome", { name: `${displayName} welcome`, type: "voice" });
  return { segmentId: segment.id, segmentName: segment.displayName, flowId: flow.id };
}
