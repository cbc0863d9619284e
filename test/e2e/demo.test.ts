// One scenario: tests run in order, each building on the last.
// `npm run demo`, the main job: scripts/demo.js runs the root stack against a file-backed sandbox,
// under the real engine, with its own backend, Pulumi home and sandbox folder.
import { execFile } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { analyticsEndFor, type Sandbox, startSandbox } from "../../sandbox";
import * as tc from "../../scripts/toolchain";
import { scenario } from "./harness";
import { sandboxClients } from "./resources";

jest.setTimeout(10 * 60_000);

const DEMO = path.join(tc.paths.root, "scripts", "demo.js");

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

describe("npm run demo", () => {
  const step = scenario();
  const work = fs.mkdtempSync(path.join(os.tmpdir(), "cxflow-demo-"));
  const stack = `demo${process.pid}`;
  const data = path.join(work, "demo", "sandbox.sqlite");
  const env = tc.pulumiEnv({
    PULUMI_BACKEND_URL: `file://${path.join(work, "backend")}`,
    PULUMI_HOME: path.join(work, "home"),
    PULUMI_CONFIG_PASSPHRASE: "e2e-test-only",
    CXFLOW_DEMO_DIR: path.join(work, "demo"),
    CXFLOW_STACK: stack,
  });
  const stackConfig = path.join(tc.paths.root, `Pulumi.${stack}.yaml`);

  const exec = (file: string, args: string[], extra: Record<string, string> = {}): Promise<Run> =>
    new Promise((resolve) => {
      execFile(file, args, { env: { ...env, ...extra }, maxBuffer: 64 << 20 }, (error, stdout, stderr) =>
        resolve({ code: error ? Number(error.code ?? 1) : 0, stdout, stderr }),
      );
    });
  const demo = (...args: string[]) => exec(process.execPath, [DEMO, ...args]);
  const cli = (args: string[], extra: Record<string, string> = {}) =>
    exec(
      path.join(tc.cliDir()!, "pulumi"),
      [...args, "--cwd", tc.paths.root, "--non-interactive", "--stack", stack],
      extra,
    );

  /** A sandbox on the demo's store, for looking at what the demo left there. */
  let sandbox: Sandbox | undefined;
  const open = async (analyticsEnd?: string) => (sandbox = await startSandbox({ data, analyticsEnd }));
  const close = async () => {
    await sandbox?.stop();
    sandbox = undefined;
  };
  const gen = () => sandboxClients(sandbox!.url).genesys();

  const created = (out: string) => out.split("\n").filter((l) => l.startsWith("  + created "));

  beforeAll(() => {
    fs.mkdirSync(path.join(work, "backend"));
    fs.mkdirSync(path.join(work, "home"));
  });
  afterAll(async () => {
    await close();
    if (fs.existsSync(stackConfig)) {
      await demo("--destroy");
      fs.rmSync(stackConfig, { force: true });
    }
    fs.rmSync(work, { recursive: true, force: true });
  });

  step("an unknown option is refused before anything runs", async () => {
    const r = await demo("--bogus");
    expect(r.code).toBe(1);
    expect(r.stderr).toContain("unknown option --bogus (allowed: --destroy)");
    expect(fs.existsSync(data)).toBe(false);
  });

  let first: Run;
  /** The start of the UTC day before and after the first run (they differ only across midnight). */
  let days: string[] = [];
  step("the first run creates the whole configuration and says what it created", async () => {
    days = [analyticsEndFor()];
    first = await demo();
    days.push(analyticsEndFor());
    expect(first.stderr).toBe("");
    expect(first.code).toBe(0);
    const lines = created(first.stdout).map((l) => l.replace("  + created ", ""));
    expect(lines.sort()).toEqual(
      [
        "genesys.ActionTarget sales-web-chat",
        "genesys.ActionTarget support-callbacks",
        "genesys.ArchitectFlow customer-care-main-line",
        "genesys.FlowMilestone order-found",
        "genesys.FlowOutcome self-served",
        "genesys.JourneyActionMap chat-with-cart-abandoners",
        "genesys.JourneyActionMap offer-free-shipping",
        "genesys.JourneyActionTemplate free-shipping-offer",
        "genesys.JourneyOutcome order-placed",
        "genesys.JourneyOutcome subscription-cancelled",
        "genesys.JourneySegment cart-abandoners",
        "genesys.JourneySegment enterprise-accounts",
        "genesys.JourneySegment mobile-support-seekers",
        "genesys.JourneySegment returning-buyers",
        "genesys.JourneySegment spanish-speakers",
        "ourvoice.Flow appointment-reminders",
        "ourvoice.Flow welcome-line",
        "zoom.Flow customer-care-ivr",
      ].sort(),
    );
    expect(first.stdout).toMatch(/^demo: 18 created\.$/m);
    expect(first.stdout).toContain(
      "Lookups: 5 segments found again by id; 4 active action targets; IVR published at version 1.",
    );
  });

  step("it leaves no process running", async () => {
    const url = /sandbox on (http:\S+)/.exec(first.stdout)?.[1];
    expect(url).toBeDefined();
    await expect(fetch(`${url}/_sandbox/health`)).rejects.toThrow();
    const ps = await exec("ps", ["-eo", "args"]);
    expect(ps.stdout.split("\n").filter((l) => l.includes(stack) || l.includes(work))).toEqual([]);
  });

  step("what it created is in the sandbox's store, tuned as the program says", async () => {
    await open();
    const names = new Set<string>();
    for await (const s of gen().segments({ pageSize: 100 })) names.add(s.displayName);
    for (const n of [
      "Returning buyers",
      "Cart abandoners",
      "Mobile support seekers",
      "Spanish speakers",
      "Enterprise accounts",
    ])
      expect(names).toContain(n);
    const targets = (await gen().listActionTargets({ pageSize: 100 })).entities ?? [];
    expect(targets.find((t) => t.name === "Sales web chat")).toMatchObject({
      serviceLevel: { percentage: 0.9, durationMs: 20_000 },
      shortAbandonThreshold: 8,
    });
    const z = sandboxClients(sandbox!.url).zoom();
    const ivr = (await z.getFlowByName("Customer care IVR"))!;
    expect(ivr.status).toBe("published");
    const ov = sandboxClients(sandbox!.url).ourvoice();
    const ovNames: string[] = [];
    for await (const f of ov.flows({})) ovNames.push(f.name);
    expect(ovNames).toEqual(expect.arrayContaining(["Welcome line", "Appointment reminders"]));
  });

  step("the printed week is the 7 days before today, and the stack config does not pin it", async () => {
    const week = /^Flow outcomes, (\S+) to (\S+) \(the 7 days before today, UTC\):$/m.exec(first.stdout);
    expect(days.map((d) => d.slice(0, 10))).toContain(week?.[2]);
    expect(Date.parse(week![2]) - Date.parse(week![1])).toBe(7 * 86_400_000);
    expect((await cli(["config", "get", "reportEnd"])).code).not.toBe(0);
  });

  step("the printed figures are the week's flow outcomes as Genesys counts them", async () => {
    const end = new Date(/^Flow outcomes, \S+ to (\S+) /m.exec(first.stdout)![1]);
    const start = new Date(end.getTime() - 7 * 86_400_000);
    // The same history as the demo's sandbox had, even if midnight has passed since.
    await close();
    await open(end.toISOString());
    const r = await gen().queryFlowAggregates({
      interval: `${start.toISOString()}/${end.toISOString()}`,
      groupBy: ["flowName"],
      metrics: ["nFlow", "nFlowOutcome", "nFlowOutcomeFailed"],
    });
    const total = { nFlow: 0, nFlowOutcome: 0, nFlowOutcomeFailed: 0 } as Record<string, number>;
    let flows = 0;
    for (const group of r.results ?? []) {
      flows++;
      for (const d of group.data) for (const m of d.metrics ?? []) total[m.metric] += Number(m.stats.count ?? 0);
    }
    const row = /^ {2}all flows\s+(\d+)\s+(\d+)\s+(\d+)\s+([\d.]+)%$/m.exec(first.stdout);
    expect(row?.slice(1, 4).map(Number)).toEqual([total.nFlow, total.nFlowOutcome, total.nFlowOutcomeFailed]);
    expect(Number(row![4])).toBeCloseTo((100 * total.nFlowOutcomeFailed) / total.nFlowOutcome, 1);
    expect(first.stdout).toContain(
      `Flow outcomes, ${start.toISOString().slice(0, 10)} to ${end.toISOString().slice(0, 10)}`,
    );
    // One table row per flow, plus the header and the total.
    const table = first.stdout.split("Flow outcomes")[1].split("Per day")[0];
    expect(table.trim().split("\n").length).toBe(1 + 1 + flows + 1);
    expect(first.stdout.split("Per day")[1].match(/^ {2}2026-\d\d-\d\d /gm)).toHaveLength(7);

    // Outcomes achieved per declared outcome, and offers per action map: the same as a direct query.
    const journey = async (groupBy: string, metrics: string[]) => {
      const q = await gen().queryJourneyAggregates({
        interval: `${start.toISOString()}/${end.toISOString()}`,
        groupBy: [groupBy],
        metrics,
      } as never);
      const out: Record<string, Record<string, number>> = {};
      for (const g of q.results ?? [])
        for (const d of g.data ?? [])
          for (const m of d.metrics ?? []) {
            const id = String((g.group as Record<string, string>)[groupBy]);
            out[id] ??= {};
            out[id][m.metric] = (out[id][m.metric] ?? 0) + Number(m.stats.count ?? 0);
          }
      return out;
    };
    const byName = async (kind: "outcomes" | "actionmaps", name: string) => {
      const page = await gen().call(kind === "outcomes" ? "listOutcomes" : "listActionMaps", {
        query: { queryFields: "displayName", queryValue: name },
      });
      return page.entities!.find((x) => x.displayName === name)!.id;
    };
    const outcomes = await journey("journeyOutcomeId", ["nJourneyOutcomesAchieved"]);
    for (const name of ["Order placed", "Subscription cancelled"]) {
      const n = outcomes[await byName("outcomes", name)]?.nJourneyOutcomesAchieved ?? 0;
      expect(first.stdout).toMatch(new RegExp(`^ {2}${name}\\s+${n}$`, "m"));
    }
    const offers = await journey("journeyActionMapId", ["nWebActionsOffered", "nWebActionsAccepted"]);
    for (const name of ["Offer free shipping to returning buyers", "Chat with cart abandoners"]) {
      const o = offers[await byName("actionmaps", name)] ?? {};
      expect(o.nWebActionsOffered).toBeGreaterThan(0);
      expect(first.stdout).toMatch(
        new RegExp(`^ {2}${name}\\s+${o.nWebActionsOffered}\\s+${o.nWebActionsAccepted ?? 0}$`, "m"),
      );
    }
  });

  step("the root stack previews with no changes against the store the demo left", async () => {
    const r = await cli(["preview", "--expect-no-changes", "--diff"], {
      CXFLOW_SANDBOX_URL: sandbox!.url,
      PULUMI_NODEJS_TRANSPILE_ONLY: "true",
    });
    // The count includes the stack itself.
    expect(r.stdout + r.stderr).toMatch(/19 unchanged/);
    expect(r.code).toBe(0);
  });

  step("a bad setting fails the preview with the property named, and nothing is changed", async () => {
    await close();
    await cli(["config", "set", "reportEnd", "last tuesday"]);
    const r = await demo();
    await cli(["config", "rm", "reportEnd"]);
    expect(r.code).not.toBe(0);
    expect(r.stdout).toMatch(/^ {2}error: .*end must be a Date, an ISO-8601 date-time/m);
    expect(r.stdout).toMatch(/^demo: the preview failed \(exit \d+\); nothing was changed\.$/m);
    expect(r.stdout).not.toContain("pulumi up");
  });

  step("a second run changes nothing and says so, and drops the week an earlier demo pinned", async () => {
    await cli(["config", "set", "reportEnd", "2026-11-01T00:00:00.000Z"]);
    const r = await demo();
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^demo: unchanged: 18 resources already match the program\.$/m);
    expect(r.stdout).not.toMatch(/^ {2}[+~-]/m);
    expect(r.stdout).toContain("demo: removed contact-center:reportEnd 2026-11-01T00:00:00.000Z");
    expect(r.stdout).toMatch(/^Flow outcomes, .* \(the 7 days before today, UTC\):$/m);
    expect((await cli(["config", "get", "reportEnd"])).code).not.toBe(0);
  });

  step("an edit made outside Pulumi is seen and undone by the next run", async () => {
    await open();
    const client = gen();
    const all = [];
    for await (const s of client.segments({ pageSize: 100 })) all.push(s);
    const seg = all.find((s) => s.displayName === "Returning buyers")!;
    await client.patchSegment(seg.id, { version: seg.version, description: "edited in the Genesys UI" });
    await close();

    const r = await demo();
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(
      /^ {2}! genesys\.JourneySegment returning-buyers: changed outside Pulumi \(description\)$/m,
    );
    expect(r.stdout).toMatch(/^ {2}~ updated genesys\.JourneySegment returning-buyers/m);
    expect(r.stdout).toMatch(/^demo: 1 updated, 17 unchanged\.$/m);
    await open();
    expect((await gen().getSegment(seg.id)).description).toBe("Looked at pricing at least twice in one web session");
    await close();
  });

  step("--destroy tears it all down: resources, stack and store", async () => {
    const r = await demo("--destroy");
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(
      /^demo: 18 deleted \(action targets given back as found, flow outcomes left: Genesys cannot delete them\); stack \S+ removed\.$/m,
    );
    expect(fs.existsSync(data)).toBe(false);
    expect(fs.existsSync(stackConfig)).toBe(false);
    const ls = await exec(path.join(tc.cliDir()!, "pulumi"), ["stack", "ls", "--json", "--cwd", tc.paths.root]);
    expect(JSON.parse(ls.stdout)).toEqual([]);
    const again = await demo("--destroy");
    expect(again.stdout).toContain(`no stack ${stack}: nothing to destroy`);
  });
});
