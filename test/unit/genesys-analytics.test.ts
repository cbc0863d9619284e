// The Genesys analytics engine of the sandbox, as pure functions over the synthetic data set.
import type { AggregateDataContainer, FlowAggregationQuery } from "../../provider/genesys/analytics";
import {
  FlowAggregationQuery as FlowQuerySchema,
  JourneyAggregationQuery,
  type JourneyMetric,
} from "../../provider/genesys/analytics";
import {
  ANALYTICS_JOB_TIMING,
  type AnalyticsJob,
  aggregate,
  bucketEdges,
  checkAggregationQuery,
  flowActivity,
  jobState,
  journeyObjectsOf,
  observeFlows,
  orgFlowsOf,
} from "../../sandbox/vendors/genesys-analytics";
import {
  analyticsData,
  EXECUTION_COUNT,
  flowFacts,
  generateAnalyticsData,
  HISTORY_DAYS,
  JOURNEY_OBJECT_RATES,
  JOURNEY_SESSION_COUNT,
  type JourneyObjects,
  journeyFacts,
  ORG_FLOW_EXECUTION_COUNT,
  type OrgFlow,
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

describe("the org's own flows", () => {
  // Two of the three outcomes the first synthetic flow reaches.
  const [o1, o2] = data.flows[0].outcomes.map((o) => o.id);
  const m1 = data.flows[0].milestones[0].id;
  const own: OrgFlow = {
    id: "0b7c3c3e-8d0e-4f43-9d57-2f3f1f6a0c01",
    name: "Claims IVR",
    type: "INBOUNDCALL",
    version: "3.0",
    outcomeIds: [o1, o2],
    milestoneIds: [m1],
  };
  const withOwn = (...org: OrgFlow[]) =>
    aggregate(flowFacts(data, org), flowQuery({ groupBy: ["flowId"], metrics: ["nFlow", "tFlow"] }));
  const byFlow = (r: AggregateDataContainer[], id: string) => r.filter((c) => c.group?.flowId === id);

  test("leave the synthetic figures as they are, whatever org flows there are", () => {
    expect(flowFacts(data, [])).toBe(data.flowFacts);
    // The seeded org's flows are the synthetic ones: they add nothing.
    const seeded = data.flows.map((f) => ({ ...own, id: f.id, name: f.name }));
    expect(flowFacts(data, seeded)).toBe(data.flowFacts);
    const before = flows({ groupBy: ["flowId"], metrics: ["nFlow", "tFlow", "nFlowOutcome"] });
    const after = aggregate(
      flowFacts(data, [own]),
      flowQuery({ groupBy: ["flowId"], metrics: ["nFlow", "tFlow", "nFlowOutcome"] }),
    );
    expect(after.filter((c) => c.group?.flowId !== own.id)).toEqual(before);
  });

  test("give a flow published through the API a fixed number of executions over the history", () => {
    const facts = flowFacts(data, [own]).filter((f) => f.dims.flowId === own.id && f.values.nFlow);
    expect(facts).toHaveLength(ORG_FLOW_EXECUTION_COUNT);
    const times = facts.map((f) => f.at);
    expect(Math.min(...times)).toBeGreaterThanOrEqual(END - HISTORY_DAYS * DAY);
    expect(Math.max(...times)).toBeLessThan(END);
    expect(Math.max(...times) - Math.min(...times)).toBeGreaterThan(60 * DAY);
    expect(facts[0].dims).toMatchObject({
      flowName: "Claims IVR",
      flowType: "INBOUNDCALL",
      flowVersion: "3.0",
      mediaType: "voice",
    });
  });

  test("reach only the outcomes and milestones its published content refers to", () => {
    const r = aggregate(
      flowFacts(data, [own]),
      flowQuery({
        metrics: ["nFlowOutcome", "nFlowMilestone"],
        filter: { type: "and", predicates: [{ dimension: "flowId", value: own.id }] },
      }),
    );
    const outcomes = aggregate(
      flowFacts(data, [own]),
      flowQuery({
        metrics: ["nFlowOutcome"],
        groupBy: ["flowOutcomeId"],
        filter: { type: "and", predicates: [{ dimension: "flowId", value: own.id }] },
      }),
    );
    expect(outcomes.map((c) => c.group?.flowOutcomeId).sort()).toEqual([o1, o2].sort());
    expect(total(r, "nFlowMilestone")).toBeGreaterThan(0);
  });

  test("are drawn from the seed and the flow's type and name: the same on every call and id, other names and seeds differ", () => {
    const a = byFlow(withOwn(own), own.id);
    expect(byFlow(withOwn({ ...own }), own.id)).toEqual(a);
    // The same flow published into another sandbox gets another id, and the same figures.
    const again = { ...own, id: "5d1e0c55-3a52-4a0e-8c1b-7d0b8c5e2a11" };
    expect(byFlow(withOwn(again), again.id)[0].data).toEqual(a[0].data);
    const other = { ...own, id: "0b7c3c3e-8d0e-4f43-9d57-2f3f1f6a0c02", name: `${own.name} (other)` };
    expect(byFlow(withOwn(own, other), own.id)).toEqual(a);
    expect(byFlow(withOwn(other), other.id)[0].data).not.toEqual(a[0].data);
    const elsewhere = aggregate(
      flowFacts(analyticsData(2, END), [own]),
      flowQuery({ groupBy: ["flowId"], metrics: ["nFlow", "tFlow"] }),
    );
    expect(byFlow(elsewhere, own.id)[0].data).not.toEqual(a[0].data);
  });

  test("take their media from the flow's type; a common module never runs on its own", () => {
    const chat = { ...own, type: "INBOUNDCHAT" };
    const chatFacts = flowFacts(data, [chat]).filter((f) => f.dims.flowId === own.id);
    expect(new Set(chatFacts.map((f) => f.dims.mediaType))).toEqual(new Set(["chat"]));
    expect(chatFacts.some((f) => f.dims.ani !== undefined)).toBe(false);
    const moduleFacts = flowFacts(data, [{ ...own, type: "COMMONMODULE" }]);
    expect(moduleFacts.filter((f) => f.dims.flowId === own.id)).toEqual([]);
  });

  test("are read from the store's flows and their published content, deleted flows included", () => {
    const kinds: Record<string, Record<string, object>> = {
      flows: {
        a: { id: "a", name: "A", type: "INBOUNDCALL" },
        b: { id: "b", name: "B", type: "BOT", deleted: true },
        c: { id: "c", name: "C (never published)", type: "INBOUNDCALL" },
      },
      flowcontent: {
        a: { yaml: "inboundCall: {}", version: "2.0", outcomeIds: ["o"], milestoneIds: [] },
        b: { yaml: "bot: {}", version: "1.0", outcomeIds: [], milestoneIds: ["m"] },
      },
    };
    const store = {
      collection: <T>(vendor: string, kind: string) => ({
        list: () => Object.values(vendor === "genesys" ? (kinds[kind] ?? {}) : {}) as T[],
        get: (id: string) => (vendor === "genesys" ? kinds[kind]?.[id] : undefined) as T | undefined,
      }),
    };
    expect(orgFlowsOf(store)).toEqual([
      { id: "a", name: "A", type: "INBOUNDCALL", version: "2.0", outcomeIds: ["o"], milestoneIds: [] },
      { id: "b", name: "B", type: "BOT", version: "1.0", outcomeIds: [], milestoneIds: ["m"] },
    ]);
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
  // The org's objects as the store would hold them; ids are arbitrary, names key the figures.
  const ORG: JourneyObjects = {
    segments: [
      { id: "seg-1", displayName: "Returning visitor", isActive: true },
      { id: "seg-2", displayName: "Cart abandoner", isActive: true },
    ],
    outcomes: [
      { id: "out-1", displayName: "Purchase", isActive: true },
      { id: "out-2", displayName: "Newsletter sign-up", isActive: true },
    ],
    actionMaps: [
      {
        id: "map-1",
        displayName: "Offer chat on checkout",
        isActive: true,
        action: { mediaType: "webchat", actionTargetId: "target-1" },
      },
      {
        id: "map-2",
        displayName: "Show discount",
        action: { mediaType: "contentOffer", actionTemplate: { id: "template-1" } },
      },
    ],
  };
  const NONE: JourneyObjects = { segments: [], outcomes: [], actionMaps: [] };
  const journeys = (q: Partial<JourneyAggregationQuery>, objects = ORG, d = data) =>
    aggregate(journeyFacts(d, objects), { interval: ALL_J, metrics: ["nJourneySessions"], ...q });
  /** Counts of `metric` per value of `dimension`. */
  const perGroup = (results: AggregateDataContainer[], dimension: string, metric: string) =>
    Object.fromEntries(
      results.map((c) => [c.group?.[dimension], total([c], metric)]).filter(([, n]) => (n as number) > 0),
    );

  test("count every session, and the same again summed over device categories", () => {
    const q = { metrics: ["nJourneySessions" as const] };
    expect(total(journeys(q), "nJourneySessions")).toBe(JOURNEY_SESSION_COUNT);
    const grouped = journeys({ ...q, groupBy: ["journeyDeviceCategory"] });
    expect(grouped.length).toBeGreaterThan(1);
    expect(total(grouped, "nJourneySessions")).toBe(JOURNEY_SESSION_COUNT);
  });

  test("sessions are the same whatever objects the org has", () => {
    const q = { groupBy: ["journeyDeviceCategory", "journeyIpGeolocationCountry"] };
    expect(journeys(q)).toEqual(journeys(q, NONE));
  });

  test("an org without segments, outcomes or action maps has no rows for them", () => {
    const r = journeys(
      {
        metrics: ["nJourneySegmentsAssigned", "nJourneyOutcomesAchieved", "nWebActionsOffered"],
        groupBy: ["journeyOutcomeId"],
      },
      NONE,
    );
    expect(r).toEqual([]);
  });

  test("grouped by an object's id dimension, the rows are exactly the org's objects", () => {
    const ids = (dimension: string, metric: JourneyMetric) =>
      Object.keys(perGroup(journeys({ metrics: [metric], groupBy: [dimension] }), dimension, metric));
    expect(ids("journeySegmentId", "nJourneySegmentsAssigned")).toEqual(["seg-1", "seg-2"]);
    expect(ids("journeyOutcomeId", "nJourneyOutcomesAchieved")).toEqual(["out-1", "out-2"]);
    expect(ids("journeyActionMapId", "nWebActionsOffered")).toEqual(["map-1", "map-2"]);
    expect(ids("journeyActionMapId", "nDistinctJourneyActions")).toEqual(["map-1", "map-2"]);
  });

  test("each object takes part in a plausible share of the sessions", () => {
    const share = (metric: JourneyMetric, dimension: string) =>
      Object.values(perGroup(journeys({ metrics: [metric], groupBy: [dimension] }), dimension, metric)).map(
        (n) => (n as number) / JOURNEY_SESSION_COUNT,
      );
    const near = (rate: number) => expect.closeTo(rate, 1);
    for (const s of share("nJourneySegmentsAssigned", "journeySegmentId"))
      expect(s).toEqual(near(JOURNEY_OBJECT_RATES.segments));
    for (const s of share("nJourneyOutcomesAchieved", "journeyOutcomeId"))
      expect(s).toEqual(near(JOURNEY_OBJECT_RATES.outcomes));
    for (const s of share("nWebActionsOffered", "journeyActionMapId"))
      expect(s).toEqual(near(JOURNEY_OBJECT_RATES.actionmaps));
  });

  test("an object's figures follow its name, not its id, and another name gets other figures", () => {
    const figures = (objects: JourneyObjects, d = data) =>
      journeys(
        {
          metrics: ["nJourneyOutcomesAchieved", "oJourneyOutcomeValue"],
          granularity: "P7D",
          groupBy: ["journeyOutcomeId"],
        },
        objects,
        d,
      ).map((c) => c.data);
    const purchase = { ...NONE, outcomes: [{ id: "a", displayName: "Purchase" }] };
    const same = figures(purchase);
    expect(figures({ ...NONE, outcomes: [{ id: "b", displayName: "Purchase" }] })).toEqual(same);
    expect(figures(purchase, generateAnalyticsData(1, END))).toEqual(same);
    expect(figures({ ...NONE, outcomes: [{ id: "a", displayName: "Purchases" }] })).not.toEqual(same);
    expect(figures(purchase, generateAnalyticsData(2, END))).not.toEqual(same);
  });

  test("an object's figures do not depend on the other objects of the org", () => {
    const alone = { ...NONE, outcomes: [ORG.outcomes[1]] };
    const q = { metrics: ["nJourneyOutcomesAchieved" as const], groupBy: ["journeyOutcomeId"] };
    const of = (r: AggregateDataContainer[]) => r.filter((c) => c.group?.journeyOutcomeId === "out-2");
    expect(of(journeys(q))).toEqual(of(journeys(q, alone)));
  });

  test("an inactive object gets no facts", () => {
    const off = { ...ORG, outcomes: [{ ...ORG.outcomes[0], isActive: false }, ORG.outcomes[1]] };
    const r = journeys({ metrics: ["nJourneyOutcomesAchieved"], groupBy: ["journeyOutcomeId"] }, off);
    expect(Object.keys(perGroup(r, "journeyOutcomeId", "nJourneyOutcomesAchieved"))).toEqual(["out-2"]);
  });

  test("a filter on an object's id keeps that object's figures", () => {
    const q = { metrics: ["nJourneySegmentsAssigned" as const], groupBy: ["journeySegmentId"] };
    const only = journeys({
      metrics: q.metrics,
      filter: { type: "and", predicates: [{ dimension: "journeySegmentId", value: "seg-2" }] },
    });
    expect(total(only, "nJourneySegmentsAssigned")).toBe(
      perGroup(journeys(q), "journeySegmentId", "nJourneySegmentsAssigned")["seg-2"],
    );
  });

  test("a session lists the org's segments it was assigned", () => {
    const assigned = perGroup(
      journeys({ metrics: ["nJourneySegmentsAssigned"], groupBy: ["journeySegmentId"] }),
      "journeySegmentId",
      "nJourneySegmentsAssigned",
    );
    const sessions = perGroup(
      journeys({ groupBy: ["journeySessionSegmentId"] }),
      "journeySessionSegmentId",
      "nJourneySessions",
    );
    const unassigned = journeys({
      filter: { type: "and", predicates: [{ dimension: "journeySessionSegmentId", operator: "notExists" }] },
    });
    // Sessions assigned no segment form the group without the dimension.
    expect(sessions).toEqual({ ...assigned, undefined: total(unassigned, "nJourneySessions") });
    expect(total(unassigned, "nJourneySessions")).toBeGreaterThan(0);
  });

  test("web actions carry their map's target, media type and template", () => {
    const r = journeys({
      metrics: ["nWebActionsOffered"],
      groupBy: ["journeyActionMapId", "journeyActionTargetId", "journeyActionMediaType", "journeyActionTemplateId"],
    });
    expect(r.map((c) => c.group)).toEqual([
      { journeyActionMapId: "map-1", journeyActionTargetId: "target-1", journeyActionMediaType: "webchat" },
      { journeyActionMapId: "map-2", journeyActionMediaType: "contentOffer", journeyActionTemplateId: "template-1" },
    ]);
  });

  test("offered web actions are the sum of their results", () => {
    const r = journeys({
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
    expect(total(r, "nWebActionsOffered")).toBeGreaterThan(0);
    expect(parts).toBe(total(r, "nWebActionsOffered"));
  });

  test("outcome values come with sum, count, max and min", () => {
    const [c] = journeys({ metrics: ["oJourneyOutcomeValue"] });
    const stats = c.data[0].metrics![0].stats;
    expect(stats).toEqual({
      count: total(journeys({ metrics: ["nJourneyOutcomesAchieved"] }), "nJourneyOutcomesAchieved"),
      sum: expect.any(Number),
      max: expect.any(Number),
      min: expect.any(Number),
    });
    expect(stats.min!).toBeGreaterThan(0);
  });

  test("the org's objects are read from the store's segments, outcomes and action maps", () => {
    const kinds: Record<string, object[]> = {
      segments: [{ id: "s", displayName: "S", isActive: true, color: "#008000" }],
      outcomes: [{ id: "o", displayName: "O", isActive: false, isPositive: true }],
      actionmaps: [{ id: "m", displayName: "M", action: { mediaType: "webchat", actionTargetId: "t" }, weight: 3 }],
    };
    const store = {
      collection: <T>(vendor: string, kind: string) => ({
        list: () => (vendor === "genesys" ? kinds[kind] : []) as T[],
      }),
    };
    expect(journeyObjectsOf(store)).toEqual({
      segments: [{ id: "s", displayName: "S", isActive: true }],
      outcomes: [{ id: "o", displayName: "O", isActive: false }],
      actionMaps: [{ id: "m", displayName: "M", action: { mediaType: "webchat", actionTargetId: "t" } }],
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
