// The Genesys analytics data set: flows, flow executions, in-flight flows and journey sessions,
// drawn from the sandbox seed and ending at the sandbox's analytics end day. Same seed and end day,
// same data; generated on first use and cached. The executions of the org's own Architect flows
// are drawn per flow, keyed by its id, and the journey facts of the org's own segments, outcomes
// and action maps per object, keyed by its name, when a query reads them.
import { type AnalyticsMediaType, FLOW_TYPES, type FlowType } from "../../provider/genesys/analytics";
import { seededRandom, seededUuid } from "../seeded";

/** How many days of history end (exclusive) at the sandbox's analytics end day. */
export const HISTORY_DAYS = 120;
/** Flow executions generated over the history. */
export const EXECUTION_COUNT = 3000;
/** Journey sessions generated over the history. */
export const JOURNEY_SESSION_COUNT = 2000;
/** Flows in flight at any request time. */
export const IN_FLIGHT_COUNT = 24;
/** Executions drawn over the history for each flow the org published through the API. */
export const ORG_FLOW_EXECUTION_COUNT = 150;

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
  /** How long it lasted: segment assignments, outcomes and web actions happen within it. */
  durationMs: number;
  type: "web" | "app";
  deviceCategory: "desktop" | "mobile" | "tablet";
  country: string;
}

/**
 * Everything one seed generates, plus the flow facts the aggregation engine reads. Journey facts
 * depend on the org's objects too: {@link journeyFacts}.
 */
