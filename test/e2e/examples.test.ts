// One scenario per describe: its tests run in order, each building on the last.
// Every program in examples/ under the real engine, against its own sandbox: up, check what landed
// through the typed clients, a preview that finds nothing to change, the scenario's own steps,
// then destroy and check the sandbox holds what it held before.
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import type { ourvoice } from "../../provider";
import { exportedYaml } from "../../provider/genesys/architect-flow";
import { type Sandbox, startSandbox } from "../../sandbox";
import { scenario, TestStack } from "./harness";
import { sandboxClients } from "./resources";

jest.setTimeout(10 * 60_000);

const EXAMPLES = path.join(__dirname, "..", "..", "examples");
/** Each example's sandbox ends its synthetic analytics here, and the analytics examples their window. */
const DATA_END = "2026-11-01";

type Clients = ReturnType<typeof sandboxClients>;

async function collect<T>(items: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const item of items) out.push(item);
  return out;
}
const byId = <T extends { id?: string }>(xs: T[]) => [...xs].sort((a, b) => a.id!.localeCompare(b.id!));

const segments = (c: Clients) => collect(c.genesys().segments({ pageSize: 100 }));
const targets = (c: Clients) => collect(c.genesys().actionTargets({ pageSize: 100 }));
const outcomes = (c: Clients) => collect(c.genesys().outcomes({ pageSize: 100 }));
const actionTemplates = (c: Clients) => collect(c.genesys().actionTemplates({ pageSize: 100 }));
const actionMaps = (c: Clients) => collect(c.genesys().actionMaps({ pageSize: 100 }));
const ourvoiceFlows = (c: Clients) => collect(c.ourvoice().flows({ limit: 100 }));
const architectFlows = (c: Clients) => collect(c.genesys().flows({ pageSize: 100 }));
const flowMilestones = (c: Clients) => collect(c.genesys().flowMilestones({ pageSize: 100 }));
const zoomFlows = async (c: Clients) =>
  (await collect(c.zoom().flows({ page_size: 100 }))).sort((a, b) => a.flow_id.localeCompare(b.flow_id));
const targetNamed = async (c: Clients, name: string) => (await targets(c)).find((t) => t.name === name);

/** What the examples may change, in a form that compares equal when it is back as it was. */
async function snapshot(c: Clients) {
  return {
    segments: byId(await segments(c)),
    // PATCHes move modifiedDate; what a stack tunes and restores is compared.
    targets: byId(await targets(c)).map((t) => ({
      id: t.id,
      name: t.name,
      description: t.description,
      state: t.state,
      serviceLevel: t.serviceLevel,
      shortAbandonThreshold: t.shortAbandonThreshold,
    })),
    outcomes: byId(await outcomes(c)),
    actionTemplates: byId(await actionTemplates(c)),
    actionMaps: byId(await actionMaps(c)),
    ourvoice: byId(await ourvoiceFlows(c)),
    zoom: await zoomFlows(c),
    // Flow outcomes are left out: Genesys cannot delete them, so a destroyed stack leaves them.
    architectFlows: byId(await architectFlows(c)),
    flowMilestones: byId(await flowMilestones(c)),
  };
}
type Snapshot = Awaited<ReturnType<typeof snapshot>>;

/**
 * One example's sandbox and stack for a describe block: started before its tests, destroyed and
 * stopped after them. Config keys without a namespace belong to the example's project.
 */
function exampleStack(example: string, opts: { config?: Record<string, string>; secrets?: Record<string, string> }) {
  const project = example;
  const ns = (m: Record<string, string> = {}) =>
    Object.fromEntries(Object.entries(m).map(([k, v]) => [k.includes(":") ? k : `${project}:${k}`, v]));
  const ctx = {} as { sandbox: Sandbox; clients: Clients; before: Snapshot; stack: TestStack };
  beforeAll(async () => {
    ctx.sandbox = await startSandbox({ analyticsEnd: DATA_END });
    ctx.clients = sandboxClients(ctx.sandbox.url);
    ctx.before = await snapshot(ctx.clients);
    ctx.stack = await TestStack.create({
      program: path.join(EXAMPLES, example),
      config: { "cxflow:sandboxUrl": ctx.sandbox.url, ...ns(opts.config) },
      secrets: ns(opts.secrets),
    });
  });
  afterAll(async () => {
    await ctx.stack?.destroy().catch(() => undefined);
    await ctx.stack?.dispose();
    await ctx.sandbox?.stop();
  });
  return ctx;
}

