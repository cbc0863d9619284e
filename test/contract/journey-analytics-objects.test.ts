// Journey analytics in the sandbox report on the org's own segments, outcomes and action maps as
// the store holds them when the query runs; each object's figures follow from the seed, the
// analytics end and its name.
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { ANALYTICS_JOB_TIMING } from "../../sandbox/vendors/genesys-analytics";
import { HISTORY_DAYS } from "../../sandbox/vendors/genesys-data";
import { answer, genesysToken, sleep, useSandbox, withSandbox } from "./helpers";

const DAY = 86_400_000;
// The synthetic history pinned to end here, so the figures below hold on any day.
const END = Date.UTC(2026, 10, 1);
const analyticsEnd = new Date(END);
const ALL = `${new Date(END - HISTORY_DAYS * DAY).toISOString()}/${new Date(END).toISOString()}`;
const SEED = 7;
const limits = { genesys: { limit: 10_000, periodSeconds: 60 } };

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "cxflow-journey-objects-"));
const data = path.join(dir, "sandbox.db");
const sandbox = useSandbox({ analyticsEnd, seed: SEED, data, rateLimits: limits });
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

type Api = (p: string, init?: { method?: string; body?: unknown }) => Promise<{ status: number; body: any }>;

/** Plain HTTP calls to the Genesys API of the sandbox at `url`, logged in. */
async function apiOf(url: string): Promise<Api> {
  const token = await genesysToken(url);
  return async (p, init = {}) =>
    answer(
      await fetch(`${url}/genesys/api/v2${p}`, {
        method: init.method ?? (init.body === undefined ? "GET" : "POST"),
        headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
        body: init.body === undefined ? undefined : JSON.stringify(init.body),
      }),
    );
}

let api: Api;
beforeAll(async () => {
  api = await apiOf(sandbox.url);
});

async function create(
  api: Api,
  kind: "outcomes" | "segments" | "actionmaps" | "actiontemplates",
  body: object,
): Promise<{ id: string }> {
  const r = await api(`/journey/${kind}`, { body });
  expect(r.status).toBe(201);
  return r.body;
}

/** The ids of the org's active objects of a kind, as its listing answers them. */
async function activeIds(kind: "outcomes" | "segments"): Promise<string[]> {
  const r = await api(`/journey/${kind}?pageSize=100`);
  expect(r.status).toBe(200);
  return r.body.entities
    .filter((o: any) => o.isActive)
    .map((o: any) => o.id)
    .sort();
}

const query = (api: Api, body: object) =>
  api("/analytics/journeys/aggregates/query", { body: { interval: ALL, ...body } });

/** Count (or sum) of `metric` per value of `dimension`, groups with nothing left out. */
function perGroup(results: any[] | undefined, dimension: string, metric: string, member = "count") {
  const out: Record<string, number> = {};
  for (const c of results ?? [])
    for (const d of c.data)
      for (const m of d.metrics)
        if (m.metric === metric && c.group?.[dimension] !== undefined)
          out[c.group[dimension]] = (out[c.group[dimension]] ?? 0) + (m.stats[member] ?? 0);
  return out;
}

const unique = (name: string) => `${name} ${Math.random().toString(36).slice(2, 8)}`;

