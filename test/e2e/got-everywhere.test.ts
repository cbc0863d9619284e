// One scenario: tests run in order, each building on the last.
// got is ESM-only: prove the clients built on it load in jest (this file), in a Pulumi program and
// inside the dynamic-provider host, all against the sandbox.
import * as path from "node:path";
import { ourvoice } from "../../provider";
import { type Sandbox, startSandbox } from "../../sandbox";
import { scenario, TestStack } from "./harness";

jest.setTimeout(5 * 60_000);

describe("the got-based clients", () => {
  const step = scenario();
  let sandbox: Sandbox;
  let stack: TestStack;
  const client = () => ourvoice.ourvoiceClient({ apiBase: `${sandbox.url}/ourvoice/v1`, apiKey: "sandbox-key" });

  beforeAll(async () => {
    sandbox = await startSandbox();
    stack = await TestStack.create({
      program: path.join(__dirname, "programs", "got-everywhere"),
      config: { "cxflow:sandboxUrl": sandbox.url },
    });
  });
  afterAll(async () => {
    await stack?.destroy().catch(() => undefined);
    await stack?.dispose();
    await sandbox?.stop();
  });

  step("work in jest", async () => {
    expect((await client().listFlows()).meta.total).toBe(6);
  });

  step("work in a program and inside a dynamic provider", async () => {
    const { outputs } = await stack.up();
    expect(outputs.programFlowCount).toBe(6);
    const created = await client().getFlow(String(outputs.providerFlowId));
    expect(created.name).toBe("created-by-provider");
  });

  step("the provider's delete runs with the stored code and removes the flow", async () => {
    const id = String((await stack.outputs()).providerFlowId);
    await stack.destroy();
    await expect(client().getFlow(id)).rejects.toMatchObject({ code: "not_found" });
  });
});
