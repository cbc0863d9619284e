// One scenario: tests run in order, each building on the last.
// cxflow.genesys.ActionTarget under the real engine, against the sandbox.
import type { genesys } from "../../provider";
import type { Sandbox } from "../../sandbox";
import { PulumiCommandError, scenario, type TestStack } from "./harness";
import { type Declared, declare, sandboxClients, stored, useResourceStack } from "./resources";

jest.setTimeout(10 * 60_000);

const target = (name: string, args: Record<string, unknown>): Declared => ({
  type: "genesys.ActionTarget",
  name,
  args,
});
const tunedOf = (t: genesys.models.ActionTarget) => ({
  name: t.name,
  serviceLevel: t.serviceLevel,
  shortAbandonThreshold: t.shortAbandonThreshold,
});

describe("ActionTarget", () => {
  const step = scenario();
  let sandbox: Sandbox;
  let stack: TestStack;
  let seeded: Map<string, genesys.models.ActionTarget>;
  const client = () => sandboxClients(sandbox.url).genesys();
  const byName = (name: string) => seeded.get(name)!;

  useResourceStack(async (s) => {
    ({ sandbox, stack } = s);
    seeded = new Map();
    for await (const t of client().actionTargets()) seeded.set(t.name!, t);
  });

  step("a bad stack fails its preview, naming each property, with zero requests", async () => {
    const before = sandbox.stats().total;
    // The engine stops at the first resource that fails its check: one bad resource per preview.
    await declare(stack, [
      target("typo", {
        targetName: "Sales web chat",
        serviceLevel: { percentage: 1.5, durationMs: 1000 },
        shortAbandonTreshold: 3,
      }),
    ]);
    let e = (await stack.preview().catch((x) => x)) as PulumiCommandError;
    expect(e).toBeInstanceOf(PulumiCommandError);
    expect(e.result.output).toMatch(/serviceLevel\.percentage.*at most 1; got 1\.5/);
    expect(e.result.output).toMatch(/shortAbandonTreshold.*not a known property; allowed: .*shortAbandonThreshold/);
    await declare(stack, [target("both", { targetId: "x", targetName: "y" })]);
    e = (await stack.preview().catch((x) => x)) as PulumiCommandError;
    expect(e.result.output).toMatch(/targetName.*set exactly one of targetId and targetName/);
    await declare(stack, [target("neither", {})]);
    e = (await stack.preview().catch((x) => x)) as PulumiCommandError;
    expect(e.result.output).toMatch(/targetId.*set exactly one of targetId and targetName/);
    expect(sandbox.stats().total).toBe(before);
  });

  step("takes over targets by exact name and by id, tunes them, and warns once about the deprecation", async () => {
    await declare(stack, [
      target("sales", {
        targetName: "Sales web chat",
        serviceLevel: { percentage: 0.9, durationMs: 20_000 },
        shortAbandonThreshold: 7,
      }),
      target("support", { targetId: byName("Support callbacks").id, name: "Support callbacks (tuned)" }),
    ]);
    const { output } = await stack.up();
    const diagnostics = output.slice(output.indexOf("Diagnostics:"));
    expect(diagnostics.match(/marks the journey action-target endpoints deprecated/g)).toHaveLength(1);
    const s = await stored(stack);
    expect(s.sales.id).toBe(byName("Sales web chat").id);
    expect(await client().getActionTarget(s.sales.id)).toMatchObject({
      name: "Sales web chat",
      serviceLevel: { percentage: 0.9, durationMs: 20_000 },
      shortAbandonThreshold: 7,
    });
    expect((await client().getActionTarget(s.support.id)).name).toBe("Support callbacks (tuned)");
    expect(s.sales.outputs.original).toEqual(tunedOf(byName("Sales web chat")));
    await stack.preview({ expectNoChanges: true });
    await stack.refresh({ expectNoChanges: true });
  });

  step("the serialized provider is small and no credential reaches state", async () => {
    const s = await stored(stack);
    expect(s.sales.providerBytes).toBeLessThanOrEqual(2048);
    expect(await stack.exportText()).not.toContain("sandbox-secret");
  });

  step("a tuning change is a PATCH of the same target; a field dropped from the program is left as it is", async () => {
    await declare(stack, [
      target("sales", { targetName: "Sales web chat", serviceLevel: { percentage: 0.9, durationMs: 20_000 } }),
      target("support", {
        targetId: byName("Support callbacks").id,
        name: "Support callbacks (tuned)",
        shortAbandonThreshold: 3,
      }),
    ]);
    await stack.up();
    const s = await stored(stack);
    expect((await client().getActionTarget(s.sales.id)).shortAbandonThreshold).toBe(7);
    expect((await client().getActionTarget(s.support.id)).shortAbandonThreshold).toBe(3);
    await stack.preview({ expectNoChanges: true });
  });

  step("an edit outside Pulumi is seen by refresh and undone by up", async () => {
    const { sales } = await stored(stack);
    await client().patchActionTarget(sales.id, { serviceLevel: { percentage: 0.5, durationMs: 60_000 } });
    await stack.refresh();
    expect((await stored(stack)).sales.outputs.serviceLevel).toEqual({ percentage: 0.5, durationMs: 60_000 });
    await stack.up();
    expect((await client().getActionTarget(sales.id)).serviceLevel).toEqual({ percentage: 0.9, durationMs: 20_000 });
  });

  step("pointing at another target restores the first one and tunes the second", async () => {
    await declare(stack, [
      target("sales", { targetName: "Billing email", serviceLevel: { percentage: 0.9, durationMs: 20_000 } }),
      target("support", {
        targetId: byName("Support callbacks").id,
        name: "Support callbacks (tuned)",
        shortAbandonThreshold: 3,
      }),
    ]);
    await stack.up();
    expect(tunedOf(await client().getActionTarget(byName("Sales web chat").id!))).toEqual(
      tunedOf(byName("Sales web chat")),
    );
    const s = await stored(stack);
    expect(s.sales.id).toBe(byName("Billing email").id);
    expect((await client().getActionTarget(s.sales.id)).serviceLevel).toEqual({ percentage: 0.9, durationMs: 20_000 });
  });

  step("an unknown target name fails the preview on targetName and lists the targets that exist", async () => {
    await declare(stack, [target("ghost", { targetName: "No such queue" })]);
    const e = (await stack.preview().catch((x) => x)) as PulumiCommandError;
    expect(e.result.output).toMatch(
      /property targetName .* has a problem: no Genesys action target is named "No such queue".*"Sales web chat"/,
    );
  });

  step("destroy restores what it found unless restoreOnDelete is false", async () => {
    await declare(stack, [
      target("sales", { targetName: "Billing email", serviceLevel: { percentage: 0.9, durationMs: 20_000 } }),
      target("support", {
        targetId: byName("Support callbacks").id,
        name: "Support callbacks (tuned)",
        shortAbandonThreshold: 3,
        restoreOnDelete: false,
      }),
    ]);
    await stack.up();
    await stack.destroy();
    expect(tunedOf(await client().getActionTarget(byName("Billing email").id!))).toEqual(
      tunedOf(byName("Billing email")),
    );
    expect(await client().getActionTarget(byName("Support callbacks").id!)).toMatchObject({
      name: "Support callbacks (tuned)",
      shortAbandonThreshold: 3,
    });
  });
});
