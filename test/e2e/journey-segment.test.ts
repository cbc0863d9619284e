// One scenario: tests run in order, each building on the last.
// cxflow.genesys.JourneySegment under the real engine, against the sandbox.
import type { genesys } from "../../provider";
import type { Sandbox } from "../../sandbox";
import { PulumiCommandError, scenario, type TestStack } from "./harness";
import { type Declared, declare, requestCount, sandboxClients, stored, useResourceStack } from "./resources";

jest.setTimeout(10 * 60_000);

const segment = (name: string, args: Record<string, unknown>): Declared => ({
  type: "genesys.JourneySegment",
  name,
  args,
});

const FULL = {
  displayName: "e2e Returning buyers",
  description: "Visited pricing twice",
  color: "#3366FF",
  isActive: true,
  shouldDisplayToAgent: true,
  context: {
    patterns: [{ criteria: [{ key: "device.category", values: ["mobile", "tablet"], operator: "containsAny" }] }],
  },
  journey: {
    patterns: [
      {
        criteria: [
          { key: "page.url", values: ["/pricing", "/plans"], operator: "containsAny", shouldIgnoreCase: true },
        ],
        count: 2,
        streamType: "Web",
        sessionType: "web",
      },
      { criteria: [{ key: "page.title", values: ["Checkout"] }], count: 1, streamType: "Web", sessionType: "web" },
    ],
  },
  externalSegment: { id: "ext-1", name: "Buyers (CDP)" },
  assignmentExpirationDays: 30,
};

