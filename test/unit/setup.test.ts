import { spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import * as tc from "../../scripts/toolchain";

const setup = path.join(tc.paths.root, "scripts", "setup.js");
const run = (env: NodeJS.ProcessEnv) =>
  spawnSync(process.execPath, [setup], { env, encoding: "utf8", timeout: 120_000 });

describe("npm run setup", () => {
  test("a second run finds everything in place and rebuilds nothing", () => {
    const r = run(process.env);
    expect(r.status).toBe(0);
    expect(r.stderr).not.toMatch(/building|installing|built/);
  });

  test("without the CLI and without Go it says exactly what to install", () => {
    const cache = fs.mkdtempSync(path.join(os.tmpdir(), "cxflow-nocache-"));
    try {
      // An empty cache, no `go`, and a PATH with neither pulumi nor go on it.
      const r = run({ ...process.env, CXFLOW_CACHE: cache, CXFLOW_GO: "", PATH: path.dirname(process.execPath) });
      expect(r.status).toBe(1);
      expect(r.stderr).toMatch(/Install Go 1\.25 or newer \(https:\/\/go\.dev\/dl\//);
      expect(r.stderr).toMatch(/pulumi that reports v3\.259\.0/);
    } finally {
      fs.rmSync(cache, { recursive: true, force: true });
    }
  });
});
