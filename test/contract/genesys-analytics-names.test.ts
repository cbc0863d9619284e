// Names in the rows of the flow analytics data sources, and the org's own flows in the sandbox's
// flow analytics: the seeded org's flows, outcomes and milestones are the data set's own.
import { genesys } from "../../provider";
import { analyticsData, EXECUTION_COUNT, ORG_FLOW_EXECUTION_COUNT } from "../../sandbox/vendors/genesys-data";
import { counter, sandboxClients, useSandbox } from "./helpers";

// The synthetic history pinned to end here, so the figures below hold on any day.
const END = new Date(Date.UTC(2026, 10, 1));
const data = () => analyticsData(1, END.getTime());
const sandbox = useSandbox(
  { analyticsEnd: END, rateLimits: { genesys: { limit: 10_000, periodSeconds: 60 } } },
  { env: true },
);
const client = () => sandboxClients(sandbox.url).genesys();

type Row = { metric: string; count?: number; [k: string]: unknown };
const total = (rows: Row[], metric: string) =>
  rows.filter((r) => r.metric === metric).reduce((n, r) => n + (r.count ?? 0), 0);

/** Counts the three name lookups from now on: `[flows, outcomes, milestones]`. */
function lookups(): () => number[] {
  const routes = ["GET /flows", "GET /flows/outcomes", "GET /flows/milestones"];
  const counts = routes.map((route) => counter(sandbox, "genesys", route));
  return () => counts.map((c) => c());
}

/** Every synthetic flow, outcome and milestone name by id. */
function syntheticNames() {
  const flows = new Map(data().flows.map((f) => [f.id, f.name]));
  const outcomes = new Map(data().flows.flatMap((f) => f.outcomes.map((o) => [o.id, o.name] as const)));
  const milestones = new Map(data().flows.flatMap((f) => f.milestones.map((m) => [m.id, m.name] as const)));
  return { flows, outcomes, milestones };
}

/** Publishes `yaml` with a publish job (register, upload, poll until Success); the flow's id. */
async function publish(yaml: string): Promise<string> {
  const api = client();
  const job = await api.call("createFlowJob", { body: {} });
  await api.uploadFlowYaml(job.presignedUrl, job.headers ?? {}, yaml);
  for (let i = 0; i < 200; i++) {
    const state = await api.call("getFlowJob", { params: { jobId: job.id } });
    if (state.status === "Success") return state.flow!.id;
    if (state.status === "Failure") throw new Error(`publish failed: ${JSON.stringify(state.messages)}`);
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`publish job ${job.id} never finished`);
}

/** An inbound-call flow that reaches `outcomeId` and passes `milestoneId`. */
const flowYaml = (name: string, outcomeId: string, milestoneId: string) => `inboundCall:
  name: ${name}
  defaultLanguage: en-us
  startUpRef: ./tasks/task[main]
  initialGreeting:
    tts: Hello
  tasks:
    - task:
        name: Main
        refId: main
        actions:
          - addFlowMilestone:
              name: Claim found
              flowMilestoneId: ${milestoneId}
          - setFlowOutcome:
              name: Claim filed
              flowOutcomeId: ${outcomeId}
          - disconnect:
              name: Disconnect
`;

