// Zoom Contact Center flows and server-to-server OAuth against the sandbox, over plain HTTP.
import { type Answer, answer, basic, useSandbox, withSandbox } from "./helpers";

const GOOD = basic("sandbox-client", "sandbox-secret");

/** Asks a sandbox for a token; `form` goes in the body unless `inQuery`; `null` sends no Authorization. */
async function tokenAt(
  url: string,
  form: Record<string, string> = { grant_type: "account_credentials", account_id: "sandbox-account" },
  authorization: string | null = GOOD,
  inQuery = false,
): Promise<Answer> {
  const params = new URLSearchParams(form).toString();
  const r = await fetch(`${url}/zoom/oauth/token${inQuery ? `?${params}` : ""}`, {
    method: "POST",
    headers: { ...(authorization && { authorization }), "content-type": "application/x-www-form-urlencoded" },
    body: inQuery ? undefined : params,
  });
  return answer(r);
}

/** Calls the API with a bearer token; a `FormData` body travels as multipart, anything else as JSON. */
async function callAt(
  url: string,
  token: string,
  path: string,
  init: { method?: string; body?: unknown } = {},
): Promise<Answer> {
  const multipart = init.body instanceof FormData;
  const r = await fetch(`${url}/zoom/v2${path}`, {
    method: init.method ?? "GET",
    headers: {
      authorization: `Bearer ${token}`,
      accept: "application/json",
      ...(init.body !== undefined && !multipart && { "content-type": "application/json" }),
    },
    body: init.body === undefined ? undefined : multipart ? (init.body as FormData) : JSON.stringify(init.body),
  });
  return answer(r);
}

/** The multipart form of an import; `file: null` leaves the file out. */
function importForm(fields: Record<string, string>, file: unknown = { channel: "voice", definition: { start: "a" } }) {
  const form = new FormData();
  for (const [k, v] of Object.entries(fields)) form.set(k, v);
  if (file !== null) {
    const text = typeof file === "string" ? file : JSON.stringify(file);
    form.set("flow_file", new Blob([text], { type: "application/json" }), "flow.json");
  }
  return form;
}

const sandbox = useSandbox({ rateLimits: { zoom: { limit: 10_000, periodSeconds: 60 } } });
let token: string;
const api = (path: string, init?: { method?: string; body?: unknown }) => callAt(sandbox.url, token, path, init);
const flowByName = async (name: string) =>
  (await api(`/contact_center/flows/${encodeURIComponent(name)}?flow_identifier_type=name`)).body;

beforeEach(async () => {
  await sandbox.reset();
  token = (await tokenAt(sandbox.url)).body.access_token;
});

