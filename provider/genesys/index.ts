/** Genesys Cloud: resources, models (zod schemas and types), endpoint tables and the client. */

export { ActionTarget, type ActionTargetArgs } from "./action-target";
export * from "./analytics";
export { analyticsEndpoints } from "./analytics-endpoints";
export { type GenesysClient, type GenesysClientOptions, genesysClient } from "./client";
export { endpoints } from "./endpoints";
export {
  JourneySegment,
  type JourneySegmentArgs,
  type SegmentContextCriterionArgs,
  type SegmentCriterionArgs,
  type SegmentJourneyPatternArgs,
} from "./journey-segment";
// The resource classes above take the plain names; every wire model stays reachable here.
export * as models from "./models";
export * from "./models";
