// The Genesys analytics data sources against the sandbox, each figure checked against another
// query or the sandbox's own data set rather than a number written here.
import { config, genesys } from "../../provider";
import { FunctionArgsError } from "../../provider/function";
import { ANALYTICS_JOB_TIMING } from "../../sandbox/vendors/genesys-analytics";
import { analyticsData, IN_FLIGHT_COUNT } from "../../sandbox/vendors/genesys-data";
import { sandboxConfig, useSandbox } from "./helpers";

// The synthetic history pinned to end here, so the figures below hold on any day.
const END = new Date(Date.UTC(2026, 10, 1));
const data = () => analyticsData(1, END.getTime());
const sandbox = useSandbox(
  { analyticsEnd: END, rateLimits: { genesys: { limit: 10_000, periodSeconds: 60 } } },
  { env: true },
);

const client = () => genesys.genesysClient(config.resolveGenesys(sandboxConfig(sandbox.url), {}));
const f = genesys.filter.flow;
type Row = { metric: string; count?: number; sum?: number; [k: string]: unknown };
const total = (rows: Row[], metric: string, member: "count" | "sum" = "count") =>
  rows.filter((r) => r.metric === metric).reduce((n, r) => n + (r[member] ?? 0), 0);

describe("genesys.getFlowAggregates", () => {
  const query = {
    interval: "P30D",
    end: END,
    groupBy: ["flowId" as const],
    metrics: ["nFlow" as const, "tFlow" as const],
  };

  test("an async job pages to the same results as the sync query, and is deleted afterwards", async () => {
    const sync = await genesys.getFlowAggregates({ ...query, mode: "sync" });
    const async = await genesys.getFlowAggregates({ ...query, mode: "async", pageSize: 2 });
    expect(sync).toMatchObject({ mode: "sync", interval: async.interval });
    expect(async.mode).toBe("async");
    expect(sync.results.length).toBeGreaterThan(2);
    expect(async.results).toEqual(sync.results);
    expect(async.rows).toEqual(sync.rows);
    expect(total(async.rows, "nFlow")).toBeGreaterThan(0);
    await expect(client().getFlowAggregatesJob(async.jobId!)).rejects.toMatchObject({ code: "not_found" });
  });

  test("daily buckets add up to the whole interval, grouped or not", async () => {
    const whole = await genesys.getFlowAggregates({ interval: "P30D", end: END, metrics: ["nFlow", "tFlow"] });
    const daily = await genesys.getFlowAggregates({ ...query, granularity: "P1D" });
    expect(new Set(daily.rows.map((r) => r.interval)).size).toBe(30);
    expect(whole.rows.map((r) => r.interval)).toEqual([whole.interval, whole.interval]);
    expect(total(daily.rows, "nFlow")).toBe(total(whole.rows, "nFlow"));
    expect(total(daily.rows, "tFlow", "sum")).toBe(total(whole.rows, "tFlow", "sum"));
    // Independently: the executions the data set started in the interval.
    const [start, end] = whole.interval.split("/").map(Date.parse);
    const started = data().executions.filter((e) => e.startTime >= start && e.startTime < end);
    expect(total(whole.rows, "nFlow")).toBe(started.length);
  });

  test("a filter counts exactly what the matching groups of the unfiltered query hold", async () => {
    const grouped = await genesys.getFlowAggregates(query);
    const count = (id: string) =>
      total(
        grouped.rows.filter((r) => r.flowId === id),
        "nFlow",
      );
    const [a, b] = grouped.rows.filter((r) => r.metric === "nFlow").map((r) => r.flowId!);
    const one = await genesys.getFlowAggregates({ ...query, groupBy: [], filter: f.and(f.eq("flowId", a)) });
    expect(total(one.rows, "nFlow")).toBe(count(a));
    const two = await genesys.getFlowAggregates({ ...query, groupBy: [], filter: f.oneOf("flowId", [a, b]) });
    expect(total(two.rows, "nFlow")).toBe(count(a) + count(b));
    // Executions with a queue are the ones a queueId grouping can place.
    const byQueue = await genesys.getFlowAggregates({ ...query, groupBy: ["queueId"] });
    const queued = await genesys.getFlowAggregates({ ...query, groupBy: [], filter: f.and(f.exists("queueId")) });
    expect(total(queued.rows, "nFlow")).toBe(
      total(
        byQueue.rows.filter((r) => r.queueId),
        "nFlow",
      ),
    );
    expect(total(queued.rows, "nFlow")).toBeLessThan(total(grouped.rows, "nFlow"));
  });

  test("auto runs a long interval as an async job and a short one synchronously, with the same numbers", async () => {
    const long = await genesys.getFlowAggregates({ interval: "P120D", end: END, metrics: ["nFlow"] });
    expect(long).toMatchObject({ mode: "async", modeReason: expect.stringMatching(/120 days > 31/) });
    expect(total(long.rows, "nFlow")).toBe(data().executions.length);
    const short = await genesys.getFlowAggregates({ interval: "P7D", end: END, metrics: ["nFlow"] });
    const forced = await genesys.getFlowAggregates({ interval: "P7D", end: END, metrics: ["nFlow"], mode: "async" });
    expect(short.mode).toBe("sync");
    expect(forced.rows).toEqual(short.rows);
  });

  test("a job that does not finish within timeoutMs fails clearly and is cancelled", async () => {
    const saved = { ...ANALYTICS_JOB_TIMING };
    Object.assign(ANALYTICS_JOB_TIMING, { pendingAfterMs: 60_000, fulfilledAfterMs: 120_000 });
    try {
      const err = await genesys.getFlowAggregates({ ...query, mode: "async", timeoutMs: 300 }).catch((e) => e);
      expect(err).toBeInstanceOf(genesys.AnalyticsJobError);
      expect(err).toMatchObject({ code: "timeout", state: "QUEUED", deleted: true });
      expect(err.message).toMatch(/genesys.getFlowAggregates: job .* did not finish within timeoutMs 300/);
      expect(await client().getFlowAggregatesJob(err.jobId)).toMatchObject({ state: "CANCELLED" });
    } finally {
      Object.assign(ANALYTICS_JOB_TIMING, saved);
    }
  });

  test("bad arguments fail before any request, naming the property and what is allowed", async () => {
    const before = sandbox.stats().total;
    const bad = (args: unknown) => genesys.getFlowAggregates(args as any);
    await expect(bad({ ...query, metrics: ["nFlows"] })).rejects.toThrow(FunctionArgsError);
    await expect(bad({ ...query, metrics: ["nFlows"] })).rejects.toThrow(/metrics\[0\] must be one of "nFlow", /);
    await expect(bad({ ...query, mode: "fast" })).rejects.toThrow(/mode must be one of "auto", "sync", "async"/);
    await expect(bad({ ...query, groupBy: ["flowID"] })).rejects.toThrow(/groupBy\[0\] must be one of .*"flowId"/);
    await expect(bad({ ...query, groupby: ["flowId"] })).rejects.toThrow(
      /groupby is not a known property; allowed: interval, end,/,
    );
    await expect(bad({ ...query, interval: "yesterday" })).rejects.toThrow(/interval must be an ISO-8601 interval/);
    await expect(bad({ ...query, pageSize: 0 })).rejects.toThrow(/pageSize must be at least 1/);
    expect(sandbox.stats().total).toBe(before);
  });

  test("the Output form resolves to the same answer and can be made secret", async () => {
    // Dates do not survive pulumi.output (they become {}), so the Output form takes ISO strings.
    const from = new Date(END.getTime() - 30 * 86_400_000).toISOString();
    const out = genesys.getFlowAggregatesOutput({
      ...query,
      end: undefined,
      interval: { from, to: END.toISOString() },
      secret: true,
    });
    const value = await (out as any).promise();
    expect(await (out as any).isSecret).toBe(true);
    expect(value.rows).toEqual((await genesys.getFlowAggregates(query)).rows);
  });
});

