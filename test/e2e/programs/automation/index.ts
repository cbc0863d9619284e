// The same two resources as the Automation API test's inline program, as a program directory.
import * as pulumi from "@pulumi/pulumi";
import * as cxflow from "pulumi-cxflow";

const displayName = new pulumi.Config().require("displayName");
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

export const segmentId = segment.id;
export const segmentName = segment.displayName;
export const flowId = flow.id;