const readJson = (...parts: string[]) => JSON.parse(fs.readFileSync(path.join(EXAMPLES, ...parts), "utf8"));

// ---------------------------------------------------------------------------------------------

describe("examples/segments-and-targets", () => {
  const step = scenario();
  const x = exampleStack("segments-and-targets", {});
  let outputs: Record<string, any>;

  step("up creates four journey segments with their context and journey patterns", async () => {
    outputs = (await x.stack.up()).outputs;
    const ids = outputs.segmentIds as Record<string, string>;
    const get = (key: string) => x.clients.genesys().getSegment(ids[key]);

    const buyers = await get("returningBuyers");
    expect(buyers).toMatchObject({ displayName: "Returning buyers", color: "#2E7D32", assignmentExpirationDays: 30 });
    expect(buyers.journey.patterns).toEqual([
      expect.objectContaining({
        count: 2,
        streamType: "Web",
        criteria: [
          expect.objectContaining({ key: "page.url", values: ["/pricing", "/plans"], shouldIgnoreCase: true }),
        ],
      }),
    ]);
    const mobile = await get("mobileVisitors");
    expect(mobile.context.patterns[0].criteria[0]).toMatchObject({
      key: "device.category",
      values: ["mobile", "tablet"],
    });
    expect(mobile.journey.patterns).toEqual([]);
    expect(outputs.mobileVisitorsColor).toBe(mobile.color);
    const abandoners = await get("checkoutAbandoners");
    expect(abandoners.journey.patterns).toHaveLength(2);
    expect(abandoners.context.patterns).toHaveLength(1);
    expect((await get("vipCustomers")).externalSegment).toEqual({
      id: "cdp-audience-vip",
      name: "VIP customers (CDP)",
      source: "Custom",
    });
    expect(outputs.segmentNames).toEqual([
      "Returning buyers",
      "Mobile visitors",
      "Checkout abandoners",
      "VIP customers",
    ]);
    const now = (await segments(x.clients)).map((s) => s.id).sort();
    expect(now).toEqual([...x.before.segments.map((s) => s.id), ...Object.values(ids)].sort());
  });

  step("up takes the two seeded action targets over by name and tunes them", async () => {
    const sales = await targetNamed(x.clients, "Sales web chat");
    expect(sales).toMatchObject({ serviceLevel: { percentage: 0.9, durationMs: 20_000 }, shortAbandonThreshold: 8 });
    expect(outputs.salesChatTarget).toEqual({
      id: sales!.id,
      name: "Sales web chat",
      serviceLevel: sales!.serviceLevel,
    });

    const seeded = x.before.targets.find((t) => t.name === "Support callbacks")!;
    expect(await targetNamed(x.clients, "Support callbacks")).toBeUndefined();
    expect(await x.clients.genesys().getActionTarget(seeded.id!)).toMatchObject({
      name: "Support callbacks (checkout)",
      serviceLevel: { percentage: 0.8, durationMs: 60_000 },
      shortAbandonThreshold: seeded.shortAbandonThreshold,
    });
    expect(outputs.supportCallbacksTarget.original).toEqual({
      name: "Support callbacks",
      serviceLevel: seeded.serviceLevel,
      shortAbandonThreshold: seeded.shortAbandonThreshold,
    });
  });

  step("a preview right after finds nothing to change", async () => {
    await x.stack.preview({ expectNoChanges: true });
  });

  step("destroy deletes the segments and gives the targets their seeded values back", async () => {
    await x.stack.destroy();
    expect(await snapshot(x.clients)).toEqual(x.before);
  });
});

// ---------------------------------------------------------------------------------------------

