// What the flow and journey aggregate data sources share: interval forms, the filter builder,
// the sync/async choice, the async job runner and the flattened `rows` view of the results.
import { z } from "zod";
import type { FunctionContext } from "../function";
import { type Duration, isTimeZone, parseIsoDuration } from "../time";
import {
  type AggregateDataContainer,
  type AsyncQueryState,
  type AsyncQueryStatus,
  type FlowActivityDimension,
  type FlowPredicateDimension,
  Granularity,
  Interval,
  type JourneyDimension,
  MAX_ASYNC_PAGE_SIZE,
  type NumericRange,
} from "./analytics";

const DAY = 86_400_000;

// ---------------------------------------------------------------------------------------------
// Intervals

/** An instant written in ISO-8601 with an explicit offset, e.g. `2026-10-01T00:00:00Z`. */
export const IsoInstant = z
  .string()
  .regex(
    /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})$/,
    "must be an ISO-8601 date-time with an offset, e.g. 2026-10-01T00:00:00Z",
  )
  .refine((s) => !Number.isNaN(Date.parse(s)), "must be a real date-time");

/** A calendar day `YYYY-MM-DD`, meaning its start in UTC. */
export const IsoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/)
  .refine((s) => !Number.isNaN(Date.parse(s)), "must be a real date");

/**
 * A Date, an ISO-8601 date-time with an offset, or a day `YYYY-MM-DD` (its start in UTC). In the
 * `…Output` forms use strings: `pulumi.output` turns a Date into `{}`.
 */
export const InstantArg = z.union([z.date(), IsoInstant, IsoDate], {
  error: "must be a Date, an ISO-8601 date-time with an offset (e.g. 2026-10-01T00:00:00Z) or a day (2026-10-01)",
});
export type InstantArg = Date | string;

/**
 * The time range of an aggregate query, in one of three forms:
 * - an ISO-8601 interval `start/end`, e.g. `2026-10-01T00:00:00Z/2026-10-08T00:00:00Z` (sent as written);
 * - `{ from, to }`, each a Date or an ISO-8601 date-time;
 * - a trailing ISO-8601 duration such as `P7D`, `PT12H` or `P1M`, ending now or at the `end` argument.
 *   Calendar parts (years, months, weeks, days) count back in UTC.
 */
export type IntervalArg = string | { from: InstantArg; to: InstantArg };

/** Schema of {@link IntervalArg}. */
export const IntervalArg = z.union([Interval, Granularity, z.strictObject({ from: InstantArg, to: InstantArg })], {
  error:
    "must be an ISO-8601 interval start/end, a trailing ISO-8601 duration such as P7D or PT12H, or { from, to } (days such as 2026-11-01, ISO date-times or Dates)",
});

const isDuration = (v: unknown): v is string => typeof v === "string" && v.startsWith("P");
const instantMs = (v: InstantArg) => (v instanceof Date ? v.getTime() : Date.parse(v));
// A day is sent as the instant it starts; date-times are sent as written.
const instantText = (v: InstantArg) =>
  v instanceof Date ? v.toISOString() : IsoDate.safeParse(v).success ? new Date(v).toISOString() : v;

/** An ISO-8601 duration as calendar parts (UTC) plus a fixed part in ms. */
function durationParts(text: string): Duration {
  const d = parseIsoDuration(text);
  if (!d) throw new Error(`not an ISO-8601 duration: ${text}`);
  return d;
}

/** `ms` moved back by an ISO-8601 duration; calendar parts step in UTC. */
export function subtractDuration(ms: number, text: string): number {
  const d = durationParts(text);
  const t = new Date(ms - d.ms);
  t.setUTCFullYear(t.getUTCFullYear() - d.years, t.getUTCMonth() - d.months, t.getUTCDate() - d.days);
  return t.getTime();
}

/** The ISO-8601 `start/end` text of an interval argument; durations end at `end`, or at `now`. */
export function resolveInterval(interval: IntervalArg, end?: InstantArg, now: number = Date.now()): string {
  if (typeof interval === "object") return `${instantText(interval.from)}/${instantText(interval.to)}`;
  if (!isDuration(interval)) return interval;
  const stop = end === undefined ? now : instantMs(end);
  return `${new Date(subtractDuration(stop, interval)).toISOString()}/${new Date(stop).toISOString()}`;
}

