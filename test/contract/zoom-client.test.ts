// The typed Zoom Contact Center client (got + zod, S2S OAuth) against the sandbox, faults included.
import { CxflowError } from "../../provider/http/errors";
import { type ZoomClientOptions, zoomClient } from "../../provider/zoom/client";
import { admin, caught, counter, FAST_RETRY, faults, requests, useSandbox, withSandbox } from "./helpers";

jest.setTimeout(30_000);

const sandbox = useSandbox({ rateLimits: { zoom: { limit: 1000, periodSeconds: 1 } } });
beforeEach(async () => {
  await sandbox.reset();
  // reset() forgets every token: log in again now, so counts below see only the test's calls.
  await client().listFlows({ page_size: 1 });
});

const client = (over: Partial<ZoomClientOptions> = {}, url = sandbox.url) =>
  zoomClient({
    apiBase: `${url}/zoom/v2`,
    tokenUrl: `${url}/zoom/oauth/token`,
    accountId: "sandbox-account",
    clientId: "sandbox-client",
    clientSecret: "sandbox-secret",
    budget: { limit: 10_000, periodMs: 1_000 },
    retry: FAST_RETRY,
    ...over,
  });
const file = (definition: object = { start: "hello" }) => ({
  filename: "flow.json",
  contentType: "application/json",
  text: JSON.stringify({ channel: "voice", definition }),
});
const LIST = "GET /contact_center/flows";
const IMPORT = "POST /contact_center/flows";
const TOKEN = "POST /zoom/oauth/token";

