// Genesys segment/outcome/action-target and Zoom flow lookups against the sandbox, checked against the clients' own listings.
import { randomUUID } from "node:crypto";
import { config, genesys, zoom } from "../../provider";
import { FunctionArgsError } from "../../provider/function";
import { counter as countFrom, sandboxConfig, useSandbox } from "./helpers";

jest.setTimeout(60_000);

const SEGMENTS = "GET /journey/segments";
const FLOWS = "GET /contact_center/flows";
/** Zoom's `next_page_token` lifetime (15 minutes), plus a minute. */
const PAST_TOKEN_LIFETIME_MS = 16 * 60_000;

const sandbox = useSandbox(
  { rateLimits: { genesys: { limit: 100_000, periodSeconds: 60 }, zoom: { limit: 10_000, periodSeconds: 1 } } },
  { env: true },
);
let segments: genesys.models.JourneySegment[];

const source = () => sandboxConfig(sandbox.url);
// Budgets that never slow a test; the functions read the same ones from env (a smaller budget would apply to all).
const genesysClient = () =>
  genesys.genesysClient({ ...config.resolveGenesys(source(), {}), budget: { limit: 100_000, periodMs: 60_000 } });
const zoomClient = () =>
  zoom.zoomClient({ ...config.resolveZoom(source(), {}), budget: { limit: 10_000, periodMs: 1_000 } });
/** Counts requests to `key` from now on. */
const counter = (vendor: "genesys" | "zoom", key: string) => countFrom(sandbox, vendor, key);
const flowFile = (channel: object) => ({
  filename: "flow.json",
  contentType: "application/json",
  text: JSON.stringify({ ...channel, definition: { start: "hello" } }),
});

beforeAll(async () => {
  process.env.CXFLOW_GENESYS_REQUESTS_PER_MINUTE = "100000";
  process.env.CXFLOW_ZOOM_REQUESTS_PER_SECOND = "10000";
  const g = genesysClient();
  segments = [];
  // "Lookup 1" is part of "Lookup 10".."Lookup 199": exact-name checks can tell the two apart.
  for (let i = 1; i <= 250; i++)
    segments.push(await g.createSegment({ displayName: `Lookup ${i}`, isActive: i % 3 !== 0 }));
  // 120 imported flows (plus the 8 seeded) span two pages of 100; every third is published.
  const z = zoomClient();
  for (let i = 1; i <= 120; i++) {
    const channel = i % 2 === 0 ? { channel_type: "chat" } : { channel: "voice" };
    const f = await z.importFlow({ flow_name: `Lookup flow ${i}`, flow_file: flowFile(channel), import_mode: "new" });
    if (i % 3 === 0) await z.publishFlow(f.flow_id);
  }
});
afterAll(() => {
  delete process.env.CXFLOW_GENESYS_REQUESTS_PER_MINUTE;
  delete process.env.CXFLOW_ZOOM_REQUESTS_PER_SECOND;
});

async function all<T>(items: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const item of items) out.push(item);
  return out;
}

