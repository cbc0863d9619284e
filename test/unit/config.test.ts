import {
  type ConfigSource,
  configFromMap,
  DEFAULT_GENESYS_REGION,
  GENESYS_REGIONS,
  genesysRegion,
  InvalidConfigError,
  MissingCredentialError,
  noConfig,
  resolveGenesys,
  resolveOurVoice,
  resolveSandboxUrl,
  resolveZoom,
  SETTINGS,
  type SettingName,
} from "../../provider/config";

const GENESYS_ENV = { GENESYSCLOUD_OAUTHCLIENT_ID: "env-gc-id", GENESYSCLOUD_OAUTHCLIENT_SECRET: "env-gc-secret-9f2" };
const ZOOM_ENV = {
  ZOOM_ACCOUNT_ID: "env-zoom-acct",
  ZOOM_CLIENT_ID: "env-zoom-id",
  ZOOM_CLIENT_SECRET: "env-zoom-sec-7a1",
};
const OURVOICE_ENV = { OURVOICE_API_KEY: "12|env-ourvoice-key-c3d" };
const ALL_ENV = { ...GENESYS_ENV, ...ZOOM_ENV, ...OURVOICE_ENV };

/** Stack config as a map of full `cxflow:` keys, the shape `configure()` receives. */
const config = (map: Record<string, string>): ConfigSource => configFromMap(map);

/** Calls `fn` and returns what it threw. */
function thrown(fn: () => unknown): Error {
  try {
    fn();
  } catch (e) {
    return e as Error;
  }
  throw new Error("expected a throw");
}

describe("precedence", () => {
  test("stack config wins over environment variables for every setting", () => {
    const source = config({
      "cxflow:genesysClientId": "cfg-gc-id",
      "cxflow:genesysClientSecret": "cfg-gc-secret",
      "cxflow:genesysRegion": "eu-west-1",
      "cxflow:zoomAccountId": "cfg-acct",
      "cxflow:zoomClientId": "cfg-zoom-id",
      "cxflow:zoomClientSecret": "cfg-zoom-secret",
      "cxflow:ourvoiceApiKey": "cfg-key",
    });
    const env = { ...ALL_ENV, GENESYSCLOUD_REGION: "us-west-2" };
    expect(resolveGenesys(source, env)).toMatchObject({
      clientId: "cfg-gc-id",
      clientSecret: "cfg-gc-secret",
      apiBase: "https://api.mypurecloud.ie/api/v2",
    });
    expect(resolveZoom(source, env)).toMatchObject({
      accountId: "cfg-acct",
      clientId: "cfg-zoom-id",
      clientSecret: "cfg-zoom-secret",
    });
    expect(resolveOurVoice(source, env).apiKey).toBe("cfg-key");
  });

  test("environment variables are used when stack config is unset", () => {
    expect(resolveGenesys(noConfig, { ...ALL_ENV, GENESYSCLOUD_REGION: "us-west-2" })).toMatchObject({
      clientId: "env-gc-id",
      clientSecret: "env-gc-secret-9f2",
      apiBase: "https://api.usw2.pure.cloud/api/v2",
    });
    expect(resolveZoom(noConfig, ALL_ENV)).toMatchObject({ accountId: "env-zoom-acct", clientId: "env-zoom-id" });
    expect(resolveOurVoice(noConfig, ALL_ENV).apiKey).toBe("12|env-ourvoice-key-c3d");
  });

  test("blank values count as unset and are trimmed otherwise", () => {
    const source = config({ "cxflow:genesysClientId": "  ", "cxflow:genesysClientSecret": " cfg-secret \n" });
    expect(resolveGenesys(source, GENESYS_ENV)).toMatchObject({ clientId: "env-gc-id", clientSecret: "cfg-secret" });
  });

  test("process.env is read when no env object is injected", () => {
    const saved = process.env.OURVOICE_API_KEY;
    process.env.OURVOICE_API_KEY = "from-process-env";
    try {
      expect(resolveOurVoice(noConfig).apiKey).toBe("from-process-env");
    } finally {
      if (saved === undefined) delete process.env.OURVOICE_API_KEY;
      else process.env.OURVOICE_API_KEY = saved;
    }
  });

  test("the config getter is asked for the full cxflow: key", () => {
    const asked: string[] = [];
    resolveOurVoice((k) => {
      asked.push(k);
      return k === "cxflow:ourvoiceApiKey" ? "k" : undefined;
    }, {});
    expect(asked).toEqual(["cxflow:sandboxUrl", "cxflow:ourvoiceApiKey", "cxflow:ourvoiceRequestsPerMinute"]);
  });
});

