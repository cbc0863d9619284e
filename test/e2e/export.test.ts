// `cxflow export` end to end: a varied organisation in the sandbox is exported to a Pulumi
// project, whose first `pulumi up` takes everything over with no new remote object and no
// deletion, and whose next preview shows no changes.
import { execFile } from "node:child_process";
import * as fs from "node:fs";
import * as path from "node:path";
import { type Sandbox, startSandbox } from "../../sandbox";
import { TestStack } from "./harness";
import { sandboxClients } from "./resources";

jest.setTimeout(180_000);

const ROOT = path.join(__dirname, "..", "..");
let sandbox: Sandbox;
let work: string;
const stacks: TestStack[] = [];
const ids: Record<string, string> = {};
/** A credential kept in an Our Voice flow's metadata. */
const TOKEN = "ov-webhook-token-7f3a9c";

/** Runs `cxflow export` (the built bin) against the sandbox. */
function cxflowExport(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [path.join(ROOT, "bin", "cxflow.js"), "export", ...args],
      { env: { ...process.env, CXFLOW_SANDBOX_URL: sandbox.url }, cwd: work },
      (error, stdout, stderr) => resolve({ code: error ? Number(error.code ?? 1) : 0, stdout, stderr }),
    );
  });
}

/** The export of everything into `all/`, run once by whichever test needs it first (tests stay independent). */
let exportedAll: ReturnType<typeof cxflowExport> | undefined;
const exportAll = () => (exportedAll ??= cxflowExport(["--vendor", "all", "--out", path.join(work, "all")]));

/** Registering an export job (how an Architect flow's YAML is read back) writes nothing. */
const isWrite = (route: string) =>
  /^(POST|PUT|PATCH|DELETE) /.test(route) && !route.includes("/oauth/") && !route.includes("/export/jobs");

/** Every write (POST, PUT, PATCH, DELETE; tokens and export jobs aside) the sandbox has counted, by vendor route. */
function allWrites(): Record<string, number> {
  const out: Record<string, number> = {};
  for (const v of ["genesys", "zoom", "ourvoice"] as const)
    for (const [route, n] of Object.entries(sandbox.stats().vendors[v] ?? {}))
      if (isWrite(route)) out[`${v} ${route}`] = n;
  return out;
}

/** Creates, imports and deletes the sandbox has counted, by vendor route. */
function writes() {
  const v = sandbox.stats().vendors;
  const sum = (table: Record<string, number> | undefined, re: RegExp) =>
    Object.entries(table ?? {})
      .filter(([k]) => re.test(k))
      .reduce((n, [, c]) => n + c, 0);
  return {
    creates:
      sum(v.genesys, /^POST \/journey\/(segments|outcomes|actiontemplates|actionmaps)$/) +
      sum(v.zoom, /^POST \/contact_center\/flows$/) +
      sum(v.ourvoice, /^POST \/flows$/),
    deletes: sum(v.genesys, /^DELETE /) + sum(v.zoom, /^DELETE /) + sum(v.ourvoice, /^DELETE /),
  };
}

async function counts() {
  const c = sandboxClients(sandbox.url);
  let segments = 0;
  let zoom = 0;
  let ourvoice = 0;
  for await (const _ of c.genesys().segments({ pageSize: 100 })) segments++;
  for await (const _ of c.zoom().flows({ page_size: 100 })) zoom++;
  for await (const _ of c.ourvoice().flows({ limit: 100 })) ourvoice++;
  return { segments, zoom, ourvoice };
}

