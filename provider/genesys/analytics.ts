// Wire models of Genesys Cloud flow and journey analytics (what cxflow relies on: docs/vendors.md).
// Flow enums are strict (the swagger gives the current set); journey dimensions are open strings
// because their members come and go between releases. Request objects are strict: a misspelt key
// (`valu`, `operater`) is an error naming the allowed keys, never a condition silently dropped.
import { z } from "zod";
import { ISO_DURATION } from "../time";

// ---------------------------------------------------------------------------------------------
// Shared pieces

/** An ISO-8601 interval `start/end` with explicit offsets, e.g. `2026-10-01T00:00:00.000Z/2026-10-08T00:00:00.000Z`. */
export const Interval = z
  .string()
  .regex(
    /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})\/\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})$/,
    "must be an ISO-8601 interval start/end, e.g. 2026-10-01T00:00:00.000Z/2026-10-08T00:00:00.000Z",
  );

/** An ISO-8601 duration such as `PT30M`, `PT1H`, `P1D`, `P1DT12H`, `P1W`, `P1M`. */
export const Granularity = z.string().regex(ISO_DURATION, "must be an ISO-8601 duration, e.g. PT30M, PT1H or P1D");

/** Numeric bounds of a predicate; any subset of the four members. */
export const NumericRange = z.strictObject({
  gt: z.number().optional(),
  gte: z.number().optional(),
  lt: z.number().optional(),
  lte: z.number().optional(),
});
export type NumericRange = z.infer<typeof NumericRange>;

/** How a filter combines its clauses and predicates. */
export const FilterType = z.enum(["and", "or"]);
/** `matches` (the default) compares `value` or `range`; `exists`/`notExists` test presence. */
export const PredicateOperator = z.enum(["matches", "exists", "notExists"]);

/** Builds the predicate / clause / filter trio of one analytics query over a dimension schema. */
function filterOf<D extends z.ZodType>(dimension: D) {
  const predicate = z.strictObject({
    type: z.enum(["dimension", "property", "metric"]).optional(),
    dimension: dimension.optional(),
    operator: PredicateOperator.optional(),
    value: z.string().optional(),
    range: NumericRange.optional(),
  });
  const clause = z.strictObject({ type: FilterType, predicates: z.array(predicate) });
  const filter = z.strictObject({
    type: FilterType,
    clauses: z.array(clause).optional(),
    predicates: z.array(predicate).optional(),
  });
  return { predicate, clause, filter };
}

/** One aggregate number set. Which members appear depends on the metric: counts → `count`; durations → `sum/count/max/min`. */
export const StatisticalSummary = z.object({
  max: z.number().optional(),
  min: z.number().optional(),
  count: z.number().int().optional(),
  countNegative: z.number().int().optional(),
  countPositive: z.number().int().optional(),
  sum: z.number().optional(),
  current: z.number().optional(),
  ratio: z.number().optional(),
  numerator: z.number().optional(),
  denominator: z.number().optional(),
  target: z.number().optional(),
  p95: z.number().int().optional(),
  p99: z.number().int().optional(),
  calculatedMetricValue: z.number().int().optional(),
});
export type StatisticalSummary = z.infer<typeof StatisticalSummary>;

/** One metric's numbers in one time bucket. */
export const AggregateMetricData = z.object({
  metric: z.string(),
  qualifier: z.string().optional(),
  stats: StatisticalSummary,
});
export type AggregateMetricData = z.infer<typeof AggregateMetricData>;

/** One view's numbers in one time bucket. */
export const AggregateViewData = z.object({ name: z.string(), stats: StatisticalSummary });
export type AggregateViewData = z.infer<typeof AggregateViewData>;

/** The metrics of one time bucket (`interval` is `start/end` in UTC). */
export const StatisticalResponse = z.object({
  interval: z.string(),
  metrics: z.array(AggregateMetricData).optional(),
  views: z.array(AggregateViewData).optional(),
});
export type StatisticalResponse = z.infer<typeof StatisticalResponse>;

/** One group (dimension → value; absent without groupBy) and its time buckets. */
export const AggregateDataContainer = z.object({
  group: z.record(z.string(), z.string()).optional(),
  data: z.array(StatisticalResponse),
});
export type AggregateDataContainer = z.infer<typeof AggregateDataContainer>;

