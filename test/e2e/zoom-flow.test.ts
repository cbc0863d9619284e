// One scenario: tests run in order, each building on the last.
// cxflow.zoom.Flow under the real engine, against the sandbox.
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import type { zoom } from "../../provider";
import type { Sandbox } from "../../sandbox";
import { PulumiCommandError, scenario, type TestStack } from "./harness";
import { type Declared, declare, requestCount, sandboxClients, stored, useResourceStack } from "./resources";

jest.setTimeout(10 * 60_000);

const flow = (name: string, args: Record<string, unknown>): Declared => ({ type: "zoom.Flow", name, args });

const V1 = {
  channel: "voice",
  channel_type: "voice",
  definition: { start: "greet", widgets: [{ id: "greet", type: "play_message", next: "end" }] },
};
const V2 = {
  channel: "voice",
  channel_type: "voice",
  definition: {
    start: "greet",
    widgets: [
      { id: "greet", type: "play_message", next: "menu" },
      { id: "menu", type: "menu", next: "end" },
    ],
  },
};
/** The content the sandbox seeds every flow with. */
const SEEDED = {
  channel: "voice",
  channel_type: "voice",
  definition: { start: "greeting", widgets: [{ id: "greeting", type: "play_message", next: "end" }] },
};

const MAIN = {
  name: "e2e Support line",
  description: "Routes support calls",
  versionDescription: "first cut",
  publish: true,
};

