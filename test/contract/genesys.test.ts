// The official Genesys Cloud JavaScript SDK as an outside referee of the sandbox's journey API.
import type { Sandbox } from "../../sandbox";
import { basic, useSandbox } from "./helpers";
import { genesysSdkClient, platformClient, refused, type SdkResponse } from "./sdk";

const CLIENT_ID = "sandbox-client";
const CLIENT_SECRET = "sandbox-secret";
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const ISO = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{3})?Z$/;

/** An SDK client pointed at a sandbox through the SDK's own gateway setting. */
function sdkClient(sandbox: Sandbox) {
  const client = genesysSdkClient(sandbox.url);
  return { client, api: new platformClient.JourneyApi(client) };
}

/** Logs in with client credentials and returns a ready JourneyApi. */
async function connect(sandbox: Sandbox, secret = CLIENT_SECRET) {
  const { client, api } = sdkClient(sandbox);
  await client.loginClientCredentialsGrant(CLIENT_ID, secret);
  return { client, api, token: client.authData.accessToken as string };
}

const fieldNames = (body: any): string[] => (body.details ?? []).map((d: any) => d.fieldName);

describe("Genesys sandbox through the official SDK", () => {
  const sandbox = useSandbox();
  let api: any;
  let token: string;
  const base = () => `${sandbox.url}/genesys/api/v2`;
  const raw = (path: string, init: RequestInit = {}) =>
    fetch(`${base()}${path}`, {
      ...init,
      headers: { Authorization: `Bearer ${token}`, "Content-Type": "application/json", ...init.headers },
    });

  beforeAll(async () => {
    ({ api, token } = await connect(sandbox));
  });

  describe("OAuth client credentials", () => {
    it("issues a bearer token to the SDK's login", async () => {
      const { client } = sdkClient(sandbox);
      const auth = await client.loginClientCredentialsGrant(CLIENT_ID, CLIENT_SECRET);
      expect(auth.accessToken).toEqual(expect.any(String));
      expect(auth.tokenExpiryTime).toBeGreaterThan(Date.now() + 86_000_000);
    });

    it("answers the token request in the login service's shape", async () => {
      const res = await fetch(`${sandbox.url}/genesys/oauth/token`, {
        method: "POST",
        headers: {
          Authorization: basic(CLIENT_ID, CLIENT_SECRET),
          "Content-Type": "application/x-www-form-urlencoded",
        },
        body: "grant_type=client_credentials",
      });
      expect(res.status).toBe(200);
      expect(await res.json()).toEqual({ access_token: expect.any(String), token_type: "bearer", expires_in: 86_400 });
    });

    it("refuses a wrong secret with invalid_client", async () => {
      const err: any = await refused(sdkClient(sandbox).client.loginClientCredentialsGrant(CLIENT_ID, "wrong"));
      expect(err.response.status).toBe(401);
      expect(err.response.data).toMatchObject({ error: "invalid_client" });
    });

    it("refuses a grant other than client_credentials", async () => {
      const res = await fetch(`${sandbox.url}/genesys/oauth/token`, {
        method: "POST",
        headers: { Authorization: basic(CLIENT_ID, CLIENT_SECRET) },
        body: "grant_type=password",
      });
      expect(res.status).toBe(400);
      expect(await res.json()).toMatchObject({ error: "unsupported_grant_type" });
    });

    it("answers an API call without a bearer token with authentication.required", async () => {
      const res = await fetch(`${base()}/journey/segments`);
      expect(res.status).toBe(401);
      expect(await res.json()).toMatchObject({ status: 401, code: "authentication.required" });
    });

    it("answers an unknown bearer token with bad.credentials", async () => {
      const res = await fetch(`${base()}/journey/segments`, { headers: { Authorization: "Bearer nope" } });
      expect(res.status).toBe(401);
      expect(await res.json()).toMatchObject({ status: 401, code: "bad.credentials" });
    });
  });

  describe("journey segments", () => {
    const create = (body: object) => api.postJourneySegments({ body }) as Promise<SdkResponse>;

    it("creates a segment with the server's defaults", async () => {
      const res = await create({ displayName: "Defaults" });
      expect(res.status).toBe(201);
      const s = res.body;
      expect(s).toEqual({
        id: expect.stringMatching(UUID),
        displayName: "Defaults",
        version: 1,
        isActive: true,
        color: expect.stringMatching(/^#[0-9a-fA-F]{6}$/),
        scope: "Session",
        shouldDisplayToAgent: false,
        context: { patterns: [] },
        journey: { patterns: [] },
        selfUri: `/api/v2/journey/segments/${s.id}`,
        createdDate: expect.stringMatching(ISO),
        modifiedDate: s.createdDate,
      });
    });

    it("fills operator and shouldIgnoreCase of criteria sent without them", async () => {
      const { body } = await create({
        displayName: "Criteria",
        context: { patterns: [{ criteria: [{ key: "device.category", values: ["mobile"], entityType: "visit" }] }] },
        journey: {
          patterns: [
            {
              criteria: [{ key: "page.url", values: ["/checkout"], operator: "containsAny" }],
              count: 2,
              streamType: "Web",
              sessionType: "web",
            },
          ],
        },
      });
      expect(body.context.patterns[0].criteria[0]).toEqual({
        key: "device.category",
        values: ["mobile"],
        entityType: "visit",
        operator: "equal",
        shouldIgnoreCase: false,
      });
      expect(body.journey.patterns[0]).toEqual({
        criteria: [{ key: "page.url", values: ["/checkout"], operator: "containsAny", shouldIgnoreCase: false }],
        count: 2,
        streamType: "Web",
        sessionType: "web",
      });
    });

    it.each([
      ["a missing displayName", {}, "displayName"],
      ["a colour that is not #RRGGBB", { displayName: "x", color: "red" }, "color"],
      [
        "an unknown operator",
        {
          displayName: "x",
          context: { patterns: [{ criteria: [{ key: "k", values: [], entityType: "visit", operator: "like" }] }] },
        },
        "context.patterns[0].criteria[0].operator",
      ],
      [
        "a stream type the API rejects",
        {
          displayName: "x",
          journey: { patterns: [{ criteria: [], count: 1, streamType: "Custom", sessionType: "web" }] },
        },
        "journey.patterns[0].streamType",
      ],
    ])("refuses %s with a 400 naming the field", async (_, body, field) => {
      const err = await refused(create(body));
      expect(err.status).toBe(400);
      expect(err.body).toMatchObject({ status: 400, code: "bad.request", message: expect.stringContaining(field) });
      expect(fieldNames(err.body)).toContain(field);
    });

    it("reads a segment back as created", async () => {
      const { body: created } = await create({ displayName: "Read me", description: "d" });
      const res = await api.getJourneySegment(created.id);
      expect(res.status).toBe(200);
      expect(res.body).toEqual(created);
    });

    it("answers an unknown segment id with 404 not.found", async () => {
      const err = await refused(api.getJourneySegment("00000000-0000-4000-8000-000000000000"));
      expect(err.status).toBe(404);
      expect(err.body).toMatchObject({ status: 404, code: "not.found" });
    });

    describe("listing", () => {
      let ids: string[];
      beforeAll(async () => {
        await sandbox.reset();
        ({ api, token } = await connect(sandbox));
        ids = [];
        for (const [name, isActive] of [
          ["Echo", true],
          ["Alpha", true],
          ["Delta", false],
          ["Charlie", true],
          ["Bravo", true],
        ] as const) {
          ids.push((await create({ displayName: name, isActive })).body.id);
        }
      });

      it("pages with pageSize and pageNumber and links the neighbouring pages", async () => {
        const { body } = await api.getJourneySegments({ pageSize: 2, pageNumber: 2 });
        expect(body).toMatchObject({ pageSize: 2, pageNumber: 2, total: 5, pageCount: 3 });
        expect(body.entities.map((s: any) => s.displayName)).toEqual(["Delta", "Charlie"]);
        expect(body.firstUri).toBe("/api/v2/journey/segments?pageSize=2&pageNumber=1");
        expect(body.previousUri).toBe("/api/v2/journey/segments?pageSize=2&pageNumber=1");
        expect(body.nextUri).toBe("/api/v2/journey/segments?pageSize=2&pageNumber=3");
        expect(body.lastUri).toBe("/api/v2/journey/segments?pageSize=2&pageNumber=3");
        expect(body.selfUri).toBe("/api/v2/journey/segments?pageSize=2&pageNumber=2");
      });

      it("has no nextUri on the last page and defaults to 25 per page", async () => {
        const last = (await api.getJourneySegments({ pageSize: 2, pageNumber: 3 })).body;
        expect(last.entities).toHaveLength(1);
        expect(last.nextUri).toBeUndefined();
        const first = (await api.getJourneySegments()).body;
        expect(first).toMatchObject({ pageSize: 25, pageNumber: 1, total: 5, pageCount: 1 });
        expect(first.previousUri).toBeUndefined();
      });

      it("sorts by sortBy, descending with a leading minus", async () => {
        const { body } = await api.getJourneySegments({ sortBy: "-displayName" });
        expect(body.entities.map((s: any) => s.displayName)).toEqual(["Echo", "Delta", "Charlie", "Bravo", "Alpha"]);
      });

      it("keeps only active segments with isActive=true", async () => {
        const { body } = await api.getJourneySegments({ isActive: true });
        expect(body.total).toBe(4);
        expect(body.entities.every((s: any) => s.isActive)).toBe(true);
      });

      it("returns just the segments named by segmentIds", async () => {
        const { body } = await api.getJourneySegments({ segmentIds: [ids[1], ids[3]] });
        expect(body.entities.map((s: any) => s.id)).toEqual([ids[1], ids[3]]);
      });

      it("takes segmentIds as repeated keys too", async () => {
        const res = await raw(`/journey/segments?segmentIds=${ids[0]}&segmentIds=${ids[4]}`);
        expect(((await res.json()) as any).entities.map((s: any) => s.id)).toEqual([ids[0], ids[4]]);
      });

      it("refuses more than 100 segmentIds, naming the parameter", async () => {
        const many = Array.from({ length: 101 }, (_, i) => `id-${i}`);
        const err = await refused(api.getJourneySegments({ segmentIds: many }));
        expect(err.status).toBe(400);
        expect(fieldNames(err.body)).toContain("segmentIds");
      });

      it("refuses a pageSize that is not a number, naming it", async () => {
        const res = await raw("/journey/segments?pageSize=lots");
        expect(res.status).toBe(400);
        expect(fieldNames(await res.json())).toContain("pageSize");
      });
    });

    describe("PATCH", () => {
      let segment: any;
      beforeEach(async () => {
        segment = (
          await create({ displayName: "Patch me", description: "keep", color: "#112233", assignmentExpirationDays: 3 })
        ).body;
      });

      it("changes only the fields sent and increments the version", async () => {
        const res = await api.patchJourneySegment(segment.id, { body: { displayName: "Patched", version: 1 } });
        expect(res.status).toBe(200);
        expect(res.body).toEqual({
          ...segment,
          displayName: "Patched",
          version: 2,
          modifiedDate: expect.stringMatching(ISO),
        });
        expect((await api.getJourneySegment(segment.id)).body.version).toBe(2);
      });

      it("clears optional fields sent as null", async () => {
        const { body } = await api.patchJourneySegment(segment.id, {
          body: { description: null, assignmentExpirationDays: null },
        });
        expect(body).not.toHaveProperty("description");
        expect(body).not.toHaveProperty("assignmentExpirationDays");
        expect(body.color).toBe("#112233");
      });

      it("accepts a PATCH without a version and still counts it", async () => {
        await api.patchJourneySegment(segment.id, { body: { isActive: false } });
        const { body } = await api.patchJourneySegment(segment.id, { body: { shouldDisplayToAgent: true } });
        expect(body).toMatchObject({ isActive: false, shouldDisplayToAgent: true, version: 3 });
      });

      it("refuses a stale version with 409 and leaves the segment alone", async () => {
        await api.patchJourneySegment(segment.id, { body: { displayName: "First", version: 1 } });
        const err = await refused(api.patchJourneySegment(segment.id, { body: { displayName: "Second", version: 1 } }));
        expect(err.status).toBe(409);
        expect(err.body).toMatchObject({
          status: 409,
          message: expect.stringContaining("does not match the current version"),
        });
        expect((await api.getJourneySegment(segment.id)).body).toMatchObject({ displayName: "First", version: 2 });
      });

      it("replaces context as a whole and refuses an incomplete criterion, naming it", async () => {
        const context = {
          patterns: [{ criteria: [{ key: "browser.family", values: ["Firefox"], entityType: "visit" }] }],
        };
        const { body } = await api.patchJourneySegment(segment.id, { body: { context } });
        expect(body.context.patterns[0].criteria[0]).toMatchObject({ key: "browser.family", operator: "equal" });
        const err = await refused(
          api.patchJourneySegment(segment.id, {
            body: { context: { patterns: [{ criteria: [{ values: ["x"], entityType: "visit" }] }] } },
          }),
        );
        expect(err.status).toBe(400);
        expect(fieldNames(err.body)).toContain("context.patterns[0].criteria[0].key");
      });

      it("answers a PATCH of an unknown segment with 404", async () => {
        const err = await refused(
          api.patchJourneySegment("00000000-0000-4000-8000-000000000000", { body: { displayName: "x" } }),
        );
        expect(err.status).toBe(404);
        expect(err.body.code).toBe("not.found");
      });
    });

    it("deletes a segment with 204, after which it is gone", async () => {
      const { body } = await create({ displayName: "Delete me" });
      expect((await api.deleteJourneySegment(body.id)).status).toBe(204);
      expect((await refused(api.getJourneySegment(body.id))).status).toBe(404);
      expect((await refused(api.deleteJourneySegment(body.id))).status).toBe(404);
    });
  });

  describe("journey action targets", () => {
    it("lists the seeded targets, covering every media type", async () => {
      const { body } = await api.getJourneyActiontargets({ pageSize: 100 });
      expect(body.total).toBeGreaterThanOrEqual(4);
      const media = new Set(body.entities.flatMap((t: any) => t.supportedMediaTypes));
      expect([...media].sort()).toEqual(["call", "callback", "email", "generic", "messaging", "social", "webchat"]);
      for (const t of body.entities) {
        expect(t).toMatchObject({
          id: expect.any(String),
          name: expect.any(String),
          state: expect.any(String),
          selfUri: `/api/v2/journey/actiontargets/${t.id}`,
        });
      }
    });

    it("pages like every other listing", async () => {
      const { body } = await api.getJourneyActiontargets({ pageSize: 2, pageNumber: 1 });
      expect(body).toMatchObject({ pageSize: 2, pageNumber: 1, pageCount: Math.ceil(body.total / 2) });
      expect(body.entities).toHaveLength(2);
      expect(body.nextUri).toBe("/api/v2/journey/actiontargets?pageSize=2&pageNumber=2");
    });

    it("reads one target", async () => {
      const first = (await api.getJourneyActiontargets()).body.entities[0];
      const res = await api.getJourneyActiontarget(first.id);
      expect(res.body).toEqual(first);
    });

    it("patches name, serviceLevel and shortAbandonThreshold, and nothing else", async () => {
      const target = (await api.getJourneyActiontargets()).body.entities[1];
      const { body } = await api.patchJourneyActiontarget(target.id, {
        body: {
          name: "Renamed",
          serviceLevel: { percentage: 0.9, durationMs: 20_000 },
          shortAbandonThreshold: 7,
          state: "deleted",
          description: "ignored",
        },
      });
      expect(body).toEqual({
        ...target,
        name: "Renamed",
        serviceLevel: { percentage: 0.9, durationMs: 20_000 },
        shortAbandonThreshold: 7,
        modifiedDate: expect.stringMatching(ISO),
      });
    });

    it("refuses a serviceLevel percentage above 1, naming it", async () => {
      const target = (await api.getJourneyActiontargets()).body.entities[0];
      const err = await refused(
        api.patchJourneyActiontarget(target.id, { body: { serviceLevel: { percentage: 80, durationMs: 1000 } } }),
      );
      expect(err.status).toBe(400);
      expect(fieldNames(err.body)).toContain("serviceLevel.percentage");
    });

    it("answers an unknown target with 404", async () => {
      expect((await refused(api.getJourneyActiontarget("no-such-target"))).status).toBe(404);
    });

    it("offers no create and no delete, and the API refuses both", async () => {
      expect(api.postJourneyActiontargets).toBeUndefined();
      expect(api.deleteJourneyActiontarget).toBeUndefined();
      const target = (await api.getJourneyActiontargets()).body.entities[0];
      const post = await raw("/journey/actiontargets", { method: "POST", body: JSON.stringify({ name: "new" }) });
      expect(post.status).toBe(404);
      expect(await post.json()).toMatchObject({ status: 404, code: "not.found" });
      const del = await raw(`/journey/actiontargets/${target.id}`, { method: "DELETE" });
      expect(del.status).toBe(404);
      expect((await api.getJourneyActiontarget(target.id)).status).toBe(200);
    });
  });
});

describe("Genesys sandbox token expiry", () => {
  const sandbox = useSandbox({ tokenTtl: { genesys: 1 } });

  it("refuses an expired token with 401 and accepts a fresh one", async () => {
    const { client, api } = await connect(sandbox);
    expect((await api.getJourneySegments()).status).toBe(200);
    await new Promise((r) => setTimeout(r, 1_100));
    const err = await refused(api.getJourneySegments());
    expect(err.status).toBe(401);
    expect(err.body).toMatchObject({ status: 401, code: "credentials.expired" });
    await client.loginClientCredentialsGrant(CLIENT_ID, CLIENT_SECRET);
    expect((await api.getJourneySegments()).status).toBe(200);
  });
});

describe("Genesys sandbox rate limit", () => {
  const sandbox = useSandbox({ rateLimits: { genesys: { limit: 2, periodSeconds: 60 } } });

  it("answers the request over budget with 429, Retry-After seconds and too.many.requests", async () => {
    const { api } = await connect(sandbox);
    await api.getJourneySegments();
    await api.getJourneyActiontargets();
    const err = await refused(api.getJourneySegments());
    expect(err.status).toBe(429);
    const wait = Number(err.headers["retry-after"]);
    expect(Number.isInteger(wait) && wait >= 1 && wait <= 60).toBe(true);
    expect(err.body).toMatchObject({ status: 429, code: "too.many.requests" });
  });
});
