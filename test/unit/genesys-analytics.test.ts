// The Genesys analytics engine of the sandbox, as pure functions over the synthetic data set.
import type { AggregateDataContainer, FlowAggregationQuery } from "../../provider/genesys/analytics";
import { FlowAggregationQuery as FlowQuerySchema, JourneyAggregationQuery } from "../../provider/genesys/analytics";
import {
  ANALYTICS_JOB_TIMING,
  type AnalyticsJob,
  aggregate,
  bucketEdges,
  checkAggregationQuery,
  flowActivity,
  jobState,
  observeFlows,
} from "../../sandbox/vendors/genesys-analytics";
import {
  analyticsData,
  EXECUTION_COUNT,
  generateAnalyticsData,
  HISTORY_DAYS,
  JOURNEY_SESSION_COUNT,
} from "../../sandbox/vendors/genesys-data";

const DAY = 86_400_000;
// The synthetic history pinned to end here, so the dates below hold on any day.
const END = Date.UTC(2026, 10, 1);
const data = analyticsData(1, END);
const ALL = `${new Date(END - HISTORY_DAYS * DAY).toISOString()}/${new Date(END).toISOString()}`;
const flowQuery = (q: Partial<FlowAggregationQuery>): FlowAggregationQuery => ({
  interval: ALL,
  metrics: ["nFlow"],
  ...q,
});
const flows = (q: Partial<FlowAggregationQuery>) => aggregate(data.flowFacts, flowQuery(q));

/** Sum of one stats member of one metric over every group and bucket. */
function total(results: AggregateDataContainer[], metric: string, member: "count" | "sum" = "count"): number {
  let n = 0;
  for (const r of results)
    for (const d of r.data) for (const m of d.metrics ?? []) if (m.metric === metric) n += m.stats[member] ?? 0;
  return n;
}

describe("the synthetic analytics data set", () => {
  test("is the same for the same seed and end day, and different for another seed", () => {
    const a = JSON.stringify(generateAnalyticsData(5, END));
    expect(JSON.stringify(generateAnalyticsData(5, END))).toBe(a);
    expect(JSON.stringify(generateAnalyticsData(6, END))).not.toBe(a);
  });

  test("another end day shifts the same history by as many days", () => {
    const later = generateAnalyticsData(1, END + 3 * DAY);
    const shift = <T extends { startTime: number }>(xs: T[]) =>
      xs.map((x) => ({ ...x, startTime: x.startTime + 3 * DAY }));
    expect(later.end).toBe(END + 3 * DAY);
    expect(later.flows).toEqual(data.flows);
    expect(later.executions).toEqual(shift(data.executions));
    expect(later.journeySessions).toEqual(shift(data.journeySessions));
    expect(later.flowFacts.map((f) => f.at)).toEqual(data.flowFacts.map((f) => f.at + 3 * DAY));
  });

  test("covers at least 90 days of flow executions ending before its end day", () => {
    const times = data.executions.map((e) => e.startTime);
    expect(Math.max(...times)).toBeLessThan(END);
    expect(Math.min(...times)).toBeGreaterThanOrEqual(END - HISTORY_DAYS * DAY);
    expect(Math.max(...times) - Math.min(...times)).toBeGreaterThan(90 * DAY);
    expect(data.executions).toHaveLength(EXECUTION_COUNT);
  });

  test("has flows of several types and media", () => {
    const types = new Set<string>(data.flows.map((f) => f.type));
    for (const t of ["INBOUNDCALL", "INBOUNDCHAT", "BOT"]) expect(types.has(t)).toBe(true);
    expect(new Set(data.flows.map((f) => f.mediaType)).size).toBeGreaterThanOrEqual(3);
  });
});

