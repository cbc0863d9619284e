// The committed API reference (docs/api) is exactly what TypeDoc makes from the current sources.
import { spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";

const root = path.resolve(__dirname, "..", "..");
const committed = path.join(root, "docs", "api");
const HINT = "docs/api is out of date: run `npm run docs` and commit docs/api";

/** Every file under `dir`, as sorted POSIX paths relative to it. */
function filesUnder(dir: string): string[] {
  return (fs.readdirSync(dir, { recursive: true, withFileTypes: true }) as fs.Dirent[])
    .filter((e) => e.isFile())
    .map((e) => path.relative(dir, path.join(e.parentPath, e.name)).split(path.sep).join("/"))
    .sort();
}

describe("the API reference in docs/api", () => {
  let fresh: string;
  let tmp: string;

  beforeAll(() => {
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), "cxflow-docs-"));
    fresh = path.join(tmp, "api");
    const typedoc = path.join(root, "node_modules", "typedoc", "bin", "typedoc");
    const r = spawnSync(process.execPath, [typedoc, "--out", fresh, "--logLevel", "Error"], {
      cwd: root,
      encoding: "utf8",
      timeout: 180_000,
    });
    if (r.status !== 0) throw new Error(`typedoc failed (exit ${r.status}):\n${r.stdout}${r.stderr}`);
  }, 200_000);
  afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

  test("holds the same pages as a fresh `npm run docs`", () => {
    const want = filesUnder(fresh);
    const have = fs.existsSync(committed) ? filesUnder(committed) : [];
    expect(want.length).toBeGreaterThan(0);
    const missing = want.filter((f) => !have.includes(f));
    const extra = have.filter((f) => !want.includes(f));
    if (missing.length || extra.length) {
      throw new Error(`${HINT}\nmissing: ${missing.join(", ") || "-"}\nstale: ${extra.join(", ") || "-"}`);
    }
  });

  test("every page reads as a fresh `npm run docs` writes it", () => {
    const differ = filesUnder(fresh).filter((f) => {
      const page = path.join(committed, f);
      return !fs.existsSync(page) || fs.readFileSync(page, "utf8") !== fs.readFileSync(path.join(fresh, f), "utf8");
    });
    if (differ.length) throw new Error(`${HINT}\ndiffering pages: ${differ.join(", ")}`);
  });

  test("no page names a machine path, so the output is the same on every machine", () => {
    const machine = [root, os.tmpdir(), os.homedir(), "/work/", "/tmp/"];
    const leaks = filesUnder(committed).filter((f) => {
      const text = fs.readFileSync(path.join(committed, f), "utf8");
      return machine.some((p) => text.includes(p));
    });
    expect(leaks).toEqual([]);
  });

  test("documents both public entry points and not the internal dynamic-provider module", () => {
    const index = fs.readFileSync(path.join(committed, "README.md"), "utf8");
    expect(index).toContain("[pulumi-cxflow](pulumi-cxflow/README.md)");
    expect(index).toContain("[pulumi-cxflow/sandbox](pulumi-cxflow/sandbox/README.md)");
    expect(filesUnder(committed).filter((f) => /(^|\/)dynamic(\/|\.md$)/.test(f))).toEqual([]);
  });
});