describe("names in flow analytics rows", () => {
  const query = {
    interval: "P30D",
    end: END,
    groupBy: ["flowId" as const, "flowOutcomeId" as const, "flowMilestoneId" as const],
    metrics: ["nFlow" as const],
  };

  test("flowId, flowOutcomeId and flowMilestoneId groups get the seeded org's names, one lookup per kind", async () => {
    const names = syntheticNames();
    const calls = lookups();
    const { rows } = await genesys.getFlowAggregates(query);
    expect(calls()).toEqual([1, 1, 1]);
    expect(rows.some((r) => r.flowOutcomeId) && rows.some((r) => r.flowMilestoneId)).toBe(true);
    for (const r of rows) {
      expect(r.flowName).toBe(names.flows.get(r.flowId!));
      expect(r.flowOutcomeName).toBe(r.flowOutcomeId ? names.outcomes.get(r.flowOutcomeId) : undefined);
      expect(r.flowMilestoneName).toBe(r.flowMilestoneId ? names.milestones.get(r.flowMilestoneId) : undefined);
    }
    expect(rows.find((r) => r.flowId)!.flowName).toEqual(expect.any(String));
  });

  test("an async job of many pages still makes one lookup per kind", async () => {
    const calls = lookups();
    const sync = await genesys.getFlowAggregates({ ...query, granularity: "P1D", mode: "sync" });
    expect(calls()).toEqual([1, 1, 1]);
    const async = await genesys.getFlowAggregates({ ...query, granularity: "P1D", mode: "async", pageSize: 5 });
    expect(async.results.length).toBeGreaterThan(5);
    expect(calls()).toEqual([2, 2, 2]);
    expect(async.rows).toEqual(sync.rows);
  });

  test("only the kinds a query groups by are looked up", async () => {
    const calls = lookups();
    await genesys.getFlowAggregates({ ...query, groupBy: ["flowOutcomeId"], metrics: ["nFlowOutcome"] });
    expect(calls()).toEqual([0, 1, 0]);
    await genesys.getFlowAggregates({ ...query, groupBy: ["mediaType"] });
    expect(calls()).toEqual([0, 1, 0]);
    // A flowName the group already has is the API's: the flows need no lookup.
    const byName = await genesys.getFlowAggregates({ ...query, groupBy: ["flowId", "flowName"] });
    expect(calls()).toEqual([0, 1, 0]);
    expect(byName.rows.every((r) => r.flowName === syntheticNames().flows.get(r.flowId!))).toBe(true);
  });

  test("resolveNames: false makes no lookup and leaves the rows as the API grouped them", async () => {
    const named = await genesys.getFlowAggregates(query);
    const calls = lookups();
    const plain = await genesys.getFlowAggregates({ ...query, resolveNames: false });
    const activity = await genesys.getFlowActivity({ groupBy: ["flowId"], resolveNames: false });
    const o = genesys.filter.observation;
    const ids = data().flows.map((f) => f.id);
    const observed = await genesys.getFlowObservations({ filter: o.oneOf("flowId", ids), resolveNames: false });
    expect(calls()).toEqual([0, 0, 0]);
    const strip = ({ flowName: _f, flowOutcomeName: _o, flowMilestoneName: _m, ...rest }: Row) => rest;
    expect(plain.rows).toEqual(named.rows.map(strip));
    expect([...activity.rows, ...observed.rows].some((r) => "flowName" in r)).toBe(false);
  });

  test("bad resolveNames fails before any request, naming the property", async () => {
    const before = sandbox.stats().total;
    await expect(genesys.getFlowAggregates({ ...query, resolveNames: "yes" } as any)).rejects.toThrow(
      /resolveNames must be boolean/,
    );
    await expect(genesys.getFlowActivity({ resolveNames: 1 } as any)).rejects.toThrow(/resolveNames must be boolean/);
    expect(sandbox.stats().total).toBe(before);
  });

  test("flows in flight are named too, with one flow lookup", async () => {
    const names = syntheticNames();
    const calls = lookups();
    const activity = await genesys.getFlowActivity({ groupBy: ["flowId", "mediaType"] });
    expect(calls()).toEqual([1, 0, 0]);
    for (const r of activity.rows) expect(r.flowName).toBe(names.flows.get(r.flowId!));
    const o = genesys.filter.observation;
    const observed = await genesys.getFlowObservations({ filter: o.oneOf("flowId", [...names.flows.keys()]) });
    expect(calls()).toEqual([2, 0, 0]);
    expect(observed.rows.map((r) => r.flowName)).toEqual([...names.flows.values()]);
  });
});

describe("the org's own flows in the sandbox's flow analytics", () => {
  let flowId: string;
  let outcome: { id: string; name: string };
  let milestone: { id: string; name: string };

  beforeAll(async () => {
    outcome = await client().call("createFlowOutcome", { body: { name: "Claim filed" } });
    milestone = await client().call("createFlowMilestone", { body: { name: "Claim found" } });
    flowId = await publish(flowYaml("Claims line", outcome.id, milestone.id));
  });

  test("a flow published through the API shows up by flowId with its outcomes and milestones, named", async () => {
    const rows = (
      await genesys.getFlowAggregates({
        interval: "P120D",
        end: END,
        groupBy: ["flowId", "flowOutcomeId"],
        metrics: ["nFlow", "nFlowOutcome"],
        filter: genesys.filter.flow.and(genesys.filter.flow.eq("flowId", flowId)),
      })
    ).rows;
    expect(total(rows, "nFlow")).toBe(ORG_FLOW_EXECUTION_COUNT);
    const reached = rows.filter((r) => r.metric === "nFlowOutcome");
    expect(reached.length).toBeGreaterThan(0);
    for (const r of reached)
      expect(r).toMatchObject({
        flowId,
        flowName: "Claims line",
        flowOutcomeId: outcome.id,
        flowOutcomeName: "Claim filed",
      });
    const milestones = await genesys.getFlowAggregates({
      interval: "P120D",
      end: END,
      groupBy: ["flowMilestoneId"],
      metrics: ["nFlowMilestone"],
      filter: genesys.filter.flow.and(genesys.filter.flow.eq("flowId", flowId)),
    });
    expect(milestones.rows.map((r) => [r.flowMilestoneId, r.flowMilestoneName])).toEqual([
      [milestone.id, "Claim found"],
    ]);
  });

  test("the seeded flows keep their figures; the same query twice gives the same numbers", async () => {
    const q = { interval: "P120D", end: END, groupBy: ["flowId" as const], metrics: ["nFlow" as const] };
    const a = await genesys.getFlowAggregates(q);
    const seeded = a.rows.filter((r) => r.flowId !== flowId);
    expect(total(seeded, "nFlow")).toBe(EXECUTION_COUNT);
    expect(total(a.rows, "nFlow")).toBe(EXECUTION_COUNT + ORG_FLOW_EXECUTION_COUNT);
    expect((await genesys.getFlowAggregates(q)).rows).toEqual(a.rows);
  });

  test("a deleted flow's executions stay, and its id has no name", async () => {
    await client().call("deleteFlow", { params: { flowId } });
    const calls = lookups();
    const { rows } = await genesys.getFlowAggregates({
      interval: "P120D",
      end: END,
      groupBy: ["flowId"],
      metrics: ["nFlow"],
    });
    expect(calls()).toEqual([1, 0, 0]);
    const gone = rows.find((r) => r.flowId === flowId);
    expect(gone).toEqual({ flowId, interval: expect.any(String), metric: "nFlow", count: ORG_FLOW_EXECUTION_COUNT });
    expect(rows.filter((r) => r.flowId !== flowId).every((r) => typeof r.flowName === "string")).toBe(true);
  });
});
