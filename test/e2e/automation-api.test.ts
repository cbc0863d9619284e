// cxflow under the Automation API, as a deployment service would run it: a LocalWorkspace over a
// program directory, and an inline program (a closure in this process, where dynamic providers
// most often break). Each goes through up, a no-change preview, refresh and destroy.
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { LocalWorkspace, type Stack } from "@pulumi/pulumi/automation";
import { type Sandbox, startSandbox } from "../../sandbox";
import * as tc from "../../scripts/toolchain";
import { definedOnly, pulumiCommand } from "./harness";
import { contactCenter } from "./programs/automation/resources";
import { sandboxClients } from "./resources";

jest.setTimeout(4 * 60_000);

let sandbox: Sandbox;
let tmp: string;

/** What the Automation API needs to run offline here: the project's CLI, a file backend and passphrase. */
async function workspaceOptions(name: string) {
  const home = fs.mkdtempSync(path.join(tmp, `${name}-home-`));
  const backend = fs.mkdtempSync(path.join(tmp, `${name}-backend-`));
  const env = tc.pulumiEnv({
    PULUMI_BACKEND_URL: `file://${backend}`,
    PULUMI_CONFIG_PASSPHRASE: "automation-test-only",
    PULUMI_NODEJS_TRANSPILE_ONLY: "true",
  });
  return { pulumiCommand: await pulumiCommand(), pulumiHome: home, envVars: definedOnly(env) };
}

const segmentNames = async () => {
  const out: string[] = [];
  for await (const s of sandboxClients(sandbox.url).genesys().segments({ pageSize: 200 })) out.push(s.displayName);
  return out;
};

/** The serialized dynamic provider of each cxflow resource in a stack's state, by resource type. */
const providers: Record<string, Record<string, string>> = {};

/** up, a preview that must find nothing to do, a refresh that finds nothing changed, destroy. */
async function lifecycle(stack: Stack, displayName: string): Promise<void> {
  const up = await stack.up({ color: "never" });
  expect(up.summary.result).toBe("succeeded");
  expect(up.summary.resourceChanges).toMatchObject({ create: 3 });
  expect(up.outputs.segmentId.value).toMatch(/\S/);
  expect(up.outputs.segmentName.value).toBe(displayName);
  expect(await segmentNames()).toContain(displayName);
  const state = await stack.exportStack();
  providers[stack.name] = Object.fromEntries(
    (state.deployment.resources ?? [])
      .filter((r: { type: string }) => r.type.startsWith("pulumi-nodejs:dynamic/cxflow"))
      .map((r: { type: string; outputs: { __provider: string } }) => [r.type, r.outputs.__provider]),
  );

  const preview = await stack.preview({ color: "never", expectNoChanges: true });
  expect(preview.changeSummary).toEqual({ same: 3 });

  const refresh = await stack.refresh({ color: "never", expectNoChanges: true });
  expect(refresh.summary.result).toBe("succeeded");

  const destroy = await stack.destroy({ color: "never" });
  expect(destroy.summary.resourceChanges).toMatchObject({ delete: 3 });
  expect(await segmentNames()).not.toContain(displayName);
}

beforeAll(async () => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), "cxflow-automation-"));
  sandbox = await startSandbox();
});
afterAll(async () => {
  await sandbox?.stop();
  if (tmp) fs.rmSync(tmp, { recursive: true, force: true });
});

test("a program directory: LocalWorkspace runs it like the CLI does", async () => {
  // A user project of its own: the program, its node_modules, and the stack config the workspace writes.
  const program = path.join(tmp, "program");
  fs.mkdirSync(program);
  fs.copyFileSync(path.join(__dirname, "programs", "automation", "Pulumi.yaml"), path.join(program, "Pulumi.yaml"));
  for (const f of ["index.ts", "resources.ts"])
    fs.copyFileSync(path.join(__dirname, "programs", "automation", f), path.join(program, f));
  fs.symlinkSync(path.join(tc.paths.root, "node_modules"), path.join(program, "node_modules"), "dir");
  const stack = await LocalWorkspace.createStack({ stackName: "dir", workDir: program }, await workspaceOptions("dir"));
  await stack.setAllConfig({
    "cxflow:sandboxUrl": { value: sandbox.url },
    "cxflow-automation:displayName": { value: "Automation: directory" },
  });
  await lifecycle(stack, "Automation: directory");
  await stack.workspace.removeStack("dir");
});

test("an inline program: the closure's resources are serialized, run and refreshed", async () => {
  const displayName = "Automation: inline";
  const program = async () => contactCenter(displayName);
  const stack = await LocalWorkspace.createStack(
    { stackName: "inline", projectName: "cxflow-inline", program },
    await workspaceOptions("inline"),
  );
  await stack.setConfig("cxflow:sandboxUrl", { value: sandbox.url });
  await lifecycle(stack, displayName);
  await stack.workspace.removeStack("inline");
  // The closure captured nothing of this process: the same provider text as the program directory's.
  expect(Object.keys(providers.inline).sort()).toEqual([
    "pulumi-nodejs:dynamic/cxflow/genesys:JourneySegment",
    "pulumi-nodejs:dynamic/cxflow/ourvoice:Flow",
  ]);
  expect(providers.inline).toEqual(providers.dir);
});
