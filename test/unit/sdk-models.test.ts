// Our Genesys wire models (the zod types in provider/genesys/models.ts and analytics.ts) against
// the official SDK's declared models (purecloud-platform-client-v2, `Models.*`): each of ours must
// be assignable to its SDK counterpart and carry no property, at any depth, that the SDK lacks.
// Checked when this file compiles (`npm run lint`); the runtime test only lets jest accept it.
import type { Models } from "purecloud-platform-client-v2";
import type * as ours from "../../provider/genesys/wire";
import * as wire from "../../provider/genesys/wire";

/** Recursion budget (ErrorBody nests itself through `errors`); past it, plain assignability decides. */
type Deeper = [never, 0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11];

/**
 * Where `Ours` departs from `Sdk`, as a union of messages naming the path (`never` when it does
 * not): a property the SDK model lacks, an optional one the SDK requires, `null` or a value the
 * SDK's type does not take. Recurses through objects, arrays and records.
 */
type Departures<Ours, Sdk, At extends string = "", D extends number = 12> = [D] extends [never]
  ? [Ours] extends [Sdk]
    ? never
    : `${At}: not assignable to the SDK's type`
  : Ours extends readonly (infer E)[]
    ? NonNullable<Sdk> extends readonly (infer F)[]
      ? Departures<E, F, `${At}[]`, Deeper[D]>
      : `${At}: an array here, not in the SDK`
    : Ours extends object
      ? {
          [K in keyof Ours & string]-?: K extends keyof NonNullable<Sdk>
            ? Departures<Ours[K], NonNullable<Sdk>[K], `${At}.${K}`, Deeper[D]>
            : `${At}.${K}: not a field of the SDK model`;
        }[keyof Ours & string]
      : [Ours] extends [Sdk]
        ? never
        : Ours extends undefined
          ? `${At}: optional here, required by the SDK`
          : Ours extends null
            ? `${At}: nullable here, not in the SDK`
            : `${At}: a type the SDK's does not take`;

/** `true` when `Ours` agrees with `Sdk` (assignable, no extra keys at any depth); otherwise the reasons. */
type Agrees<Ours, Sdk> = [
  Departures<Ours, Sdk> | ([Ours] extends [Sdk] ? never : ": not assignable to the SDK model"),
] extends [never]
  ? true
  : Departures<Ours, Sdk> | ([Ours] extends [Sdk] ? never : ": not assignable to the SDK model");

/** `null` clears these fields in a PATCH (docs/vendors.md: segments, outcomes, action templates and maps); the SDK types them without it. */
type NullClears<T, K extends keyof T> = Omit<T, K> & { [P in K]?: Exclude<T[P], null> };