beforeAll(async () => {
  sandbox = await startSandbox();
  // Inside the repository, so the generated program resolves pulumi-cxflow as a user's would.
  work = fs.mkdtempSync(path.join(ROOT, ".cxflow-export-test-"));
  const c = sandboxClients(sandbox.url);
  const g = c.genesys();
  const criterion = {
    key: "device.category",
    values: ["desktop", "tablet"],
    operator: "equal",
    shouldIgnoreCase: false,
  };
  const vip = await g.createSegment({
    displayName: "VIP visitors",
    description: "Returning visitors on large screens",
    color: "#1e90ff",
    isActive: true,
    shouldDisplayToAgent: true,
    context: { patterns: [{ criteria: [{ ...criterion, entityType: "visit" }] }] },
    journey: { patterns: [] },
  } as never);
  ids.vip = vip.id;
  await g.createSegment({
    displayName: "Cart abandoners",
    isActive: false,
    context: { patterns: [] },
    journey: {
      patterns: [
        {
          criteria: [{ key: "page.url", values: ["/cart"], operator: "containsAll", shouldIgnoreCase: true }],
          count: 2,
          streamType: "Web",
          sessionType: "web",
        },
      ],
    },
    assignmentExpirationDays: 30,
  } as never);
  await g.createSegment({
    displayName: "CDP high value",
    isActive: true,
    context: { patterns: [] },
    journey: { patterns: [] },
    externalSegment: { id: "cdp-42", name: "High value", source: "AdobeExperiencePlatform" },
  } as never);
  const orderPlaced = await g.call("createOutcome", {
    body: {
      displayName: "Order placed",
      isPositive: true,
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
    },
  });
  // A content offer shown to the VIP segment while the purchase is likely: references to three objects.
  const offer = await g.call("createActionTemplate", {
    body: {
      name: "Welcome-back offer",
      mediaType: "contentOffer",
      state: "Active",
      contentOffer: { displayMode: "Modal", layoutMode: "TextOnly", headline: "Welcome back" },
    },
  });
  await g.call("createActionMap", {
    body: {
      displayName: "Offer to VIPs",
      triggerWithSegments: [vip.id],
      triggerWithOutcomeProbabilityConditions: [{ outcomeId: orderPlaced.id, maximumProbability: 0.5 }],
      pageUrlConditions: [{ values: ["/shop"], operator: "startsWith" }],
      action: { mediaType: "contentOffer", actionTemplate: { id: offer.id } },
    },
  });
  // A Zoom flow made and published here, beside the seeded ones (drafts, published, archived).
  const file = {
    channel: "voice",
    channel_type: "voice",
    definition: { start: "welcome", nodes: [{ id: "welcome" }] },
  };
  const made = await c.zoom().importFlow({
    flow_name: "Exported IVR",
    flow_file: { filename: "ivr.json", contentType: "application/json", text: JSON.stringify(file) },
    import_mode: "new",
  });
  await c.zoom().publishFlow(made.flow_id, made.flow_versions?.[0]?.flow_version ?? 1);
  ids.zoom = made.flow_id;
  // An Our Voice flow whose metadata points at the segment and the Zoom flow (references, not ids)
  // and holds a credential (secret config, never source).
  await c.ourvoice().createFlow({
    name: "Routing by segment",
    type: "voice",
    metadata: JSON.stringify({ segmentId: vip.id, zoomFlowId: made.flow_id, weight: 3, apiToken: TOKEN }),
  } as never);
});

afterAll(async () => {
  for (const s of stacks) await s.dispose().catch(() => undefined);
  await sandbox?.stop();
  if (work) fs.rmSync(work, { recursive: true, force: true });
});