describe("journey analytics of the org's own objects", () => {
  test("grouped by outcome, the rows are exactly the org's active outcomes, one created a moment ago included", async () => {
    await create(api, "outcomes", { displayName: unique("Purchase") });
    await create(api, "outcomes", { displayName: unique("Sign-up") });
    const off = await create(api, "outcomes", { displayName: unique("Switched off"), isActive: false });
    const r = await query(api, {
      metrics: ["nJourneyOutcomesAchieved", "oJourneyOutcomeValue"],
      groupBy: ["journeyOutcomeId"],
    });
    expect(r.status).toBe(200);
    const achieved = perGroup(r.body.results, "journeyOutcomeId", "nJourneyOutcomesAchieved");
    const ids = await activeIds("outcomes");
    expect(ids.length).toBeGreaterThanOrEqual(2);
    expect(Object.keys(achieved).sort()).toEqual(ids);
    expect(achieved[off.id]).toBeUndefined();
    for (const id of ids) {
      expect(achieved[id]).toBeGreaterThan(0);
      expect(perGroup(r.body.results, "journeyOutcomeId", "oJourneyOutcomeValue", "sum")[id]).toBeGreaterThan(0);
    }
  });

  test("grouped by segment, the rows are the org's segments, and sessions list the segments they were assigned", async () => {
    await create(api, "segments", { displayName: unique("Returning visitor") });
    const r = await query(api, { metrics: ["nJourneySegmentsAssigned"], groupBy: ["journeySegmentId"] });
    const assigned = perGroup(r.body.results, "journeySegmentId", "nJourneySegmentsAssigned");
    expect(Object.keys(assigned).sort()).toEqual(await activeIds("segments"));
    for (const n of Object.values(assigned)) expect(n).toBeGreaterThan(0);
    const sessions = await query(api, { metrics: ["nJourneySessions"], groupBy: ["journeySessionSegmentId"] });
    expect(perGroup(sessions.body.results, "journeySessionSegmentId", "nJourneySessions")).toEqual(assigned);
  });

  test("grouped by action map, the rows are the org's action maps, with their target and media type", async () => {
    const targets = await api("/journey/actiontargets?pageSize=100");
    const target = targets.body.entities.find((t: any) => t.supportedMediaTypes.includes("webchat")).id;
    const template = await create(api, "actiontemplates", {
      name: unique("Discount"),
      mediaType: "contentOffer",
      state: "Active",
      contentOffer: { displayMode: "Toast", layoutMode: "TextOnly" },
    });
    const chat = await create(api, "actionmaps", {
      displayName: unique("Offer chat"),
      action: { mediaType: "webchat", actionTargetId: target },
    });
    await create(api, "actionmaps", {
      displayName: unique("Show discount"),
      action: { mediaType: "contentOffer", actionTemplate: { id: template.id } },
    });
    await create(api, "actionmaps", {
      displayName: unique("Paused"),
      isActive: false,
      action: { mediaType: "webMessagingOffer" },
    });
    const r = await query(api, {
      metrics: ["nWebActionsOffered", "nDistinctJourneyActions"],
      groupBy: ["journeyActionMapId", "journeyActionTargetId", "journeyActionMediaType", "journeyActionTemplateId"],
    });
    const maps = (await api("/journey/actionmaps?pageSize=100")).body.entities as any[];
    const expected = maps
      .filter((m) => m.isActive !== false)
      .map((m) => ({
        journeyActionMapId: m.id,
        ...(m.action?.actionTargetId && { journeyActionTargetId: m.action.actionTargetId }),
        ...(m.action?.mediaType && { journeyActionMediaType: m.action.mediaType }),
        ...(m.action?.actionTemplate?.id && { journeyActionTemplateId: m.action.actionTemplate.id }),
      }));
    const byId = (a: { journeyActionMapId: string }, b: { journeyActionMapId: string }) =>
      a.journeyActionMapId.localeCompare(b.journeyActionMapId);
    expect(r.body.results.map((c: any) => c.group).sort(byId)).toEqual(expected.sort(byId));
    expect(r.body.results.map((c: any) => c.group.journeyActionMapId)).toContain(chat.id);
    const offered = perGroup(r.body.results, "journeyActionMapId", "nWebActionsOffered");
    expect(offered[chat.id]).toBeGreaterThan(0);
    expect(perGroup(r.body.results, "journeyActionMapId", "nDistinctJourneyActions")).toEqual(offered);
  });

  test("a filter on an outcome's id answers that outcome's figures alone", async () => {
    const o = await create(api, "outcomes", { displayName: unique("Filtered") });
    const grouped = await query(api, { metrics: ["nJourneyOutcomesAchieved"], groupBy: ["journeyOutcomeId"] });
    const only = await query(api, {
      metrics: ["nJourneyOutcomesAchieved"],
      filter: { type: "and", predicates: [{ dimension: "journeyOutcomeId", value: o.id }] },
    });
    const [c] = only.body.results;
    expect(c.data[0].metrics[0].stats.count).toBe(
      perGroup(grouped.body.results, "journeyOutcomeId", "nJourneyOutcomesAchieved")[o.id],
    );
  });

  test("an outcome's figures follow its name: the same on another sandbox with the same seed, others for another name", async () => {
    const body = { metrics: ["nJourneyOutcomesAchieved", "oJourneyOutcomeValue"], granularity: "P7D" };
    const figures = async (a: Api, id: string) =>
      (
        await query(a, {
          ...body,
          filter: { type: "and", predicates: [{ dimension: "journeyOutcomeId", value: id }] },
        })
      ).body.results;
    const name = unique("Checkout");
    const here = await figures(api, (await create(api, "outcomes", { displayName: name })).id);
    const renamed = await figures(api, (await create(api, "outcomes", { displayName: `${name}!` })).id);
    expect(here.length).toBe(1);
    expect(renamed).not.toEqual(here);
    await withSandbox({ analyticsEnd, seed: SEED, rateLimits: limits }, async (other) => {
      const there = await apiOf(other.url);
      expect(await figures(there, (await create(there, "outcomes", { displayName: name })).id)).toEqual(here);
    });
  });

  test("a deleted outcome gets no rows in new queries, while a job submitted before it went keeps it", async () => {
    const o = await create(api, "outcomes", { displayName: unique("Short-lived") });
    const body = { interval: ALL, metrics: ["nJourneyOutcomesAchieved"], groupBy: ["journeyOutcomeId"] };
    const before = await query(api, body);
    expect(perGroup(before.body.results, "journeyOutcomeId", "nJourneyOutcomesAchieved")[o.id]).toBeGreaterThan(0);
    const job = await api("/analytics/journeys/aggregates/jobs", { body });
    expect(job.status).toBe(202);
    expect((await api(`/journey/outcomes/${o.id}`, { method: "DELETE" })).status).toBe(204);
    const after = await query(api, body);
    expect(perGroup(after.body.results, "journeyOutcomeId", "nJourneyOutcomesAchieved")[o.id]).toBeUndefined();
    await sleep(ANALYTICS_JOB_TIMING.fulfilledAfterMs + 50);
    const results = await api(`/analytics/journeys/aggregates/jobs/${job.body.jobId}/results`);
    expect(results.status).toBe(200);
    expect(results.body.results).toEqual(before.body.results);
  });

  test("an async job pages the same rows as the sync query", async () => {
    await create(api, "outcomes", { displayName: unique("Paged") });
    const body = {
      interval: ALL,
      metrics: ["nJourneyOutcomesAchieved", "oJourneyOutcomeValue", "nWebActionsOffered", "nJourneySegmentsAssigned"],
      groupBy: ["journeyOutcomeId", "journeyActionMapId", "journeySegmentId"],
    };
    const sync = await query(api, body);
    const job = await api("/analytics/journeys/aggregates/jobs", { body: { ...body, pageSize: 1 } });
    await sleep(ANALYTICS_JOB_TIMING.fulfilledAfterMs + 50);
    const results: unknown[] = [];
    let cursor: string | undefined;
    do {
      const page = await api(
        `/analytics/journeys/aggregates/jobs/${job.body.jobId}/results${cursor ? `?cursor=${cursor}` : ""}`,
      );
      expect(page.status).toBe(200);
      results.push(...(page.body.results ?? []));
      cursor = page.body.cursor;
    } while (cursor);
    expect(results.length).toBeGreaterThan(1);
    expect(results).toEqual(sync.body.results);
  });
});