/** Start and end (ms) of a resolved `start/end` interval. */
export function intervalBounds(interval: string): { start: number; end: number } {
  const [a, b] = interval.split("/");
  return { start: Date.parse(a), end: Date.parse(b) };
}

/** Checks shared by both aggregate argument schemas: `end` only with a duration, ranges forwards. */
export function refineIntervalArgs(a: { interval: IntervalArg; end?: InstantArg }, ctx: z.RefinementCtx) {
  if (a.end !== undefined && !isDuration(a.interval))
    ctx.addIssue({ code: "custom", path: ["end"], message: "is only allowed with a duration interval such as P7D" });
  if (isDuration(a.interval)) return;
  const { start, end } = intervalBounds(resolveInterval(a.interval));
  if (Number.isNaN(start) || Number.isNaN(end)) return;
  if (end <= start) ctx.addIssue({ code: "custom", path: ["interval"], message: "must end after it starts" });
}

/** An IANA time zone name, checked against the runtime's zone database. */
export const TimeZoneArg = z
  .string()
  .refine(isTimeZone, "must be an IANA time zone such as UTC or Europe/London")
  .optional();

// ---------------------------------------------------------------------------------------------
// Filters

/** One condition of an analytics filter (the API's `…QueryPredicate`). */
export interface Predicate<D extends string = string> {
  /** `dimension`, the only kind the builders make; the API infers it when absent. */
  type?: "dimension";
  /** The dimension tested. */
  dimension: D;
  /** `matches` (the API default when absent) compares `value` or `range`. */
  operator?: "matches" | "exists" | "notExists";
  /** The value the dimension must have (with `matches`). */
  value?: string;
  /** Numeric bounds the dimension's value must lie in (with `matches`). */
  range?: NumericRange;
}
/** Predicates combined by `type` (the API's `…QueryClause`). */
export interface Clause<D extends string = string> {
  /** `and`: every predicate holds; `or`: any does. */
  type: "and" | "or";
  /** The predicates combined. */
  predicates: Predicate<D>[];
}
/** An analytics filter: predicates and clauses combined by `type`. At most two levels deep (API limit). */
export interface Filter<D extends string = string> {
  /** `and`: every predicate and clause holds; `or`: any does. */
  type: "and" | "or";
  /** Single conditions. */
  predicates?: Predicate<D>[];
  /** Groups of conditions, each combined by its own `type`. */
  clauses?: Clause<D>[];
}

/** The filter functions of one dimension set. */
export interface FilterBuilder<D extends string> {
  /** The dimension equals `value` (a multi-valued dimension: any of its values). */
  eq(dimension: D, value: string): Predicate<D>;
  /** The dimension equals one of `values`. */
  oneOf(dimension: D, values: readonly string[]): Filter<D>;
  /** The dimension has a value. */
  exists(dimension: D): Predicate<D>;
  /** The dimension has no value. */
  notExists(dimension: D): Predicate<D>;
  /** The dimension's numeric value lies in `range` (`gt`, `gte`, `lt`, `lte`). */
  range(dimension: D, range: NumericRange): Predicate<D>;
  /** Every part holds. Nested filters of the same type merge; others become clauses. */
  and(...parts: (Predicate<D> | Filter<D>)[]): Filter<D>;
  /** Any part holds. Nested filters of the same type merge; others become clauses. */
  or(...parts: (Predicate<D> | Filter<D>)[]): Filter<D>;
}

const isPredicate = <D extends string>(p: Predicate<D> | Filter<D>): p is Predicate<D> => "dimension" in p;

/** `type` over `parts`; throws when the result would nest deeper than the API's two levels. */
function combine<D extends string>(type: "and" | "or", parts: (Predicate<D> | Filter<D>)[]): Filter<D> {
  const predicates: Predicate<D>[] = [];
  const clauses: Clause<D>[] = [];
  for (const part of parts) {
    if (isPredicate(part)) predicates.push(part);
    else if (part.type === type) {
      predicates.push(...(part.predicates ?? []));
      clauses.push(...(part.clauses ?? []));
    } else if ((part.clauses ?? []).length > 0) {
      throw new Error(`filter: an "${part.type}" with clauses cannot sit inside an "${type}" (two levels at most)`);
    } else if ((part.predicates ?? []).length === 1) predicates.push(part.predicates![0]);
    else if ((part.predicates ?? []).length > 1) clauses.push({ type: part.type, predicates: part.predicates! });
  }
  return { type, ...(predicates.length > 0 && { predicates }), ...(clauses.length > 0 && { clauses }) };
}

