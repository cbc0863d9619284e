#!/usr/bin/env node
"use strict";
// `npm run demo`: the main job. Starts the sandbox on a file-backed store in .cxflow-demo/, runs
// `pulumi preview`, then `pulumi up --refresh` of the root stack against it, prints what changed
// and the week's analytics, and stops the sandbox. `npm run demo -- --destroy` tears the stack
// down and removes the store. CXFLOW_STACK picks the stack (default `dev`), CXFLOW_DEMO_DIR the
// folder of the store. Runs on Node 24 after setup and build (package.json).
const { spawn } = require("node:child_process");
const fs = require("node:fs");
const path = require("node:path");
const readline = require("node:readline");
const tc = require("./toolchain");
// Built by `npm run demo` before this script runs.
const { ANALYTICS_DATA_DAYS, analyticsEndFor, startSandbox } = require("../dist/sandbox");
// What a refresh found, read from the engine's events as `cxflow drift` reads them.
const { driftOfStep } = require("../dist/provider/cli/drift");

const DEMO_DIR = path.resolve(process.env.CXFLOW_DEMO_DIR || path.join(tc.paths.root, ".cxflow-demo"));
const DATA = path.join(DEMO_DIR, "sandbox.sqlite");
/** The engine's events of the last run, one JSON object per line, for when something fails. */
const EVENTS = path.join(DEMO_DIR, "last-run.jsonl");
const stack = process.env.CXFLOW_STACK || "dev";
/** The reportEnd earlier demos set in the stack's config (where the sandbox's data used to end). */
const OLD_DEMO_REPORT_END = "2026-11-01T00:00:00.000Z";
const say = (line = "") => process.stdout.write(`${line}\n`);
// A reader that goes away (`| head`) must not kill the demo mid-up and leave the stack locked.
process.stdout.on("error", () => {});
const rel = (p) => path.relative(process.cwd(), p) || ".";
/** Set once a Ctrl-C or SIGTERM has been passed on to the CLI. */
let interrupted = false;

/**
 * Runs the pinned CLI on the root project. With `onEvent`, adds `--json` and feeds each engine
 * event to it (and to EVENTS); otherwise collects the output. Resolves { code, stdout, stderr }.
 */
function pulumi(args, env, onEvent) {
  const full = [...args, "--cwd", tc.paths.root, "--non-interactive", "--color", "never"];
  if (onEvent) full.push("--json");
  // Its own process group: a Ctrl-C reaches it once, forwarded below (a second one would abort it
  // without releasing the stack's lock).
  const child = spawn(path.join(tc.cliDir(), "pulumi"), full, {
    env,
    stdio: ["ignore", "pipe", "pipe"],
    detached: true,
  });
  const forward = (sig) => {
    interrupted = true;
    child.kill(sig);
  };
  for (const sig of ["SIGINT", "SIGTERM"]) process.on(sig, forward);
  let stdout = "";
  let stderr = "";
  const log = onEvent ? fs.createWriteStream(EVENTS) : undefined;
  readline.createInterface({ input: child.stdout }).on("line", (line) => {
    if (!onEvent) {
      stdout += `${line}\n`;
      return;
    }
    log.write(`${line}\n`);
    let event;
    try {
      event = JSON.parse(line);
    } catch {
      return; // not an event (the CLI prints a few plain lines)
    }
    onEvent(event);
  });
  child.stderr.on("data", (d) => {
    stderr += d;
  });
  return new Promise((resolve, reject) => {
    child.on("error", reject);
    child.on("close", (code, signal) => {
      for (const sig of ["SIGINT", "SIGTERM"]) process.off(sig, forward);
      log?.end();
      resolve({ code: signal ? 1 : (code ?? 1), stdout, stderr });
    });
  });
}

/** `<vendor>.<Class> <name>` of a cxflow resource URN; undefined for the stack and providers. */
function resourceOf(urn) {
  const m = /::pulumi-nodejs:dynamic\/cxflow\/(\w+):(\w+)::(.+)$/.exec(urn);
  return m ? { kind: `${m[1]}.${m[2]}`, name: m[3] } : undefined;
}