describe("Zoom server-to-server OAuth in the sandbox", () => {
  test("account credentials with the right Basic header get a bearer token for an hour", async () => {
    const r = await tokenAt(sandbox.url);
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({ token_type: "bearer", expires_in: 3600 });
    expect(r.body.access_token).toEqual(expect.any(String));
    expect(r.body.scope).toContain("contact_center_flow:read:admin");
  });

  test("grant type and account id are also accepted as query parameters", async () => {
    const r = await tokenAt(sandbox.url, undefined, GOOD, true);
    expect(r.status).toBe(200);
  });

  test.each([
    [
      "a missing Basic header",
      null,
      undefined,
      { error: "invalid_client", reason: "Client ID or client secret missing" },
    ],
    [
      "a wrong client secret",
      basic("sandbox-client", "nope"),
      undefined,
      { error: "invalid_client", reason: "Invalid client_id or client_secret" },
    ],
    [
      "a wrong client id",
      basic("someone", "sandbox-secret"),
      undefined,
      { error: "invalid_client", reason: "Invalid client_id or client_secret" },
    ],
    [
      "a missing grant type",
      GOOD,
      { account_id: "sandbox-account" },
      { error: "invalid_request", reason: "Grant type missing" },
    ],
    [
      "another grant type",
      GOOD,
      { grant_type: "client_credentials", account_id: "sandbox-account" },
      { error: "unsupported_grant_type" },
    ],
    ["a missing account id", GOOD, { grant_type: "account_credentials" }, { error: "invalid_request" }],
    [
      "a wrong account id",
      GOOD,
      { grant_type: "account_credentials", account_id: "other" },
      { error: "invalid_request", reason: "Invalid account_id" },
    ],
  ])("%s is refused with 400 and an OAuth error", async (_, authorization, form, expected) => {
    const r = await tokenAt(
      sandbox.url,
      form ?? { grant_type: "account_credentials", account_id: "sandbox-account" },
      authorization,
    );
    expect(r.status).toBe(400);
    expect(r.body).toMatchObject(expected);
    expect(r.body.access_token).toBeUndefined();
  });

  test("a made-up bearer token is answered 401 with code 124", async () => {
    const r = await callAt(sandbox.url, "not-a-token", "/contact_center/flows");
    expect(r).toMatchObject({ status: 401, body: { code: 124, message: "Invalid access token." } });
  });

  test("a request without an Authorization header is answered 401 with code 124", async () => {
    const r = await answer(await fetch(`${sandbox.url}/zoom/v2/contact_center/flows`));
    expect(r).toMatchObject({ status: 401, body: { code: 124 } });
  });

  test("a token stops working once its lifetime is over", async () => {
    await withSandbox({ tokenTtl: { zoom: 1 } }, async (short) => {
      const t = await tokenAt(short.url);
      expect(t.body.expires_in).toBe(1);
      expect((await callAt(short.url, t.body.access_token, "/contact_center/flows")).status).toBe(200);
      await new Promise((r) => setTimeout(r, 1_200));
      const late = await callAt(short.url, t.body.access_token, "/contact_center/flows");
      expect(late).toMatchObject({ status: 401, body: { code: 124 } });
    });
  });
});

describe("listing Zoom flows in the sandbox", () => {
  test("the seeded flows come 30 to a page by default with the Zoom envelope", async () => {
    const r = await api("/contact_center/flows");
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({ next_page_token: "", page_size: 30, total_records: 8 });
    expect(r.body.flows).toHaveLength(8);
    for (const f of r.body.flows) {
      expect(f.flow_id).toMatch(/^[A-Za-z0-9_-]{22}$/);
      expect(f.last_modified_time).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/);
    }
  });

  test("the seeded data set is the same for the same seed", async () => {
    const ids = (await api("/contact_center/flows")).body.flows.map((f: any) => f.flow_id);
    await sandbox.reset();
    token = (await tokenAt(sandbox.url)).body.access_token; // reset forgets every token
    expect((await api("/contact_center/flows")).body.flows.map((f: any) => f.flow_id)).toEqual(ids);
  });

  test("next_page_token walks through every flow exactly once and is empty on the last page", async () => {
    const seen: string[] = [];
    let next = "";
    let pages = 0;
    do {
      const r = await api(`/contact_center/flows?page_size=3${next ? `&next_page_token=${next}` : ""}`);
      expect(r.status).toBe(200);
      expect(r.body).toMatchObject({ page_size: 3, total_records: 8 });
      seen.push(...r.body.flows.map((f: any) => f.flow_id));
      next = r.body.next_page_token;
      pages++;
    } while (next);
    expect(pages).toBe(3);
    expect(new Set(seen).size).toBe(8);
  });

  test("an unknown next_page_token is answered 400 with code 300", async () => {
    const r = await api("/contact_center/flows?next_page_token=bogus");
    expect(r).toMatchObject({ status: 400, body: { code: 300 } });
  });

  test("status and channel_type filters narrow the list and its total", async () => {
    const published = await api("/contact_center/flows?status=published");
    expect(published.body.flows.length).toBeGreaterThan(1);
    expect(published.body.flows.every((f: any) => f.status === "published")).toBe(true);
    expect(published.body.total_records).toBe(published.body.flows.length);

    const voiceDrafts = await api("/contact_center/flows?status=draft&channel_type=voice");
    expect(voiceDrafts.body.flows.map((f: any) => f.flow_name)).toEqual(["After hours"]);

    const email = await api("/contact_center/flows?channel=email");
    expect(email.body.flows.map((f: any) => f.flow_name)).toEqual(["Support inbox"]);
  });

  test.each([
    ["page_size=101", "page_size"],
    ["page_size=0", "page_size"],
    ["page_size=ten", "page_size"],
    ["status=debugging", "status"],
    ["channel_type=email", "channel_type"],
  ])("the query %s is refused with 400, code 300, naming %s", async (query, field) => {
    const r = await api(`/contact_center/flows?${query}`);
    expect(r.status).toBe(400);
    expect(r.body).toMatchObject({ code: 300, errors: [{ field }] });
    expect(r.body.errors[0].message).toContain(field);
  });
});

