// Genesys Cloud analytics against the sandbox, driven through the official JavaScript SDK
// (purecloud-platform-client-v2) as an outside referee of the sandbox's request and response shapes.
//
// Every endpoint under test has a generated method in this SDK version, so no call falls back to
// the SDK's generic `ApiClient.callApi`:
//   AnalyticsApi.postAnalyticsFlowsAggregatesQuery      POST   /api/v2/analytics/flows/aggregates/query
//   AnalyticsApi.postAnalyticsFlowsAggregatesJobs       POST   /api/v2/analytics/flows/aggregates/jobs
//   AnalyticsApi.getAnalyticsFlowsAggregatesJob         GET    /api/v2/analytics/flows/aggregates/jobs/{jobId}
//   AnalyticsApi.getAnalyticsFlowsAggregatesJobResults  GET    /api/v2/analytics/flows/aggregates/jobs/{jobId}/results
//   AnalyticsApi.deleteAnalyticsFlowsAggregatesJob      DELETE /api/v2/analytics/flows/aggregates/jobs/{jobId}
//   AnalyticsApi.postAnalyticsFlowsObservationsQuery    POST   /api/v2/analytics/flows/observations/query
//   AnalyticsApi.postAnalyticsFlowsActivityQuery        POST   /api/v2/analytics/flows/activity/query
//   AnalyticsApi.postAnalyticsJourneysAggregatesQuery   POST   /api/v2/analytics/journeys/aggregates/query
//   AnalyticsApi.{post,get,delete}AnalyticsJourneysAggregatesJob(s)(Results)  the journey job equivalents
// FlowsApi and JourneyApi expose the same operations under the same names; one test checks they agree.
import { readFileSync } from "node:fs";
import type { Sandbox } from "../../sandbox";
import { ANALYTICS_JOB_TIMING } from "../../sandbox/vendors/genesys-analytics";
import { EXECUTION_COUNT, HISTORY_DAYS, JOURNEY_SESSION_COUNT } from "../../sandbox/vendors/genesys-data";
import { sleep, useSandbox } from "./helpers";
import { genesysSdkClient, platformClient, refused, type SdkResponse } from "./sdk";

const DAY = 86_400_000;
// The synthetic history pinned to end here, so the figures below hold on any day.
const END = Date.UTC(2026, 10, 1);
const ALL = `${new Date(END - HISTORY_DAYS * DAY).toISOString()}/${new Date(END).toISOString()}`;
const BACKWARDS = "2026-10-02T00:00:00Z/2026-10-01T00:00:00Z";

// ---------------------------------------------------------------------------------------------
// The SDK's models. The JavaScript SDK does not validate bodies at run time, so its declared
// models (index.d.ts, `declare namespace Models`) are read here and every answer is checked
// against them: required fields present, declared fields of the declared type, no undeclared ones.
// ---------------------------------------------------------------------------------------------

