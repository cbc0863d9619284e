// The Genesys analytics data set: flows, flow executions, in-flight flows and journey sessions,
// drawn from the sandbox seed and ending at the sandbox's analytics end day. Same seed and end day,
// same data; generated on first use and cached.
import type { AnalyticsMediaType, FlowType } from "../../provider/genesys/analytics";
import { seededRandom, seededUuid } from "../seeded";

/** How many days of history end (exclusive) at the sandbox's analytics end day. */
export const HISTORY_DAYS = 120;
/** Flow executions generated over the history. */
export const EXECUTION_COUNT = 3000;
/** Journey sessions generated over the history. */
export const JOURNEY_SESSION_COUNT = 2000;
/** Flows in flight at any request time. */
export const IN_FLIGHT_COUNT = 24;

const DAY = 86_400_000;

/** A dimension's values on one fact: absent, one value, or several (multi-valued dimensions). */
export type DimValue = string | string[] | undefined;

/**
 * One countable thing at one time: an execution, an outcome, a milestone hit, a journey event.
 * `values` holds the metrics it contributes (1 for counts, milliseconds or amounts otherwise).
 */
export interface Fact {
  /** Start of the flow execution or journey session (the default time dimension). */
  at: number;
  /** When the event itself happened (`alternateTimeDimension: eventTime`). */
  eventAt: number;
  values: Partial<Record<string, number>>;
  dims: Record<string, DimValue>;
}

/** A synthetic Architect flow. */
export interface SyntheticFlow {
  id: string;
  name: string;
  type: FlowType;
  version: string;
  mediaType: AnalyticsMediaType;
  outcomes: { id: string; name: string }[];
  milestones: { id: string; name: string }[];
}

/** One run of a flow inside a conversation. */
export interface FlowExecution {
  conversationId: string;
  sessionId: string;
  flowId: string;
  startTime: number;
  durationMs: number;
  direction: "inbound" | "outbound";
  /** TRANSFER exits the flow to a queue; the others end the conversation inside the flow. */
  exitReason: "TRANSFER" | "DISCONNECT" | "FLOW_DISCONNECT";
  ani?: string;
  dnis?: string;
  queueId?: string;
  outcomes: { id: string; value: "SUCCESS" | "FAILURE"; offsetMs: number; durationMs: number }[];
  milestones: { id: string; offsetMs: number }[];
}

/** A flow running now: `ageMs` before the request time. */
export interface InFlight {
  conversationId: string;
  sessionId: string;
  flowId: string;
  ageMs: number;
  direction: "inbound" | "outbound";
  ani?: string;
  dnis?: string;
  requestedLanguageId: string;
  routingPriority: number;
}

/** A web visitor's journey session. */
export interface JourneySession {
  id: string;
  startTime: number;
  type: "web" | "app";
  deviceCategory: "desktop" | "mobile" | "tablet";
  country: string;
  segments: { id: string; offsetMs: number }[];
  outcomes: { id: string; offsetMs: number; value: number }[];
  actions: {
    actionId: string;
    actionMapId: string;
    targetId: string;
    mediaType: "webchat" | "contentOffer";
    offsetMs: number;
    result: "Accepted" | "Rejected" | "Ignored" | "Timedout" | "Errored";
  }[];
}

/** Everything one seed generates, plus the facts the aggregation engine reads. */
export interface AnalyticsData {
  seed: number;
  /** End (exclusive, ms) of the history: the start of a UTC day. */
  end: number;
  flows: SyntheticFlow[];
  executions: FlowExecution[];
  inFlight: InFlight[];
  journeySessions: JourneySession[];
  journeySegmentIds: string[];
  journeyOutcomeIds: string[];
  flowFacts: Fact[];
  journeyFacts: Fact[];
}

