// One scenario: tests run in order, each building on the last.
// cxflow.genesys.JourneyOutcome under the real engine, against the sandbox.
import type { genesys } from "../../provider";
import type { Sandbox } from "../../sandbox";
import { PulumiCommandError, scenario, type TestStack } from "./harness";
import { type Declared, declare, sandboxClients, stored, useResourceStack } from "./resources";

jest.setTimeout(10 * 60_000);

const outcome = (name: string, args: Record<string, unknown>): Declared => ({
  type: "genesys.JourneyOutcome",
  name,
  args,
});

const PURCHASE = {
  displayName: "e2e Purchase",
  description: "Reached the thank-you page",
  isPositive: true,
  context: { patterns: [{ criteria: [{ key: "device.category", values: ["desktop", "mobile"] }] }] },
  journey: {
    patterns: [
      {
        criteria: [{ key: "page.url", values: ["/thank-you"], operator: "containsAny" }],
        count: 1,
        streamType: "Web",
        sessionType: "web",
      },
    ],
  },
  associatedValueField: { dataType: "Number", name: "attributes.orderTotal.value" },
};

describe("JourneyOutcome", () => {
  const step = scenario();
  let sandbox: Sandbox;
  let stack: TestStack;
  let baseline: string[];
  const g = () => sandboxClients(sandbox.url).genesys();
  const get = (outcomeId: string) => g().call("getOutcome", { params: { outcomeId } });
  const allOutcomes = async () => {
    const out: genesys.models.Outcome[] = [];
    for await (const o of g().outcomes({ pageSize: 200 })) out.push(o);
    return out;
  };

  useResourceStack(async (s) => {
    ({ sandbox, stack } = s);
    baseline = (await allOutcomes()).map((x) => x.id).sort();
  });

  step("a bad stack fails its preview, naming each property and what is allowed, with zero requests", async () => {
    await declare(stack, [
      outcome("bad", {
        displayName: "e2e Bad",
        isPositive: "yes",
        associatedValueField: { dataType: "Money", name: "total" },
        value: 1,
      }),
    ]);
    const before = sandbox.stats().total;
    const e = (await stack.preview().catch((x) => x)) as PulumiCommandError;
    expect(e).toBeInstanceOf(PulumiCommandError);
    expect(e.result.output).toMatch(/isPositive.*must be boolean; got "yes"/);
    expect(e.result.output).toMatch(/associatedValueField\.dataType.*must be one of "Number", "Integer"; got "Money"/);
    expect(e.result.output).toMatch(/value.*not a known property; allowed: displayName, description, isActive/);
    expect(sandbox.stats().total).toBe(before);
  });

  step(
    "creates outcomes with every field and with only a name, warns once of the deprecation; then nothing changes",
    async () => {
      await declare(stack, [outcome("purchase", PURCHASE), outcome("minimal", { displayName: "e2e Minimal outcome" })]);
      const { output } = await stack.up();
      const diagnostics = output.slice(output.indexOf("Diagnostics:"));
      expect(diagnostics.match(/journey outcome endpoints deprecated/g)).toHaveLength(1);
      const s = await stored(stack);
      const purchase = await get(s.purchase.id);
      expect(purchase).toMatchObject({
        displayName: PURCHASE.displayName,
        description: PURCHASE.description,
        isPositive: true,
        associatedValueField: PURCHASE.associatedValueField,
        version: 1,
      });
      expect(purchase.journey.patterns[0].criteria[0]).toMatchObject({
        operator: "containsAny",
        shouldIgnoreCase: false,
      });
      expect(s.minimal.outputs).toMatchObject({
        isActive: true,
        isPositive: true,
        context: { patterns: [] },
        journey: { patterns: [] },
        version: 1,
      });
      await stack.preview({ expectNoChanges: true });
      await stack.refresh({ expectNoChanges: true });
      expect(s.purchase.providerBytes).toBeLessThanOrEqual(2048);
    },
  );

  step("changes update in place: same id, next version, removed fields cleared", async () => {
    const before = await stored(stack);
    const { description: _d, associatedValueField: _v, ...rest } = PURCHASE;
    await declare(stack, [
      outcome("purchase", { ...rest, isPositive: false, context: undefined }),
      outcome("minimal", { displayName: "e2e Minimal outcome renamed", isActive: false }),
    ]);
    await stack.up();
    const after = await stored(stack);
    expect(after.purchase.id).toBe(before.purchase.id);
    const purchase = await get(after.purchase.id);
    expect(purchase).toMatchObject({ isPositive: false, version: 2, context: { patterns: [] } });
    expect(purchase.description).toBeUndefined();
    expect(purchase.associatedValueField).toBeUndefined();
    expect(await get(after.minimal.id)).toMatchObject({ displayName: "e2e Minimal outcome renamed", isActive: false });
    await stack.preview({ expectNoChanges: true });
    await stack.refresh({ expectNoChanges: true });
  });

  step("an edit outside Pulumi shows field by field after refresh and is undone by up", async () => {
    const { minimal } = await stored(stack);
    const current = await get(minimal.id);
    await g().call("patchOutcome", {
      params: { outcomeId: minimal.id },
      body: { displayName: current.displayName, version: current.version, isPositive: false },
    });
    await stack.refresh();
    const { output } = await stack.preview();
    // The program leaves isPositive to its default (true): the drifted value shows as one to remove.
    const plan = output.slice(0, output.indexOf("Resources:"));
    expect([...plan.matchAll(/^\s*([~+-]) (\w+)\s*:(.*)$/gm)].map((m) => `${m[1]} ${m[2]}:${m[3]}`.trim())).toEqual([
      "- isPositive: false",
    ]);
    await stack.up();
    expect(await get(minimal.id)).toMatchObject({ isPositive: true, isActive: false });
    await stack.preview({ expectNoChanges: true });
  });

  step("an outcome deleted outside Pulumi leaves state on refresh and is created again by up", async () => {
    const { minimal } = await stored(stack);
    await g().call("deleteOutcome", { params: { outcomeId: minimal.id } });
    await stack.refresh();
    expect((await stored(stack)).minimal).toBeUndefined();
    await stack.up();
    const again = (await stored(stack)).minimal;
    expect(again.id).not.toBe(minimal.id);
    expect((await get(again.id)).displayName).toBe("e2e Minimal outcome renamed");
  });

  step("an existing name is refused without adopt and taken over with it", async () => {
    const existing = await g().call("createOutcome", {
      body: { displayName: "e2e Outcome by hand", isPositive: false },
    });
    const { description: _d, associatedValueField: _v, ...rest } = PURCHASE;
    const decls = [
      outcome("purchase", { ...rest, isPositive: false, context: undefined }),
      outcome("minimal", { displayName: "e2e Minimal outcome renamed", isActive: false }),
    ];
    await declare(stack, [...decls, outcome("hand", { displayName: "e2e Outcome by hand", isPositive: false })]);
    const e = (await stack.up().catch((x) => x)) as PulumiCommandError;
    expect(e.result.output).toMatch(/"e2e Outcome by hand" already exists.*adopt: true/);

    await declare(stack, [
      ...decls,
      outcome("hand", { displayName: "e2e Outcome by hand", isPositive: false, description: "managed", adopt: true }),
    ]);
    await stack.up();
    const hand = (await stored(stack)).hand;
    expect(hand.id).toBe(existing.id);
    expect(hand.outputs.adopted).toBe(true);
    expect(await get(existing.id)).toMatchObject({ description: "managed", version: 2 });
    await stack.preview({ expectNoChanges: true });
  });

  step("destroy leaves the sandbox as it was", async () => {
    await stack.destroy();
    expect((await allOutcomes()).map((o) => o.id).sort()).toEqual(baseline);
  });
});
