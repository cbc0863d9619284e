// The official Genesys Cloud JavaScript SDK as an outside referee of the sandbox's journey
// configuration beyond segments, through JourneyApi's generated methods: outcomes
// (get/post/patch/deleteJourneyOutcome(s)), action templates (…JourneyActiontemplate(s)) and
// action maps (…JourneyActionmap(s)), with the references between them.
import { startSandbox } from "../../sandbox";
import { genesysToken, useSandbox } from "./helpers";
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

describe("Genesys journey action maps through the official SDK", () => {
  const sandbox = useSandbox();
  let api: any;
  let segment: any;
  let outcome: any;
  let template: any;
  let webchatTarget: any;
  let emailTarget: any;

  beforeAll(async () => {
    const client = genesysSdkClient(sandbox.url);
    await client.loginClientCredentialsGrant("sandbox-client", "sandbox-secret");
    api = new platformClient.JourneyApi(client);
    segment = (await api.postJourneySegments({ body: { displayName: "Map buyers" } })).body;
    outcome = (await api.postJourneyOutcomes({ body: { displayName: "Map purchase" } })).body;
    template = (
      await api.postJourneyActiontemplates({
        body: {
          name: "Map offer",
          mediaType: "contentOffer",
          state: "Active",
          contentOffer: { displayMode: "Toast", layoutMode: "TextOnly" },
        },
      })
    ).body;
    const targets = (await api.getJourneyActiontargets({ pageSize: 100 })).body.entities;
    webchatTarget = targets.find((t: any) => t.supportedMediaTypes.includes("webchat"));
    emailTarget = targets.find((t: any) => !t.supportedMediaTypes.includes("webchat"));
  });

  const create = (body: object) => api.postJourneyActionmaps({ body }) as Promise<SdkResponse>;
  const offerMap = (displayName: string) => ({
    displayName,
    triggerWithSegments: [segment.id],
    triggerWithOutcomeProbabilityConditions: [{ outcomeId: outcome.id, maximumProbability: 0.7 }],
    pageUrlConditions: [{ values: ["/checkout"], operator: "containsAny" }],
    action: { mediaType: "contentOffer", actionTemplate: { id: template.id } },
  });

  it("creates a map with the server's defaults, its references checked", async () => {
    const res = await create(offerMap("Offer to buyers"));
    expect(res.status).toBe(201);
    expect(res.body).toEqual({
      id: expect.stringMatching(UUID),
      version: 1,
      isActive: true,
      displayName: "Offer to buyers",
      triggerWithSegments: [segment.id],
      triggerWithEventConditions: [],
      triggerWithOutcomeProbabilityConditions: [{ outcomeId: outcome.id, maximumProbability: 0.7 }],
      triggerWithOutcomePercentileConditions: [],
      triggerWithOutcomeQuantileConditions: [],
      pageUrlConditions: [{ values: ["/checkout"], operator: "containsAny" }],
      activation: { type: "immediate" },
      weight: 2,
      action: {
        mediaType: "contentOffer",
        actionTemplate: { id: template.id, selfUri: `/api/v2/journey/actiontemplates/${template.id}` },
      },
      ignoreFrequencyCap: false,
      selfUri: `/api/v2/journey/actionmaps/${res.body.id}`,
      createdDate: expect.stringMatching(ISO),
      modifiedDate: res.body.createdDate,
      startDate: res.body.createdDate,
    });
    expect((await api.getJourneyActionmap(res.body.id)).body).toEqual(res.body);
  });

  it.each([
    ["an unknown segment", { triggerWithSegments: [NO_SUCH_ID] }, "triggerWithSegments[0]"],
    [
      "an unknown outcome",
      { triggerWithOutcomeQuantileConditions: [{ outcomeId: NO_SUCH_ID, maxQuantileThreshold: 0.5 }] },
      "triggerWithOutcomeQuantileConditions[0].outcomeId",
    ],
    [
      "an unknown template",
      { action: { mediaType: "contentOffer", actionTemplate: { id: NO_SUCH_ID } } },
      "action.actionTemplate.id",
    ],
    [
      "a template of another media type",
      { action: { mediaType: "webMessagingOffer", actionTemplate: { id: "TEMPLATE" } } },
      "action.actionTemplate.id",
    ],
    ["a content offer without a template", { action: { mediaType: "contentOffer" } }, "action.actionTemplate"],
    [
      "a target that does not serve webchat",
      { action: { mediaType: "webchat", actionTargetId: "EMAIL" } },
      "action.actionTargetId",
    ],
    [
      "pacing on a content offer",
      { action: { mediaType: "contentOffer", actionTemplate: { id: "TEMPLATE" }, isPacingEnabled: true } },
      "action.isPacingEnabled",
    ],
    [
      "flow fields on a messaging offer",
      { action: { mediaType: "webMessagingOffer", architectFlowFields: { architectFlow: { id: "f" } } } },
      "action.architectFlowFields",
    ],
    ["a weight of 4", { weight: 4 }, "weight"],
    ["a delay without its seconds", { activation: { type: "delay" } }, "activation.delayInSeconds"],
    ["an end before the start", { startDate: "2027-01-02T00:00:00Z", endDate: "2027-01-01T00:00:00Z" }, "endDate"],
  ])("refuses %s with a 400 naming the field", async (_, change: any, field) => {
    const body: any = { ...offerMap(`Refused ${field}`), ...change };
    if (body.action.actionTemplate?.id === "TEMPLATE") body.action.actionTemplate.id = template.id;
    if (body.action.actionTargetId === "EMAIL") body.action.actionTargetId = emailTarget.id;
    const err = await refused(create(body));
    expect(err.status).toBe(400);
    expect(err.body).toMatchObject({ status: 400, code: "bad.request", message: expect.stringContaining(field) });
    expect(fieldNames(err.body)).toContain(field);
  });

  it("accepts a webchat map on a target that serves webchat, and stores dates in UTC", async () => {
    const { body } = await create({
      displayName: "Chat offer",
      action: { mediaType: "webchat", actionTargetId: webchatTarget.id, isPacingEnabled: true },
      activation: { type: "delay", delayInSeconds: 30 },
      startDate: "2027-01-01T10:00:00+01:00",
    });
    expect(body).toMatchObject({ startDate: "2027-01-01T09:00:00.000Z", activation: { delayInSeconds: 30 } });
  });

  it("lists by ids, by a filter on a field path, and by a query on the name", async () => {
    const a = (await create(offerMap("Listed A"))).body;
    const b = (await create({ ...offerMap("Listed B"), triggerWithSegments: [] })).body;
    const byIds = await api.getJourneyActionmaps({ actionMapIds: [a.id, b.id] });
    expect(byIds.body.entities.map((m: any) => m.id).sort()).toEqual([a.id, b.id].sort());
    const bySegment = await api.getJourneyActionmaps({ filterField: "triggerWithSegments", filterValue: segment.id });
    expect(bySegment.body.entities.map((m: any) => m.id)).toContain(a.id);
    expect(bySegment.body.entities.map((m: any) => m.id)).not.toContain(b.id);
    const byTemplate = await api.getJourneyActionmaps({
      filterField: "action.actionTemplate.id",
      filterValue: template.id,
      queryFields: ["displayName"],
      queryValue: "listed",
    });
    expect(byTemplate.body.entities.map((m: any) => m.displayName).sort()).toEqual(["Listed A", "Listed B"]);
    expect((await refused(api.getJourneyActionmaps({ filterField: "weight" }))).status).toBe(400);
  });

  it("PATCH needs the name, segments and URL conditions; clears a null end date; refuses a stale version", async () => {
    const m = (await create({ ...offerMap("Patched map"), endDate: "2030-01-01T00:00:00Z" })).body;
    const partial = await refused(api.patchJourneyActionmap(m.id, { body: { displayName: m.displayName } }));
    expect(partial.status).toBe(400);
    const { body } = await api.patchJourneyActionmap(m.id, {
      body: {
        displayName: m.displayName,
        triggerWithSegments: [],
        pageUrlConditions: [],
        version: 1,
        endDate: null,
        weight: 3,
      },
    });
    expect(body).toMatchObject({ version: 2, weight: 3, triggerWithSegments: [], pageUrlConditions: [] });
    expect(body).not.toHaveProperty("endDate");
    const stale = await refused(
      api.patchJourneyActionmap(m.id, {
        body: { displayName: m.displayName, triggerWithSegments: [], pageUrlConditions: [], version: 1 },
      }),
    );
    expect(stale.status).toBe(409);
  });

  it("refuses to delete a segment, outcome or template a map uses, naming the map; after the map goes, they can", async () => {
    const s = (await api.postJourneySegments({ body: { displayName: "Used segment" } })).body;
    const m = (await create({ ...offerMap("User map"), triggerWithSegments: [s.id] })).body;
    for (const [del, id] of [
      [(x: string) => api.deleteJourneySegment(x), s.id],
      [(x: string) => api.deleteJourneyOutcome(x), outcome.id],
      [(x: string) => api.deleteJourneyActiontemplate(x, { hardDelete: true }), template.id],
    ] as const) {
      const err = await refused(del(id));
      expect(err.status).toBe(409);
      expect(err.body.message).toMatch(/is used by action maps? /);
      expect(err.body.message).toContain(`"User map" (${m.id})`);
      expect(err.body.details).toContainEqual(expect.objectContaining({ entityId: m.id, entityName: "User map" }));
    }
    expect((await api.deleteJourneyActionmap(m.id)).status).toBe(204);
    expect((await refused(api.getJourneyActionmap(m.id))).status).toBe(404);
    expect((await api.deleteJourneySegment(s.id)).status).toBe(204);
  });
});

