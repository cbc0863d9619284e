// Data-source functions run inside a real Pulumi program against the sandbox.
import * as path from "node:path";
import { config, ourvoice } from "../../provider";
import { type Sandbox, startSandbox } from "../../sandbox";
import { TestStack } from "./harness";

jest.setTimeout(5 * 60_000);

describe("data sources in a program", () => {
  let sandbox: Sandbox;
  let stack: TestStack;
  let outputs: Record<string, unknown>;
  const client = () =>
    ourvoice.ourvoiceClient(config.resolveOurVoice(config.configFromMap({ "cxflow:sandboxUrl": sandbox.url }), {}));

  beforeAll(async () => {
    // The program's week ends at 2026-11-01: pin the sandbox's history there.
    sandbox = await startSandbox({ analyticsEnd: "2026-11-01" });
    stack = await TestStack.create({
      program: path.join(__dirname, "programs", "data-sources"),
      config: { "cxflow:sandboxUrl": sandbox.url },
    });
    outputs = (await stack.up()).outputs;
  });
  afterAll(async () => {
    await stack?.dispose();
    await sandbox?.stop();
  });

  test("Promise and Output forms export what the API holds", async () => {
    const all: ourvoice.models.Flow[] = [];
    for await (const f of client().flows()) all.push(f);
    expect(outputs.ourvoiceFlowCount).toBe(all.length);
    expect(outputs.draftFlowNames).toEqual(
      all
        .filter((f) => f.status === "draft")
        .map((f) => f.name)
        .sort(),
    );
  });

  test("secret: true makes the Output secret: encrypted in state, shown only with --show-secrets", async () => {
    expect(outputs.firstFlowSecret).toBeTruthy();
    const plain = JSON.stringify(outputs.firstFlowSecret);
    const state = await stack.exportText();
    expect(state).not.toContain(plain.slice(1, -1));
    const shown = await stack.run(["stack", "output", "firstFlowSecret"]);
    expect(shown.stdout).toContain("[secret]");
  });

  test("flow analytics agree: sync equals async per flow, and the days add up to the week", () => {
    const perFlow = outputs.flowsPerFlowSync as Record<string, number>;
    expect(Object.keys(perFlow).length).toBeGreaterThan(1);
    expect(outputs.flowsPerFlowAsync).toEqual(perFlow);
    const days = outputs.flowsPerDay as number[];
    expect(days).toHaveLength(7);
    expect(days.reduce((a, b) => a + b, 0)).toBe(Object.values(perFlow).reduce((a, b) => a + b, 0));
  });

  test("a secret analytics output is stored encrypted", async () => {
    expect(outputs.journeySessions).toBeGreaterThan(0);
    expect((await stack.run(["stack", "output", "journeySessions"])).stdout).toContain("[secret]");
  });
});