/** The filter functions, typed on the dimensions `D` accepts. */
export function filterBuilder<D extends string>(): FilterBuilder<D> {
  return {
    eq: (dimension, value) => ({ dimension, value }),
    oneOf: (dimension, values) =>
      combine(
        "or",
        [...new Set(values)].map((value) => ({ dimension, value })),
      ),
    exists: (dimension) => ({ dimension, operator: "exists" }),
    notExists: (dimension) => ({ dimension, operator: "notExists" }),
    range: (dimension, range) => ({ dimension, range }),
    and: (...parts) => combine("and", parts),
    or: (...parts) => combine("or", parts),
  };
}

// ---------------------------------------------------------------------------------------------
// Sync or async

/** How an aggregate query runs: `auto` picks with {@link chooseMode}. */
export const AggregateMode = z.enum(["auto", "sync", "async"]);
export type AggregateMode = z.infer<typeof AggregateMode>;

/** `auto` runs async past this interval length (days). */
export const SYNC_MAX_DAYS = 31;
/** `auto` runs async past this many time buckets per group. */
export const SYNC_MAX_BUCKETS = 1000;
/** Dimensions with one value per interaction: grouping by them makes as many groups as there is traffic. */
export const PER_INTERACTION_DIMENSIONS: readonly string[] = [
  "addressFrom",
  "addressTo",
  "ani",
  "conversationId",
  "dnis",
  "externalContactId",
  "journeyActionId",
  "journeyCustomerSessionId",
  "journeySessionId",
  "outboundContactId",
  "peerId",
  "roomId",
  "sessionId",
  "touchpointConversationId",
];

/** Nominal length (ms) of an ISO-8601 duration, for estimates only (a month counts 30.44 days). */
function nominalMs(text: string): number {
  const d = durationParts(text);
  return d.years * 365.2425 * DAY + d.months * 30.436875 * DAY + d.days * DAY + d.ms;
}

/** About how many time buckets a query makes (exact for fixed-length granularities). */
export function estimateBuckets(interval: string, granularity?: string): number {
  if (!granularity) return 1;
  const { start, end } = intervalBounds(interval);
  return Math.ceil((end - start) / nominalMs(granularity));
}

/**
 * The rule of `mode: "auto"`. The synchronous endpoint answers in one body with no paging, so a
 * large answer is at risk of being refused or cut by the service, while an async job pages its
 * groups (`pageSize`) and has no such risk. `auto` therefore runs async when any of these holds:
 * - the interval is longer than {@link SYNC_MAX_DAYS} (31) days;
 * - the granularity makes more than {@link SYNC_MAX_BUCKETS} (1000) buckets;
 * - `groupBy` names a dimension with one value per interaction ({@link PER_INTERACTION_DIMENSIONS}),
 *   whose group count grows with traffic.
 *
 * Otherwise it runs sync, which is one request instead of at least four. Queries the service
 * refuses outright (the sandbox: intervals over 366 days, over 10,000 buckets) fail in both modes.
 */
export function chooseMode(q: { interval: string; granularity?: string; groupBy?: readonly string[] }): {
  mode: "sync" | "async";
  reason: string;
} {
  const { start, end } = intervalBounds(q.interval);
  const days = (end - start) / DAY;
  if (days > SYNC_MAX_DAYS) return { mode: "async", reason: `interval of ${round(days)} days > ${SYNC_MAX_DAYS}` };
  const buckets = estimateBuckets(q.interval, q.granularity);
  if (buckets > SYNC_MAX_BUCKETS)
    return { mode: "async", reason: `${buckets} buckets of ${q.granularity} > ${SYNC_MAX_BUCKETS}` };
  const perInteraction = (q.groupBy ?? []).find((d) => PER_INTERACTION_DIMENSIONS.includes(d));
  if (perInteraction) return { mode: "async", reason: `groupBy ${perInteraction} makes a group per interaction` };
  return { mode: "sync", reason: `interval of ${round(days)} days in ${buckets} bucket(s)` };
}

