// One scenario: tests run in order, each building on the last.
// cxflow.ourvoice.Flow under the real engine, against the sandbox.
import type { ourvoice } from "../../provider";
import type { Sandbox } from "../../sandbox";
import { PulumiCommandError, scenario, type TestStack } from "./harness";
import { type Declared, declare, requestCount, sandboxClients, stored, useResourceStack } from "./resources";

jest.setTimeout(10 * 60_000);

const flow = (name: string, args: Record<string, unknown>, secret?: string[]): Declared => ({
  type: "ourvoice.Flow",
  name,
  args,
  secret,
});

/** A value that must reach the sandbox but never the stack's state in plaintext. */
const SECRET = "routing-token-7f3a9c";

const FULL = {
  name: "e2e Main menu",
  type: "voice",
  description: "Routes callers to support",
  status: "published",
  metadata: { team: "support", routing: { queue: "q-17", token: SECRET } },
};
const MINIMAL = { name: "e2e Minimal", type: "sms" };

/** The "full" flow; its metadata, when it has one, is passed as a secret. */
const full = (args: Record<string, unknown> = FULL) =>
  flow("full", args, args.metadata !== undefined ? ["metadata"] : undefined);
const minimal = (args: Record<string, unknown> = MINIMAL) => flow("minimal", args);

/** The sandbox's metadata text as a value. */
const metadataOf = (f: ourvoice.models.Flow) => (typeof f.metadata === "string" ? JSON.parse(f.metadata) : f.metadata);

