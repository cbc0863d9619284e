// npm run bench: the real engine against in-process sandboxes. Prints what each step cost (seconds,
// vendor requests), then one `bench:` line with the headline figures. Figures are printed, never
// asserted; bench/README.md says what each one means and how it is computed.
import { execFile } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { RESOURCES } from "../provider/dynamic";
import { FLOW_METRICS } from "../provider/genesys/analytics";
import { VENDOR_NAMES, type VendorName } from "../provider/vendors";
import { ANALYTICS_DATA_DAYS, type Sandbox, startSandbox } from "../sandbox";
import { analyticsData } from "../sandbox/vendors/genesys-data";
import { TestStack } from "../test/e2e/harness";
import {
  type Declared,
  declare,
  oneOfEach,
  resourceStack,
  SAMPLE_ARCHITECT_YAML,
  sandboxClients,
  stored,
} from "../test/e2e/resources";
import {
  countingProxy,
  measured,
  RESOURCE_TYPES,
  type Requests,
  refresh,
  since,
  table,
  timed,
  up,
  withPeakMemory,
} from "./lib";

const ROOT = path.resolve(__dirname, "..");
/** Kinds that can take over an existing object with `adopt: true`. */
const adoptable = new Set(RESOURCES.filter((d) => "adopt" in d.fields).map((d) => d.kind));
/** Journey segments of the scale steps (up300, refresh, peakMB). */
const SEGMENTS = 300;
/** Journey segments created under the Genesys limit. */
const LIMITED = 600;
/** The sandbox's Genesys limit in the rate-limited step, and the client's default budget: 300/min. */
const LIMIT = { limit: 300, periodSeconds: 60 };
/** High enough that neither the sandbox nor the client limits the up300 step. */
const UNLIMITED = 1_000_000;

const steps: (string | number)[][] = [];
const notes: string[] = [];

/** One row of the main table. */
function row(step: string, seconds: number, requests?: Requests, note = "") {
  const n = (v: VendorName) => (requests ? requests.vendor(v) : "");
  steps.push([step, seconds.toFixed(2), ...VENDOR_NAMES.map(n), note]);
  console.error(`[bench] ${step}: ${seconds.toFixed(2)} s`);
}

const mb = (n: number) => `${n.toFixed(0)} MB`;

// ---------------------------------------------------------------------------------------------
// One resource of each type: requests per operation

interface TypeCycle {
  rows: (string | number)[][];
  noopCalls: number;
  providerBytes: Record<string, number>;
}

