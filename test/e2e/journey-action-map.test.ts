// One scenario: tests run in order, each building on the last.
// cxflow.genesys.JourneyActionMap under the real engine, against the sandbox, with the segment,
// outcome and template it refers to in the same stack ("ref:NAME" is that resource's id).
import type { genesys } from "../../provider";
import type { Sandbox } from "../../sandbox";
import { PulumiCommandError, scenario, type TestStack } from "./harness";
import { type Declared, declare, sandboxClients, stored, useResourceStack } from "./resources";

jest.setTimeout(10 * 60_000);

const of =
  (type: string) =>
  (name: string, args: Record<string, unknown>): Declared => ({ type: `genesys.${type}`, name, args });
const segment = of("JourneySegment");
const outcome = of("JourneyOutcome");
const template = of("JourneyActionTemplate");
const map = of("JourneyActionMap");

const OFFER = {
  name: "e2e Map offer",
  mediaType: "contentOffer",
  contentOffer: { displayMode: "Toast", layoutMode: "TextOnly", headline: "Free shipping" },
};
const BUYERS = { displayName: "e2e Map buyers", externalSegment: { id: "ext-1", name: "Buyers" } };
const PURCHASE = { displayName: "e2e Map purchase" };
const OFFER_MAP = {
  displayName: "e2e Offer to buyers",
  triggerWithSegments: ["ref:buyers"],
  triggerWithOutcomeProbabilityConditions: [{ outcomeId: "ref:purchase", maximumProbability: 0.6 }],
  pageUrlConditions: [{ values: ["/checkout", "/cart"], operator: "containsAny" }],
  activation: { type: "delay", delayInSeconds: 20 },
  weight: 3,
  action: { mediaType: "contentOffer", actionTemplateId: "ref:offer" },
  startDate: "2027-01-01T09:00:00+01:00",
};
const CHAT_MAP = {
  displayName: "e2e Chat invite",
  triggerWithEventConditions: [{ key: "page.url", values: ["/help"], streamType: "Web", sessionType: "web" }],
  action: { mediaType: "webMessagingOffer", webMessagingOfferFields: { offerText: "Need a hand?" } },
};

