// The package as users get it: `npm pack`, a new TypeScript project outside the repository made
// as the README's "Use it in your stack" says (its npm commands and tsconfig.json, read from the
// README), and that stack run, type-checked, under the real engine against the sandbox: with the
// oldest @pulumi/pulumi of the peer range on the oldest Node of `engines`, and with the pinned and
// the newest @pulumi/pulumi on Node 24.
import { execFile, execFileSync } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { promisify } from "node:util";
import { type Sandbox, startSandbox } from "../../sandbox";
import * as tc from "../../scripts/toolchain";
import { TestStack } from "./harness";
import { sandboxClients } from "./resources";

jest.setTimeout(5 * 60_000);

const run = promisify(execFile);
const root = tc.paths.root;
const manifest = JSON.parse(fs.readFileSync(path.join(root, "package.json"), "utf8"));
const { version } = manifest;
// Node 24 and the repo's npm first on PATH, as every project script runs.
const env = { ...process.env, PATH: tc.toolPath(), npm_config_update_notifier: "false" };
const npm = (args: string[], cwd: string, PATH = env.PATH) =>
  run("npm", args, { cwd, env: { ...env, PATH }, maxBuffer: 64 * 1024 * 1024 });
const { PULUMI_TESTED } = tc;

/** The newest @pulumi/pulumi the registry serves; the pinned one, with a note, when it cannot be asked. */
function newestSdk(): string {
  try {
    const args = ["view", "@pulumi/pulumi", "version", "--fetch-retries=0"];
    const newest = execFileSync("npm", args, { env, encoding: "utf8", timeout: 60_000, stdio: "pipe" }).trim();
    if (/^\d+\.\d+\.\d+$/.test(newest)) {
      if (newest !== PULUMI_TESTED.newest)
        console.log(
          `the registry's newest @pulumi/pulumi is ${newest}; PULUMI_TESTED (scripts/toolchain.js) ends at ${PULUMI_TESTED.newest}: move it once this test passes`,
        );
      return newest;
    }
  } catch {}
  console.log(
    `the npm registry could not be asked for the newest @pulumi/pulumi: testing the pinned ${tc.PULUMI_VERSION} in its place`,
  );
  return tc.PULUMI_VERSION;
}

/** The oldest Node `engines` allows, e.g. ">=22.13" gives "22.13.0". */
function nodeFloor(): string {
  const m = /^>=\s*(\d+)(?:\.(\d+))?(?:\.(\d+))?$/.exec(manifest.engines.node);
  if (!m) throw new Error(`engines.node should be ">=X.Y", found ${manifest.engines.node}`);
  return `${m[1]}.${m[2] ?? 0}.${m[3] ?? 0}`;
}

const NODE_24 = JSON.parse(fs.readFileSync(path.join(root, "node_modules", "node", "package.json"), "utf8")).version;
/** Paired, not crossed: each SDK end and each Node end runs once, in one sandbox, from one tarball. */
const COMBOS = [
  { label: "oldest", sdk: PULUMI_TESTED.oldest, node: nodeFloor() },
  { label: "pinned", sdk: tc.PULUMI_VERSION, node: NODE_24 },
  { label: "newest", sdk: newestSdk(), node: NODE_24 },
].filter((c, i, all) => all.findIndex((o) => o.sdk === c.sdk && o.node === c.node) === i);

/** The README's section for a new project: its `npm install` commands and its tsconfig.json. */
function readmeSetup(): { installs: string[][]; tsconfig: unknown } {
  const readme = fs.readFileSync(path.join(root, "README.md"), "utf8");
  const start = readme.indexOf("\n## Use it in your stack\n");
  if (start < 0) throw new Error('README.md has no "Use it in your stack" section');
  const section = readme.slice(start, readme.indexOf("\n## ", start + 1));
  const fence = "```";
  const block = (lang: string) => new RegExp(`${fence}${lang}\\n([\\s\\S]*?)${fence}`).exec(section)?.[1];
  const installs = (block("sh") ?? "")
    .split("\n")
    .filter((l) => l.startsWith("npm install "))
    .map((l) => l.split(/\s+/).slice(2));
  const json = block("json");
  if (installs.length === 0 || !json)
    throw new Error("the README's section lacks its npm install lines or tsconfig.json");
  return { installs, tsconfig: JSON.parse(json) };
}

/** A package name as npm installs it here: this tarball, `sdk` for @pulumi/pulumi, or the version the repository uses. */
function spec(name: string, tarball: string, sdk: string): string {
  if (name === "pulumi-cxflow") return tarball;
  if (name === "@pulumi/pulumi") return `${name}@${sdk}`;
  const { version: v } = JSON.parse(fs.readFileSync(path.join(root, "node_modules", name, "package.json"), "utf8"));
  return `${name}@${v}`;
}

const SEGMENT = (label: string) => `Packed install ${label}: returning buyers`;
const FLOW = (label: string) => `Packed install ${label}: welcome`;

