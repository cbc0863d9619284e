// Genesys Cloud flow and journey analytics over the synthetic data set of genesys-data.ts
// (the API as docs/vendors.md describes it). The engine is pure: same data + query → same numbers,
// whether asked synchronously, asynchronously, as a total or as the sum of its groups. Flow
// analytics add the executions of the org's own published flows, and journey analytics report on
// the org's own segments, outcomes and action maps, all read from the store.
import { randomUUID } from "node:crypto";
import type {
  AggregateDataContainer,
  AnyAggregationQuery,
  AsyncQueryState,
  AsyncQueryStatus,
  FlowActivityEntityData,
  FlowActivityQuery,
  FlowActivityResponse,
  FlowObservationQuery,
  FlowObservationQueryResponse,
  ObservationValue,
  StatisticalResponse,
  StatisticalSummary,
} from "../../provider/genesys/analytics";
import { analyticsEndpoints as api } from "../../provider/genesys/analytics-endpoints";
import type { Flow } from "../../provider/genesys/architect-models";
import type { JourneySegment, Outcome } from "../../provider/genesys/models";
import { type Duration, isTimeZone, parseIsoDuration } from "../../provider/time";
import { routesOf } from "../routes";
import type { AnswerOf, CallOf, VendorContext } from "../types";
import type { FlowContent } from "./genesys-architect";
import {
  type AnalyticsData,
  analyticsData,
  type DimValue,
  type Fact,
  flowFacts,
  type InFlight,
  type JourneyActionMap,
  type JourneyObjects,
  journeyFacts,
  type OrgFlow,
} from "./genesys-data";
import { genesysError } from "./genesys-replies";

const DAY = 86_400_000;
/** Longest interval an aggregate query may span (the real limit is undocumented). */
export const MAX_INTERVAL_DAYS = 366;
/** Most time buckets one query may ask for (the real limit is undocumented). */
export const MAX_BUCKETS = 10_000;
/** Async jobs are QUEUED until this age, then PENDING until `fulfilledAfterMs`, then FULFILLED (or FAILED). */
export const ANALYTICS_JOB_TIMING = { pendingAfterMs: 100, fulfilledAfterMs: 300 };
/** Result containers per async page when the job did not set `pageSize`. */
export const DEFAULT_ASYNC_PAGE_SIZE = 100;
/** Default page of the activity query. */
export const DEFAULT_ACTIVITY_PAGE_SIZE = 100;
/** Observation lists longer than this keep their oldest and newest halves. */
export const MAX_OBSERVATIONS = 100;

// ---------------------------------------------------------------------------------------------
// Errors (Genesys' ErrorBody shape)

const badRequest = (message: string) => genesysError(400, "bad.request", message);
const jobNotFound = (id: string) => genesysError(404, "not.found", `Analytics job ${id} not found`, { entityId: id });

// ---------------------------------------------------------------------------------------------
// Time: intervals, ISO durations, time-zone aware buckets

/** Start and end (ms) of an ISO-8601 `start/end` interval; undefined when unreadable. */
export function parseInterval(text: string): { start: number; end: number } | undefined {
  const [a, b, extra] = text.split("/");
  if (!a || !b || extra !== undefined) return undefined;
  const start = Date.parse(a);
  const end = Date.parse(b);
  return Number.isNaN(start) || Number.isNaN(end) ? undefined : { start, end };
}

/** Parses `PnYnMnWnDTnHnMnS`; undefined when unreadable or zero. */
export function parseDuration(text: string): Duration | undefined {
  const d = parseIsoDuration(text);
  return d && (d.years || d.months || d.days || d.ms) ? d : undefined;
}

const formatters = new Map<string, Intl.DateTimeFormat>();
function formatter(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat("en-US", {
      timeZone,
      hourCycle: "h23",
      year: "numeric",
      month: "numeric",
      day: "numeric",
      hour: "numeric",
      minute: "numeric",
      second: "numeric",
    });
    formatters.set(timeZone, f);
  }
  return f;
}

