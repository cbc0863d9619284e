// All three clients built from stack config alone (a sandbox URL), and the calls no other test makes.
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { config, genesys, ourvoice, zoom } from "../../provider";
import { CxflowError } from "../../provider/http/errors";
import { sandboxConfig, useSandbox } from "./helpers";

const sandbox = useSandbox();

const source = () => sandboxConfig(sandbox.url);
const WEEK = "2026-10-01T00:00:00.000Z/2026-10-08T00:00:00.000Z";

describe("clients from config", () => {
  test("a sandbox URL is all a stack needs: every vendor answers with the sandbox credentials", async () => {
    const g = genesys.genesysClient(config.resolveGenesys(source(), {}));
    const z = zoom.zoomClient(config.resolveZoom(source(), {}));
    const o = ourvoice.ourvoiceClient(config.resolveOurVoice(source(), {}));
    expect((await g.listActionTargets({})).entities?.length).toBeGreaterThan(0);
    expect((await z.listFlows({})).flows?.length).toBeGreaterThan(0);
    expect((await o.listFlows()).meta.total).toBe(6);
  });

  test("observations, activity and a deleted journey job through the Genesys client", async () => {
    const g = genesys.genesysClient(config.resolveGenesys(source(), {}));
    const filter = { type: "or" as const, predicates: [{ dimension: "mediaType" as const, value: "voice" }] };
    const observed = await g.queryFlowObservations({ filter, metrics: ["oFlow"] });
    const activity = await g.queryFlowActivity({ filter, metrics: [{ metric: "oFlow" }], groupBy: ["mediaType"] });
    const count = (x: any) => x.results?.[0]?.data?.[0]?.stats?.count ?? x.results?.[0]?.data?.[0]?.count;
    expect(count(observed)).toBe(count(activity));
    const { jobId } = await g.submitJourneyAggregatesJob({ interval: WEEK, metrics: ["nJourneySessions"] });
    await g.deleteJourneyAggregatesJob(jobId!);
    const status = await g.getJourneyAggregatesJob(jobId!).catch((e: CxflowError) => e.code);
    expect(["not_found", "CANCELLED"]).toContain(typeof status === "string" ? status : status.state);
  });

  test("a missing credential outside the sandbox names the config key and the env var", () => {
    expect(() => config.resolveOurVoice(config.noConfig, {})).toThrow(/cxflow:ourvoiceApiKey.*OURVOICE_API_KEY/);
  });
});

describe("response shapes", () => {
  test("an answer that does not match its schema is a response_shape error naming the route and fields", async () => {
    // A server that answers a flow with a numeric id and no name.
    const server = createServer((_req, res) => {
      res.writeHead(200, { "content-type": "application/json" });
      res.end(JSON.stringify({ data: { id: 5, type: "voice" } }));
    });
    await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
    try {
      const { port } = server.address() as AddressInfo;
      const o = ourvoice.ourvoiceClient({ apiBase: `http://127.0.0.1:${port}/v1`, apiKey: "k" });
      const e = await o.getFlow("x").catch((err: CxflowError) => err);
      expect(e).toBeInstanceOf(CxflowError);
      expect((e as CxflowError).code).toBe("response_shape");
      expect((e as CxflowError).route).toBe("ourvoice GET /flows/{flowId}");
      expect((e as CxflowError).message).toMatch(/data\.id/);
      expect((e as CxflowError).message).toMatch(/data\.name/);
    } finally {
      server.close();
    }
  });
});