const VERBS = {
  create: ["+", "created"],
  update: ["~", "updated"],
  replace: ["+-", "replaced"],
  "create-replacement": ["+-", "replaced"],
  delete: ["-", "deleted"],
};

/**
 * An engine diagnostic in a line: `<kind> <name>: <property>: <reason>` for a failed check, the
 * engine's own prefix ("error: ", "<type> resource '<name>': property x value {…} has a problem: ",
 * or "<type> resource '<name>' has a problem: " when the reason names a nested path) dropped.
 */
function describe(d) {
  const r = d.urn ? resourceOf(d.urn) : undefined;
  const text = d.message
    .trim()
    .replace(/^error: /, "")
    .replace(/^\S+ resource '[^']*': property (\S+) value \{.*?\} has a problem: /s, "$1: ")
    .replace(/^\S+ resource '[^']*' has a problem: /s, "");
  return r ? `${r.kind} ${r.name}: ${text}` : text;
}

/** Prints the errors of a failed command, or what it wrote to stderr when it named none. */
function sayErrors(errors, stderr) {
  for (const e of errors) say(`  error: ${e}`);
  if (errors.length === 0 && stderr.trim()) say(stderr.trim());
}

/** Prints a line per changed resource as the engine reports it; returns the tallies. */
function progress() {
  const counts = { same: 0, create: 0, update: 0, replace: 0, delete: 0, drift: 0 };
  const errors = [];
  const seenWarnings = new Set();
  const onEvent = (e) => {
    if (e.resOutputsEvent) {
      const m = e.resOutputsEvent.metadata;
      const r = resourceOf(m.urn);
      if (!r) return;
      if (m.op === "refresh") {
        const d = driftOfStep(m);
        if (!d) return;
        counts.drift++;
        const fields = d.fields.map((f) => f.field).join(", ");
        say(
          `  ! ${d.kind} ${d.name}: ${d.status === "deleted" ? "deleted outside Pulumi" : `changed outside Pulumi (${fields})`}`,
        );
        return;
      }
      const op = m.op === "create-replacement" ? "replace" : m.op;
      if (op in counts) counts[op]++;
      const verb = VERBS[m.op];
      if (verb) say(`  ${verb[0]} ${verb[1]} ${r.kind} ${r.name}${m.diffs?.length ? ` (${m.diffs.join(", ")})` : ""}`);
    } else if (e.diagnosticEvent) {
      const d = e.diagnosticEvent;
      const text = d.message.trim();
      if (d.severity === "error" && text !== "update failed") errors.push(describe(d));
      // A warning per kind is enough (the ActionTarget deprecation is said once per resource).
      if (d.severity === "warning" && !seenWarnings.has(text)) {
        seenWarnings.add(text);
        say(`  warning: ${text}`);
      }
    }
  };
  return { counts, errors, onEvent };
}

function table(rows, header) {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => String(r[i]).length)));
  const line = (r) =>
    r.map((c, i) => (i === 0 ? String(c).padEnd(widths[i]) : String(c).padStart(widths[i]))).join("  ");
  return [line(header), ...rows.map(line)].map((l) => `  ${l}`).join("\n");
}

const pct = (x) => `${(x * 100).toFixed(1)}%`;

const DAY = 86_400_000;

/** Where the week `from`/`to` comes from, against the sandbox's data that ends at `dataEnd`. */
function weekNote(from, to, dataEnd) {
  const first = Date.parse(dataEnd) - ANALYTICS_DATA_DAYS * DAY;
  if (Date.parse(from) < first || Date.parse(to) > Date.parse(dataEnd)) {
    const covered = `${new Date(first).toISOString().slice(0, 10)} to ${dataEnd.slice(0, 10)}`;
    return ` (partly outside the sandbox's data, ${covered})`;
  }
  if (Date.parse(to) === Date.parse(analyticsEndFor())) return " (the 7 days before today, UTC)";
  return " (contact-center:reportEnd)";
}