/** The local wall-clock time of `ms` in `tz`, written as if it were UTC. */
function wallClock(ms: number, tz: string): number {
  if (tz === "UTC") return ms;
  const p: Record<string, number> = {};
  for (const x of formatter(tz).formatToParts(new Date(ms))) if (x.type !== "literal") p[x.type] = Number(x.value);
  return Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second) + (((ms % 1000) + 1000) % 1000);
}

/** The instant whose wall clock in `tz` reads `wall` (two passes settle DST offsets). */
function fromWallClock(wall: number, tz: string): number {
  let t = wall - (wallClock(wall, tz) - wall);
  t = wall - (wallClock(t, tz) - t);
  return t;
}

/** `ms` plus a duration; calendar parts step in local time so P1D spans 23 or 25 h across DST. */
export function addDuration(ms: number, d: Duration, tz = "UTC"): number {
  let t = ms;
  if (d.years || d.months || d.days) {
    const w = new Date(wallClock(ms, tz));
    w.setUTCFullYear(w.getUTCFullYear() + d.years, w.getUTCMonth() + d.months, w.getUTCDate() + d.days);
    t = fromWallClock(w.getTime(), tz);
  }
  return t + d.ms;
}

/** Bucket edges from start to end (the last bucket is cut at the end); undefined past MAX_BUCKETS. */
export function bucketEdges(start: number, end: number, granularity?: string, tz = "UTC"): number[] | undefined {
  if (!granularity) return [start, end];
  const d = parseDuration(granularity);
  if (!d) return undefined;
  const edges = [start];
  for (let t = start; t < end; ) {
    const next = addDuration(t, d, tz);
    if (next <= t || edges.length > MAX_BUCKETS) return undefined;
    edges.push(Math.min(next, end));
    t = next;
  }
  return edges;
}

const iso = (ms: number) => new Date(ms).toISOString();

// ---------------------------------------------------------------------------------------------
// Filters

/** A predicate of any analytics filter. */
export interface Predicate {
  dimension?: string;
  operator?: "matches" | "exists" | "notExists";
  value?: string;
  range?: { gt?: number; gte?: number; lt?: number; lte?: number };
}
/** A filter of any analytics query. */
export interface Filter {
  type: "and" | "or";
  clauses?: { type: "and" | "or"; predicates: Predicate[] }[];
  predicates?: Predicate[];
}

const valuesOf = (v: DimValue): string[] => (v === undefined ? [] : Array.isArray(v) ? v : [v]);

function inRange(v: string, r: NonNullable<Predicate["range"]>): boolean {
  const n = Number.parseFloat(v);
  if (Number.isNaN(n)) return false;
  return (
    (r.gt === undefined || n > r.gt) &&
    (r.gte === undefined || n >= r.gte) &&
    (r.lt === undefined || n < r.lt) &&
    (r.lte === undefined || n <= r.lte)
  );
}

/** Whether a fact's dimensions satisfy one predicate; a multi-valued dimension matches on any value. */
export function matchesPredicate(dims: Record<string, DimValue>, p: Predicate): boolean {
  const vs = p.dimension ? valuesOf(dims[p.dimension]) : [];
  switch (p.operator ?? "matches") {
    case "exists":
      return vs.length > 0;
    case "notExists":
      return vs.length === 0;
    default:
      if (p.range) return vs.some((v) => inRange(v, p.range!));
      return p.value === undefined ? vs.length > 0 : vs.includes(p.value);
  }
}

const combine = (type: "and" | "or", results: boolean[]) =>
  results.length === 0 ? true : type === "and" ? results.every(Boolean) : results.some(Boolean);

