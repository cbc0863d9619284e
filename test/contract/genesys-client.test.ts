// The typed Genesys Cloud client (got + zod) against the sandbox: journey CRUD, paging, login,
// token refresh, faults, rate limits and async analytics jobs.
import { inspect } from "node:util";
import { genesysClient } from "../../provider/genesys/client";
import { CxflowError } from "../../provider/http/errors";
import type { Sandbox, SandboxStats } from "../../sandbox";
import { HISTORY_DAYS } from "../../sandbox/vendors/genesys-data";
import { admin, caught, FAST_RETRY, faults, sleep, useSandbox, withSandbox } from "./helpers";

jest.setTimeout(30_000);

const SECRET = "sandbox-secret";
const DAY = 86_400_000;
// The synthetic history pinned to end here, so the figures below hold on any day.
const END = Date.UTC(2026, 10, 1);
const ALL = `${new Date(END - HISTORY_DAYS * DAY).toISOString()}/${new Date(END).toISOString()}`;
const TOKEN = "POST /genesys/oauth/token";

const sandbox = useSandbox({
  analyticsEnd: new Date(END),
  rateLimits: { genesys: { limit: 10_000, periodSeconds: 60 } },
});
let baseline: SandboxStats;
beforeEach(async () => {
  await sandbox.reset();
  // A reset drops every token; warm the process-wide token cache so counts below are the test's own.
  await client().listActionTargets({ pageSize: 1 });
  baseline = sandbox.stats();
});

// The limiter is shared per client id across the process, so its budget is large enough never to slow a test.
const client = (clientSecret = SECRET, url = sandbox.url) =>
  genesysClient({
    apiBase: `${url}/genesys/api/v2`,
    tokenUrl: `${url}/genesys/oauth/token`,
    clientId: "sandbox-client",
    clientSecret,
    budget: { limit: 10_000, periodMs: 60_000 },
    retry: FAST_RETRY,
  });
/** Requests the sandbox saw for `"METHOD /path/{template}"` since the test began. */
const requests = (key: string, s: Sandbox = sandbox, since: SandboxStats = baseline) =>
  (s.stats().vendors.genesys?.[key] ?? 0) - (since.vendors.genesys?.[key] ?? 0);
const NOTHING: SandboxStats = { total: 0, vendors: {} };