/** The answer to a synchronous aggregate query; `results` is absent when nothing matched. */
export const AggregateQueryResponse = z.object({ results: z.array(AggregateDataContainer).optional() });

/** Body of a successful async job submission. */
export const AsyncQueryResponse = z.object({ jobId: z.string() });
export type AsyncQueryResponse = z.infer<typeof AsyncQueryResponse>;

/** Life cycle of an async analytics job. */
export const ASYNC_STATES = ["QUEUED", "PENDING", "FAILED", "CANCELLED", "FULFILLED", "EXPIRED"] as const;
/** Schema of {@link AsyncQueryState}. */
export const AsyncQueryState = z.enum(ASYNC_STATES);
/** State of an async analytics job: QUEUED, PENDING, then FULFILLED, FAILED, CANCELLED or EXPIRED. */
export type AsyncQueryState = z.infer<typeof AsyncQueryState>;

/** Status of an async job: poll until FULFILLED; results vanish at `expirationDate` (state EXPIRED). */
export const AsyncQueryStatus = z.object({
  state: AsyncQueryState.optional(),
  /** Set when the state is FAILED. */
  errorMessage: z.string().optional(),
  expirationDate: z.string().optional(),
  submissionDate: z.string().optional(),
  completionDate: z.string().optional(),
});
export type AsyncQueryStatus = z.infer<typeof AsyncQueryStatus>;

/** One page of async results; pass `cursor` back until it is absent. */
export const AsyncAggregateQueryResponse = z.object({
  results: z.array(AggregateDataContainer).optional(),
  cursor: z.string().optional(),
});

// ---------------------------------------------------------------------------------------------
// Flow aggregates

/** Flow aggregate metrics (current swagger enum). `n` counts, `t` durations in ms, `o` observed counts. */
export const FLOW_METRICS = [
  "nFlow",
  "nFlowMilestone",
  "nFlowOutcome",
  "nFlowOutcomeFailed",
  "oFlowMilestone",
  "tFlow",
  "tFlowDisconnect",
  "tFlowExit",
  "tFlowOutcome",
] as const;
/** Schema of {@link FlowMetric}. */
export const FlowMetric = z.enum(FLOW_METRICS);
/** A flow aggregate metric: `n…` counts, `t…` durations in ms, `o…` observed counts. */
export type FlowMetric = z.infer<typeof FlowMetric>;

/** Dimensions a flow aggregate query may group by. */
export const FLOW_DIMENSIONS = [
  "activeRouting",
  "activeSkillId",
  "addressFrom",
  "addressTo",
  "agentAssistantId",
  "agentBullseyeRing",
  "agentOwned",
  "agentRank",
  "agentScore",
  "ani",
  "assignerId",
  "authenticated",
  "conversationId",
  "conversationInitiator",
  "convertedFrom",
  "convertedTo",
  "customerParticipation",
  "deliveryStatus",
  "destinationAddress",
  "direction",
  "disconnectType",
  "divisionId",
  "dnis",
  "edgeId",
  "eligibleAgentCount",
  "endingLanguage",
  "entryReason",
  "entryType",
  "errorCode",
  "exitReason",
  "extendedDeliveryStatus",
  "externalContactId",
  "externalMediaCount",
  "externalOrganizationId",
  "externalTag",
  "firstQueue",
  "flaggedReason",
  "flowId",
  "flowInType",
  "flowMilestoneId",
  "flowName",
  "flowOutType",
  "flowOutcome",
  "flowOutcomeId",
  "flowOutcomeValue",
  "flowSubType",
  "flowType",
  "flowVersion",
  "groupId",
  "interactionType",
  "journeyActionId",
  "journeyActionMapId",
  "journeyActionMapVersion",
  "journeyCustomerId",
  "journeyCustomerIdType",
  "journeyCustomerSessionId",
  "journeyCustomerSessionIdType",
  "knowledgeBaseId",
  "mediaCount",
  "mediaType",
  "messageType",
  "originatingDirection",
  "outboundCampaignId",
  "outboundContactId",
  "outboundContactListId",
  "participantName",
  "peerId",
  "proposedAgentId",
  "provider",
  "purpose",
  "queueId",
  "recognitionFailureReason",
  "remote",
  "removedSkillId",
  "requestedLanguageId",
  "requestedRouting",
  "requestedRoutingSkillId",
  "roomId",
  "routingPriority",
  "routingRing",
  "routingRule",
  "routingRuleType",
  "scoredAgentId",
  "selectedAgentId",
  "selectedAgentRank",
  "selfServed",
  "sessionDnis",
  "sessionId",
  "skillExpressionId",
  "startingLanguage",
  "stationId",
  "teamId",
  "transferTargetAddress",
  "transferTargetName",
  "transferType",
  "usedRouting",
  "userId",
  "videoPresent",
  "waitingInteractionCount",
  "wrapUpCode",
] as const;
/** Schema of {@link FlowDimension}. */
export const FlowDimension = z.enum(FLOW_DIMENSIONS);
/** A dimension a flow aggregate query may group by (one of {@link FLOW_DIMENSIONS}). */
export type FlowDimension = z.infer<typeof FlowDimension>;