describe("flow aggregates", () => {
  test("count every execution over the whole history", () => {
    expect(total(flows({}), "nFlow")).toBe(EXECUTION_COUNT);
  });

  test("give the same totals whether grouped by flow or not", () => {
    const metrics: FlowAggregationQuery["metrics"] = ["nFlow", "tFlow", "nFlowOutcome", "nFlowMilestone"];
    const whole = flows({ metrics });
    const grouped = flows({ metrics, groupBy: ["flowId"] });
    expect(grouped.length).toBe(new Set(data.executions.map((e) => e.flowId)).size);
    for (const m of metrics) expect(total(grouped, m)).toBe(total(whole, m));
    expect(total(grouped, "tFlow", "sum")).toBe(total(whole, "tFlow", "sum"));
  });

  test("group on several levels, each group naming every dimension", () => {
    const r = flows({ groupBy: ["flowType", "mediaType"] });
    for (const c of r) expect(Object.keys(c.group ?? {}).sort()).toEqual(["flowType", "mediaType"]);
    expect(total(r, "nFlow")).toBe(EXECUTION_COUNT);
  });

  test("split a day into hours and a history into days without losing anything", () => {
    const day = "2026-10-12T00:00:00.000Z/2026-10-13T00:00:00.000Z";
    const metrics: FlowAggregationQuery["metrics"] = ["nFlow", "tFlow"];
    const whole = flows({ interval: day, metrics });
    const hourly = flows({ interval: day, metrics, granularity: "PT1H" });
    expect(hourly[0].data.length).toBeGreaterThan(1);
    expect(total(hourly, "nFlow")).toBe(total(whole, "nFlow"));
    expect(total(hourly, "tFlow", "sum")).toBe(total(whole, "tFlow", "sum"));
    expect(total(flows({ granularity: "P1D" }), "nFlow")).toBe(EXECUTION_COUNT);
  });

  test("report durations as sum, count, max and min, and counts as count alone", () => {
    const [c] = flows({ metrics: ["nFlow", "tFlow"] });
    const [n, t] = c.data[0].metrics!;
    expect(Object.keys(n.stats)).toEqual(["count"]);
    expect(t.stats.count).toBe(n.stats.count);
    expect(t.stats.min!).toBeLessThanOrEqual(t.stats.max!);
    expect(t.stats.sum! / t.stats.count!).toBeGreaterThanOrEqual(t.stats.min!);
  });

  test("split tFlow into exits and disconnects", () => {
    const r = flows({ metrics: ["tFlow", "tFlowExit", "tFlowDisconnect"] });
    expect(total(r, "tFlowExit") + total(r, "tFlowDisconnect")).toBe(total(r, "tFlow"));
  });

  test("filter with matches, or-clauses, exists and notExists", () => {
    const voice = data.flows.filter((f) => f.mediaType === "voice").map((f) => f.id);
    const expected = data.executions.filter((e) => voice.includes(e.flowId)).length;
    const only = (q: Partial<FlowAggregationQuery>) => total(flows(q), "nFlow");
    expect(only({ filter: { type: "and", predicates: [{ dimension: "mediaType", value: "voice" }] } })).toBe(expected);
    const chat = only({ filter: { type: "and", predicates: [{ dimension: "mediaType", value: "chat" }] } });
    expect(
      only({
        filter: {
          type: "and",
          clauses: [
            {
              type: "or",
              predicates: [
                { dimension: "mediaType", value: "voice" },
                { dimension: "mediaType", value: "chat" },
              ],
            },
          ],
        },
      }),
    ).toBe(expected + chat);
    const exists = only({ filter: { type: "and", predicates: [{ dimension: "queueId", operator: "exists" }] } });
    const missing = only({ filter: { type: "and", predicates: [{ dimension: "queueId", operator: "notExists" }] } });
    expect(exists).toBe(data.executions.filter((e) => e.exitReason === "TRANSFER").length);
    expect(exists + missing).toBe(EXECUTION_COUNT);
  });

  test("filter numeric dimensions with a range", () => {
    const low = total(
      flows({ filter: { type: "and", predicates: [{ dimension: "flowVersion", range: { lt: 6 } }] } }),
      "nFlow",
    );
    const high = total(
      flows({ filter: { type: "and", predicates: [{ dimension: "flowVersion", range: { gte: 6 } }] } }),
      "nFlow",
    );
    expect(low + high).toBe(EXECUTION_COUNT);
  });

  test("count outcomes once per outcome group, and executions once when multi-valued groups are flattened", () => {
    const outcomes = flows({ metrics: ["nFlowOutcome"] });
    expect(total(flows({ metrics: ["nFlowOutcome"], groupBy: ["flowOutcomeId"] }), "nFlowOutcome")).toBe(
      total(outcomes, "nFlowOutcome"),
    );
    const flat = flows({ groupBy: ["flowOutcomeId"], flattenMultivaluedDimensions: true });
    expect(total(flat, "nFlow")).toBe(EXECUTION_COUNT);
    expect(flat.some((c) => c.group?.flowOutcomeId?.includes(","))).toBe(true);
    expect(flat.some((c) => c.group?.flowOutcomeId === undefined)).toBe(true);
  });

  test("count failed outcomes as a part of all outcomes", () => {
    const r = flows({ metrics: ["nFlowOutcome", "nFlowOutcomeFailed"] });
    const failed = flows({
      metrics: ["nFlowOutcome"],
      filter: { type: "and", predicates: [{ dimension: "flowOutcomeValue", value: "FAILURE" }] },
    });
    expect(total(r, "nFlowOutcomeFailed")).toBe(total(failed, "nFlowOutcome"));
    expect(total(r, "nFlowOutcomeFailed")).toBeLessThan(total(r, "nFlowOutcome"));
  });

  test("count rangeBound views that partition a metric", () => {
    const [c] = flows({
      metrics: ["tFlow"],
      views: [
        { target: "tFlow", name: "short", function: "rangeBound", range: { lt: 60_000 } },
        { target: "tFlow", name: "long", function: "rangeBound", range: { gte: 60_000 } },
      ],
    });
    const views = c.data[0].views!;
    expect(views.map((v) => v.name)).toEqual(["short", "long"]);
    expect(views[0].stats.count! + views[1].stats.count!).toBe(c.data[0].metrics![0].stats.count);
  });

  test("bucket by the event's own time on request: an execution counts in the hour it ends", () => {
    const day = Date.parse("2026-10-12T00:00:00Z");
    const interval = `${new Date(day).toISOString()}/${new Date(day + DAY).toISOString()}`;
    const perHour = (r: AggregateDataContainer[]) =>
      Object.fromEntries(r[0].data.map((d) => [Date.parse(d.interval.split("/")[0]), d.metrics![0].stats.count]));
    const expected: Record<number, number> = {};
    for (const e of data.executions) {
      const end = e.startTime + e.durationMs;
      if (end >= day && end < day + DAY) {
        const hour = end - (end % 3_600_000);
        expected[hour] = (expected[hour] ?? 0) + 1;
      }
    }
    const byEnd = perHour(flows({ interval, granularity: "PT1H", alternateTimeDimension: "eventTime" }));
    expect(byEnd).toEqual(expected);
    expect(perHour(flows({ interval, granularity: "PT1H" }))).not.toEqual(byEnd);
  });

  test("refuse intervals that end before they start or run too long, unknown zones and too many buckets", () => {
    expect(checkAggregationQuery(flowQuery({ interval: "2026-10-02T00:00:00Z/2026-10-01T00:00:00Z" }))).toMatch(
      /end must be after/,
    );
    expect(checkAggregationQuery(flowQuery({ interval: "2024-01-01T00:00:00Z/2026-01-01T00:00:00Z" }))).toMatch(
      /longer than/,
    );
    expect(checkAggregationQuery(flowQuery({ timeZone: "Mars/Olympus" }))).toMatch(/time zone/);
    expect(checkAggregationQuery(flowQuery({ granularity: "PT1M" }))).toMatch(/buckets/);
    expect(checkAggregationQuery(flowQuery({ granularity: "P1D" }))).toBeUndefined();
  });

  test("the query schema takes a current metric and refuses a retired one", () => {
    expect(FlowQuerySchema.safeParse(flowQuery({})).success).toBe(true);
    expect(FlowQuerySchema.safeParse({ interval: ALL, metrics: ["tFlowAcdExit"] }).success).toBe(false);
    expect(FlowQuerySchema.safeParse({ interval: "yesterday", metrics: ["nFlow"] }).success).toBe(false);
  });
});

