import { type Exported, literal, placeholdersForIds, program, render, slug } from "../../provider/cli/export";

const object = (over: Partial<Exported>): Exported => ({
  vendor: "genesys",
  kind: "genesys.JourneySegment",
  id: "id",
  name: "name",
  args: {},
  ...over,
});

describe("cxflow export's program writer", () => {
  test.each([
    ["VIP visitors (EU)", "vip-visitors-eu"],
    ["Café ünïcode", "cafe-unicode"],
    ["  --Main   IVR--  ", "main-ivr"],
    ["日本", ""],
  ])("slug(%p) is %p", (name, expected) => {
    expect(slug(name)).toBe(expected);
  });

  test("a flow's YAML names its outcomes and milestones by placeholder, and its substitutions refer to them", () => {
    const paid = object({
      kind: "genesys.FlowOutcome",
      id: "0e5c4c1a-outcome",
      name: "Payment taken",
      args: { name: "Payment taken" },
    });
    const verified = object({
      kind: "genesys.FlowMilestone",
      id: "7f00aa12-milestone",
      name: "Caller verified",
      args: {},
    });
    const yaml =
      "inboundCall:\n  name: Main\n  a: {flowOutcomeId: 0e5c4c1a-outcome}\n  b: {flowOutcomeId: 0e5c4c1a-outcome}\n  c: {flowMilestoneId: 7f00aa12-milestone}\n  d: {flowMilestoneId: 99999999-unknown}\n";
    const flow = object({
      kind: "genesys.ArchitectFlow",
      id: "f-main-line",
      name: "Main",
      args: { flowFile: "flows/main.yaml", adopt: true },
      file: { name: "main.yaml", content: yaml },
    });
    const [, , out] = placeholdersForIds([paid, verified, flow]);
    expect(out.file!.content).toBe(
      "inboundCall:\n  name: Main\n  a: {flowOutcomeId: {{ paymentTakenFlowOutcomeId }}}\n  b: {flowOutcomeId: {{ paymentTakenFlowOutcomeId }}}\n  c: {flowMilestoneId: {{ callerVerifiedFlowMilestoneId }}}\n  d: {flowMilestoneId: 99999999-unknown}\n",
    );
    expect(out.args.substitutions).toEqual({
      paymentTakenFlowOutcomeId: "0e5c4c1a-outcome",
      callerVerifiedFlowMilestoneId: "7f00aa12-milestone",
    });
    const text = program([paid, verified, out], "sandbox");
    expect(text).toContain("paymentTakenFlowOutcomeId: paymentTakenFlowOutcome.id");
    expect(text.indexOf("paymentTakenFlowOutcome =")).toBeLessThan(text.indexOf("mainArchitectFlow ="));
    // A Zoom flow's JSON file is not a template: left as it is.
    const zoom = object({
      kind: "zoom.Flow",
      id: "z1",
      name: "IVR",
      file: { name: "ivr.json", content: { x: "0e5c4c1a-outcome" } },
    });
    expect(placeholdersForIds([paid, zoom])[1]).toBe(zoom);
  });

  test("literals: short lists inline, odd keys quoted, another object's id as a reference", () => {
    const refs = new Map([["seg-1", "vipSegment"]]);
    expect(literal({ values: ["a", "b"], "filter[name]": 1, target: "seg-1", other: "seg-2" }, refs)).toBe(
      '{\n  values: ["a", "b"],\n  "filter[name]": 1,\n  target: vipSegment.id,\n  other: "seg-2",\n}',
    );
  });

  test("an object comes after those it points at; skipped objects are listed, not declared", () => {
    const text = program(
      [
        object({
          vendor: "ourvoice",
          kind: "ourvoice.Flow",
          id: "f1",
          name: "Router",
          args: { metadata: { segment: "s1" } },
        }),
        object({ id: "s1", name: "VIP", args: { displayName: "VIP" } }),
        object({ id: "s2", name: "Odd", skipped: "journey.patterns.0.streamType: invalid" }),
      ],
      "the cxflow sandbox",
    );
    const vip = text.indexOf('export const vipSegment = new cxflow.genesys.JourneySegment("vip"');
    const router = text.indexOf('export const routerOurVoiceFlow = new cxflow.ourvoice.Flow("router"');
    expect(vip).toBeGreaterThan(0);
    expect(router).toBeGreaterThan(vip);
    expect(text).toContain("segment: vipSegment.id");
    expect(text).toContain('// - genesys.JourneySegment "Odd" (s2): journey.patterns.0.streamType: invalid');
    expect(text).not.toContain('new cxflow.genesys.JourneySegment("odd"');
  });

  test("the same name for two kinds keeps both resource names; a repeated name of one kind is numbered", () => {
    const text = program(
      [
        object({ id: "a", name: "Main IVR" }),
        object({ id: "b", name: "Main IVR", vendor: "ourvoice", kind: "ourvoice.Flow" }),
        object({ id: "c", name: "main ivr" }),
      ],
      "x",
    );
    expect(text).toContain('mainIvrSegment = new cxflow.genesys.JourneySegment("main-ivr"');
    expect(text).toContain('mainIvrOurVoiceFlow = new cxflow.ourvoice.Flow("main-ivr"');
    expect(text).toContain('mainIvr2Segment = new cxflow.genesys.JourneySegment("main-ivr-2"');
  });

  test("an id two objects share is no reference: it stays a literal (in secret config, as metadata)", () => {
    const { index, secrets } = render(
      [
        object({ id: "same", name: "A" }),
        object({ id: "same", name: "B", vendor: "ourvoice", kind: "ourvoice.Flow" }),
        object({ id: "x", name: "C", vendor: "ourvoice", kind: "ourvoice.Flow", args: { metadata: { id: "same" } } }),
      ],
      "x",
    );
    expect(index).not.toMatch(/(Segment|Flow)\.id/);
    expect(secrets.map((s) => s.value)).toEqual([{ id: "same" }]);
  });
});