const models: Map<string, Map<string, { type: string; required: boolean }>> = (() => {
  const text = readFileSync(require.resolve("purecloud-platform-client-v2/index.d.ts"), "utf8");
  const out = new Map<string, Map<string, { type: string; required: boolean }>>();
  let current: Map<string, { type: string; required: boolean }> | undefined;
  for (const line of text.split("\n")) {
    const start = /^\texport interface (\w+) \{/.exec(line);
    if (start) {
      current = new Map();
      out.set(start[1], current);
      continue;
    }
    if (line.startsWith("\t}")) {
      current = undefined;
      continue;
    }
    const prop = current && /^\t\t"(\w+)"(\?)?: (.+);\s*$/.exec(line);
    if (prop) current!.set(prop[1], { type: prop[3], required: prop[2] !== "?" });
  }
  return out;
})();

/** Where `value` departs from the SDK's declared `type` (a model name or a property type). */
function departures(value: unknown, type: string, at: string): string[] {
  if (value === undefined || value === null) return [];
  const array = /^Array<(.+)>$/.exec(type);
  if (array)
    return Array.isArray(value)
      ? value.flatMap((v, i) => departures(v, array[1], `${at}[${i}]`))
      : [`${at}: expected an array (${type}), got ${typeof value}`];
  if (type === "string" || type === "number" || type === "boolean")
    return typeof value === type ? [] : [`${at}: expected ${type}, got ${JSON.stringify(value)}`];
  if (/^\{ \[key: string\]: string; \}$/.test(type) || type === "Record<string, string>")
    return typeof value === "object" && Object.values(value as object).every((v) => typeof v === "string")
      ? []
      : [`${at}: expected a map of strings, got ${JSON.stringify(value)}`];
  const name = type.replace(/^Models\./, "");
  const model = models.get(name);
  if (!model) return []; // object, any, or a shape this checker does not know: not judged
  if (typeof value !== "object" || Array.isArray(value)) return [`${at}: expected ${name}, got ${typeof value}`];
  const problems: string[] = [];
  for (const [key, prop] of model)
    if (prop.required && (value as any)[key] === undefined) problems.push(`${at}.${key}: required by ${name}, missing`);
  for (const [key, v] of Object.entries(value as object)) {
    const prop = model.get(key);
    if (!prop) problems.push(`${at}.${key}: not a field of ${name}`);
    else problems.push(...departures(v, prop.type, `${at}.${key}`));
  }
  return problems;
}

/** Asserts a response body is an instance of the SDK model `name`. */
function expectModel(body: unknown, name: string) {
  expect(models.has(name)).toBe(true);
  expect(departures(body, name, name)).toEqual([]);
}

// ---------------------------------------------------------------------------------------------
// The SDK client.
// ---------------------------------------------------------------------------------------------

/** An SDK client pointed at a sandbox through the SDK's own gateway setting, logged in. */
async function connect(sandbox: Sandbox) {
  const client = genesysSdkClient(sandbox.url);
  await client.loginClientCredentialsGrant("sandbox-client", "sandbox-secret");
  return {
    client,
    analytics: new platformClient.AnalyticsApi(client),
    flows: new platformClient.FlowsApi(client),
    journey: new platformClient.JourneyApi(client),
  };
}

const sum = (results: any[] | undefined, metric: string, member = "count") =>
  (results ?? [])
    .flatMap((c) => c.data)
    .flatMap((d: any) => d.metrics)
    .filter((m: any) => m.metric === metric)
    .reduce((n: number, m: any) => n + (m.stats[member] ?? 0), 0);

const sandbox = useSandbox({
  analyticsEnd: new Date(END),
  rateLimits: { genesys: { limit: 10_000, periodSeconds: 60 } },
});
let analytics: any;
let flows: any;
let journey: any;

beforeAll(async () => {
  ({ analytics, flows, journey } = await connect(sandbox));
});

type Kind = "Flows" | "Journeys";

/** Polls a job's status through the SDK until it leaves QUEUED/PENDING. */
async function settle(kind: Kind, jobId: string): Promise<any> {
  for (let i = 0; i < 100; i++) {
    const s: SdkResponse = await analytics[`getAnalytics${kind}AggregatesJob`](jobId);
    expect(s.status).toBe(200);
    expectModel(s.body, "AsyncQueryStatus");
    if (s.body.state !== "QUEUED" && s.body.state !== "PENDING") return s.body;
    await sleep(ANALYTICS_JOB_TIMING.fulfilledAfterMs / 6);
  }
  throw new Error(`${kind} job ${jobId} never settled`);
}

/** Every page of a fulfilled job's results through the SDK, following `cursor` until absent. */
async function allResults(kind: Kind, jobId: string): Promise<{ results: any[]; pages: number }> {
  const model = kind === "Flows" ? "FlowAsyncAggregateQueryResponse" : "JourneyAsyncAggregateQueryResponse";
  const results: any[] = [];
  let cursor: string | undefined;
  let pages = 0;
  do {
    const r: SdkResponse = await analytics[`getAnalytics${kind}AggregatesJobResults`](jobId, cursor ? { cursor } : {});
    expect(r.status).toBe(200);
    expectModel(r.body, model);
    results.push(...(r.body.results ?? []));
    cursor = r.body.cursor;
    pages++;
    if (pages > 1000) throw new Error(`${kind} job ${jobId} pages never end`);
  } while (cursor);
  return { results, pages };
}

/** Submits a job through the SDK and answers its id. */
async function submit(kind: Kind, query: object): Promise<string> {
  const s: SdkResponse = await analytics[`postAnalytics${kind}AggregatesJobs`](query);
  expect(s.status).toBe(202);
  expectModel(s.body, "AsyncQueryResponse");
  expect(s.body.jobId).toEqual(expect.any(String));
  return s.body.jobId;
}

describe("the SDK model check", () => {
  test("reads the SDK's declared models", () => {
    expect(models.size).toBeGreaterThan(1000);
    expect(models.get("ObservationValue")?.get("observationDate")).toEqual({ type: "string", required: true });
  });

  test("catches an undeclared field, a missing required one and a wrongly typed one", () => {
    expect(departures({ state: "FULFILLED", extra: 1 }, "AsyncQueryStatus", "s")).toEqual([
      "s.extra: not a field of AsyncQueryStatus",
    ]);
    expect(departures({ results: [{ data: [{ observations: [{}] }] }] }, "FlowObservationQueryResponse", "r")).toEqual([
      "r.results[0].data[0].observations[0].observationDate: required by ObservationValue, missing",
    ]);
    expect(departures({ results: [{ group: { a: 1 } }] }, "FlowAggregateQueryResponse", "r")).toHaveLength(1);
    expect(departures({ cursor: 7 }, "FlowAsyncAggregateQueryResponse", "r")).toHaveLength(1);
  });
});

describe("Genesys flow aggregates through the official SDK", () => {
  test("the synchronous query counts every execution, and grouping by flow adds up to the same", async () => {
    const whole: SdkResponse = await analytics.postAnalyticsFlowsAggregatesQuery({
      interval: ALL,
      metrics: ["nFlow", "tFlow"],
    });
    expect(whole.status).toBe(200);
    expectModel(whole.body, "FlowAggregateQueryResponse");
    expect(sum(whole.body.results, "nFlow")).toBe(EXECUTION_COUNT);

    const grouped: SdkResponse = await analytics.postAnalyticsFlowsAggregatesQuery({
      interval: ALL,
      metrics: ["nFlow", "tFlow"],
      groupBy: ["flowId"],
    });
    expectModel(grouped.body, "FlowAggregateQueryResponse");
    expect(grouped.body.results.length).toBeGreaterThan(1);
    for (const c of grouped.body.results) expect(c.group.flowId).toEqual(expect.any(String));
    expect(sum(grouped.body.results, "nFlow")).toBe(EXECUTION_COUNT);
    expect(sum(grouped.body.results, "tFlow", "sum")).toBe(sum(whole.body.results, "tFlow", "sum"));
  });

  test("FlowsApi answers the same as AnalyticsApi for the same query", async () => {
    const query = { interval: ALL, metrics: ["nFlow"], groupBy: ["flowId"] };
    const a: SdkResponse = await analytics.postAnalyticsFlowsAggregatesQuery(query);
    const f: SdkResponse = await flows.postAnalyticsFlowsAggregatesQuery(query);
    expect(f.status).toBe(200);
    expect(f.body).toEqual(a.body);
  });

  test("an async job reaches FULFILLED and its pages give the same totals as the sync query", async () => {
    const query = { interval: ALL, metrics: ["nFlow", "tFlow"], groupBy: ["flowId"] };
    const jobId = await submit("Flows", { ...query, pageSize: 2 });
    const done = await settle("Flows", jobId);
    expect(done).toMatchObject({ state: "FULFILLED", completionDate: expect.any(String) });
    expect(Date.parse(done.expirationDate)).toBeGreaterThan(Date.parse(done.submissionDate));

    const { results, pages } = await allResults("Flows", jobId);
    const sync: SdkResponse = await analytics.postAnalyticsFlowsAggregatesQuery(query);
    expect(pages).toBe(Math.ceil(sync.body.results.length / 2));
    expect(sum(results, "nFlow")).toBe(EXECUTION_COUNT);
    expect(sum(results, "tFlow", "sum")).toBe(sum(sync.body.results, "tFlow", "sum"));
    expect(results).toEqual(sync.body.results);
  });

  test("deleting a job answers, and the job is then gone or CANCELLED", async () => {
    const running = await submit("Flows", { interval: ALL, metrics: ["nFlow"] });
    const del: SdkResponse = await analytics.deleteAnalyticsFlowsAggregatesJob(running);
    expect(del.status).toBeGreaterThanOrEqual(200);
    expect(del.status).toBeLessThan(300);
    const after = await analytics.getAnalyticsFlowsAggregatesJob(running).catch((e: SdkResponse) => e);
    if (after.status === 404) expectModel(after.body, "ErrorBody");
    else expect(after).toMatchObject({ status: 200, body: { state: "CANCELLED" } });

    const finished = await submit("Flows", { interval: ALL, metrics: ["nFlow"] });
    expect((await settle("Flows", finished)).state).toBe("FULFILLED");
    expect((await flows.deleteAnalyticsFlowsAggregatesJob(finished)).status).toBe(204);
    const gone = await refused(analytics.getAnalyticsFlowsAggregatesJob(finished));
    expect(gone.status).toBe(404);
    expectModel(gone.body, "ErrorBody");
  });

  test("a job whose query cannot run ends FAILED with an error message", async () => {
    const jobId = await submit("Flows", { interval: BACKWARDS, metrics: ["nFlow"] });
    expect(await settle("Flows", jobId)).toMatchObject({ state: "FAILED", errorMessage: expect.any(String) });
  });

  test("an interval that ends before it starts surfaces as a 400 with a Genesys ErrorBody", async () => {
    const err = await refused(analytics.postAnalyticsFlowsAggregatesQuery({ interval: BACKWARDS, metrics: ["nFlow"] }));
    expect(err.status).toBe(400);
    expect(err.error).toBeInstanceOf(Error);
    expectModel(err.body, "ErrorBody");
    expect(err.body).toMatchObject({ status: 400, code: expect.any(String), message: expect.any(String) });
  });

  test("an unknown metric surfaces as a 400 with a Genesys ErrorBody", async () => {
    const err = await refused(
      analytics.postAnalyticsFlowsAggregatesQuery({ interval: ALL, metrics: ["tFlowAcdExit"] }),
    );
    expect(err.status).toBe(400);
    expectModel(err.body, "ErrorBody");
    expect(err.body).toMatchObject({ status: 400, code: expect.any(String), message: expect.any(String) });
  });
});

describe("Genesys flow observations and activity through the official SDK", () => {
  const filter = {
    type: "or",
    predicates: [
      { dimension: "mediaType", value: "voice" },
      { dimension: "mediaType", value: "chat" },
    ],
  };

  test("observations count the flows in flight per media type, with details the SDK models", async () => {
    const r: SdkResponse = await analytics.postAnalyticsFlowsObservationsQuery({
      filter,
      metrics: ["oFlow"],
      detailMetrics: ["oFlow"],
    });
    expect(r.status).toBe(200);
    expectModel(r.body, "FlowObservationQueryResponse");
    expect(r.body.results.map((x: any) => x.group.mediaType)).toEqual(["voice", "chat"]);
    for (const x of r.body.results) expect(x.data[0].observations).toHaveLength(x.data[0].stats.count);
  });

  test("activity pages through the SDK's numeric pageSize and pageNumber, and parse as its model", async () => {
    const body = { filter, metrics: [{ metric: "oFlow", details: true }], groupBy: ["flowId"] };
    const p1: SdkResponse = await analytics.postAnalyticsFlowsActivityQuery(body, { pageSize: 3, pageNumber: 1 });
    const p2: SdkResponse = await flows.postAnalyticsFlowsActivityQuery(body, { pageSize: 3, pageNumber: 2 });
    expect(p1.status).toBe(200);
    expectModel(p1.body, "FlowActivityResponse");
    expectModel(p2.body, "FlowActivityResponse");
    const ids = (r: SdkResponse) =>
      r.body.results.flatMap((x: any) => (x.entities ?? []).map((e: any) => e.conversationId));
    expect(ids(p1)).toHaveLength(3);
    expect(ids(p2)).toHaveLength(3);
    expect(ids(p1).filter((id: string) => ids(p2).includes(id))).toEqual([]);
  });

  test("activity and observations count the same flows for the same filter", async () => {
    const obs: SdkResponse = await analytics.postAnalyticsFlowsObservationsQuery({ filter, metrics: ["oFlow"] });
    const observed = Object.fromEntries(obs.body.results.map((x: any) => [x.group.mediaType, x.data[0].stats.count]));

    const act: SdkResponse = await analytics.postAnalyticsFlowsActivityQuery(
      { filter, metrics: [{ metric: "oFlow", details: true }], groupBy: ["mediaType"] },
      { pageSize: 1000, pageNumber: 1 },
    );
    expectModel(act.body, "FlowActivityResponse");
    const active: Record<string, number> = {};
    for (const x of act.body.results) {
      const count = x.data.find((d: any) => d.metric === "oFlow").count;
      active[x.group.mediaType] = count;
      expect(x.entities).toHaveLength(count);
    }
    for (const [mediaType, n] of Object.entries(observed)) expect(active[mediaType] ?? 0).toBe(n);
    expect(Object.values(active).reduce((a, b) => a + b, 0)).toBe(
      Object.values(observed as Record<string, number>).reduce((a, b) => a + b, 0),
    );
  });
});

describe("Genesys journey aggregates through the official SDK", () => {
  const query = {
    interval: ALL,
    metrics: ["nJourneySessions", "nJourneyOutcomesAchieved"],
    groupBy: ["journeySessionType"],
  };

  let outcomeId: string;
  // Outcome figures come from the org's own outcomes.
  beforeAll(async () => {
    const created: SdkResponse = await journey.postJourneyOutcomes({ body: { displayName: "Purchase" } });
    expect(created.status).toBe(201);
    outcomeId = created.body.id;
  });

  test("grouped by outcome, the rows name the outcome the SDK created and parse as its model", async () => {
    const r: SdkResponse = await analytics.postAnalyticsJourneysAggregatesQuery({
      interval: ALL,
      metrics: ["nJourneyOutcomesAchieved", "oJourneyOutcomeValue"],
      groupBy: ["journeyOutcomeId"],
    });
    expectModel(r.body, "JourneyAggregateQueryResponse");
    // The sandbox's seeded outcomes, and the one the SDK created.
    const listed = (await journey.getJourneyOutcomes({ pageSize: 100 })).body.entities.map((o: any) => o.id);
    expect(r.body.results.map((c: any) => c.group.journeyOutcomeId).sort()).toEqual(listed.sort());
    expect(listed).toContain(outcomeId);
    expect(sum(r.body.results, "nJourneyOutcomesAchieved")).toBeGreaterThan(0);
  });

  test("the synchronous query counts every journey session", async () => {
    const sync: SdkResponse = await analytics.postAnalyticsJourneysAggregatesQuery(query);
    expect(sync.status).toBe(200);
    expectModel(sync.body, "JourneyAggregateQueryResponse");
    expect(sum(sync.body.results, "nJourneySessions")).toBe(JOURNEY_SESSION_COUNT);
    const viaJourneyApi: SdkResponse = await journey.postAnalyticsJourneysAggregatesQuery(query);
    expect(viaJourneyApi.body).toEqual(sync.body);
  });

  test("an async journey job agrees with the sync query, page by page", async () => {
    const sync: SdkResponse = await analytics.postAnalyticsJourneysAggregatesQuery(query);
    const jobId = await submit("Journeys", { ...query, pageSize: 1 });
    expect((await settle("Journeys", jobId)).state).toBe("FULFILLED");
    const { results, pages } = await allResults("Journeys", jobId);
    expect(pages).toBe(sync.body.results.length);
    expect(sum(results, "nJourneySessions")).toBe(JOURNEY_SESSION_COUNT);
    expect(sum(results, "nJourneyOutcomesAchieved")).toBeGreaterThan(0);
    expect(sum(results, "nJourneyOutcomesAchieved")).toBe(sum(sync.body.results, "nJourneyOutcomesAchieved"));
    expect(results).toEqual(sync.body.results);
  });

  test("deleting a journey job answers, and the job is then gone or CANCELLED", async () => {
    const jobId = await submit("Journeys", { interval: ALL, metrics: ["nJourneySessions"] });
    const del: SdkResponse = await journey.deleteAnalyticsJourneysAggregatesJob(jobId);
    expect(del.status).toBe(204);
    const after = await analytics.getAnalyticsJourneysAggregatesJob(jobId).catch((e: SdkResponse) => e);
    if (after.status === 404) expectModel(after.body, "ErrorBody");
    else expect(after).toMatchObject({ status: 200, body: { state: "CANCELLED" } });
  });

  test("an unknown journey metric surfaces as a 400 with a Genesys ErrorBody", async () => {
    const err = await refused(analytics.postAnalyticsJourneysAggregatesQuery({ interval: ALL, metrics: ["nFlow"] }));
    expect(err.status).toBe(400);
    expectModel(err.body, "ErrorBody");
    expect(err.body).toMatchObject({ status: 400, code: expect.any(String), message: expect.any(String) });
  });
});
