// Bad input under the real engine: for every resource type and the analytics data sources, a
// mistake fails `pulumi preview` with a message naming the property and what is allowed, and not
// one request reaches a vendor. The engine stops a preview at the first resource whose check
// fails, so each case is one preview of one resource (or one call) holding several mistakes.
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { RESOURCES } from "../../provider/dynamic";
import { vendorOf } from "../../provider/dynamic/define";
import { MAX_FLOW_FILE_BYTES } from "../../provider/zoom/models";
import { type Sandbox, startSandbox } from "../../sandbox";
import { PulumiCommandError, TestStack } from "./harness";
import { type Declared, declare, requestCount, resourceStack } from "./resources";

jest.setTimeout(5 * 60_000);

/** One data-source call of the `function-args` program. */
interface Call {
  /** `<vendor>.<function>`, e.g. `genesys.getFlowAggregates`. */
  fn: string;
  args: Record<string, unknown>;
  /** Use the `…Output` form. */
  output?: boolean;
}

/** One bad input and what the preview must say about it. */
interface Case {
  title: string;
  resource?: Declared;
  call?: Call;
  /** Each problem: the property path and the whole reason, which says what is allowed. */
  problems: [property: string, reason: string][];
  /** Text the output must not hold (a secret's value). */
  absent?: string[];
}

const VENDORS = [...new Set(RESOURCES.map((d) => vendorOf(d.kind)))];
/** Vendor requests so far; the sandbox's own `_sandbox` admin calls do not count. */
const vendorRequests = (sandbox: Sandbox) => VENDORS.reduce((n, v) => n + requestCount(sandbox, v), 0);

const literal = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/**
 * The line that reports `property` with `reason`. The engine prints a resource's check failure as
 * `property P value {…} has a problem: R` (a secret's as `has a problem: P R`, with no value); a
 * data source's error reads `fn: P R; P2 R2`.
 */
function reportLine(c: Case, property: string, reason: string): RegExp {
  if (c.resource) {
    const type = `cxflow/${c.resource.type.replace(".", ":")} resource '${c.resource.name}'`;
    const p = literal(property);
    const r = literal(reason);
    return new RegExp(
      `${literal(type)}(?:: property ${p} value .* has a problem: ${r}| has a problem: ${p} ${r})$`,
      "m",
    );
  }
  return new RegExp(`${literal(c.call!.fn)}: (?:.*; )?${literal(property)} ${literal(reason)}(?:; |$)`, "m");
}

const segment = (args: Record<string, unknown>): Declared => ({ type: "genesys.JourneySegment", name: "seg", args });
const outcome = (args: Record<string, unknown>): Declared => ({
  type: "genesys.JourneyOutcome",
  name: "outcome",
  args,
});
const architect = (args: Record<string, unknown>): Declared => ({
  type: "genesys.ArchitectFlow",
  name: "main-line",
  args,
});
const target = (args: Record<string, unknown>): Declared => ({ type: "genesys.ActionTarget", name: "target", args });
const actionMap = (args: Record<string, unknown>): Declared => ({
  type: "genesys.JourneyActionMap",
  name: "map",
  args,
});
const template = (args: Record<string, unknown>): Declared => ({
  type: "genesys.JourneyActionTemplate",
  name: "template",
  args,
});
const ourvoiceFlow = (args: Record<string, unknown>, secret?: string[]): Declared => ({
  type: "ourvoice.Flow",
  name: "welcome",
  args,
  secret,
});
const zoomFlow = (args: Record<string, unknown>): Declared => ({ type: "zoom.Flow", name: "ivr", args });

