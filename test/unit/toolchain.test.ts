import * as fs from "node:fs";
import * as path from "node:path";
import * as tc from "../../scripts/toolchain";

describe("the toolchain", () => {
  test("tests run on the project's Node major", () => {
    expect(Number.parseInt(process.versions.node, 10)).toBe(tc.NODE_MAJOR);
  });

  test("the pinned @pulumi/pulumi is the CLI pin, and the CLI in use is in the tested range", () => {
    const sdk = JSON.parse(fs.readFileSync(require.resolve("@pulumi/pulumi/package.json"), "utf8"));
    expect(sdk.version).toBe(tc.PULUMI_VERSION);
    expect(tc.inTestedRange(`v${tc.PULUMI_VERSION}`)).toBe(true);
    expect(tc.inTestedRange(tc.pulumiVersionOf(path.join(tc.cliDir()!, "pulumi")))).toBe(true);
  });

  test("the @pulumi/pulumi peer range starts at the oldest tested release", () => {
    const manifest = JSON.parse(fs.readFileSync(path.join(tc.paths.root, "package.json"), "utf8"));
    expect(manifest.peerDependencies["@pulumi/pulumi"]).toBe(`^${tc.PULUMI_TESTED.oldest}`);
  });

  test("the README states the tested range", () => {
    const readme = fs.readFileSync(path.join(tc.paths.root, "README.md"), "utf8");
    const prose = readme.replace(/\*\*/g, "").replace(/\s+/g, " ");
    expect(prose).toContain(`The tested range is ${tc.testedRange()}`);
    expect(prose).toContain(`@pulumi/pulumi\` ≥ ${tc.PULUMI_TESTED.oldest}`);
  });

  test("the tested range holds its ends and nothing outside them or unreleased", () => {
    const { oldest, newest } = tc.PULUMI_TESTED;
    const [major, minor] = oldest.split(".").map(Number);
    expect([oldest, newest, `v${oldest}`].map(tc.inTestedRange)).toEqual([true, true, true]);
    const outside = [
      `${major}.${minor - 1}.9`,
      `${major}.${Number(newest.split(".")[1]) + 1}.0`,
      `v${oldest}-alpha.1`,
      "",
    ];
    expect(outside.map(tc.inTestedRange)).toEqual([false, false, false, false]);
    expect(tc.testedRange()).toBe(`${oldest}–${newest}`);
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