/** Whether a fact's dimensions satisfy a filter (clauses and predicates combined with its `type`). */
export function matchesFilter(dims: Record<string, DimValue>, f: Filter | undefined): boolean {
  if (!f) return true;
  const parts = [
    ...(f.predicates ?? []).map((p) => matchesPredicate(dims, p)),
    ...(f.clauses ?? []).map((c) =>
      combine(
        c.type,
        c.predicates.map((p) => matchesPredicate(dims, p)),
      ),
    ),
  ];
  return combine(f.type, parts);
}

// ---------------------------------------------------------------------------------------------
// Aggregation

/** Metrics reported as sum/count/max/min; every other metric is a count (`stats.count`). */
export const isValueMetric = (metric: string) => metric.startsWith("t") || /^o\w+Value$/.test(metric);

/** Why a query cannot run, or undefined when it can. */
export function checkAggregationQuery(q: AnyAggregationQuery): string | undefined {
  const i = parseInterval(q.interval);
  if (!i) return `interval ${q.interval} is not a valid ISO-8601 interval`;
  if (i.end <= i.start) return `interval end must be after its start: ${q.interval}`;
  if (i.end - i.start > MAX_INTERVAL_DAYS * DAY)
    return `interval ${q.interval} is longer than the maximum of ${MAX_INTERVAL_DAYS} days`;
  const tz = q.timeZone ?? "UTC";
  if (!isTimeZone(tz)) return `timeZone ${tz} is not a valid IANA time zone`;
  if (q.granularity && !parseDuration(q.granularity)) return `granularity ${q.granularity} must be a non-zero duration`;
  if (!bucketEdges(i.start, i.end, q.granularity, tz))
    return `granularity ${q.granularity} makes more than ${MAX_BUCKETS} buckets in ${q.interval}`;
  const names = new Set<string>();
  for (const v of q.views ?? []) {
    if (names.has(v.name) || (q.metrics as string[]).includes(v.name))
      return `view name ${v.name} must be unique and not a metric name`;
    names.add(v.name);
  }
  return undefined;
}

interface Acc {
  count: number;
  sum: number;
  max: number;
  min: number;
}

/** A group's values for one fact: one entry per combination of the groupBy dimensions' values. */
function groupsOf(dims: Record<string, DimValue>, groupBy: string[], flatten: boolean): Record<string, string>[] {
  let out: Record<string, string>[] = [{}];
  for (const d of groupBy) {
    const vs = valuesOf(dims[d]);
    // An absent dimension leaves its key out of the group; flattening joins several values into one.
    if (vs.length === 0) continue;
    const options = flatten && vs.length > 1 ? [vs.join(",")] : vs;
    out = out.flatMap((g) => options.map((v) => ({ ...g, [d]: v })));
  }
  return out;
}

/**
 * Aggregates facts for a query that passed {@link checkAggregationQuery}: interval, filter,
 * groupBy, granularity buckets, metrics and rangeBound views. Groups and buckets with nothing in
 * them are left out; groups are ordered by their values, buckets by time.
 */