const oneOf = (...values: string[]) => values.map((v) => JSON.stringify(v)).join(", ");
const OPERATORS = oneOf(
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
);
const FLOW_METRICS = oneOf(
  "nFlow",
  "nFlowMilestone",
  "nFlowOutcome",
  "nFlowOutcomeFailed",
  "oFlowMilestone",
  "tFlow",
  "tFlowDisconnect",
  "tFlowExit",
  "tFlowOutcome",
);
const JOURNEY_METRICS = oneOf(
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
);
const ACTIVITY_DIMENSIONS = oneOf(
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
);
const INTERVAL_FORMS =
  "must be an ISO-8601 interval start/end, a trailing ISO-8601 duration such as P7D or PT12H, or { from, to } (days such as 2026-11-01, ISO date-times or Dates)";
const PREDICATE_KEYS = "type, dimension, operator, value, range";

// A file one byte over Zoom's import limit, written before the stack runs.
const dir = fs.mkdtempSync(path.join(os.tmpdir(), "cxflow-bad-input-"));
const bigFlowFile = path.join(dir, "too-big.json");

const resourceCases: Case[] = [
  {
    title: "genesys.JourneySegment: wrong types, missing required fields, unknown properties",
    resource: segment({
      isActive: "yes",
      shouldDisplayToAgent: 1,
      description: ["Visited pricing"],
      context: { patterns: [{ criteria: [{ key: "device.category", values: ["mobile"], op: "equal" }] }] },
      journey: { patterns: [{ criteria: [{ key: "page.title", values: "Checkout" }], count: "2", streamType: "Web" }] },
      externalSegment: { name: "Buyers (CDP)" },
      colour: "#ffffff",
    }),
    problems: [
      ["displayName", "is required (string)"],
      ["isActive", 'must be boolean; got "yes"'],
      ["shouldDisplayToAgent", "must be boolean; got 1"],
      ["description", 'must be string; got ["Visited pricing"]'],
      ["journey.patterns[0].criteria[0].values", 'must be array; got "Checkout"'],
      ["journey.patterns[0].count", 'must be number; got "2"'],
      ["journey.patterns[0].sessionType", "is required (string)"],
      ["externalSegment.id", "is required (string)"],
      [
        "context.patterns[0].criteria[0].op",
        "is not a known property; allowed: key, values, operator, shouldIgnoreCase, entityType",
      ],
      [
        "colour",
        "is not a known property; allowed: displayName, description, color, isActive, shouldDisplayToAgent, context, journey, externalSegment, assignmentExpirationDays, adopt",
      ],
    ],
  },
  {
    title: "genesys.JourneySegment: unknown enum values, out-of-range numbers, a malformed colour",
    resource: segment({
      displayName: "e2e Bad values",
      color: "#12345",
      assignmentExpirationDays: -1,
      context: { patterns: [{ criteria: [{ key: "device.category", values: ["mobile"], entityType: "session" }] }] },
      journey: {
        patterns: [
          {
            criteria: [{ key: "page.url", values: ["/pricing"], operator: "like" }],
            count: 0,
            streamType: "Custom",
            sessionType: "web",
          },
          { criteria: [{ key: "page.url", values: ["/plans"] }], count: 1.5, streamType: "App", sessionType: "app" },
        ],
      },
      externalSegment: { id: "ext-1", name: "Buyers", source: "Segment" },
    }),
    problems: [
      ["color", 'must be a colour of the form #RRGGBB; got "#12345"'],
      ["assignmentExpirationDays", "must be at least 0; got -1"],
      ["context.patterns[0].criteria[0].entityType", 'must be one of "visit"; got "session"'],
      ["journey.patterns[0].criteria[0].operator", `must be one of ${OPERATORS}; got "like"`],
      ["journey.patterns[0].count", "must be at least 1; got 0"],
      ["journey.patterns[0].streamType", 'must be one of "Web", "App"; got "Custom"'],
      ["journey.patterns[1].count", "must be a whole number; got 1.5"],
      ["externalSegment.source", 'must be one of "AdobeExperiencePlatform", "Custom"; got "Segment"'],
    ],
  },
  {
    title: "genesys.JourneyOutcome: wrong types, bad conditions, an unknown value type, unknown properties",
    resource: outcome({
      displayName: " ",
      isPositive: "yes",
      journey: { patterns: [{ criteria: [], count: 1, streamType: "Conversation", sessionType: "web" }] },
      associatedValueField: { dataType: "Currency", name: "attributes.total.value" },
      valueField: "total",
    }),
    problems: [
      ["displayName", "must not be empty or only spaces"],
      ["isPositive", 'must be boolean; got "yes"'],
      ["journey.patterns[0].criteria", "must have at least 1 item(s)"],
      ["journey.patterns[0].streamType", 'must be one of "Web", "App"; got "Conversation"'],
      ["associatedValueField.dataType", 'must be one of "Number", "Integer"; got "Currency"'],
      [
        "valueField",
        "is not a known property; allowed: displayName, description, isActive, isPositive, context, journey, associatedValueField, adopt",
      ],
    ],
  },
  {
    title: "genesys.JourneyActionMap: out-of-range numbers, unknown enums, a bad date, no action",
    resource: actionMap({
      displayName: "e2e Map",
      weight: 5,
      activation: { type: "later" },
      pageUrlConditions: [{ values: ["/a"], operator: "like" }],
      triggerWithOutcomeProbabilityConditions: [{ outcomeId: "o1", maximumProbability: 1.5 }],
      startDate: "tomorrow",
    }),
    problems: [
      ["weight", "must be at most 3; got 5"],
      ["activation.type", 'must be one of "immediate", "on-next-visit", "on-next-session", "delay"; got "later"'],
      ["pageUrlConditions[0].operator", `must be one of ${OPERATORS}; got "like"`],
      ["triggerWithOutcomeProbabilityConditions[0].maximumProbability", "must be at most 1; got 1.5"],
      ["startDate", 'must be an ISO-8601 date-time with a zone, e.g. 2027-01-31T09:00:00Z; got "tomorrow"'],
      ["action", "is required (object)"],
    ],
  },
  {
    title: "genesys.JourneyActionMap: an action's fields that do not fit its media type",
    resource: actionMap({
      displayName: "e2e Map",
      activation: { type: "immediate", delayInSeconds: 10 },
      action: { mediaType: "contentOffer", webMessagingOfferFields: { offerText: "Hi" } },
      startDate: "2027-02-01T00:00:00Z",
      endDate: "2027-01-01T00:00:00Z",
    }),
    problems: [
      ["activation.delayInSeconds", 'is only for type "delay", not "immediate"'],
      ["action.webMessagingOfferFields", 'is only for mediaType "webMessagingOffer", not "contentOffer"'],
      ["action.actionTemplateId", 'is required when mediaType is "contentOffer"'],
    ],
  },
  {
    title: "genesys.JourneyActionTemplate: unknown enum values, a bad opacity, an offer's missing button URL",
    resource: template({
      name: "e2e Offer",
      mediaType: "popup",
      state: "Deleted",
      contentOffer: {
        displayMode: "Banner",
        layoutMode: "TextOnly",
        callToAction: { text: "Go" },
        style: { closeButton: { opacity: 2 }, title: { textAlign: "Justify" } },
      },
    }),
    problems: [
      [
        "mediaType",
        'must be one of "webchat", "webMessagingOffer", "contentOffer", "integrationAction", "architectFlow", "openAction"; got "popup"',
      ],
      ["state", 'must be one of "Active", "Inactive"; got "Deleted"'],
      ["contentOffer.displayMode", 'must be one of "Modal", "Overlay", "Toast"; got "Banner"'],
      ["contentOffer.callToAction.url", "is required (string)"],
      ["contentOffer.style.closeButton.opacity", "must be at most 1; got 2"],
      ["contentOffer.style.title.textAlign", 'must be one of "Left", "Right", "Center"; got "Justify"'],
    ],
  },
  {
    title: "genesys.JourneyActionTemplate: a content offer on another media type, none on a contentOffer one",
    resource: template({
      name: "e2e Flow offer",
      mediaType: "architectFlow",
      contentOffer: { displayMode: "Toast", layoutMode: "TextOnly" },
    }),
    problems: [["contentOffer", 'is only for mediaType "contentOffer", not "architectFlow"']],
  },
  {
    title: "genesys.ActionTarget: wrong types, no target to take over, unknown properties",
    resource: target({
      targetname: "Sales web chat",
      name: 42,
      serviceLevel: "90%",
      shortAbandonThreshold: "5",
      restoreOnDelete: "no",
    }),
    problems: [
      ["targetId", "set exactly one of targetId and targetName"],
      ["name", "must be string; got 42"],
      ["serviceLevel", 'must be object; got "90%"'],
      ["shortAbandonThreshold", 'must be number; got "5"'],
      ["restoreOnDelete", 'must be boolean; got "no"'],
      [
        "targetname",
        "is not a known property; allowed: targetId, targetName, name, serviceLevel, shortAbandonThreshold, restoreOnDelete, original",
      ],
    ],
  },
  {
    title: "genesys.ActionTarget: out-of-range numbers, a missing and an unknown service-level field",
    resource: target({
      targetName: "Sales web chat",
      serviceLevel: { percentage: 1.5, percent: 90 },
      shortAbandonThreshold: -5,
    }),
    problems: [
      ["serviceLevel.percentage", "must be at most 1; got 1.5"],
      ["serviceLevel.durationMs", "is required (number)"],
      ["serviceLevel.percent", "is not a known property; allowed: percentage, durationMs"],
      ["shortAbandonThreshold", "must be at least 0; got -5"],
    ],
  },
  {
    title: "ourvoice.Flow: wrong types (a secret one not shown), missing required fields, unknown properties",
    resource: ourvoiceFlow({ flowName: "e2e Welcome", description: 7, metadata: "hunter2-greeting", adopt: "yes" }, [
      "metadata",
    ]),
    problems: [
      ["name", "is required (string)"],
      ["type", 'is required (one of "voice", "sms")'],
      ["description", "must be string; got 7"],
      ["metadata", "must be object"],
      ["adopt", 'must be boolean; got "yes"'],
      ["flowName", "is not a known property; allowed: name, type, description, status, metadata, adopt"],
    ],
    absent: ["hunter2"],
  },
  {
    title: "ourvoice.Flow: unknown enum values, oversize strings",
    resource: ourvoiceFlow({ name: "n".repeat(256), type: "fax", status: "archived", description: "d".repeat(1001) }),
    problems: [
      ["name", "must be at most 255 characters long (got 256)"],
      ["type", 'must be one of "voice", "sms"; got "fax"'],
      ["status", 'must be one of "draft", "paused", "published"; got "archived"'],
      ["description", "must be at most 1000 characters long (got 1001)"],
    ],
  },
  {
    title: "zoom.Flow: wrong types, missing required fields, unknown properties",
    resource: zoomFlow({ name: 42, description: false, publish: "true", flow_name: "Main IVR" }),
    problems: [
      ["flowFile", "is required (string)"],
      ["name", "must be string; got 42"],
      ["description", "must be string; got false"],
      ["publish", 'must be boolean; got "true"'],
      [
        "flow_name",
        "is not a known property; allowed: flowFile, name, description, versionDescription, publish, adopt",
      ],
    ],
  },
  {
    title: "zoom.Flow: a flow file over Zoom's 10 MB import limit, an empty name",
    resource: zoomFlow({ flowFile: bigFlowFile, name: "" }),
    problems: [
      [
        "flowFile",
        `must be at most 10 MB (10485760 bytes, Zoom's limit for an imported flow file); this one has ${MAX_FLOW_FILE_BYTES + 1} bytes`,
      ],
      ["name", "must not be empty or only spaces"],
    ],
  },
  {
    title: "zoom.Flow: a flow file that is not JSON",
    resource: zoomFlow({ flowFile: '{ "definition": ', name: "e2e Main IVR" }),
    problems: [
      [
        "flowFile",
        "the flowFile content is not JSON (Unexpected end of JSON input); export the flow from Zoom Contact Center",
      ],
    ],
  },
  {
    title: "genesys.ArchitectFlow: wrong types, a placeholder name that cannot be one, unknown properties",
    resource: architect({
      content: 42,
      substitutions: { "queue name": "Support", greeting: 5 },
      forceUnlock: "yes",
      publish: true,
    }),
    problems: [
      ["content", "must be string; got 42"],
      ["substitutions.greeting", "must be string; got 5"],
      ["forceUnlock", 'must be boolean; got "yes"'],
      ["publish", "is not a known property; allowed: flowFile, content, substitutions, forceUnlock, adopt"],
    ],
  },
  {
    title: "genesys.ArchitectFlow: both flowFile and content",
    resource: architect({ content: "{inboundCall: {name: Main line}}", flowFile: "flows/main-line.yaml" }),
    problems: [["content", "give exactly one of flowFile (a path) and content (the YAML)"]],
  },
  {
    title: "genesys.ArchitectFlow: a placeholder without a value",
    resource: architect({
      content: "inboundCall:\n  name: {{ flowName }}\n  description: {{ queue }}\n",
      substitutions: { flowName: "Main line" },
    }),
    problems: [["substitutions", "the content uses {{ queue }} but substitutions only has flowName"]],
  },
  {
    title: "genesys.ArchitectFlow: YAML that holds no flow type",
    resource: architect({ content: "{inboundcall: {name: Main line}}" }),
    problems: [["content", "content is not an Architect flow file:"]],
  },
  {
    title: "genesys.FlowOutcome: a blank name, a blank division, an unknown property",
    resource: { type: "genesys.FlowOutcome", name: "paid", args: { name: " ", divisionId: "", isPositive: true } },
    problems: [
      ["name", "must not be empty or only spaces"],
      ["divisionId", "must not be empty or only spaces"],
      ["isPositive", "is not a known property; allowed: name, description, divisionId, adopt"],
    ],
  },
  {
    title: "genesys.FlowMilestone: a name of the wrong type, an unknown property",
    resource: { type: "genesys.FlowMilestone", name: "verified", args: { name: 7, order: 1 } },
    problems: [
      ["name", "must be string; got 7"],
      ["order", "is not a known property; allowed: name, description, divisionId, adopt"],
    ],
  },
];

