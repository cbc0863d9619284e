// Taking over objects that already exist, driven through each resource's provider (no engine)
// against the sandbox: an object equal to the declaration gets no write at all, one that differs
// gets only what differs. Writes are the sandbox's POST/PUT/PATCH/DELETE counters (tokens aside).
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { sandboxClients, sandboxProvider, useSandbox } from "./helpers";

const sandbox = useSandbox({ rateLimits: { zoom: { limit: 10_000, periodSeconds: 60 } } });
let dir: string;
const clients = () => sandboxClients(sandbox.url);

beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "cxflow-adopt-"));
});
afterAll(() => {
  fs.rmSync(dir, { recursive: true, force: true });
});

const provider = (kind: string) => sandboxProvider(kind, sandbox.url);

/** Write requests the sandbox has counted so far, by vendor and `METHOD /route` (token requests left out). */
function writes(): Record<string, number> {
  const out: Record<string, number> = {};
  for (const [vendor, table] of Object.entries(sandbox.stats().vendors)) {
    if (vendor === "_sandbox") continue;
    for (const [route, n] of Object.entries(table ?? {}))
      if (/^(POST|PUT|PATCH|DELETE) /.test(route) && !route.includes("/oauth/")) out[`${vendor} ${route}`] = n;
  }
  return out;
}

/** The write requests `fn` made, by vendor and route. */
async function writesOf(fn: () => Promise<unknown>): Promise<Record<string, number>> {
  const before = writes();
  await fn();
  const made: Record<string, number> = {};
  for (const [k, n] of Object.entries(writes())) if (n > (before[k] ?? 0)) made[k] = n - (before[k] ?? 0);
  return made;
}

const file = (name: string, content: unknown) => {
  const p = path.join(dir, name);
  fs.writeFileSync(p, JSON.stringify(content));
  return p;
};

