// The one diff engine: field specs decide what is a change, what replaces, and what is not a change.
import { asSet, diffFields, type Fields, same, UNKNOWN } from "../../provider/dynamic/fields";
import { fields as mapFields } from "../../provider/genesys/journey-action-map";
import { fields as templateFields } from "../../provider/genesys/journey-action-template";
import { fields as outcomeFields } from "../../provider/genesys/journey-outcome";
import { fields as segmentFields } from "../../provider/genesys/journey-segment";

describe("same", () => {
  test("ignores key order and undefined members, not array order", () => {
    expect(same({ a: 1, b: { c: 2, d: undefined } }, { b: { c: 2 }, a: 1 })).toBe(true);
    expect(same([1, 2], [2, 1])).toBe(false);
    expect(asSet([{ k: 2 }, { k: 1 }])).toEqual(asSet([{ k: 1 }, { k: 2 }]));
  });
});

describe("diffFields", () => {
  const fields: Fields = {
    name: {},
    color: { serverChosen: true },
    active: { default: true },
    tags: { canonical: (v: string[]) => asSet(v) },
    key: { replaces: true },
    external: { replaces: (a, b) => a?.id !== b?.id },
    adopt: { createOnly: true },
    publish: { differs: (o, n) => n.publish === true && o.published !== o.version },
  };
  const olds = {
    name: "a",
    color: "#fff",
    active: true,
    tags: ["x", "y"],
    key: "k",
    external: { id: "1", name: "n" },
    version: 2,
    published: 2,
  };

  test("nothing differs when inputs match outputs, server-chosen fields are unset and defaults are spelled out", () => {
    expect(
      diffFields(fields, olds, {
        name: "a",
        active: true,
        tags: ["y", "x"],
        key: "k",
        external: { id: "1", name: "n" },
        adopt: true,
      }),
    ).toEqual({ changed: [], replaces: [] });
    expect(
      diffFields(fields, olds, { name: "a", tags: ["x", "y"], key: "k", external: { id: "1", name: "n" } }).changed,
    ).toEqual([]);
  });

  test("a changed field is an update; a create-time-only field never is", () => {
    expect(diffFields(fields, olds, { ...olds, name: "b", adopt: false })).toEqual({ changed: ["name"], replaces: [] });
  });

  test("an absent field with a default compares with the default", () => {
    expect(diffFields(fields, { ...olds, active: false }, { ...olds, active: undefined }).changed).toEqual(["active"]);
  });

  test("replacement is per field: always, or decided from the two values", () => {
    expect(diffFields(fields, olds, { ...olds, key: "other" }).replaces).toEqual(["key"]);
    expect(diffFields(fields, olds, { ...olds, external: { id: "1", name: "renamed" } })).toEqual({
      changed: ["external"],
      replaces: [],
    });
    expect(diffFields(fields, olds, { ...olds, external: { id: "2", name: "n" } }).replaces).toEqual(["external"]);
  });

  test("an unknown value (preview) is a change, and a replacement only when the field always replaces", () => {
    expect(diffFields(fields, olds, { ...olds, name: UNKNOWN }).changed).toEqual(["name"]);
    expect(diffFields(fields, olds, { ...olds, key: UNKNOWN }).replaces).toEqual(["key"]);
    expect(diffFields(fields, olds, { ...olds, external: { id: UNKNOWN, name: "n" } })).toEqual({
      changed: ["external"],
      replaces: [],
    });
  });

  test("a field that refers to other resources is replaced when wholly unknown, updated when a part is", () => {
    const refs: Fields = { segments: { default: [], canonical: (v: string[]) => asSet(v), unknownReplaces: true } };
    expect(diffFields(refs, { segments: ["a"] }, { segments: UNKNOWN })).toEqual({
      changed: ["segments"],
      replaces: ["segments"],
    });
    expect(diffFields(refs, { segments: ["a"] }, { segments: ["a", UNKNOWN] })).toEqual({
      changed: ["segments"],
      replaces: [],
    });
  });

  test("a field with its own rule decides from outputs and inputs", () => {
    expect(diffFields(fields, { ...olds, published: 1 }, { ...olds, publish: true }).changed).toEqual(["publish"]);
    expect(diffFields(fields, olds, { ...olds, publish: true }).changed).toEqual([]);
  });
});

describe("journey segment fields", () => {
  const server = {
    displayName: "Buyers",
    color: "#3366ff",
    isActive: true,
    shouldDisplayToAgent: false,
    context: { patterns: [] },
    journey: {
      patterns: [
        {
          criteria: [{ key: "page.url", values: ["/a", "/b"], operator: "containsAny", shouldIgnoreCase: false }],
          count: 1,
          streamType: "Web",
          sessionType: "web",
        },
      ],
    },
  };

  test("server defaults, case of the colour and order of values are not changes", () => {
    const inputs = {
      displayName: "Buyers",
      color: "#3366FF",
      journey: {
        patterns: [
          {
            criteria: [{ key: "page.url", values: ["/b", "/a"], operator: "containsAny" }],
            count: 1,
            streamType: "Web",
            sessionType: "web",
          },
        ],
      },
    };
    expect(diffFields(segmentFields, server, inputs).changed).toEqual([]);
  });

  test("dropping the journey from the program clears it; dropping the colour keeps the server's", () => {
    expect(diffFields(segmentFields, server, { displayName: "Buyers" }).changed).toEqual(["journey"]);
  });

  test("an external segment's new id or source replaces; a new name does not", () => {
    const withExternal = { ...server, externalSegment: { id: "e1", name: "CDP", source: "Custom" } };
    const base = { displayName: "Buyers", journey: server.journey };
    expect(
      diffFields(segmentFields, withExternal, { ...base, externalSegment: { id: "e1", name: "CDP" } }).changed,
    ).toEqual([]);
    expect(
      diffFields(segmentFields, withExternal, { ...base, externalSegment: { id: "e1", name: "New" } }).replaces,
    ).toEqual([]);
    expect(
      diffFields(segmentFields, withExternal, { ...base, externalSegment: { id: "e2", name: "CDP" } }).replaces,
    ).toEqual(["externalSegment"]);
    expect(
      diffFields(segmentFields, withExternal, {
        ...base,
        externalSegment: { id: "e1", name: "CDP", source: "AdobeExperiencePlatform" },
      }).replaces,
    ).toEqual(["externalSegment"]);
  });
});