describe("the Genesys client", () => {
  test("creates, reads, patches with the version it read, and deletes a segment", async () => {
    const c = client();
    const created = await c.createSegment({ displayName: "Returning visitors", description: "seen twice" });
    expect(created).toMatchObject({ displayName: "Returning visitors", version: 1, isActive: true, scope: "Session" });
    expect(await c.getSegment(created.id)).toEqual(created);
    const patched = await c.patchSegment(created.id, { version: created.version, color: "#112233" });
    expect(patched).toMatchObject({ version: 2, color: "#112233", description: "seen twice" });
    await c.deleteSegment(created.id);
    const gone = await caught(c.getSegment(created.id));
    expect(gone.code).toBe("not_found");
    expect(gone.status).toBe(404);
  });

  test("a PATCH with a stale version is a conflict with status 409 and a correlation id", async () => {
    const c = client();
    const s = await c.createSegment({ displayName: "Stale" });
    await c.patchSegment(s.id, { version: s.version, description: "first" });
    const e = await caught(c.patchSegment(s.id, { version: s.version, description: "second" }));
    expect(e).toBeInstanceOf(CxflowError);
    expect(e).toMatchObject({ code: "conflict", status: 409, route: "genesys PATCH /journey/segments/{segmentId}" });
    expect(e.correlationId).toMatch(/^[0-9a-f-]{36}$/);
    expect(e.message).toMatch(/does not match the current version/);
    expect((await c.getSegment(s.id)).description).toBe("first");
  });

  test("iterates every segment across pages", async () => {
    const c = client();
    for (let i = 1; i <= 5; i++) await c.createSegment({ displayName: `Segment ${i}` });
    const names: string[] = [];
    for await (const s of c.segments({ pageSize: 2, sortBy: "displayName" })) names.push(s.displayName);
    expect(names).toEqual(["Segment 1", "Segment 2", "Segment 3", "Segment 4", "Segment 5"]);
    expect(requests("GET /journey/segments")).toBe(3);
  });

  test("iterates every action target across pages", async () => {
    const c = client();
    const ids: string[] = [];
    for await (const t of c.actionTargets({ pageSize: 2 })) ids.push(t.id ?? "");
    expect(ids).toHaveLength(5);
    expect(new Set(ids).size).toBe(5);
    expect(requests("GET /journey/actiontargets")).toBe(3);
    const first = await c.getActionTarget(ids[0]);
    expect(await c.patchActionTarget(ids[0], { shortAbandonThreshold: 7 })).toMatchObject({
      id: ids[0],
      name: first.name,
      shortAbandonThreshold: 7,
    });
  });

  test("refuses bad input before any request, naming the field", async () => {
    const c = client();
    const blank = await caught(c.createSegment({ displayName: "" }));
    expect(blank).toBeInstanceOf(CxflowError);
    expect(blank.code).toBe("validation");
    expect(blank.message).toMatch(/^createSegment: invalid body: displayName: /);
    const colour = await caught(c.patchSegment("some-id", { color: "green" }));
    expect(colour.code).toBe("validation");
    expect(colour.message).toMatch(/color: must be a colour of the form #RRGGBB/);
    const paging = await caught(c.listSegments({ pageSize: 0 }));
    expect(paging.code).toBe("validation");
    expect(requests("POST /journey/segments")).toBe(0);
    expect(requests("PATCH /journey/segments/{segmentId}")).toBe(0);
    expect(requests("GET /journey/segments")).toBe(0);
  });

  test("a wrong secret is an auth error that never shows the secret, even with a valid token cached", async () => {
    const wrong = "wrong-secret-8c1f";
    const e = await caught(client(wrong).getSegment("x"));
    expect(e).toBeInstanceOf(CxflowError);
    expect(e.code).toBe("auth");
    expect(e.status).toBe(401);
    expect(e.route).toBe("genesys POST /genesys/oauth/token");
    expect(e.request?.headers.authorization).toBe("[redacted]");
    const basic = Buffer.from(`sandbox-client:${wrong}`).toString("base64");
    for (const text of [e.message, JSON.stringify({ ...e, message: e.message }), inspect(e, { depth: 10 })]) {
      expect(text).not.toContain(wrong);
      expect(text).not.toContain(basic);
    }
    expect(requests(TOKEN)).toBe(1);
    expect(requests("GET /journey/segments/{segmentId}")).toBe(0);
  });

  test("an unreachable login service is a network error that never shows the secret", async () => {
    const e = await caught(
      genesysClient({
        apiBase: `${sandbox.url}/genesys/api/v2`,
        tokenUrl: "http://127.0.0.1:1/oauth/token",
        clientId: "sandbox-client",
        clientSecret: SECRET,
        budget: { limit: 10_000, periodMs: 60_000 },
        retry: { ...FAST_RETRY, maxAttempts: 2 },
      }).listActionTargets(),
    );
    expect(e.code).toBe("network");
    const basic = Buffer.from(`sandbox-client:${SECRET}`).toString("base64");
    expect(inspect(e, { depth: 10 })).not.toContain(SECRET);
    expect(inspect(e, { depth: 10 })).not.toContain(basic);
  });

  test("an expired token is refreshed once before the next call", async () => {
    const options = { tokenTtl: { genesys: 1 }, rateLimits: { genesys: { limit: 10_000, periodSeconds: 60 } } };
    await withSandbox(options, async (short) => {
      const c = client(SECRET, short.url);
      expect((await c.listActionTargets()).total).toBe(5);
      await sleep(1_200);
      expect((await c.listActionTargets()).total).toBe(5);
      expect(requests(TOKEN, short, NOTHING)).toBe(2);
      // No call was refused: the cache renewed the token before it expired.
      expect(requests("GET /journey/actiontargets", short, NOTHING)).toBe(2);
    });
  });

  test("a revoked token's 401 is answered by one retry with a fresh token", async () => {
    await admin(sandbox, "POST", "revoke", { vendor: "genesys" });
    expect((await client().listActionTargets()).total).toBe(5);
    expect(requests(TOKEN)).toBe(1);
    expect(requests("GET /journey/actiontargets")).toBe(2);
  });

  test("reads ride out a burst of 5xx answers", async () => {
    await faults(sandbox, { genesys: { error5xx: 0.5 } });
    const c = client();
    for (let i = 0; i < 5; i++) expect((await c.listActionTargets()).total).toBe(5);
    expect(requests("GET /journey/actiontargets")).toBeGreaterThan(5);
  });

  test("a create that meets a 5xx is sent once, never repeated", async () => {
    await faults(sandbox, { genesys: { error5xx: 1 } });
    const e = await caught(client().createSegment({ displayName: "Once" }));
    expect(e.code).toBe("server");
    expect(e.status).toBe(500);
    expect(e.correlationId).toEqual(expect.any(String));
    expect(requests("POST /journey/segments")).toBe(1);
  });

  test("a lost create is reported as a network error and never duplicated", async () => {
    await faults(sandbox, { genesys: { "lost-create": 1 } });
    const e = await caught(client().createSegment({ displayName: "Ghost" }));
    expect(e.code).toBe("network");
    await faults(sandbox, {});
    const found = [];
    for await (const s of client().segments()) if (s.displayName === "Ghost") found.push(s);
    expect(found).toHaveLength(1);
    expect(requests("POST /journey/segments")).toBe(1);
  });

  test("a 429 storm is waited out using Retry-After", async () => {
    await admin(sandbox, "PUT", "rate-limits", { genesys: { limit: 2, periodSeconds: 1 } });
    const c = client();
    const totals = await Promise.all(Array.from({ length: 5 }, () => c.listActionTargets().then((p) => p.total)));
    expect(totals).toEqual([5, 5, 5, 5, 5]);
    expect(requests("GET /journey/actiontargets")).toBeGreaterThan(5);
  });

  test("an async flow aggregate job yields the same results as the sync query", async () => {
    const c = client();
    const query = { interval: ALL, metrics: ["nFlow" as const, "tFlow" as const], groupBy: ["flowId" as const] };
    const { jobId } = await c.submitFlowAggregatesJob({ ...query, pageSize: 2 });
    let state = (await c.getFlowAggregatesJob(jobId)).state;
    for (let i = 0; i < 100 && (state === "QUEUED" || state === "PENDING"); i++) {
      await sleep(50);
      state = (await c.getFlowAggregatesJob(jobId)).state;
    }
    expect(state).toBe("FULFILLED");
    const fromJob = [];
    for await (const group of c.flowAggregateJobResults(jobId)) fromJob.push(group);
    const sync = (await c.queryFlowAggregates(query)).results ?? [];
    expect(sync.length).toBeGreaterThan(2);
    expect(fromJob).toEqual(sync);
    expect(requests("GET /analytics/flows/aggregates/jobs/{jobId}/results")).toBe(Math.ceil(sync.length / 2));
    await c.deleteFlowAggregatesJob(jobId);
  });

  test("an async journey aggregate job yields the same results as the sync query", async () => {
    const c = client();
    const query = { interval: ALL, metrics: ["nJourneySessions" as const], granularity: "P7D" };
    const { jobId } = await c.submitJourneyAggregatesJob({ ...query, pageSize: 1 });
    let state = (await c.getJourneyAggregatesJob(jobId)).state;
    for (let i = 0; i < 100 && (state === "QUEUED" || state === "PENDING"); i++) {
      await sleep(50);
      state = (await c.getJourneyAggregatesJob(jobId)).state;
    }
    expect(state).toBe("FULFILLED");
    const fromJob = [];
    for await (const group of c.journeyAggregateJobResults(jobId)) fromJob.push(group);
    expect(fromJob).toEqual((await c.queryJourneyAggregates(query)).results ?? []);
  });
});
