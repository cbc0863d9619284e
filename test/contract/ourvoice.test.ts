// Our Voice flows against the sandbox, over plain HTTP.
import { answer, useSandbox } from "./helpers";

const sandbox = useSandbox({ rateLimits: { ourvoice: { limit: 1000, periodSeconds: 60 } } });
const api = async (path: string, init: { method?: string; body?: unknown; key?: string } = {}) =>
  answer(
    await fetch(`${sandbox.url}/ourvoice/v1${path}`, {
      method: init.method ?? "GET",
      headers: {
        authorization: `Bearer ${init.key ?? "sandbox-key"}`,
        accept: "application/json",
        ...(init.body !== undefined && { "content-type": "application/json" }),
      },
      body: init.body === undefined ? undefined : JSON.stringify(init.body),
    }),
  );

beforeEach(() => sandbox.reset());

describe("Our Voice flows in the sandbox", () => {
  test("a wrong API key is answered 401 Unauthenticated", async () => {
    const r = await api("/flows", { key: "nope" });
    expect(r).toMatchObject({ status: 401, body: { message: "Unauthenticated." } });
  });

  test("the seeded flows list in a Laravel page with links and meta", async () => {
    const r = await api("/flows?limit=4");
    expect(r.status).toBe(200);
    expect(r.body.data).toHaveLength(4);
    expect(r.body.meta).toMatchObject({ current_page: 1, per_page: 4, total: 6, last_page: 2, from: 1, to: 4 });
    expect(r.body.links.prev).toBeNull();
    const next: any = await fetch(r.body.links.next, { headers: { authorization: "Bearer sandbox-key" } }).then((x) =>
      x.json(),
    );
    expect(next.data).toHaveLength(2);
    expect(next.links.next).toBeNull();
    const ids = new Set([...r.body.data, ...next.data].map((f: any) => f.id));
    expect(ids.size).toBe(6);
  });

  test("the seeded data set is the same for the same seed", async () => {
    const a = (await api("/flows")).body.data.map((f: any) => f.id);
    await sandbox.reset();
    expect((await api("/flows")).body.data.map((f: any) => f.id)).toEqual(a);
  });

  test("filters narrow the list", async () => {
    const r = await api("/flows?filter[type]=sms");
    expect(r.body.data.length).toBeGreaterThan(0);
    expect(r.body.data.every((f: any) => f.type === "sms")).toBe(true);
    expect(r.body.meta.total).toBe(r.body.data.length);
  });

  test("create answers 201 with server defaults, and get returns the same flow", async () => {
    const created = await api("/flows", {
      method: "POST",
      body: { name: "Billing", type: "voice", metadata: { a: 1 } },
    });
    expect(created.status).toBe(201);
    const flow = created.body.data;
    expect(flow).toMatchObject({
      name: "Billing",
      type: "voice",
      status: "draft",
      description: null,
      flow_executions_count: 0,
    });
    expect(flow.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(flow.metadata).toBe('{"a":1}');
    expect(flow.created_at).toMatch(/\.\d{6}Z$/);
    expect((await api(`/flows/${flow.id}`)).body.data).toEqual(flow);
  });

  test("invalid bodies get a Laravel 422 naming each field and the allowed values", async () => {
    const r = await api("/flows", { method: "POST", body: { type: "fax", metadata: "{not json" } });
    expect(r.status).toBe(422);
    expect(Object.keys(r.body.errors).sort()).toEqual(["metadata", "name", "type"]);
    expect(r.body.errors.name[0]).toBe("The name field is required.");
    expect(r.body.errors.type[0]).toMatch(/voice, sms/);
    expect(r.body.message).toMatch(/\(and 2 more errors\)$/);
  });

  test("PUT and PATCH change only the fields sent", async () => {
    const flow = (await api("/flows", { method: "POST", body: { name: "A", type: "voice", description: "d" } })).body
      .data;
    const put = await api(`/flows/${flow.id}`, { method: "PUT", body: { status: "published" } });
    expect(put.body.data).toMatchObject({ name: "A", description: "d", status: "published" });
    const patch = await api(`/flows/${flow.id}`, { method: "PATCH", body: { description: null } });
    expect(patch.body.data).toMatchObject({ name: "A", description: null, status: "published" });
  });

  test("delete answers 204, then the flow is 404", async () => {
    const flow = (await api("/flows", { method: "POST", body: { name: "Tmp", type: "sms" } })).body.data;
    expect((await api(`/flows/${flow.id}`, { method: "DELETE" })).status).toBe(204);
    const gone = await api(`/flows/${flow.id}`);
    expect(gone.status).toBe(404);
    expect(gone.body.message).toContain(flow.id);
    expect((await api(`/flows/${flow.id}`, { method: "DELETE" })).status).toBe(404);
  });

  test("over the rate limit answers 429 with Laravel's throttle headers", async () => {
    await fetch(`${sandbox.url}/_sandbox/rate-limits`, {
      method: "PUT",
      body: JSON.stringify({ ourvoice: { limit: 2, periodSeconds: 60 } }),
    });
    await api("/flows");
    await api("/flows");
    const r = await api("/flows");
    expect(r.status).toBe(429);
    expect(r.body.message).toBe("Too Many Attempts.");
    expect(Number(r.headers.get("retry-after"))).toBeGreaterThan(0);
    expect(r.headers.get("x-ratelimit-limit")).toBe("2");
    expect(r.headers.get("x-ratelimit-remaining")).toBe("0");
  });
});