describe("one Zoom flow in the sandbox", () => {
  test("get returns a flow by id, and by name with flow_identifier_type=name", async () => {
    const byName = await api("/contact_center/flows/Main%20IVR?flow_identifier_type=name");
    expect(byName.status).toBe(200);
    expect(byName.body).toMatchObject({ flow_name: "Main IVR", channel_type: "voice", status: "published" });
    expect(byName.body.entry_points).toHaveLength(2);
    const byId = await api(`/contact_center/flows/${byName.body.flow_id}`);
    expect(byId.body).toEqual(byName.body);
  });

  test("an unknown flow is answered 404 with code 3201", async () => {
    expect(await api("/contact_center/flows/AAAAAAAAAAAAAAAAAAAAAA")).toMatchObject({
      status: 404,
      body: { code: 3201 },
    });
    expect(await api("/contact_center/flows/Nobody?flow_identifier_type=name")).toMatchObject({
      status: 404,
      body: { code: 3201 },
    });
  });

  test("import new answers 201 with a draft flow at version 1 and no channel_type", async () => {
    const r = await api("/contact_center/flows", {
      method: "POST",
      body: importForm({ flow_name: "Billing", import_mode: "new", flow_description: "Billing line" }),
    });
    expect(r.status).toBe(201);
    expect(r.body).toMatchObject({
      flow_name: "Billing",
      flow_description: "Billing line",
      channel: "voice",
      status: "draft",
      entry_points: [],
      flow_versions: [{ flow_version: 1, flow_version_status: "draft" }],
    });
    expect(r.body.channel_type).toBeUndefined();
    expect(r.body.flow_id).toMatch(/^[A-Za-z0-9_-]{22}$/);
    expect((await api(`/contact_center/flows/${r.body.flow_id}`)).body.channel_type).toBe("voice");
  });

  test("import version adds the next version to the flow of that name and channel", async () => {
    const first = await api("/contact_center/flows", {
      method: "POST",
      body: importForm({ flow_name: "Billing", import_mode: "new" }),
    });
    const second = await api("/contact_center/flows", {
      method: "POST",
      body: importForm({ flow_name: "Billing", import_mode: "version", flow_version_description: "second" }),
    });
    expect(second.status).toBe(201);
    expect(second.body.flow_id).toBe(first.body.flow_id);
    expect(second.body.flow_versions.map((v: any) => v.flow_version)).toEqual([1, 2]);
    expect(second.body.flow_versions[1].flow_version_description).toBe("second");
  });

  test("import version of a flow that does not exist is answered 404 with code 3201", async () => {
    const r = await api("/contact_center/flows", {
      method: "POST",
      body: importForm({ flow_name: "Nobody", import_mode: "version" }),
    });
    expect(r).toMatchObject({ status: 404, body: { code: 3201 } });
  });

  test("import new with a name already taken is answered 400 with code 3202", async () => {
    const r = await api("/contact_center/flows", {
      method: "POST",
      body: importForm({ flow_name: "Main IVR", import_mode: "new" }),
    });
    expect(r).toMatchObject({ status: 400, body: { code: 3202 } });
  });

  test("import without a file or mode, or with a file that is not JSON, is refused with code 300", async () => {
    const noFile = await api("/contact_center/flows", {
      method: "POST",
      body: importForm({ flow_name: "X" }, null),
    });
    expect(noFile.status).toBe(400);
    expect(noFile.body.code).toBe(300);
    expect(noFile.body.errors.map((e: any) => e.field).sort()).toEqual(["flow_file", "import_mode"]);

    const notJson = await api("/contact_center/flows", {
      method: "POST",
      body: importForm({ flow_name: "X", import_mode: "new" }, "<xml/>"),
    });
    expect(notJson).toMatchObject({ status: 400, body: { code: 300, errors: [{ field: "flow_file" }] } });
  });

  test("import sent as JSON instead of multipart fails validation", async () => {
    const r = await api("/contact_center/flows", { method: "POST", body: { flow_name: "X", import_mode: "new" } });
    expect(r).toMatchObject({ status: 400, body: { code: 300 } });
  });

  test("PATCH changes the name and descriptions and answers 204 with no body", async () => {
    const flow = await flowByName("After hours");
    const r = await api(`/contact_center/flows/${flow.flow_id}`, {
      method: "PATCH",
      body: { flow_version: 1, flow_name: "Night line", flow_description: "nights", flow_version_description: "v1!" },
    });
    expect(r.status).toBe(204);
    expect(r.body).toBeUndefined();
    const after = (await api(`/contact_center/flows/${flow.flow_id}`)).body;
    expect(after).toMatchObject({
      flow_name: "Night line",
      flow_description: "nights",
      flow_versions: [{ flow_version: 1, flow_version_description: "v1!" }],
    });
  });

  test("PATCH without flow_version is refused with code 300; to a taken name with 3202; of a missing version with 3201", async () => {
    const flow = await flowByName("After hours");
    const path = `/contact_center/flows/${flow.flow_id}`;
    expect(await api(path, { method: "PATCH", body: { flow_name: "x" } })).toMatchObject({
      status: 400,
      body: { code: 300, errors: [{ field: "flow_version" }] },
    });
    expect(await api(path, { method: "PATCH", body: { flow_version: 1, flow_name: "Main IVR" } })).toMatchObject({
      status: 400,
      body: { code: 3202 },
    });
    expect(await api(path, { method: "PATCH", body: { flow_version: 9 } })).toMatchObject({
      status: 400,
      body: { code: 3201 },
    });
    expect(
      await api("/contact_center/flows/AAAAAAAAAAAAAAAAAAAAAA", { method: "PATCH", body: { flow_version: 1 } }),
    ).toMatchObject({ status: 404, body: { code: 3201 } });
  });

  test("publish makes a version published, archives the one before, and answers 204", async () => {
    const flow = await flowByName("Web chat support");
    expect(flow.flow_versions.map((v: any) => v.flow_version_status)).toEqual(["published", "draft"]);
    const r = await api(`/contact_center/flows/${flow.flow_id}/publish?flow_version=2`, { method: "PUT" });
    expect(r.status).toBe(204);
    const after = await flowByName("Web chat support");
    expect(after.status).toBe("published");
    expect(after.flow_versions.map((v: any) => v.flow_version_status)).toEqual(["archived", "published"]);
  });

  test("publish without a version publishes the latest, turning a draft flow published", async () => {
    const flow = await flowByName("After hours");
    expect(flow.status).toBe("draft");
    expect((await api(`/contact_center/flows/${flow.flow_id}/publish`, { method: "PUT" })).status).toBe(204);
    expect((await flowByName("After hours")).status).toBe("published");
  });

  test("publish of a missing version is answered 400 with code 3201", async () => {
    const flow = await flowByName("After hours");
    const r = await api(`/contact_center/flows/${flow.flow_id}/publish?flow_version=7`, { method: "PUT" });
    expect(r).toMatchObject({ status: 400, body: { code: 3201 } });
  });

  test("export returns the version's JSON file, which imports back as a flow of the same channel", async () => {
    const flow = await flowByName("SMS notifications");
    const r = await api(`/contact_center/flows/${flow.flow_id}/export?flow_version=1`);
    expect(r.status).toBe(200);
    expect(r.headers.get("content-disposition")).toMatch(/attachment; filename=".+\.json"/);
    expect(r.body).toMatchObject({ flow_name: "SMS notifications", channel: "messaging", channel_type: "sms" });
    const copy = await api("/contact_center/flows", {
      method: "POST",
      body: importForm({ flow_name: "SMS copy", import_mode: "new" }, r.body),
    });
    expect(copy.status).toBe(201);
    expect(copy.body).toMatchObject({ channel: "messaging", channel_source: "sms" });
  });

  test("export needs flow_version, and an unknown flow or version is answered 400 with code 3201", async () => {
    const flow = await flowByName("SMS notifications");
    expect(await api(`/contact_center/flows/${flow.flow_id}/export`)).toMatchObject({
      status: 400,
      body: { code: 300, errors: [{ field: "flow_version" }] },
    });
    expect(await api(`/contact_center/flows/${flow.flow_id}/export?flow_version=5`)).toMatchObject({
      status: 400,
      body: { code: 3201 },
    });
    expect(await api("/contact_center/flows/AAAAAAAAAAAAAAAAAAAAAA/export?flow_version=1")).toMatchObject({
      status: 400,
      body: { code: 3201 },
    });
  });

  test("delete answers 204 and the flow is gone (404 code 3201) afterwards", async () => {
    const flow = await flowByName("Video concierge");
    const path = `/contact_center/flows/${flow.flow_id}`;
    const r = await api(path, { method: "DELETE" });
    expect(r.status).toBe(204);
    expect(r.body).toBeUndefined();
    expect(await api(path)).toMatchObject({ status: 404, body: { code: 3201 } });
    expect(await api(path, { method: "DELETE" })).toMatchObject({ status: 404, body: { code: 3201 } });
  });

  test("delete of a flow with entry points is refused with 400 code 3209", async () => {
    const flow = await flowByName("Main IVR");
    const r = await api(`/contact_center/flows/${flow.flow_id}`, { method: "DELETE" });
    expect(r).toMatchObject({ status: 400, body: { code: 3209 } });
    expect(r.body.message).toContain("Main line");
    expect((await api(`/contact_center/flows/${flow.flow_id}`)).status).toBe(200);
  });
});

