// One scenario: tests run in order, each building on the last.
// `cxflow drift` under the real engine: a preview refresh that writes nothing, a report per field,
// exit status 0 clean, 1 drift, 2 failure.
import type { Sandbox } from "../../sandbox";
import { PulumiCommandError, scenario, type TestStack } from "./harness";
import { declare, sandboxClients, stored, useResourceStack } from "./resources";

jest.setTimeout(10 * 60_000);

/** `cxflow drift` for the stack: its output and exit status. */
async function drift(stack: TestStack, args: string[] = []): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const r = await stack.cxflow("drift", args);
    return { code: 0, stdout: r.stdout, stderr: r.stderr };
  } catch (e) {
    if (!(e instanceof PulumiCommandError)) throw e;
    return { code: e.exitCode ?? -1, stdout: e.result.stdout, stderr: e.result.stderr };
  }
}

describe("cxflow drift", () => {
  const step = scenario();
  let sandbox: Sandbox;
  let stack: TestStack;
  const g = () => sandboxClients(sandbox.url).genesys();
  /** Writes the sandbox has counted (tokens aside). */
  const writes = () =>
    Object.entries(sandbox.stats().vendors)
      .flatMap(([, routes]) => Object.entries(routes ?? {}))
      .filter(([route]) => /^(POST|PUT|PATCH|DELETE) /.test(route) && !route.includes("/oauth/"))
      .reduce((n, [, c]) => n + c, 0);

  useResourceStack(async (s) => {
    ({ sandbox, stack } = s);
  });

  step("a stack that matches its vendors: exit 0 and says so", async () => {
    await declare(stack, [
      {
        type: "genesys.JourneySegment",
        name: "buyers",
        args: { displayName: "drift Buyers", description: "as declared" },
      },
      { type: "genesys.JourneySegment", name: "leavers", args: { displayName: "drift Leavers" } },
      {
        type: "ourvoice.Flow",
        name: "line",
        args: { name: "drift line", type: "voice", metadata: { pin: "pin-8213" } },
        secret: ["metadata"],
      },
    ]);
    await stack.up();
    const r = await drift(stack);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^no drift in stack \S+: every cxflow resource matches its state\.$/m);
  });

  step("an edit and a delete outside Pulumi: exit 1, each field with its two values; nothing written", async () => {
    const s = await stored(stack);
    const buyers = await g().getSegment(s.buyers.id);
    await g().patchSegment(s.buyers.id, { version: buyers.version, description: "edited in the console" });
    await g().deleteSegment(s.leavers.id);
    const line = await sandboxClients(sandbox.url).ourvoice().getFlow(s.line.id);
    await sandboxClients(sandbox.url)
      .ourvoice()
      .updateFlow(s.line.id, { name: line.name, type: "voice", metadata: JSON.stringify({ pin: "pin-0000" }) });
    const before = writes();
    const state = await stack.exportText();

    const r = await drift(stack);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/^drift in stack \S+: 2 resource\(s\) changed outside Pulumi$/m);
    expect(r.stdout).toContain('genesys.JourneySegment buyers: description: "as declared" → "edited in the console"');
    expect(r.stdout).toContain("genesys.JourneySegment leavers: deleted outside Pulumi");
    // The engine's events mask secret values, so a change inside a secret cannot be seen (nor leak).
    expect(r.stdout).not.toContain("ourvoice.Flow line");
    expect(r.stdout + r.stderr).not.toMatch(/pin-/);
    expect(writes()).toBe(before);
    expect(await stack.exportText()).toBe(state);
  });

  step("--json and --markdown carry the same findings", async () => {
    const json = await drift(stack, ["--json"]);
    expect(json.code).toBe(1);
    const report = JSON.parse(json.stdout);
    expect(report).toMatchObject({ drifted: true });
    expect(report.resources.map((d: { name: string; status: string }) => `${d.name} ${d.status}`)).toEqual([
      "buyers changed",
      "leavers deleted",
    ]);
    expect(report.resources[0].fields).toEqual([
      { field: "description", before: "as declared", after: "edited in the console" },
    ]);
    const md = await drift(stack, ["--markdown"]);
    expect(md.code).toBe(1);
    expect(md.stdout).toContain("| resource type | name | field | state → vendor |");
    expect(md.stdout).toContain(
      '| genesys.JourneySegment | buyers | `description` | "as declared" → "edited in the console" |',
    );
    expect(md.stdout).toContain("| genesys.JourneySegment | leavers | | deleted outside Pulumi |");
  });

  step("after up puts back what the program declares, drift is clean again", async () => {
    await stack.refresh();
    await stack.up();
    expect((await drift(stack)).code).toBe(0);
  });

  step("a refresh that cannot run: exit 2 with the engine's error; bad flags: exit 2 with the usage", async () => {
    // A 429 whose Retry-After is past what cxflow waits for fails the reads at once.
    const storm = (seconds: number) =>
      fetch(`${sandbox.url}/_sandbox/faults`, {
        method: "PUT",
        body: JSON.stringify(seconds ? { genesys: { storm: seconds } } : {}),
      });
    await storm(600);
    const r = await drift(stack);
    await storm(0);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^cxflow drift: pulumi refresh --preview-only failed: .*429/m);
    const flags = await drift(stack, ["--json", "--markdown"]);
    expect(flags.code).toBe(2);
    expect(flags.stderr).toMatch(/--json and --markdown: choose one/);
  });
});
