// Genesys Cloud analytics against the sandbox, over plain HTTP with a client-credentials token.
import { ANALYTICS_JOB_TIMING } from "../../sandbox/vendors/genesys-analytics";
import { EXECUTION_COUNT, HISTORY_DAYS, JOURNEY_SESSION_COUNT } from "../../sandbox/vendors/genesys-data";
import { answer, genesysToken, sleep, useSandbox, withSandbox } from "./helpers";

const DAY = 86_400_000;
// The synthetic history pinned to end here, so the figures below hold on any day.
const END = Date.UTC(2026, 10, 1);
const analyticsEnd = new Date(END);
const ALL = `${new Date(END - HISTORY_DAYS * DAY).toISOString()}/${new Date(END).toISOString()}`;

const sandbox = useSandbox({ analyticsEnd, rateLimits: { genesys: { limit: 10_000, periodSeconds: 60 } } });
let token: string;
const api = async (path: string, init: { method?: string; body?: unknown; auth?: string } = {}) =>
  answer(
    await fetch(`${sandbox.url}/genesys/api/v2${path}`, {
      method: init.method ?? (init.body === undefined ? "GET" : "POST"),
      headers: {
        authorization: init.auth ?? `Bearer ${token}`,
        accept: "application/json",
        ...(init.body !== undefined && { "content-type": "application/json" }),
      },
      body: init.body === undefined ? undefined : JSON.stringify(init.body),
    }),
  );

/** Runs `fn` with slower job timing, so a loaded machine still sees jobs before they finish. */
async function slowJobs(fn: () => Promise<void>) {
  const saved = { ...ANALYTICS_JOB_TIMING };
  Object.assign(ANALYTICS_JOB_TIMING, { pendingAfterMs: 1000, fulfilledAfterMs: 1500 });
  try {
    await fn();
  } finally {
    Object.assign(ANALYTICS_JOB_TIMING, saved);
  }
}

/** Polls a job until it leaves QUEUED/PENDING. */
async function settle(path: string): Promise<any> {
  for (let i = 0; i < 100; i++) {
    const s = await api(path);
    if (s.body.state !== "QUEUED" && s.body.state !== "PENDING") return s.body;
    await sleep(50);
  }
  throw new Error(`job ${path} never settled`);
}

/** Every page of a fulfilled job's results, following `cursor`. */
async function allResults(path: string): Promise<{ results: any[]; pages: number }> {
  const results: any[] = [];
  let cursor: string | undefined;
  let pages = 0;
  do {
    const r = await api(`${path}/results${cursor ? `?cursor=${encodeURIComponent(cursor)}` : ""}`);
    expect(r.status).toBe(200);
    results.push(...(r.body.results ?? []));
    cursor = r.body.cursor;
    pages++;
  } while (cursor);
  return { results, pages };
}

const sum = (results: any[], metric: string, member = "count") =>
  results
    .flatMap((c) => c.data)
    .flatMap((d: any) => d.metrics)
    .filter((m: any) => m.metric === metric)
    .reduce((n: number, m: any) => n + (m.stats[member] ?? 0), 0);

beforeAll(async () => {
  token = await genesysToken(sandbox.url);
});