describe("Zoom rate limits in the sandbox", () => {
  test("going over the budget is answered 429 with Zoom's headers and an ISO-8601 Retry-After", async () => {
    await withSandbox({ rateLimits: { zoom: { limit: 2, periodSeconds: 60 } } }, async (tight) => {
      const t = (await tokenAt(tight.url)).body.access_token;
      expect((await callAt(tight.url, t, "/contact_center/flows")).status).toBe(200);
      expect((await callAt(tight.url, t, "/contact_center/flows")).status).toBe(200);
      const before = Date.now();
      const r = await callAt(tight.url, t, "/contact_center/flows");
      expect(r.status).toBe(429);
      expect(r.body).toMatchObject({ code: 429, message: expect.any(String) });
      expect(r.headers.get("x-ratelimit-category")).toBe("Medium");
      expect(r.headers.get("x-ratelimit-type")).toEqual(expect.any(String));
      expect(r.headers.get("x-ratelimit-limit")).toBe("2");
      expect(r.headers.get("x-ratelimit-remaining")).toBe("0");
      const retryAfter = r.headers.get("retry-after")!;
      expect(retryAfter).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/);
      const wait = Date.parse(retryAfter) - before;
      expect(wait).toBeGreaterThan(50_000);
      expect(wait).toBeLessThanOrEqual(62_000);
    });
  });
});
