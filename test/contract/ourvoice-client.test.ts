// The typed Our Voice client (got + zod) against the sandbox, faults included.
import { inspect } from "node:util";
import { CxflowError } from "../../provider/http/errors";
import { ourvoiceClient } from "../../provider/ourvoice";
import { caught, requests as count, FAST_RETRY, faults, useSandbox } from "./helpers";

jest.setTimeout(30_000);

const sandbox = useSandbox({ rateLimits: { ourvoice: { limit: 1000, periodSeconds: 60 } } });
beforeEach(() => sandbox.reset());

const client = (apiKey = "sandbox-key") =>
  ourvoiceClient({
    apiBase: `${sandbox.url}/ourvoice/v1`,
    apiKey,
    budget: { limit: 10_000, periodMs: 60_000 },
    retry: FAST_RETRY,
  });
const requests = (key: string) => count(sandbox, "ourvoice", key);

describe("the Our Voice client", () => {
  test("creates, reads, updates and deletes a flow", async () => {
    const c = client();
    const flow = await c.createFlow({ name: "Billing", type: "voice", metadata: { a: 1 } });
    expect(flow).toMatchObject({ name: "Billing", status: "draft", metadata: '{"a":1}' });
    expect(await c.getFlow(flow.id)).toEqual(flow);
    expect(await c.updateFlow(flow.id, { status: "published" })).toMatchObject({
      name: "Billing",
      status: "published",
    });
    await c.deleteFlow(flow.id);
    expect((await caught(c.getFlow(flow.id))).code).toBe("not_found");
  });

  test("iterates every page of a listing", async () => {
    const names: string[] = [];
    for await (const f of client().flows({ limit: 4 })) names.push(f.name);
    expect(names).toHaveLength(6);
    expect(requests("GET /flows")).toBe(2);
  });

  test("refuses bad input before any request, naming the field and the allowed values", async () => {
    const e = await caught(client().createFlow({ name: "x", type: "fax" as "voice" }));
    expect(e).toBeInstanceOf(CxflowError);
    expect(e.code).toBe("validation");
    expect(e.message).toMatch(/type: .*"voice"\|"sms"/);
    expect(requests("POST /flows")).toBe(0);
  });

  test("a wrong key is an auth error that never shows the key", async () => {
    const e = await caught(client("wrong-key-123").getFlow("x"));
    expect(e.code).toBe("auth");
    expect(e.status).toBe(401);
    expect(JSON.stringify({ ...e, message: e.message })).not.toContain("wrong-key-123");
    expect(e.request?.headers.authorization).toBe("[redacted]");
  });

  test("reads ride out a burst of 5xx answers", async () => {
    await faults(sandbox, { ourvoice: { error5xx: 0.5 } });
    for (let i = 0; i < 5; i++) expect((await client().listFlows()).meta.total).toBe(6);
    expect(requests("GET /flows")).toBeGreaterThan(5);
  });

  test("reads ride out connection resets", async () => {
    await faults(sandbox, { ourvoice: { reset: 0.5 } });
    for (let i = 0; i < 5; i++) expect((await client().listFlows()).meta.total).toBe(6);
  });

  test("a create that meets a 5xx is sent once, never repeated", async () => {
    await faults(sandbox, { ourvoice: { error5xx: 1 } });
    const e = await caught(client().createFlow({ name: "Once", type: "voice" }));
    expect(e.code).toBe("server");
    expect(requests("POST /flows")).toBe(1);
  });

  test("a lost create is reported as a network error and never duplicated", async () => {
    await faults(sandbox, { ourvoice: { "lost-create": 1 } });
    const e = await caught(client().createFlow({ name: "Ghost", type: "voice" }));
    expect(e.code).toBe("network");
    // Nothing reachable from the error, its cause included, holds the credential.
    expect(inspect(e, { depth: 20 })).not.toContain("sandbox-key");
    await faults(sandbox, {});
    const found = [];
    for await (const f of client().flows({ "filter[name]": "Ghost" })) found.push(f);
    expect(found).toHaveLength(1);
    expect(requests("POST /flows")).toBe(1);
  });

  test("a 429 storm is waited out using Retry-After", async () => {
    await fetch(`${sandbox.url}/_sandbox/rate-limits`, {
      method: "PUT",
      body: JSON.stringify({ ourvoice: { limit: 2, periodSeconds: 1 } }),
    });
    const c = client();
    const totals = await Promise.all(Array.from({ length: 5 }, () => c.listFlows().then((p) => p.meta.total)));
    expect(totals).toEqual([6, 6, 6, 6, 6]);
  });
});