const round = (n: number) => Math.round(n * 100) / 100;

// ---------------------------------------------------------------------------------------------
// Async jobs

/** The four calls of one aggregate job family. */
export interface AggregateJobApi<B> {
  submit(body: B): Promise<{ jobId: string }>;
  status(jobId: string): Promise<AsyncQueryStatus>;
  results(jobId: string): AsyncIterable<AggregateDataContainer>;
  remove(jobId: string): Promise<unknown>;
}

/** Why an async aggregate job gave no results. */
export class AnalyticsJobError extends Error {
  /** Whether the job was deleted (cancelled) on the service before this error was thrown. */
  deleted = false;
  /**
   * Made by the aggregate data sources; catch it to tell a slow or failed job from other errors.
   * @param message What happened, naming the data source and the job.
   * @param code `timeout`: not FULFILLED within `timeoutMs`; `failed`/`cancelled`/`expired`: the job's end state.
   * @param jobId The job's id on the service.
   * @param state The job's last known state; absent when the service reported none.
   * @param elapsedMs Milliseconds from just before the submit to this error.
   */
  constructor(
    message: string,
    /** `timeout`: not FULFILLED within `timeoutMs`; `failed`/`cancelled`/`expired`: the job's end state. */
    readonly code: "timeout" | "failed" | "cancelled" | "expired",
    /** The job's id on the service. */
    readonly jobId: string,
    /** The job's last known state. */
    readonly state: AsyncQueryState | undefined,
    /** Milliseconds from just before the submit to this error. */
    readonly elapsedMs: number,
  ) {
    super(message);
    this.name = "AnalyticsJobError";
  }
}

/** How {@link runAggregateJob} waits. */
export interface JobOptions {
  /** Names the data source in messages, e.g. `genesys.getFlowAggregates`. */
  label: string;
  /** Whole-job budget in ms (submit, wait and results), checked between requests. */
  timeoutMs: number;
  progress: FunctionContext["progress"];
  /** First poll delay in ms; doubles up to {@link MAX_POLL_DELAY_MS}. */
  firstDelayMs?: number;
  now?: () => number;
  sleep?: (ms: number) => Promise<void>;
}

/** Longest wait between two polls of a job. */
export const MAX_POLL_DELAY_MS = 5000;

const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
const wait = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

/**
 * Submits an aggregate job, polls it with doubling delays until FULFILLED, follows the results'
 * cursors to the end and deletes the job, on success and on every failure (a running job is
 * cancelled by the delete). Throws {@link AnalyticsJobError} on FAILED/CANCELLED/EXPIRED or when
 * `timeoutMs` runs out.
 */
export async function runAggregateJob<B>(
  api: AggregateJobApi<B>,
  body: B,
  o: JobOptions,
): Promise<{ jobId: string; results: AggregateDataContainer[] }> {
  const now = o.now ?? Date.now;
  const sleep = o.sleep ?? wait;
  const started = now();
  const elapsed = () => now() - started;
  const { jobId } = await api.submit(body);
  o.progress(`${o.label}: job ${jobId} submitted`);
  let state: AsyncQueryState | undefined;
  const overdue = () =>
    elapsed() >= o.timeoutMs
      ? new AnalyticsJobError(
          `${o.label}: job ${jobId} did not finish within timeoutMs ${o.timeoutMs} (state ${state ?? "unknown"} after ${seconds(elapsed())})`,
          "timeout",
          jobId,
          state,
          elapsed(),
        )
      : undefined;
  try {
    for (let delay = o.firstDelayMs ?? 200; ; delay = Math.min(delay * 2, MAX_POLL_DELAY_MS)) {
      const status = await api.status(jobId);
      state = status.state;
      o.progress(`${o.label}: job ${jobId} ${state ?? "(no state)"} after ${seconds(elapsed())}`);
      if (state === "FULFILLED") break;
      if (state === "FAILED" || state === "CANCELLED" || state === "EXPIRED") {
        const why = status.errorMessage ? `: ${status.errorMessage}` : "";
        throw new AnalyticsJobError(
          `${o.label}: job ${jobId} ended ${state}${why}`,
          state.toLowerCase() as "failed" | "cancelled" | "expired",
          jobId,
          state,
          elapsed(),
        );
      }
      const late = overdue();
      if (late) throw late;
      await sleep(Math.min(delay, o.timeoutMs - elapsed()));
    }
    const results: AggregateDataContainer[] = [];
    for await (const container of api.results(jobId)) {
      results.push(container);
      const late = overdue();
      if (late) throw late;
    }
    o.progress(`${o.label}: job ${jobId} gave ${results.length} group(s) in ${seconds(elapsed())}`);
    await removeJob(api, jobId, o);
    return { jobId, results };
  } catch (err) {
    const deleted = await removeJob(api, jobId, o);
    if (err instanceof AnalyticsJobError) err.deleted = deleted;
    throw err;
  }
}