describe("time buckets", () => {
  test("P1D in Europe/London starts at local midnight and lasts 25 hours on the day clocks go back", () => {
    const start = Date.parse("2026-10-23T23:00:00Z"); // midnight BST
    const end = Date.parse("2026-10-28T00:00:00Z"); // midnight GMT
    const edges = bucketEdges(start, end, "P1D", "Europe/London")!;
    expect(edges.map((e) => new Date(e).toISOString())).toEqual([
      "2026-10-23T23:00:00.000Z",
      "2026-10-24T23:00:00.000Z",
      "2026-10-26T00:00:00.000Z",
      "2026-10-27T00:00:00.000Z",
      "2026-10-28T00:00:00.000Z",
    ]);
  });

  test("fixed durations ignore the zone and the last bucket stops at the interval end", () => {
    const start = Date.parse("2026-10-25T00:00:00Z");
    const edges = bucketEdges(start, start + 150 * 60_000, "PT1H", "Europe/London")!;
    expect(edges.map((e) => (e - start) / 60_000)).toEqual([0, 60, 120, 150]);
  });
});

describe("journey aggregates", () => {
  const ALL_J = ALL;
  test("count every session, and the same again summed over device categories", () => {
    const q = { interval: ALL_J, metrics: ["nJourneySessions" as const] };
    expect(total(aggregate(data.journeyFacts, q), "nJourneySessions")).toBe(JOURNEY_SESSION_COUNT);
    const grouped = aggregate(data.journeyFacts, { ...q, groupBy: ["journeyDeviceCategory"] });
    expect(grouped.length).toBeGreaterThan(1);
    expect(total(grouped, "nJourneySessions")).toBe(JOURNEY_SESSION_COUNT);
  });

  test("offered web actions are the sum of their results", () => {
    const r = aggregate(data.journeyFacts, {
      interval: ALL_J,
      metrics: [
        "nWebActionsOffered",
        "nWebActionsAccepted",
        "nWebActionsRejected",
        "nWebActionsIgnored",
        "nWebActionsTimedout",
        "nWebActionsErrored",
      ],
    });
    const parts = ["Accepted", "Rejected", "Ignored", "Timedout", "Errored"].reduce(
      (n, x) => n + total(r, `nWebActions${x}`),
      0,
    );
    expect(parts).toBe(total(r, "nWebActionsOffered"));
  });

  test("outcome values come with sum, count, max and min", () => {
    const [c] = aggregate(data.journeyFacts, { interval: ALL_J, metrics: ["oJourneyOutcomeValue"] });
    expect(c.data[0].metrics![0].stats).toEqual({
      count: expect.any(Number),
      sum: expect.any(Number),
      max: expect.any(Number),
      min: expect.any(Number),
    });
  });

  test("the schema accepts journey dimensions it does not know yet", () => {
    expect(
      JourneyAggregationQuery.safeParse({
        interval: ALL_J,
        metrics: ["nJourneySessions"],
        groupBy: ["lessThanCondition"],
      }).success,
    ).toBe(true);
  });
});