describe("Genesys flow aggregates in the sandbox", () => {
  test("a call without a token is refused", async () => {
    const r = await api("/analytics/flows/aggregates/query", { body: { interval: ALL, metrics: ["nFlow"] }, auth: "" });
    expect(r.status).toBe(401);
  });

  test("the synchronous query counts every execution, grouped or not", async () => {
    const whole = await api("/analytics/flows/aggregates/query", {
      body: { interval: ALL, metrics: ["nFlow", "tFlow"] },
    });
    expect(whole.status).toBe(200);
    expect(sum(whole.body.results, "nFlow")).toBe(EXECUTION_COUNT);
    const grouped = await api("/analytics/flows/aggregates/query", {
      body: { interval: ALL, metrics: ["nFlow", "tFlow"], groupBy: ["flowId"], granularity: "P7D" },
    });
    expect(grouped.body.results.length).toBeGreaterThan(1);
    expect(sum(grouped.body.results, "nFlow")).toBe(EXECUTION_COUNT);
    expect(sum(grouped.body.results, "tFlow", "sum")).toBe(sum(whole.body.results, "tFlow", "sum"));
  });

  test("an unknown metric is a 400 before anything runs", async () => {
    const r = await api("/analytics/flows/aggregates/query", { body: { interval: ALL, metrics: ["tFlowAcdExit"] } });
    expect(r.status).toBe(400);
    expect(r.body).toMatchObject({ status: 400, code: "bad.request" });
  });

  test("an interval that ends before it starts is a 400 ErrorBody with a correlation id", async () => {
    const r = await api("/analytics/flows/aggregates/query", {
      body: { interval: "2026-10-02T00:00:00Z/2026-10-01T00:00:00Z", metrics: ["nFlow"] },
    });
    expect(r.status).toBe(400);
    expect(r.body).toMatchObject({
      status: 400,
      code: "bad.request",
      message: expect.stringMatching(/end must be after/),
    });
    expect(r.headers.get("inin-correlation-id")).toBe(r.body.contextId);
  });

  test("a query that matches nothing answers an empty object", async () => {
    const r = await api("/analytics/flows/aggregates/query", {
      body: { interval: "2020-01-01T00:00:00Z/2020-01-02T00:00:00Z", metrics: ["nFlow"] },
    });
    expect(r).toMatchObject({ status: 200, body: {} });
    expect(r.body.results).toBeUndefined();
  });

  test("an async job goes QUEUED to FULFILLED and pages the same results as the sync query", () =>
    slowJobs(async () => {
      const query = { interval: ALL, metrics: ["nFlow", "tFlow"], groupBy: ["flowId"] };
      const submitted = await api("/analytics/flows/aggregates/jobs", { body: { ...query, pageSize: 2 } });
      expect(submitted.status).toBe(202);
      const path = `/analytics/flows/aggregates/jobs/${submitted.body.jobId}`;
      const first = await api(path);
      expect(first.body.state).toBe("QUEUED");
      expect(Date.parse(first.body.expirationDate)).toBeGreaterThan(Date.parse(first.body.submissionDate));
      const early = await api(`${path}/results`);
      expect(early).toMatchObject({ status: 400, body: { code: "bad.request" } });
      await sleep(ANALYTICS_JOB_TIMING.pendingAfterMs);
      expect((await api(path)).body.state).toBe("PENDING");
      const done = await settle(path);
      expect(done).toMatchObject({ state: "FULFILLED", completionDate: expect.any(String) });
      const { results, pages } = await allResults(path);
      const sync = await api("/analytics/flows/aggregates/query", { body: query });
      expect(pages).toBe(Math.ceil(sync.body.results.length / 2));
      expect(results).toEqual(sync.body.results);
    }));

  test("a cursor from another job is refused", async () => {
    const a = await api("/analytics/flows/aggregates/jobs", {
      body: { interval: ALL, metrics: ["nFlow"], groupBy: ["flowId"], pageSize: 1 },
    });
    const b = await api("/analytics/flows/aggregates/jobs", { body: { interval: ALL, metrics: ["nFlow"] } });
    await sleep(ANALYTICS_JOB_TIMING.fulfilledAfterMs + 50);
    const page = await api(`/analytics/flows/aggregates/jobs/${a.body.jobId}/results`);
    const r = await api(`/analytics/flows/aggregates/jobs/${b.body.jobId}/results?cursor=${page.body.cursor}`);
    expect(r.status).toBe(400);
  });

  test("a job whose query cannot run ends FAILED with an error message", async () => {
    const s = await api("/analytics/flows/aggregates/jobs", {
      body: { interval: "2026-10-02T00:00:00Z/2026-10-01T00:00:00Z", metrics: ["nFlow"] },
    });
    expect(s.status).toBe(202);
    const done = await settle(`/analytics/flows/aggregates/jobs/${s.body.jobId}`);
    expect(done).toMatchObject({ state: "FAILED", errorMessage: expect.stringMatching(/end must be after/) });
  });

  test("deleting a running job cancels it; deleting a finished one removes it", () =>
    slowJobs(async () => {
      const running = await api("/analytics/flows/aggregates/jobs", { body: { interval: ALL, metrics: ["nFlow"] } });
      const path = `/analytics/flows/aggregates/jobs/${running.body.jobId}`;
      expect((await api(path, { method: "DELETE" })).status).toBe(204);
      expect((await api(path)).body.state).toBe("CANCELLED");
      expect((await api(path, { method: "DELETE" })).status).toBe(204);
      expect((await api(path)).status).toBe(404);
      expect((await api(path, { method: "DELETE" })).status).toBe(404);
    }));

  test("results expire with the job", async () => {
    await withSandbox({ analyticsEnd, analyticsJobTtl: 0.5 }, async (short) => {
      const call = async (path: string, init: RequestInit = {}) => {
        const r = await fetch(`${short.url}/genesys/api/v2${path}`, {
          ...init,
          headers: { authorization: `Bearer ${await genesysToken(short.url)}`, "content-type": "application/json" },
        });
        return { status: r.status, body: (await r.json()) as any };
      };
      const s = await call("/analytics/flows/aggregates/jobs", {
        method: "POST",
        body: JSON.stringify({ interval: ALL, metrics: ["nFlow"] }),
      });
      const path = `/analytics/flows/aggregates/jobs/${s.body.jobId}`;
      await sleep(550);
      expect((await call(path)).body.state).toBe("EXPIRED");
      expect((await call(`${path}/results`)).status).toBe(404);
    });
  });

  test("a journey job is not found among flow jobs", async () => {
    const s = await api("/analytics/journeys/aggregates/jobs", {
      body: { interval: ALL, metrics: ["nJourneySessions"] },
    });
    expect((await api(`/analytics/flows/aggregates/jobs/${s.body.jobId}`)).status).toBe(404);
  });
});

