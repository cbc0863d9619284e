// One scenario: tests run in order, each building on the last.
// The harness's first test: a minimal dynamic resource (no cxflow code) through the whole engine cycle.
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import * as tc from "../../scripts/toolchain";
import { scenario, TestStack } from "./harness";

jest.setTimeout(5 * 60_000);

const major = (v: unknown) => Number.parseInt(String(v), 10);
const TOKEN = "not-a-real-token-4f1c9e";

describe("a dynamic resource under the real Pulumi engine", () => {
  const step = scenario();
  let stack: TestStack;
  let dir: string;
  const file = () => path.join(dir, "note.json");
  const onDisk = () => JSON.parse(fs.readFileSync(file(), "utf8"));

  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), "cxflow-root-"));
    stack = await TestStack.create({
      program: path.join(__dirname, "programs", "json-file"),
      config: { "cxflow-json-file:dir": dir, "cxflow-json-file:greeting": "hello" },
      secrets: { "cxflow-json-file:token": TOKEN },
    });
  });

  afterAll(async () => {
    await stack?.destroy().catch(() => undefined);
    await stack?.dispose();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  step("up creates the resource, and both program and provider run on Node 24", async () => {
    const { outputs } = await stack.up();
    expect(major(outputs.programNode)).toBe(tc.NODE_MAJOR);
    expect(major(outputs.providerNode)).toBe(tc.NODE_MAJOR);
    expect(outputs.revision).toBe(1);
    expect(outputs.file).toBe(file());
    expect(onDisk()).toEqual({ revision: 1, content: { greeting: "hello", stack: stack.stack } });
  });

  step("a preview and a refresh right after up see no changes", async () => {
    await stack.preview({ expectNoChanges: true });
    await stack.refresh({ expectNoChanges: true });
  });

  step("secret config reaches the program but never the state in plaintext", async () => {
    expect((await stack.outputs()).tokenLength).toBe(TOKEN.length);
    const text = await stack.exportText();
    expect(text).not.toContain(TOKEN);
    const state = await stack.exportState();
    const root = state.deployment.resources?.find((r) => r.type === "pulumi:pulumi:Stack");
    // A secret output is stored as an encrypted envelope, never as the number itself.
    expect(root?.outputs?.tokenLength).toEqual(expect.objectContaining({ ciphertext: expect.any(String) }));
  });

  step("changing an input updates the resource in place", async () => {
    const before = (await stack.exportState()).deployment.resources?.find((r) => r.type.endsWith("test:JsonFile"));
    await stack.setConfig("cxflow-json-file:greeting", "bonjour");
    const up = await stack.up();
    expect(up.output).toMatch(/1 updated/);
    expect(up.output).not.toMatch(/replaced|created/);
    expect(up.outputs.revision).toBe(2);
    expect(onDisk()).toEqual({ revision: 2, content: { greeting: "bonjour", stack: stack.stack } });
    const after = (await stack.exportState()).deployment.resources?.find((r) => r.type.endsWith("test:JsonFile"));
    expect(after?.id).toBe(before?.id);
    await stack.preview({ expectNoChanges: true });
  });

  step("refresh sees an object deleted outside Pulumi, and up recreates it", async () => {
    fs.rmSync(file());
    await expect(stack.refresh({ expectNoChanges: true })).rejects.toThrow(/no changes were expected/i);
    const up = await stack.up();
    expect(up.output).toMatch(/1 created/);
    expect(up.outputs.revision).toBe(1);
    expect(fs.existsSync(file())).toBe(true);
  });

  step("destroy deletes the object and empties the stack", async () => {
    await stack.destroy();
    expect(fs.existsSync(file())).toBe(false);
    expect(await stack.outputs()).toEqual({});
  });
});