describe("request budgets", () => {
  const sandbox = { "cxflow:sandboxUrl": "http://127.0.0.1:1" };

  test("unset, each client keeps its default (the config has no budget)", () => {
    expect(resolveGenesys(config(sandbox), {}).budget).toBeUndefined();
    expect(resolveZoom(config(sandbox), {}).budget).toBeUndefined();
    expect(resolveOurVoice(config(sandbox), {}).budget).toBeUndefined();
  });

  test("stack config sets the budget per minute or per second, and wins over the env var", () => {
    const env = { CXFLOW_GENESYS_REQUESTS_PER_MINUTE: "100" };
    const c = config({ ...sandbox, "cxflow:genesysRequestsPerMinute": "1200", "cxflow:zoomRequestsPerSecond": "10" });
    expect(resolveGenesys(c, env).budget).toEqual({ limit: 1200, periodMs: 60_000 });
    expect(resolveGenesys(config(sandbox), env).budget).toEqual({ limit: 100, periodMs: 60_000 });
    expect(resolveZoom(c, {}).budget).toEqual({ limit: 10, periodMs: 1_000 });
    expect(resolveOurVoice(config(sandbox), { CXFLOW_OURVOICE_REQUESTS_PER_MINUTE: "30" }).budget).toEqual({
      limit: 30,
      periodMs: 60_000,
    });
  });

  test.each(["0", "-5", "1.5", "fast", "1e3"])(
    "%p is refused, naming the key, the env var and what is allowed",
    (v) => {
      const e = thrown(() => resolveGenesys(config({ ...sandbox, "cxflow:genesysRequestsPerMinute": v }), {}));
      expect(e).toBeInstanceOf(InvalidConfigError);
      expect(e.message).toMatch(/cxflow:genesysRequestsPerMinute/);
      expect(e.message).toMatch(/CXFLOW_GENESYS_REQUESTS_PER_MINUTE/);
      expect(e.message).toMatch(/whole number above 0/);
    },
  );
});