describe("JourneyActionMap", () => {
  const step = scenario();
  let sandbox: Sandbox;
  let stack: TestStack;
  const g = () => sandboxClients(sandbox.url).genesys();
  const get = (actionMapId: string) => g().call("getActionMap", { params: { actionMapId } });
  const all = async () => {
    const out: genesys.models.ActionMap[] = [];
    for await (const m of g().actionMaps({ pageSize: 200 })) out.push(m);
    return out;
  };
  const everything = (over: { buyers?: object; offerMap?: object; chatMap?: object } = {}) => [
    segment("buyers", { ...BUYERS, ...over.buyers }),
    outcome("purchase", PURCHASE),
    template("offer", OFFER),
    map("offerMap", { ...OFFER_MAP, ...over.offerMap }),
    map("chatMap", { ...CHAT_MAP, ...over.chatMap }),
  ];

  useResourceStack((s) => {
    ({ sandbox, stack } = s);
  });

  step("creates the maps after what they refer to, with references resolved; then nothing changes", async () => {
    await declare(stack, everything());
    await stack.up();
    const s = await stored(stack);
    const offerMap = await get(s.offerMap.id);
    expect(offerMap).toMatchObject({
      triggerWithSegments: [s.buyers.id],
      triggerWithOutcomeProbabilityConditions: [{ outcomeId: s.purchase.id, maximumProbability: 0.6 }],
      action: { mediaType: "contentOffer", actionTemplate: { id: s.offer.id } },
      activation: { type: "delay", delayInSeconds: 20 },
      weight: 3,
      startDate: "2027-01-01T08:00:00.000Z",
      version: 1,
    });
    expect((await get(s.chatMap.id)).triggerWithEventConditions[0]).toMatchObject({ operator: "equal" });
    expect(s.chatMap.outputs.startDate).toBe(s.chatMap.outputs.createdDate);
    expect(s.offerMap.providerBytes).toBeLessThanOrEqual(2048);
    await stack.preview({ expectNoChanges: true });
    await stack.refresh({ expectNoChanges: true });
  });

  step("a change updates in place: same id, next version", async () => {
    const before = await stored(stack);
    await declare(
      stack,
      everything({ offerMap: { weight: 1, pageUrlConditions: [{ values: ["/cart"], operator: "containsAny" }] } }),
    );
    await stack.up();
    const after = await stored(stack);
    expect(after.offerMap.id).toBe(before.offerMap.id);
    expect(await get(after.offerMap.id)).toMatchObject({
      weight: 1,
      version: 2,
      pageUrlConditions: [{ values: ["/cart"] }],
    });
    await stack.preview({ expectNoChanges: true });
  });

  step(
    "replacing a segment a map triggers on succeeds: the map goes first and comes back on the new segment",
    async () => {
      const before = await stored(stack);
      await declare(
        stack,
        everything({
          buyers: { externalSegment: { id: "ext-2", name: "Buyers" } },
          offerMap: { weight: 1, pageUrlConditions: [{ values: ["/cart"], operator: "containsAny" }] },
        }),
      );
      await stack.up();
      const after = await stored(stack);
      expect(after.buyers.id).not.toBe(before.buyers.id);
      await expect(g().getSegment(before.buyers.id)).rejects.toMatchObject({ code: "not_found" });
      expect((await get(after.offerMap.id)).triggerWithSegments).toEqual([after.buyers.id]);
      // The map that does not use the segment is left alone.
      expect(after.chatMap.id).toBe(before.chatMap.id);
      await stack.preview({ expectNoChanges: true });
    },
  );

  step("an edit outside Pulumi shows field by field and is undone by up", async () => {
    const { chatMap } = await stored(stack);
    const m = await get(chatMap.id);
    await g().call("patchActionMap", {
      params: { actionMapId: chatMap.id },
      body: {
        displayName: m.displayName,
        triggerWithSegments: [],
        pageUrlConditions: [],
        version: m.version,
        weight: 3,
      },
    });
    await stack.refresh();
    const { output } = await stack.preview();
    const plan = output.slice(0, output.indexOf("Resources:"));
    expect([...plan.matchAll(/^\s*([~+-]) (\w+)\s*:(.*)$/gm)].map((x) => `${x[1]} ${x[2]}:${x[3]}`.trim())).toEqual([
      "- weight: 3",
    ]);
    await stack.up();
    expect((await get(chatMap.id)).weight).toBe(2);
    await stack.preview({ expectNoChanges: true });
  });

  step("a segment used by a map outside this stack cannot be destroyed: the error names the map", async () => {
    const { buyers } = await stored(stack);
    const outside = await g().call("createActionMap", {
      body: {
        displayName: "e2e Made by hand",
        triggerWithSegments: [buyers.id],
        action: { mediaType: "webMessagingOffer" },
      },
    });
    await declare(
      stack,
      everything().filter((d) => d.name !== "buyers" && d.name !== "offerMap"),
    );
    const e = (await stack.up().catch((x) => x)) as PulumiCommandError;
    expect(e).toBeInstanceOf(PulumiCommandError);
    expect(e.result.output).toContain(
      `cannot delete journey segment "e2e Map buyers" (${buyers.id}): action map "e2e Made by hand" (${outside.id}) still uses it`,
    );
    await g().call("deleteActionMap", { params: { actionMapId: outside.id } });
    await stack.up();
    expect((await stored(stack)).buyers).toBeUndefined();
  });

  step("destroy deletes the maps before what they use", async () => {
    const ids = Object.values(await stored(stack)).map((r) => r.id);
    await stack.destroy();
    const left = (await all()).map((m) => m.id);
    expect(ids.filter((id) => left.includes(id))).toEqual([]);
  });
});