describe("Our Voice Flow", () => {
  const step = scenario();
  let sandbox: Sandbox;
  let stack: TestStack;
  let baseline: string[];
  const client = () => sandboxClients(sandbox.url).ourvoice();
  const allFlows = async () => {
    const out: ourvoice.models.Flow[] = [];
    for await (const f of client().flows({ limit: 100 })) out.push(f);
    return out;
  };

  useResourceStack(async (s) => {
    ({ sandbox, stack } = s);
    baseline = (await allFlows()).map((f) => f.id).sort();
  });

  step("a bad stack fails its preview, naming each property and what is allowed, with zero requests", async () => {
    await declare(stack, [
      flow("bad", { name: "", type: "fax", status: "live", description: "x".repeat(1001), owner: "me" }),
    ]);
    const before = sandbox.stats().total;
    const e = (await stack.preview().catch((x) => x)) as PulumiCommandError;
    expect(e).toBeInstanceOf(PulumiCommandError);
    expect(e.result.output).toMatch(/name.*must not be empty or only spaces/);
    expect(e.result.output).toMatch(/type.*must be one of "voice", "sms"; got "fax"/);
    expect(e.result.output).toMatch(/status.*must be one of "draft", "paused", "published"; got "live"/);
    expect(e.result.output).toMatch(/description.*at most 1000 characters long \(got 1001\)/);
    expect(e.result.output).toMatch(/owner.*not a known property; allowed: name, type, description, status, metadata/);
    expect(sandbox.stats().total).toBe(before);
  });

  step("creates a flow with every field and one with only a name and type; then nothing changes", async () => {
    await declare(stack, [full(), minimal()]);
    await stack.up();
    const s = await stored(stack);
    const f = await client().getFlow(s.full.id);
    expect(f).toMatchObject({
      name: FULL.name,
      type: "voice",
      description: FULL.description,
      status: "published",
    });
    expect(metadataOf(f)).toEqual(FULL.metadata);
    expect(await client().getFlow(s.minimal.id)).toMatchObject({
      name: MINIMAL.name,
      type: "sms",
      status: "draft",
      description: null,
      metadata: null,
    });
    // Outputs are the server's values; the execution counter is not one of them.
    expect(s.minimal.outputs).toMatchObject({ name: MINIMAL.name, type: "sms", status: "draft", adopted: false });
    expect(s.minimal.outputs.createdAt).toMatch(/^\d{4}-\d{2}-\d{2}T/);
    expect(s.minimal.outputs).not.toHaveProperty("flow_executions_count");
    expect(s.minimal.outputs).not.toHaveProperty("flowExecutionsCount");
    await stack.preview({ expectNoChanges: true });
    await stack.refresh({ expectNoChanges: true });
  });

  step("secret metadata reaches the sandbox but stays encrypted in state, and no key is stored", async () => {
    const s = await stored(stack);
    expect(JSON.stringify(metadataOf(await client().getFlow(s.full.id)))).toContain(SECRET);
    // The engine's secret marker: the output under the input's key stays secret.
    expect(s.full.outputs.metadata).toHaveProperty("ciphertext");
    expect(s.full.inputs.metadata).toHaveProperty("ciphertext");
    const text = await stack.exportText();
    expect(text).not.toContain(SECRET);
    expect(text).not.toContain("sandbox-key");
  });

  step("the serialized provider is small", async () => {
    const s = await stored(stack);
    expect(s.full.providerBytes).toBeGreaterThan(0);
    expect(s.full.providerBytes).toBeLessThanOrEqual(2048);
  });

  step("metadata with reordered keys, an empty description and empty metadata are not changes", async () => {
    const reordered = { routing: { token: SECRET, queue: "q-17" }, team: "support" };
    await declare(stack, [
      full({ ...FULL, metadata: reordered }),
      minimal({ ...MINIMAL, description: "", metadata: {} }),
    ]);
    await stack.preview({ expectNoChanges: true });
  });

  step("name, status, metadata and description change in place on the same flow", async () => {
    const before = await stored(stack);
    const next = {
      name: "e2e Main menu v2",
      type: "voice",
      description: "Routes callers to sales",
      status: "paused",
      metadata: { team: "sales" },
    };
    await declare(stack, [full(next), minimal()]);
    await stack.up();
    const after = await stored(stack);
    expect(after.full.id).toBe(before.full.id);
    const f = await client().getFlow(after.full.id);
    expect(f).toMatchObject({ name: next.name, description: next.description, status: "paused" });
    expect(metadataOf(f)).toEqual({ team: "sales" });
    await stack.preview({ expectNoChanges: true });
    await stack.refresh({ expectNoChanges: true });
  });

  step("removing description and metadata clears them on the server", async () => {
    const before = await stored(stack);
    await declare(stack, [full({ name: "e2e Main menu v2", type: "voice", status: "paused" }), minimal()]);
    await stack.up();
    const after = await stored(stack);
    expect(after.full.id).toBe(before.full.id);
    expect(await client().getFlow(after.full.id)).toMatchObject({
      description: null,
      metadata: null,
      status: "paused",
    });
    await stack.preview({ expectNoChanges: true });
    await stack.refresh({ expectNoChanges: true });
  });

  step("an edit outside Pulumi is seen by refresh and undone by up", async () => {
    const { minimal: m } = await stored(stack);
    await client().updateFlow(m.id, { name: "edited by hand", description: "by hand", metadata: '{"x":1}' });
    await stack.refresh();
    expect((await stored(stack)).minimal.outputs).toMatchObject({
      name: "edited by hand",
      description: "by hand",
      metadata: { x: 1 },
    });
    await expect(stack.preview({ expectNoChanges: true })).rejects.toThrow(PulumiCommandError);
    await stack.up();
    expect(await client().getFlow(m.id)).toMatchObject({ name: MINIMAL.name, description: null, metadata: null });
    await stack.preview({ expectNoChanges: true });
  });

  step("a status changed outside Pulumi is kept when the stack does not set one", async () => {
    const { minimal: m } = await stored(stack);
    await client().updateFlow(m.id, { status: "published" });
    await stack.refresh();
    expect((await stored(stack)).minimal.outputs.status).toBe("published");
    await stack.preview({ expectNoChanges: true });
  });

  step("a flow deleted outside Pulumi leaves state on refresh and is created again by up", async () => {
    const { minimal: m } = await stored(stack);
    await client().deleteFlow(m.id);
    await stack.refresh();
    expect((await stored(stack)).minimal).toBeUndefined();
    await stack.up();
    const again = (await stored(stack)).minimal;
    expect(again.id).not.toBe(m.id);
    expect(await client().getFlow(again.id)).toMatchObject({ name: MINIMAL.name, type: "sms" });
  });

  step("an existing name is refused without adopt and taken over with it; a partial name match is not", async () => {
    const existing = await client().createFlow({ name: "e2e Made by hand", type: "voice", description: "by hand" });
    const seeded = (await allFlows()).find((f) => f.name === "After hours");
    expect(seeded).toBeDefined();
    const kept = [full({ name: "e2e Main menu v2", type: "voice", status: "paused" }), minimal()];
    const count = (await allFlows()).length;

    await declare(stack, [...kept, flow("hand", { name: "e2e Made by hand", type: "voice", description: "managed" })]);
    const e = (await stack.up().catch((x) => x)) as PulumiCommandError;
    expect(e).toBeInstanceOf(PulumiCommandError);
    expect(e.result.output).toContain(`"e2e Made by hand" already exists (${existing.id})`);
    expect(e.result.output).toMatch(/set adopt: true/);
    expect((await allFlows()).length).toBe(count);
    expect((await stored(stack)).hand).toBeUndefined();

    await declare(stack, [
      ...kept,
      flow("hand", { name: "e2e Made by hand", type: "voice", description: "managed", adopt: true }),
      // The server's name filter matches "After hours"; only an exact name may be adopted.
      flow("after", { name: "After", type: "voice", adopt: true }),
    ]);
    await stack.up();
    const s = await stored(stack);
    expect(s.hand.id).toBe(existing.id);
    expect(s.hand.outputs.adopted).toBe(true);
    expect(await client().getFlow(existing.id)).toMatchObject({ description: "managed", type: "voice" });
    expect(s.after.id).not.toBe(seeded?.id);
    expect(s.after.outputs.adopted).toBe(false);
    expect(await client().getFlow(seeded?.id ?? "")).toMatchObject({ name: "After hours", status: seeded?.status });
    await stack.preview({ expectNoChanges: true });
  });

  step("destroy leaves the sandbox's flows as they were", async () => {
    await stack.destroy();
    expect((await allFlows()).map((f) => f.id).sort()).toEqual(baseline);
    expect(requestCount(sandbox, "ourvoice")).toBeGreaterThan(0);
  });
});
