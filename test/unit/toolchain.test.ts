import * as fs from "node:fs";
import * as path from "node:path";
import * as tc from "../../scripts/toolchain";

describe("the toolchain", () => {
  test("tests run on the project's Node major", () => {
    expect(Number.parseInt(process.versions.node, 10)).toBe(tc.NODE_MAJOR);
  });

  test("the Pulumi CLI version equals the pinned @pulumi/pulumi", () => {
    const sdk = JSON.parse(fs.readFileSync(require.resolve("@pulumi/pulumi/package.json"), "utf8"));
    expect(sdk.version).toBe(tc.PULUMI_VERSION);
    expect(tc.pulumiVersionOf(path.join(tc.cliDir()!, "pulumi"))).toBe(`v${tc.PULUMI_VERSION}`);
  });

  test("Pulumi runs with our tools first on PATH, plugin downloads off and a local backend by default", () => {
    const saved = process.env.PULUMI_BACKEND_URL;
    delete process.env.PULUMI_BACKEND_URL;
    try {
      const env = tc.pulumiEnv();
      const first = env.PATH!.split(path.delimiter).slice(0, 3);
      expect(first).toContain(tc.paths.cliBin);
      expect(first).toContain(tc.paths.nodeBin);
      expect(env.PULUMI_DISABLE_AUTOMATIC_PLUGIN_ACQUISITION).toBe("true");
      expect(env.PULUMI_SKIP_UPDATE_CHECK).toBe("true");
      expect(env.PULUMI_BACKEND_URL).toBe(`file://${tc.paths.localState}`);
      expect(env.PULUMI_CONFIG_PASSPHRASE).toBe(tc.LOCAL_PASSPHRASE);
    } finally {
      if (saved !== undefined) process.env.PULUMI_BACKEND_URL = saved;
    }
  });

  test("a caller's own backend and passphrase are kept", () => {
    const env = tc.pulumiEnv({ PULUMI_BACKEND_URL: "file:///elsewhere", PULUMI_CONFIG_PASSPHRASE: "mine" });
    expect(env.PULUMI_BACKEND_URL).toBe("file:///elsewhere");
    expect(env.PULUMI_CONFIG_PASSPHRASE).toBe("mine");
  });

  test("the local backend folder is git-ignored", () => {
    const ignore = fs.readFileSync(path.join(tc.paths.root, ".gitignore"), "utf8");
    expect(ignore).toMatch(new RegExp(`^/?${path.basename(tc.paths.localState)}/?$`, "m"));
  });
});