const FLOW_SPECS: { name: string; type: FlowType; mediaType: AnalyticsMediaType }[] = [
  { name: "Main IVR", type: "INBOUNDCALL", mediaType: "voice" },
  { name: "After hours", type: "INBOUNDCALL", mediaType: "voice" },
  { name: "Billing IVR", type: "INBOUNDCALL", mediaType: "voice" },
  { name: "Web chat greeting", type: "INBOUNDCHAT", mediaType: "chat" },
  { name: "Order status bot", type: "BOT", mediaType: "voice" },
  { name: "Digital assistant", type: "DIGITALBOT", mediaType: "message" },
  { name: "SMS triage", type: "INBOUNDSHORTMESSAGE", mediaType: "message" },
  { name: "Email router", type: "INBOUNDEMAIL", mediaType: "email" },
  { name: "Queue music", type: "INQUEUECALL", mediaType: "voice" },
];
const OUTCOMES = ["Identified", "Self-served", "Payment taken", "Order found", "Language chosen"];
const MILESTONES = ["Menu reached", "Authenticated", "Intent captured", "Transfer requested"];
const COUNTRIES = ["US", "GB", "DE", "FR", "IE", "AU"];
const ACTION_RESULTS = ["Accepted", "Rejected", "Ignored", "Timedout", "Errored"] as const;

const pick = <T>(random: () => number, xs: readonly T[]): T => xs[Math.floor(random() * xs.length)];
const between = (random: () => number, lo: number, hi: number) => lo + Math.floor(random() * (hi - lo + 1));
const phone = (random: () => number) => `tel:+1555${String(between(random, 0, 9_999_999)).padStart(7, "0")}`;

/** A start time in the history that ends at `end`, busier in (UTC) business hours. */
function startTime(random: () => number, end: number): number {
  const day = Math.floor(random() * HISTORY_DAYS);
  const hour = random() < 0.8 ? between(random, 8, 19) : between(random, 0, 23);
  return end - (HISTORY_DAYS - day) * DAY + hour * 3_600_000 + Math.floor(random() * 3_600_000);
}

function generateFlows(random: () => number): SyntheticFlow[] {
  const outcomeIds = OUTCOMES.map((name) => ({ id: seededUuid(random), name }));
  const milestoneIds = MILESTONES.map((name) => ({ id: seededUuid(random), name }));
  return FLOW_SPECS.map((s, i) => ({
    id: seededUuid(random),
    name: s.name,
    type: s.type,
    version: `${between(random, 1, 12)}.0`,
    mediaType: s.mediaType,
    outcomes: outcomeIds.filter((_, j) => (i + j) % 2 === 0),
    milestones: milestoneIds.filter((_, j) => (i + j) % 3 !== 2),
  }));
}

function generateExecution(random: () => number, end: number, flows: SyntheticFlow[], queues: string[]): FlowExecution {
  // Skew towards the first flows, as real IVRs dominate.
  const flow = flows[Math.min(flows.length - 1, Math.floor(random() ** 1.6 * flows.length))];
  const durationMs = between(random, 5_000, 600_000);
  const roll = random();
  const exitReason = roll < 0.6 ? "TRANSFER" : roll < 0.85 ? "DISCONNECT" : "FLOW_DISCONNECT";
  const voice = flow.mediaType === "voice";
  const outcomes = flow.outcomes
    .filter(() => random() < 0.45)
    .map((o) => {
      const offsetMs = Math.floor(random() * durationMs * 0.5);
      return {
        id: o.id,
        value: random() < 0.8 ? ("SUCCESS" as const) : ("FAILURE" as const),
        offsetMs,
        durationMs: between(random, 500, durationMs - offsetMs),
      };
    });
  const milestones = flow.milestones
    .filter(() => random() < 0.4)
    .map((m) => ({ id: m.id, offsetMs: Math.floor(random() * durationMs) }));
  return {
    conversationId: seededUuid(random),
    sessionId: seededUuid(random),
    flowId: flow.id,
    startTime: startTime(random, end),
    durationMs,
    direction: flow.type === "OUTBOUNDCALL" || random() < 0.05 ? "outbound" : "inbound",
    exitReason,
    ...(voice && { ani: phone(random), dnis: "tel:+18005550100" }),
    ...(exitReason === "TRANSFER" && { queueId: pick(random, queues) }),
    outcomes,
    milestones,
  };
}

