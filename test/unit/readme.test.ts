// The README is the users' manual: its Quickstart, configuration table, examples and commands
// must say what the code does.
import * as fs from "node:fs";
import * as path from "node:path";
import { SETTINGS } from "../../provider/config";

const root = path.join(__dirname, "..", "..");
const readme = fs.readFileSync(path.join(root, "README.md"), "utf8");
const section = (title: string) => {
  const start = readme.indexOf(`\n## ${title}\n`);
  expect(start).toBeGreaterThan(-1);
  const end = readme.indexOf("\n## ", start + 1);
  return readme.slice(start, end === -1 ? undefined : end);
};

describe("the README", () => {
  test("its Quickstart is exactly two commands: npm run demo and npm test", () => {
    const block = /```sh\n([\s\S]*?)```/.exec(section("Quickstart"))?.[1];
    expect(block?.trim().split("\n")).toEqual(["npm run demo", "npm test"]);
  });

  test("the configuration table names every cxflow:* key with its env var", () => {
    const table = section("Configuration");
    for (const s of Object.values(SETTINGS)) expect(table).toMatch(new RegExp(`\\| \`${s.key}\` \\| \`${s.env}\` \\|`));
  });

  test("every example folder is listed", () => {
    const dirs = fs
      .readdirSync(path.join(root, "examples"), { withFileTypes: true })
      .filter((d) => d.isDirectory())
      .map((d) => d.name);
    expect(dirs.length).toBeGreaterThanOrEqual(5);
    for (const d of dirs) expect(section("Examples")).toContain(`(examples/${d}/)`);
  });

  test("every npm script a user runs is in the commands table", () => {
    const { scripts } = JSON.parse(fs.readFileSync(path.join(root, "package.json"), "utf8"));
    const table = section("Commands");
    // `x:run` scripts are the inner halves of `x`; prepack runs under `npm pack`.
    const user = Object.keys(scripts).filter((n) => !n.endsWith(":run") && n !== "prepack");
    for (const name of user) expect(table).toContain(name === "test" ? "`npm test`" : `\`npm run ${name}`);
  });

  test("the root stack's config keys are documented", () => {
    const program = fs.readFileSync(path.join(root, "index.ts"), "utf8");
    const project = /^name: (\S+)$/m.exec(fs.readFileSync(path.join(root, "Pulumi.yaml"), "utf8"))![1];
    const keys = [...program.matchAll(/config\.(?:get|require)\w*\("(\w+)"\)/g)].map((m) => m[1]);
    expect(keys.length).toBeGreaterThan(0);
    for (const k of keys) expect(section("Configuration")).toContain(`\`${project}:${k}\``);
  });
});