describe("Genesys flow observations and activity in the sandbox", () => {
  test("observations count the flows in flight per media type", async () => {
    const r = await api("/analytics/flows/observations/query", {
      body: {
        filter: {
          type: "or",
          predicates: [
            { dimension: "mediaType", value: "voice" },
            { dimension: "mediaType", value: "chat" },
          ],
        },
        metrics: ["oFlow"],
        detailMetrics: ["oFlow"],
      },
    });
    expect(r.status).toBe(200);
    expect(r.body.results.map((x: any) => x.group.mediaType)).toEqual(["voice", "chat"]);
    for (const x of r.body.results) expect(x.data[0].observations).toHaveLength(x.data[0].stats.count);
  });

  test("activity pages come from string query values", async () => {
    const body = { metrics: [{ metric: "oFlow", details: true }], groupBy: ["flowId"] };
    const p1 = await api("/analytics/flows/activity/query?pageSize=3&pageNumber=1", { body });
    const p2 = await api("/analytics/flows/activity/query?pageSize=3&pageNumber=2", { body });
    expect(p1.status).toBe(200);
    const ids = (r: any) => r.body.results.flatMap((x: any) => x.entities.map((e: any) => e.conversationId));
    expect(ids(p1)).toHaveLength(3);
    expect(ids(p2)).toHaveLength(3);
    expect(ids(p1).filter((id: string) => ids(p2).includes(id))).toEqual([]);
    expect((await api("/analytics/flows/activity/query?pageSize=zero", { body })).status).toBe(400);
  });
});

describe("Genesys journey aggregates in the sandbox", () => {
  test("sync and async give the same totals", async () => {
    // Outcome figures come from the org's own outcomes.
    expect((await api("/journey/outcomes", { body: { displayName: "Purchase" } })).status).toBe(201);
    const query = {
      interval: ALL,
      metrics: ["nJourneySessions", "nJourneyOutcomesAchieved"],
      groupBy: ["journeySessionType"],
    };
    const sync = await api("/analytics/journeys/aggregates/query", { body: query });
    expect(sum(sync.body.results, "nJourneySessions")).toBe(JOURNEY_SESSION_COUNT);
    expect(sum(sync.body.results, "nJourneyOutcomesAchieved")).toBeGreaterThan(0);
    const s = await api("/analytics/journeys/aggregates/jobs", { body: query });
    const path = `/analytics/journeys/aggregates/jobs/${s.body.jobId}`;
    expect((await settle(path)).state).toBe("FULFILLED");
    const { results } = await allResults(path);
    expect(sum(results, "nJourneySessions")).toBe(JOURNEY_SESSION_COUNT);
    expect(sum(results, "nJourneyOutcomesAchieved")).toBe(sum(sync.body.results, "nJourneyOutcomesAchieved"));
  });
});