function generateJourneySession(
  random: () => number,
  end: number,
  segmentIds: string[],
  outcomeIds: string[],
  actionMaps: { actionMapId: string; targetId: string; mediaType: "webchat" | "contentOffer" }[],
): JourneySession {
  const span = between(random, 60_000, 1_800_000);
  return {
    id: seededUuid(random),
    startTime: startTime(random, end),
    type: random() < 0.85 ? "web" : "app",
    deviceCategory: pick(random, ["desktop", "desktop", "mobile", "tablet"] as const),
    country: pick(random, COUNTRIES),
    segments: segmentIds.filter(() => random() < 0.3).map((id) => ({ id, offsetMs: Math.floor(random() * span) })),
    outcomes: outcomeIds
      .filter(() => random() < 0.15)
      .map((id) => ({ id, offsetMs: Math.floor(random() * span), value: between(random, 1, 500) })),
    actions: actionMaps
      .filter(() => random() < 0.25)
      .map((m) => ({
        actionId: seededUuid(random),
        ...m,
        offsetMs: Math.floor(random() * span),
        result: pick(random, ACTION_RESULTS),
      })),
  };
}

/** Facts of the flow aggregates: one per execution, per outcome and per milestone hit. */
function flowFactsOf(flows: SyntheticFlow[], executions: FlowExecution[]): Fact[] {
  const byId = new Map(flows.map((f) => [f.id, f]));
  const facts: Fact[] = [];
  for (const e of executions) {
    const flow = byId.get(e.flowId)!;
    const base: Record<string, DimValue> = {
      flowId: flow.id,
      flowName: flow.name,
      flowType: flow.type,
      flowVersion: flow.version,
      mediaType: flow.mediaType,
      direction: e.direction,
      originatingDirection: e.direction,
      conversationId: e.conversationId,
      sessionId: e.sessionId,
      exitReason: e.exitReason,
      ani: e.ani,
      dnis: e.dnis,
      queueId: e.queueId,
      mediaCount: "1",
      // Multi-valued on the execution: one value per outcome / milestone.
      flowOutcomeId: e.outcomes.map((o) => o.id),
      flowOutcomeValue: [...new Set(e.outcomes.map((o) => o.value))],
      flowOutcome: e.outcomes.map((o) => `${o.id}:${o.value}`),
      flowMilestoneId: e.milestones.map((m) => m.id),
    };
    const end = e.startTime + e.durationMs;
    const disconnected = e.exitReason !== "TRANSFER";
    facts.push({
      at: e.startTime,
      eventAt: end,
      dims: { ...base, ...(disconnected && { disconnectType: e.exitReason === "DISCONNECT" ? "peer" : "endpoint" }) },
      values: {
        nFlow: 1,
        tFlow: e.durationMs,
        ...(disconnected ? { tFlowDisconnect: e.durationMs } : { tFlowExit: e.durationMs }),
        ...(e.milestones.length > 0 && { oFlowMilestone: 1 }),
      },
    });
    for (const o of e.outcomes)
      facts.push({
        at: e.startTime,
        eventAt: e.startTime + o.offsetMs + o.durationMs,
        dims: { ...base, flowOutcomeId: o.id, flowOutcomeValue: o.value, flowOutcome: `${o.id}:${o.value}` },
        values: {
          nFlowOutcome: 1,
          tFlowOutcome: o.durationMs,
          ...(o.value === "FAILURE" && { nFlowOutcomeFailed: 1 }),
        },
      });
    for (const m of e.milestones)
      facts.push({
        at: e.startTime,
        eventAt: e.startTime + m.offsetMs,
        dims: { ...base, flowMilestoneId: m.id },
        values: { nFlowMilestone: 1 },
      });
  }
  return facts;
}