describe("Genesys regions", () => {
  test.each(GENESYS_REGIONS.map((r) => [r.id, r.domain]))("%s is found by its id and points at %s", (id, domain) => {
    const resolved = resolveGenesys(config({ "cxflow:genesysRegion": id }), GENESYS_ENV);
    expect(resolved.region?.id).toBe(id);
    expect(resolved.apiBase).toBe(`https://api.${domain}/api/v2`);
    expect(resolved.tokenUrl).toBe(`https://login.${domain}/oauth/token`);
  });

  test.each(GENESYS_REGIONS.map((r) => [r.domain, r.id]))("%s is found by its domain as region %s", (domain, id) => {
    expect(genesysRegion(domain).id).toBe(id);
  });

  test("the table has one entry per id and per domain", () => {
    expect(new Set(GENESYS_REGIONS.map((r) => r.id)).size).toBe(GENESYS_REGIONS.length);
    expect(new Set(GENESYS_REGIONS.map((r) => r.domain)).size).toBe(GENESYS_REGIONS.length);
    expect(GENESYS_REGIONS).toHaveLength(18);
  });

  test("SDK spellings, host names, URLs and upper case are tolerated", () => {
    expect(genesysRegion("eu_central_1").domain).toBe("mypurecloud.de");
    expect(genesysRegion("AP-SOUTHEAST-2").domain).toBe("mypurecloud.com.au");
    expect(genesysRegion("api.mypurecloud.jp").id).toBe("ap-northeast-1");
    expect(genesysRegion("login.usw2.pure.cloud").id).toBe("us-west-2");
    expect(genesysRegion("https://api.cac1.pure.cloud/api/v2/").id).toBe("ca-central-1");
  });

  test("the default region is us-east-1 (mypurecloud.com), as in the SDKs", () => {
    expect(DEFAULT_GENESYS_REGION).toBe("us-east-1");
    const resolved = resolveGenesys(noConfig, GENESYS_ENV);
    expect(resolved.apiBase).toBe("https://api.mypurecloud.com/api/v2");
    expect(resolved.tokenUrl).toBe("https://login.mypurecloud.com/oauth/token");
  });

  test("an unknown region fails with every allowed id and both setting names", () => {
    const error = thrown(() => resolveGenesys(config({ "cxflow:genesysRegion": "mars-north-1" }), GENESYS_ENV));
    expect(error).toBeInstanceOf(InvalidConfigError);
    expect(error).toMatchObject({ code: "config" });
    expect(error.message).toContain('"mars-north-1" is unknown');
    for (const r of GENESYS_REGIONS) expect(error.message).toContain(r.id);
    expect(error.message).toContain("cxflow:genesysRegion");
    expect(error.message).toContain("GENESYSCLOUD_REGION");
  });

  test("a region that is not the domain itself but merely ends with it is not accepted", () => {
    expect(() => genesysRegion("evil-mypurecloud.com")).toThrow(InvalidConfigError);
  });
});

describe("vendor endpoints without a sandbox", () => {
  test("Zoom uses api.zoom.us/v2 and the zoom.us token URL", () => {
    expect(resolveZoom(noConfig, ZOOM_ENV)).toMatchObject({
      apiBase: "https://api.zoom.us/v2",
      tokenUrl: "https://zoom.us/oauth/token",
      sandboxUrl: undefined,
    });
  });

  test("Our Voice uses api.getourvoice.com/v1", () => {
    expect(resolveOurVoice(noConfig, OURVOICE_ENV)).toEqual({
      apiBase: "https://api.getourvoice.com/v1",
      sandboxUrl: undefined,
      apiKey: "12|env-ourvoice-key-c3d",
    });
  });
});

