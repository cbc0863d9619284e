/** Genesys Cloud: resources, models (zod schemas and types), endpoint tables and the client. */

export { ActionTarget, type ActionTargetArgs } from "./action-target";
// Analytics data sources (getX / getXOutput) and the filter builder.
export {
  type AggregateMode,
  type AggregateRow,
  type AggregatesResult,
  AnalyticsJobError,
  type Clause,
  chooseMode,
  type Filter,
  type FilterBuilder,
  filter,
  type InstantArg,
  type IntervalArg,
  PER_INTERACTION_DIMENSIONS,
  type Predicate,
  SYNC_MAX_BUCKETS,
  SYNC_MAX_DAYS,
} from "./aggregates";
export { analyticsEndpoints } from "./analytics-endpoints";
export { architectEndpoints } from "./architect-endpoints";
export { ArchitectFlow, type ArchitectFlowArgs } from "./architect-flow";
export {
  type ArchitectFlowsResult,
  type FlowMilestonesResult,
  type FlowOutcomesResult,
  getArchitectFlow,
  getArchitectFlowOutput,
  getArchitectFlows,
  getArchitectFlowsOutput,
  getFlowMilestone,
  getFlowMilestoneOutput,
  getFlowMilestones,
  getFlowMilestonesOutput,
  getFlowOutcome,
  getFlowOutcomeOutput,
  getFlowOutcomes,
  getFlowOutcomesOutput,
} from "./architect-lookups";
export { type GenesysClient, type GenesysClientOptions, genesysClient } from "./client";
export { endpoints } from "./endpoints";
export { type FlowActivityResult, type FlowActivityRow, getFlowActivity, getFlowActivityOutput } from "./flow-activity";
export { type FlowAggregatesResult, getFlowAggregates, getFlowAggregatesOutput } from "./flow-aggregates";
export { FlowMilestone, type FlowMilestoneArgs } from "./flow-milestone";
export {
  type FlowObservationRow,
  type FlowObservationsResult,
  getFlowObservations,
  getFlowObservationsOutput,
} from "./flow-observations";
export { FlowOutcome, type FlowOutcomeArgs } from "./flow-outcome";
export {
  type ActionMapActionArgs,
  type EventConditionArgs,
  JourneyActionMap,
  type JourneyActionMapArgs,
} from "./journey-action-map";
export {
  type ContentOfferArgs,
  JourneyActionTemplate,
  type JourneyActionTemplateArgs,
  type TextStyleArgs,
} from "./journey-action-template";
export { getJourneyAggregates, getJourneyAggregatesOutput, type JourneyAggregatesResult } from "./journey-aggregates";
export { JourneyOutcome, type JourneyOutcomeArgs } from "./journey-outcome";
export { JourneySegment, type JourneySegmentArgs } from "./journey-segment";
export {
  getActionTarget,
  getActionTargetOutput,
  getActionTargets,
  getActionTargetsOutput,
  getJourneyActionMap,
  getJourneyActionMapOutput,
  getJourneyActionMaps,
  getJourneyActionMapsOutput,
  getJourneyActionTemplate,
  getJourneyActionTemplateOutput,
  getJourneyActionTemplates,
  getJourneyActionTemplatesOutput,
  getJourneyOutcome,
  getJourneyOutcomeOutput,
  getJourneyOutcomes,
  getJourneyOutcomesOutput,
  getJourneySegment,
  getJourneySegmentOutput,
  getJourneySegments,
  getJourneySegmentsOutput,
  type JourneyActionMapsResult,
  type JourneyOutcomesResult,
  type JourneySegmentsResult,
} from "./lookups";
export type {
  ContextArgs,
  JourneyArgs,
  SegmentContextCriterionArgs,
  SegmentCriterionArgs,
  SegmentJourneyPatternArgs,
} from "./patterns";
// Wire models live under `models`, so an internal schema's name is not part of the public API.
export * as models from "./wire";
