// Genesys Architect lookups (flows, flow outcomes, flow milestones) against the sandbox, checked against the client's own listings.
import { randomUUID } from "node:crypto";
import { config, genesys } from "../../provider";
import { counter as countFrom, sandboxConfig, useSandbox } from "./helpers";

jest.setTimeout(60_000);

const sandbox = useSandbox({ rateLimits: { genesys: { limit: 100_000, periodSeconds: 60 } } }, { env: true });
const client = () =>
  genesys.genesysClient({
    ...config.resolveGenesys(sandboxConfig(sandbox.url), {}),
    budget: { limit: 100_000, periodMs: 60_000 },
  });
const counter = (key: string) => countFrom(sandbox, "genesys", key);

async function all<T>(items: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const item of items) out.push(item);
  return out;
}

/** 130 milestones "Step 1".."Step 130": more than one id listing takes. */
let steps: genesys.models.FlowMilestone[];

beforeAll(async () => {
  process.env.CXFLOW_GENESYS_REQUESTS_PER_MINUTE = "100000";
  const g = client();
  steps = [];
  for (let i = 1; i <= 130; i++) steps.push(await g.call("createFlowMilestone", { body: { name: `Step ${i}` } }));
});
afterAll(() => {
  delete process.env.CXFLOW_GENESYS_REQUESTS_PER_MINUTE;
});

describe("genesys.getArchitectFlows / getArchitectFlow", () => {
  test("the org's flows by exact name and type; ids in the order asked, unknown ones reported", async () => {
    const listed = await all(client().flows({ pageSize: 200 }));
    expect(listed.length).toBeGreaterThan(3);
    const ivr = listed.find((f) => f.name === "Main IVR")!;
    expect(ivr.type).toBe("INBOUNDCALL");
    const byName = await genesys.getArchitectFlows({ name: "Main IVR" });
    expect(byName.flows.map((f) => f.id)).toEqual([ivr.id]);
    const calls = await genesys.getArchitectFlows({ type: "INBOUNDCALL" });
    expect(calls.flows.map((f) => f.id).sort()).toEqual(
      listed
        .filter((f) => f.type === "INBOUNDCALL")
        .map((f) => f.id)
        .sort(),
    );
    const ghost = randomUUID();
    const asked = [listed[2].id, ghost, listed[0].id];
    const lists = counter("GET /flows");
    const some = await genesys.getArchitectFlows({ ids: asked });
    expect(lists()).toBe(1);
    expect(some.flows.map((f) => f.id)).toEqual([listed[2].id, listed[0].id]);
    expect(some.missing).toEqual([ghost]);
    expect(await genesys.getArchitectFlow({ name: "Main IVR", type: "INBOUNDCALL" })).toEqual(ivr);
    expect(await genesys.getArchitectFlow({ id: ivr.id })).toEqual(ivr);
    await expect(genesys.getArchitectFlow({ name: "Main" })).rejects.toThrow(/no architect flow is named "Main"/);
  });

  test("bad arguments name the property and what is allowed, before any request", async () => {
    const before = sandbox.stats().total;
    await expect(genesys.getArchitectFlows({ type: "IVR" } as any)).rejects.toThrow(/type must be one of "BOT", /);
    await expect(genesys.getArchitectFlow({ name: "x", id: randomUUID() } as any)).rejects.toThrow(
      /exactly one of id and name/,
    );
    await expect(genesys.getFlowOutcomes({ ids: ["not-a-uuid"] })).rejects.toThrow(/ids\[0\]/);
    expect(sandbox.stats().total).toBe(before);
  });
});

describe("genesys.getFlowOutcomes / getFlowMilestones", () => {
  test("the analytics data set's outcomes are the org's, found by exact name", async () => {
    const outcomes = await all(client().flowOutcomes({ pageSize: 200 }));
    expect(outcomes.map((o) => o.name)).toEqual(expect.arrayContaining(["Payment taken", "Self-served"]));
    const paid = outcomes.find((o) => o.name === "Payment taken")!;
    expect((await genesys.getFlowOutcomes({ name: "Payment taken" })).outcomes).toEqual([paid]);
    expect(await genesys.getFlowOutcome({ name: "Payment taken" })).toEqual(paid);
    expect(await genesys.getFlowOutcome({ id: paid.id })).toEqual(paid);
  });

  test("130 milestone ids: two listings of at most 100, in the order asked, an unknown id reported", async () => {
    const ghost = randomUUID();
    const asked = [...steps].reverse().map((m) => m.id);
    asked.splice(50, 0, ghost);
    const lists = counter("GET /flows/milestones");
    const result = await genesys.getFlowMilestones({ ids: asked });
    expect(lists()).toBe(2);
    expect(result.milestones.map((m) => m.id)).toEqual([...steps].reverse().map((m) => m.id));
    expect(result.missing).toEqual([ghost]);
    // "Step 1" is part of "Step 10".."Step 130": the exact name tells them apart.
    expect((await genesys.getFlowMilestones({ name: "Step 1" })).milestones.map((m) => m.id)).toEqual([steps[0].id]);
    expect(await genesys.getFlowMilestone({ name: "Step 130" })).toEqual(steps[129]);
  });
});