const callCases: Case[] = [
  {
    title: "genesys.getFlowAggregates: wrong types, missing required fields, unknown properties (filter included)",
    call: {
      fn: "genesys.getFlowAggregates",
      args: {
        intervall: "P7D",
        metrics: "nFlow",
        groupBy: "flowName",
        flattenMultivaluedDimensions: "yes",
        filter: { type: "and", predicates: [{ dimension: "flowType", valu: "INBOUNDCALL" }] },
      },
    },
    problems: [
      ["interval", `is required, and ${INTERVAL_FORMS}`],
      ["metrics", 'must be array; got "nFlow"'],
      ["groupBy", 'must be array; got "flowName"'],
      ["flattenMultivaluedDimensions", 'must be boolean; got "yes"'],
      ["filter.predicates[0].valu", `is not a known property; allowed: ${PREDICATE_KEYS}`],
      [
        "intervall",
        "is not a known property; allowed: interval, end, granularity, timeZone, flattenMultivaluedDimensions, alternateTimeDimension, mode, timeoutMs, pageSize, groupBy, filter, metrics, views, resolveNames",
      ],
    ],
  },
  {
    title: "genesys.getFlowAggregates (Output form): malformed interval and granularity, unknown enums, out of range",
    call: {
      fn: "genesys.getFlowAggregates",
      output: true,
      args: {
        interval: "last week",
        granularity: "1 day",
        timeZone: "Mars/Olympus",
        metrics: ["nCalls"],
        mode: "fast",
        pageSize: 5000,
        timeoutMs: 0,
        filter: { type: "xor", predicates: [{ dimension: "flowType", operator: "like", value: "INBOUNDCALL" }] },
      },
    },
    problems: [
      ["interval", `${INTERVAL_FORMS}; got "last week"`],
      ["granularity", 'must be an ISO-8601 duration, e.g. PT30M, PT1H or P1D; got "1 day"'],
      ["timeZone", "must be an IANA time zone such as UTC or Europe/London"],
      ["metrics[0]", `must be one of ${FLOW_METRICS}; got "nCalls"`],
      ["mode", 'must be one of "auto", "sync", "async"; got "fast"'],
      ["pageSize", "must be at most 1000; got 5000"],
      ["timeoutMs", "must be more than 0; got 0"],
      ["filter.type", 'must be one of "and", "or"; got "xor"'],
      ["filter.predicates[0].operator", 'must be one of "matches", "exists", "notExists"; got "like"'],
    ],
  },
  {
    title: "genesys.getFlowAggregates: a malformed end of a { from, to } interval",
    call: {
      fn: "genesys.getFlowAggregates",
      args: { interval: { from: "yesterday", to: "2026-11-01", until: "2026-11-02" }, metrics: ["nFlow"] },
    },
    problems: [
      [
        "interval.from",
        'must be a Date, an ISO-8601 date-time with an offset (e.g. 2026-10-01T00:00:00Z) or a day (2026-10-01); got "yesterday"',
      ],
      ["interval.until", "is not a known property; allowed: from, to"],
    ],
  },
  {
    title: "genesys.getFlowAggregates: an interval that ends before it starts, with an end it cannot take",
    call: {
      fn: "genesys.getFlowAggregates",
      args: { interval: "2026-11-01T00:00:00Z/2026-10-25T00:00:00Z", end: "2026-11-01", metrics: ["nFlow"] },
    },
    problems: [
      ["interval", "must end after it starts"],
      ["end", "is only allowed with a duration interval such as P7D"],
    ],
  },
  {
    title: "genesys.getJourneyAggregates: a date-only interval, malformed dimension, unknown enums and properties",
    call: {
      fn: "genesys.getJourneyAggregates",
      args: {
        interval: "2026-10-25/2026-11-01",
        metrics: ["nSessions"],
        groupBy: ["journey session"],
        filter: { type: "and", predicates: [{ dimension: "journeySessionType", values: ["web"] }] },
        views: [{ target: "nJourneySessions", name: "busy", function: "bucket" }],
      },
    },
    problems: [
      ["interval", `${INTERVAL_FORMS}; got "2026-10-25/2026-11-01"`],
      [
        "groupBy[0]",
        'must be a dimension name: a letter, then letters and digits (e.g. journeySessionType, touchpointQueueId); got "journey session"',
      ],
      ["filter.predicates[0].values", `is not a known property; allowed: ${PREDICATE_KEYS}`],
      ["metrics[0]", `must be one of ${JOURNEY_METRICS}; got "nSessions"`],
      ["views[0].function", 'must be one of "rangeBound"; got "bucket"'],
    ],
  },
  {
    title: "genesys.getFlowObservations: missing filter type, unknown dimension and metric, wrong type",
    call: {
      fn: "genesys.getFlowObservations",
      args: { filter: { predicates: [{ dimension: "queueId", value: "q1" }] }, metrics: ["oFlows"], details: "yes" },
    },
    problems: [
      ["filter.type", 'is required (one of "and", "or")'],
      ["filter.predicates[0].dimension", 'must be one of "flowId", "mediaType"; got "queueId"'],
      ["metrics[0]", 'must be one of "oFlow"; got "oFlows"'],
      ["details", 'must be boolean; got "yes"'],
    ],
  },
  {
    title: "genesys.getFlowActivity (Output form): unknown enums, out-of-range page, a range it has no use for",
    call: {
      fn: "genesys.getFlowActivity",
      output: true,
      args: {
        groupBy: ["flowName"],
        order: "newest",
        page: { number: 0, size: 5000 },
        filter: { type: "and", predicates: [{ dimension: "routingPriority", range: { gt: 1 } }] },
      },
    },
    problems: [
      ["groupBy[0]", `must be one of ${ACTIVITY_DIMENSIONS}; got "flowName"`],
      ["order", 'must be one of "asc", "desc", "unordered"; got "newest"'],
      ["page.number", "must be at least 1; got 0"],
      ["page.size", "must be at most 1000; got 5000"],
      ["filter.predicates[0].range", "is not a known property; allowed: type, dimension, operator, value"],
    ],
  },
  {
    title: "genesys.getJourneySegments: a malformed id, a wrong type, an unknown property",
    call: { fn: "genesys.getJourneySegments", args: { ids: ["segment-1"], isActive: "yes", name: "Buyers" } },
    problems: [
      ["ids[0]", 'must be a UUID such as 3fa85f64-5717-4562-b3fc-2c963f66afa6; got "segment-1"'],
      ["isActive", 'must be boolean; got "yes"'],
      ["name", "is not a known property; allowed: ids, displayName, isActive"],
    ],
  },
];

