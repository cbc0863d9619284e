import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { kindOf, repairFileBackend, reveal, settle } from "../../provider/cli/recover";

const STACK = "urn:pulumi:dev::p::pulumi:pulumi:Stack::p-dev";
const PROVIDER = "urn:pulumi:dev::p::pulumi:providers:pulumi-nodejs::default";
const urn = (name: string) => `urn:pulumi:dev::p::pulumi-nodejs:dynamic/cxflow/genesys:JourneySegment::${name}`;
const resource = (name: string, dependencies: string[] = []) => ({
  urn: urn(name),
  type: "pulumi-nodejs:dynamic/cxflow/genesys:JourneySegment",
  custom: true,
  parent: STACK,
  provider: `${PROVIDER}::0b1c`,
  dependencies,
  inputs: { displayName: name },
});

describe("cxflow recover", () => {
  test("type tokens map to resource kinds; other types are not ours", () => {
    expect(kindOf("pulumi-nodejs:dynamic/cxflow/genesys:JourneySegment")).toBe("genesys.JourneySegment");
    expect(kindOf("pulumi-nodejs:dynamic/cxflow/zoom:Flow")).toBe("zoom.Flow");
    expect(kindOf("aws:s3/bucket:Bucket")).toBeUndefined();
  });

  test("secret envelopes of --show-secrets become their values, at any depth", () => {
    const secret = (v: unknown) => ({
      "4dabf18193072939515e22adb298388d": "1b47061264138c4ac30d75fd1eb44270",
      plaintext: JSON.stringify(v),
    });
    expect(reveal({ name: secret("ivr"), meta: [{ k: secret({ a: 1 }) }], n: 2 })).toEqual({
      name: "ivr",
      meta: [{ k: { a: 1 } }],
      n: 2,
    });
  });

  test("found creates join the resources after what they depend on; every other pending create is dropped", () => {
    const state = {
      version: 3,
      deployment: {
        manifest: { time: "t" },
        resources: [
          { urn: STACK, type: "pulumi:pulumi:Stack" },
          { urn: PROVIDER, type: "pulumi:providers:pulumi-nodejs", id: "0b1c" },
        ],
        pending_operations: [
          // b depends on a, but is listed first: it must still come after a.
          { type: "creating", resource: resource("b", [urn("a")]) },
          { type: "creating", resource: resource("a") },
          { type: "creating", resource: resource("never-made") },
          { type: "updating", resource: { ...resource("kept"), id: "k" } },
        ],
      },
    };
    const out = settle(
      state,
      new Map([
        [urn("a"), "id-a"],
        [urn("b"), "id-b"],
      ]),
    );
    expect(out.deployment.resources?.map((r) => r.urn)).toEqual([STACK, PROVIDER, urn("a"), urn("b")]);
    expect(out.deployment.resources?.[2]).toMatchObject({ id: "id-a", outputs: { displayName: "a" }, custom: true });
    expect(out.deployment.pending_operations?.map((op) => op.type)).toEqual(["updating"]);
    expect(out.deployment.manifest).toEqual({ time: "t" });
    // The input is left as it was.
    expect(state.deployment.pending_operations).toHaveLength(4);
  });

  test("a found create whose dependency is not in the state is not put in it", () => {
    const state = {
      version: 3,
      deployment: {
        resources: [
          { urn: STACK, type: "s" },
          { urn: PROVIDER, type: "p" },
        ],
        pending_operations: [{ type: "creating", resource: resource("b", [urn("gone")]) }],
      },
    };
    const out = settle(state, new Map([[urn("b"), "id-b"]]));
    expect(out.deployment.resources?.map((r) => r.urn)).toEqual([STACK, PROVIDER]);
  });

  test("a file backend's empty .attrs files are removed, nothing else", () => {
    const root = fs.mkdtempSync(path.join(os.tmpdir(), "cxflow-recover-unit-"));
    try {
      const dir = path.join(root, ".pulumi", "stacks", "proj");
      fs.mkdirSync(dir, { recursive: true });
      fs.writeFileSync(path.join(dir, "dev.json"), "{}");
      fs.writeFileSync(path.join(dir, "dev.json.attrs"), "");
      fs.writeFileSync(path.join(dir, "dev.json.bak.attrs"), '{"user.cache_control":""}');
      const removed = repairFileBackend(`file://${root}?no_tmp_dir=true`);
      expect(removed).toEqual([path.join(dir, "dev.json.attrs")]);
      expect(fs.readdirSync(dir).sort()).toEqual(["dev.json", "dev.json.bak.attrs"]);
    } finally {
      fs.rmSync(root, { recursive: true, force: true });
    }
  });
});