/** Predicate dimensions: the groupBy set plus `canonicalExternalContactId`. */
export const FlowPredicateDimension = z.enum([...FLOW_DIMENSIONS, "canonicalExternalContactId"]);

const flowFilter = filterOf(FlowPredicateDimension);
/** One condition of a flow aggregate filter. */
export const FlowAggregateQueryPredicate = flowFilter.predicate;
export type FlowAggregateQueryPredicate = z.infer<typeof FlowAggregateQueryPredicate>;
/** A group of predicates combined with `type`. */
export const FlowAggregateQueryClause = flowFilter.clause;
export type FlowAggregateQueryClause = z.infer<typeof FlowAggregateQueryClause>;
/** Top-level filter of a flow aggregate query, ANDed with the interval. */
export const FlowAggregateQueryFilter = flowFilter.filter;
export type FlowAggregateQueryFilter = z.infer<typeof FlowAggregateQueryFilter>;

/** A derived, bucketed metric: how many values of `target` fall in `range` (`gte` ≤ v < `lt`). */
export const FlowAggregationView = z.strictObject({
  target: FlowMetric,
  name: z.string().min(1),
  function: z.literal("rangeBound"),
  range: z.strictObject({ gte: z.number().optional(), lt: z.number().optional() }).optional(),
});
export type FlowAggregationView = z.infer<typeof FlowAggregationView>;

const aggregationFields = {
  /** ISO-8601 `start/end`; the offsets written here apply. */
  interval: Interval,
  /** Bucket size; the whole interval when absent. */
  granularity: Granularity.optional(),
  /** IANA time zone for bucket edges (default UTC). */
  timeZone: z.string().min(1).optional(),
  flattenMultivaluedDimensions: z.boolean().optional(),
  /** Bucket by the event's own time instead of the flow start. */
  alternateTimeDimension: z.enum(["eventTime"]).optional(),
};

/** Body of `POST /api/v2/analytics/flows/aggregates/query`. */
export const FlowAggregationQuery = z.strictObject({
  ...aggregationFields,
  groupBy: z.array(FlowDimension).optional(),
  filter: FlowAggregateQueryFilter.optional(),
  metrics: z.array(FlowMetric).min(1),
  views: z.array(FlowAggregationView).optional(),
});
export type FlowAggregationQuery = z.infer<typeof FlowAggregationQuery>;

/** Largest async result page the sandbox serves (undocumented upstream). */
export const MAX_ASYNC_PAGE_SIZE = 1000;
const asyncPageSize = z.number().int().min(1).max(MAX_ASYNC_PAGE_SIZE).optional();

/** Body of `POST /api/v2/analytics/flows/aggregates/jobs`: the sync query plus `pageSize`. */
export const FlowAsyncAggregationQuery = FlowAggregationQuery.extend({ pageSize: asyncPageSize });
export type FlowAsyncAggregationQuery = z.infer<typeof FlowAsyncAggregationQuery>;

/** One flow group and its buckets. */
export const FlowAggregateDataContainer = AggregateDataContainer;
export type FlowAggregateDataContainer = AggregateDataContainer;
/** Answer of the synchronous flow aggregate query. */
export const FlowAggregateQueryResponse = AggregateQueryResponse;
export type FlowAggregateQueryResponse = z.infer<typeof FlowAggregateQueryResponse>;
/** One page of flow async job results. */
export const FlowAsyncAggregateQueryResponse = AsyncAggregateQueryResponse;
export type FlowAsyncAggregateQueryResponse = z.infer<typeof FlowAsyncAggregateQueryResponse>;

