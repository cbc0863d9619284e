// Wire models of the Genesys Cloud journey API (segments, action targets, outcomes, action templates and maps) and its OAuth login.
// Field names, JSON types, enums and required flags follow the public swagger (see
// docs/vendors.md); response objects strip unknown fields.
import { z } from "zod";

// ---------------------------------------------------------------------------------------------
// Errors and OAuth

/** One per-field problem inside an {@link ErrorBody}. */
export const ErrorDetail = z.object({
  errorCode: z.string().optional(),
  fieldName: z.string().optional(),
  entityId: z.string().optional(),
  entityName: z.string().optional(),
});
export type ErrorDetail = z.infer<typeof ErrorDetail>;

/** Which configured limit a request breached (rate limits, org limits). */
export const ErrorLimit = z.object({
  namespace: z.string().optional(),
  key: z.string().optional(),
  value: z.number().int().optional(),
});
export type ErrorLimit = z.infer<typeof ErrorLimit>;

/**
 * The body of every Genesys Cloud API error: a dotted machine `code` (e.g. `not.found`,
 * `bad.request`), the HTTP `status`, a human `message` and optional per-field `details`.
 * All fields are optional on the wire.
 */
export const ErrorBody = z.object({
  message: z.string().optional(),
  code: z.string().optional(),
  status: z.number().int().optional(),
  entityId: z.string().optional(),
  entityName: z.string().optional(),
  messageWithParams: z.string().optional(),
  messageParams: z.record(z.string(), z.string()).optional(),
  contextId: z.string().optional(),
  details: z.array(ErrorDetail).optional(),
  get errors(): z.ZodOptional<z.ZodArray<typeof ErrorBody>> {
    return z.array(ErrorBody).optional();
  },
  limit: ErrorLimit.optional(),
});
export type ErrorBody = z.infer<typeof ErrorBody>;

/** The login service's answer to a client-credentials grant. */
export const OAuthToken = z.object({
  access_token: z.string(),
  /** `bearer`; compare case-insensitively. */
  token_type: z.string(),
  /** Lifetime in seconds. */
  expires_in: z.number().int(),
});
export type OAuthToken = z.infer<typeof OAuthToken>;

/** The login service's error answer (`invalid_client`, `unsupported_grant_type`, …). */
export const OAuthError = z.object({
  error: z.string(),
  description: z.string().optional(),
  error_description: z.string().optional(),
});
export type OAuthError = z.infer<typeof OAuthError>;

// ---------------------------------------------------------------------------------------------
// Enums

/** How a segment matches: per session or per customer. Read-only on segments today. */
export const SegmentScope = z.enum(["Session", "Customer"]);
export type SegmentScope = z.infer<typeof SegmentScope>;

/** Comparison applied by a criterion to its `values`. */
export const CriteriaOperator = z.enum([
  "containsAll",
  "containsAny",
  "notContainsAll",
  "notContainsAny",
  "equal",
  "notEqual",
  "greaterThan",
  "greaterThanOrEqual",
  "lessThan",
  "lessThanOrEqual",
  "startsWith",
  "endsWith",
]);
export type CriteriaOperator = z.infer<typeof CriteriaOperator>;

/** What a context criterion looks at; `visit` is the only kind. */
export const EntityType = z.enum(["visit"]);
export type EntityType = z.infer<typeof EntityType>;

/** Event stream a journey pattern watches, as the schema lists it. */
export const StreamType = z.enum(["Web", "Custom", "Conversation", "App"]);
export type StreamType = z.infer<typeof StreamType>;

/** Stream types the API accepts on write (it rejects `Custom` and `Conversation`, per Genesys' Terraform provider). */
export const WritableStreamType = z.enum(["Web", "App"]);
export type WritableStreamType = z.infer<typeof WritableStreamType>;

/** Where an external segment comes from. */
export const ExternalSegmentSource = z.enum(["AdobeExperiencePlatform", "Custom"]);
export type ExternalSegmentSource = z.infer<typeof ExternalSegmentSource>;

/** Media an action target can serve. */
export const MediaType = z.enum(["callback", "call", "email", "generic", "messaging", "social", "webchat"]);
export type MediaType = z.infer<typeof MediaType>;