describe("examples/journey-action-maps", () => {
  const step = scenario();
  const x = exampleStack("journey-action-maps", { config: { analyticsEnd: DATA_END } });
  const interval = "2026-10-25T00:00:00.000Z/2026-11-01T00:00:00.000Z";
  let outputs: Record<string, any>;
  const g = () => x.clients.genesys();
  const getMap = (actionMapId: string) => g().call("getActionMap", { params: { actionMapId } });

  step("up creates two segments, two outcomes and a content offer template, and tunes Sales web chat", async () => {
    const up = await x.stack.up();
    outputs = up.outputs;
    const seg = outputs.segmentIds as Record<string, string>;
    expect(await g().getSegment(seg.pricingReturners)).toMatchObject({
      displayName: "Pricing page returners",
      journey: { patterns: [expect.objectContaining({ count: 2 })] },
    });
    expect((await g().getSegment(seg.checkoutStallers)).journey.patterns).toHaveLength(2);

    const order = await g().call("getOutcome", { params: { outcomeId: outputs.outcomeIds.orderPlaced } });
    expect(order).toMatchObject({
      displayName: "Order placed",
      associatedValueField: { dataType: "Number", name: "attributes.orderTotal.value" },
    });
    expect(order.journey.patterns[0].criteria[0]).toMatchObject({ values: ["/checkout/thank-you"] });
    expect(await g().call("getOutcome", { params: { outcomeId: outputs.outcomeIds.trialStarted } })).toMatchObject({
      displayName: "Trial started",
    });
    // Genesys marks outcomes and action targets deprecated: one warning each per run, not per resource.
    const diagnostics = up.output.slice(up.output.indexOf("Diagnostics:"));
    expect(diagnostics.match(/journey outcome endpoints deprecated/g)).toHaveLength(1);
    expect(diagnostics.match(/journey action-target endpoints deprecated/g)).toHaveLength(1);

    const template = await g().call("getActionTemplate", { params: { actionTemplateId: outputs.templateId } });
    expect(template).toMatchObject({
      name: "Compare plans offer",
      mediaType: "contentOffer",
      contentOffer: {
        displayMode: "Toast",
        layoutMode: "TextOnly",
        headline: "Not sure which plan?",
        callToAction: { url: "https://example.com/plans/compare", text: "Compare plans", target: "Self" },
        style: expect.objectContaining({ ctaButton: expect.objectContaining({ backgroundColor: "#2E7D32" }) }),
      },
    });

    const sales = await targetNamed(x.clients, "Sales web chat");
    expect(sales).toMatchObject({
      id: outputs.salesChatTargetId,
      serviceLevel: { percentage: 0.85, durationMs: 30_000 },
    });
  });

  step("up joins them with three action maps that refer to the stack's own ids", async () => {
    const ids = outputs.actionMapIds as Record<string, string>;
    expect(await getMap(ids.compare)).toMatchObject({
      displayName: "Plan comparison for pricing returners",
      triggerWithSegments: [outputs.segmentIds.pricingReturners],
      pageUrlConditions: [{ values: ["/pricing", "/plans"], operator: "containsAny" }],
      weight: 2,
      activation: { type: "delay", delayInSeconds: 15 },
      action: { mediaType: "contentOffer", actionTemplate: { id: outputs.templateId } },
    });
    expect(await getMap(ids.checkoutChat)).toMatchObject({
      displayName: "Sales chat for stalled checkouts",
      triggerWithSegments: [outputs.segmentIds.checkoutStallers],
      triggerWithOutcomeProbabilityConditions: [{ outcomeId: outputs.outcomeIds.orderPlaced, maximumProbability: 0.7 }],
      weight: 3,
      action: {
        mediaType: "webchat",
        actionTargetId: outputs.salesChatTargetId,
        isPacingEnabled: true,
        props: expect.objectContaining({ webchatAcceptText: "Chat now" }),
      },
    });
    const help = await getMap(ids.helpMessaging);
    expect(help.triggerWithEventConditions).toEqual([
      expect.objectContaining({ key: "page.url", values: ["/help", "/faq"], operator: "containsAny" }),
    ]);
    expect(help.action).toMatchObject({
      mediaType: "webMessagingOffer",
      webMessagingOfferFields: { offerText: "Can't find the answer? Message us." },
    });
    const added = (await actionMaps(x.clients)).filter((m) => !x.before.actionMaps.some((b) => b.id === m.id));
    expect(added.map((m) => m.id).sort()).toEqual(Object.values(ids).sort());
  });

  step("the report has one entry per declared outcome and map, with the API's figures for last week", async () => {
    const query = (
      dimension: "journeyOutcomeId" | "journeyActionMapId",
      ids: string[],
      metrics: Parameters<ReturnType<Clients["genesys"]>["queryJourneyAggregates"]>[0]["metrics"],
    ) =>
      g().queryJourneyAggregates({
        interval,
        groupBy: [dimension],
        filter: { type: "or", predicates: ids.map((value) => ({ dimension, value })) },
        metrics,
      });
    const figure = (answer: Awaited<ReturnType<typeof query>>, dimension: string, id: string, metric: string) =>
      (answer.results ?? [])
        .filter((r) => r.group?.[dimension] === id)
        .flatMap((r) => r.data.flatMap((d) => d.metrics ?? []))
        .filter((m) => m.metric === metric)
        .reduce((n, m) => n + ((metric.startsWith("o") ? m.stats.sum : m.stats.count) ?? 0), 0);

    expect(outputs.reportInterval).toBe(interval);
    const o = outputs.outcomeIds as Record<string, string>;
    const byOutcome = await query("journeyOutcomeId", Object.values(o), [
      "nJourneyOutcomesAchieved",
      "oJourneyOutcomeValue",
    ]);
    expect(Object.keys(outputs.outcomesLastWeek).sort()).toEqual(["Order placed", "Trial started"]);
    for (const [name, id] of [
      ["Order placed", o.orderPlaced],
      ["Trial started", o.trialStarted],
    ]) {
      const achieved = figure(byOutcome, "journeyOutcomeId", id, "nJourneyOutcomesAchieved");
      expect(achieved).toBeGreaterThan(0);
      expect([name, outputs.outcomesLastWeek[name]]).toEqual([
        name,
        { achieved, value: figure(byOutcome, "journeyOutcomeId", id, "oJourneyOutcomeValue") },
      ]);
    }

    const m = outputs.actionMapIds as Record<string, string>;
    const byMap = await query("journeyActionMapId", Object.values(m), ["nWebActionsOffered", "nWebActionsAccepted"]);
    const names = {
      compare: "Plan comparison for pricing returners",
      checkoutChat: "Sales chat for stalled checkouts",
      helpMessaging: "Messaging invite on help pages",
    };
    expect(Object.keys(outputs.actionMapsLastWeek).sort()).toEqual(Object.values(names).sort());
    for (const [key, name] of Object.entries(names)) {
      const offered = figure(byMap, "journeyActionMapId", m[key], "nWebActionsOffered");
      const accepted = figure(byMap, "journeyActionMapId", m[key], "nWebActionsAccepted");
      expect(offered).toBeGreaterThan(0);
      expect([name, outputs.actionMapsLastWeek[name]]).toEqual([
        name,
        { offered, accepted, acceptanceRate: expect.closeTo(accepted / offered, 4) },
      ]);
    }
  });

  step("a preview right after finds nothing to change", async () => {
    await x.stack.preview({ expectNoChanges: true });
  });

  step("destroy deletes the maps, template, outcomes and segments and gives Sales web chat back", async () => {
    await x.stack.destroy();
    expect(await snapshot(x.clients)).toEqual(x.before);
  });
});

