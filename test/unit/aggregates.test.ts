// The shared pieces of the aggregate data sources: interval forms, filters, rows, the auto rule, the job runner.

import { checkInputs } from "../../provider/dynamic/check";
import {
  type AggregateJobApi,
  AnalyticsJobError,
  chooseMode,
  filter,
  flattenRows,
  PER_INTERACTION_DIMENSIONS,
  resolveInterval,
  runAggregateJob,
  SYNC_MAX_BUCKETS,
  SYNC_MAX_DAYS,
} from "../../provider/genesys/aggregates";
import { type AggregateDataContainer, FlowAggregateQueryFilter } from "../../provider/genesys/analytics";
import type { GenesysClient } from "../../provider/genesys/client";
import { GetFlowActivityArgs } from "../../provider/genesys/flow-activity";
import { GetFlowAggregatesArgs } from "../../provider/genesys/flow-aggregates";
import { withFlowNames } from "../../provider/genesys/flow-names";
import { GetFlowObservationsArgs } from "../../provider/genesys/flow-observations";
import { aggregate, bucketEdges, matchesFilter } from "../../sandbox/vendors/genesys-analytics";
import { analyticsData, HISTORY_DAYS } from "../../sandbox/vendors/genesys-data";

const DAY = 86_400_000;
const iso = (ms: number) => new Date(ms).toISOString();
// The synthetic history pinned to end here, so the dates below hold on any day.
const END = Date.UTC(2026, 10, 1);

describe("interval arguments", () => {
  const failures = (args: Record<string, unknown>) =>
    checkInputs(GetFlowAggregatesArgs, { metrics: ["nFlow"], ...args }).map((f) => `${f.property} ${f.reason}`);

  test("an ISO interval is sent as written, offsets included", () => {
    const text = "2026-10-01T00:00:00+02:00/2026-10-08T00:00:00+02:00";
    expect(resolveInterval(text)).toBe(text);
  });

  test("{ from, to } takes Dates and ISO strings", () => {
    expect(resolveInterval({ from: new Date(END - DAY), to: "2026-11-01T00:00:00Z" })).toBe(
      `${iso(END - DAY)}/2026-11-01T00:00:00Z`,
    );
  });

  test("a trailing duration ends at `end`, or now", () => {
    expect(resolveInterval("P7D", new Date(END))).toBe(`${iso(END - 7 * DAY)}/${iso(END)}`);
    expect(resolveInterval("PT12H", iso(END))).toBe(`${iso(END - 12 * 3_600_000)}/${iso(END)}`);
    expect(resolveInterval("P1W", undefined, END)).toBe(`${iso(END - 7 * DAY)}/${iso(END)}`);
    expect(resolveInterval("P1DT1H30M", undefined, END)).toBe(`${iso(END - DAY - 5_400_000)}/${iso(END)}`);
  });

  test("a day stands for its start in UTC, as `end` and in { from, to }", () => {
    expect(resolveInterval("P7D", "2026-11-01")).toBe(`${iso(END - 7 * DAY)}/${iso(END)}`);
    expect(resolveInterval({ from: "2026-10-31", to: "2026-11-01" })).toBe(`${iso(END - DAY)}/${iso(END)}`);
    expect(failures({ interval: "P7D", end: "2026-11-01" })).toEqual([]);
    expect(failures({ interval: "P7D", end: "2026-13-01" })).toEqual([
      expect.stringMatching(/^end must be a Date, .*a day \(2026-10-01\)/),
    ]);
  });

  test("calendar parts step in UTC months, not in fixed days", () => {
    const end = Date.UTC(2026, 2, 31);
    expect(resolveInterval("P1M", new Date(end))).toBe(`${iso(Date.UTC(2026, 1, 31))}/${iso(end)}`);
    expect(resolveInterval("P1Y", new Date(end))).toBe(`${iso(Date.UTC(2025, 2, 31))}/${iso(end)}`);
  });

  test("every form passes the argument schema", () => {
    expect(failures({ interval: "P7D", end: new Date(END) })).toEqual([]);
    expect(failures({ interval: { from: new Date(END - DAY), to: iso(END) } })).toEqual([]);
    expect(failures({ interval: `${iso(END - DAY)}/${iso(END)}` })).toEqual([]);
  });

  test("bad intervals are named with the forms allowed", () => {
    expect(failures({ interval: "last week" })).toEqual([
      expect.stringMatching(/^interval must be an ISO-8601 interval.*P7D.*\{ from, to \}/),
    ]);
    expect(failures({ interval: `${iso(END)}/${iso(END - DAY)}` })).toEqual(["interval must end after it starts"]);
    expect(failures({ interval: `${iso(END - DAY)}/${iso(END)}`, end: new Date(END) })).toEqual([
      "end is only allowed with a duration interval such as P7D",
    ]);
    expect(failures({ interval: "P7D", timeZone: "Mars/Olympus" })).toEqual([
      "timeZone must be an IANA time zone such as UTC or Europe/London",
    ]);
  });
});