describe("genesys.getJourneyAggregates", () => {
  test("sync and async give the same results", async () => {
    // Outcome figures come from the org's own outcomes.
    await client().call("createOutcome", { body: { displayName: "Purchase" } });
    const query = {
      interval: "P120D",
      end: END,
      groupBy: ["journeySessionType"],
      metrics: ["nJourneySessions" as const, "nWebActionsOffered" as const, "oJourneyOutcomeValue" as const],
    };
    const sync = await genesys.getJourneyAggregates({ ...query, mode: "sync" });
    const async = await genesys.getJourneyAggregates({ ...query, mode: "async", pageSize: 1 });
    expect(async.results).toEqual(sync.results);
    expect(total(sync.rows, "nJourneySessions")).toBe(data().journeySessions.length);
    expect(total(async.rows, "oJourneyOutcomeValue", "sum")).toBeGreaterThan(0);
    expect(total(async.rows, "oJourneyOutcomeValue", "sum")).toBe(total(sync.rows, "oJourneyOutcomeValue", "sum"));
    await expect(client().getJourneyAggregatesJob(async.jobId!)).rejects.toMatchObject({ code: "not_found" });
  });

  test("a journey filter narrows to the matching group", async () => {
    const j = genesys.filter.journey;
    const base = { interval: "P30D", end: END, metrics: ["nJourneySessions" as const] };
    const grouped = await genesys.getJourneyAggregates({ ...base, groupBy: ["journeyDeviceCategory"] });
    const mobile = await genesys.getJourneyAggregates({
      ...base,
      filter: j.and(j.eq("journeyDeviceCategory", "mobile")),
    });
    expect(total(mobile.rows, "nJourneySessions")).toBe(
      total(
        grouped.rows.filter((r) => r.journeyDeviceCategory === "mobile"),
        "nJourneySessions",
      ),
    );
  });
});