// ---------------------------------------------------------------------------------------------
// Flow observations and activity

/** Body of `POST /api/v2/analytics/flows/observations/query`: flows in flight now. */
export const FlowObservationQuery = z.strictObject({
  filter: filterOf(z.enum(["flowId", "mediaType"])).filter,
  metrics: z.array(z.enum(["oFlow"])).min(1),
  /** Metrics whose per-item observations are listed too. */
  detailMetrics: z.array(z.enum(["oFlow"])).optional(),
});
export type FlowObservationQuery = z.infer<typeof FlowObservationQuery>;

/** Routing methods of observations and activity. */
export const RoutingType = z.enum([
  "Bullseye",
  "Conditional",
  "Direct",
  "Last",
  "Manual",
  "Predictive",
  "Preferred",
  "Standard",
  "Vip",
]);

/** One in-flight item of an observation. */
export const ObservationValue = z.object({
  observationDate: z.string(),
  conversationId: z.string().optional(),
  sessionId: z.string().optional(),
  direction: z.enum(["inbound", "outbound"]).optional(),
  usedRouting: RoutingType.optional(),
  requestedRoutings: z.array(RoutingType).optional(),
  requestedRoutingSkillIds: z.array(z.string()).optional(),
  requestedLanguageId: z.string().optional(),
  routingPriority: z.number().int().optional(),
  participantName: z.string().optional(),
  userId: z.string().optional(),
  teamId: z.string().optional(),
  convertedFrom: z.string().optional(),
  convertedTo: z.string().optional(),
  addressFrom: z.string().optional(),
  addressTo: z.string().optional(),
  ani: z.string().optional(),
  dnis: z.string().optional(),
  scoredAgents: z.array(z.object({ agentScore: z.number().int().optional(), scoredAgentId: z.string() })).optional(),
});
export type ObservationValue = z.infer<typeof ObservationValue>;

/** An observed metric; with `truncated` the list keeps its oldest and newest halves. */
export const ObservationMetricData = z.object({
  metric: z.string(),
  qualifier: z.string().optional(),
  stats: StatisticalSummary,
  truncated: z.boolean().optional(),
  observations: z.array(ObservationValue).optional(),
});
export type ObservationMetricData = z.infer<typeof ObservationMetricData>;

/** Answer of the flow observation query: one result per group of the filter's values. */
export const FlowObservationQueryResponse = z.object({
  results: z.array(
    z.object({ group: z.record(z.string(), z.string()).optional(), data: z.array(ObservationMetricData) }),
  ),
});
export type FlowObservationQueryResponse = z.infer<typeof FlowObservationQueryResponse>;

/** Dimensions of the flow activity query (groupBy and filter). */
export const FLOW_ACTIVITY_DIMENSIONS = [
  "activeRouting",
  "addressFrom",
  "addressTo",
  "agentScore",
  "ani",
  "conversationId",
  "convertedFrom",
  "convertedTo",
  "direction",
  "dnis",
  "flowId",
  "flowType",
  "mediaType",
  "participantName",
  "queueId",
  "requestedLanguageId",
  "requestedRouting",
  "requestedRoutingSkillId",
  "routingPriority",
  "scoredAgentId",
  "sessionId",
  "teamId",
  "usedRouting",
  "userId",
] as const;
/** Schema of {@link FlowActivityDimension}. */
export const FlowActivityDimension = z.enum(FLOW_ACTIVITY_DIMENSIONS);
/** A dimension of the flow activity query, for `groupBy` and filters (one of {@link FLOW_ACTIVITY_DIMENSIONS}). */
export type FlowActivityDimension = z.infer<typeof FlowActivityDimension>;

const activityPredicate = z.strictObject({
  type: z.enum(["dimension", "property", "metric"]).optional(),
  dimension: FlowActivityDimension.optional(),
  operator: PredicateOperator.optional(),
  value: z.string().optional(),
});