/** Deletes a job; a failure is reported, not thrown (the job expires on its own). */
async function removeJob<B>(api: AggregateJobApi<B>, jobId: string, o: JobOptions): Promise<boolean> {
  try {
    await api.remove(jobId);
    return true;
  } catch (err) {
    if ((err as { code?: string }).code === "not_found") return true;
    o.progress(`${o.label}: job ${jobId} could not be deleted (${(err as Error).message}); it expires on its own`);
    return false;
  }
}

// ---------------------------------------------------------------------------------------------
// Results

/**
 * One number set of one group, time bucket and metric: the group's dimension values spread in,
 * then `interval`, `metric` and the statistics the metric has (counts: `count`; durations and
 * values: `count`, `sum`, `max`, `min`). A view's row carries its name as `metric` and `view: true`.
 * `D` names the dimensions a row may carry (`FlowAggregatesResult["rows"]` has the flow ones,
 * plus the names `getFlowAggregates` resolves: `flowName`, `flowOutcomeName`, `flowMilestoneName`).
 */
export type AggregateRow<D extends string = never> = { [K in D]?: string } & {
  interval: string;
  metric: string;
  view?: true;
  count?: number;
  sum?: number;
  max?: number;
  min?: number;
};

const STAT_KEYS = ["count", "sum", "max", "min"] as const;

function pickStats(stats: Record<string, unknown>) {
  const out: { count?: number; sum?: number; max?: number; min?: number } = {};
  for (const k of STAT_KEYS) if (typeof stats[k] === "number") out[k] = stats[k] as number;
  return out;
}

/** One row per group × interval × metric (then × view), in the order of `results`. */
export function flattenRows<D extends string = never>(results: readonly AggregateDataContainer[]): AggregateRow<D>[] {
  const rows: AggregateRow<D>[] = [];
  for (const c of results)
    for (const d of c.data) {
      for (const m of d.metrics ?? [])
        rows.push({ ...c.group, interval: d.interval, metric: m.metric, ...pickStats(m.stats) } as AggregateRow<D>);
      for (const v of d.views ?? [])
        rows.push({
          ...c.group,
          interval: d.interval,
          metric: v.name,
          view: true,
          ...pickStats(v.stats),
        } as AggregateRow<D>);
    }
  return rows;
}

/** What an aggregate data source returns. */
export interface AggregatesResult<D extends string = never> {
  /** The `start/end` interval the query ran over (durations resolved). */
  interval: string;
  /** How the query ran. */
  mode: "sync" | "async";
  /** Why `auto` chose {@link mode} (absent when the mode was given). */
  modeReason?: string;
  /** The async job's id (deleted by the time you read it). */
  jobId?: string;
  /**
   * The API's shape: one container per group, each with its time buckets and metrics. As in the
   * Genesys API, time buckets with no data are absent: fill missing days yourself for charts.
   */
  results: AggregateDataContainer[];
  /**
   * {@link results} flattened: one row per group × interval × metric. Time buckets with no data
   * have no rows, as in the Genesys API: fill missing days yourself for charts.
   */
  rows: AggregateRow<D>[];
}