describe("JourneySegment", () => {
  const step = scenario();
  let sandbox: Sandbox;
  let stack: TestStack;
  let baseline: string[];
  const client = () => sandboxClients(sandbox.url).genesys();
  const allSegments = async () => {
    const out: genesys.models.JourneySegment[] = [];
    for await (const s of client().segments({ pageSize: 200 })) out.push(s);
    return out;
  };

  useResourceStack(async (s) => {
    ({ sandbox, stack } = s);
    baseline = (await allSegments()).map((x) => x.id).sort();
  });

  step("a bad stack fails its preview, naming each property and what is allowed, with zero requests", async () => {
    await declare(stack, [
      segment("bad", {
        displayName: "",
        color: "red",
        journey: {
          patterns: [{ criteria: [{ key: "k", values: [] }], count: 0, streamType: "Custom", sessionType: "web" }],
        },
        colour: "#ffffff",
      }),
    ]);
    const before = sandbox.stats().total;
    const e = (await stack.preview().catch((x) => x)) as PulumiCommandError;
    expect(e).toBeInstanceOf(PulumiCommandError);
    expect(e.result.output).toMatch(/displayName.*must not be empty or only spaces/);
    expect(e.result.output).toMatch(/color.*#RRGGBB.*"red"/);
    expect(e.result.output).toMatch(/journey\.patterns\[0\]\.streamType.*must be one of "Web", "App"; got "Custom"/);
    expect(e.result.output).toMatch(/journey\.patterns\[0\]\.count.*at least 1/);
    expect(e.result.output).toMatch(/colour.*not a known property; allowed: displayName, description, color/);
    expect(sandbox.stats().total).toBe(before);
  });

  step("creates segments with every field and with only a name; then nothing changes", async () => {
    await declare(stack, [segment("full", FULL), segment("minimal", { displayName: "e2e Minimal" })]);
    await stack.up();
    const s = await stored(stack);
    const full = await client().getSegment(s.full.id);
    expect(full).toMatchObject({
      displayName: FULL.displayName,
      description: FULL.description,
      color: "#3366FF",
      shouldDisplayToAgent: true,
      assignmentExpirationDays: 30,
      externalSegment: { id: "ext-1", name: "Buyers (CDP)", source: "Custom" },
      version: 1,
    });
    expect(full.journey.patterns).toHaveLength(2);
    expect(full.context.patterns[0].criteria[0]).toMatchObject({ entityType: "visit", shouldIgnoreCase: false });
    // Outputs are the server's values, defaults included.
    expect(s.minimal.outputs).toMatchObject({
      isActive: true,
      shouldDisplayToAgent: false,
      scope: "Session",
      version: 1,
    });
    expect(s.minimal.outputs.color).toMatch(/^#[0-9a-fA-F]{6}$/);
    await stack.preview({ expectNoChanges: true });
    await stack.refresh({ expectNoChanges: true });
  });

  step("the serialized provider is small and no credential reaches state", async () => {
    const s = await stored(stack);
    expect(s.full.providerBytes).toBeGreaterThan(0);
    expect(s.full.providerBytes).toBeLessThanOrEqual(2048);
    // The stored copy only loads the installed package: refresh and destroy run today's code.
    expect(s.full.provider).toContain('require("pulumi-cxflow/dynamic")');
    expect(s.full.provider).not.toMatch(/patchSegment|displayName/);
    const text = await stack.exportText();
    expect(text).not.toContain("sandbox-secret");
  });

  step("reordered sets and spelled-out defaults are not changes", async () => {
    const reordered = {
      ...FULL,
      color: "#3366ff",
      context: {
        patterns: [
          {
            criteria: [
              {
                key: "device.category",
                values: ["tablet", "mobile"],
                operator: "containsAny",
                shouldIgnoreCase: false,
                entityType: "visit",
              },
            ],
          },
        ],
      },
      journey: { patterns: [...FULL.journey.patterns].reverse() },
      externalSegment: { ...FULL.externalSegment, source: "Custom" },
    };
    await declare(stack, [
      segment("full", reordered),
      segment("minimal", { displayName: "e2e Minimal", isActive: true }),
    ]);
    await stack.preview({ expectNoChanges: true });
  });

  step("changes update in place: same id, next version, removed fields cleared", async () => {
    const before = await stored(stack);
    const { assignmentExpirationDays: _, description: __, ...rest } = FULL;
    await declare(stack, [
      segment("full", { ...rest, isActive: false, externalSegment: { ...FULL.externalSegment, name: "Renamed" } }),
      segment("minimal", { displayName: "e2e Minimal renamed", color: "#112233" }),
    ]);
    await stack.up();
    const after = await stored(stack);
    expect(after.full.id).toBe(before.full.id);
    const full = await client().getSegment(after.full.id);
    expect(full).toMatchObject({ isActive: false, version: 2, externalSegment: { name: "Renamed" } });
    expect(full.description).toBeUndefined();
    expect(full.assignmentExpirationDays).toBeUndefined();
    expect(await client().getSegment(after.minimal.id)).toMatchObject({
      displayName: "e2e Minimal renamed",
      color: "#112233",
    });
    await stack.preview({ expectNoChanges: true });
    await stack.refresh({ expectNoChanges: true });
  });

  step("a new external segment id replaces the segment", async () => {
    const before = await stored(stack);
    await declare(stack, [
      segment("full", { ...FULL, externalSegment: { id: "ext-2", name: "Buyers (CDP)" } }),
      segment("minimal", { displayName: "e2e Minimal renamed", color: "#112233" }),
    ]);
    const { output } = await stack.up();
    expect(output).toMatch(/replaced/);
    const after = await stored(stack);
    expect(after.full.id).not.toBe(before.full.id);
    await expect(client().getSegment(before.full.id)).rejects.toMatchObject({ code: "not_found" });
    expect((await client().getSegment(after.full.id)).externalSegment?.id).toBe("ext-2");
    expect(after.minimal.id).toBe(before.minimal.id);
  });

  step("an edit outside Pulumi is seen by refresh and undone by up", async () => {
    const { minimal } = await stored(stack);
    const current = await client().getSegment(minimal.id);
    await client().patchSegment(minimal.id, { version: current.version, color: "#ABCDEF", isActive: false });
    await stack.refresh();
    expect((await stored(stack)).minimal.outputs).toMatchObject({ color: "#ABCDEF", isActive: false });
    await expect(stack.preview({ expectNoChanges: true })).rejects.toThrow(PulumiCommandError);
    await stack.up();
    expect(await client().getSegment(minimal.id)).toMatchObject({ color: "#112233", isActive: true });
    await stack.preview({ expectNoChanges: true });
  });

  step("a segment deleted outside Pulumi leaves state on refresh and is created again by up", async () => {
    const { minimal } = await stored(stack);
    await client().deleteSegment(minimal.id);
    await stack.refresh();
    expect((await stored(stack)).minimal).toBeUndefined();
    await stack.up();
    const again = (await stored(stack)).minimal;
    expect(again.id).not.toBe(minimal.id);
    expect((await client().getSegment(again.id)).displayName).toBe("e2e Minimal renamed");
  });

  step("an existing name is refused without adopt and taken over with it", async () => {
    const existing = await client().createSegment({ displayName: "e2e Made by hand", color: "#000000" });
    const decls = (await stored(stack)) && [
      segment("full", { ...FULL, externalSegment: { id: "ext-2", name: "Buyers (CDP)" } }),
      segment("minimal", { displayName: "e2e Minimal renamed", color: "#112233" }),
    ];
    await declare(stack, [...decls, segment("hand", { displayName: "e2e Made by hand", description: "now managed" })]);
    const e = (await stack.up().catch((x) => x)) as PulumiCommandError;
    expect(e.result.output).toMatch(/"e2e Made by hand" already exists.*adopt: true/);
    expect((await allSegments()).filter((s) => s.displayName === "e2e Made by hand")).toHaveLength(1);

    await declare(stack, [
      ...decls,
      segment("hand", { displayName: "e2e Made by hand", description: "now managed", adopt: true }),
    ]);
    await stack.up();
    const hand = (await stored(stack)).hand;
    expect(hand.id).toBe(existing.id);
    expect(hand.outputs.adopted).toBe(true);
    expect(await client().getSegment(existing.id)).toMatchObject({ description: "now managed", color: "#000000" });
    await stack.preview({ expectNoChanges: true });
  });

  step("destroy leaves the sandbox as it was", async () => {
    await stack.destroy();
    expect((await allSegments()).map((s) => s.id).sort()).toEqual(baseline);
    expect(requestCount(sandbox, "genesys")).toBeGreaterThan(0);
  });
});