/** Flow types (the `flowType` values of activity entities). */
export const FLOW_TYPES = [
  "BOT",
  "COMMONMODULE",
  "DIGITALBOT",
  "EMAILSEND",
  "INBOUNDCALL",
  "INBOUNDCHAT",
  "INBOUNDEMAIL",
  "INBOUNDSHORTMESSAGE",
  "INQUEUECALL",
  "INQUEUEEMAIL",
  "INQUEUESHORTMESSAGE",
  "OUTBOUNDCALL",
  "SECURECALL",
  "SPEECH",
  "SURVEYINVITE",
  "VOICE",
  "VOICEMAIL",
  "VOICESURVEY",
  "WORKFLOW",
  "WORKITEM",
] as const;
/** A Genesys Cloud flow type, e.g. `INBOUNDCALL` (one of {@link FLOW_TYPES}). */
export type FlowType = (typeof FLOW_TYPES)[number];

/** Media types of flow activity. */
export const MEDIA_TYPES = [
  "callback",
  "chat",
  "cobrowse",
  "email",
  "internalmessage",
  "message",
  "screenmonitoring",
  "screenshare",
  "unknown",
  "video",
  "voice",
] as const;
/** A media type of flow activity, e.g. `voice`, `chat` (one of {@link MEDIA_TYPES}). */
export type AnalyticsMediaType = (typeof MEDIA_TYPES)[number];

/** Body of `POST /api/v2/analytics/flows/activity/query` (paged by `pageSize`/`pageNumber` query values). */
export const FlowActivityQuery = z.strictObject({
  metrics: z.array(z.strictObject({ metric: z.literal("oFlow"), details: z.boolean().optional() })).min(1),
  groupBy: z.array(FlowActivityDimension),
  filter: z
    .strictObject({
      type: FilterType,
      clauses: z.array(z.strictObject({ type: FilterType, predicates: z.array(activityPredicate) })).optional(),
      predicates: z.array(activityPredicate).optional(),
    })
    .optional(),
  /** Order of entities by activity date. */
  order: z.enum(["asc", "desc", "unordered"]).optional(),
});
export type FlowActivityQuery = z.infer<typeof FlowActivityQuery>;

/** One flow in flight, as the activity query details it. */
export const FlowActivityEntityData = z.object({
  metric: z.string().optional(),
  activityDate: z.string(),
  flowId: z.string().optional(),
  flowType: z.enum(FLOW_TYPES).optional(),
  mediaType: z.enum(MEDIA_TYPES).optional(),
  conversationId: z.string().optional(),
  sessionId: z.string().optional(),
  direction: z.enum(["inbound", "outbound"]).optional(),
  ani: z.string().optional(),
  dnis: z.string().optional(),
  addressFrom: z.string().optional(),
  addressTo: z.string().optional(),
  queueId: z.string().optional(),
  requestedLanguageId: z.string().optional(),
  routingPriority: z.number().int().optional(),
});
export type FlowActivityEntityData = z.infer<typeof FlowActivityEntityData>;

/** Answer of the flow activity query. `count` per group covers every page; `entities` only this page. */
export const FlowActivityResponse = z.object({
  /** Which dimension `entityIds` name. */
  entityIdDimension: FlowActivityDimension.optional(),
  results: z
    .array(
      z.object({
        group: z.record(z.string(), z.string()).optional(),
        data: z.array(
          z.object({
            metric: z.string(),
            qualifier: z.string().optional(),
            entityIds: z.array(z.string()).optional(),
            count: z.number().int(),
          }),
        ),
        truncated: z.boolean().optional(),
        entities: z.array(FlowActivityEntityData).optional(),
      }),
    )
    .optional(),
});
export type FlowActivityResponse = z.infer<typeof FlowActivityResponse>;

// ---------------------------------------------------------------------------------------------
// Journey aggregates

/** Journey aggregate metrics (current swagger enum). */
export const JOURNEY_METRICS = [
  "nDistinctJourneyActions",
  "nDistinctJourneySessions",
  "nJourneyActionsBlocked",
  "nJourneyOutcomesAchieved",
  "nJourneyOutcomesAttributed",
  "nJourneySegmentsAssigned",
  "nJourneySessions",
  "nWebActionsAbandoned",
  "nWebActionsAccepted",
  "nWebActionsEngaged",
  "nWebActionsErrored",
  "nWebActionsFrequencyCapReached",
  "nWebActionsIgnored",
  "nWebActionsOffered",
  "nWebActionsOfferedOutsideSchedule",
  "nWebActionsQualified",
  "nWebActionsQualifiedOutsideSchedule",
  "nWebActionsRejected",
  "nWebActionsStarted",
  "nWebActionsTimedout",
  "oJourneyOutcomeTouchpointValue",
  "oJourneyOutcomeValue",
] as const;
/** Schema of {@link JourneyMetric}. */
export const JourneyMetric = z.enum(JOURNEY_METRICS);
/** A journey aggregate metric: `n…` counts, `o…` outcome values. */
export type JourneyMetric = z.infer<typeof JourneyMetric>;