describe("the Zoom client", () => {
  test("imports a flow, adds a version, reads it by id and by name, edits, publishes, exports and deletes it", async () => {
    const c = client();
    const flow = await c.importFlow({ flow_name: "Billing", flow_file: file(), import_mode: "new" });
    expect(flow).toMatchObject({ flow_name: "Billing", channel: "voice", status: "draft" });
    const v2 = await c.importFlow({
      flow_name: "Billing",
      flow_file: file({ start: "v2" }),
      import_mode: "version",
      flow_version_description: "second",
    });
    expect(v2.flow_id).toBe(flow.flow_id);
    expect(v2.flow_versions?.map((v) => v.flow_version)).toEqual([1, 2]);

    expect((await c.getFlow(flow.flow_id)).flow_name).toBe("Billing");
    expect((await c.getFlowByName("Billing")).flow_id).toBe(flow.flow_id);

    await expect(
      c.updateFlow(flow.flow_id, { flow_version: 2, flow_name: "Billing 2", flow_description: "d" }),
    ).resolves.toBeUndefined();
    expect(await c.getFlow(flow.flow_id)).toMatchObject({ flow_name: "Billing 2", flow_description: "d" });

    await expect(c.publishFlow(flow.flow_id, 2)).resolves.toBeUndefined();
    expect((await c.getFlow(flow.flow_id)).status).toBe("published");

    expect(await c.exportFlow(flow.flow_id, 2)).toMatchObject({
      flow_name: "Billing 2",
      flow_version: 2,
      flow_version_description: "second",
      definition: { start: "v2" },
    });

    await expect(c.deleteFlow(flow.flow_id)).resolves.toBeUndefined();
    const gone = await caught(c.getFlow(flow.flow_id));
    expect(gone.code).toBe("not_found");
    expect(gone.message).toContain("3201");
  });

  test("a flow bound to entry points cannot be deleted: a validation error (400) carrying Zoom code 3209", async () => {
    const c = client();
    const main = await c.getFlowByName("Main IVR");
    const e = await caught(c.deleteFlow(main.flow_id));
    expect(e).toBeInstanceOf(CxflowError);
    expect(e.status).toBe(400);
    expect(e.code).toBe("validation");
    expect(e.details).toMatchObject({ code: 3209 });
    expect(e.message).toContain("3209");
    expect((await c.getFlow(main.flow_id)).flow_name).toBe("Main IVR");
  });

  test("iterates every flow across pages", async () => {
    const lists = counter(sandbox, "zoom", LIST);
    const names: string[] = [];
    for await (const f of client().flows({ page_size: 3 })) names.push(f.flow_name);
    expect(names).toHaveLength(8);
    expect(new Set(names).size).toBe(8);
    expect(lists()).toBe(3);
  });

  test("a refused page token restarts the listing once, without duplicates", async () => {
    let corrupted = 0;
    const c = client({ rewritePageToken: (t) => (corrupted++ === 0 ? `${t}-expired` : t) });
    const lists = counter(sandbox, "zoom", LIST);
    const ids: string[] = [];
    for await (const f of c.flows({ page_size: 3 })) ids.push(f.flow_id);
    expect(ids).toHaveLength(8);
    expect(new Set(ids).size).toBe(8);
    // Page 1, the refused page 2, page 1 again, pages 2 and 3.
    expect(lists()).toBe(5);
  });

  test("a page token refused twice fails the listing", async () => {
    const c = client({ rewritePageToken: (t) => `${t}-expired` });
    const ids: string[] = [];
    const e = await caught(
      (async () => {
        for await (const f of c.flows({ page_size: 3 })) ids.push(f.flow_id);
      })(),
    );
    expect(e.code).toBe("validation");
    expect(e.details).toMatchObject({ code: 300 });
    expect(ids).toHaveLength(3);
  });

  test("refuses bad input before any request", async () => {
    const imports = counter(sandbox, "zoom", IMPORT);
    const lists = counter(sandbox, "zoom", LIST);
    const e = await caught(client().importFlow({ flow_name: "x", flow_file: file(), import_mode: "replace" as "new" }));
    expect(e.code).toBe("validation");
    expect(e.message).toMatch(/import_mode/);
    expect((await caught(client().listFlows({ page_size: 500 }))).code).toBe("validation");
    expect(imports()).toBe(0);
    expect(lists()).toBe(0);
  });

  test("a wrong secret is an auth error that never shows the secret", async () => {
    const secret = "wrong-secret-123";
    const e = await caught(client({ clientSecret: secret }).listFlows());
    expect(e).toBeInstanceOf(CxflowError);
    expect(e.code).toBe("auth");
    const text = JSON.stringify({ ...e, message: e.message, stack: e.stack });
    expect(text).not.toContain(secret);
    expect(text).not.toContain(Buffer.from(`sandbox-client:${secret}`).toString("base64"));
    expect(e.request?.headers.authorization).toBe("[redacted]");
  });

  test("an expired token is replaced before the call", async () => {
    await withSandbox({ tokenTtl: { zoom: 1 } }, async (short) => {
      const c = client({}, short.url);
      await c.listFlows({ page_size: 1 });
      await new Promise((r) => setTimeout(r, 1_200));
      expect((await c.listFlows({ page_size: 1 })).total_records).toBe(8);
      expect(requests(short, "zoom", TOKEN)).toBe(2);
      // Refreshed ahead of expiry: no call was refused.
      expect(requests(short, "zoom", LIST)).toBe(2);
    });
  });

  test("a revoked token is replaced once and the call succeeds", async () => {
    const tokens = counter(sandbox, "zoom", TOKEN);
    const lists = counter(sandbox, "zoom", LIST);
    expect((await admin(sandbox, "POST", "revoke", { vendor: "zoom" })).status).toBe(200);
    expect((await client().listFlows()).total_records).toBe(8);
    expect(tokens()).toBe(1);
    expect(lists()).toBe(2);
  });

  test("reads ride out a burst of 5xx answers", async () => {
    const lists = counter(sandbox, "zoom", LIST);
    await faults(sandbox, { zoom: { error5xx: 0.5 } });
    for (let i = 0; i < 5; i++) expect((await client().listFlows()).total_records).toBe(8);
    expect(lists()).toBeGreaterThan(5);
  });

  test("an import that meets a 5xx is sent once, never repeated", async () => {
    const imports = counter(sandbox, "zoom", IMPORT);
    await faults(sandbox, { zoom: { error5xx: 1 } });
    const e = await caught(client().importFlow({ flow_name: "Once", flow_file: file(), import_mode: "new" }));
    expect(e.code).toBe("server");
    expect(e.message).toContain("500");
    expect(imports()).toBe(1);
  });

  test("a lost import is reported as a network error and never duplicated", async () => {
    const imports = counter(sandbox, "zoom", IMPORT);
    await faults(sandbox, { zoom: { "lost-create": 1 } });
    const e = await caught(client().importFlow({ flow_name: "Ghost", flow_file: file(), import_mode: "new" }));
    expect(e.code).toBe("network");
    await faults(sandbox, {});
    const found = [];
    for await (const f of client().flows({ page_size: 100 })) if (f.flow_name === "Ghost") found.push(f);
    expect(found).toHaveLength(1);
    expect((await client().getFlowByName("Ghost")).flow_id).toBe(found[0].flow_id);
    expect(imports()).toBe(1);
  });

  test("a 429 storm is waited out using the ISO Retry-After", async () => {
    expect((await admin(sandbox, "PUT", "rate-limits", { zoom: { limit: 2, periodSeconds: 1 } })).status).toBe(200);
    const lists = counter(sandbox, "zoom", LIST);
    const c = client();
    const totals = await Promise.all(Array.from({ length: 5 }, () => c.listFlows().then((p) => p.total_records)));
    expect(totals).toEqual([8, 8, 8, 8, 8]);
    // Some answers were 429s and were tried again.
    expect(lists()).toBeGreaterThan(5);
  });
});