export function aggregate(facts: Fact[], q: AnyAggregationQuery): AggregateDataContainer[] {
  const { start, end } = parseInterval(q.interval)!;
  const edges = bucketEdges(start, end, q.granularity, q.timeZone ?? "UTC")!;
  const metrics = q.metrics as string[];
  const views = q.views ?? [];
  const wanted = new Set<string>([...metrics, ...views.map((v) => v.target)]);
  const groupBy = (q.groupBy ?? []) as string[];
  const timeOf = q.alternateTimeDimension === "eventTime" ? (f: Fact) => f.eventAt : (f: Fact) => f.at;
  const table = new Map<string, { group: Record<string, string>; buckets: Map<number, Map<string, Acc>> }>();

  for (const f of facts) {
    const t = timeOf(f);
    if (t < start || t >= end) continue;
    if (!Object.keys(f.values).some((m) => wanted.has(m))) continue;
    if (!matchesFilter(f.dims, q.filter as Filter | undefined)) continue;
    const bucket = bucketIndex(edges, t);
    for (const group of groupsOf(f.dims, groupBy, q.flattenMultivaluedDimensions === true)) {
      const key = JSON.stringify(groupBy.map((d) => group[d] ?? null));
      let g = table.get(key);
      if (!g) table.set(key, (g = { group, buckets: new Map() }));
      let accs = g.buckets.get(bucket);
      if (!accs) g.buckets.set(bucket, (accs = new Map()));
      for (const [m, v] of Object.entries(f.values)) {
        if (v === undefined || !wanted.has(m)) continue;
        let a = accs.get(m);
        if (!a) accs.set(m, (a = { count: 0, sum: 0, max: -Infinity, min: Infinity }));
        a.count++;
        a.sum += v;
        a.max = Math.max(a.max, v);
        a.min = Math.min(a.min, v);
        for (const view of views)
          if (view.target === m && inView(v, view.range)) {
            const key = `view:${view.name}`;
            const va = accs.get(key) ?? { count: 0, sum: 0, max: 0, min: 0 };
            va.count++;
            accs.set(key, va);
          }
      }
    }
  }

  const results: AggregateDataContainer[] = [];
  for (const key of [...table.keys()].sort()) {
    const g = table.get(key)!;
    const data: StatisticalResponse[] = [];
    for (const b of [...g.buckets.keys()].sort((x, y) => x - y)) {
      const accs = g.buckets.get(b)!;
      const ms = metrics.filter((m) => accs.has(m)).map((m) => ({ metric: m, stats: statsOf(m, accs.get(m)!) }));
      if (ms.length === 0) continue;
      const vs = views
        .filter((v) => accs.has(`view:${v.name}`))
        .map((v) => ({ name: v.name, stats: { count: accs.get(`view:${v.name}`)!.count } }));
      data.push({ interval: `${iso(edges[b])}/${iso(edges[b + 1])}`, metrics: ms, ...(vs.length && { views: vs }) });
    }
    if (data.length) results.push({ ...(groupBy.length > 0 && { group: g.group }), data });
  }
  return results;
}

const inView = (v: number, r?: { gte?: number; lt?: number }) =>
  (r?.gte === undefined || v >= r.gte) && (r?.lt === undefined || v < r.lt);

function statsOf(metric: string, a: Acc): StatisticalSummary {
  // Counts report how many; durations and values report their spread too.
  return isValueMetric(metric) ? { max: a.max, min: a.min, count: a.count, sum: a.sum } : { count: a.sum };
}