describe("flows in flight", () => {
  const now = Date.parse("2026-11-23T12:00:00Z");

  test("observations count per value the filter names, with details oldest first", () => {
    const voice = data.inFlight.filter((x) => data.flows.find((f) => f.id === x.flowId)!.mediaType === "voice");
    const r = observeFlows(
      data,
      {
        filter: {
          type: "or",
          predicates: [
            { dimension: "mediaType", value: "voice" },
            { dimension: "mediaType", value: "video" },
          ],
        },
        metrics: ["oFlow"],
        detailMetrics: ["oFlow"],
      },
      now,
    );
    expect(r.results.map((x) => x.group)).toEqual([{ mediaType: "voice" }, { mediaType: "video" }]);
    expect(r.results[0].data[0].stats.count).toBe(voice.length);
    expect(r.results[1].data[0].stats.count).toBe(0);
    const dates = r.results[0].data[0].observations!.map((o) => Date.parse(o.observationDate));
    expect(dates).toEqual([...dates].sort((a, b) => a - b));
    expect(Math.max(...dates)).toBeLessThan(now);
  });

  test("activity pages its entities while the counts stay whole", () => {
    const q = { metrics: [{ metric: "oFlow" as const, details: true }], groupBy: ["flowType" as const] };
    const seen: string[] = [];
    for (let page = 1; page <= 5; page++)
      for (const r of flowActivity(data, q, now, 5, page).results ?? [])
        for (const e of r.entities ?? []) seen.push(e.conversationId!);
    expect(new Set(seen).size).toBe(data.inFlight.length);
    const counts = (flowActivity(data, q, now, 5, 1).results ?? []).reduce((n, r) => n + r.data[0].count, 0);
    expect(counts).toBe(data.inFlight.length);
  });
});

describe("async job states", () => {
  const job: AnalyticsJob = {
    id: "j",
    family: "flow",
    query: flowQuery({}),
    pageSize: 10,
    submittedAt: 1_000,
    expiresAt: 10_000,
  };
  test("go QUEUED, PENDING, FULFILLED, then EXPIRED as time passes", () => {
    expect(jobState(job, 1_000)).toBe("QUEUED");
    expect(jobState(job, 1_000 + ANALYTICS_JOB_TIMING.pendingAfterMs)).toBe("PENDING");
    expect(jobState(job, 1_000 + ANALYTICS_JOB_TIMING.fulfilledAfterMs)).toBe("FULFILLED");
    expect(jobState(job, 10_000)).toBe("EXPIRED");
  });
  test("end FAILED when the query cannot run, and CANCELLED once cancelled", () => {
    expect(jobState({ ...job, error: "bad" }, 5_000)).toBe("FAILED");
    expect(jobState({ ...job, cancelledAt: 1_050 }, 5_000)).toBe("CANCELLED");
  });
});
