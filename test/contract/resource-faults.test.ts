// The resources' provider side, driven directly (no engine) against the sandbox under faults: an
// ambiguous create is never repeated blindly, and a concurrent edit is re-read and re-applied.
import { createServer, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { config, genesys, ourvoice } from "../../provider";
import { requests, sandboxConfig, sandboxProvider, faults as setFaults, useSandbox } from "./helpers";

const sandbox = useSandbox();

const client = () => genesys.genesysClient(config.resolveGenesys(sandboxConfig(sandbox.url), {}));
const provider = (kind: string, sandboxUrl = sandbox.url) => sandboxProvider(kind, sandboxUrl);
const faults = (body: object) => setFaults(sandbox, body);

async function segmentsNamed(name: string) {
  const out: genesys.models.JourneySegment[] = [];
  for await (const s of client().segments({ pageSize: 200 })) if (s.displayName === name) out.push(s);
  return out;
}

describe("JourneySegment provider", () => {
  afterEach(() => faults({}));

  test("a create whose answer is lost is found by name: exactly one segment, and it is the one in state", async () => {
    const p = await provider("genesys.JourneySegment");
    await faults({ genesys: { "lost-create": 1 } });
    const { id, outs } = await p.create({ displayName: "lost answer", isActive: false });
    const found = await segmentsNamed("lost answer");
    expect(found.map((s) => s.id)).toEqual([id]);
    expect(outs).toMatchObject({ displayName: "lost answer", isActive: false, adopted: false });
  });

  describe("with someone else editing between our read and our write", () => {
    let proxy: Server;
    let proxyUrl: string;
    let interfered = 0;

    // Forwards to the sandbox; before the first PATCH of a segment it makes a concurrent edit.
    beforeAll(async () => {
      proxy = createServer(async (req: IncomingMessage, res) => {
        const chunks: Buffer[] = [];
        for await (const c of req) chunks.push(c as Buffer);
        const segment = /\/journey\/segments\/([^/?]+)$/.exec(req.url ?? "")?.[1];
        if (req.method === "PATCH" && segment && interfered++ === 0) {
          const now = await client().getSegment(segment);
          await client().patchSegment(segment, { version: now.version, color: "#111111" });
        }
        const answer = await fetch(`${sandbox.url}${req.url}`, {
          method: req.method,
          headers: Object.fromEntries(
            Object.entries(req.headers).filter(([k]) => !["host", "connection", "content-length"].includes(k)),
          ) as Record<string, string>,
          body: chunks.length ? Buffer.concat(chunks) : undefined,
        });
        res.writeHead(answer.status, Object.fromEntries(answer.headers));
        res.end(Buffer.from(await answer.arrayBuffer()));
      });
      await new Promise<void>((r) => proxy.listen(0, "127.0.0.1", r));
      proxyUrl = `http://127.0.0.1:${(proxy.address() as AddressInfo).port}`;
    });
    afterAll(() => new Promise<void>((r) => proxy.close(() => r())));

    test("the update gets a conflict, reads again, and applies the user's fields over the other edit", async () => {
      const made = await client().createSegment({ displayName: "contended", isActive: true });
      const p = await provider("genesys.JourneySegment", proxyUrl);
      const olds = (await p.read!(made.id, { displayName: "contended" } as any)).props!;
      const { outs } = await p.update!(made.id, olds, {
        displayName: "contended",
        isActive: false,
        description: "ours",
      });
      expect(interfered).toBeGreaterThan(1);
      const now = await client().getSegment(made.id);
      // Ours applied; theirs (a field the program leaves to the server) kept; two writes, so version 3.
      expect(now).toMatchObject({ isActive: false, description: "ours", color: "#111111", version: 3 });
      expect(outs).toMatchObject({ isActive: false, description: "ours", color: "#111111", version: 3 });
    });
  });
});

describe("JourneyOutcome provider", () => {
  afterEach(() => faults({}));

  test("a create whose answer is lost is found by name: exactly one outcome, and it is the one in state", async () => {
    const p = await provider("genesys.JourneyOutcome");
    await faults({ genesys: { "lost-create": 1 } });
    const posts = () => requests(sandbox, "genesys", "POST /journey/outcomes");
    const before = posts();
    const { id, outs } = await p.create({ displayName: "lost answer outcome", isPositive: false });
    const named = [];
    for await (const o of client().outcomes({ pageSize: 200 }))
      if (o.displayName === "lost answer outcome") named.push(o.id);
    expect(named).toEqual([id]);
    expect(posts() - before).toBe(1);
    expect(outs).toMatchObject({ displayName: "lost answer outcome", isPositive: false, adopted: false });
  });
});

describe("JourneyActionTemplate provider", () => {
  afterEach(() => faults({}));

  test("a create whose answer is lost is found by name: exactly one template", async () => {
    const p = await provider("genesys.JourneyActionTemplate");
    await faults({ genesys: { "lost-create": 1 } });
    const posts = () => requests(sandbox, "genesys", "POST /journey/actiontemplates");
    const before = posts();
    const { id } = await p.create({ name: "lost answer template", mediaType: "webMessagingOffer" });
    const named = [];
    for await (const t of client().actionTemplates({ pageSize: 200 }))
      if (t.name === "lost answer template") named.push(t.id);
    expect(named).toEqual([id]);
    expect(posts() - before).toBe(1);
  });
});

describe("JourneyActionMap provider", () => {
  afterEach(() => faults({}));

  test("a create whose answer is lost is found by name: exactly one map", async () => {
    const p = await provider("genesys.JourneyActionMap");
    await faults({ genesys: { "lost-create": 1 } });
    const posts = () => requests(sandbox, "genesys", "POST /journey/actionmaps");
    const before = posts();
    const { id } = await p.create({ displayName: "lost answer map", action: { mediaType: "webMessagingOffer" } });
    const named = [];
    for await (const m of client().actionMaps({ pageSize: 200 }))
      if (m.displayName === "lost answer map") named.push(m.id);
    expect(named).toEqual([id]);
    expect(posts() - before).toBe(1);
  });

  test("a template of another media type is refused before any write, naming the property", async () => {
    const t = await client().call("createActionTemplate", {
      body: { name: "faults messaging template", mediaType: "webMessagingOffer", state: "Active" },
    });
    const p = await provider("genesys.JourneyActionMap");
    const posts = () => requests(sandbox, "genesys", "POST /journey/actionmaps");
    const before = posts();
    await expect(
      p.create({ displayName: "mismatched map", action: { mediaType: "contentOffer", actionTemplateId: t.id } }),
    ).rejects.toThrow(
      `action.actionTemplateId: the action template "faults messaging template" (${t.id}) is a webMessagingOffer template, but action.mediaType is "contentOffer"; they must match`,
    );
    expect(posts()).toBe(before);
  });

  test("deleting a segment a map uses fails naming the map and what to do", async () => {
    const segments = await provider("genesys.JourneySegment");
    const { id: segmentId } = await segments.create({ displayName: "used by a map" });
    const maps = await provider("genesys.JourneyActionMap");
    const { id: mapId } = await maps.create({
      displayName: "map using a segment",
      triggerWithSegments: [segmentId],
      action: { mediaType: "webMessagingOffer" },
    });
    await expect(segments.delete!(segmentId, { displayName: "used by a map" })).rejects.toThrow(
      `cannot delete journey segment "used by a map" (${segmentId}): action map "map using a segment" (${mapId}) still uses it`,
    );
    await maps.delete!(mapId, { displayName: "map using a segment" });
    await segments.delete!(segmentId, { displayName: "used by a map" });
    await expect(client().getSegment(segmentId)).rejects.toMatchObject({ code: "not_found" });
  });
});

describe("Our Voice Flow provider", () => {
  afterEach(() => faults({}));

  test("a create whose answer is lost is found by name: exactly one flow", async () => {
    const p = await provider("ourvoice.Flow");
    await faults({ ourvoice: { "lost-create": 1 } });
    const posts = () => requests(sandbox, "ourvoice", "POST /flows");
    const before = posts();
    const { id } = await p.create({ name: "lost answer flow", type: "voice" });
    const o = ourvoice.ourvoiceClient(config.resolveOurVoice(sandboxConfig(sandbox.url), {}));
    const named = [];
    for await (const f of o.flows({ "filter[name]": "lost answer flow" }))
      if (f.name === "lost answer flow") named.push(f.id);
    expect(named).toEqual([id]);
    expect(posts() - before).toBe(1);
  });
});

describe("Zoom Flow provider", () => {
  afterEach(() => faults({}));

  test("an update whose import answer is lost is found by its content: one new version, not two", async () => {
    const fs = await import("node:fs");
    const os = await import("node:os");
    const path = await import("node:path");
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "cxflow-zoom-lost-"));
    try {
      const file = path.join(dir, "flow.json");
      const content = (start: string) =>
        JSON.stringify({ channel: "voice", channel_type: "voice", definition: { start } });
      fs.writeFileSync(file, content("menu"));
      const p = await provider("zoom.Flow");
      const v1 = (await p.check!({}, { name: "lost import flow", flowFile: file })).inputs;
      const { id, outs } = await p.create(v1);
      fs.writeFileSync(file, content("queue"));
      const v2 = (await p.check!(v1, { name: "lost import flow", flowFile: file })).inputs;
      const imports = () => requests(sandbox, "zoom", "POST /contact_center/flows");
      const before = imports();
      await faults({ zoom: { "lost-create": 1 } });
      const updated = await p.update!(id, outs, v2);
      expect(imports() - before).toBe(1);
      expect(updated.outs.version).toBe(outs.version + 1);
      expect(updated.outs.fileHash).toBe(v2.fileHash);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe("ArchitectFlow provider", () => {
  afterEach(() => faults({}));
  const flow = (name: string, greeting: string) => ({
    content: `inboundCall:\n  name: ${name}\n  initialGreeting:\n    tts: ${greeting}\n`,
  });

  test("a storm of 429s while publishing is waited out, not a failed publish", async () => {
    const p = await provider("genesys.ArchitectFlow");
    const inputs = (await p.check!({}, flow("storm flow", "Hello"))).inputs;
    const throttled = () => sandbox.stats().vendors.genesys?.["GET /flows/jobs/{jobId}"] ?? 0;
    await faults({ genesys: { storm: 2 } });
    const before = throttled();
    const { id, outs } = await p.create(inputs);
    expect(outs).toMatchObject({ name: "storm flow", publishedVersion: "1.0", deployedVersion: "1.0" });
    expect((await client().call("getFlow", { params: { flowId: id } })).publishedVersion?.id).toBe("1.0");
    expect(throttled() - before).toBeGreaterThan(0);
  });

  test("a publish job that finds the flow locked fails naming who holds it, and says how to release it", async () => {
    const p = await provider("genesys.ArchitectFlow");
    const v1 = (await p.check!({}, flow("locked flow", "Hello"))).inputs;
    const { id, outs } = await p.create(v1);
    const v2 = (await p.check!(v1, flow("locked flow", "Hello again"))).inputs;
    await faults({ genesys: { "flow-lock": 1 } });
    const e = (await p.update!(id, outs, v2).catch((x) => x)) as Error;
    expect(e.message).toMatch(
      /architect flow "locked flow": publish job \S+ failed:\n {2}- Error: .*locked by Dana Whitfield/,
    );
    expect(e.message).toMatch(/set forceUnlock: true to release someone else's lock first/);
    expect((await client().call("getFlow", { params: { flowId: id } })).publishedVersion?.id).toBe("1.0");
  });
});