/** A user's stack: one resource of two vendors and a data-source result, names told apart by `label`. */
const program = (label: string) => `import * as cxflow from "pulumi-cxflow";

const segment = new cxflow.genesys.JourneySegment("buyers", {
  displayName: ${JSON.stringify(SEGMENT(label))},
  journey: {
    patterns: [
      { criteria: [{ key: "page.url", values: ["/pricing"], operator: "containsAny" }], count: 2, streamType: "Web", sessionType: "web" },
    ],
  },
});
const flow = new cxflow.ourvoice.Flow("welcome", { name: ${JSON.stringify(FLOW(label))}, type: "voice" });

export const segmentId = segment.id;
export const flowId = flow.id;
export const foundSegmentId = cxflow.genesys
  .getJourneySegmentOutput({ displayName: segment.displayName })
  .apply((s) => s.id);
export const packageVersion = cxflow.VERSION;
export const resolvedFrom = require.resolve("pulumi-cxflow");
export const sdkVersion = require("@pulumi/pulumi/package.json").version;
export const nodeVersion = process.version;
`;

describe("the packed package installed in a stack outside the repository", () => {
  let tmp: string;
  let tarball: string;
  let project: string;
  let files: string[];
  let setup: ReturnType<typeof readmeSetup>;
  let sandbox: Sandbox;
  const stacks = new Set<TestStack>();
  const segmentNames = async () => {
    const out: string[] = [];
    const client = sandboxClients(sandbox.url).genesys();
    for await (const s of client.segments({ pageSize: 200 })) out.push(s.displayName);
    return out;
  };
  const flowNames = async () => {
    const out: string[] = [];
    for await (const f of sandboxClients(sandbox.url).ourvoice().flows({ limit: 100 })) out.push(f.name);
    return out;
  };

  /** A project made as the README says, with @pulumi/pulumi at `sdk`, installed by npm under `PATH`. */
  async function makeProject(label: string, sdk: string, PATH: string): Promise<string> {
    const dir = path.join(tmp, `project-${label}`);
    fs.mkdirSync(dir);
    fs.writeFileSync(
      path.join(dir, "package.json"),
      JSON.stringify({ name: `packed-install-${label}`, private: true }),
    );
    fs.writeFileSync(
      path.join(dir, "Pulumi.yaml"),
      "name: packed-install\nruntime:\n  name: nodejs\n  options:\n    typescript: true\nmain: index.ts\n",
    );
    fs.writeFileSync(path.join(dir, "tsconfig.json"), JSON.stringify(setup.tsconfig, null, 2));
    fs.writeFileSync(path.join(dir, "index.ts"), program(label));
    for (const words of setup.installs) {
      const args = words.map((w) => (w.startsWith("-") ? w : spec(w, tarball, sdk)));
      await npm(["install", ...args, "--prefer-offline", "--no-audit", "--no-fund"], dir, PATH);
    }
    return dir;
  }

  /** The folder of a `node` binary of version `v`: the repository's Node 24, else the npm package `node` installed. */
  async function nodeDir(v: string): Promise<string> {
    if (v === NODE_24) return tc.paths.nodeBin;
    const dir = path.join(tmp, `node-${v}`);
    fs.mkdirSync(dir);
    // The `node` package fetches its binary in an install script.
    fs.writeFileSync(path.join(dir, "package.json"), JSON.stringify({ private: true, allowScripts: { node: true } }));
    await npm(["install", "--no-save", `node@${v}`, "--prefer-offline", "--no-audit", "--no-fund"], dir);
    return path.join(dir, "node_modules", ".bin");
  }

  beforeAll(async () => {
    // npm test builds dist/ first; packing without the prepack build keeps dist/ steady for the
    // suites running beside this one, which load it through pulumi-cxflow/dynamic.
    if (!fs.existsSync(path.join(root, "dist", "provider", "index.js"))) {
      throw new Error("dist/ is missing: run `npm run build` (npm test does) before this test");
    }
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), "cxflow-packed-"));
    const packed = await npm(["pack", "--ignore-scripts", "--json", "--pack-destination", tmp], root);
    const [info] = JSON.parse(packed.stdout);
    files = info.files.map((f: { path: string }) => f.path);
    tarball = path.join(tmp, info.filename);
    setup = readmeSetup();
    project = await makeProject("pinned", tc.PULUMI_VERSION, env.PATH);
    sandbox = await startSandbox();
  });
  afterAll(async () => {
    for (const stack of stacks) {
      await stack.destroy().catch(() => undefined);
      await stack.dispose();
    }
    await sandbox?.stop();
    if (tmp) fs.rmSync(tmp, { recursive: true, force: true });
  });

  test("the tarball holds the compiled package with its types, the CLI and the license, and no sources", () => {
    for (const f of [
      "package.json",
      "README.md",
      "CHANGELOG.md",
      "LICENSE",
      "bin/cxflow.js",
      "dist/provider/index.js",
      "dist/provider/index.d.ts",
      "dist/provider/dynamic/index.js",
      "dist/sandbox/index.js",
      "dist/sandbox/index.d.ts",
    ]) {
      expect(files).toContain(f);
    }
    const unwanted = files.filter(
      (f) =>
        /^(test|provider|sandbox|scripts|examples|bench|node_modules|\.pulumi-local)\//.test(f) ||
        /(^|\/)node_modules\//.test(f) ||
        (f.endsWith(".ts") && !f.endsWith(".d.ts")) ||
        f.endsWith(".tsbuildinfo") ||
        /\.test\./.test(f),
    );
    expect(unwanted).toEqual([]);
    // A source map may ship only with the file it maps to and the sources it names.
    for (const map of files.filter((f) => f.endsWith(".map"))) {
      expect(files).toContain(map.slice(0, -".map".length));
      const { sources, sourcesContent } = JSON.parse(fs.readFileSync(path.join(root, map), "utf8"));
      const inline = Array.isArray(sourcesContent) && sourcesContent.every((s: unknown) => typeof s === "string");
      if (!inline) for (const s of sources) expect(files).toContain(path.posix.join(path.posix.dirname(map), s));
    }
  });

  test("the project is what the README makes: the two packages, TypeScript and Node's types, a current tsconfig", () => {
    const made = JSON.parse(fs.readFileSync(path.join(project, "package.json"), "utf8"));
    expect(Object.keys(made.dependencies).sort()).toEqual(["@pulumi/pulumi", "pulumi-cxflow"]);
    expect(Object.keys(made.devDependencies).sort()).toEqual(["@types/node", "typescript"]);
    // A target the TypeScript 3.8 bundled with @pulumi/pulumi refuses: the project's own compiler runs.
    const { target } = (setup.tsconfig as { compilerOptions: { target: string } }).compilerOptions;
    expect(target.toUpperCase()).not.toMatch(/^ES(3|5|6|2015|2016|2017|2018|2019|2020|NEXT)$/);
  });

  test("its cxflow command prints the package version", async () => {
    const bin = path.join(project, "node_modules", "pulumi-cxflow", "bin", "cxflow.js");
    const { stdout } = await run(process.execPath, [bin, "version"], { env });
    expect(stdout.trim()).toBe(version);
  });

  test.each(COMBOS)(
    "with @pulumi/pulumi $sdk ($label) on Node $node, a stack that depends on it goes up, stays unchanged on preview, and is destroyed",
    async ({ label, sdk, node }) => {
      // That Node first on PATH: the language host and the dynamic-provider shim run `node`.
      const PATH = [await nodeDir(node), tc.toolPath()].join(path.delimiter);
      const dir = label === "pinned" ? project : await makeProject(label, sdk, PATH);
      const installed = fs.realpathSync(path.join(dir, "node_modules", "pulumi-cxflow"));
      expect(installed.startsWith(fs.realpathSync(dir) + path.sep)).toBe(true);

      // Type-checked, as a user's run is (the harness skips checking elsewhere).
      const stack = await TestStack.create({
        program: dir,
        config: { "cxflow:sandboxUrl": sandbox.url },
        env: { PULUMI_NODEJS_TRANSPILE_ONLY: "false", PATH },
      });
      stacks.add(stack);
      const { outputs } = await stack.up();
      expect(outputs.sdkVersion).toBe(sdk);
      expect(outputs.nodeVersion).toBe(`v${node}`);
      expect(outputs.packageVersion).toBe(version);
      expect(outputs.foundSegmentId).toBe(outputs.segmentId);
      // The program loaded the installed copy, not the repository's sources.
      expect(fs.realpathSync(String(outputs.resolvedFrom)).startsWith(installed + path.sep)).toBe(true);
      expect(await segmentNames()).toContain(SEGMENT(label));
      expect(await flowNames()).toContain(FLOW(label));

      await stack.preview({ expectNoChanges: true });

      // Pulumi stores a shell that loads the package by name; the dynamic-provider host resolves that
      // name from the project's @pulumi/pulumi, which here reaches only the installed copy.
      const state = await stack.exportState();
      const ours = (state.deployment.resources ?? []).filter((r) => r.type.startsWith("pulumi-nodejs:dynamic/cxflow"));
      expect(ours.map((r) => r.type).sort()).toEqual([
        "pulumi-nodejs:dynamic/cxflow/genesys:JourneySegment",
        "pulumi-nodejs:dynamic/cxflow/ourvoice:Flow",
      ]);
      for (const r of ours)
        expect(r.outputs?.__provider ?? r.inputs?.__provider).toContain('require("pulumi-cxflow/dynamic")');
      const host = path.join(dir, "node_modules", "@pulumi", "pulumi");
      const dynamic = fs.realpathSync(require.resolve("pulumi-cxflow/dynamic", { paths: [host] }));
      expect(dynamic).toBe(path.join(installed, "dist", "provider", "dynamic", "index.js"));

      await stack.destroy();
      expect(await segmentNames()).not.toContain(SEGMENT(label));
      expect(await flowNames()).not.toContain(FLOW(label));
      stacks.delete(stack);
      await stack.dispose();
    },
  );
});