describe("journey outcome fields", () => {
  const server = {
    displayName: "Purchase",
    isActive: true,
    isPositive: true,
    description: "Order placed",
    context: {
      patterns: [
        {
          criteria: [
            {
              key: "device.category",
              values: ["mobile"],
              operator: "equal",
              shouldIgnoreCase: false,
              entityType: "visit",
            },
          ],
        },
      ],
    },
    journey: { patterns: [] },
    associatedValueField: { dataType: "Number", name: "attributes.total.value" },
  };
  const declared = {
    displayName: "Purchase",
    description: "Order placed",
    context: { patterns: [{ criteria: [{ key: "device.category", values: ["mobile"] }] }] },
    associatedValueField: { dataType: "Number", name: "attributes.total.value" },
  };

  test("the server's defaults (active, positive, criteria members, no journey) are not changes", () => {
    expect(diffFields(outcomeFields, server, declared).changed).toEqual([]);
  });

  test("a negative outcome, a new value field or none, and an empty description are changes", () => {
    expect(diffFields(outcomeFields, server, { ...declared, isPositive: false }).changed).toEqual(["isPositive"]);
    expect(
      diffFields(outcomeFields, server, { ...declared, associatedValueField: { dataType: "Integer", name: "n" } })
        .changed,
    ).toEqual(["associatedValueField"]);
    const { associatedValueField: _v, description: _d, ...bare } = declared;
    expect(diffFields(outcomeFields, server, { ...bare, description: "" }).changed).toEqual([
      "description",
      "associatedValueField",
    ]);
  });
});

describe("journey action template fields", () => {
  const server = {
    name: "Offer",
    mediaType: "contentOffer",
    state: "Active",
    contentOffer: { displayMode: "Toast", layoutMode: "TextOnly", headline: "Hi" },
  };

  test("the default state is not a change; a new offer is an update; a new media type replaces", () => {
    const declared = { name: "Offer", mediaType: "contentOffer", contentOffer: server.contentOffer };
    expect(diffFields(templateFields, server, declared).changed).toEqual([]);
    expect(
      diffFields(templateFields, server, { ...declared, contentOffer: { ...server.contentOffer, headline: "Hello" } }),
    ).toEqual({ changed: ["contentOffer"], replaces: [] });
    expect(diffFields(templateFields, server, { name: "Offer", mediaType: "webMessagingOffer" })).toEqual({
      changed: ["mediaType", "contentOffer"],
      replaces: ["mediaType"],
    });
  });
});

describe("journey action map fields", () => {
  const server = {
    displayName: "Offer",
    isActive: true,
    weight: 2,
    triggerWithSegments: ["s1", "s2"],
    triggerWithEventConditions: [],
    triggerWithOutcomeProbabilityConditions: [],
    triggerWithOutcomePercentileConditions: [],
    triggerWithOutcomeQuantileConditions: [],
    pageUrlConditions: [{ values: ["/a", "/b"], operator: "containsAny" }],
    activation: { type: "immediate" },
    action: { mediaType: "contentOffer", actionTemplate: { id: "t1", selfUri: "/api/v2/journey/actiontemplates/t1" } },
    ignoreFrequencyCap: false,
    startDate: "2027-01-01T00:00:00.000Z",
  };
  const declared = {
    displayName: "Offer",
    triggerWithSegments: ["s2", "s1"],
    pageUrlConditions: [{ values: ["/b", "/a"], operator: "containsAny" }],
    action: { mediaType: "contentOffer", actionTemplateId: "t1" },
  };

  test("server defaults, the template's form, set order and a left-out start date are not changes", () => {
    expect(diffFields(mapFields, server, declared).changed).toEqual([]);
    expect(diffFields(mapFields, server, { ...declared, startDate: "2027-01-01T01:00:00+01:00" }).changed).toEqual([]);
  });

  test("another template is an update; a wholly unknown reference (the engine's dependent check) replaces", () => {
    expect(
      diffFields(mapFields, server, { ...declared, action: { mediaType: "contentOffer", actionTemplateId: "t2" } }),
    ).toEqual({ changed: ["action"], replaces: [] });
    expect(diffFields(mapFields, server, { ...declared, triggerWithSegments: UNKNOWN }).replaces).toEqual([
      "triggerWithSegments",
    ]);
    expect(diffFields(mapFields, server, { ...declared, action: UNKNOWN }).replaces).toEqual(["action"]);
    expect(diffFields(mapFields, server, { ...declared, triggerWithSegments: ["s1", UNKNOWN] }).replaces).toEqual([]);
  });
});