describe("sandbox", () => {
  const sandbox = config({ "cxflow:sandboxUrl": "http://127.0.0.1:8787" });

  test("a sandbox URL routes every vendor to it", () => {
    expect(resolveGenesys(sandbox, {})).toMatchObject({
      apiBase: "http://127.0.0.1:8787/genesys/api/v2",
      tokenUrl: "http://127.0.0.1:8787/genesys/oauth/token",
      region: undefined,
      sandboxUrl: "http://127.0.0.1:8787",
    });
    expect(resolveZoom(sandbox, {})).toMatchObject({
      apiBase: "http://127.0.0.1:8787/zoom/v2",
      tokenUrl: "http://127.0.0.1:8787/zoom/oauth/token",
    });
    expect(resolveOurVoice(sandbox, {}).apiBase).toBe("http://127.0.0.1:8787/ourvoice/v1");
  });

  test("CXFLOW_SANDBOX_URL works too, and the config key wins over it", () => {
    expect(resolveOurVoice(noConfig, { CXFLOW_SANDBOX_URL: "https://sb.example:9000" }).apiBase).toBe(
      "https://sb.example:9000/ourvoice/v1",
    );
    expect(resolveOurVoice(sandbox, { CXFLOW_SANDBOX_URL: "https://sb.example:9000" }).apiBase).toBe(
      "http://127.0.0.1:8787/ourvoice/v1",
    );
  });

  test("a sandbox stack needs no secrets: absent credentials take the sandbox defaults", () => {
    expect(resolveGenesys(sandbox, {})).toMatchObject({ clientId: "sandbox-client", clientSecret: "sandbox-secret" });
    expect(resolveZoom(sandbox, {})).toMatchObject({
      accountId: "sandbox-account",
      clientId: "sandbox-client",
      clientSecret: "sandbox-secret",
    });
    expect(resolveOurVoice(sandbox, {}).apiKey).toBe("sandbox-key");
  });

  test("credentials that are set are still used against the sandbox", () => {
    expect(resolveGenesys(sandbox, GENESYS_ENV).clientId).toBe("env-gc-id");
    expect(resolveZoom(sandbox, ZOOM_ENV).clientSecret).toBe("env-zoom-sec-7a1");
    expect(resolveOurVoice(sandbox, OURVOICE_ENV).apiKey).toBe("12|env-ourvoice-key-c3d");
  });

  test("the sandbox ignores the Genesys region, even an unknown one", () => {
    expect(resolveGenesys(sandbox, { GENESYSCLOUD_REGION: "nowhere" }).apiBase).toBe(
      "http://127.0.0.1:8787/genesys/api/v2",
    );
  });

  test.each([
    ["ftp://127.0.0.1:8787", /must use http or https/],
    ["127.0.0.1:8787", /must use http or https/],
    ["localhost:8787", /must use http or https/],
    ["http://", /is not a URL/],
    ["http://127.0.0.1:8787?x=1", /must not have a query string/],
    ["http://user:pw@127.0.0.1:8787", /must not contain a user name or password/],
  ])("the sandbox URL %s is refused", (url, message) => {
    const error = thrown(() => resolveSandboxUrl(config({ "cxflow:sandboxUrl": url }), {}));
    expect(error).toBeInstanceOf(InvalidConfigError);
    expect(error.message).toMatch(message);
    expect(error.message).toContain("cxflow:sandboxUrl");
    expect(error.message).toContain("CXFLOW_SANDBOX_URL");
  });

  test.each([
    ["http://127.0.0.1:8787/", "http://127.0.0.1:8787"],
    ["https://ci.example/cx/", "https://ci.example/cx"],
    ["http://127.0.0.1:8787//", "http://127.0.0.1:8787"],
  ])("a trailing / is accepted: %s is %s", (url, want) => {
    expect(resolveSandboxUrl(config({ "cxflow:sandboxUrl": url }), {})).toBe(want);
    expect(resolveSandboxUrl(noConfig, { CXFLOW_SANDBOX_URL: url })).toBe(want);
  });

  test("every vendor's endpoints are the same with and without a trailing / on the sandbox URL", () => {
    const slash = config({ "cxflow:sandboxUrl": "http://127.0.0.1:8787/" });
    expect(resolveGenesys(slash, {})).toEqual(resolveGenesys(sandbox, {}));
    expect(resolveZoom(noConfig, { CXFLOW_SANDBOX_URL: "http://127.0.0.1:8787/" })).toEqual(resolveZoom(sandbox, {}));
    expect(resolveOurVoice(slash, {}).apiBase).toBe("http://127.0.0.1:8787/ourvoice/v1");
  });

  test("a sandbox URL with a path prefix is kept as is", () => {
    expect(resolveSandboxUrl(config({ "cxflow:sandboxUrl": "https://ci.example/cx" }), {})).toBe(
      "https://ci.example/cx",
    );
  });

  test("no sandbox URL means none", () => {
    expect(resolveSandboxUrl(noConfig, {})).toBeUndefined();
  });
});