export interface AnalyticsData {
  seed: number;
  /** End (exclusive, ms) of the history: the start of a UTC day. */
  end: number;
  flows: SyntheticFlow[];
  /** Queues a transferring execution ends in. */
  queues: string[];
  executions: FlowExecution[];
  inFlight: InFlight[];
  journeySessions: JourneySession[];
  flowFacts: Fact[];
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

/** What an execution is drawn from: a synthetic flow or one of the org's. */
type ExecutedFlow = Pick<SyntheticFlow, "id" | "type" | "mediaType"> & {
  outcomes: { id: string }[];
  milestones: { id: string }[];
};

function generateExecution(random: () => number, end: number, flows: SyntheticFlow[], queues: string[]): FlowExecution {
  // Skew towards the first flows, as real IVRs dominate.
  const flow = flows[Math.min(flows.length - 1, Math.floor(random() ** 1.6 * flows.length))];
  return drawExecution(random, end, flow, queues);
}

/** One execution of `flow` in the history ending at `end`, its outcomes and milestones among the flow's. */
function drawExecution(random: () => number, end: number, flow: ExecutedFlow, queues: string[]): FlowExecution {
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

function generateJourneySession(random: () => number, end: number): JourneySession {
  const durationMs = between(random, 60_000, 1_800_000);
  const session: JourneySession = {
    id: seededUuid(random),
    startTime: startTime(random, end),
    type: random() < 0.85 ? "web" : "app",
    deviceCategory: pick(random, ["desktop", "desktop", "mobile", "tablet"] as const),
    country: pick(random, COUNTRIES),
    durationMs,
  };
  skipRetiredSessionDraws(random);
  return session;
}

const skip = (random: () => number, n: number) => {
  for (let i = 0; i < n; i++) random();
};
const hitsAmong = (random: () => number, n: number, rate: number) =>
  Array.from({ length: n }, () => random() < rate).filter(Boolean).length;

/** Consumes what a session once drew for its synthetic segments, outcomes and actions, so sessions stay as they were. */
function skipRetiredSessionDraws(random: () => number): void {
  skip(random, hitsAmong(random, 5, 0.3));
  skip(random, 2 * hitsAmong(random, 3, 0.15));
  skip(random, 34 * hitsAmong(random, 4, 0.25));
}

/** Facts of the flow aggregates: one per execution, per outcome and per milestone hit. */
function flowFactsOf(flows: SyntheticFlow[], executions: FlowExecution[]): Fact[] {
  const byId = new Map(flows.map((f) => [f.id, f]));
  const facts: Fact[] = [];
  for (const e of executions) pushExecutionFacts(facts, byId.get(e.flowId)!, e);
  return facts;
}

/** What the facts of an execution say about its flow. */
type FactFlow = Pick<SyntheticFlow, "id" | "name" | "type" | "version" | "mediaType">;

/** Adds the facts of one execution of `flow` to `facts`. */
function pushExecutionFacts(facts: Fact[], flow: FactFlow, e: FlowExecution): void {
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
  // The 16 synthetic segment, outcome and action-map ids this stream once began with.
  skip(rj, 16 * 32);
  const journeySessions = Array.from({ length: JOURNEY_SESSION_COUNT }, () => generateJourneySession(rj, end)).sort(
    (a, b) => a.startTime - b.startTime,
  );
  return {
    seed,
    end,
    flows,
    queues,
    executions,
    inFlight,
    journeySessions,
    flowFacts: flowFactsOf(flows, executions),
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

// ---------------------------------------------------------------------------------------------
// Flow facts of the org's own Architect flows

/** What flow analytics read of a flow the org published through the API. */
export interface OrgFlow {
  id: string;
  /** Its current name: the `flowName` of its executions. */
  name: string;
  /** The flow's `type`, e.g. `INBOUNDCALL`; it sets the executions' `flowType` and `mediaType`. */
  type: string;
  /** The published version: the executions' `flowVersion`. */
  version: string;
  /** The flow outcomes its published content refers to: the outcomes its executions reach. */
  outcomeIds: string[];
  /** The flow milestones its published content refers to: the milestones its executions pass. */
  milestoneIds: string[];
}

/** The media a flow of each type runs on; absent: it never runs on its own (a common module is called by other flows). */
const FLOW_MEDIA: Record<FlowType, AnalyticsMediaType | undefined> = {
  BOT: "voice",
  COMMONMODULE: undefined,
  DIGITALBOT: "message",
  EMAILSEND: "email",
  INBOUNDCALL: "voice",
  INBOUNDCHAT: "chat",
  INBOUNDEMAIL: "email",
  INBOUNDSHORTMESSAGE: "message",
  INQUEUECALL: "voice",
  INQUEUEEMAIL: "email",
  INQUEUESHORTMESSAGE: "message",
  OUTBOUNDCALL: "voice",
  SECURECALL: "voice",
  SPEECH: "voice",
  SURVEYINVITE: "email",
  VOICE: "voice",
  VOICEMAIL: "voice",
  VOICESURVEY: "voice",
  WORKFLOW: "unknown",
  WORKITEM: "unknown",
};

const isFlowType = (t: string): t is FlowType => (FLOW_TYPES as readonly string[]).includes(t);

/**
 * The facts of {@link ORG_FLOW_EXECUTION_COUNT} executions of an org flow spread over the
 * history like the synthetic ones, drawn from the seed and the flow's type and name (not its id,
 * which is new in every sandbox), so the same flow and content give the same figures on every
 * query and in every fresh sandbox; none for a type that never runs on its own.
 */
function drawOrgFlowFacts(data: AnalyticsData, flow: OrgFlow): Fact[] {
  const mediaType = isFlowType(flow.type) ? FLOW_MEDIA[flow.type] : undefined;
  if (!mediaType) return [];
  const executed: ExecutedFlow & FactFlow = {
    id: flow.id,
    name: flow.name,
    type: flow.type as FlowType,
    version: flow.version,
    mediaType,
    outcomes: flow.outcomeIds.map((id) => ({ id })),
    milestones: flow.milestoneIds.map((id) => ({ id })),
  };
  const random = seededRandom(hash(`${data.seed}\u0000flows\u0000${flow.type}\u0000${flow.name}`));
  const facts: Fact[] = [];
  for (let i = 0; i < ORG_FLOW_EXECUTION_COUNT; i++)
    pushExecutionFacts(facts, executed, drawExecution(random, data.end, executed, data.queues));
  return facts;
}

const orgFlowCache = new Map<string, Fact[]>();
/** Org flows whose facts are kept in memory: a few hundred facts each. */
const CACHED_ORG_FLOWS = 1000;

/** The facts of one org flow, drawn on first use and kept while the flow reads the same. */
function orgFlowFacts(data: AnalyticsData, flow: OrgFlow): Fact[] {
  const key = JSON.stringify([
    data.seed,
    data.end,
    flow.id,
    flow.name,
    flow.type,
    flow.version,
    flow.outcomeIds,
    flow.milestoneIds,
  ]);
  let facts = orgFlowCache.get(key);
  if (facts) orgFlowCache.delete(key);
  else facts = drawOrgFlowFacts(data, flow);
  orgFlowCache.set(key, facts);
  for (const old of orgFlowCache.keys()) if (orgFlowCache.size > CACHED_ORG_FLOWS) orgFlowCache.delete(old);
  return facts;
}

/** The last combination of synthetic and org flow facts made for a data set, reused while the org's flows read the same. */
const combined = new WeakMap<AnalyticsData, { key: string; facts: Fact[] }>();

/**
 * Facts of the flow aggregates: the synthetic flows' (`data.flowFacts`, unchanged) plus those of
 * each of the org's own published flows that is not a synthetic one (see {@link drawOrgFlowFacts}).
 */
export function flowFacts(data: AnalyticsData, orgFlows: readonly OrgFlow[]): Fact[] {
  const synthetic = new Set(data.flows.map((f) => f.id));
  const own = orgFlows.filter((f) => !synthetic.has(f.id));
  if (own.length === 0) return data.flowFacts;
  const key = JSON.stringify(own);
  const known = combined.get(data);
  if (known?.key === key) return known.facts;
  const facts = [...data.flowFacts, ...own.flatMap((f) => orgFlowFacts(data, f))];
  combined.set(data, { key, facts });
  return facts;
}

// ---------------------------------------------------------------------------------------------
// Journey facts of the org's own segments, outcomes and action maps

/** The store kinds of the org's journey objects that journey analytics report on. */
export type JourneyObjectKind = "segments" | "outcomes" | "actionmaps";

/** What journey analytics read of an org's segment or outcome. */
export interface JourneyObject {
  id: string;
  /** The key of its facts: ids of objects made through the API are random, names are what a program declares. */
  displayName: string;
  /** An inactive object gets no facts: nothing is assigned, achieved or offered while it is off. */
  isActive?: boolean;
}

/** What journey analytics read of an action map. */
export interface JourneyActionMap extends JourneyObject {
  version?: number;
  action?: { mediaType?: string; actionTargetId?: string; actionTemplate?: { id?: string } };
}

/** The org's journey objects at the time of a query. */
export interface JourneyObjects {
  segments: JourneyObject[];
  outcomes: JourneyObject[];
  actionMaps: JourneyActionMap[];
}

/** Share of the sessions each object takes part in: assigned, achieved, offered. */
export const JOURNEY_OBJECT_RATES: Record<JourneyObjectKind, number> = {
  segments: 0.3,
  outcomes: 0.15,
  actionmaps: 0.25,
};

/** One session an object took part in: when in it, and an outcome's value or an action's result. */
interface Hit {
  /** Index in `journeySessions`. */
  session: number;
  offsetMs: number;
  value?: number;
  actionId?: string;
  result?: (typeof ACTION_RESULTS)[number];
}

/** FNV-1a: a stable 32-bit seed from text. */
function hash(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

function drawHits(data: AnalyticsData, kind: JourneyObjectKind, displayName: string): Hit[] {
  const random = seededRandom(hash(`${data.seed}\u0000${kind}\u0000${displayName}`));
  const rate = JOURNEY_OBJECT_RATES[kind];
  const hits: Hit[] = [];
  data.journeySessions.forEach((s, session) => {
    if (random() >= rate) return;
    const offsetMs = Math.floor(random() * s.durationMs);
    if (kind === "outcomes") hits.push({ session, offsetMs, value: between(random, 1, 500) });
    else if (kind === "actionmaps")
      hits.push({ session, offsetMs, actionId: seededUuid(random), result: pick(random, ACTION_RESULTS) });
    else hits.push({ session, offsetMs });
  });
  return hits;
}

const hitCache = new Map<string, Hit[]>();
/** Objects whose sessions are kept in memory: tens of KB each. */
const CACHED_OBJECTS = 1000;

/** The sessions an object of `kind` named `displayName` takes part in: a function of the seed, end, kind and name. */
function hitsOf(data: AnalyticsData, kind: JourneyObjectKind, displayName: string): Hit[] {
  const key = JSON.stringify([data.seed, data.end, kind, displayName]);
  let hits = hitCache.get(key);
  if (hits) hitCache.delete(key);
  else hits = drawHits(data, kind, displayName);
  hitCache.set(key, hits);
  for (const old of hitCache.keys()) if (hitCache.size > CACHED_OBJECTS) hitCache.delete(old);
  return hits;
}

const isOn = (o: JourneyObject) => o.isActive !== false;

/** The journey facts built for one data set, reused while the org's objects stay the same. */
interface Built {
  /** The active segments' ids and names: every fact's `journeySessionSegmentId` depends on them. */
  segmentsKey: string;
  /** Each session's dimensions, shared by all its facts. */
  bases: Record<string, DimValue>[];
  sessionFacts: Fact[];
  /** Each object's facts by the fields they read, for the objects of the last call only. */
  objectFacts: Map<string, Fact[]>;
  /** The objects `facts` were built for; absent until the first build. */
  key?: string;
  facts: Fact[];
}
const built = new WeakMap<AnalyticsData, Built>();

function buildSessions(data: AnalyticsData, segments: JourneyObject[], segmentsKey: string): Built {
  const sessions = data.journeySessions;
  const assigned: string[][] = sessions.map(() => []);
  for (const o of segments) for (const h of hitsOf(data, "segments", o.displayName)) assigned[h.session].push(o.id);
  const bases = sessions.map(
    (s, i): Record<string, DimValue> => ({
      journeySessionId: s.id,
      journeySessionType: s.type,
      journeyDeviceCategory: s.deviceCategory,
      journeyDeviceType: s.deviceCategory === "desktop" ? "Other" : "Smartphone",
      journeyIpGeolocationCountry: s.country,
      journeySessionSegmentId: assigned[i],
    }),
  );
  const sessionFacts = sessions.map((s, i) => ({
    at: s.startTime,
    eventAt: s.startTime,
    dims: bases[i],
    values: { nJourneySessions: 1, nDistinctJourneySessions: 1 },
  }));
  return { segmentsKey, bases, sessionFacts, objectFacts: new Map(), facts: [] };
}

/** One fact per session an object of `kind` takes part in. */
function objectFactsOf(
  data: AnalyticsData,
  bases: Built["bases"],
  kind: JourneyObjectKind,
  o: JourneyActionMap,
): Fact[] {
  const sessions = data.journeySessions;
  return hitsOf(data, kind, o.displayName).map((h): Fact => {
    const s = sessions[h.session];
    const at = { at: s.startTime, eventAt: s.startTime + h.offsetMs };
    const base = bases[h.session];
    if (kind === "segments")
      return {
        ...at,
        dims: { ...base, journeySegmentId: o.id, journeySegmentAssignmentState: "Assigned" },
        values: { nJourneySegmentsAssigned: 1 },
      };
    if (kind === "outcomes")
      return {
        ...at,
        dims: { ...base, journeyOutcomeId: o.id },
        values: { nJourneyOutcomesAchieved: 1, oJourneyOutcomeValue: h.value! },
      };
    const engaged = h.result === "Accepted" || h.result === "Rejected";
    return {
      ...at,
      dims: {
        ...base,
        journeyActionId: h.actionId,
        journeyActionMapId: o.id,
        journeyActionMapVersion: String(o.version ?? 1),
        journeyActionTargetId: o.action?.actionTargetId,
        journeyActionMediaType: o.action?.mediaType,
        journeyActionTemplateId: o.action?.actionTemplate?.id,
      },
      values: {
        nDistinctJourneyActions: 1,
        nWebActionsQualified: 1,
        nWebActionsOffered: 1,
        [`nWebActions${h.result}`]: 1,
        ...(engaged && { nWebActionsEngaged: 1 }),
        ...(h.result === "Accepted" && { nWebActionsStarted: 1 }),
      },
    };
  });
}

/**
 * Facts of the journey aggregates for the org's `objects`: one per session, and one per segment
 * assignment, outcome achieved and web action of the org's active objects. Which sessions an
 * object takes part in, when, with which value or result, follows from the seed, the end and the
 * object's kind and `displayName` alone (see {@link JOURNEY_OBJECT_RATES}).
 */
export function journeyFacts(data: AnalyticsData, objects: JourneyObjects): Fact[] {
  const segments = objects.segments.filter(isOn);
  const segmentsKey = JSON.stringify(segments.map((o) => [o.id, o.displayName]));
  let b = built.get(data);
  if (b?.segmentsKey !== segmentsKey) built.set(data, (b = buildSessions(data, segments, segmentsKey)));
  const active = (kind: JourneyObjectKind, list: JourneyActionMap[]) =>
    list.filter(isOn).map((o) => {
      const a = o.action;
      const read = kind === "actionmaps" ? [o.version, a?.mediaType, a?.actionTargetId, a?.actionTemplate?.id] : [];
      return { key: JSON.stringify([kind, o.id, o.displayName, ...read]), kind, o };
    });
  const parts = [
    ...active("segments", segments),
    ...active("outcomes", objects.outcomes),
    ...active("actionmaps", objects.actionMaps),
  ];
  const key = parts.map((p) => p.key).join("\n");
  if (b.key === key) return b.facts;
  const objectFacts = new Map<string, Fact[]>();
  for (const p of parts) objectFacts.set(p.key, b.objectFacts.get(p.key) ?? objectFactsOf(data, b.bases, p.kind, p.o));
  b.objectFacts = objectFacts;
  b.facts = [...b.sessionFacts, ...[...objectFacts.values()].flat()];
  b.key = key;
  return b.facts;
}
