import { spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import * as tc from "../../scripts/toolchain";

const setup = path.join(tc.paths.root, "scripts", "setup.js");
const run = (env: NodeJS.ProcessEnv) =>
  spawnSync(process.execPath, [setup], { env, encoding: "utf8", timeout: 120_000 });
const RANGE = /the tested range \d+\.\d+\.\d+–\d+\.\d+\.\d+/;

/** A folder holding a `pulumi` that answers `version` only, as release `v`, with a language host beside it or not. */
function fakePulumi(v: string, host: boolean): string {
  const dir = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), "cxflow-fake-pulumi-")));
  fs.writeFileSync(path.join(dir, "pulumi"), `#!/bin/sh\n[ "$1" = version ] && echo v${v} && exit 0\nexit 1\n`, {
    mode: 0o755,
  });
  if (host) fs.writeFileSync(path.join(dir, "pulumi-language-nodejs"), "#!/bin/sh\nexit 1\n", { mode: 0o755 });
  return dir;
}

/** Runs setup with an empty cache, no Go (so nothing can be built) and only `dirs` and node on PATH. */
function withEmptyCache(dirs: string[], check: (r: ReturnType<typeof run>, cache: string) => void) {
  const cache = fs.mkdtempSync(path.join(os.tmpdir(), "cxflow-nocache-"));
  const env = {
    ...process.env,
    CXFLOW_CACHE: cache,
    CXFLOW_GO: "",
    PATH: [...dirs, path.dirname(process.execPath)].join(":"),
  };
  try {
    check(run(env), cache);
  } finally {
    fs.rmSync(cache, { recursive: true, force: true });
    for (const d of dirs) fs.rmSync(d, { recursive: true, force: true });
  }
}

describe("npm run setup", () => {
  test("a second run finds everything in place and rebuilds nothing", () => {
    const r = run(process.env);
    expect(r.status).toBe(0);
    expect(r.stderr).not.toMatch(/building|installing|built/);
  });

  test("without the CLI and without Go it says exactly what to install", () => {
    withEmptyCache([], (r) => {
      expect(r.status).toBe(1);
      expect(r.stderr).toMatch(/Go is needed to build the pinned v3\.259\.0/);
      expect(r.stderr).toMatch(/Install Go 1\.25 or newer \(https:\/\/go\.dev\/dl\//);
      expect(r.stderr).toMatch(/put a pulumi of the tested range/);
      expect(r.stderr).toMatch(RANGE);
    });
  });

  test("another pulumi on PATH in the tested range is used with the language host beside it, and nothing is built", () => {
    const fake = fakePulumi("3.250.0", true);
    withEmptyCache([fake], (r, cache) => {
      expect(r.status).toBe(0);
      const using = r.stderr.split("\n").find((l) => l.startsWith("setup: using "));
      expect(using).toMatch(`setup: using ${fake}/pulumi (v3.250.0, in the tested range`);
      expect(using).toMatch(RANGE);
      expect(r.stderr).not.toMatch(/building|built/);

      const bin = path.join(cache, `pulumi-v${tc.PULUMI_VERSION}`, "bin");
      const record = JSON.parse(fs.readFileSync(path.join(bin, "cli.json"), "utf8"));
      expect(record).toMatchObject({ version: "v3.250.0", dir: fake, upstreamHost: true });
      expect(fs.existsSync(path.join(bin, "pulumi-language-nodejs"))).toBe(false);
      const saved = process.env.CXFLOW_CACHE;
      process.env.CXFLOW_CACHE = cache;
      try {
        expect(tc.cliDir()).toBe(fake);
      } finally {
        if (saved === undefined) delete process.env.CXFLOW_CACHE;
        else process.env.CXFLOW_CACHE = saved;
      }

      const again = run({
        ...process.env,
        CXFLOW_CACHE: cache,
        CXFLOW_GO: "",
        PATH: `${fake}:${path.dirname(process.execPath)}`,
      });
      expect(again.status).toBe(0);
      expect(again.stderr).toBe("");
    });
  });

  test("another pulumi in the tested range without a language host beside it gets ours, built with Go", () => {
    const fake = fakePulumi("3.250.0", false);
    withEmptyCache([fake], (r) => {
      expect(r.status).toBe(1);
      expect(r.stderr).toMatch(`setup: using ${fake}/pulumi (v3.250.0, in the tested range`);
      expect(r.stderr).toMatch(`No pulumi-language-nodejs beside ${fake}/pulumi`);
      expect(r.stderr).toMatch(/Go is needed to build ours/);
    });
  });

  test("a pulumi on PATH outside the tested range is ignored in one line, and the pinned one is built", () => {
    const fake = fakePulumi("3.100.0", true);
    withEmptyCache([fake], (r) => {
      expect(r.status).toBe(1);
      const notes = r.stderr.split("\n").filter((l) => l.includes(fake));
      expect(notes).toHaveLength(1);
      expect(notes[0]).toMatch(`setup: ignoring ${fake}/pulumi (v3.100.0): outside the tested range`);
      expect(notes[0]).toMatch(RANGE);
      expect(r.stderr).toMatch(/Go is needed to build the pinned v3\.259\.0/);
    });
  });
});