describe("missing credentials", () => {
  const cases: [SettingName, () => unknown][] = [
    ["genesysClientId", () => resolveGenesys(noConfig, { GENESYSCLOUD_OAUTHCLIENT_SECRET: "s3cr3t-genesys" })],
    ["genesysClientSecret", () => resolveGenesys(noConfig, { GENESYSCLOUD_OAUTHCLIENT_ID: "id" })],
    ["zoomAccountId", () => resolveZoom(noConfig, { ...ZOOM_ENV, ZOOM_ACCOUNT_ID: undefined })],
    ["zoomClientId", () => resolveZoom(noConfig, { ...ZOOM_ENV, ZOOM_CLIENT_ID: undefined })],
    ["zoomClientSecret", () => resolveZoom(noConfig, { ...ZOOM_ENV, ZOOM_CLIENT_SECRET: "" })],
    ["ourvoiceApiKey", () => resolveOurVoice(noConfig, {})],
  ];

  test.each(cases)("a missing %s names its config key and its env var", (name, resolve) => {
    const error = thrown(resolve);
    const setting = SETTINGS[name];
    expect(error).toBeInstanceOf(MissingCredentialError);
    expect(error).toMatchObject({ code: "auth", configKey: setting.key, envVar: setting.env });
    expect(error.message).toBe(
      `${setting.label} is not set: set ${setting.key} (stack config, secret) or ${setting.env}`,
    );
  });

  test("the Genesys client id message reads as documented", () => {
    expect(() => resolveGenesys(noConfig, {})).toThrow(
      "Genesys client id is not set: set cxflow:genesysClientId (stack config, secret) or GENESYSCLOUD_OAUTHCLIENT_ID",
    );
  });
});

describe("secrets stay out of error messages", () => {
  const secrets = ["gc-secret-Zq81", "zoom-secret-Lp44", "ourvoice-key-Rt09", "acct-Mm12", "gc-id-Hh77", "zid-Kk55"];
  const full = {
    "cxflow:genesysClientId": "gc-id-Hh77",
    "cxflow:genesysClientSecret": "gc-secret-Zq81",
    "cxflow:zoomAccountId": "acct-Mm12",
    "cxflow:zoomClientId": "zid-Kk55",
    "cxflow:zoomClientSecret": "zoom-secret-Lp44",
    "cxflow:ourvoiceApiKey": "ourvoice-key-Rt09",
  };

  /** Every failure we can provoke while real secrets are configured. */
  const failures: [string, () => unknown][] = [
    ["unknown region", () => resolveGenesys(config({ ...full, "cxflow:genesysRegion": "nope-1" }), {})],
    ["bad sandbox URL", () => resolveZoom(config({ ...full, "cxflow:sandboxUrl": "ftp://x" }), {})],
    [
      "sandbox URL with credentials",
      () => resolveOurVoice(config({ ...full, "cxflow:sandboxUrl": "http://a:gc-secret-Zq81@x" }), {}),
    ],
    [
      "sandbox URL with a fragment",
      () => resolveOurVoice(config({ ...full, "cxflow:sandboxUrl": "http://x/#gc-secret-Zq81" }), {}),
    ],
    ["missing Genesys secret", () => resolveGenesys(config({ "cxflow:genesysClientId": "gc-id-Hh77" }), {})],
    ["missing Genesys id", () => resolveGenesys(config({ "cxflow:genesysClientSecret": "gc-secret-Zq81" }), {})],
    ["missing Zoom secret", () => resolveZoom(config({ ...full, "cxflow:zoomClientSecret": "" }), {})],
    ["missing Zoom account", () => resolveZoom(config({ ...full, "cxflow:zoomAccountId": "" }), {})],
    ["missing Zoom client id", () => resolveZoom(config({ ...full, "cxflow:zoomClientId": "" }), {})],
    [
      "Our Voice key pasted as the region",
      () => resolveGenesys(config({ ...full, "cxflow:genesysRegion": "ourvoice-key-Rt09" }), {}),
    ],
    [
      "Genesys secret pasted as the region",
      () => resolveGenesys(config({ ...full, "cxflow:genesysRegion": "gc-secret-Zq81" }), {}),
    ],
  ];

  test.each(failures)("the %s error contains no secret value", (_what, fail) => {
    const error = thrown(fail);
    const text = `${error.message}\n${error.stack ?? ""}\n${JSON.stringify(error)}`;
    for (const s of secrets) expect(text).not.toContain(s);
  });
});
