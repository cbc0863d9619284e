// The official Genesys Cloud JavaScript SDK as an outside referee of the sandbox's journey
// configuration beyond segments, through JourneyApi's generated methods: outcomes
// (get/post/patch/deleteJourneyOutcome(s)) and action templates (…JourneyActiontemplate(s)).
import { useSandbox } from "./helpers";
import { genesysSdkClient, platformClient, refused, type SdkResponse } from "./sdk";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const ISO = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{3})?Z$/;
const NO_SUCH_ID = "00000000-0000-4000-8000-000000000000";

const fieldNames = (body: any): string[] => (body.details ?? []).map((d: any) => d.fieldName);

describe("Genesys journey outcomes through the official SDK", () => {
  const sandbox = useSandbox();
  let api: any;

  beforeAll(async () => {
    const client = genesysSdkClient(sandbox.url);
    await client.loginClientCredentialsGrant("sandbox-client", "sandbox-secret");
    api = new platformClient.JourneyApi(client);
  });

  const create = (body: object) => api.postJourneyOutcomes({ body }) as Promise<SdkResponse>;
  const purchase = {
    patterns: [
      {
        criteria: [{ key: "page.url", values: ["/thank-you"], operator: "containsAny" }],
        count: 1,
        streamType: "Web",
        sessionType: "web",
      },
    ],
  };

  it("creates an outcome with the server's defaults", async () => {
    const res = await create({ displayName: "Defaults" });
    expect(res.status).toBe(201);
    expect(res.body).toEqual({
      id: expect.stringMatching(UUID),
      displayName: "Defaults",
      version: 1,
      isActive: true,
      isPositive: true,
      context: { patterns: [] },
      journey: { patterns: [] },
      selfUri: `/api/v2/journey/outcomes/${res.body.id}`,
      createdDate: expect.stringMatching(ISO),
      modifiedDate: res.body.createdDate,
    });
  });

  it("stores conditions with the criteria defaults written out, and the value field", async () => {
    const { body } = await create({
      displayName: "Purchase",
      isPositive: true,
      journey: purchase,
      associatedValueField: { dataType: "Number", name: "attributes.orderTotal.value" },
    });
    expect(body.journey.patterns[0].criteria[0]).toEqual({
      key: "page.url",
      values: ["/thank-you"],
      operator: "containsAny",
      shouldIgnoreCase: false,
    });
    expect(body.associatedValueField).toEqual({ dataType: "Number", name: "attributes.orderTotal.value" });
    expect((await api.getJourneyOutcome(body.id)).body).toEqual(body);
  });

  it.each([
    ["a missing displayName", {}, "displayName"],
    [
      "a value type the API does not have",
      { displayName: "x", associatedValueField: { dataType: "Currency", name: "total" } },
      "associatedValueField.dataType",
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

  it("answers an unknown outcome id with 404 not.found", async () => {
    const err = await refused(api.getJourneyOutcome(NO_SUCH_ID));
    expect(err.status).toBe(404);
    expect(err.body).toMatchObject({ status: 404, code: "not.found" });
  });

  describe("listing", () => {
    let ids: string[];
    beforeAll(async () => {
      ids = [];
      for (const name of ["List Alpha", "List Beta", "List Gamma"])
        ids.push((await create({ displayName: name })).body.id);
    });

    it("pages with relative URIs and counts every outcome", async () => {
      const { body } = await api.getJourneyOutcomes({ pageSize: 2, pageNumber: 1 });
      expect(body.entities).toHaveLength(2);
      expect(body.total).toBeGreaterThanOrEqual(3);
      expect(body.pageCount).toBe(Math.ceil(body.total / 2));
      expect(body.nextUri).toBe("/api/v2/journey/outcomes?pageSize=2&pageNumber=2");
    });

    it("answers outcomeIds with exactly those outcomes, and refuses them with paging", async () => {
      const { body } = await api.getJourneyOutcomes({ outcomeIds: [ids[0], ids[2], NO_SUCH_ID] });
      expect(body.entities.map((o: any) => o.id).sort()).toEqual([ids[0], ids[2]].sort());
      const err = await refused(api.getJourneyOutcomes({ outcomeIds: [ids[0]], pageSize: 5 }));
      expect(err.status).toBe(400);
      expect(fieldNames(err.body)).toContain("outcomeIds");
      // The swagger's limit is 20 ids per request.
      const many = Array.from({ length: 21 }, () => NO_SUCH_ID);
      expect((await refused(api.getJourneyOutcomes({ outcomeIds: many }))).status).toBe(400);
    });

    it("filters by queryValue in the display name and sorts by a field", async () => {
      const { body } = await api.getJourneyOutcomes({ queryFields: ["displayName"], queryValue: "list b" });
      expect(body.entities.map((o: any) => o.displayName)).toEqual(["List Beta"]);
      const sorted = await api.getJourneyOutcomes({ queryValue: "List", sortBy: "-displayName" });
      expect(sorted.body.entities.map((o: any) => o.displayName)).toEqual(["List Gamma", "List Beta", "List Alpha"]);
      expect((await refused(api.getJourneyOutcomes({ sortBy: "context" }))).status).toBe(400);
    });
  });

  describe("PATCH", () => {
    let outcome: any;
    beforeEach(async () => {
      outcome = (
        await create({
          displayName: `Patch me ${Math.random()}`,
          description: "keep",
          associatedValueField: { dataType: "Number", name: "attributes.total.value" },
        })
      ).body;
    });

    it("changes the fields sent and increments the version", async () => {
      const res = await api.patchJourneyOutcome(outcome.id, {
        body: { displayName: outcome.displayName, isPositive: false, version: 1 },
      });
      expect(res.status).toBe(200);
      expect(res.body).toEqual({ ...outcome, isPositive: false, version: 2, modifiedDate: expect.stringMatching(ISO) });
    });

    it("needs the displayName, as the SDK's PatchOutcome does", async () => {
      const err = await refused(api.patchJourneyOutcome(outcome.id, { body: { isActive: false } }));
      expect(err.status).toBe(400);
      expect(fieldNames(err.body)).toContain("displayName");
    });

    it("clears description and the value field sent as null", async () => {
      const { body } = await api.patchJourneyOutcome(outcome.id, {
        body: { displayName: outcome.displayName, description: null, associatedValueField: null },
      });
      expect(body).not.toHaveProperty("description");
      expect(body).not.toHaveProperty("associatedValueField");
    });

    it("refuses a stale version with 409 and leaves the outcome alone", async () => {
      await api.patchJourneyOutcome(outcome.id, { body: { displayName: "First", version: 1 } });
      const err = await refused(api.patchJourneyOutcome(outcome.id, { body: { displayName: "Second", version: 1 } }));
      expect(err.status).toBe(409);
      expect(err.body.message).toContain("does not match the current version");
      expect((await api.getJourneyOutcome(outcome.id)).body).toMatchObject({ displayName: "First", version: 2 });
    });

    it("replaces the journey as a whole and refuses an incomplete criterion, naming it", async () => {
      const { body } = await api.patchJourneyOutcome(outcome.id, {
        body: { displayName: outcome.displayName, journey: purchase },
      });
      expect(body.journey.patterns).toHaveLength(1);
      const err = await refused(
        api.patchJourneyOutcome(outcome.id, {
          body: {
            displayName: outcome.displayName,
            journey: { patterns: [{ criteria: [{ values: ["x"] }], count: 1, streamType: "Web", sessionType: "web" }] },
          },
        }),
      );
      expect(err.status).toBe(400);
      expect(fieldNames(err.body)).toContain("journey.patterns[0].criteria[0].key");
    });
  });

  it("deletes an outcome with 204, after which it is gone", async () => {
    const { body } = await create({ displayName: "Delete me" });
    expect((await api.deleteJourneyOutcome(body.id)).status).toBe(204);
    expect((await refused(api.getJourneyOutcome(body.id))).status).toBe(404);
    expect((await refused(api.deleteJourneyOutcome(body.id))).status).toBe(404);
  });
});

describe("Genesys journey action templates through the official SDK", () => {
  const sandbox = useSandbox();
  let api: any;

  beforeAll(async () => {
    const client = genesysSdkClient(sandbox.url);
    await client.loginClientCredentialsGrant("sandbox-client", "sandbox-secret");
    api = new platformClient.JourneyApi(client);
  });

  const create = (body: object) => api.postJourneyActiontemplates({ body }) as Promise<SdkResponse>;
  const offer = {
    displayMode: "Modal",
    layoutMode: "LeftText",
    headline: "Free shipping",
    callToAction: { url: "https://example.com/offer", text: "Shop", target: "Blank" },
    style: { title: { color: "#112233", textAlign: "Center" }, closeButton: { opacity: 0.5 } },
  };

  it("creates a template as sent, version 1", async () => {
    const res = await create({
      name: "Shipping offer",
      mediaType: "contentOffer",
      state: "Active",
      contentOffer: offer,
    });
    expect(res.status).toBe(201);
    expect(res.body).toEqual({
      id: expect.stringMatching(UUID),
      name: "Shipping offer",
      mediaType: "contentOffer",
      state: "Active",
      contentOffer: offer,
      version: 1,
      selfUri: `/api/v2/journey/actiontemplates/${res.body.id}`,
      createdDate: expect.stringMatching(ISO),
      modifiedDate: res.body.createdDate,
    });
    expect((await api.getJourneyActiontemplate(res.body.id)).body).toEqual(res.body);
  });

  it.each([
    ["a missing state", { name: "x", mediaType: "webMessagingOffer" }, "state"],
    ["an unknown media type", { name: "x", mediaType: "sms", state: "Active" }, "mediaType"],
    [
      "a content offer template without its offer",
      { name: "x", mediaType: "contentOffer", state: "Active" },
      "contentOffer",
    ],
    [
      "an offer on another media type",
      { name: "x", mediaType: "architectFlow", state: "Active", contentOffer: offer },
      "contentOffer",
    ],
    [
      "an offer without a display mode",
      { name: "x", mediaType: "contentOffer", state: "Active", contentOffer: { layoutMode: "TextOnly" } },
      "contentOffer.displayMode",
    ],
  ])("refuses %s with a 400 naming the field", async (_, body, field) => {
    const err = await refused(create(body));
    expect(err.status).toBe(400);
    expect(err.body).toMatchObject({ status: 400, code: "bad.request", message: expect.stringContaining(field) });
    expect(fieldNames(err.body)).toContain(field);
  });

  it("lists by media type, state and a query on the name", async () => {
    await create({ name: "Flow offer A", mediaType: "architectFlow", state: "Active" });
    await create({ name: "Flow offer B", mediaType: "architectFlow", state: "Inactive" });
    const flows = await api.getJourneyActiontemplates({ mediaType: "architectFlow" });
    expect(flows.body.entities.map((t: any) => t.name).sort()).toEqual(["Flow offer A", "Flow offer B"]);
    const inactive = await api.getJourneyActiontemplates({ mediaType: "architectFlow", state: "Inactive" });
    expect(inactive.body.entities.map((t: any) => t.name)).toEqual(["Flow offer B"]);
    const queried = await api.getJourneyActiontemplates({ queryFields: ["name"], queryValue: "offer a" });
    expect(queried.body.entities.map((t: any) => t.name)).toEqual(["Flow offer A"]);
  });

  it("PATCH needs the name, changes what is sent, clears a null description and refuses a stale version", async () => {
    const { body: t } = await create({
      name: "Patch template",
      description: "d",
      mediaType: "contentOffer",
      state: "Active",
      contentOffer: offer,
    });
    expect((await refused(api.patchJourneyActiontemplate(t.id, { body: { state: "Inactive" } }))).status).toBe(400);
    const { body } = await api.patchJourneyActiontemplate(t.id, {
      body: { name: t.name, version: 1, state: "Inactive", description: null, contentOffer: { ...offer, body: "Now" } },
    });
    expect(body).toMatchObject({ state: "Inactive", version: 2, contentOffer: { body: "Now" } });
    expect(body).not.toHaveProperty("description");
    const err = await refused(api.patchJourneyActiontemplate(t.id, { body: { name: t.name, version: 1 } }));
    expect(err.status).toBe(409);
  });

  it("a soft delete leaves the template in state Deleted; a hard delete removes it", async () => {
    const { body: t } = await create({ name: "Delete template", mediaType: "webMessagingOffer", state: "Active" });
    expect((await api.deleteJourneyActiontemplate(t.id)).status).toBe(204);
    expect((await api.getJourneyActiontemplate(t.id)).body).toMatchObject({ state: "Deleted", version: 2 });
    const deleted = await api.getJourneyActiontemplates({ state: "Deleted" });
    expect(deleted.body.entities.map((x: any) => x.id)).toContain(t.id);
    expect((await api.deleteJourneyActiontemplate(t.id, { hardDelete: true })).status).toBe(204);
    expect((await refused(api.getJourneyActiontemplate(t.id))).status).toBe(404);
    expect((await refused(api.deleteJourneyActiontemplate(t.id, { hardDelete: true }))).status).toBe(404);
  });
});