// ---------------------------------------------------------------------------------------------

/** Figures of one flow or day, summed from the API's own answer. */
type Figures = { executions: number; outcomes: number; failed: number };
const METRIC: Record<string, keyof Figures> = {
  nFlow: "executions",
  nFlowOutcome: "outcomes",
  nFlowOutcomeFailed: "failed",
};

/** The rows of the Markdown table under `## <heading>`, as label → cells. */
function markdownTable(markdown: string, heading: string): Map<string, string[]> {
  const section = markdown.split(`## ${heading}\n`)[1].split("\n## ")[0];
  const rows = section
    .split("\n")
    .filter((l) => l.startsWith("|"))
    .map((l) =>
      l
        .slice(1, -1)
        .split(/(?<!\\)\|/)
        .map((c) => c.trim().replace(/\\\|/g, "|")),
    );
  expect(rows[0]).toEqual([
    heading === "Per flow" ? "Flow" : "Day",
    "Executions",
    "Outcomes",
    "Failed",
    "Failure rate",
  ]);
  return new Map(rows.slice(2).map(([label, ...cells]) => [label, cells]));
}

const cells = (f: Figures) => [
  String(f.executions),
  String(f.outcomes),
  String(f.failed),
  f.outcomes === 0 ? "—" : `${((f.failed / f.outcomes) * 100).toFixed(1)}%`,
];