/** Journey dimensions known at SDK 270; the schema accepts any identifier because the set changes. */
export const JOURNEY_DIMENSIONS = [
  "containsAllCondition",
  "containsAnyCondition",
  "endsWithCondition",
  "equalCondition",
  "journeyActionId",
  "journeyActionMapId",
  "journeyActionMapVersion",
  "journeyActionMediaType",
  "journeyActionTargetId",
  "journeyActionTemplateId",
  "journeyBlockingActionMapId",
  "journeyBlockingEmergencyScheduleGroupId",
  "journeyBlockingReason",
  "journeyBlockingScheduleGroupId",
  "journeyDeviceCategory",
  "journeyDeviceType",
  "journeyFrequencyCapReason",
  "journeyIpGeolocationCountry",
  "journeyOutcomeId",
  "journeySegmentAssignmentState",
  "journeySegmentId",
  "journeySessionId",
  "journeySessionSegmentId",
  "journeySessionType",
  "notContainsAllCondition",
  "notContainsAnyCondition",
  "notEqualCondition",
  "startsWithCondition",
  "touchpointActionMapId",
  "touchpointAgentId",
  "touchpointAttributionScope",
  "touchpointChannelMessageType",
  "touchpointChannelPlatform",
  "touchpointChannelType",
  "touchpointConversationId",
  "touchpointInteractionType",
  "touchpointQueueId",
  "touchpointRequestedRouting",
  "touchpointUsedRouting",
  "touchpointWrapupCode",
] as const;
/** A journey dimension: lenient (any identifier) since members come and go between releases. */
export const JourneyDimension = z
  .string()
  .regex(
    /^[A-Za-z][A-Za-z0-9]*$/,
    "must be a dimension name: a letter, then letters and digits (e.g. journeySessionType, touchpointQueueId)",
  );
export type JourneyDimension = (typeof JOURNEY_DIMENSIONS)[number] | (string & {});

const journeyFilter = filterOf(JourneyDimension);
/** Top-level filter of a journey aggregate query. */
export const JourneyAggregateQueryFilter = journeyFilter.filter;
export type JourneyAggregateQueryFilter = z.infer<typeof JourneyAggregateQueryFilter>;

/** Body of `POST /api/v2/analytics/journeys/aggregates/query`. */
export const JourneyAggregationQuery = z.strictObject({
  ...aggregationFields,
  groupBy: z.array(JourneyDimension).optional(),
  filter: JourneyAggregateQueryFilter.optional(),
  metrics: z.array(JourneyMetric).min(1),
  views: z
    .array(
      z.strictObject({
        target: JourneyMetric,
        name: z.string().min(1),
        function: z.literal("rangeBound"),
        range: z.strictObject({ gte: z.number().optional(), lt: z.number().optional() }).optional(),
      }),
    )
    .optional(),
});
export type JourneyAggregationQuery = z.infer<typeof JourneyAggregationQuery>;

/** Body of `POST /api/v2/analytics/journeys/aggregates/jobs`. */
export const JourneyAsyncAggregationQuery = JourneyAggregationQuery.extend({ pageSize: asyncPageSize });
export type JourneyAsyncAggregationQuery = z.infer<typeof JourneyAsyncAggregationQuery>;

/** Answer of the synchronous journey aggregate query (same data shape as flows). */
export const JourneyAggregateQueryResponse = AggregateQueryResponse;
export type JourneyAggregateQueryResponse = z.infer<typeof JourneyAggregateQueryResponse>;
/** One page of journey async job results. */
export const JourneyAsyncAggregateQueryResponse = AsyncAggregateQueryResponse;
export type JourneyAsyncAggregateQueryResponse = z.infer<typeof JourneyAsyncAggregateQueryResponse>;

/** Either aggregation query, as the sandbox's engine sees it. */
export type AnyAggregationQuery = FlowAggregationQuery | JourneyAggregationQuery;
