// One scenario: tests run in order, each building on the last.
// cxflow.genesys.JourneyActionTemplate under the real engine, against the sandbox.
import type { genesys } from "../../provider";
import type { Sandbox } from "../../sandbox";
import { PulumiCommandError, scenario, type TestStack } from "./harness";
import { type Declared, declare, sandboxClients, stored, useResourceStack } from "./resources";

jest.setTimeout(10 * 60_000);

const template = (name: string, args: Record<string, unknown>): Declared => ({
  type: "genesys.JourneyActionTemplate",
  name,
  args,
});

const OFFER = {
  name: "e2e Free shipping",
  description: "Shown to returning buyers",
  mediaType: "contentOffer",
  contentOffer: {
    displayMode: "Modal",
    layoutMode: "RightText",
    imageUrl: "https://example.com/van.png",
    headline: "Free shipping today",
    body: "Use code SHIP at checkout",
    callToAction: { url: "https://example.com/shop", text: "Shop now", target: "Blank" },
    style: { title: { color: "#222222", textAlign: "Left" }, closeButton: { color: "#000000", opacity: 0.5 } },
  },
};

describe("JourneyActionTemplate", () => {
  const step = scenario();
  let sandbox: Sandbox;
  let stack: TestStack;
  const g = () => sandboxClients(sandbox.url).genesys();
  const get = (actionTemplateId: string) => g().call("getActionTemplate", { params: { actionTemplateId } });
  const all = async () => {
    const out: genesys.models.ActionTemplate[] = [];
    for await (const t of g().actionTemplates({ pageSize: 200 })) out.push(t);
    return out;
  };

  useResourceStack((s) => {
    ({ sandbox, stack } = s);
  });

  step("an offer on the wrong media type fails the preview with zero requests", async () => {
    await declare(stack, [template("bad", { ...OFFER, mediaType: "webMessagingOffer" })]);
    const before = sandbox.stats().total;
    const e = (await stack.preview().catch((x) => x)) as PulumiCommandError;
    expect(e).toBeInstanceOf(PulumiCommandError);
    expect(e.result.output).toMatch(/contentOffer.*is only for mediaType "contentOffer", not "webMessagingOffer"/);
    expect(sandbox.stats().total).toBe(before);
  });

  step("creates a content offer and a messaging offer; then nothing changes", async () => {
    await declare(stack, [
      template("offer", OFFER),
      template("messaging", { name: "e2e Chat invite", mediaType: "webMessagingOffer", state: "Inactive" }),
    ]);
    await stack.up();
    const s = await stored(stack);
    expect(await get(s.offer.id)).toMatchObject({ ...OFFER, state: "Active", version: 1 });
    expect(s.messaging.outputs).toMatchObject({ state: "Inactive", mediaType: "webMessagingOffer", adopted: false });
    expect(s.offer.providerBytes).toBeLessThanOrEqual(2048);
    await stack.preview({ expectNoChanges: true });
    await stack.refresh({ expectNoChanges: true });
  });

  step("a new headline and state update in place; a new media type replaces", async () => {
    const before = await stored(stack);
    const { description: _d, ...rest } = OFFER;
    await declare(stack, [
      template("offer", { ...rest, contentOffer: { ...OFFER.contentOffer, headline: "Free shipping this week" } }),
      template("messaging", { name: "e2e Chat invite", mediaType: "architectFlow" }),
    ]);
    const { output } = await stack.up();
    expect(output).toMatch(/replaced/);
    const after = await stored(stack);
    expect(after.offer.id).toBe(before.offer.id);
    const offer = await get(after.offer.id);
    expect(offer).toMatchObject({ version: 2, contentOffer: { headline: "Free shipping this week" } });
    expect(offer.description).toBeUndefined();
    expect(after.messaging.id).not.toBe(before.messaging.id);
    await expect(get(before.messaging.id)).rejects.toMatchObject({ code: "not_found" });
    expect(await get(after.messaging.id)).toMatchObject({ mediaType: "architectFlow", state: "Active" });
    await stack.preview({ expectNoChanges: true });
  });

  step("an edit outside Pulumi shows field by field and is undone by up", async () => {
    const { offer } = await stored(stack);
    const current = await get(offer.id);
    await g().call("patchActionTemplate", {
      params: { actionTemplateId: offer.id },
      body: { name: current.name, version: current.version, state: "Inactive" },
    });
    await stack.refresh();
    const { output } = await stack.preview();
    const plan = output.slice(0, output.indexOf("Resources:"));
    // State is left to its default (Active) in the program: the drifted value shows as one to remove.
    expect(plan).toMatch(/- state\s*:\s*"Inactive"/);
    await stack.up();
    expect((await get(offer.id)).state).toBe("Active");
    await stack.preview({ expectNoChanges: true });
  });

  step("a template soft-deleted outside Pulumi is gone for refresh and made again by up", async () => {
    const { messaging } = await stored(stack);
    await g().call("deleteActionTemplate", { params: { actionTemplateId: messaging.id }, query: {} });
    await stack.refresh();
    expect((await stored(stack)).messaging).toBeUndefined();
    await stack.up();
    const again = (await stored(stack)).messaging;
    expect(again.id).not.toBe(messaging.id);
    expect(await get(again.id)).toMatchObject({ name: "e2e Chat invite", state: "Active" });
  });

  step("destroy deletes for good: no template of the stack is left, soft-deleted or not", async () => {
    const ids = Object.values(await stored(stack)).map((r) => r.id);
    await stack.destroy();
    const left = (await all()).map((t) => t.id);
    expect(ids.filter((id) => left.includes(id))).toEqual([]);
  });
});
