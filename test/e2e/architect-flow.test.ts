// One scenario: tests run in order, each building on the last.
// cxflow.genesys.ArchitectFlow, FlowOutcome and FlowMilestone under the real engine, against the sandbox.
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import type { Sandbox } from "../../sandbox";
import { PulumiCommandError, scenario, type TestStack } from "./harness";
import { type Declared, declare, sandboxClients, stored, useResourceStack } from "./resources";

jest.setTimeout(10 * 60_000);

/** An inbound-call flow that reports an outcome and passes a milestone, both by id. */
const YAML = `inboundCall:
  name: "{{ flowName }}"
  description: Main support line
  defaultLanguage: en-us
  startUpRef: ./tasks/task[identify]
  initialGreeting:
    tts: "{{ greeting }}"
  tasks:
    - task:
        name: Identify caller
        refId: identify
        actions:
          - addFlowMilestone:
              name: Caller verified
              flowMilestoneId: "{{ verifiedId }}"
          - setFlowOutcome:
              name: Payment taken
              flowOutcomeId: "{{ paidId }}"
          - disconnect:
              name: Disconnect
`;

const UPLOAD = "PUT /genesys/architect/uploads";

describe("ArchitectFlow, FlowOutcome and FlowMilestone", () => {
  const step = scenario();
  let sandbox: Sandbox;
  let stack: TestStack;
  const g = () => sandboxClients(sandbox.url).genesys();
  const uploads = () => sandbox.stats().vendors.genesys?.[UPLOAD] ?? 0;
  const getFlow = (flowId: string) => g().call("getFlow", { params: { flowId } });
  const flowDir = fs.mkdtempSync(path.join(os.tmpdir(), "cxflow-architect-e2e-"));
  const flowFile = path.join(flowDir, "main-line.yaml");

  const declared = (flow: Record<string, unknown>): Declared[] => [
    { type: "genesys.FlowOutcome", name: "paid", args: { name: "e2e Payment taken", description: "Card accepted" } },
    { type: "genesys.FlowMilestone", name: "verified", args: { name: "e2e Caller verified" } },
    {
      type: "genesys.ArchitectFlow",
      name: "main",
      args: {
        content: YAML,
        ...flow,
        substitutions: {
          flowName: "e2e Main line",
          greeting: "Hello",
          paidId: "ref:paid",
          verifiedId: "ref:verified",
          ...(flow.substitutions as object),
        },
      },
    },
  ];

  /** Publishes `text` with the jobs protocol, as Architect or Archy would outside the stack; the flow's id. */
  async function publishOutside(text: string): Promise<string> {
    const api = g();
    const job = await api.call("createFlowJob", { body: {} });
    await api.uploadFlowYaml(job.presignedUrl, job.headers ?? {}, text);
    for (;;) {
      const state = await api.call("getFlowJob", { params: { jobId: job.id } });
      if (state.status === "Success") return state.flow!.id;
      if (state.status === "Failure") throw new Error(JSON.stringify(state.messages));
      await new Promise((r) => setTimeout(r, 100));
    }
  }

  useResourceStack(async (s) => {
    ({ sandbox, stack } = s);
  });
  afterAll(() => fs.rmSync(flowDir, { recursive: true, force: true }));

  step("a bad flow fails its preview, naming the line or the placeholder, with zero requests", async () => {
    const before = sandbox.stats().total;
    await declare(stack, [
      { type: "genesys.ArchitectFlow", name: "syntax", args: { content: "inboundCall:\n  name: [oops\n" } },
    ]);
    let e = (await stack.preview().catch((x) => x)) as PulumiCommandError;
    expect(e).toBeInstanceOf(PulumiCommandError);
    expect(e.result.output).toMatch(/content is not an Architect flow file:.*line 3, column 1/s);
    await declare(stack, [
      { type: "genesys.ArchitectFlow", name: "holes", args: { content: YAML, substitutions: { flowName: "x" } } },
    ]);
    e = (await stack.preview().catch((x) => x)) as PulumiCommandError;
    expect(e.result.output).toMatch(
      /uses \{\{ greeting \}\}, \{\{ verifiedId \}\}, \{\{ paidId \}\} but substitutions only has flowName/,
    );
    await declare(stack, [
      { type: "genesys.ArchitectFlow", name: "both", args: { content: YAML, flowFile: "x.yaml" } },
    ]);
    e = (await stack.preview().catch((x) => x)) as PulumiCommandError;
    expect(e.result.output).toMatch(/give exactly one of flowFile \(a path\) and content \(the YAML\)/);
    expect(sandbox.stats().total).toBe(before);
  });

  step("publishes the flow with its outcome and milestone: one upload, version 1.0; then nothing changes", async () => {
    await declare(stack, declared({}));
    const before = uploads();
    await stack.up();
    expect(uploads() - before).toBe(1);
    const s = await stored(stack);
    const flow = await getFlow(s.main.id);
    expect(flow).toMatchObject({ name: "e2e Main line", type: "INBOUNDCALL", publishedVersion: { id: "1.0" } });
    expect(s.main.outputs).toMatchObject({
      name: "e2e Main line",
      type: "INBOUNDCALL",
      publishedVersion: "1.0",
      deployedVersion: "1.0",
    });
    expect(s.main.outputs.contentHash).toMatch(/^[0-9a-f]{64}$/);
    expect(s.paid.outputs).toMatchObject({ name: "e2e Payment taken", description: "Card accepted", adopted: false });
    await stack.preview({ expectNoChanges: true });
    await stack.refresh({ expectNoChanges: true });
    expect(uploads() - before).toBe(1);
  });

  step("the same content from a file, with other line endings and trailing blank lines, is no change", async () => {
    fs.writeFileSync(flowFile, `${YAML.replace(/\n/g, "\r\n")}\r\n\r\n`);
    const [paid, verified, main] = declared({});
    const { content: _c, ...fromFile } = main.args;
    await declare(stack, [paid, verified, { ...main, args: { ...fromFile, flowFile } }]);
    const before = uploads();
    await stack.preview({ expectNoChanges: true });
    await stack.up();
    expect(uploads()).toBe(before);
  });

  step("new content is an update: same id, the next version, one upload", async () => {
    const before = await stored(stack);
    await declare(stack, declared({ substitutions: { greeting: "Welcome back" } }));
    const n = uploads();
    const { output } = await stack.up();
    expect(output).toMatch(/~ +contentHash|contentHash/);
    expect(uploads() - n).toBe(1);
    const after = await stored(stack);
    expect(after.main.id).toBe(before.main.id);
    expect(after.main.outputs).toMatchObject({ publishedVersion: "2.0", deployedVersion: "2.0" });
  });

  step("a publish job that fails prints every message with its line; the flow keeps its version", async () => {
    const s = await stored(stack);
    const broken = YAML.replace('"{{ paidId }}"', "not-an-outcome");
    await declare(stack, declared({ content: broken }));
    const e = (await stack.up().catch((x) => x)) as PulumiCommandError;
    expect(e).toBeInstanceOf(PulumiCommandError);
    expect(e.result.output).toMatch(/architect flow "e2e Main line": publish job \S+ failed:/);
    expect(e.result.output).toMatch(/line 18\b.*flowOutcomeId not-an-outcome/);
    expect((await getFlow(s.main.id)).publishedVersion?.id).toBe("2.0");
  });

  step(
    "a version published outside Pulumi shows as a change after a refresh, and up publishes ours again",
    async () => {
      await declare(stack, declared({ substitutions: { greeting: "Welcome back" } }));
      await stack.up();
      const s = await stored(stack);
      // Someone publishes from Architect, outside the stack.
      await publishOutside("inboundCall:\n  name: e2e Main line\n  description: edited in Architect\n");
      await stack.refresh();
      const drifted = await stored(stack);
      expect(drifted.main.outputs.publishedVersion).toBe("3.0");
      const { output } = await stack.preview();
      expect(output).toMatch(/publishedVersion/);
      await stack.up();
      expect((await getFlow(s.main.id)).publishedVersion?.id).toBe("4.0");
      await stack.preview({ expectNoChanges: true });
    },
  );

  step("a flow someone else locked: an error naming them; forceUnlock releases the lock and publishes", async () => {
    const s = await stored(stack);
    const locked = await fetch(`${sandbox.url}/_sandbox/genesys/flow-lock`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ flowId: s.main.id }),
    });
    expect(locked.status).toBe(200);
    await declare(stack, declared({ substitutions: { greeting: "Hi there" } }));
    const e = (await stack.up().catch((x) => x)) as PulumiCommandError;
    expect(e.result.output).toMatch(
      /architect flow "e2e Main line" \(\S+\) is locked by user Dana Whitfield \(\S+\).*forceUnlock: true/s,
    );
    await declare(stack, declared({ substitutions: { greeting: "Hi there" }, forceUnlock: true }));
    await stack.up();
    const flow = await getFlow(s.main.id);
    expect(flow.lockedUser).toBeUndefined();
    expect(flow.publishedVersion?.id).toBe("5.0");
  });

  step("destroy deletes the flow and the milestone; the outcome stays, and a new stack takes it back", async () => {
    const s = await stored(stack);
    const { output } = await stack.destroy();
    expect(output).toMatch(/Genesys Cloud cannot delete flow outcomes/);
    await expect(getFlow(s.main.id)).rejects.toMatchObject({ code: "not_found" });
    await expect(g().call("getFlowMilestone", { params: { milestoneId: s.verified.id } })).rejects.toMatchObject({
      code: "not_found",
    });
    expect((await g().call("getFlowOutcome", { params: { flowOutcomeId: s.paid.id } })).name).toBe("e2e Payment taken");
    await stack.up();
    const again = await stored(stack);
    expect(again.paid.id).toBe(s.paid.id);
    expect(again.paid.outputs.adopted).toBe(true);
    expect(again.main.id).not.toBe(s.main.id);
  });

  step("a flow whose name is taken is refused unless adopt; adopting the same content uploads nothing", async () => {
    const text = "inboundCall:\n  name: e2e Made in Architect\n  description: made outside\n";
    const made = await publishOutside(text);
    const others = (await stored(stack)).main;
    const taken: Declared = { type: "genesys.ArchitectFlow", name: "taken", args: { content: text } };
    await declare(stack, [...declared({ substitutions: { greeting: "Hi there" } }), taken]);
    const e = (await stack.up().catch((x) => x)) as PulumiCommandError;
    expect(e.result.output).toMatch(
      /an architect flow named "e2e Made in Architect" already exists \(\S+\): set adopt: true/,
    );
    await declare(stack, [
      ...declared({ substitutions: { greeting: "Hi there" } }),
      { ...taken, args: { content: text, adopt: true } },
    ]);
    const before = uploads();
    await stack.up();
    expect(uploads()).toBe(before);
    const s = await stored(stack);
    expect(s.taken.id).toBe(made);
    expect(s.taken.outputs).toMatchObject({ adopted: true, publishedVersion: "1.0", deployedVersion: "1.0" });
    expect(s.main.id).toBe(others.id);
    await stack.preview({ expectNoChanges: true });
  });
});