/** Arguments every aggregate data source takes besides its dimension-typed ones. */
export const commonAggregateArgs = {
  /** See {@link IntervalArg}. */
  interval: IntervalArg,
  /** End of a duration `interval` (default: now); set it for reproducible results. */
  end: InstantArg.optional(),
  /** Bucket size as an ISO-8601 duration (`PT30M`, `PT1H`, `P1D`, `P7D`); the whole interval when absent. */
  granularity: Granularity.optional(),
  /** IANA time zone of bucket edges (default UTC). */
  timeZone: TimeZoneArg,
  /** Join a multi-valued dimension's values into one comma-separated group value. */
  flattenMultivaluedDimensions: z.boolean().optional(),
  /** Bucket by the event's own time instead of the start of the flow or session. */
  alternateTimeDimension: z.enum(["eventTime"]).optional(),
  /** `auto` (default) follows {@link chooseMode}; `sync` and `async` force one endpoint. */
  mode: AggregateMode.default("auto"),
  /** Budget of an async job in ms (default 10 minutes); the job is deleted when it runs out. */
  timeoutMs: z.number().int().positive().default(600_000),
  /** Result groups per async page (1–1000; the service's default when absent). */
  pageSize: z.number().int().min(1).max(MAX_ASYNC_PAGE_SIZE).optional(),
};

/** The parsed arguments {@link runAggregates} reads. */
export interface ParsedAggregateArgs {
  interval: IntervalArg;
  end?: InstantArg;
  granularity?: string;
  timeZone?: string;
  groupBy?: string[];
  filter?: unknown;
  metrics: string[];
  views?: unknown[];
  flattenMultivaluedDimensions?: boolean;
  alternateTimeDimension?: "eventTime";
  mode: AggregateMode;
  timeoutMs: number;
  pageSize?: number;
}

/** One aggregate family's sync query and job calls. */
export interface AggregateFamily<B> {
  query(body: B): Promise<{ results?: AggregateDataContainer[] }>;
  jobs: AggregateJobApi<B & { pageSize?: number }>;
}

/** Runs an aggregate query sync or async as asked (or as {@link chooseMode} says) and shapes the answer. */
export async function runAggregates<B, D extends string>(
  label: string,
  a: ParsedAggregateArgs,
  family: AggregateFamily<B>,
  ctx: FunctionContext,
): Promise<AggregatesResult<D>> {
  const interval = resolveInterval(a.interval, a.end);
  const { mode: _m, timeoutMs, pageSize, end: _e, ...rest } = a;
  const body = { ...rest, interval } as B;
  const chosen = a.mode === "auto" ? chooseMode({ ...a, interval }) : undefined;
  const mode = chosen?.mode ?? (a.mode as "sync" | "async");
  if (chosen) ctx.progress(`${label}: ${mode} (${chosen.reason})`);
  let results: AggregateDataContainer[];
  let jobId: string | undefined;
  if (mode === "sync") results = (await family.query(body)).results ?? [];
  else {
    const job = { ...body, ...(pageSize !== undefined && { pageSize }) };
    ({ jobId, results } = await runAggregateJob(family.jobs, job, { label, timeoutMs, progress: ctx.progress }));
  }
  return {
    interval,
    mode,
    ...(chosen && { modeReason: chosen.reason }),
    ...(jobId !== undefined && { jobId }),
    results,
    rows: flattenRows<D>(results),
  };
}

// ---------------------------------------------------------------------------------------------
// The builders users import

type FlowPredicateDimensionName = z.infer<typeof FlowPredicateDimension>;

/**
 * Filter builders typed on each query's dimensions, producing the API's filter JSON, e.g.
 * `const f = genesys.filter.flow; f.and(f.eq("flowType", "INBOUNDCALL"), f.oneOf("flowId", ids))`.
 */
export const filter = {
  /** Flow aggregates (`getFlowAggregates`). */
  flow: filterBuilder<FlowPredicateDimensionName>(),
  /** Journey aggregates (`getJourneyAggregates`); any identifier is accepted as a dimension. */
  journey: filterBuilder<JourneyDimension>(),
  /** Flow activity (`getFlowActivity`); the activity API has no numeric ranges. */
  activity: filterBuilder<FlowActivityDimension>() as Omit<FilterBuilder<FlowActivityDimension>, "range">,
  /** Flow observations (`getFlowObservations`): each value named becomes a result group. */
  observation: filterBuilder<"flowId" | "mediaType">() as Omit<FilterBuilder<"flowId" | "mediaType">, "range">,
};