/** The analytics part of the summary, from the stack outputs. */
function printAnalytics(o, dataEnd) {
  if (!o.flowOutcomes) return;
  const [from, to] = String(o.reportInterval ?? "/").split("/");
  say(`Flow outcomes, ${from.slice(0, 10)} to ${to.slice(0, 10)}${weekNote(from, to, dataEnd)}:`);
  const flows = Object.entries(o.flowOutcomes).map(([name, t]) => [
    name,
    t.executions,
    t.outcomes,
    t.failed,
    pct(t.failureRate),
  ]);
  const all = o.flowTotals;
  flows.push(["all flows", all.executions, all.outcomes, all.failed, pct(all.failureRate)]);
  say(table(flows, ["flow", "runs", "outcomes", "failed", "failure rate"]));
  const days = Object.entries(o.flowOutcomesPerDay ?? {}).map(([d, t]) => [
    d,
    t.executions,
    t.outcomes,
    t.failed,
    pct(t.failureRate),
  ]);
  say("Per day, all flows:");
  say(table(days, ["day (UTC)", "runs", "outcomes", "failed", "failure rate"]));
  const line = o.architectLine;
  if (line) {
    say(`${line.name} (Architect flow, version ${line.publishedVersion ?? "-"}): ${line.executions} runs; by name:`);
    const named = [
      ...Object.entries(line.outcomes ?? {}).map(([name, n]) => ["outcome", name, n]),
      ...Object.entries(line.milestones ?? {}).map(([name, n]) => ["milestone", name, n]),
    ];
    say(table(named, ["", "name", "count"]));
  }
  const achieved = Object.entries(o.journeyOutcomes ?? {});
  say(`Journeys: ${o.journeySessions ?? 0} web sessions; outcomes achieved, per declared outcome:`);
  say(table(achieved, ["outcome", "achieved"]));
  const offers = Object.entries(o.actionMapOffers ?? {}).map(([name, x]) => [name, x.offered, x.accepted]);
  say("Action maps:");
  say(table(offers, ["action map", "offered", "accepted"]));
}

/** What the lookups found, in a line. */
function printLookups(o) {
  const found = o.segmentsFound ? `${o.segmentsFound.found} segments found again by id` : undefined;
  const targets = o.activeActionTargets ? `${o.activeActionTargets.length} active action targets` : undefined;
  const ivr = o.zoomIvr ? `IVR ${o.ivrStatus ?? "?"} at version ${o.zoomIvr.publishedVersion ?? "-"}` : undefined;
  const parts = [found, targets, ivr].filter(Boolean);
  if (parts.length) say(`Lookups: ${parts.join("; ")}.`);
}