describe("the filter builder", () => {
  const f = filter.flow;

  test("and/or of predicates make the API's filter JSON", () => {
    expect(f.and(f.eq("flowType", "INBOUNDCALL"), f.exists("queueId"))).toEqual({
      type: "and",
      predicates: [
        { dimension: "flowType", value: "INBOUNDCALL" },
        { dimension: "queueId", operator: "exists" },
      ],
    });
    expect(f.or(f.notExists("ani"), f.range("routingPriority", { gte: 2, lt: 4 }))).toEqual({
      type: "or",
      predicates: [
        { dimension: "ani", operator: "notExists" },
        { dimension: "routingPriority", range: { gte: 2, lt: 4 } },
      ],
    });
  });

  test("a nested filter of the other type becomes a clause; of the same type, it merges", () => {
    const built = f.and(f.eq("direction", "inbound"), f.oneOf("flowId", ["a", "b", "a"]), f.and(f.exists("queueId")));
    expect(built).toEqual({
      type: "and",
      predicates: [
        { dimension: "direction", value: "inbound" },
        { dimension: "queueId", operator: "exists" },
      ],
      clauses: [
        {
          type: "or",
          predicates: [
            { dimension: "flowId", value: "a" },
            { dimension: "flowId", value: "b" },
          ],
        },
      ],
    });
    expect(FlowAggregateQueryFilter.parse(built)).toEqual(built);
    expect(f.and(f.oneOf("flowId", ["only"]))).toEqual({
      type: "and",
      predicates: [{ dimension: "flowId", value: "only" }],
    });
  });

  test("a third level is refused, as the API allows two", () => {
    const twoLevels = f.or(f.eq("ani", "x"), f.and(f.eq("dnis", "y"), f.eq("queueId", "z")));
    expect(() => f.and(twoLevels, f.eq("direction", "inbound"))).toThrow(/two levels at most/);
  });

  test("a built filter selects the same facts as the hand-written predicates say", () => {
    const data = analyticsData(1, END);
    const [a, b] = data.flows.map((x) => x.id);
    const built = f.and(f.oneOf("flowId", [a, b]), f.exists("queueId"));
    const byHand = data.flowFacts.filter(
      (x) => (x.dims.flowId === a || x.dims.flowId === b) && x.dims.queueId !== undefined,
    );
    expect(data.flowFacts.filter((x) => matchesFilter(x.dims, built))).toEqual(byHand);
    expect(byHand.length).toBeGreaterThan(0);
  });
});

describe("rows", () => {
  test("one row per group × interval × metric, the group spread in, views marked", () => {
    const results: AggregateDataContainer[] = [
      {
        group: { flowId: "f1" },
        data: [
          {
            interval: "a/b",
            metrics: [
              { metric: "nFlow", stats: { count: 3 } },
              { metric: "tFlow", stats: { count: 3, sum: 30, max: 20, min: 1, ratio: 0.5 } },
            ],
            views: [{ name: "short", stats: { count: 2 } }],
          },
        ],
      },
      { data: [{ interval: "b/c", metrics: [{ metric: "nFlow", stats: { count: 1 } }] }] },
    ];
    expect(flattenRows(results)).toEqual([
      { flowId: "f1", interval: "a/b", metric: "nFlow", count: 3 },
      { flowId: "f1", interval: "a/b", metric: "tFlow", count: 3, sum: 30, max: 20, min: 1 },
      { flowId: "f1", interval: "a/b", metric: "short", view: true, count: 2 },
      { interval: "b/c", metric: "nFlow", count: 1 },
    ]);
  });

  test("rows of a grouped, bucketed answer keep every number of it", () => {
    const interval = `${iso(END - 30 * DAY)}/${iso(END)}`;
    const results = aggregate(analyticsData(1, END).flowFacts, {
      interval,
      granularity: "P1D",
      groupBy: ["flowId", "exitReason"],
      metrics: ["nFlow", "tFlow"],
    });
    const rows = flattenRows(results);
    const cells = results.flatMap((c) => c.data.flatMap((d) => (d.metrics ?? []).map((m) => ({ c, d, m }))));
    expect(rows).toHaveLength(cells.length);
    rows.forEach((r, i) => {
      const { c, d, m } = cells[i];
      expect(r).toMatchObject({ ...c.group, interval: d.interval, metric: m.metric, count: m.stats.count });
    });
  });
});