async function typeCycle(sandbox: Sandbox): Promise<TypeCycle> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "cxflow-bench-"));
  const file = path.join(dir, "ivr.json");
  fs.writeFileSync(file, JSON.stringify({ channel: "voice", channel_type: "voice", definition: { start: "menu" } }));
  // One of every registered kind, so a new resource gets its column without touching the bench.
  const all = (v: number): Declared[] => oneOfEach({ tag: "bench", v, flowFile: file });
  const stack = await resourceStack(sandbox);
  const rows: (string | number)[][] = [];
  let noopCalls = 0;
  const step = async (label: string, fn: () => Promise<unknown>, noop = false) => {
    const m = await measured(sandbox, fn);
    const t = m.requests.byType();
    const w = m.requests.writesByType();
    // Each type's cell is reads+writes, so a step that should write nothing shows it.
    rows.push([label, m.seconds.toFixed(2), ...RESOURCE_TYPES.map((k) => `${t[k] - w[k]}+${w[k]}`), t.tokens, t.other]);
    if (noop) noopCalls += m.requests.total;
    console.error(`[bench] ${label}: ${m.seconds.toFixed(2)} s`);
  };
  try {
    await declare(stack, all(1));
    await step("create", () => up(stack));
    await step("preview, no changes", () => stack.preview({ expectNoChanges: true }), true);
    await step("up, no changes", () => up(stack, ["--expect-no-changes"]), true);
    await step("refresh, no changes", () => refresh(stack));
    await declare(stack, all(2));
    await step("update (in place)", () => up(stack));
    const providerBytes: Record<string, number> = {};
    // pulumi-nodejs:dynamic/cxflow/genesys:JourneySegment → genesys.JourneySegment
    const made = await stored(stack);
    for (const r of Object.values(made))
      providerBytes[r.type.slice(r.type.indexOf("cxflow/") + 7).replace(":", ".")] = r.providerBytes;
    // A second stack takes the same objects over; the Our Voice metadata is first stored in
    // another key order, as an edit outside Pulumi leaves it: still equal, so no write is due.
    await sandboxClients(sandbox.url)
      .ourvoice()
      .updateFlow(made.ourvoice.id, { metadata: JSON.stringify({ queue: "sales", greeting: "hello" }) });
    const adopter = await resourceStack(sandbox);
    try {
      await declare(
        adopter,
        // Kinds without `adopt` (an action target is always taken over) are declared as they are.
        all(2).map((d) => (adoptable.has(d.type) ? { ...d, args: { ...d.args, adopt: true } } : d)),
      );
      await step("adopt, equal objects", () => up(adopter));
    } finally {
      await adopter.dispose();
    }
    await step("delete (destroy)", () => stack.destroy());
    return { rows, noopCalls, providerBytes };
  } finally {
    await stack.dispose();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

// ---------------------------------------------------------------------------------------------
// 600 creates under the Genesys limit

interface Limited {
  seconds: number;
  requests: number;
  floor: number;
  ratio: number;
  status429: number;
  failed: number;
}

async function rateLimited(): Promise<Limited> {
  const sandbox = await startSandbox({ rateLimits: { genesys: LIMIT } });
  const proxy = await countingProxy(sandbox.url);
  // The client's default budget: no cxflow:genesysRequestsPerMinute.
  const stack = await TestStack.create({
    program: path.join(ROOT, "test", "e2e", "programs", "resources"),
    config: { "cxflow:sandboxUrl": proxy.url, resources: "[]" },
  });
  try {
    await declare(
      stack,
      Array.from({ length: LIMITED }, (_, i) => ({
        type: "genesys.JourneySegment",
        name: `l${i}`,
        args: { displayName: `limited segment ${i}` },
      })),
    );
    let error: unknown;
    proxy.clear();
    const start = Date.now();
    const m = await measured(sandbox, () =>
      up(stack).catch((e) => {
        error = e;
      }),
    );
    const end = Date.now();
    const created = Object.keys(await stored(stack)).length;
    const failed = LIMITED - created;
    if (error)
      notes.push(`rate-limited up failed (${failed} of ${LIMITED} not created): ${String(error).slice(0, 2000)}`);
    const n = m.requests.vendor("genesys");
    const floor = (Math.ceil(n / LIMIT.limit) - 1) * LIMIT.periodSeconds;
    const status429 = proxy.statuses().genesys?.[429] ?? 0;
    const span = proxy.span() ?? { first: start, last: start };
    const s = (ms: number) => (ms / 1000).toFixed(1);
    row(
      `up, ${LIMITED} segment creates at ${LIMIT.limit}/${LIMIT.periodSeconds}s`,
      m.seconds,
      m.requests,
      `floor ${floor} s (N=${n}); ${s(span.first - start)} s to the first request, ${s(span.last - span.first)} s ` +
        `of requests, ${s(end - span.last)} s after the last; ${status429} × 429; ${failed} failed`,
    );
    return { seconds: m.seconds, requests: n, floor, ratio: m.seconds / floor, status429, failed };
  } finally {
    await stack.dispose();
    await proxy.close();
    await sandbox.stop();
  }
}

// ---------------------------------------------------------------------------------------------
// A 90-day async flow-aggregates job, in a child process of its own

/** Every flow metric, grouped by flow, outcome and milestone, with a duration ladder of views. */
const ASYNC_QUERY = {
  interval: "P90D",
  granularity: "PT1H",
  groupBy: ["flowId", "flowOutcome", "flowMilestoneId"],
  metrics: [...FLOW_METRICS],
  // How many flows, outcomes, exits and disconnects took less than each bound.
  views: ["tFlow", "tFlowOutcome", "tFlowExit", "tFlowDisconnect"].flatMap((target) =>
    [10, 20, 30, 60, 120, 180, 300, 450, 600].map((s) => ({
      target,
      name: `${target}Under${s}s`,
      function: "rangeBound",
      range: { lt: s * 1000 },
    })),
  ),
  mode: "async",
};

interface AsyncJob {
  rows: number;
  groups: number;
  mode: string;
  seconds: number;
  rssBeforeKb: number;
  maxRssKb: number;
}

async function asyncJob(sandbox: Sandbox): Promise<AsyncJob> {
  if (ANALYTICS_DATA_DAYS < 90) notes.push(`the sandbox's analytics data covers only ${ANALYTICS_DATA_DAYS} days`);
  // The sandbox builds its synthetic data set on first use; build it now so the job does not pay for it.
  analyticsData(sandbox.options.seed, Date.parse(sandbox.analyticsEnd));
  const start = process.hrtime.bigint();
  const out = await new Promise<string>((resolve, reject) =>
    execFile(
      process.execPath,
      [path.join(__dirname, "async-job.js"), JSON.stringify({ ...ASYNC_QUERY, end: sandbox.analyticsEnd })],
      { cwd: ROOT, env: { ...process.env, CXFLOW_SANDBOX_URL: sandbox.url }, maxBuffer: 64 * 1024 * 1024 },
      (error, stdout, stderr) => (error ? reject(new Error(`${error.message}\n${stderr}`)) : resolve(stdout)),
    ),
  );
  const wall = since(start);
  const job: AsyncJob = JSON.parse(out.trim().split("\n").pop()!);
  row(
    "async flow aggregates, 90 days",
    job.seconds,
    undefined,
    `${job.rows} rows in ${job.groups} groups (${job.mode}); child peak RSS ${mb(job.maxRssKb / 1024)} ` +
      `(${mb(job.rssBeforeKb / 1024)} before the call); process ${wall.toFixed(2)} s`,
  );
  return job;
}

// ---------------------------------------------------------------------------------------------

/** Flows of the flow-refresh steps: read-ahead must serve kinds with no batch lookup too. */
const OURVOICE_FLOWS = 300;
const ZOOM_FLOWS = 100;

/** Refreshes of many Our Voice and Zoom flows: the requests each costs (target ≤ 10). */
async function flowRefresh(sandbox: Sandbox, disposals: TestStack[]): Promise<{ ourvoice: number; zoom: number }> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "cxflow-bench-"));
  const file = path.join(dir, "ivr.json");
  fs.writeFileSync(file, JSON.stringify({ channel: "voice", channel_type: "voice", definition: { start: "menu" } }));
  const stack = await resourceStack(sandbox);
  disposals.push(stack);
  await stack.setConfig("cxflow:ourvoiceRequestsPerMinute", String(UNLIMITED));
  await stack.setConfig("cxflow:zoomRequestsPerSecond", String(UNLIMITED));
  await declare(stack, [
    ...Array.from({ length: OURVOICE_FLOWS }, (_, i) => ({
      type: "ourvoice.Flow",
      name: `ov${i}`,
      args: { name: `bench flow ${i}`, type: i % 2 ? "sms" : "voice" },
    })),
    ...Array.from({ length: ZOOM_FLOWS }, (_, i) => ({
      type: "zoom.Flow",
      name: `zf${i}`,
      args: { name: `bench zoom flow ${i}`, flowFile: file },
    })),
  ]);
  const made = await measured(sandbox, () => up(stack));
  row(`up, ${OURVOICE_FLOWS} Our Voice + ${ZOOM_FLOWS} Zoom flows`, made.seconds, made.requests);
  const refreshed = await measured(sandbox, () => refresh(stack));
  row(`refresh, ${OURVOICE_FLOWS} Our Voice + ${ZOOM_FLOWS} Zoom flows`, refreshed.seconds, refreshed.requests);
  const t = refreshed.requests.byType();
  fs.rmSync(dir, { recursive: true, force: true });
  return { ourvoice: t["ourvoice.Flow"], zoom: t["zoom.Flow"] };
}