async function up(env, sandbox) {
  let r = await pulumi(["stack", "select", "--create", stack], env);
  if (r.code !== 0) throw new Error(`cannot select or create stack ${stack}:\n${r.stderr || r.stdout}`);
  // Earlier demos pinned the week to the sandbox's old fixed data end; unpinned, it ends today, as the data does.
  r = await pulumi(["config", "get", "reportEnd", "--stack", stack], env);
  if (r.code === 0 && r.stdout.trim() === OLD_DEMO_REPORT_END) {
    await pulumi(["config", "rm", "reportEnd", "--stack", stack], env);
    say(
      `demo: removed contact-center:reportEnd ${OLD_DEMO_REPORT_END}, set by an earlier demo; the week now ends today.`,
    );
  }

  // Preview first: a bad input fails here, before anything is written to the vendors.
  say(`demo: pulumi preview of stack ${stack}…`);
  r = await pulumi(["preview", "--json", "--stack", stack], env);
  if (r.code !== 0) {
    let diagnostics = [];
    try {
      diagnostics = JSON.parse(r.stdout).diagnostics ?? [];
    } catch {}
    sayErrors([...new Set(diagnostics.filter((d) => d.severity === "error").map(describe))], r.stderr);
    say(`demo: the preview failed (exit ${r.code}); nothing was changed.`);
    return r.code;
  }

  say(`demo: pulumi up --refresh of stack ${stack}…`);
  const p = progress();
  r = await pulumi(["up", "--yes", "--skip-preview", "--refresh", "--stack", stack], env, p.onEvent);
  const { counts } = p;
  if (r.code !== 0) {
    sayErrors(p.errors, r.stderr);
    if (interrupted)
      say("demo: interrupted; Pulumi stopped cleanly and kept what it had done. Run npm run demo to finish.");
    else say(`demo: pulumi up failed (exit ${r.code}); engine events in ${rel(EVENTS)}`);
    return r.code;
  }
  const changed = counts.create + counts.update + counts.replace + counts.delete;
  if (changed === 0) {
    say(
      `demo: unchanged: ${counts.same} resources already match the program${counts.drift ? " (after refresh)" : ""}.`,
    );
  } else {
    const parts = ["create", "update", "replace", "delete", "same"].filter((k) => counts[k]);
    say(`demo: ${parts.map((k) => `${counts[k]} ${k === "same" ? "unchanged" : VERBS[k][1]}`).join(", ")}.`);
  }
  const out = await pulumi(["stack", "output", "--json", "--stack", stack], env);
  if (out.code === 0) {
    const outputs = JSON.parse(out.stdout);
    printLookups(outputs);
    say();
    printAnalytics(outputs, sandbox.analyticsEnd);
  }
  say();
  say(
    `State: stack ${stack} in .pulumi-local/ (npm run pulumi -- stack --stack ${stack}); sandbox data in ${rel(DATA)}.`,
  );
  say("Run it again: nothing changes. Tear it down: npm run demo -- --destroy");
  return 0;
}

async function destroy(env) {
  const ls = await pulumi(["stack", "ls", "--json"], env);
  const exists = ls.code === 0 && JSON.parse(ls.stdout || "[]").some((s) => s.name === stack);
  if (exists) {
    say(`demo: pulumi destroy of stack ${stack}…`);
    const p = progress();
    const r = await pulumi(["destroy", "--yes", "--skip-preview", "--stack", stack], env, p.onEvent);
    if (r.code !== 0) {
      sayErrors(p.errors, r.stderr);
      say(`demo: pulumi destroy failed (exit ${r.code}); the stack and the sandbox data are kept.`);
      return r.code;
    }
    await pulumi(["stack", "rm", "--yes", stack], env);
    say(
      `demo: ${p.counts.delete} deleted (action targets given back as found, flow outcomes left: Genesys cannot delete them); stack ${stack} removed.`,
    );
  } else {
    say(`demo: no stack ${stack}: nothing to destroy.`);
  }
  return 0;
}

async function main(argv) {
  const unknown = argv.filter((a) => a !== "--destroy");
  if (unknown.length) throw new Error(`unknown option ${unknown[0]} (allowed: --destroy)`);
  const tearDown = argv.includes("--destroy");
  if (!tc.cliDir()) throw new Error("the Pulumi CLI is not set up: run npm run demo (it runs setup first)");
  fs.mkdirSync(DEMO_DIR, { recursive: true });

  const sandbox = await startSandbox({ data: DATA });
  say(`demo: sandbox on ${sandbox.url} (data in ${rel(DATA)})`);
  // The URL goes in the environment, not stack config: a new port every run must not look like a change.
  const env = tc.pulumiEnv({ CXFLOW_SANDBOX_URL: sandbox.url, PULUMI_NODEJS_TRANSPILE_ONLY: "true" });
  tc.ensureLocalBackend(env);
  let code = 1;
  try {
    code = tearDown ? await destroy(env) : await up(env, sandbox);
  } finally {
    await sandbox.stop();
  }
  if (tearDown && code === 0) {
    for (const f of [DATA, `${DATA}-wal`, `${DATA}-shm`, EVENTS]) fs.rmSync(f, { force: true });
    say(`demo: sandbox data removed (${rel(DATA)}).`);
  }
  return code;
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (e) => {
    process.stderr.write(`demo: ${e.message || e}\n`);
    process.exit(1);
  },
);