describe("the auto rule", () => {
  const days = (n: number, extraMs = 0) => `${iso(END - n * DAY - extraMs)}/${iso(END)}`;

  test("sync up to the day threshold, async past it", () => {
    expect(chooseMode({ interval: days(SYNC_MAX_DAYS) }).mode).toBe("sync");
    expect(chooseMode({ interval: days(SYNC_MAX_DAYS, 1) })).toEqual({
      mode: "async",
      reason: expect.stringMatching(/interval/),
    });
    expect(chooseMode({ interval: days(HISTORY_DAYS) }).mode).toBe("async");
  });

  test("async past the bucket threshold, counted as the engine counts buckets", () => {
    const interval = days(21);
    const [start, end] = interval.split("/").map(Date.parse);
    const halfHours = bucketEdges(start, end, "PT30M")!.length - 1;
    expect(halfHours).toBeGreaterThan(SYNC_MAX_BUCKETS);
    expect(chooseMode({ interval, granularity: "PT30M" })).toEqual({
      mode: "async",
      reason: expect.stringMatching(/buckets/),
    });
    const hours = bucketEdges(start, end, "PT1H")!.length - 1;
    expect(hours).toBeLessThanOrEqual(SYNC_MAX_BUCKETS);
    expect(chooseMode({ interval, granularity: "PT1H" }).mode).toBe("sync");
  });

  test("async when grouping by a per-interaction dimension", () => {
    for (const d of PER_INTERACTION_DIMENSIONS)
      expect(chooseMode({ interval: days(1), groupBy: ["flowId", d] }).mode).toBe("async");
    expect(chooseMode({ interval: days(1), groupBy: ["flowId", "mediaType"] }).mode).toBe("sync");
  });
});

/** A fake job service on a fake clock: the job is FULFILLED once `readyAfterMs` have passed. */
function fakeJobs(readyAfterMs: number, opts: { fail?: string; pages?: AggregateDataContainer[][] } = {}) {
  let clock = 0;
  const calls: string[] = [];
  const pages = opts.pages ?? [[{ data: [{ interval: "a/b", metrics: [{ metric: "nFlow", stats: { count: 1 } }] }] }]];
  const api: AggregateJobApi<object> = {
    submit: async () => {
      calls.push("submit");
      return { jobId: "j1" };
    },
    status: async () => {
      calls.push("status");
      const done = clock >= readyAfterMs;
      return done && opts.fail
        ? { state: "FAILED", errorMessage: opts.fail }
        : { state: done ? "FULFILLED" : "PENDING" };
    },
    async *results() {
      for (const p of pages) {
        calls.push("results");
        yield* p;
      }
    },
    remove: async () => calls.push("delete"),
  };
  const messages: string[] = [];
  const options = {
    label: "test",
    progress: (m: string) => messages.push(m),
    now: () => clock,
    sleep: async (ms: number) => {
      clock += ms;
    },
  };
  return { api, calls, messages, options, delays: () => clock };
}