const ARCHITECT_FLOWS = 50;
const UPLOAD_ROUTE = "PUT /genesys/architect/uploads";

/** 50 Architect flows: uploads on create, on a no-change up (target 0) and on one edited flow (target 1). */
async function architectFlows(
  sandbox: Sandbox,
  disposals: TestStack[],
): Promise<{ noopUploads: number; editUploads: number }> {
  const stack = await resourceStack(sandbox);
  disposals.push(stack);
  await stack.setConfig("cxflow:genesysRequestsPerMinute", String(UNLIMITED));
  const flows = (edited: number) =>
    Array.from({ length: ARCHITECT_FLOWS }, (_, i) => ({
      type: "genesys.ArchitectFlow",
      name: `af${i}`,
      args: {
        content: SAMPLE_ARCHITECT_YAML,
        substitutions: { flowName: `bench architect flow ${i}`, greeting: i === edited ? "Hello again" : "Hello" },
      },
    }));
  const uploads = () => sandbox.stats().vendors.genesys?.[UPLOAD_ROUTE] ?? 0;
  const counted = async (label: string, fn: () => Promise<unknown>) => {
    const before = uploads();
    const m = await measured(sandbox, fn);
    const n = uploads() - before;
    row(label, m.seconds, m.requests, `${n} uploads`);
    return n;
  };
  await declare(stack, flows(-1));
  await counted(`up, ${ARCHITECT_FLOWS} Architect flow creates`, () => up(stack));
  const noopUploads = await counted(`up, ${ARCHITECT_FLOWS} Architect flows, no changes`, () =>
    up(stack, ["--expect-no-changes"]),
  );
  await declare(stack, flows(0));
  const editUploads = await counted(`up, ${ARCHITECT_FLOWS} Architect flows, one edited`, () => up(stack));
  return { noopUploads, editUploads };
}