describe("Zoom Flow", () => {
  const step = scenario();
  let sandbox: Sandbox;
  let stack: TestStack;
  let baseline: zoom.models.Flow[];
  let dir: string;
  /** Writes a flow file into the test's temp dir and returns its absolute path. */
  const file = (name: string, content: unknown) => {
    const p = path.join(dir, name);
    fs.writeFileSync(p, typeof content === "string" ? content : JSON.stringify(content, null, 2));
    return p;
  };
  const client = () => sandboxClients(sandbox.url).zoom();
  const allFlows = async () => {
    const out: zoom.models.Flow[] = [];
    for await (const f of client().flows({ page_size: 100 })) out.push(f);
    return out.sort((a, b) => a.flow_id.localeCompare(b.flow_id));
  };
  const statuses = (f: zoom.models.Flow) => (f.flow_versions ?? []).map((v) => v.flow_version_status);

  useResourceStack(async (s) => {
    ({ sandbox, stack } = s);
    baseline = await allFlows();
  });
  beforeAll(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), "cxflow-zoom-flow-"));
  });
  afterAll(() => {
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
  });

  /** The output of a preview that must fail without a single sandbox request. */
  const failedPreview = async (decls: Declared[]) => {
    await declare(stack, decls);
    const before = sandbox.stats().total;
    const e = (await stack.preview().catch((x) => x)) as PulumiCommandError;
    expect(e).toBeInstanceOf(PulumiCommandError);
    expect(sandbox.stats().total).toBe(before);
    return e.result.output;
  };

  step("a bad stack fails its preview, naming each property and what is allowed, with zero requests", async () => {
    const out = await failedPreview([flow("bad", { flowFile: file("good.json", V1), publish: "yes", owner: "me" })]);
    expect(out).toMatch(/name.*is required/);
    expect(out).toMatch(/publish.*must be boolean; got "yes"/);
    expect(out).toMatch(/owner.*not a known property; allowed: flowFile, name, description/);
  });

  step(
    "a flow file that is missing, not JSON or not an object fails the preview on flowFile, with zero requests",
    async () => {
      const bad = (flowFile: string) => [flow("bad", { name: "e2e Bad file", flowFile })];
      expect(await failedPreview(bad(file("notes.txt", "play a greeting, then hang up")))).toMatch(
        /flowFile.*has a problem: .*notes\.txt is not JSON/,
      );
      expect(await failedPreview(bad(path.join(dir, "nowhere.json")))).toMatch(
        /flowFile.*has a problem: no flow file at .*nowhere\.json/,
      );
      expect(await failedPreview(bad(file("array.json", [V1])))).toMatch(
        /flowFile.*has a problem: .*array\.json must hold a JSON object.*not an array/,
      );
      expect(await failedPreview(bad('{"channel": "voice",'))).toMatch(
        /flowFile.*has a problem: the flowFile content is not JSON/,
      );
    },
  );

  step("creates a flow from a file and publishes version 1; then nothing changes", async () => {
    await declare(stack, [flow("main", { ...MAIN, flowFile: file("v1.json", V1) })]);
    await stack.up();
    const { main } = await stored(stack);
    const f = await client().getFlow(main.id);
    expect(f).toMatchObject({
      flow_name: MAIN.name,
      flow_description: MAIN.description,
      channel: "voice",
      status: "published",
    });
    expect(f.flow_versions).toEqual([
      expect.objectContaining({
        flow_version: 1,
        flow_version_status: "published",
        flow_version_description: "first cut",
      }),
    ]);
    expect(main.outputs).toMatchObject({
      name: MAIN.name,
      channel: "voice",
      channelType: "voice",
      status: "published",
      version: 1,
      publishedVersion: 1,
      versionDescription: "first cut",
      entryPoints: [],
      publish: true,
      adopted: false,
    });
    expect(main.outputs.fileHash).toMatch(/^[0-9a-f]{64}$/);
    await stack.preview({ expectNoChanges: true });
    await stack.refresh({ expectNoChanges: true });
  });

  step("the serialized provider is small and no credential reaches state", async () => {
    const { main } = await stored(stack);
    expect(main.providerBytes).toBeGreaterThan(0);
    expect(main.providerBytes).toBeLessThanOrEqual(2048);
    expect(await stack.exportText()).not.toContain("sandbox-secret");
  });

  step("a new name and description update the flow in place", async () => {
    const before = (await stored(stack)).main;
    await declare(stack, [
      flow("main", { ...MAIN, name: "e2e Support line (EN)", description: "", flowFile: path.join(dir, "v1.json") }),
    ]);
    await stack.up();
    const after = (await stored(stack)).main;
    expect(after.id).toBe(before.id);
    expect(await client().getFlow(after.id)).toMatchObject({
      flow_name: "e2e Support line (EN)",
      flow_description: "",
    });
    expect(after.outputs.version).toBe(1);
    await stack.preview({ expectNoChanges: true });
  });

  step("new file content becomes version 2, published in place of version 1", async () => {
    const before = (await stored(stack)).main;
    await declare(stack, [flow("main", { ...MAIN, versionDescription: "adds a menu", flowFile: file("v2.json", V2) })]);
    await stack.up();
    const after = (await stored(stack)).main;
    expect(after.id).toBe(before.id);
    const f = await client().getFlow(after.id);
    expect(f.flow_name).toBe(MAIN.name);
    expect(statuses(f)).toEqual(["archived", "published"]);
    expect(f.flow_versions?.[1].flow_version_description).toBe("adds a menu");
    expect((await client().exportFlow(after.id, 2)).definition).toEqual(V2.definition);
    expect(after.outputs).toMatchObject({ version: 2, publishedVersion: 2, versionDescription: "adds a menu" });
    await stack.preview({ expectNoChanges: true });
    await stack.refresh({ expectNoChanges: true });
  });

  step(
    "the same content under another path, key order and metadata only records the new path: no Zoom request",
    async () => {
      const copy = file("copy.json", { flow_name: "exported name", flow_version: 9, ...V2, channel_type: "voice" });
      await declare(stack, [flow("main", { ...MAIN, versionDescription: "adds a menu", flowFile: copy })]);
      const zoomRequests = requestCount(sandbox, "zoom");
      await stack.up();
      expect(requestCount(sandbox, "zoom")).toBe(zoomRequests);
      const { main } = await stored(stack);
      expect(main.outputs).toMatchObject({ flowFile: copy, version: 2, publishedVersion: 2 });
      await stack.preview({ expectNoChanges: true });
    },
  );

  step("a rename and a publish outside Pulumi are seen by refresh and undone by up", async () => {
    const { main } = await stored(stack);
    await client().updateFlow(main.id, { flow_version: 2, flow_name: "e2e Renamed by hand" });
    await client().publishFlow(main.id, 1);
    await stack.refresh();
    expect((await stored(stack)).main.outputs).toMatchObject({ name: "e2e Renamed by hand", publishedVersion: 1 });
    await expect(stack.preview({ expectNoChanges: true })).rejects.toThrow(PulumiCommandError);
    await stack.up();
    const f = await client().getFlow(main.id);
    expect(f.flow_name).toBe(MAIN.name);
    expect(statuses(f)).toEqual(["archived", "published"]);
    await stack.preview({ expectNoChanges: true });
  });

  step("a version imported outside Pulumi is replaced by the file's content on up", async () => {
    const { main } = await stored(stack);
    await client().importFlow({
      flow_name: MAIN.name,
      flow_file: { filename: "hand.json", contentType: "application/json", text: JSON.stringify(SEEDED) },
      import_mode: "version",
    });
    await stack.refresh();
    expect((await stored(stack)).main.outputs.version).toBe(3);
    await expect(stack.preview({ expectNoChanges: true })).rejects.toThrow(PulumiCommandError);
    await stack.up();
    const f = await client().getFlow(main.id);
    expect(statuses(f)).toEqual(["archived", "archived", "draft", "published"]);
    expect((await client().exportFlow(main.id, 4)).definition).toEqual(V2.definition);
    await stack.preview({ expectNoChanges: true });
  });

  step("a flow deleted outside Pulumi leaves state on refresh and is created again by up", async () => {
    const { main } = await stored(stack);
    await client().deleteFlow(main.id);
    await stack.refresh();
    expect((await stored(stack)).main).toBeUndefined();
    await stack.up();
    const again = (await stored(stack)).main;
    expect(again.id).not.toBe(main.id);
    const f = await client().getFlow(again.id);
    expect(f.flow_name).toBe(MAIN.name);
    expect(statuses(f)).toEqual(["published"]);
    expect((await client().exportFlow(again.id, 1)).definition).toEqual(V2.definition);
  });

  step("an existing name is refused without adopt and taken over with it", async () => {
    const existing = await client().importFlow({
      flow_name: "e2e Made by hand",
      flow_file: { filename: "hand.json", contentType: "application/json", text: JSON.stringify(V1) },
      import_mode: "new",
      flow_description: "by hand",
    });
    const main = flow("main", { ...MAIN, versionDescription: "adds a menu", flowFile: path.join(dir, "v2.json") });
    const hand = { name: "e2e Made by hand", description: "now managed", flowFile: path.join(dir, "v1.json") };
    await declare(stack, [main, flow("hand", hand)]);
    const e = (await stack.up().catch((x) => x)) as PulumiCommandError;
    expect(e).toBeInstanceOf(PulumiCommandError);
    expect(e.result.output).toMatch(/zoom flow named "e2e Made by hand" already exists: set adopt: true/);
    expect((await allFlows()).filter((f) => f.flow_name === "e2e Made by hand")).toHaveLength(1);
    expect((await stored(stack)).hand).toBeUndefined();

    await declare(stack, [main, flow("hand", { ...hand, adopt: true })]);
    await stack.up();
    const s = (await stored(stack)).hand;
    expect(s.id).toBe(existing.flow_id);
    expect(s.outputs).toMatchObject({ adopted: true, version: 1 });
    // The same content is not imported again.
    expect(await client().getFlow(existing.flow_id)).toMatchObject({
      flow_description: "now managed",
      flow_versions: [expect.objectContaining({ flow_version: 1 })],
    });
    await stack.preview({ expectNoChanges: true });
  });

  step("a flow bound to entry points cannot be destroyed, and Zoom's message names them", async () => {
    const ivr = baseline.find((f) => f.flow_name === "Main IVR")!;
    const decls = [
      flow("main", { ...MAIN, versionDescription: "adds a menu", flowFile: path.join(dir, "v2.json") }),
      flow("hand", { name: "e2e Made by hand", description: "now managed", flowFile: path.join(dir, "v1.json") }),
    ];
    // The seeded flow's own content and descriptions: taking it over changes nothing.
    const adopted = flow("ivr", {
      name: "Main IVR",
      description: ivr.flow_description,
      versionDescription: "v2",
      flowFile: file("seeded.json", SEEDED),
      adopt: true,
    });
    await declare(stack, [...decls, adopted]);
    await stack.up();
    expect((await stored(stack)).ivr).toMatchObject({ id: ivr.flow_id, outputs: { adopted: true, version: 2 } });
    expect(await client().getFlow(ivr.flow_id)).toEqual(ivr);

    await declare(stack, decls);
    const e = (await stack.up().catch((x) => x)) as PulumiCommandError;
    expect(e).toBeInstanceOf(PulumiCommandError);
    expect(e.result.output).toMatch(
      /cannot delete zoom flow "Main IVR" \([\w-]+\): .*3209 The flow is in use by entry points.*Main line, Línea principal/,
    );
    expect(await client().getFlow(ivr.flow_id)).toEqual(ivr);
    // The flow stays Zoom's: only the stack lets go of it.
    const state = await stack.exportState();
    const urn = state.deployment.resources?.find((r) => r.urn.endsWith("::ivr"))?.urn;
    expect(urn).toBeDefined();
    await stack.run(["state", "delete", urn!, "--force", "--yes"]);
    expect((await stored(stack)).ivr).toBeUndefined();
    await stack.preview({ expectNoChanges: true });
  });

  step("destroy leaves the sandbox's flows as they were", async () => {
    await stack.destroy();
    expect(await allFlows()).toEqual(baseline);
    expect(requestCount(sandbox, "zoom")).toBeGreaterThan(0);
  });
});