/** Ours → the SDK's model, one line each. Nested models are checked through their parents too. */
type Pairs = {
  // Responses
  ErrorBody: [ours.ErrorBody, Models.ErrorBody];
  JourneySegment: [ours.JourneySegment, Models.JourneySegment];
  SegmentListing: [ours.SegmentListing, Models.SegmentListing];
  ActionTarget: [ours.ActionTarget, Models.ActionTarget];
  ActionTargetListing: [ours.ActionTargetListing, Models.ActionTargetListing];
  Outcome: [ours.Outcome, Models.Outcome];
  OutcomeListing: [ours.OutcomeListing, Models.OutcomeListing];
  ActionTemplate: [ours.ActionTemplate, Models.ActionTemplate];
  ActionTemplateListing: [ours.ActionTemplateListing, Models.ActionTemplateListing];
  ActionMap: [ours.ActionMap, Models.ActionMap];
  ActionMapListing: [ours.ActionMapListing, Models.ActionMapListing];
  AsyncQueryResponse: [ours.AsyncQueryResponse, Models.AsyncQueryResponse];
  AsyncQueryStatus: [ours.AsyncQueryStatus, Models.AsyncQueryStatus];
  FlowAggregateQueryResponse: [ours.FlowAggregateQueryResponse, Models.FlowAggregateQueryResponse];
  FlowAsyncAggregateQueryResponse: [ours.FlowAsyncAggregateQueryResponse, Models.FlowAsyncAggregateQueryResponse];
  FlowObservationQueryResponse: [ours.FlowObservationQueryResponse, Models.FlowObservationQueryResponse];
  FlowActivityResponse: [ours.FlowActivityResponse, Models.FlowActivityResponse];
  JourneyAggregateQueryResponse: [ours.JourneyAggregateQueryResponse, Models.JourneyAggregateQueryResponse];
  JourneyAsyncAggregateQueryResponse: [
    ours.JourneyAsyncAggregateQueryResponse,
    Models.JourneyAsyncAggregateQueryResponse,
  ];
  // Request bodies
  JourneySegmentRequest: [ours.JourneySegmentRequest, Models.JourneySegmentRequest];
  PatchSegment: [NullClears<ours.PatchSegment, "description" | "assignmentExpirationDays">, Models.PatchSegment];
  PatchActionTarget: [ours.PatchActionTarget, Models.PatchActionTarget];
  OutcomeRequest: [ours.OutcomeRequest, Models.OutcomeRequest];
  PatchOutcome: [NullClears<ours.PatchOutcome, "description" | "associatedValueField">, Models.PatchOutcome];
  ActionTemplateRequest: [ours.ActionTemplateRequest, Models.ActionTemplate];
  PatchActionTemplate: [NullClears<ours.PatchActionTemplate, "description">, Models.PatchActionTemplate];
  ActionMapRequest: [ours.ActionMapRequest, Models.ActionMap];
  PatchActionMap: [NullClears<ours.PatchActionMap, "endDate" | "actionMapScheduleGroups">, Models.PatchActionMap];
  FlowAggregationQuery: [ours.FlowAggregationQuery, Models.FlowAggregationQuery];
  FlowAsyncAggregationQuery: [ours.FlowAsyncAggregationQuery, Models.FlowAsyncAggregationQuery];
  FlowObservationQuery: [ours.FlowObservationQuery, Models.FlowObservationQuery];
  FlowActivityQuery: [ours.FlowActivityQuery, Models.FlowActivityQuery];
  JourneyAggregationQuery: [ours.JourneyAggregationQuery, Models.JourneyAggregationQuery];
  JourneyAsyncAggregationQuery: [ours.JourneyAsyncAggregationQuery, Models.JourneyAsyncAggregationQuery];
  // Architect
  Flow: [ours.Flow, Models.Flow];
  FlowListing: [ours.FlowListing, Models.FlowEntityListing];
  FlowVersion: [ours.FlowVersion, Models.FlowVersion];
  FlowOutcome: [ours.FlowOutcome, Models.FlowOutcome];
  FlowOutcomeRequest: [ours.FlowOutcomeRequest, Models.FlowOutcome];
  FlowOutcomeListing: [ours.FlowOutcomeListing, Models.FlowOutcomeListing];
  FlowMilestone: [ours.FlowMilestone, Models.FlowMilestone];
  FlowMilestoneRequest: [ours.FlowMilestoneRequest, Models.FlowMilestone];
  FlowMilestoneListing: [ours.FlowMilestoneListing, Models.FlowMilestoneListing];
  Operation: [ours.Operation, Models.Operation];
  RegisterArchitectJobRequest: [ours.RegisterArchitectJobRequest, Models.RegisterArchitectJobRequest];
  RegisterArchitectJobResponse: [ours.RegisterArchitectJobResponse, Models.RegisterArchitectJobResponse];
  ArchitectJobState: [ours.ArchitectJobState, Models.ArchitectJobStateResponse];
  ArchitectJobMessage: [ours.ArchitectJobMessage, Models.ArchitectJobMessage];
  RegisterArchitectExportJob: [ours.RegisterArchitectExportJob, Models.RegisterArchitectExportJob];
  RegisterArchitectExportJobResponse: [
    ours.RegisterArchitectExportJobResponse,
    Models.RegisterArchitectExportJobResponse,
  ];
  ArchitectExportJobState: [ours.ArchitectExportJobState, Models.ArchitectExportJobStateResponse];
  // Named parts
  ErrorDetail: [ours.ErrorDetail, Models.Detail];
  ErrorLimit: [ours.ErrorLimit, Models.Limit];
  EntityTypeCriteria: [ours.EntityTypeCriteria, Models.EntityTypeCriteria];
  ContextPattern: [ours.ContextPattern, Models.ContextPattern];
  Context: [ours.Context, Models.Context];
  Criteria: [ours.Criteria, Models.Criteria];
  JourneyPattern: [ours.JourneyPattern, Models.JourneyPattern];
  Journey: [ours.Journey, Models.Journey];
  ExternalSegment: [ours.ExternalSegment, Models.ExternalSegment];
  RequestEntityTypeCriteria: [ours.RequestEntityTypeCriteria, Models.RequestEntityTypeCriteria];
  RequestContextPattern: [ours.RequestContextPattern, Models.RequestContextPattern];
  RequestContext: [ours.RequestContext, Models.RequestContext];
  RequestCriteria: [ours.RequestCriteria, Models.RequestCriteria];
  RequestJourneyPattern: [ours.RequestJourneyPattern, Models.RequestJourneyPattern];
  RequestJourney: [ours.RequestJourney, Models.RequestJourney];
  RequestExternalSegment: [ours.RequestExternalSegment, Models.RequestExternalSegment];
  PatchContext: [ours.PatchContext, Models.PatchContext];
  PatchJourney: [ours.PatchJourney, Models.PatchJourney];
  KeyValue: [ours.KeyValue, Models.KeyValue];
  ServiceLevel: [ours.ServiceLevel, Models.ServiceLevel];
  NumericRange: [ours.NumericRange, Models.NumericRange];
  StatisticalSummary: [ours.StatisticalSummary, Models.StatisticalSummary];
  AggregateMetricData: [ours.AggregateMetricData, Models.AggregateMetricData];
  AggregateViewData: [ours.AggregateViewData, Models.AggregateViewData];
  StatisticalResponse: [ours.StatisticalResponse, Models.StatisticalResponse];
  FlowAggregateDataContainer: [ours.FlowAggregateDataContainer, Models.FlowAggregateDataContainer];
  JourneyAggregateDataContainer: [ours.AggregateDataContainer, Models.JourneyAggregateDataContainer];
  FlowAggregateQueryFilter: [ours.FlowAggregateQueryFilter, Models.FlowAggregateQueryFilter];
  FlowAggregateQueryClause: [ours.FlowAggregateQueryClause, Models.FlowAggregateQueryClause];
  FlowAggregateQueryPredicate: [ours.FlowAggregateQueryPredicate, Models.FlowAggregateQueryPredicate];
  FlowAggregationView: [ours.FlowAggregationView, Models.FlowAggregationView];
  JourneyAggregateQueryFilter: [ours.JourneyAggregateQueryFilter, Models.JourneyAggregateQueryFilter];
  ObservationValue: [ours.ObservationValue, Models.ObservationValue];
  ObservationMetricData: [ours.ObservationMetricData, Models.ObservationMetricData];
  FlowActivityEntityData: [ours.FlowActivityEntityData, Models.FlowActivityEntityData];
  // No counterpart: OAuthToken and OAuthError (the SDK's login is not among its Models).
};