describe("the async job runner", () => {
  test("polls with growing delays, follows every page and deletes the job", async () => {
    const pages = [[{ data: [] }, { data: [] }], [{ data: [] }]];
    const fake = fakeJobs(2000, { pages });
    const out = await runAggregateJob(fake.api, {}, { ...fake.options, timeoutMs: 60_000 });
    expect(out).toEqual({ jobId: "j1", results: pages.flat() });
    // 200 + 400 + 800 + 1600 ms of waiting reach 2000 ms: five polls.
    expect(fake.calls).toEqual(["submit", ...Array(5).fill("status"), "results", "results", "delete"]);
    expect(fake.messages).toContain("test: job j1 PENDING after 0.6 s");
    expect(fake.messages).toContain("test: job j1 FULFILLED after 3.0 s");
  });

  test("a job that outlives timeoutMs fails clearly and is deleted", async () => {
    const fake = fakeJobs(10_000);
    const err: AnalyticsJobError = await runAggregateJob(fake.api, {}, { ...fake.options, timeoutMs: 1000 }).catch(
      (e) => e,
    );
    expect(err).toBeInstanceOf(AnalyticsJobError);
    expect(err).toMatchObject({ code: "timeout", jobId: "j1", state: "PENDING", deleted: true });
    expect(err.message).toMatch(/job j1 did not finish within timeoutMs 1000 \(state PENDING/);
    expect(fake.delays()).toBe(1000);
    expect(fake.calls.at(-1)).toBe("delete");
    expect(fake.calls).not.toContain("results");
  });

  test("a FAILED job reports its error message and is deleted", async () => {
    const fake = fakeJobs(0, { fail: "interval too long" });
    await expect(runAggregateJob(fake.api, {}, { ...fake.options, timeoutMs: 1000 })).rejects.toMatchObject({
      code: "failed",
      message: "test: job j1 ended FAILED: interval too long",
      deleted: true,
    });
    expect(fake.calls).toEqual(["submit", "status", "delete"]);
  });

  test("a delete that fails is reported, not thrown over the result", async () => {
    const fake = fakeJobs(0);
    fake.api.remove = async () => {
      throw Object.assign(new Error("boom"), { code: "server" });
    };
    await expect(runAggregateJob(fake.api, {}, { ...fake.options, timeoutMs: 1000 })).resolves.toMatchObject({
      jobId: "j1",
    });
    expect(fake.messages.at(-1)).toMatch(/could not be deleted \(boom\)/);
  });
});

describe("names in flow rows", () => {
  const failures = (schema: Parameters<typeof checkInputs>[0], args: Record<string, unknown>) =>
    checkInputs(schema, args).map((f) => `${f.property} ${f.reason}`);
  const aggregates = { interval: "P7D", metrics: ["nFlow"] };
  const observations = { filter: { type: "or", predicates: [{ dimension: "mediaType", value: "voice" }] } };

  test("resolveNames is an optional boolean, true by default, on each flow analytics data source", () => {
    expect(GetFlowAggregatesArgs.parse(aggregates).resolveNames).toBe(true);
    expect(GetFlowObservationsArgs.parse(observations).resolveNames).toBe(true);
    expect(GetFlowActivityArgs.parse({}).resolveNames).toBe(true);
    expect(GetFlowActivityArgs.parse({ resolveNames: false }).resolveNames).toBe(false);
    expect(failures(GetFlowAggregatesArgs, { ...aggregates, resolveNames: false })).toEqual([]);
  });

  test("a resolveNames that is not a boolean, or a misspelt one, is named", () => {
    expect(failures(GetFlowAggregatesArgs, { ...aggregates, resolveNames: "yes" })).toEqual([
      expect.stringMatching(/^resolveNames must be boolean/),
    ]);
    expect(failures(GetFlowObservationsArgs, { ...observations, resolveNames: 1 })).toEqual([
      expect.stringMatching(/^resolveNames must be boolean/),
    ]);
    expect(failures(GetFlowActivityArgs, { resolveName: false })).toEqual([
      expect.stringMatching(/^resolveName is not a known property; allowed: .*resolveNames/),
    ]);
  });

  /** A client whose three listings answer from `known`, recording each request's kind and ids. */
  function fakeClient(known: Record<string, Record<string, string>>) {
    const calls: { route: string; id: string[]; pageSize?: number }[] = [];
    const client = {
      call: async (route: string, { query }: { query: { id: string[]; pageSize?: number } }) => {
        calls.push({ route, id: query.id, pageSize: query.pageSize });
        const names = known[route] ?? {};
        return { entities: query.id.filter((id) => id in names).map((id) => ({ id, name: names[id] })) };
      },
    } as unknown as GenesysClient;
    return { client, calls };
  }
  const known = {
    listFlows: { f1: "Main IVR", f2: "Billing IVR" },
    listFlowOutcomes: { o1: "Identified", o2: "Paid" },
    listFlowMilestones: { m1: "Menu reached" },
  };

  test("each id gets its name right after it, with one lookup per kind for the whole result", async () => {
    const { client, calls } = fakeClient(known);
    const rows = [
      { flowId: "f1", flowOutcomeId: "o1", interval: "i", metric: "nFlowOutcome", count: 2 },
      { flowId: "f1", flowOutcomeId: "o2", interval: "i", metric: "nFlowOutcome", count: 1 },
      { flowId: "f2", flowMilestoneId: "m1", interval: "i", metric: "nFlowMilestone", count: 4 },
    ];
    const named = await withFlowNames(rows, client);
    expect(named).toEqual([
      {
        flowId: "f1",
        flowName: "Main IVR",
        flowOutcomeId: "o1",
        flowOutcomeName: "Identified",
        interval: "i",
        metric: "nFlowOutcome",
        count: 2,
      },
      {
        flowId: "f1",
        flowName: "Main IVR",
        flowOutcomeId: "o2",
        flowOutcomeName: "Paid",
        interval: "i",
        metric: "nFlowOutcome",
        count: 1,
      },
      {
        flowId: "f2",
        flowName: "Billing IVR",
        flowMilestoneId: "m1",
        flowMilestoneName: "Menu reached",
        interval: "i",
        metric: "nFlowMilestone",
        count: 4,
      },
    ]);
    expect(Object.keys(named[0])).toEqual([
      "flowId",
      "flowName",
      "flowOutcomeId",
      "flowOutcomeName",
      "interval",
      "metric",
      "count",
    ]);
    expect(calls).toEqual([
      { route: "listFlows", id: ["f1", "f2"], pageSize: 100 },
      { route: "listFlowOutcomes", id: ["o1", "o2"], pageSize: 100 },
      { route: "listFlowMilestones", id: ["m1"], pageSize: 100 },
    ]);
  });

  test("more than 100 ids are listed 100 at a time", async () => {
    const many = Array.from({ length: 250 }, (_, i) => `f${i}`);
    const { client, calls } = fakeClient({ listFlows: Object.fromEntries(many.map((id) => [id, `Flow ${id}`])) });
    const named = await withFlowNames(
      many.map((flowId) => ({ flowId, metric: "nFlow" })),
      client,
    );
    expect(calls.map((c) => c.id.length)).toEqual([100, 100, 50]);
    expect(named.every((r) => r.flowName === `Flow ${r.flowId}`)).toBe(true);
  });

  test("an id the org no longer has stays without a name; a kind no row names is not looked up", async () => {
    const { client, calls } = fakeClient(known);
    const named = await withFlowNames(
      [
        { flowId: "gone", metric: "nFlow" },
        { flowId: "f1", metric: "nFlow" },
      ],
      client,
    );
    expect(named).toEqual([
      { flowId: "gone", metric: "nFlow" },
      { flowId: "f1", flowName: "Main IVR", metric: "nFlow" },
    ]);
    expect(calls.map((c) => c.route)).toEqual(["listFlows"]);
    const none = fakeClient(known);
    const plain = [{ mediaType: "voice", metric: "oFlow" }];
    expect(await withFlowNames(plain, none.client)).toBe(plain);
    expect(none.calls).toEqual([]);
  });

  test("a flowName the group already has is kept and not looked up", async () => {
    const { client, calls } = fakeClient(known);
    const rows = [{ flowId: "f1", flowName: "Main IVR (then)", metric: "nFlow" }];
    expect(await withFlowNames(rows, client)).toEqual(rows);
    expect(calls).toEqual([]);
  });

  test("a flattened group value of several ids gets their names joined the same way, or none if one is unknown", async () => {
    const { client, calls } = fakeClient(known);
    const named = await withFlowNames(
      [
        { flowOutcomeId: "o1,o2", metric: "nFlow" },
        { flowOutcomeId: "o2,gone", metric: "nFlow" },
      ],
      client,
    );
    expect(named).toEqual([
      { flowOutcomeId: "o1,o2", flowOutcomeName: "Identified,Paid", metric: "nFlow" },
      { flowOutcomeId: "o2,gone", metric: "nFlow" },
    ]);
    expect(calls).toEqual([{ route: "listFlowOutcomes", id: ["o1", "o2", "gone"], pageSize: 100 }]);
  });
});
