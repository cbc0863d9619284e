// `npm run pulumi -- <args>` on programs inside and outside the repository.
import { spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import * as tc from "../../scripts/toolchain";

jest.setTimeout(3 * 60_000);

const wrapper = path.join(tc.paths.root, "scripts", "pulumi.js");

describe("npm run pulumi", () => {
  let work: string;
  let env: NodeJS.ProcessEnv;
  const pulumi = (...args: string[]) => {
    const r = spawnSync(process.execPath, [wrapper, ...args, "--non-interactive", "--color", "never"], {
      env,
      encoding: "utf8",
      timeout: 120_000,
    });
    return { status: r.status, output: `${r.stdout}${r.stderr}`, stdout: r.stdout };
  };

  beforeAll(() => {
    work = fs.mkdtempSync(path.join(os.tmpdir(), "cxflow-outside-"));
    fs.mkdirSync(path.join(work, "backend"));
    env = {
      ...process.env,
      PULUMI_BACKEND_URL: `file://${path.join(work, "backend")}`,
      PULUMI_HOME: path.join(work, "home"),
      PULUMI_CONFIG_PASSPHRASE: "outside-test-only",
    };
  });
  afterAll(() => fs.rmSync(work, { recursive: true, force: true }));

  test("runs the CLI setup chose: the pin, or another release of the tested range", () => {
    const r = spawnSync(process.execPath, [wrapper, "version"], { env, encoding: "utf8" });
    expect(r.stdout.trim()).toBe(tc.pulumiVersionOf(path.join(tc.cliDir()!, "pulumi")));
    expect(tc.inTestedRange(r.stdout.trim())).toBe(true);
  });

  test("uses the repository's local backend when the caller sets none", () => {
    const { PULUMI_BACKEND_URL: _unset, ...rest } = env;
    const r = spawnSync(process.execPath, [wrapper, "whoami", "--verbose"], { env: rest, encoding: "utf8" });
    expect(r.status).toBe(0);
    expect(r.stdout).toContain(`file://${tc.paths.localState}`);
  });

  test("runs an outside program with --cwd, on Node 24, with a dynamic resource", () => {
    const dir = path.join(work, "program");
    fs.mkdirSync(dir);
    // An outside project that brings its own @pulumi/pulumi (here: linked from ours).
    fs.symlinkSync(path.join(tc.paths.root, "node_modules"), path.join(dir, "node_modules"));
    fs.writeFileSync(
      path.join(dir, "Pulumi.yaml"),
      "name: outside\nruntime:\n  name: nodejs\n  options:\n    typescript: false\nmain: index.js\n",
    );
    fs.writeFileSync(
      path.join(dir, "index.js"),
      `const pulumi = require("@pulumi/pulumi");
const provider = {
  async create(inputs) { return { id: "one", outs: { ...inputs, node: process.versions.node } }; },
  async diff(_id, olds, news) { return { changes: olds.label !== news.label }; },
  async update(_id, _olds, news) { return { outs: { ...news, node: process.versions.node } }; },
  async read(id, props) { return { id, props }; },
  async delete() {},
};
const thing = new pulumi.dynamic.Resource(provider, "thing", { label: "x", node: undefined });
exports.programNode = process.versions.node;
exports.providerNode = thing.node;
`,
    );
    expect(pulumi("stack", "init", "outside", "--cwd", dir).status).toBe(0);
    const up = pulumi("up", "--yes", "--cwd", dir, "--stack", "outside");
    expect(up.output).toMatch(/2 created/);
    const out = JSON.parse(pulumi("stack", "output", "--json", "--cwd", dir, "--stack", "outside").stdout);
    expect(Number.parseInt(out.programNode, 10)).toBe(tc.NODE_MAJOR);
    expect(Number.parseInt(out.providerNode, 10)).toBe(tc.NODE_MAJOR);
    expect(pulumi("destroy", "--yes", "--cwd", dir, "--stack", "outside").status).toBe(0);
  });
});