/** Facts of the journey aggregates: one per session, segment assignment, outcome and web action. */
function journeyFactsOf(sessions: JourneySession[]): Fact[] {
  const facts: Fact[] = [];
  for (const s of sessions) {
    const base: Record<string, DimValue> = {
      journeySessionId: s.id,
      journeySessionType: s.type,
      journeyDeviceCategory: s.deviceCategory,
      journeyDeviceType: s.deviceCategory === "desktop" ? "Other" : "Smartphone",
      journeyIpGeolocationCountry: s.country,
      journeySessionSegmentId: s.segments.map((x) => x.id),
    };
    facts.push({
      at: s.startTime,
      eventAt: s.startTime,
      dims: base,
      values: { nJourneySessions: 1, nDistinctJourneySessions: 1 },
    });
    for (const g of s.segments)
      facts.push({
        at: s.startTime,
        eventAt: s.startTime + g.offsetMs,
        dims: { ...base, journeySegmentId: g.id, journeySegmentAssignmentState: "Assigned" },
        values: { nJourneySegmentsAssigned: 1 },
      });
    for (const o of s.outcomes)
      facts.push({
        at: s.startTime,
        eventAt: s.startTime + o.offsetMs,
        dims: { ...base, journeyOutcomeId: o.id },
        values: { nJourneyOutcomesAchieved: 1, oJourneyOutcomeValue: o.value },
      });
    for (const a of s.actions) {
      const engaged = a.result === "Accepted" || a.result === "Rejected";
      facts.push({
        at: s.startTime,
        eventAt: s.startTime + a.offsetMs,
        dims: {
          ...base,
          journeyActionId: a.actionId,
          journeyActionMapId: a.actionMapId,
          journeyActionMapVersion: "1",
          journeyActionTargetId: a.targetId,
          journeyActionMediaType: a.mediaType,
        },
        values: {
          nDistinctJourneyActions: 1,
          nWebActionsQualified: 1,
          nWebActionsOffered: 1,
          [`nWebActions${a.result}`]: 1,
          ...(engaged && { nWebActionsEngaged: 1 }),
          ...(a.result === "Accepted" && { nWebActionsStarted: 1 }),
        },
      });
    }
  }
  return facts;
}

/**
 * Generates the data set of a seed whose history ends (exclusive) at `end`, the start of a UTC day
 * in ms (uncached: prefer {@link analyticsData}). Another end shifts the same history in time.
 */
export function generateAnalyticsData(seed: number, end: number): AnalyticsData {
  // Separate streams so that growing one part of the data set leaves the others unchanged.
  const r = (salt: number) => seededRandom((seed ^ salt) >>> 0);
  const rf = r(0xf10);
  const flows = generateFlows(rf);
  const queues = Array.from({ length: 4 }, () => seededUuid(rf));
  const re = r(0xe7ec);
  const executions = Array.from({ length: EXECUTION_COUNT }, () => generateExecution(re, end, flows, queues)).sort(
    (a, b) => a.startTime - b.startTime,
  );
  const ri = r(0x1f1);
  const inFlight: InFlight[] = Array.from({ length: IN_FLIGHT_COUNT }, () => {
    const flow = flows[Math.floor(ri() * flows.length)];
    return {
      conversationId: seededUuid(ri),
      sessionId: seededUuid(ri),
      flowId: flow.id,
      ageMs: between(ri, 1_000, 900_000),
      direction: "inbound" as const,
      ...(flow.mediaType === "voice" && { ani: phone(ri), dnis: "tel:+18005550100" }),
      requestedLanguageId: seededUuid(ri),
      routingPriority: between(ri, 0, 5),
    };
  });
  const rj = r(0x70e);
  const segmentIds = Array.from({ length: 5 }, () => seededUuid(rj));
  const outcomeIds = Array.from({ length: 3 }, () => seededUuid(rj));
  const actionMaps = Array.from({ length: 4 }, (_, i) => ({
    actionMapId: seededUuid(rj),
    targetId: seededUuid(rj),
    mediaType: i % 2 === 0 ? ("webchat" as const) : ("contentOffer" as const),
  }));
  const journeySessions = Array.from({ length: JOURNEY_SESSION_COUNT }, () =>
    generateJourneySession(rj, end, segmentIds, outcomeIds, actionMaps),
  ).sort((a, b) => a.startTime - b.startTime);
  return {
    seed,
    end,
    flows,
    executions,
    inFlight,
    journeySessions,
    journeySegmentIds: segmentIds,
    journeyOutcomeIds: outcomeIds,
    flowFacts: flowFactsOf(flows, executions),
    journeyFacts: journeyFactsOf(journeySessions),
  };
}

const cache = new Map<string, AnalyticsData>();
/** Data sets kept in memory; a few MB each, and a process rarely uses more than one or two. */
const CACHED_DATA_SETS = 4;

/** The data set of a seed and end day (ms at the start of a UTC day), generated on first use. */
export function analyticsData(seed: number, end: number): AnalyticsData {
  const key = `${seed}:${end}`;
  let d = cache.get(key);
  if (d) cache.delete(key);
  else d = generateAnalyticsData(seed, end);
  cache.set(key, d);
  for (const old of cache.keys()) if (cache.size > CACHED_DATA_SETS) cache.delete(old);
  return d;
}