async function main() {
  const started = process.hrtime.bigint();
  if (!fs.existsSync(path.join(ROOT, "dist", "provider", "index.js")))
    throw new Error("dist/ is missing: run `npm run build` first (npm run bench does)");
  const fast = await startSandbox({
    rateLimits: Object.fromEntries(VENDOR_NAMES.map((v) => [v, { limit: UNLIMITED, periodSeconds: 60 }])),
  });
  const disposals: TestStack[] = [];
  try {
    // Requests per operation and resource type.
    const types = await typeCycle(fast);

    // up300: 300 segments against the same engine's time for 300 no-op dynamic resources, the
    // no-op up run before and after so a drift in machine load shows and averages out.
    const noop = path.join(__dirname, "programs", "noop");
    const noopA = await TestStack.create({ program: noop, config: { count: String(SEGMENTS) } });
    disposals.push(noopA);
    const noopB = await TestStack.create({ program: noop, config: { count: String(SEGMENTS) } });
    disposals.push(noopB);
    const segments = await resourceStack(fast);
    disposals.push(segments);
    await segments.setConfig("cxflow:genesysRequestsPerMinute", String(UNLIMITED));
    await declare(
      segments,
      Array.from({ length: SEGMENTS }, (_, i) => ({
        type: "genesys.JourneySegment",
        name: `s${i}`,
        args: { displayName: `bench segment ${i}` },
      })),
    );

    const before = await withPeakMemory(() => timed(() => up(noopA)));
    row(`up, ${SEGMENTS} no-op resources (before)`, before.value.seconds, undefined, `provider ${mb(before.mb)}`);
    const segUp = await withPeakMemory(() => measured(fast, () => up(segments)));
    row(`up, ${SEGMENTS} segment creates`, segUp.value.seconds, segUp.value.requests, `provider ${mb(segUp.mb)}`);
    const after = await withPeakMemory(() => timed(() => up(noopB)));
    row(`up, ${SEGMENTS} no-op resources (after)`, after.value.seconds, undefined, `provider ${mb(after.mb)}`);
    const noopSeconds = (before.value.seconds + after.value.seconds) / 2;
    const up300 = segUp.value.seconds / noopSeconds;

    const state = await segments.exportText();
    const mine = Object.values(await stored(segments));
    const stateBytes = Buffer.byteLength(state) / mine.length;
    const providerBytes = Math.max(...mine.map((r) => r.providerBytes));
    const noopState = Buffer.byteLength(await noopA.exportText()) / SEGMENTS;

    const preview = await measured(fast, () => segments.preview({ expectNoChanges: true }));
    row(`preview, ${SEGMENTS} segments, no changes`, preview.seconds, preview.requests);
    const noopCalls = types.noopCalls + preview.requests.total;

    const refreshed = await withPeakMemory(() => measured(fast, () => refresh(segments)));
    const refreshCalls = refreshed.value.requests.total;
    row(
      `refresh, ${SEGMENTS} segments`,
      refreshed.value.seconds,
      refreshed.value.requests,
      `engine default --parallel; provider ${mb(refreshed.mb)}`,
    );
    const wide = await withPeakMemory(() => measured(fast, () => refresh(segments, ["--parallel", String(SEGMENTS)])));
    row(
      `refresh, ${SEGMENTS} segments, --parallel ${SEGMENTS}`,
      wide.value.seconds,
      wide.value.requests,
      `provider ${mb(wide.mb)}`,
    );
    const peakMB = Math.max(segUp.mb, refreshed.mb, wide.mb);
    const flows = await flowRefresh(fast, disposals);
    const architect = await architectFlows(fast, disposals);

    const limited = await rateLimited();
    const job = await asyncJob(fast);

    console.log("\nRequests per operation, one resource of each type (tokens: OAuth token requests)\n");
    console.log(table(["step", "seconds", ...RESOURCE_TYPES, "tokens", "other"], types.rows));
    console.log("\nSteps (requests the sandbox counted, by vendor)\n");
    console.log(table(["step", "seconds", ...VENDOR_NAMES, "notes"], steps));
    console.log("");
    console.log(
      `up300              ${up300.toFixed(2)}  (${segUp.value.seconds.toFixed(2)} s / ${noopSeconds.toFixed(2)} s no-op; target ≤ 1.3)`,
    );
    console.log(
      `ratelimited        ${limited.ratio.toFixed(2)}  (${limited.seconds.toFixed(2)} s / floor ${limited.floor} s = (ceil(${limited.requests} / ${LIMIT.limit}) − 1) × ${LIMIT.periodSeconds} s; target ≤ 1.1, 0 failed: ${limited.failed})`,
    );
    console.log(`noopCalls          ${noopCalls}  (no-change previews and ups; target 0)`);
    // The engine's default --parallel is 4 × GOMAXPROCS; a read holds its step until it returns.
    const inFlight = 4 * os.availableParallelism();
    console.log(
      `refreshCalls       ${refreshCalls}  (refresh of ${SEGMENTS} segments at the default --parallel (${inFlight} reads in flight): ` +
        `batches, then the org listed whole; ${wide.value.requests.total} at --parallel ${SEGMENTS}; target ≤ 10)`,
    );
    console.log(
      `flowRefreshCalls   ourvoice ${flows.ourvoice}, zoom ${flows.zoom}  (refresh of ${OURVOICE_FLOWS} Our Voice and ${ZOOM_FLOWS} Zoom flows: one GET, then each vendor's listing; target ≤ 10 each)`,
    );
    console.log(
      `state              ${stateBytes.toFixed(0)} bytes per segment in \`pulumi stack export\` (no-op resource: ${noopState.toFixed(0)})`,
    );
    console.log(
      `providerBytes      ${providerBytes}  (__provider text per segment; per type: ${Object.entries(
        types.providerBytes,
      )
        .map(([k, v]) => `${k} ${v}`)
        .join(", ")}; budget 2048)`,
    );
    console.log(
      `architectUploads   no change ${architect.noopUploads}, one edited ${architect.editUploads}  (up of ${ARCHITECT_FLOWS} Architect flows; target 0 and 1)`,
    );
    console.log(`asyncRows          ${job.rows}  (target ≥ 50000) in ${job.seconds.toFixed(2)} s`);
    console.log(
      `peakMB             ${peakMB.toFixed(0)}  (VmHWM of the dynamic-provider process at ${SEGMENTS} segments)`,
    );
    for (const n of notes) console.log(`note: ${n}`);
    console.log(`total bench time   ${since(started).toFixed(0)} s`);
    console.log(
      `bench: up300=${up300.toFixed(2)} ratelimited=${limited.ratio.toFixed(2)} noopCalls=${noopCalls} refreshCalls=${refreshCalls} ovRefreshCalls=${flows.ourvoice} zoomRefreshCalls=${flows.zoom} architectNoopUploads=${architect.noopUploads} providerBytes=${providerBytes} asyncRows=${job.rows} asyncSeconds=${job.seconds.toFixed(2)} peakMB=${peakMB.toFixed(0)}`,
    );
  } finally {
    for (const s of disposals) await s.dispose().catch(() => undefined);
    await fast.stop();
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
