// Our Voice lookups against the sandbox, checked against the sandbox's own listing.
import { config, ourvoice } from "../../provider";
import { FunctionArgsError } from "../../provider/function";
import { sandboxConfig, useSandbox } from "./helpers";

const sandbox = useSandbox({}, { env: true });

const client = () => ourvoice.ourvoiceClient(config.resolveOurVoice(sandboxConfig(sandbox.url), {}));

describe("ourvoice.getFlows / getFlow", () => {
  test("every flow, across pages, equals the client's listing; filters narrow it exactly", async () => {
    const all: ourvoice.models.Flow[] = [];
    for await (const f of client().flows({ limit: 2 })) all.push(f);
    expect((await ourvoice.getFlows({})).flows.map((f) => f.id)).toEqual(all.map((f) => f.id));
    const drafts = all.filter((f) => f.status === "draft").map((f) => f.id);
    expect((await ourvoice.getFlows({ status: "draft" })).flows.map((f) => f.id)).toEqual(drafts);
  });

  test("a name matches exactly, not as a part of another name", async () => {
    const [first] = (await ourvoice.getFlows({})).flows;
    expect(await ourvoice.getFlow({ name: first.name })).toMatchObject({ id: first.id });
    await expect(ourvoice.getFlow({ name: first.name.slice(0, 3) })).rejects.toThrow(/no flow is named/);
    expect(await ourvoice.getFlow({ id: first.id })).toMatchObject({ name: first.name });
  });

  test("bad arguments fail before any request, naming the property", async () => {
    const before = sandbox.stats().total;
    await expect(ourvoice.getFlow({ id: "x", name: "y" } as any)).rejects.toThrow(FunctionArgsError);
    await expect(ourvoice.getFlows({ stauts: "draft" } as any)).rejects.toThrow(
      /stauts is not a known property; allowed: status, type, name/,
    );
    expect(sandbox.stats().total).toBe(before);
  });
});