describe("bad input fails the preview, names the property and what is allowed, and sends nothing", () => {
  let sandbox: Sandbox;
  let resources: TestStack;
  let calls: TestStack;

  beforeAll(async () => {
    fs.writeFileSync(bigFlowFile, `{"definition":"${"x".repeat(MAX_FLOW_FILE_BYTES + 1 - 17)}"}`);
    expect(fs.statSync(bigFlowFile).size).toBe(MAX_FLOW_FILE_BYTES + 1);
    sandbox = await startSandbox();
    [resources, calls] = await Promise.all([
      resourceStack(sandbox),
      TestStack.create({
        program: path.join(__dirname, "programs", "function-args"),
        config: { "cxflow:sandboxUrl": sandbox.url, calls: "[]" },
      }),
    ]);
  });
  afterAll(async () => {
    await Promise.all([resources?.dispose(), calls?.dispose()]);
    await sandbox?.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  /** Sets the case's declarations, previews, and returns the engine's output and the vendor requests made. */
  async function preview(c: Case): Promise<{ output: string; requests: number }> {
    const stack = c.resource ? resources : calls;
    if (c.resource) await declare(resources, [c.resource]);
    else await calls.setConfig("calls", JSON.stringify([c.call]));
    const before = vendorRequests(sandbox);
    const e = await stack.preview().then(
      () => undefined,
      (x: unknown) => x,
    );
    if (!(e instanceof PulumiCommandError)) throw new Error(`the preview of "${c.title}" did not fail`);
    return { output: e.result.output, requests: vendorRequests(sandbox) - before };
  }

  test.each([...resourceCases, ...callCases].map((c) => [c.title, c] as const))("%s", async (_title, c) => {
    const { output, requests } = await preview(c);
    for (const [property, reason] of c.problems) expect(output).toMatch(reportLine(c, property, reason));
    for (const text of c.absent ?? []) expect(output).not.toContain(text);
    expect(requests).toBe(0);
  });

  test("every registered resource kind has a case", () => {
    const covered = new Set(resourceCases.map((c) => c.resource!.type));
    expect(RESOURCES.map((d) => d.kind).filter((k) => !covered.has(k))).toEqual([]);
  });

  test("the same program with good arguments does reach the sandbox (so zero above means none sent)", async () => {
    const good: Call = {
      fn: "genesys.getFlowAggregates",
      args: { interval: "P7D", end: "2026-11-01", metrics: ["nFlow"] },
    };
    await calls.setConfig("calls", JSON.stringify([good]));
    const before = requestCount(sandbox, "genesys");
    await calls.preview();
    expect(requestCount(sandbox, "genesys")).toBeGreaterThan(before);
  });
});