describe("genesys.getJourneySegments / getJourneySegment", () => {
  test("250 ids come back in the order asked, 100 per request, with an unknown id reported", async () => {
    const ghost = randomUUID();
    const asked = [...segments].reverse().map((s) => s.id);
    asked.splice(120, 0, ghost);
    const lists = counter("genesys", SEGMENTS);
    const result = await genesys.getJourneySegments({ ids: asked });
    expect(lists()).toBe(3);
    expect(result.segments.map((s) => s.id)).toEqual([...segments].reverse().map((s) => s.id));
    expect(result.segments[0]).toEqual(segments[249]);
    expect(result.missing).toEqual([ghost]);
  });

  test("without ids, every page is read and the name must match exactly", async () => {
    const listed = await all(genesysClient().segments({ pageSize: 7 }));
    expect(listed.length).toBeGreaterThanOrEqual(250);
    const { segments: named, missing } = await genesys.getJourneySegments({ displayName: "Lookup 1" });
    expect(named.map((s) => s.id)).toEqual([segments[0].id]);
    expect(missing).toEqual([]);
    expect(listed.filter((s) => s.displayName.includes("Lookup 1")).length).toBeGreaterThan(1);
    expect(await genesys.getJourneySegment({ displayName: "Lookup 250" })).toEqual(segments[249]);
    await expect(genesys.getJourneySegment({ displayName: "Lookup" })).rejects.toThrow(
      /no segment is named "Lookup" \(similar: "Lookup 1", /,
    );
    expect(await genesys.getJourneySegment({ id: segments[7].id })).toEqual(segments[7]);
  });

  test("a name shared by two segments is refused, naming both", async () => {
    const g = genesysClient();
    const twins = [await g.createSegment({ displayName: "Twin" }), await g.createSegment({ displayName: "Twin" })];
    await expect(genesys.getJourneySegment({ displayName: "Twin" })).rejects.toThrow(
      `2 segments are named "Twin" (${twins[0].id}, ${twins[1].id}): use id`,
    );
  });

  test("isActive keeps only active or only inactive segments, with and without ids", async () => {
    const listed = await all(genesysClient().segments({ pageSize: 200 }));
    const ids = (xs: { id: string }[]) => xs.map((s) => s.id);
    const active = listed.filter((s) => s.isActive);
    expect(active.length).toBeLessThan(listed.length);
    expect(ids((await genesys.getJourneySegments({ isActive: true })).segments)).toEqual(ids(active));
    expect(ids((await genesys.getJourneySegments({ isActive: false })).segments)).toEqual(
      ids(listed.filter((s) => !s.isActive)),
    );
    const some = segments.slice(0, 6);
    const inactive = await genesys.getJourneySegments({ ids: ids(some), isActive: false });
    expect(ids(inactive.segments)).toEqual([some[2].id, some[5].id]);
    expect(inactive.missing).toEqual([]);
  });

  test("the Output form resolves to the same segment and can be made secret", async () => {
    const plain = genesys.getJourneySegmentOutput({ id: segments[3].id });
    const secret = genesys.getJourneySegmentOutput({ id: segments[3].id, secret: true });
    expect(await (plain as any).promise()).toEqual(segments[3]);
    expect(await (plain as any).isSecret).toBe(false);
    expect(await (secret as any).promise()).toEqual(segments[3]);
    expect(await (secret as any).isSecret).toBe(true);
  });
});

describe("genesys.getJourneyOutcomes / getJourneyOutcome", () => {
  const OUTCOMES = "GET /journey/outcomes";
  let outcomes: genesys.models.Outcome[];
  beforeAll(async () => {
    const g = genesysClient();
    outcomes = [];
    for (let i = 1; i <= 45; i++)
      outcomes.push(await g.call("createOutcome", { body: { displayName: `Outcome ${i}`, isActive: i % 4 !== 0 } }));
  });

  test("45 ids come back in the order asked, 20 per request (the API's limit), with an unknown id reported", async () => {
    const ghost = randomUUID();
    const asked = [...outcomes].reverse().map((o) => o.id);
    asked.splice(10, 0, ghost);
    const lists = counter("genesys", OUTCOMES);
    const result = await genesys.getJourneyOutcomes({ ids: asked });
    expect(lists()).toBe(3);
    expect(result.outcomes.map((o) => o.id)).toEqual([...outcomes].reverse().map((o) => o.id));
    expect(result.missing).toEqual([ghost]);
  });

  test("by exact name or id; isActive filters", async () => {
    expect(await genesys.getJourneyOutcome({ displayName: "Outcome 4" })).toEqual(outcomes[3]);
    expect(await genesys.getJourneyOutcome({ id: outcomes[9].id })).toEqual(outcomes[9]);
    await expect(genesys.getJourneyOutcome({ displayName: "Outcome" })).rejects.toThrow(
      /no outcome is named "Outcome" \(similar: "Outcome 1", /,
    );
    const inactive = await genesys.getJourneyOutcomes({ isActive: false });
    expect(inactive.outcomes.map((o) => o.displayName)).toEqual(
      outcomes.filter((o) => !o.isActive).map((o) => o.displayName),
    );
    const named = await genesys.getJourneyOutcomes({ displayName: "Outcome 12", isActive: true });
    expect(named.outcomes).toEqual([]);
  });
});

describe("genesys.getJourneyActionTemplates / getJourneyActionTemplate", () => {
  test("by name, media type and state; a soft-deleted template only when asked for", async () => {
    const g = genesysClient();
    const make = (name: string, mediaType: "architectFlow" | "webMessagingOffer", state: "Active" | "Inactive") =>
      g.call("createActionTemplate", { body: { name, mediaType, state } });
    const a = await make("Lookup flow offer", "architectFlow", "Active");
    const b = await make("Lookup messaging offer", "webMessagingOffer", "Inactive");
    const gone = await make("Lookup gone offer", "architectFlow", "Active");
    await g.call("deleteActionTemplate", { params: { actionTemplateId: gone.id }, query: {} });
    const names = (r: { templates: { name: string }[] }) =>
      r.templates.map((t) => t.name).filter((n) => n.startsWith("Lookup"));
    expect(names(await genesys.getJourneyActionTemplates({}))).toEqual([a.name, b.name]);
    expect(names(await genesys.getJourneyActionTemplates({ mediaType: "architectFlow" }))).toEqual([a.name]);
    expect(names(await genesys.getJourneyActionTemplates({ state: "Deleted" }))).toEqual([gone.name]);
    expect(await genesys.getJourneyActionTemplate({ name: "Lookup messaging offer" })).toMatchObject({ id: b.id });
    await expect(genesys.getJourneyActionTemplate({ name: "Lookup gone offer" })).rejects.toThrow(
      /no action template is named "Lookup gone offer"/,
    );
    expect((await genesys.getJourneyActionTemplate({ id: a.id })).name).toBe(a.name);
  });
});

describe("genesys.getJourneyActionMaps / getJourneyActionMap", () => {
  test("by ids, name, and what the maps use", async () => {
    const g = genesysClient();
    const seg = await g.createSegment({ displayName: "Lookup map segment" });
    const make = (displayName: string, triggerWithSegments: string[]) =>
      g.call("createActionMap", {
        body: { displayName, triggerWithSegments, action: { mediaType: "webMessagingOffer" } },
      });
    const a = await make("Lookup map A", [seg.id]);
    const b = await make("Lookup map B", []);
    const ghost = randomUUID();
    const byIds = await genesys.getJourneyActionMaps({ ids: [b.id, ghost, a.id] });
    expect(byIds.maps.map((m) => m.id)).toEqual([b.id, a.id]);
    expect(byIds.missing).toEqual([ghost]);
    expect((await genesys.getJourneyActionMaps({ segmentId: seg.id })).maps.map((m) => m.id)).toEqual([a.id]);
    expect(await genesys.getJourneyActionMap({ displayName: "Lookup map B" })).toEqual(b);
    expect((await genesys.getJourneyActionMap({ id: a.id })).displayName).toBe("Lookup map A");
  });
});

describe("genesys.getActionTargets / getActionTarget", () => {
  test("every target, by id and by name", async () => {
    const listed = await all(genesysClient().actionTargets({ pageSize: 2 }));
    const { targets } = await genesys.getActionTargets({});
    expect(targets).toEqual(listed);
    for (const t of listed) {
      expect(await genesys.getActionTarget({ id: t.id as string })).toEqual(t);
      expect(await genesys.getActionTarget({ name: t.name as string })).toEqual(t);
    }
    await expect(genesys.getActionTarget({ name: listed[0].name?.slice(0, 4) as string })).rejects.toThrow(
      /no action target is named/,
    );
  });

  test("state and mediaType filters equal the same filters applied to the listing", async () => {
    const listed = await all(genesysClient().actionTargets());
    const ids = (xs: genesys.models.ActionTarget[]) => xs.map((t) => t.id);
    let narrowed = 0;
    for (const state of [undefined, ...genesys.models.ActionTargetState.options]) {
      for (const mediaType of [undefined, ...genesys.models.MediaType.options]) {
        const expected = listed.filter(
          (t) =>
            (state === undefined || t.state === state) &&
            (mediaType === undefined || t.supportedMediaTypes?.includes(mediaType)),
        );
        expect(ids((await genesys.getActionTargets({ state, mediaType })).targets)).toEqual(ids(expected));
        if (expected.length > 0 && expected.length < listed.length) narrowed++;
      }
    }
    expect(narrowed).toBeGreaterThan(3);
  });
});

describe("zoom.getFlows / getFlow", () => {
  test("every flow equals the client's listing; status and channelType filter exactly", async () => {
    const listed = await all(zoomClient().flows({ page_size: 7 }));
    const ids = (xs: zoom.models.Flow[]) => xs.map((f) => f.flow_id);
    expect(listed.length).toBeGreaterThan(100);
    const lists = counter("zoom", FLOWS);
    expect(ids((await zoom.getFlows({})).flows)).toEqual(ids(listed));
    expect(lists()).toBe(2);
    for (const status of zoom.models.FLOW_STATUS_FILTERS) {
      for (const channelType of [undefined, "voice", "chat"] as const) {
        const expected = listed.filter(
          (f) => f.status === status && (channelType === undefined || f.channel_type === channelType),
        );
        expect(ids((await zoom.getFlows({ status, channelType })).flows)).toEqual(ids(expected));
      }
    }
    const chat = (await zoom.getFlows({ channelType: "chat" })).flows;
    expect(chat.length).toBeGreaterThan(50);
    expect(chat.every((f) => f.channel_type === "chat")).toBe(true);
  });

  test("a page token that expires mid-listing still gives each flow exactly once", async () => {
    const listed = await all(zoomClient().flows({ page_size: 100 }));
    const lists = counter("zoom", FLOWS);
    const realNow = Date.now;
    // Sandbox and client share this clock: from the second page on it reads past the first token's lifetime.
    Date.now = () => realNow() + (lists() >= 1 ? PAST_TOKEN_LIFETIME_MS : 0);
    let got: zoom.models.Flow[];
    try {
      got = (await zoom.getFlows({})).flows;
    } finally {
      Date.now = realNow;
    }
    // Page 1, the refused page 2, then pages 1 and 2 again.
    expect(lists()).toBe(4);
    expect(got.map((f) => f.flow_id)).toEqual(listed.map((f) => f.flow_id));
    expect(new Set(got.map((f) => f.flow_id)).size).toBe(got.length);
  });

  test("one flow by id or exact name", async () => {
    const [first] = (await zoom.getFlows({})).flows;
    expect(await zoom.getFlow({ id: first.flow_id })).toMatchObject({ flow_name: first.flow_name });
    expect(await zoom.getFlow({ name: "Lookup flow 12" })).toMatchObject({ flow_name: "Lookup flow 12" });
    await expect(zoom.getFlow({ name: "Lookup flow" })).rejects.toThrow(/Flow does not exist: Lookup flow\b/);
  });

  test("the Output form can be made secret", async () => {
    const out = zoom.getFlowsOutput({ status: "published", secret: true });
    expect((await (out as any).promise()).flows).toEqual((await zoom.getFlows({ status: "published" })).flows);
    expect(await (out as any).isSecret).toBe(true);
  });
});

describe("bad arguments", () => {
  test("fail before any request, naming the property", async () => {
    const before = sandbox.stats().total;
    const bad = async (p: Promise<unknown>, message: RegExp) => {
      await expect(p).rejects.toThrow(FunctionArgsError);
      await expect(p).rejects.toThrow(message);
    };
    await bad(genesys.getJourneySegment({ id: "x" }), /^genesys\.getJourneySegment: id /);
    await bad(
      genesys.getJourneySegment({ id: randomUUID(), displayName: "a" }),
      /id set exactly one of id and displayName/,
    );
    await bad(genesys.getJourneySegments({ ids: [randomUUID(), "nope"] }), /ids\[1\] /);
    await bad(genesys.getJourneySegments({ ids: [] }), /ids /);
    await bad(genesys.getJourneySegments({ isActive: "yes" } as any), /isActive /);
    await bad(genesys.getJourneyOutcome({ id: "x" }), /^genesys\.getJourneyOutcome: id /);
    await bad(
      genesys.getJourneyOutcomes({ name: "Purchase" } as any),
      /name is not a known property; allowed: ids, displayName, isActive/,
    );
    await bad(genesys.getJourneyActionTemplates({ mediaType: "sms" } as any), /mediaType /);
    await bad(genesys.getActionTarget({}), /id set exactly one of id and name/);
    await bad(genesys.getActionTargets({ state: "gone" } as any), /state /);
    await bad(
      genesys.getActionTargets({ media: "email" } as any),
      /media is not a known property; allowed: state, mediaType/,
    );
    await bad(zoom.getFlows({ status: "debugging" } as any), /^zoom\.getFlows: status /);
    await bad(
      zoom.getFlows({ channel_type: "voice" } as any),
      /channel_type is not a known property; allowed: status, channelType/,
    );
    await bad(zoom.getFlow({ id: "a", name: "b" }), /id set exactly one of id and name/);
    expect(sandbox.stats().total).toBe(before);
  });
});