/** Index of the bucket holding `t` (edges ascending, t within them). */
function bucketIndex(edges: number[], t: number): number {
  let lo = 0;
  let hi = edges.length - 2;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (edges[mid] <= t) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

// ---------------------------------------------------------------------------------------------
// Observations and activity: the flows in flight at request time

/** Dimensions of an in-flight flow. */
function inFlightDims(data: AnalyticsData, x: InFlight): Record<string, DimValue> {
  const flow = data.flows.find((f) => f.id === x.flowId)!;
  return {
    flowId: flow.id,
    flowType: flow.type,
    mediaType: flow.mediaType,
    direction: x.direction,
    conversationId: x.conversationId,
    sessionId: x.sessionId,
    ani: x.ani,
    dnis: x.dnis,
    requestedLanguageId: x.requestedLanguageId,
    routingPriority: String(x.routingPriority),
  };
}

/** Each (dimension, value) named by a `matches` predicate, by dimension, in order of appearance. */
function predicateValues(f: Filter): Map<string, string[]> {
  const out = new Map<string, string[]>();
  const all = [...(f.predicates ?? []), ...(f.clauses ?? []).flatMap((c) => c.predicates)];
  for (const p of all)
    if ((p.operator ?? "matches") === "matches" && p.dimension && p.value !== undefined) {
      const list = out.get(p.dimension) ?? [];
      if (!list.includes(p.value)) list.push(p.value);
      out.set(p.dimension, list);
    }
  return out;
}

/**
 * The flow observation query at `now`: one result per combination of the values the filter
 * names (zero counts included), each with `oFlow` and, when asked, the observations oldest first.
 */
export function observeFlows(data: AnalyticsData, q: FlowObservationQuery, now: number): FlowObservationQueryResponse {
  const items = data.inFlight
    .map((x) => ({ x, dims: inFlightDims(data, x) }))
    .filter((i) => matchesFilter(i.dims, q.filter))
    .sort((a, b) => b.x.ageMs - a.x.ageMs);
  let groups: Record<string, string>[] = [{}];
  for (const [d, vs] of predicateValues(q.filter)) groups = groups.flatMap((g) => vs.map((v) => ({ ...g, [d]: v })));
  const detailed = q.detailMetrics?.includes("oFlow") === true;
  return {
    results: groups.map((group) => {
      const inGroup = items.filter((i) => Object.entries(group).every(([d, v]) => valuesOf(i.dims[d]).includes(v)));
      const truncated = inGroup.length > MAX_OBSERVATIONS;
      const kept = truncated
        ? [...inGroup.slice(0, MAX_OBSERVATIONS / 2), ...inGroup.slice(-MAX_OBSERVATIONS / 2)]
        : inGroup;
      const observations: ObservationValue[] = kept.map(({ x }) => ({
        observationDate: iso(now - x.ageMs),
        ...inFlightFields(x),
      }));
      return {
        ...(Object.keys(group).length > 0 && { group }),
        data: q.metrics.map((metric) => ({
          metric,
          stats: { count: inGroup.length },
          ...(detailed && { truncated, observations }),
        })),
      };
    }),
  };
}

/** The fields an observation and an activity entity share about one flow in flight. */
function inFlightFields(x: InFlight) {
  return {
    conversationId: x.conversationId,
    sessionId: x.sessionId,
    direction: x.direction,
    requestedLanguageId: x.requestedLanguageId,
    routingPriority: x.routingPriority,
    ...(x.ani && { ani: x.ani }),
    ...(x.dnis && { dnis: x.dnis }),
  };
}

/**
 * The flow activity query at `now`. Counts cover every matching flow; `entities` (with
 * `details`) hold only this page, where pages run over all entities in `order` of activity date.
 */
export function flowActivity(
  data: AnalyticsData,
  q: FlowActivityQuery,
  now: number,
  pageSize = DEFAULT_ACTIVITY_PAGE_SIZE,
  pageNumber = 1,
): FlowActivityResponse {
  const items = data.inFlight
    .map((x) => ({ x, dims: inFlightDims(data, x) }))
    .filter((i) => matchesFilter(i.dims, q.filter as Filter | undefined));
  // Oldest first is ascending activity date; `unordered` keeps generation order.
  if (q.order !== "unordered")
    items.sort((a, b) => (q.order === "desc" ? a.x.ageMs - b.x.ageMs : b.x.ageMs - a.x.ageMs));
  const page = new Set(items.slice((pageNumber - 1) * pageSize, pageNumber * pageSize).map((i) => i.x));
  const details = q.metrics.some((m) => m.details === true);
  const groups = new Map<string, { group: Record<string, string>; items: typeof items }>();
  for (const i of items)
    for (const group of groupsOf(i.dims, q.groupBy, false)) {
      const key = JSON.stringify(q.groupBy.map((d) => group[d] ?? null));
      const g = groups.get(key) ?? { group, items: [] };
      g.items.push(i);
      groups.set(key, g);
    }
  const results = [...groups.keys()].sort().map((key) => {
    const g = groups.get(key)!;
    const onPage = g.items.filter((i) => page.has(i.x));
    const entities: FlowActivityEntityData[] = onPage.map(({ x, dims }) => ({
      metric: "oFlow",
      activityDate: iso(now - x.ageMs),
      flowId: x.flowId,
      flowType: dims.flowType as FlowActivityEntityData["flowType"],
      mediaType: dims.mediaType as FlowActivityEntityData["mediaType"],
      ...inFlightFields(x),
    }));
    return {
      ...(q.groupBy.length > 0 && { group: g.group }),
      data: q.metrics.map((m) => ({
        metric: m.metric,
        count: g.items.length,
        ...(m.details && { entityIds: onPage.map((i) => i.x.conversationId) }),
      })),
      truncated: false,
      ...(details && { entities }),
    };
  });
  return { ...(details && { entityIdDimension: "conversationId" as const }), results };
}

// ---------------------------------------------------------------------------------------------
// Async jobs

type Family = "flow" | "journey";

/** An async aggregate job as stored in `genesys/analyticsJobs`. */
export interface AnalyticsJob {
  id: string;
  family: Family;
  query: AnyAggregationQuery;
  pageSize: number;
  submittedAt: number;
  expiresAt: number;
  /** Set at submission when the query cannot run; the job turns FAILED instead of FULFILLED. */
  error?: string;
  /** The analytics end the job was submitted under, so its results stay the same across a restart. */
  analyticsEnd?: string;
  /** A journey job's org objects at submission, so its pages agree whatever changes meanwhile. */
  journeyObjects?: JourneyObjects;
  /** A flow job's org flows at submission, for the same reason. */
  orgFlows?: OrgFlow[];
  cancelledAt?: number;
}

const jobs = (ctx: VendorContext) => ctx.store.collection<AnalyticsJob>("genesys", "analyticsJobs");

/** A job's state at `now`. */
export function jobState(job: AnalyticsJob, now: number): AsyncQueryState {
  if (job.cancelledAt !== undefined) return "CANCELLED";
  if (now >= job.expiresAt) return "EXPIRED";
  const age = now - job.submittedAt;
  if (age < ANALYTICS_JOB_TIMING.pendingAfterMs) return "QUEUED";
  if (age < ANALYTICS_JOB_TIMING.fulfilledAfterMs) return "PENDING";
  return job.error ? "FAILED" : "FULFILLED";
}

function jobStatus(job: AnalyticsJob, now: number): AsyncQueryStatus {
  const state = jobState(job, now);
  const done = state === "FULFILLED" || state === "FAILED" || state === "EXPIRED";
  return {
    state,
    submissionDate: iso(job.submittedAt),
    expirationDate: iso(job.expiresAt),
    ...(done && { completionDate: iso(job.submittedAt + ANALYTICS_JOB_TIMING.fulfilledAfterMs) }),
    ...(state === "FAILED" && { errorMessage: job.error }),
  };
}

// Generated, never stored: a --data file reopened on a later day serves the history of that start's end day.
const dataOf = (ctx: VendorContext, end = ctx.options.analyticsEnd) => analyticsData(ctx.options.seed, Date.parse(end));

/** Where the org's journey objects are read: the sandbox's store (or a stand-in with the same `collection`). */
export interface JourneyObjectSource {
  collection<T>(vendor: string, kind: string): { list(): T[] };
}

/** The org's segments, outcomes and action maps in `store`, reduced to what journey analytics read. */
export function journeyObjectsOf(store: JourneyObjectSource): JourneyObjects {
  const brief = ({ id, displayName, isActive }: { id: string; displayName: string; isActive?: boolean }) => ({
    id,
    displayName,
    ...(isActive !== undefined && { isActive }),
  });
  return {
    segments: store.collection<JourneySegment>("genesys", "segments").list().map(brief),
    outcomes: store.collection<Outcome>("genesys", "outcomes").list().map(brief),
    actionMaps: store
      .collection<JourneyActionMap>("genesys", "actionmaps")
      .list()
      .map((m) => ({
        ...brief(m),
        ...(m.version !== undefined && { version: m.version }),
        ...(m.action && {
          action: {
            ...(m.action.mediaType !== undefined && { mediaType: m.action.mediaType }),
            ...(m.action.actionTargetId !== undefined && { actionTargetId: m.action.actionTargetId }),
            ...(m.action.actionTemplate?.id !== undefined && { actionTemplate: { id: m.action.actionTemplate.id } }),
          },
        }),
      })),
  };
}

/** Where the org's flows are read: the sandbox's store (or a stand-in with the same `collection`). */
export interface OrgFlowSource {
  collection<T>(vendor: string, kind: string): { list(): T[]; get(id: string): T | undefined };
}

/**
 * The org's published flows in `store`, reduced to what flow analytics read: every flow with
 * published content, deleted ones too (their history stays, as Genesys keeps it).
 */
export function orgFlowsOf(store: OrgFlowSource): OrgFlow[] {
  const content = store.collection<FlowContent>("genesys", "flowcontent");
  return store
    .collection<Flow>("genesys", "flows")
    .list()
    .flatMap((f) => {
      const c = content.get(f.id);
      return c && f.type
        ? [
            {
              id: f.id,
              name: f.name,
              type: f.type,
              version: c.version,
              outcomeIds: [...c.outcomeIds],
              milestoneIds: [...c.milestoneIds],
            },
          ]
        : [];
    });
}

const factsOf = (family: Family, ctx: VendorContext, end?: string, objects?: JourneyObjects, flows?: OrgFlow[]) =>
  family === "flow"
    ? flowFacts(dataOf(ctx, end), flows ?? orgFlowsOf(ctx.store))
    : journeyFacts(dataOf(ctx, end), objects ?? journeyObjectsOf(ctx.store));

const encodeCursor = (jobId: string, offset: number) => Buffer.from(`${jobId}:${offset}`).toString("base64url");
function decodeCursor(jobId: string, cursor: string): number | undefined {
  const [id, n] = Buffer.from(cursor, "base64url").toString("utf8").split(":");
  const offset = Number(n);
  return id === jobId && Number.isInteger(offset) && offset >= 0 ? offset : undefined;
}

type Rows = typeof api;
/** The four job rows of each family, by role. */
interface JobRows {
  submit: Rows["submitFlowAggregatesJob"] | Rows["submitJourneyAggregatesJob"];
  get: Rows["getFlowAggregatesJob"] | Rows["getJourneyAggregatesJob"];
  results: Rows["getFlowAggregatesJobResults"] | Rows["getJourneyAggregatesJobResults"];
  delete: Rows["deleteFlowAggregatesJob"] | Rows["deleteJourneyAggregatesJob"];
}

/** Handlers of a family's job rows; each takes either family's request (they differ only in the query's dimensions). */
function jobHandlers(family: Family): {
  [K in keyof JobRows]: (call: CallOf<JobRows[K]>, ctx: VendorContext) => AnswerOf<JobRows[K]>;
} {
  return {
    submit(call, ctx) {
      const { pageSize, ...query } = call.body;
      // A query that cannot run is accepted and fails later, as an async job does.
      const error = checkAggregationQuery(query);
      const job: AnalyticsJob = {
        id: randomUUID(),
        family,
        query,
        pageSize: pageSize ?? DEFAULT_ASYNC_PAGE_SIZE,
        submittedAt: call.now,
        analyticsEnd: ctx.options.analyticsEnd,
        ...(family === "journey" && { journeyObjects: journeyObjectsOf(ctx.store) }),
        ...(family === "flow" && { orgFlows: orgFlowsOf(ctx.store) }),
        expiresAt: call.now + Math.max(ctx.options.analyticsJobTtl * 1000, ANALYTICS_JOB_TIMING.fulfilledAfterMs + 1),
        ...(error !== undefined && { error }),
      };
      jobs(ctx).put(job.id, job, call.now);
      return { status: 202, body: { jobId: job.id }, created: true };
    },
    get(call, ctx) {
      const job = jobs(ctx).get(call.params.jobId);
      return job && job.family === family
        ? { status: 200, body: jobStatus(job, call.now) }
        : jobNotFound(call.params.jobId);
    },
    results(call, ctx) {
      const job = jobs(ctx).get(call.params.jobId);
      if (!job || job.family !== family) return jobNotFound(call.params.jobId);
      const state = jobState(job, call.now);
      if (state === "EXPIRED" || state === "CANCELLED")
        return genesysError(404, "not.found", `Results of job ${job.id} are no longer available (${state})`, {
          entityId: job.id,
        });
      if (state === "FAILED") return badRequest(`Job ${job.id} failed: ${job.error}`);
      if (state !== "FULFILLED")
        return badRequest(`Job ${job.id} is ${state}; results are available once it is FULFILLED`);
      const cursor = call.query.cursor;
      const offset = cursor === undefined ? 0 : decodeCursor(job.id, cursor);
      if (offset === undefined) return badRequest(`cursor ${cursor} is not valid for job ${job.id}`);
      const all = aggregate(factsOf(family, ctx, job.analyticsEnd, job.journeyObjects, job.orgFlows), job.query);
      const next = offset + job.pageSize;
      return {
        status: 200,
        body: {
          results: all.slice(offset, next),
          ...(next < all.length && { cursor: encodeCursor(job.id, next) }),
        },
      };
    },
    delete(call, ctx) {
      const store = jobs(ctx);
      const job = store.get(call.params.jobId);
      if (!job || job.family !== family) return jobNotFound(call.params.jobId);
      const state = jobState(job, call.now);
      // A running job is cancelled (and reports CANCELLED); a finished one is removed.
      if (state === "QUEUED" || state === "PENDING") store.put(job.id, { ...job, cancelledAt: call.now }, call.now);
      else store.delete(job.id);
      return { status: 204 };
    },
  };
}

// ---------------------------------------------------------------------------------------------
// Routes

function syncAggregate(family: Family) {
  return (
    call: CallOf<Rows["queryFlowAggregates"] | Rows["queryJourneyAggregates"]>,
    ctx: VendorContext,
  ): AnswerOf<Rows["queryFlowAggregates"] | Rows["queryJourneyAggregates"]> => {
    const q = call.body;
    const problem = checkAggregationQuery(q);
    if (problem) return badRequest(problem);
    const results = aggregate(factsOf(family, ctx), q);
    // Genesys answers an aggregate query that matched nothing with an empty object.
    return { status: 200, body: results.length ? { results } : {} };
  };
}

const flowJobs = jobHandlers("flow");
const journeyJobs = jobHandlers("journey");

/** Every analytics route of the Genesys emulation, to be mounted under `/genesys/api/v2`. */
export const analyticsRoutes = routesOf(api, {
  queryFlowAggregates: syncAggregate("flow"),
  submitFlowAggregatesJob: flowJobs.submit,
  getFlowAggregatesJob: flowJobs.get,
  getFlowAggregatesJobResults: flowJobs.results,
  deleteFlowAggregatesJob: flowJobs.delete,
  queryFlowObservations: (call, ctx) => ({ status: 200, body: observeFlows(dataOf(ctx), call.body, call.now) }),
  queryFlowActivity: (call, ctx) => ({
    status: 200,
    body: flowActivity(
      dataOf(ctx),
      call.body,
      call.now,
      call.query.pageSize ?? DEFAULT_ACTIVITY_PAGE_SIZE,
      call.query.pageNumber ?? 1,
    ),
  }),
  queryJourneyAggregates: syncAggregate("journey"),
  submitJourneyAggregatesJob: journeyJobs.submit,
  getJourneyAggregatesJob: journeyJobs.get,
  getJourneyAggregatesJobResults: journeyJobs.results,
  deleteJourneyAggregatesJob: journeyJobs.delete,
});
