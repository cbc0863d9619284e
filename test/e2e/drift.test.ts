// Under the real engine: drift found by a refresh shows in the next preview field by field, for
// every resource type; two resources claiming one object, and blank names, fail the preview.
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import type { Sandbox } from "../../sandbox";
import { PulumiCommandError, type TestStack } from "./harness";
import { type Declared, declare, sandboxClients, stored, useResourceStack } from "./resources";

jest.setTimeout(10 * 60_000);

const FLOW_FILE = {
  channel: "voice",
  channel_type: "voice",
  definition: { start: "greet", widgets: [{ id: "greet", type: "play_message", next: "end" }] },
};

describe("drift and claims", () => {
  let sandbox: Sandbox;
  let stack: TestStack;
  let dir: string;
  const clients = () => sandboxClients(sandbox.url);

  useResourceStack((s) => {
    ({ sandbox, stack } = s);
  });
  beforeAll(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), "cxflow-drift-"));
    fs.writeFileSync(path.join(dir, "ivr.json"), JSON.stringify(FLOW_FILE));
  });
  afterAll(() => {
    fs.rmSync(dir, { recursive: true, force: true });
  });

  const failedPreview = async (resources: Declared[]): Promise<string> => {
    await declare(stack, resources);
    const e = (await stack.preview().catch((x) => x)) as PulumiCommandError;
    expect(e).toBeInstanceOf(PulumiCommandError);
    return e.result.output;
  };

  test("two resources taking over one action target, by id and by name, fail the preview naming both", async () => {
    let salesId = "";
    for await (const t of clients().genesys().actionTargets()) if (t.name === "Sales web chat") salesId = t.id!;
    const before = await clients().genesys().getActionTarget(salesId);
    const out = await failedPreview([
      { type: "genesys.ActionTarget", name: "by-name", args: { targetName: "Sales web chat" } },
      { type: "genesys.ActionTarget", name: "by-id", args: { targetId: salesId, shortAbandonThreshold: 3 } },
    ]);
    // The engine checks the two concurrently: whichever comes second names the first.
    expect(out).toMatch(
      new RegExp(
        `resource '(by-id|by-name)'.*action target ${salesId}.*is already taken over by resource "(by-name|by-id)"`,
      ),
    );
    expect(await clients().genesys().getActionTarget(salesId)).toEqual(before);
  });

  test("one display name or flow name declared twice fails the preview, naming both resources", async () => {
    for (const [type, args] of [
      ["genesys.JourneySegment", { displayName: "e2e Twice" }],
      ["ourvoice.Flow", { name: "e2e Twice", type: "voice" }],
      ["zoom.Flow", { name: "e2e Twice", flowFile: path.join(dir, "ivr.json") }],
    ] as const) {
      const out = await failedPreview([
        { type, name: "first", args },
        { type, name: "second", args },
      ]);
      expect(out).toMatch(/"e2e Twice" is also declared by resource "(first|second)": names are unique/);
    }
  });

  test("a name of spaces fails the preview, with what is allowed", async () => {
    const before = sandbox.stats().total;
    for (const [type, args, property] of [
      ["genesys.JourneySegment", { displayName: "   " }, "displayName"],
      ["ourvoice.Flow", { name: " ", type: "sms" }, "name"],
      ["zoom.Flow", { name: "\t", flowFile: path.join(dir, "ivr.json") }, "name"],
      ["genesys.ActionTarget", { targetName: "Sales web chat", name: "  " }, "name"],
    ] as const) {
      const out = await failedPreview([{ type, name: "blank", args }]);
      expect(out).toMatch(new RegExp(`${property}.*has a problem: must not be empty or only spaces`));
    }
    expect(sandbox.stats().total).toBe(before);
  });

  test("after a refresh finds drift, the preview names each drifted field and nothing else", async () => {
    await declare(stack, [
      {
        type: "genesys.JourneySegment",
        name: "seg",
        args: {
          displayName: "e2e Drifting",
          description: "as declared",
          journey: {
            patterns: [
              {
                criteria: [{ key: "page.url", values: ["/pricing"] }],
                count: 1,
                streamType: "Web",
                sessionType: "web",
              },
            ],
          },
        },
      },
      {
        type: "genesys.ActionTarget",
        name: "target",
        args: { targetName: "Support callbacks", serviceLevel: { percentage: 0.8, durationMs: 20_000 } },
      },
      {
        type: "ourvoice.Flow",
        name: "ov",
        args: {
          name: "e2e Drifting",
          type: "voice",
          description: "as declared",
          metadata: { pin: "pin-declared-4821" },
        },
        secret: ["metadata"],
      },
      {
        type: "zoom.Flow",
        name: "zf",
        args: { name: "e2e Drifting", description: "as declared", flowFile: path.join(dir, "ivr.json"), publish: true },
      },
    ]);
    await stack.up();
    await stack.refresh({ expectNoChanges: true });
    const s = await stored(stack);

    const g = clients().genesys();
    const seg = await g.getSegment(s.seg.id);
    await g.patchSegment(s.seg.id, { version: seg.version, description: "changed in the console" });
    await g.patchActionTarget(s.target.id, { serviceLevel: { percentage: 0.5, durationMs: 20_000 } });
    const flow = await clients().ourvoice().getFlow(s.ov.id);
    await clients()
      .ourvoice()
      .updateFlow(s.ov.id, {
        name: flow.name,
        type: flow.type as "voice",
        description: "changed in the console",
        metadata: JSON.stringify({ pin: "pin-drifted-7390" }),
      });
    await clients().zoom().updateFlow(s.zf.id, {
      flow_version: s.zf.outputs.version,
      flow_name: "e2e Drifting",
      flow_description: "changed in the console",
    });

    await stack.refresh();
    // The inputs a refresh hands back keep a secret input secret: ciphertext only.
    expect(await stack.exportText()).not.toMatch(/pin-drifted-7390|pin-declared-4821/);
    expect((await stored(stack)).ov.inputs.metadata).toMatchObject({
      "4dabf18193072939515e22adb298388d": "1b47061264138c4ac30d75fd1eb44270",
    });
    const { output } = await stack.preview();
    const plan = output.slice(0, output.indexOf("Resources:"));
    expect(plan).toMatch(/~ serviceLevel\s*:\s*\{\s*durationMs: 20000\s*~ percentage\s*:\s*0\.5\s*=>\s*0\.8/);
    expect(plan.match(/~ description\s*:\s*"changed in the console"\s*=>\s*"as declared"/g)).toHaveLength(3);
    // A secret's drift is in the inputs, but the engine never marks a secret as changed.
    const shown = JSON.parse((await stack.run(["stack", "export", "--show-secrets"])).stdout);
    const ov = shown.deployment.resources.find((r: { urn: string }) => r.urn.endsWith("::ov"));
    expect(JSON.parse(ov.inputs.metadata.plaintext)).toEqual({ pin: "pin-drifted-7390" });
    expect(plan).toMatch(/ metadata\s*:\s*\[secret\]/);
    expect(plan).not.toMatch(/pin-/);
    // Only drifted fields are marked, though the server writes the others in its own form.
    const marked = [...plan.matchAll(/^\s*([~+-]) (\w+)\s*:/gm)].map((m) => `${m[1]} ${m[2]}`);
    expect(marked.sort()).toEqual(
      ["~ description", "~ description", "~ description", "~ percentage", "~ serviceLevel"].sort(),
    );

    await stack.up();
    await stack.preview({ expectNoChanges: true });
    await stack.refresh({ expectNoChanges: true });
  });
});