/** Lifecycle state of an action target. */
export const ActionTargetState = z.enum(["active", "inactive", "deleted"]);
export type ActionTargetState = z.infer<typeof ActionTargetState>;

/** `#RRGGBB`, as the Terraform provider validates it. */
export const Color = z.string().regex(/^#[a-fA-F0-9]{6}$/, "must be a colour of the form #RRGGBB");

// ---------------------------------------------------------------------------------------------
// Segment criteria and patterns (responses)

/** A condition on the visitor's context (device, browser, campaign, geolocation…). */
export const EntityTypeCriteria = z.object({
  key: z.string(),
  values: z.array(z.string()),
  shouldIgnoreCase: z.boolean(),
  operator: CriteriaOperator,
  entityType: EntityType,
});
export type EntityTypeCriteria = z.infer<typeof EntityTypeCriteria>;

/** A set of context criteria that must all hold. */
export const ContextPattern = z.object({ criteria: z.array(EntityTypeCriteria) });
export type ContextPattern = z.infer<typeof ContextPattern>;

/** Context conditions of a segment; `{patterns: []}` when unused. */
export const Context = z.object({ patterns: z.array(ContextPattern) });
export type Context = z.infer<typeof Context>;

/** A condition on a journey event (page, search query, custom attribute…). */
export const Criteria = z.object({
  key: z.string(),
  values: z.array(z.string()),
  shouldIgnoreCase: z.boolean(),
  operator: CriteriaOperator,
});
export type Criteria = z.infer<typeof Criteria>;

/** Events of one stream that must match `count` times. */
export const JourneyPattern = z.object({
  criteria: z.array(Criteria),
  count: z.number().int(),
  streamType: StreamType,
  sessionType: z.string(),
  eventName: z.string().optional(),
});
export type JourneyPattern = z.infer<typeof JourneyPattern>;

/** Journey conditions of a segment; `{patterns: []}` when unused. */
export const Journey = z.object({ patterns: z.array(JourneyPattern) });
export type Journey = z.infer<typeof Journey>;

/** A segment mirrored from an outside system; `id` and `source` are fixed at creation. */
export const ExternalSegment = z.object({
  id: z.string(),
  name: z.string(),
  source: ExternalSegmentSource,
});
export type ExternalSegment = z.infer<typeof ExternalSegment>;

// ---------------------------------------------------------------------------------------------
// Segment criteria and patterns (requests)

/** A context criterion as sent: `operator` defaults to `equal`, `shouldIgnoreCase` to false. */
export const RequestEntityTypeCriteria = z.object({
  key: z.string().min(1),
  values: z.array(z.string()),
  entityType: EntityType,
  operator: CriteriaOperator.optional(),
  shouldIgnoreCase: z.boolean().optional(),
});
export type RequestEntityTypeCriteria = z.infer<typeof RequestEntityTypeCriteria>;

/** A context pattern as sent. */
export const RequestContextPattern = z.object({ criteria: z.array(RequestEntityTypeCriteria) });
export type RequestContextPattern = z.infer<typeof RequestContextPattern>;

/** Context conditions as sent; `patterns` defaults to none. */
export const RequestContext = z.object({ patterns: z.array(RequestContextPattern).optional() });
export type RequestContext = z.infer<typeof RequestContext>;

/** A journey criterion as sent: `operator` defaults to `equal`, `shouldIgnoreCase` to false. */
export const RequestCriteria = z.object({
  key: z.string().min(1),
  values: z.array(z.string()),
  operator: CriteriaOperator.optional(),
  shouldIgnoreCase: z.boolean().optional(),
});
export type RequestCriteria = z.infer<typeof RequestCriteria>;

/** A journey pattern as sent. */
export const RequestJourneyPattern = z.object({
  criteria: z.array(RequestCriteria),
  count: z.number().int().min(1),
  streamType: WritableStreamType,
  sessionType: z.string().min(1),
  eventName: z.string().optional(),
});
export type RequestJourneyPattern = z.infer<typeof RequestJourneyPattern>;

/** Journey conditions as sent; `patterns` defaults to none. */
export const RequestJourney = z.object({ patterns: z.array(RequestJourneyPattern).optional() });
export type RequestJourney = z.infer<typeof RequestJourney>;

/** An external segment as sent on create. */
export const RequestExternalSegment = z.object({
  id: z.string().min(1),
  name: z.string().min(1),
  source: ExternalSegmentSource.optional(),
});
export type RequestExternalSegment = z.infer<typeof RequestExternalSegment>;

// ---------------------------------------------------------------------------------------------
// Journey segments

/**
 * A journey segment: a named set of context and journey conditions that, when a visitor
 * matches them, can trigger actions or be shown to agents. `version` rises with every update
 * and must be echoed on PATCH to avoid overwriting someone else's change.
 */
export const JourneySegment = z.object({
  /** Server-assigned UUID. */
  id: z.string(),
  isActive: z.boolean(),
  displayName: z.string(),
  /** Optimistic-concurrency token, 1 on creation. */
  version: z.number().int(),
  description: z.string().optional(),
  /** `#RRGGBB`; the server picks one when omitted. */
  color: z.string(),
  scope: SegmentScope,
  shouldDisplayToAgent: z.boolean(),
  context: Context,
  journey: Journey,
  externalSegment: ExternalSegment.optional(),
  assignmentExpirationDays: z.number().int().optional(),
  selfUri: z.string().optional(),
  /** ISO-8601 date-time in UTC. */
  createdDate: z.string(),
  /** ISO-8601 date-time in UTC. */
  modifiedDate: z.string(),
});
export type JourneySegment = z.infer<typeof JourneySegment>;

/** Body of a segment create. Only `displayName` is required; the server fills the rest. */
export const JourneySegmentRequest = z.object({
  displayName: z.string().min(1),
  isActive: z.boolean().optional(),
  /** No documented meaning on create; omit it. */
  version: z.number().int().optional(),
  description: z.string().optional(),
  color: Color.optional(),
  shouldDisplayToAgent: z.boolean().optional(),
  context: RequestContext.optional(),
  journey: RequestJourney.optional(),
  externalSegment: RequestExternalSegment.optional(),
  assignmentExpirationDays: z.number().int().min(0).optional(),
});
export type JourneySegmentRequest = z.infer<typeof JourneySegmentRequest>;

/** A context criterion in a PATCH; the server still needs `key`, `values` and `entityType`. */
export const PatchEntityTypeCriteria = RequestEntityTypeCriteria.partial();
/** A journey criterion in a PATCH. */
export const PatchCriteria = RequestCriteria.partial();
/** Context conditions in a PATCH: the whole object replaces the stored one. */
export const PatchContext = z.object({
  patterns: z.array(z.object({ criteria: z.array(PatchEntityTypeCriteria).optional() })).optional(),
});
export type PatchContext = z.infer<typeof PatchContext>;
/** Journey conditions in a PATCH: the whole object replaces the stored one. */
export const PatchJourney = z.object({
  patterns: z
    .array(
      z.object({
        criteria: z.array(PatchCriteria).optional(),
        count: z.number().int().min(1).optional(),
        streamType: WritableStreamType.optional(),
        sessionType: z.string().min(1).optional(),
        eventName: z.string().optional(),
      }),
    )
    .optional(),
});
export type PatchJourney = z.infer<typeof PatchJourney>;

/**
 * Body of a segment PATCH. An absent field stays unchanged; `null` clears an optional field
 * (`description`, `assignmentExpirationDays`). Send the `version` you last read: a stale one is
 * refused with 409.
 */
export const PatchSegment = z.object({
  isActive: z.boolean().optional(),
  displayName: z.string().min(1).optional(),
  version: z.number().int().optional(),
  description: z.string().nullable().optional(),
  color: Color.optional(),
  shouldDisplayToAgent: z.boolean().optional(),
  context: PatchContext.optional(),
  journey: PatchJourney.optional(),
  /** Only the name of an external segment can change. */
  externalSegment: z.object({ name: z.string().min(1).optional() }).optional(),
  assignmentExpirationDays: z.number().int().min(0).nullable().optional(),
});
export type PatchSegment = z.infer<typeof PatchSegment>;

// ---------------------------------------------------------------------------------------------
// Action targets

/** A key/value pair attached to an action target. */
export const KeyValue = z.object({ key: z.string(), value: z.string() });
export type KeyValue = z.infer<typeof KeyValue>;

/** Target service level of an action target: `percentage` (0–1) of offers answered within `durationMs`. */
export const ServiceLevel = z.object({
  percentage: z.number().min(0).max(1),
  durationMs: z.number().int().min(0),
});
export type ServiceLevel = z.infer<typeof ServiceLevel>;

/**
 * Where a journey action is routed (a queue, a chat deployment…). Created by the platform: the
 * API can list, read and patch them, never create or delete them.
 */
export const ActionTarget = z.object({
  id: z.string().optional(),
  name: z.string().optional(),
  userData: z.array(KeyValue).optional(),
  supportedMediaTypes: z.array(MediaType).optional(),
  state: ActionTargetState.optional(),
  description: z.string().optional(),
  serviceLevel: ServiceLevel.optional(),
  /** Unit not documented. */
  shortAbandonThreshold: z.number().int().optional(),
  selfUri: z.string().optional(),
  createdDate: z.string().optional(),
  modifiedDate: z.string().optional(),
});
export type ActionTarget = z.infer<typeof ActionTarget>;

/**
 * Body of an action-target PATCH: only `name`, `serviceLevel` and `shortAbandonThreshold`
 * change; `id` and `selfUri` are accepted and ignored. Last write wins (no version).
 */
export const PatchActionTarget = z.object({
  id: z.string().optional(),
  name: z.string().min(1).optional(),
  /** Members sent replace the stored ones; absent members are kept. */
  serviceLevel: ServiceLevel.partial().optional(),
  shortAbandonThreshold: z.number().int().min(0).optional(),
  selfUri: z.string().optional(),
});
export type PatchActionTarget = z.infer<typeof PatchActionTarget>;

// ---------------------------------------------------------------------------------------------
// Listings

/** The paging envelope of Genesys entity listings, around `entities` of one type. */
export function listing<T extends z.ZodType>(entity: T) {
  return z.object({
    entities: z.array(entity).optional(),
    pageSize: z.number().int().optional(),
    pageNumber: z.number().int().optional(),
    total: z.number().int().optional(),
    pageCount: z.number().int().optional(),
    /** Relative `/api/v2/...` paths. */
    firstUri: z.string().optional(),
    previousUri: z.string().optional(),
    nextUri: z.string().optional(),
    lastUri: z.string().optional(),
    selfUri: z.string().optional(),
  });
}

/** One page of journey segments. */
export const SegmentListing = listing(JourneySegment);
export type SegmentListing = z.infer<typeof SegmentListing>;

/** One page of action targets. */
export const ActionTargetListing = listing(ActionTarget);
export type ActionTargetListing = z.infer<typeof ActionTargetListing>;

// ---------------------------------------------------------------------------------------------
// Journey outcomes

/** Type of the value an outcome records. */
export const AssociatedValueDataType = z.enum(["Number", "Integer"]);
export type AssociatedValueDataType = z.infer<typeof AssociatedValueDataType>;

/** The custom-event attribute (`attributes.<name>.value`) whose value an achieved outcome records, e.g. an order total. */
export const AssociatedValueField = z.object({ dataType: AssociatedValueDataType, name: z.string() });
export type AssociatedValueField = z.infer<typeof AssociatedValueField>;

/**
 * A journey outcome: a goal a visitor can reach (a purchase, a sign-up), recognised by the same
 * context and journey conditions as a segment. Action maps predict and target it; analytics count it.
 */
export const Outcome = z.object({
  /** Server-assigned UUID. */
  id: z.string(),
  isActive: z.boolean(),
  displayName: z.string(),
  /** Optimistic-concurrency token, 1 on creation. */
  version: z.number().int(),
  description: z.string().optional(),
  /** Whether reaching the outcome is good for the business (a purchase) or not (a cancellation). */
  isPositive: z.boolean(),
  context: Context,
  journey: Journey,
  associatedValueField: AssociatedValueField.optional(),
  selfUri: z.string().optional(),
  /** ISO-8601 date-time in UTC. */
  createdDate: z.string(),
  /** ISO-8601 date-time in UTC. */
  modifiedDate: z.string(),
});
export type Outcome = z.infer<typeof Outcome>;

/** Body of an outcome create. Only `displayName` is required; the server fills the rest. */
export const OutcomeRequest = z.object({
  displayName: z.string().min(1),
  isActive: z.boolean().optional(),
  /** No documented meaning on create; omit it. */
  version: z.number().int().optional(),
  description: z.string().optional(),
  isPositive: z.boolean().optional(),
  context: RequestContext.optional(),
  journey: RequestJourney.optional(),
  associatedValueField: z.object({ dataType: AssociatedValueDataType, name: z.string().min(1) }).optional(),
});
export type OutcomeRequest = z.infer<typeof OutcomeRequest>;

/**
 * Body of an outcome PATCH: `displayName` is required (as the SDK's PatchOutcome has it), other
 * absent fields stay unchanged and `null` clears an optional one. A stale `version` is refused with 409.
 */
export const PatchOutcome = z.object({
  displayName: z.string().min(1),
  isActive: z.boolean().optional(),
  version: z.number().int().optional(),
  description: z.string().nullable().optional(),
  isPositive: z.boolean().optional(),
  context: PatchContext.optional(),
  journey: PatchJourney.optional(),
  associatedValueField: z
    .object({ dataType: AssociatedValueDataType.optional(), name: z.string().min(1).optional() })
    .nullable()
    .optional(),
});
export type PatchOutcome = z.infer<typeof PatchOutcome>;

/** One page of journey outcomes. */
export const OutcomeListing = listing(Outcome);
export type OutcomeListing = z.infer<typeof OutcomeListing>;

// ---------------------------------------------------------------------------------------------
// Action templates

/**
 * What an action shows the visitor. `webchat` is the legacy ACD chat offer (dropped from the newest
 * SDKs' template enum); `integrationAction` is listed by the SDK but refused by Genesys' own Terraform provider.
 */
export const ActionMediaType = z.enum([
  "webchat",
  "webMessagingOffer",
  "contentOffer",
  "integrationAction",
  "architectFlow",
  "openAction",
]);
export type ActionMediaType = z.infer<typeof ActionMediaType>;

/** Lifecycle state of an action template; `Deleted` is what a soft delete leaves. */
export const ActionTemplateState = z.enum(["Active", "Inactive", "Deleted"]);
export type ActionTemplateState = z.infer<typeof ActionTemplateState>;

/** Text alignment of a content offer's texts and button. */
export const TextAlign = z.enum(["Left", "Right", "Center"]);
export type TextAlign = z.infer<typeof TextAlign>;

/** Style of one text of a content offer (CSS-like strings, e.g. `#FFFFFF`, `12`). */
export const TextStyleProperties = z.object({
  color: z.string().optional(),
  font: z.string().optional(),
  fontSize: z.string().optional(),
  textAlign: TextAlign.optional(),
});

/** How a content offer looks: position, colours and fonts; every part optional. */
export const ContentOfferStylingConfiguration = z.object({
  position: z
    .object({
      top: z.string().optional(),
      bottom: z.string().optional(),
      left: z.string().optional(),
      right: z.string().optional(),
    })
    .optional(),
  offer: z
    .object({ padding: z.string().optional(), color: z.string().optional(), backgroundColor: z.string().optional() })
    .optional(),
  closeButton: z.object({ color: z.string().optional(), opacity: z.number().min(0).max(1).optional() }).optional(),
  ctaButton: TextStyleProperties.extend({ backgroundColor: z.string().optional() }).optional(),
  title: TextStyleProperties.optional(),
  headline: TextStyleProperties.optional(),
  body: TextStyleProperties.optional(),
});
export type ContentOfferStylingConfiguration = z.infer<typeof ContentOfferStylingConfiguration>;

/** The button of a content offer: where it leads and whether in a new tab (`Blank`) or this one (`Self`). */
export const CallToAction = z.object({
  text: z.string().optional(),
  url: z.string(),
  target: z.enum(["Blank", "Self"]).optional(),
});
export type CallToAction = z.infer<typeof CallToAction>;

/** A content offer: a pop-up (Modal, Overlay or Toast) with an image, texts and a call to action. */
export const ContentOffer = z.object({
  imageUrl: z.string().optional(),
  displayMode: z.enum(["Modal", "Overlay", "Toast"]),
  layoutMode: z.enum(["TextOnly", "ImageOnly", "LeftText", "RightText", "TopText", "BottomText"]),
  title: z.string().optional(),
  headline: z.string().optional(),
  body: z.string().optional(),
  callToAction: CallToAction.optional(),
  style: ContentOfferStylingConfiguration.optional(),
  imageAltText: z.string().optional(),
});
export type ContentOffer = z.infer<typeof ContentOffer>;

/** A reusable action definition an action map offers, e.g. a content offer. */
export const ActionTemplate = z.object({
  /** Server-assigned UUID. */
  id: z.string(),
  name: z.string(),
  description: z.string().optional(),
  /** Optimistic-concurrency token, 1 on creation. */
  version: z.number().int(),
  mediaType: ActionMediaType,
  state: ActionTemplateState,
  /** Set for `contentOffer` templates. */
  contentOffer: ContentOffer.optional(),
  selfUri: z.string().optional(),
  /** ISO-8601 date-time in UTC. */
  createdDate: z.string(),
  /** ISO-8601 date-time in UTC. */
  modifiedDate: z.string(),
});
export type ActionTemplate = z.infer<typeof ActionTemplate>;

/** Body of a template create (the SDK's ActionTemplate): `name`, `mediaType` and `state` are required. */
export const ActionTemplateRequest = z.object({
  name: z.string().min(1),
  description: z.string().optional(),
  mediaType: ActionMediaType,
  state: ActionTemplateState,
  contentOffer: ContentOffer.optional(),
});
export type ActionTemplateRequest = z.infer<typeof ActionTemplateRequest>;

/**
 * Body of a template PATCH: `name` is required (as the SDK's PatchActionTemplate has it), other
 * absent fields stay unchanged and `null` clears the description. A stale `version` is refused with 409.
 */
export const PatchActionTemplate = z.object({
  name: z.string().min(1),
  description: z.string().nullable().optional(),
  version: z.number().int().optional(),
  mediaType: ActionMediaType.optional(),
  state: ActionTemplateState.optional(),
  /** Replaces the stored content offer as a whole. */
  contentOffer: ContentOffer.optional(),
});
export type PatchActionTemplate = z.infer<typeof PatchActionTemplate>;

/** One page of action templates. */
export const ActionTemplateListing = listing(ActionTemplate);
export type ActionTemplateListing = z.infer<typeof ActionTemplateListing>;

// ---------------------------------------------------------------------------------------------
// Action maps

/** A condition on the page a web action may show on. */
export const UrlCondition = z.object({ values: z.array(z.string()), operator: CriteriaOperator });
export type UrlCondition = z.infer<typeof UrlCondition>;

/** A journey event that triggers an action map (all of a map's event conditions must hold). */
export const EventCondition = z.object({
  key: z.string(),
  values: z.array(z.string()),
  operator: CriteriaOperator.optional(),
  streamType: StreamType,
  sessionType: z.string(),
  eventName: z.string().optional(),
});
export type EventCondition = z.infer<typeof EventCondition>;

/** Triggers when the visitor's predicted probability of an outcome reaches `maximumProbability` (0–1). */
export const OutcomeProbabilityCondition = z.object({
  outcomeId: z.string(),
  maximumProbability: z.number().min(0).max(1),
  probability: z.number().min(0).max(1).optional(),
});
export type OutcomeProbabilityCondition = z.infer<typeof OutcomeProbabilityCondition>;

/** Triggers when the visitor is in the top `maximumPercentile` of an outcome's predictions. */
export const OutcomePercentileCondition = z.object({
  outcomeId: z.string(),
  maximumPercentile: z.number().min(0).max(100),
  fallbackPercentile: z.number().min(0).max(100).optional(),
});
export type OutcomePercentileCondition = z.infer<typeof OutcomePercentileCondition>;

/** Triggers when the visitor's prediction quantile of an outcome reaches `maxQuantileThreshold` (0–1). */
export const OutcomeQuantileCondition = z.object({
  outcomeId: z.string(),
  maxQuantileThreshold: z.number().min(0).max(1),
  fallbackQuantileThreshold: z.number().min(0).max(1).optional(),
});
export type OutcomeQuantileCondition = z.infer<typeof OutcomeQuantileCondition>;

/**
 * When a triggered action shows: at once, on the next visit or session, or after `delayInSeconds`.
 * The SDKs give no enum; these are the values Genesys' Terraform provider allows.
 */
export const ActivationType = z.enum(["immediate", "on-next-visit", "on-next-session", "delay"]);
export type ActivationType = z.infer<typeof ActivationType>;

/** When a triggered action shows. */
export const Activation = z.object({ type: ActivationType, delayInSeconds: z.number().int().min(0).optional() });
export type Activation = z.infer<typeof Activation>;

/** A reference to another Genesys object by id. */
export const EntityRef = z.object({ id: z.string(), selfUri: z.string().optional() });
export type EntityRef = z.infer<typeof EntityRef>;

/** One input of an Architect flow started by an action: a looked-up or fixed value. */
export const RequestMapping = z.object({
  name: z.string(),
  attributeType: z.enum(["String", "Number", "Integer", "Boolean"]),
  mappingType: z.enum(["Lookup", "HardCoded"]),
  value: z.string(),
});
export type RequestMapping = z.infer<typeof RequestMapping>;

/** What an `architectFlow` action runs. */
export const ArchitectFlowFields = z.object({
  architectFlow: EntityRef.optional(),
  flowRequestMappings: z.array(RequestMapping).optional(),
});
export type ArchitectFlowFields = z.infer<typeof ArchitectFlowFields>;

/** What a `webMessagingOffer` action says, and the flow that answers instead of the deployment's. */
export const WebMessagingOfferFields = z.object({
  offerText: z.string().optional(),
  architectFlow: EntityRef.optional(),
});
export type WebMessagingOfferFields = z.infer<typeof WebMessagingOfferFields>;

/** The open action an `openAction` action runs, with its configuration. */
export const OpenActionFields = z.object({
  openAction: z.object({ id: z.string(), name: z.string().optional(), selfUri: z.string().optional() }),
  /** Fields of the open action's schema; the SDK types each value as an object. */
  configurationFields: z
    .record(
      z.string(),
      z.custom<object>((v) => typeof v === "object" && v !== null, "must be an object"),
    )
    .optional(),
});
export type OpenActionFields = z.infer<typeof OpenActionFields>;

/** Texts of a legacy `webchat` offer. */
export const ActionProperties = z.object({
  webchatPrompt: z.string().optional(),
  webchatTitleText: z.string().optional(),
  webchatAcceptText: z.string().optional(),
  webchatDeclineText: z.string().optional(),
});
export type ActionProperties = z.infer<typeof ActionProperties>;

/**
 * What a triggered action map does. `actionTemplate` serves `contentOffer`; `actionTargetId`,
 * `isPacingEnabled` and `props` serve the legacy `webchat` (deprecated by Genesys).
 */
export const ActionMapAction = z.object({
  mediaType: ActionMediaType,
  actionTemplate: EntityRef.optional(),
  actionTargetId: z.string().optional(),
  isPacingEnabled: z.boolean().optional(),
  props: ActionProperties.optional(),
  architectFlowFields: ArchitectFlowFields.optional(),
  webMessagingOfferFields: WebMessagingOfferFields.optional(),
  openActionFields: OpenActionFields.optional(),
});
export type ActionMapAction = z.infer<typeof ActionMapAction>;

/** The Architect schedule groups that say when a map may act (and in an emergency), by id. */
export const ActionMapScheduleGroups = z.object({
  actionMapScheduleGroup: z.object({ id: z.string() }),
  emergencyActionMapScheduleGroup: z.object({ id: z.string() }).optional(),
});
export type ActionMapScheduleGroups = z.infer<typeof ActionMapScheduleGroups>;

/**
 * An action map: when a visitor matches its triggers (segments, events, outcome predictions) on
 * a page matching its URL conditions, it offers its action. The SDK marks nearly every field
 * optional: an absent list reads as empty and an absent flag as its default, so a lean answer parses.
 */
export const ActionMap = z.object({
  /** Server-assigned UUID. */
  id: z.string(),
  /** Optimistic-concurrency token, 1 on creation. */
  version: z.number().int(),
  isActive: z.boolean().default(true),
  displayName: z.string(),
  /** Segment ids: any one assigned triggers the map. */
  triggerWithSegments: z.array(z.string()).default([]),
  triggerWithEventConditions: z.array(EventCondition).default([]),
  triggerWithOutcomeProbabilityConditions: z.array(OutcomeProbabilityCondition).default([]),
  triggerWithOutcomePercentileConditions: z.array(OutcomePercentileCondition).default([]),
  triggerWithOutcomeQuantileConditions: z.array(OutcomeQuantileCondition).default([]),
  pageUrlConditions: z.array(UrlCondition).default([]),
  activation: Activation.default({ type: "immediate" }),
  /** Priority among maps that trigger together: 1 (low) to 3 (high). */
  weight: z.number().int(),
  action: ActionMapAction,
  actionMapScheduleGroups: ActionMapScheduleGroups.optional(),
  ignoreFrequencyCap: z.boolean().default(false),
  selfUri: z.string().optional(),
  /** ISO-8601 date-time in UTC. */
  createdDate: z.string(),
  /** ISO-8601 date-time in UTC. */
  modifiedDate: z.string(),
  /** ISO-8601 date-time in UTC; the creation time when not sent. */
  startDate: z.string(),
  /** ISO-8601 date-time in UTC. */
  endDate: z.string().optional(),
});
export type ActionMap = z.infer<typeof ActionMap>;

/** An ISO-8601 date-time with a zone (`Z` or an offset). */
const instant = z.iso.datetime({ offset: true });

/** Body of an action-map create (the SDK's ActionMap): `displayName` and `action` are required. */
export const ActionMapRequest = z.object({
  displayName: z.string().min(1),
  isActive: z.boolean().optional(),
  triggerWithSegments: z.array(z.string()).optional(),
  triggerWithEventConditions: z.array(EventCondition).optional(),
  triggerWithOutcomeProbabilityConditions: z.array(OutcomeProbabilityCondition).optional(),
  triggerWithOutcomePercentileConditions: z.array(OutcomePercentileCondition).optional(),
  triggerWithOutcomeQuantileConditions: z.array(OutcomeQuantileCondition).optional(),
  pageUrlConditions: z.array(UrlCondition).optional(),
  activation: Activation.optional(),
  weight: z.number().int().min(1).max(3).optional(),
  action: ActionMapAction,
  actionMapScheduleGroups: ActionMapScheduleGroups.optional(),
  ignoreFrequencyCap: z.boolean().optional(),
  startDate: instant.optional(),
  endDate: instant.optional(),
});
export type ActionMapRequest = z.infer<typeof ActionMapRequest>;

/**
 * Body of an action-map PATCH: `displayName`, `triggerWithSegments` and `pageUrlConditions` are
 * required (as the SDK's PatchActionMap has them), other absent fields stay unchanged, `null`
 * clears `endDate` and `actionMapScheduleGroups`, and `action` replaces the stored one whole.
 */
export const PatchActionMap = ActionMapRequest.omit({
  action: true,
  actionMapScheduleGroups: true,
  endDate: true,
  triggerWithSegments: true,
  pageUrlConditions: true,
}).extend({
  version: z.number().int().optional(),
  triggerWithSegments: z.array(z.string()),
  pageUrlConditions: z.array(UrlCondition),
  action: ActionMapAction.optional(),
  actionMapScheduleGroups: ActionMapScheduleGroups.nullable().optional(),
  endDate: instant.nullable().optional(),
});
export type PatchActionMap = z.infer<typeof PatchActionMap>;

/** The ids of each kind of object an action map refers to: what it cannot outlive. */
export const ACTION_MAP_REFERENCES = {
  "journey segment": (m: ActionMap) => m.triggerWithSegments,
  "journey outcome": (m: ActionMap) =>
    [
      ...m.triggerWithOutcomeProbabilityConditions,
      ...m.triggerWithOutcomePercentileConditions,
      ...m.triggerWithOutcomeQuantileConditions,
    ].map((c) => c.outcomeId),
  "action template": (m: ActionMap) => (m.action.actionTemplate ? [m.action.actionTemplate.id] : []),
};

/** One page of action maps. */
export const ActionMapListing = listing(ActionMap);
export type ActionMapListing = z.infer<typeof ActionMapListing>;