describe("adopt writes nothing when the object already matches, and only what differs otherwise", () => {
  test("journey segment", async () => {
    const g = clients().genesys();
    const journey = {
      patterns: [
        {
          criteria: [{ key: "page.url", values: ["/pricing"], operator: "containsAny", shouldIgnoreCase: false }],
          count: 2,
          streamType: "Web",
          sessionType: "web",
        },
      ],
    };
    const body = { description: "by hand", color: "#123456", isActive: true, shouldDisplayToAgent: true, journey };
    // Both exist before the provider's first create: it lists segment names once per process.
    const equal = await g.createSegment({ displayName: "adopt equal", ...body, context: { patterns: [] } } as never);
    const other = await g.createSegment({ displayName: "adopt other", ...body, context: { patterns: [] } } as never);
    const p = await provider("genesys.JourneySegment");
    const declared = {
      description: "by hand",
      shouldDisplayToAgent: true,
      journey: {
        patterns: [
          {
            criteria: [{ key: "page.url", values: ["/pricing"], operator: "containsAny" }],
            count: 2,
            streamType: "Web",
            sessionType: "web",
          },
        ],
      },
      adopt: true,
    };

    let r: any;
    expect(await writesOf(async () => (r = await p.create({ displayName: "adopt equal", ...declared })))).toEqual({});
    expect(r.id).toBe(equal.id);
    expect(r.outs).toMatchObject({ adopted: true, version: equal.version, modifiedDate: equal.modifiedDate });
    expect((await g.getSegment(equal.id)).version).toBe(equal.version);

    const made = await writesOf(() =>
      p.create({ displayName: "adopt other", ...declared, description: "now managed" }),
    );
    expect(made).toEqual({ "genesys PATCH /journey/segments/{segmentId}": 1 });
    expect(await g.getSegment(other.id)).toMatchObject({ description: "now managed", color: "#123456" });
  });

  test("journey outcome", async () => {
    const g = clients().genesys();
    const journey = {
      patterns: [
        {
          criteria: [{ key: "page.url", values: ["/thank-you"], operator: "containsAny" as const }],
          count: 1,
          streamType: "Web" as const,
          sessionType: "web",
        },
      ],
    };
    const body = { description: "by hand", isPositive: true, journey };
    const create = (displayName: string) => g.call("createOutcome", { body: { displayName, ...body } });
    // Both exist before the provider's first create: it lists outcome names once per process.
    const equal = await create("adopt equal outcome");
    const other = await create("adopt other outcome");
    const p = await provider("genesys.JourneyOutcome");
    const declared = { description: "by hand", journey, adopt: true };

    let r: any;
    expect(
      await writesOf(async () => (r = await p.create({ displayName: "adopt equal outcome", ...declared }))),
    ).toEqual({});
    expect(r.id).toBe(equal.id);
    expect(r.outs).toMatchObject({ adopted: true, version: equal.version, modifiedDate: equal.modifiedDate });

    const made = await writesOf(() => p.create({ displayName: "adopt other outcome", ...declared, isPositive: false }));
    expect(made).toEqual({ "genesys PATCH /journey/outcomes/{outcomeId}": 1 });
    expect(await g.call("getOutcome", { params: { outcomeId: other.id } })).toMatchObject({
      isPositive: false,
      description: "by hand",
      version: 2,
    });
  });

  test("journey action template", async () => {
    const g = clients().genesys();
    const contentOffer = { displayMode: "Toast" as const, layoutMode: "TextOnly" as const, headline: "Hi" };
    const create = (name: string) =>
      g.call("createActionTemplate", {
        body: { name, mediaType: "contentOffer", state: "Active", description: "by hand", contentOffer },
      });
    const equal = await create("adopt equal template");
    const other = await create("adopt other template");
    const p = await provider("genesys.JourneyActionTemplate");
    const declared = { mediaType: "contentOffer", description: "by hand", contentOffer, adopt: true };

    let r: any;
    expect(await writesOf(async () => (r = await p.create({ name: "adopt equal template", ...declared })))).toEqual({});
    expect(r).toMatchObject({ id: equal.id, outs: { adopted: true, version: 1 } });
    const made = await writesOf(() => p.create({ name: "adopt other template", ...declared, state: "Inactive" }));
    expect(made).toEqual({ "genesys PATCH /journey/actiontemplates/{actionTemplateId}": 1 });
    expect(await g.call("getActionTemplate", { params: { actionTemplateId: other.id } })).toMatchObject({
      state: "Inactive",
      version: 2,
    });
    // Another media type is not a template PATCH can turn into this one: refused, naming both.
    await expect(
      p.create({ name: "adopt other template", mediaType: "webMessagingOffer", adopt: true }),
    ).rejects.toThrow(/has mediaType "contentOffer", not "webMessagingOffer"/);
  });

  test("journey action map", async () => {
    const g = clients().genesys();
    const segment = await g.createSegment({ displayName: "adopt map segment" });
    const template = await g.call("createActionTemplate", {
      body: {
        name: "adopt map template",
        mediaType: "contentOffer",
        state: "Active",
        contentOffer: { displayMode: "Toast", layoutMode: "TextOnly" },
      },
    });
    const body = {
      triggerWithSegments: [segment.id],
      triggerWithEventConditions: [
        {
          key: "page.url",
          values: ["/b", "/a"],
          operator: "equal" as const,
          streamType: "Web" as const,
          sessionType: "web",
        },
      ],
      pageUrlConditions: [{ values: ["/shop"], operator: "startsWith" as const }],
      action: { mediaType: "contentOffer" as const, actionTemplate: { id: template.id } },
      startDate: "2027-01-01T00:00:00Z",
    };
    const equal = await g.call("createActionMap", { body: { displayName: "adopt equal map", ...body } });
    const other = await g.call("createActionMap", { body: { displayName: "adopt other map", ...body } });
    const p = await provider("genesys.JourneyActionMap");
    // The program's forms: the template by id, values in another order, the default operator left out, another offset.
    const declared = {
      triggerWithSegments: [segment.id],
      triggerWithEventConditions: [{ key: "page.url", values: ["/a", "/b"], streamType: "Web", sessionType: "web" }],
      pageUrlConditions: [{ values: ["/shop"], operator: "startsWith" }],
      action: { mediaType: "contentOffer", actionTemplateId: template.id },
      startDate: "2027-01-01T01:00:00+01:00",
      adopt: true,
    };

    let r: any;
    expect(await writesOf(async () => (r = await p.create({ displayName: "adopt equal map", ...declared })))).toEqual(
      {},
    );
    expect(r).toMatchObject({ id: equal.id, outs: { adopted: true, version: 1 } });
    const made = await writesOf(() => p.create({ displayName: "adopt other map", ...declared, weight: 3 }));
    expect(made).toEqual({ "genesys PATCH /journey/actionmaps/{actionMapId}": 1 });
    expect(await g.call("getActionMap", { params: { actionMapId: other.id } })).toMatchObject({
      weight: 3,
      version: 2,
    });
  });

  test("action target (always taken over)", async () => {
    const g = clients().genesys();
    const all = [];
    for await (const t of g.actionTargets({ pageSize: 100 })) all.push(t);
    const sales = all.find((t) => t.name === "Sales web chat")!;
    const p = await provider("genesys.ActionTarget");
    const same = {
      targetName: sales.name,
      serviceLevel: sales.serviceLevel,
      shortAbandonThreshold: sales.shortAbandonThreshold,
    };

    let r: any;
    expect(await writesOf(async () => (r = await p.create(same)))).toEqual({});
    expect(r.outs).toMatchObject({ modifiedDate: sales.modifiedDate, original: { name: sales.name } });

    const tuned = { ...same, shortAbandonThreshold: (sales.shortAbandonThreshold ?? 0) + 1 };
    expect(await writesOf(() => p.create(tuned))).toEqual({
      "genesys PATCH /journey/actiontargets/{actionTargetId}": 1,
    });
  });

  test("Our Voice flow: metadata compares by structure, so another key order is no write", async () => {
    const ov = clients().ourvoice();
    // Made in Our Voice with its own key order; the engine hands the provider objects with sorted keys.
    const text = JSON.stringify({ zeta: 1, alpha: { b: 2, a: 1 }, list: [{ y: 1, x: 2 }] });
    const equal = await ov.createFlow({
      name: "adopt equal flow",
      type: "voice",
      description: "d",
      metadata: text,
    } as never);
    const other = await ov.createFlow({
      name: "adopt other flow",
      type: "sms",
      description: "d",
      metadata: text,
    } as never);
    const p = await provider("ourvoice.Flow");
    const metadata = { alpha: { a: 1, b: 2 }, list: [{ x: 2, y: 1 }], zeta: 1 };

    let r: any;
    const none = await writesOf(
      async () =>
        (r = await p.create({ name: "adopt equal flow", type: "voice", description: "d", metadata, adopt: true })),
    );
    expect(none).toEqual({});
    expect(r).toMatchObject({ id: equal.id, outs: { adopted: true, updatedAt: equal.updated_at, metadata } });
    expect(await ov.getFlow(equal.id)).toMatchObject({ updated_at: equal.updated_at, metadata: text });

    const made = await writesOf(() =>
      p.create({ name: "adopt other flow", type: "sms", description: "managed", metadata, adopt: true }),
    );
    expect(made).toEqual({ "ourvoice PUT /flows/{flowId}": 1 });
    // Only the description was sent: the metadata text keeps its own key order.
    expect(await ov.getFlow(other.id)).toMatchObject({ description: "managed", metadata: text });
  });

  test("Zoom flow: the same content (without the channel fields Zoom's export adds) imports and publishes nothing", async () => {
    const z = clients().zoom();
    const content = { definition: { start: "menu", nodes: [{ id: "menu", say: "hello" }] } };
    const importNew = async (name: string, c: unknown) => {
      const f = await z.importFlow({
        flow_name: name,
        flow_file: { filename: "f.json", contentType: "application/json", text: JSON.stringify(c) },
        import_mode: "new",
      });
      await z.publishFlow(f.flow_id, 1);
      return z.getFlow(f.flow_id);
    };
    const equal = await importNew("adopt equal ivr", content);
    const other = await importNew("adopt other ivr", content);
    expect(await z.exportFlow(equal.flow_id, 1)).toMatchObject({ channel: "voice" });
    const p = await provider("zoom.Flow");
    // The file as the user keeps it: key order of its own, no channel fields.
    const same = file("same.json", { definition: { nodes: [{ say: "hello", id: "menu" }], start: "menu" } });

    let r: any;
    const none = await writesOf(
      async () => (r = await p.create({ name: "adopt equal ivr", flowFile: same, publish: true, adopt: true })),
    );
    expect(none).toEqual({});
    expect(r).toMatchObject({ id: equal.flow_id, outs: { adopted: true, version: 1, publishedVersion: 1 } });
    expect((await z.getFlow(equal.flow_id)).flow_versions).toEqual(equal.flow_versions);

    const changed = file("changed.json", { definition: { start: "menu", nodes: [{ id: "menu", say: "bye" }] } });
    const made = await writesOf(() =>
      p.create({ name: "adopt other ivr", flowFile: changed, publish: true, adopt: true }),
    );
    expect(made).toEqual({
      "zoom POST /contact_center/flows": 1,
      "zoom PUT /contact_center/flows/{flowId}/publish": 1,
    });
    expect(latestVersion(await z.getFlow(other.flow_id))).toBe(2);
  });
});

const latestVersion = (f: { flow_versions?: { flow_version: number }[] }) =>
  Math.max(...(f.flow_versions ?? []).map((v) => v.flow_version));

describe("Zoom flowFile moved to another path with the same content", () => {
  test("is an update that records the new path and sends nothing", async () => {
    const content = { channel: "voice", definition: { start: "a" } };
    const first = file("first.json", content);
    const moved = file("moved.json", content);
    const p = await provider("zoom.Flow");
    const inputs = (await p.check!({}, { name: "moved ivr", flowFile: first })).inputs;
    const { id, outs } = await p.create(inputs);
    expect(outs.flowFile).toBe(first);

    const news = (await p.check!(inputs, { name: "moved ivr", flowFile: moved })).inputs;
    expect(await p.diff!(id, outs, news)).toMatchObject({ changes: true, replaces: [] });
    const before = sandbox.stats().vendors.zoom ?? {};
    let updated: any;
    expect(await writesOf(async () => (updated = await p.update!(id, outs, news)))).toEqual({});
    expect(sandbox.stats().vendors.zoom).toEqual(before);
    expect(updated.outs).toMatchObject({ flowFile: moved, fileHash: outs.fileHash, version: 1 });
  });
});