describe("cxflow export", () => {
  test.each([
    [["--vendor", "salesforce"], /--vendor must be one of genesys, zoom, ourvoice, all, got "salesforce"/],
    [[], /--vendor is required: one of genesys, zoom, ourvoice, all/],
    [["--vendor", "all", "--filter", "(unclosed"], /--filter is not a regular expression/],
  ])("%j is refused before any request", async (args, message) => {
    const before = sandbox.stats().total;
    const r = await cxflowExport([...args, "--out", path.join(work, "refused")]);
    expect(r.code).not.toBe(0);
    expect(r.stderr).toMatch(message);
    expect(sandbox.stats().total).toBe(before);
  });

  test("everything is taken over: the first up creates and deletes nothing, the next preview is clean", async () => {
    const out = path.join(work, "all");
    const r = await exportAll();
    expect(r.stderr).toMatch(
      /wrote .*: \d+ action targets, 9 architect flows, 4 flow milestones, 5 flow outcomes, 2 action maps, 3 action templates, 3 outcomes, 3 segments, \d+ Zoom flows, \d+ Our Voice flows/,
    );
    expect(r.code).toBe(0);
    for (const f of ["Pulumi.yaml", "package.json", "tsconfig.json", "index.ts"])
      expect(fs.existsSync(path.join(out, f))).toBe(true);
    const program = fs.readFileSync(path.join(out, "index.ts"), "utf8");
    // Readable names, and references where one object points at another.
    expect(program).toMatch(/export const vipVisitorsSegment = new cxflow\.genesys\.JourneySegment\("vip-visitors"/);
    expect(program).toMatch(/segmentId: vipVisitorsSegment\.id/);
    expect(program).toMatch(/export const orderPlacedOutcome = new cxflow\.genesys\.JourneyOutcome\("order-placed"/);
    // The action map refers to the segment, the outcome and the template, and is declared after them.
    expect(program).toMatch(/triggerWithSegments: \[vipVisitorsSegment\.id\]/);
    expect(program).toMatch(/outcomeId: orderPlacedOutcome\.id/);
    expect(program).toMatch(/actionTemplateId: welcomeBackOfferActionTemplate\.id/);
    const at = (needle: string) => program.indexOf(needle);
    expect(at("new cxflow.genesys.JourneyActionMap(")).toBeGreaterThan(
      at("export const welcomeBackOfferActionTemplate"),
    );
    expect(at("new cxflow.genesys.JourneyActionMap(")).toBeGreaterThan(at("export const vipVisitorsSegment"));
    expect(program).toMatch(/zoomFlowId: exportedIvrZoomFlow\.id/);
    expect(program).not.toContain(`"${ids.vip}",`);
    // Metadata values are not in the source: each flow's go to secret config, as the summary says.
    expect(program).not.toContain(TOKEN);
    expect(program).toMatch(/metadata: secretMetadata\("routingBySegmentOurVoiceFlowMetadata", \{/);
    expect(fs.readFileSync(path.join(out, ".gitignore"), "utf8")).toMatch(/^\/secrets\/$/m);
    expect(r.stderr).toMatch(
      /"Routing by segment" \(.+\): config key routingBySegmentOurVoiceFlowMetadata, values in secrets\/routingBySegmentOurVoiceFlowMetadata\.json; segmentId, zoomFlowId stay in index\.ts as references/,
    );
    const commands = [...r.stderr.matchAll(/^ {2}pulumi config set --secret (\S+) < (\S+)$/gm)];
    expect(commands.length).toBe(program.match(/secretMetadata\("/g)?.length);
    const secrets = Object.fromEntries(
      commands.map(([, key, file]) => [key, fs.readFileSync(path.join(out, file), "utf8")]),
    );
    expect(JSON.parse(secrets.routingBySegmentOurVoiceFlowMetadata)).toEqual({ weight: 3, apiToken: TOKEN });
    const before = await counts();
    const flowFiles = fs.readdirSync(path.join(out, "flows"));
    expect(flowFiles).toContain("exported-ivr.json");
    expect(program.match(/new cxflow\.zoom\.Flow\(/g)?.length).toBe(
      flowFiles.filter((f) => f.endsWith(".json")).length,
    );
    // Architect flows: their YAML, whose outcome and milestone ids became placeholders that refer to those resources.
    expect(flowFiles).toContain("main-ivr.yaml");
    const ivrYaml = fs.readFileSync(path.join(out, "flows", "main-ivr.yaml"), "utf8");
    expect(ivrYaml).toMatch(/^inboundCall:\n {2}name: Main IVR$/m);
    expect(ivrYaml).toMatch(/flowOutcomeId: "?\{\{ \w+FlowOutcomeId \}\}"?/);
    expect(program).toMatch(/new cxflow\.genesys\.ArchitectFlow\("main-ivr", \{\s*flowFile: "flows\/main-ivr\.yaml",/);
    expect(program).toMatch(/\w+FlowOutcomeId: \w+FlowOutcome\.id/);
    expect(at("export const mainIvrArchitectFlow")).toBeGreaterThan(at("new cxflow.genesys.FlowOutcome("));

    // The documented step: each summary command, then up.
    const stack = await TestStack.create({ program: out, env: { CXFLOW_SANDBOX_URL: sandbox.url }, secrets });
    stacks.push(stack);
    const w = writes();
    const all = allWrites();
    await stack.up();
    expect(writes()).toEqual(w);
    // Taking over objects that match their declarations writes nothing at all.
    expect(allWrites()).toEqual(all);
    expect(await stack.exportText()).not.toContain(TOKEN);
    expect(await counts()).toEqual(before);
    await stack.preview({ expectNoChanges: true });
    const state = await stack.exportState();
    const adopted = (state.deployment.resources ?? []).filter((x) => x.type.startsWith("pulumi-nodejs:dynamic/cxflow"));
    expect(adopted.length).toBe(program.match(/= new cxflow\./g)?.length);
    expect(adopted.find((x) => x.id === ids.zoom)?.outputs?.adopted).toBe(true);
  });

  test("--vendor and --filter narrow the export", async () => {
    const out = path.join(work, "vip");
    const r = await cxflowExport(["--vendor", "genesys", "--filter", "^VIP", "--out", out]);
    expect(r.code).toBe(0);
    const program = fs.readFileSync(path.join(out, "index.ts"), "utf8");
    expect(program.match(/= new cxflow\./g)).toHaveLength(1);
    expect(program).toContain('"VIP visitors"');
    expect(fs.existsSync(path.join(out, "flows"))).toBe(false);
  });

  test("an export that fails part-way resumes where it stopped, without reading again what it had", async () => {
    const out = path.join(work, "resumed");
    // Zoom answers three requests, then asks to wait an hour: the export fails during Zoom.
    const limit = (body: object) =>
      fetch(`${sandbox.url}/_sandbox/rate-limits`, { method: "PUT", body: JSON.stringify(body) });
    await limit({ zoom: { limit: 3, periodSeconds: 3600 } });
    const failed = await cxflowExport(["--vendor", "all", "--out", out]);
    await limit({ zoom: { limit: 30, periodSeconds: 1 } });
    expect(failed.code).not.toBe(0);
    expect(failed.stderr).toMatch(/rate/i);
    expect(fs.existsSync(path.join(out, ".cxflow-export.json"))).toBe(true);

    const segmentReads = () => sandbox.stats().vendors.genesys?.["GET /journey/segments"] ?? 0;
    const before = segmentReads();
    const resumed = await cxflowExport(["--vendor", "all", "--out", out]);
    expect(resumed.code).toBe(0);
    expect(resumed.stderr).toMatch(/resuming the export/);
    expect(segmentReads()).toBe(before);
    expect(fs.existsSync(path.join(out, ".cxflow-export.json"))).toBe(false);
    // The same program as an export that never failed (the up between them wrote nothing).
    expect((await exportAll()).code).toBe(0);
    const read = (dir: string, file: string) => fs.readFileSync(path.join(work, dir, file), "utf8");
    expect(read("resumed", "index.ts")).toEqual(read("all", "index.ts"));
    expect(fs.readdirSync(path.join(out, "flows"))).toEqual(fs.readdirSync(path.join(work, "all", "flows")));
    const secrets = fs.readdirSync(path.join(out, "secrets"));
    expect(secrets).toEqual(fs.readdirSync(path.join(work, "all", "secrets")));
    for (const f of secrets) expect(read("resumed", `secrets/${f}`)).toEqual(read("all", `secrets/${f}`));
  });
});