describe("Genesys journey objects a sandbox starts with", () => {
  const sandbox = useSandbox({ seed: 11 });

  it("are two outcomes, two templates and a map that shows one of them, with ids from the seed", async () => {
    const client = genesysSdkClient(sandbox.url);
    await client.loginClientCredentialsGrant("sandbox-client", "sandbox-secret");
    const api = new platformClient.JourneyApi(client);
    const outcomes = (await api.getJourneyOutcomes({})).body.entities;
    const templates = (await api.getJourneyActiontemplates({})).body.entities;
    const maps = (await api.getJourneyActionmaps({})).body.entities;
    expect(outcomes.map((o: any) => o.displayName).sort()).toEqual(["Newsletter signup", "Purchase completed"]);
    expect(templates.map((t: any) => [t.name, t.mediaType]).sort()).toEqual([
      ["Spring sale offer", "contentOffer"],
      ["Support chat invite", "webMessagingOffer"],
    ]);
    const sale = templates.find((t: any) => t.name === "Spring sale offer");
    expect(maps).toEqual([
      expect.objectContaining({
        displayName: "Spring sale on pricing pages",
        action: expect.objectContaining({
          mediaType: "contentOffer",
          actionTemplate: expect.objectContaining({ id: sale.id }),
        }),
      }),
    ]);
    // The map holds on to its template.
    expect((await refused(api.deleteJourneyActiontemplate(sale.id, { hardDelete: true }))).status).toBe(409);
    // Same seed, same ids.
    const again = await startSandbox({ seed: 11 });
    try {
      const token = await genesysToken(again.url);
      const r = await fetch(`${again.url}/genesys/api/v2/journey/actionmaps`, {
        headers: { authorization: `Bearer ${token}` },
      });
      expect(((await r.json()) as any).entities.map((m: any) => m.id)).toEqual(maps.map((m: any) => m.id));
    } finally {
      await again.stop();
    }
  });
});