describe("cxflow export keeps Our Voice metadata out of the source", () => {
  const flow = (over: Partial<Exported>) => object({ vendor: "ourvoice", kind: "ourvoice.Flow", ...over });

  test("metadata values go to secret stack config; references to other resources stay in index.ts", () => {
    const objects = [
      object({ id: "s1", name: "VIP", args: { displayName: "VIP" } }),
      flow({
        id: "f1",
        name: "Router",
        args: {
          name: "Router",
          metadata: { segment: "s1", apiToken: "tok-123", route: { queue: "q", ids: ["s1"] } },
        },
      }),
      flow({ id: "f2", name: "Refs only", args: { name: "Refs only", metadata: { segments: ["s1"] } } }),
      flow({ id: "f3", name: "Plain", args: { name: "Plain", metadata: { pin: 4321, enabled: true } } }),
    ];
    expect(program(objects, "x")).not.toContain("tok-123");
    const { index, secrets } = render(objects, "x");
    expect(index).not.toContain("tok-123");
    expect(index).not.toContain("4321");
    expect(index).not.toContain('"q"');
    expect(index).toContain('import * as pulumi from "@pulumi/pulumi";');
    expect(index).toContain(
      'metadata: secretMetadata("routerOurVoiceFlowMetadata", {\n    segment: vipSegment.id,\n  }),',
    );
    expect(index).toContain('metadata: secretMetadata("plainOurVoiceFlowMetadata"),');
    expect(index).toContain("segments: [vipSegment.id]");
    expect(index).toContain(
      "// metadata: secret stack config `routerOurVoiceFlowMetadata` (pulumi config set --secret routerOurVoiceFlowMetadata < secrets/routerOurVoiceFlowMetadata.json)",
    );
    // In program order: the router comes after the segment it points at.
    expect(secrets.map((s) => [s.key, s.object.id, s.value, s.references])).toEqual([
      ["plainOurVoiceFlowMetadata", "f3", { pin: 4321, enabled: true }, []],
      ["routerOurVoiceFlowMetadata", "f1", { apiToken: "tok-123", route: { queue: "q", ids: ["s1"] } }, ["segment"]],
    ]);
  });

  test("without secret metadata the program needs no config", () => {
    const { index, secrets } = render([flow({ id: "f", name: "F", args: { name: "F" } })], "x");
    expect(secrets).toEqual([]);
    expect(index).not.toContain("@pulumi/pulumi");
    expect(index).not.toContain("secretMetadata");
  });
});