// Every pair must agree. A disagreement fails to compile here, the error listing each as
// `Pair.path: reason` (the union is built in place so that tsc prints it rather than an alias).
const allAgree: {
  [K in keyof Pairs]: Agrees<Pairs[K][0], Pairs[K][1]> extends infer R extends string ? `${K}${R}` : never;
}[keyof Pairs] extends infer D
  ? [D] extends [never]
    ? true
    : D
  : never = true;

// The check bites: each of these departs from the SDK in one way and must be reported.
type Request = Models.JourneySegmentRequest;
type MisspeltDeep = {
  displayName: string;
  journey: {
    patterns: {
      criteria: { key: string; values: string[]; valu: string[] }[];
      count: number;
      streamType: "Web";
      sessionType: string;
    }[];
  };
};
const bites = {
  // @ts-expect-error `valu` is not a field of Models.RequestCriteria (an extra key, three levels down)
  misspeltDeep: true satisfies Agrees<MisspeltDeep, Request>,
  // @ts-expect-error `colour` is not a field of Models.JourneySegmentRequest
  misspeltTop: true satisfies Agrees<{ displayName: string; colour?: string }, Request>,
  // @ts-expect-error `version` is a string here, a number in the SDK
  wrongType: true satisfies Agrees<{ displayName: string; version?: string }, Request>,
  // @ts-expect-error `displayName` is required by the SDK
  optional: true satisfies Agrees<{ displayName?: string }, Request>,
  // @ts-expect-error `description` is nullable here and not in the SDK
  nullable: true satisfies Agrees<{ displayName: string; description?: string | null }, Request>,
  // and agreement is recognised: a narrower, correctly spelt body passes
  agrees: true satisfies Agrees<{ displayName: string; color?: `#${string}` }, Request>,
};

test("our Genesys wire models agree with the official SDK's models (checked when this file compiles)", () => {
  expect(allAgree).toBe(true);
  expect(Object.values(bites).every((v) => v === true)).toBe(true);
});

test("an action map answer with only the fields the SDK requires parses, its lists empty and flags at their defaults", () => {
  const lean = {
    id: "m1",
    version: 1,
    displayName: "Lean",
    weight: 2,
    action: { mediaType: "webMessagingOffer" },
    createdDate: "2027-01-01T00:00:00.000Z",
    modifiedDate: "2027-01-01T00:00:00.000Z",
    startDate: "2027-01-01T00:00:00.000Z",
  };
  expect(wire.ActionMap.parse(lean)).toMatchObject({
    isActive: true,
    triggerWithSegments: [],
    triggerWithEventConditions: [],
    pageUrlConditions: [],
    activation: { type: "immediate" },
    ignoreFrequencyCap: false,
  });
});