describe("genesys.getFlowObservations / getFlowActivity", () => {
  test("observations and activity count the same flows in flight, flow by flow", async () => {
    const activity = await genesys.getFlowActivity({ groupBy: ["flowId"] });
    expect(total(activity.rows, "oFlow")).toBe(IN_FLIGHT_COUNT);
    const ids = activity.rows.map((r) => r.flowId!);
    const o = genesys.filter.observation;
    const observed = await genesys.getFlowObservations({ filter: o.oneOf("flowId", ids), details: true });
    expect(observed.rows.map((r) => [r.flowId, r.count])).toEqual(activity.rows.map((r) => [r.flowId, r.count]));
    for (const r of observed.results) expect(r.data[0].observations).toHaveLength(r.data[0].stats.count!);
  });

  test("every page of activity details, and single pages that cover the same flows", async () => {
    const all = await genesys.getFlowActivity({ groupBy: ["mediaType"], details: true, pageSize: 5 });
    const entities = all.results.flatMap((r) => r.entities ?? []);
    expect(all.pages).toBe(Math.ceil(IN_FLIGHT_COUNT / 5));
    expect(entities).toHaveLength(total(all.rows, "oFlow"));
    expect(new Set(entities.map((e) => e.conversationId)).size).toBe(entities.length);
    const paged: string[] = [];
    for (let number = 1; number <= all.pages; number++) {
      const one = await genesys.getFlowActivity({ groupBy: ["mediaType"], details: true, page: { number, size: 5 } });
      expect(one.pages).toBe(1);
      expect(one.rows).toEqual(all.rows);
      paged.push(...one.results.flatMap((r) => r.entities ?? []).map((e) => e.conversationId!));
    }
    expect(paged.sort()).toEqual(entities.map((e) => e.conversationId!).sort());
  });

  test("an activity filter keeps only its flows; bad paging fails before any request", async () => {
    const byType = await genesys.getFlowActivity({ groupBy: ["mediaType"] });
    const a = genesys.filter.activity;
    const voice = await genesys.getFlowActivity({ filter: a.and(a.eq("mediaType", "voice")) });
    expect(voice.rows.map((r) => r.count)).toEqual(
      byType.rows.filter((r) => r.mediaType === "voice").map((r) => r.count),
    );
    const before = sandbox.stats().total;
    await expect(genesys.getFlowActivity({ page: { number: 0, size: 5 } })).rejects.toThrow(
      /page.number must be at least 1/,
    );
    await expect(genesys.getFlowActivity({ pageSize: 5, page: { number: 1, size: 5 } })).rejects.toThrow(
      /pageSize cannot be combined with page/,
    );
    await expect(genesys.getFlowObservations({} as any)).rejects.toThrow(/filter is required/);
    expect(sandbox.stats().total).toBe(before);
  });
});