/** Element names in document order; throws unless every element is closed in order. */
function elements(svg: string): string[] {
  const body = svg.replace(/^<\?xml[^?]*\?>\s*/, "");
  expect(body.replace(/<[^>]*>/g, "")).not.toMatch(/[<>]|&(?!amp;|lt;|gt;|quot;|#\d+;)/);
  const open: string[] = [];
  const names: string[] = [];
  for (const [, close, name, , selfClosing] of body.matchAll(
    /<(\/?)([A-Za-z][\w:.-]*)((?:\s+[\w:.-]+="[^"<]*")*)\s*(\/?)>/g,
  )) {
    if (close) {
      expect(open.pop()).toBe(name);
    } else {
      names.push(name);
      if (!selfClosing) open.push(name);
    }
  }
  expect(open).toEqual([]);
  return names;
}

describe("examples/flow-analytics-report", () => {
  const step = scenario();
  const reportDir = fs.mkdtempSync(path.join(os.tmpdir(), "cxflow-report-"));
  const x = exampleStack("flow-analytics-report", { config: { end: DATA_END, reportDir } });
  const interval = "2026-10-25T00:00:00.000Z/2026-11-01T00:00:00.000Z";
  const days = ["2026-10-25", "2026-10-26", "2026-10-27", "2026-10-28", "2026-10-29", "2026-10-30", "2026-10-31"];
  let outputs: Record<string, any>;
  let perFlow: Map<string, Figures>;
  let perDay: Map<string, Figures>;

  afterAll(() => fs.rmSync(reportDir, { recursive: true, force: true }));

  beforeAll(async () => {
    // The same question asked of the API directly, without the data source.
    const answer = await x.clients.genesys().queryFlowAggregates({
      interval,
      granularity: "P1D",
      groupBy: ["flowName"],
      metrics: ["nFlow", "nFlowOutcome", "nFlowOutcomeFailed"],
    });
    perFlow = new Map();
    perDay = new Map(days.map((d) => [d, { executions: 0, outcomes: 0, failed: 0 }]));
    for (const group of answer.results ?? []) {
      const flow = group.group!.flowName;
      const f = perFlow.get(flow) ?? { executions: 0, outcomes: 0, failed: 0 };
      perFlow.set(flow, f);
      for (const bucket of group.data)
        for (const m of bucket.metrics ?? []) {
          f[METRIC[m.metric]] += m.stats.count ?? 0;
          perDay.get(bucket.interval.slice(0, 10))![METRIC[m.metric]] += m.stats.count ?? 0;
        }
    }
  });

  step("up writes a Markdown report and an SVG chart into the configured folder", async () => {
    outputs = (await x.stack.up()).outputs;
    expect(outputs.reportFiles).toEqual({
      markdown: path.join(reportDir, "flow-report.md"),
      chart: path.join(reportDir, "outcomes-per-day.svg"),
    });
    expect(fs.readdirSync(reportDir).sort()).toEqual(["flow-report.md", "outcomes-per-day.svg"]);
    expect(outputs.period).toEqual({ interval, mode: "sync" });
  });

  step("the per-flow table holds the API's figures for each of the nine flows, and their total", () => {
    const md = fs.readFileSync(outputs.reportFiles.markdown, "utf8");
    expect(md).toMatch(/^# Flow outcomes, 2026-10-25 to 2026-10-31\n/);
    expect(md).toContain("![Flow outcomes per day](outcomes-per-day.svg)");
    const table = markdownTable(md, "Per flow");
    expect(perFlow.size).toBe(9);
    const total = { executions: 0, outcomes: 0, failed: 0 };
    for (const [flow, f] of perFlow) {
      expect([flow, table.get(flow)]).toEqual([flow, cells(f)]);
      for (const k of Object.keys(total) as (keyof Figures)[]) total[k] += f[k];
    }
    expect(table.get("**Total**")).toEqual(cells(total));
    expect(table.size).toBe(perFlow.size + 1);
    expect(total.failed).toBeGreaterThan(0);
  });

  step("the per-day table lists all seven days with the API's daily totals", () => {
    const table = markdownTable(fs.readFileSync(outputs.reportFiles.markdown, "utf8"), "Per day");
    expect([...table.keys()]).toEqual([...days, "**Total**"]);
    for (const [day, f] of perDay) expect([day, table.get(day)]).toEqual([day, cells(f)]);
  });

  step("the figures are stack outputs too, equal to the report's", () => {
    for (const [flow, f] of perFlow) {
      expect(outputs.flows[flow]).toEqual({
        ...f,
        failureRate: f.outcomes ? expect.closeTo(f.failed / f.outcomes, 3) : null,
      });
    }
    expect(outputs.daily.map((d: any) => d.day)).toEqual(days);
    expect(outputs.daily.map((d: any) => d.outcomes)).toEqual(days.map((d) => perDay.get(d)!.outcomes));
    expect(outputs.totals.executions).toBe([...perFlow.values()].reduce((n, f) => n + f.executions, 0));
  });

  step("the chart is a standalone SVG with a title, axis labels, a legend and one bar group per day", () => {
    const svg = fs.readFileSync(outputs.reportFiles.chart, "utf8");
    expect(svg).toMatch(/^<\?xml version="1.0" encoding="UTF-8"\?>\n<svg xmlns="http:\/\/www.w3.org\/2000\/svg" /);
    const names = elements(svg);
    expect(names[0]).toBe("svg");
    expect(names.filter((n) => n === "svg")).toHaveLength(1);
    expect(svg).toContain("Flow outcomes per day (UTC)");
    expect(svg).toMatch(/class="axis-label"[^>]*>Day</);
    expect(svg).toMatch(/class="axis-label"[^>]*>Outcomes</);
    expect(svg).toMatch(/<g class="legend"[^>]*>.*>Succeeded<.*>Failed</s);
    const groups = [...svg.matchAll(/<g class="day" data-day="([\d-]+)">(.*?)<\/g>/g)];
    expect(groups.map((g) => g[1])).toEqual(days);
    for (const [, day, inner] of groups) {
      const f = perDay.get(day)!;
      expect(inner).toContain(`<title>${day}: ${f.outcomes - f.failed} succeeded</title>`);
      expect(inner).toContain(`<title>${day}: ${f.failed} failed</title>`);
    }
  });

  step("a preview finds nothing to change and leaves the report folder alone", async () => {
    fs.rmSync(reportDir, { recursive: true, force: true });
    await x.stack.preview({ expectNoChanges: true });
    expect(fs.existsSync(reportDir)).toBe(false);
  });

  step("destroy leaves the sandbox as it was", async () => {
    await x.stack.destroy();
    expect(await snapshot(x.clients)).toEqual(x.before);
  });
});

// ---------------------------------------------------------------------------------------------

describe("examples/ourvoice-flows", () => {
  const step = scenario();
  const TOKEN = "crm-hook-token-5e8b21";
  const x = exampleStack("ourvoice-flows", { secrets: { crmWebhookToken: TOKEN } });
  let outputs: Record<string, any>;
  const metadataOf = (f: ourvoice.models.Flow) =>
    typeof f.metadata === "string" ? JSON.parse(f.metadata) : f.metadata;

  step("up creates two voice and two SMS flows with their statuses and metadata", async () => {
    outputs = (await x.stack.up()).outputs;
    const get = (key: string) => x.clients.ourvoice().getFlow(outputs.flowIds[key]);
    const mainIvr = x.before.ourvoice.find((f) => f.name === "Main IVR")!;

    expect(await get("supportLine")).toMatchObject({ name: "Support line", type: "voice", status: "published" });
    expect(metadataOf(await get("supportLine"))).toEqual({
      team: "support",
      language: "en-US",
      businessHours: { opens: "08:00", closes: "20:00" },
    });
    const holiday = await get("holidayLine");
    expect(holiday).toMatchObject({ type: "voice", status: "paused" });
    expect(metadataOf(holiday)).toEqual({ team: "support", fallbackFlowId: mainIvr.id });
    expect(outputs.mainFlowId).toBe(mainIvr.id);
    const orders = await get("orderUpdates");
    expect(orders).toMatchObject({ type: "sms", status: "published" });
    expect(metadataOf(orders).crmWebhook).toEqual({ url: "https://crm.example.com/hooks/ourvoice", token: TOKEN });
    expect(await get("satisfactionSurvey")).toMatchObject({ type: "sms", status: "draft" });
    expect(outputs.statuses).toEqual({
      "Support line": "published",
      "Holiday line": "paused",
      "Order updates": "published",
      "Satisfaction survey": "draft",
    });
  });

  step("the getFlows lookup lists every SMS flow in the account, the new ones included", async () => {
    const sms = (await ourvoiceFlows(x.clients)).filter((f) => f.type === "sms").map((f) => f.name);
    expect(sms).toEqual(expect.arrayContaining(["Order updates", "Satisfaction survey"]));
    expect(outputs.smsFlowNames).toEqual(sms.sort());
  });

  step("the secret metadata is a secret output and never reaches state in plaintext", async () => {
    const plain = JSON.parse((await x.stack.run(["stack", "output", "--json"])).stdout);
    expect(plain.orderUpdatesMetadata).toBe("[secret]");
    expect(outputs.orderUpdatesMetadata.crmWebhook.token).toBe(TOKEN);
    expect(await x.stack.exportText()).not.toContain(TOKEN);
  });

  step("a preview right after finds nothing to change", async () => {
    await x.stack.preview({ expectNoChanges: true });
  });

  step("destroy deletes the four flows and leaves the seeded ones as they were", async () => {
    await x.stack.destroy();
    expect(await snapshot(x.clients)).toEqual(x.before);
  });
});

// ---------------------------------------------------------------------------------------------

describe("examples/zoom-flow-release", () => {
  const step = scenario();
  const x = exampleStack("zoom-flow-release", {});
  const v1 = readJson("zoom-flow-release", "flows", "v1.json");
  const v2 = readJson("zoom-flow-release", "flows", "v2.json");
  let flowId: string;

  step("up imports flows/v1.json as version 1 of a new flow and publishes it", async () => {
    const { outputs } = await x.stack.up();
    flowId = outputs.flowId as string;
    const flow = await x.clients.zoom().getFlow(flowId);
    expect(flow).toMatchObject({ flow_name: "Support IVR", channel: "voice", status: "published" });
    expect(flow.flow_versions).toEqual([
      expect.objectContaining({
        flow_version: 1,
        flow_version_status: "published",
        flow_version_description: "release v1",
      }),
    ]);
    expect((await x.clients.zoom().exportFlow(flowId, 1)).definition).toEqual(v1.definition);
    expect(outputs).toMatchObject({ version: 1, publishedVersion: 1, status: "published", releaseName: "v1" });
  });

  step("a preview right after finds nothing to change", async () => {
    await x.stack.preview({ expectNoChanges: true });
  });

  step("switching the release to v2 imports it as version 2 of the same flow and publishes it", async () => {
    await x.stack.setConfig("zoom-flow-release:release", "v2");
    const { outputs } = await x.stack.up();
    expect(outputs.flowId).toBe(flowId);
    const flow = await x.clients.zoom().getFlow(flowId);
    expect(flow.flow_versions?.map((v) => [v.flow_version, v.flow_version_status, v.flow_version_description])).toEqual(
      [
        [1, "archived", "release v1"],
        [2, "published", "release v2"],
      ],
    );
    expect((await x.clients.zoom().exportFlow(flowId, 2)).definition).toEqual(v2.definition);
    expect(outputs).toMatchObject({ version: 2, publishedVersion: 2, releaseName: "v2" });
    await x.stack.preview({ expectNoChanges: true });
  });

  step("destroy deletes the flow and leaves the seeded flows as they were", async () => {
    await x.stack.destroy();
    expect(await snapshot(x.clients)).toEqual(x.before);
  });
});

// ---------------------------------------------------------------------------------------------

describe("examples/architect-flow-release", () => {
  const step = scenario();
  const x = exampleStack("architect-flow-release", { config: { reportEnd: DATA_END } });
  const yaml = fs.readFileSync(path.join(EXAMPLES, "architect-flow-release", "flows", "main-line.yaml"), "utf8");
  let flowId: string;
  let outputs: Record<string, any>;

  step("up adopts the seeded outcome, creates the milestone and publishes the flow as version 1.0", async () => {
    outputs = (await x.stack.up()).outputs;
    flowId = outputs.flowId;
    const g = x.clients.genesys();
    const flow = await g.call("getFlow", { params: { flowId } });
    expect(flow).toMatchObject({ name: "Main support line", type: "INBOUNDCALL", publishedVersion: { id: "1.0" } });
    expect(outputs).toMatchObject({ flowName: "Main support line", publishedVersion: "1.0", deployedVersion: "1.0" });
    const outcome = (await collect(g.flowOutcomes({ name: "Payment taken" })))[0];
    const milestone = (await collect(g.flowMilestones({ name: "Caller verified" })))[0];
    // What Genesys holds is the file with its placeholders filled in.
    const published = await exportedYaml(g, flowId);
    expect(published.trimEnd()).toBe(
      yaml
        .replaceAll("{{ greeting }}", "Thanks for calling.")
        .replaceAll("{{ queueName }}", "Support")
        .replaceAll("{{ paymentTakenId }}", outcome.id)
        .replaceAll("{{ callerVerifiedId }}", milestone.id)
        .trimEnd(),
    );
  });

  step("the week's runs, outcomes and milestones are counted by name, as the API counts them by id", async () => {
    const answer = await x.clients.genesys().queryFlowAggregates({
      interval: "2026-10-25T00:00:00.000Z/2026-11-01T00:00:00.000Z",
      groupBy: ["flowOutcomeId", "flowMilestoneId"],
      filter: { type: "and", predicates: [{ dimension: "flowId", value: flowId }] },
      metrics: ["nFlow", "nFlowOutcome", "nFlowMilestone"],
    });
    const sum = (metric: string) =>
      (answer.results ?? [])
        .flatMap((r) => r.data ?? [])
        .flatMap((d) => d.metrics ?? [])
        .filter((m) => m.metric === metric)
        .reduce((n, m) => n + (m.stats?.count ?? 0), 0);
    expect(outputs.executions).toBe(sum("nFlow"));
    expect(outputs.executions).toBeGreaterThan(0);
    expect(Object.keys(outputs.outcomesByName)).toEqual(sum("nFlowOutcome") > 0 ? ["Payment taken"] : []);
    expect(Object.keys(outputs.milestonesByName)).toEqual(sum("nFlowMilestone") > 0 ? ["Caller verified"] : []);
    expect(outputs.outcomesByName["Payment taken"] ?? 0).toBe(sum("nFlowOutcome"));
  });

  step("a preview right after finds nothing to change", async () => {
    await x.stack.preview({ expectNoChanges: true });
  });

  step("a new greeting is new content: the preview shows it, up publishes 2.0 of the same flow", async () => {
    await x.stack.setConfig("architect-flow-release:greeting", "Thanks for calling Example Co.");
    const { output } = await x.stack.preview();
    expect(output).toMatch(/~ contentHash/);
    outputs = (await x.stack.up()).outputs;
    expect(outputs.flowId).toBe(flowId);
    expect(outputs).toMatchObject({ publishedVersion: "2.0", deployedVersion: "2.0" });
    await x.stack.preview({ expectNoChanges: true });
  });

  step("destroy deletes the flow and the milestone and leaves the seeded flows as they were", async () => {
    await x.stack.destroy();
    await expect(x.clients.genesys().call("getFlow", { params: { flowId } })).rejects.toMatchObject({
      code: "not_found",
    });
    expect(await snapshot(x.clients)).toEqual(x.before);
  });
});

// ---------------------------------------------------------------------------------------------

describe("examples/multi-vendor", () => {
  const step = scenario();
  const x = exampleStack("multi-vendor", { config: { analyticsEnd: DATA_END } });
  let outputs: Record<string, any>;

  step(
    "up makes a segment, tunes a target, imports a Zoom flow and creates an Our Voice flow that names both",
    async () => {
      outputs = (await x.stack.up()).outputs;
      expect(await x.clients.genesys().getSegment(outputs.segmentId)).toMatchObject({
        displayName: "Stuck on an invoice",
        journey: { patterns: [expect.objectContaining({ count: 3 })] },
      });
      expect(await targetNamed(x.clients, "Billing email")).toMatchObject({
        id: outputs.billingEmailTarget.id,
        serviceLevel: { percentage: 0.95, durationMs: 30_000 },
      });
      const line = await x.clients.zoom().getFlow(outputs.zoomFlow.id);
      expect(line).toMatchObject({ flow_name: "Billing line", status: "published" });
      expect((await x.clients.zoom().exportFlow(line.flow_id, 1)).definition).toEqual(
        readJson("multi-vendor", "flows", "billing-line.json").definition,
      );
      const text = await x.clients.ourvoice().getFlow(outputs.ourvoiceFlowId);
      expect(text).toMatchObject({ name: "Billing by text", type: "sms", status: "published" });
      expect(JSON.parse(text.metadata as string)).toMatchObject({
        zoomFlowId: line.flow_id,
        genesysSegmentId: outputs.segmentId,
      });
    },
  );

  step("the analytics output counts last week's inbound-call flow runs as the API does", async () => {
    const answer = await x.clients.genesys().queryFlowAggregates({
      interval: "2026-10-25T00:00:00.000Z/2026-11-01T00:00:00.000Z",
      filter: { type: "and", predicates: [{ dimension: "flowType", value: "INBOUNDCALL" }] },
      metrics: ["nFlow", "nFlowOutcomeFailed"],
    });
    const count = (metric: string) =>
      (answer.results ?? [])
        .flatMap((g) => g.data.flatMap((d) => d.metrics ?? []))
        .filter((m) => m.metric === metric)
        .reduce((n, m) => n + (m.stats.count ?? 0), 0);
    expect(count("nFlow")).toBeGreaterThan(0);
    expect(outputs.inboundCallsLastWeek).toEqual({
      interval: "2026-10-25T00:00:00.000Z/2026-11-01T00:00:00.000Z",
      executions: count("nFlow"),
      failedOutcomes: count("nFlowOutcomeFailed"),
    });
  });

  step("a preview right after finds nothing to change", async () => {
    await x.stack.preview({ expectNoChanges: true });
  });

  step("destroy leaves all three vendors as they were", async () => {
    await x.stack.destroy();
    expect(await snapshot(x.clients)).toEqual(x.before);
  });
});
