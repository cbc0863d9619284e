/**
 * Credentials and endpoints for the three vendors.
 *
 * Every value is looked up in stack config (`cxflow:*`, through an injected getter) first and in
 * environment variables second. The getter is injected so this module works with the config map
 * a dynamic provider receives in `configure()` as well as with `new pulumi.Config("cxflow")` in a
 * program, without importing `@pulumi/pulumi` itself. Secrets never appear in error messages.
 */
import type { Budget } from "./http/limiter";
import { VENDORS, type VendorName } from "./vendors";

/**
 * Reads one stack config value by its full key (e.g. `cxflow:genesysClientId`); `undefined` when
 * unset. Adapters: `(k) => request.config[k]` inside `configure()`, or
 * `(k) => new pulumi.Config("cxflow").get(k.replace(/^cxflow:/, ""))` in a program.
 */
export type ConfigSource = (key: string) => string | undefined;

/** Environment variables to fall back on; `process.env` unless one is injected (tests). */
export type EnvSource = Readonly<Record<string, string | undefined>>;

/** A config source that knows nothing, for callers that only use environment variables. */
export const noConfig: ConfigSource = () => undefined;

/** One setting: its stack config key, its environment variable and a human name for messages. */
export interface Setting {
  /** Full stack config key, e.g. `cxflow:genesysClientId`. */
  readonly key: string;
  /** Environment variable read when the config key is unset. */
  readonly env: string;
  /** What the value is, for error messages, e.g. `Genesys client id`. */
  readonly label: string;
  /** Whether the value is a credential (stored as a stack secret, never echoed). */
  readonly secret: boolean;
  /** The vendor a credential or budget belongs to; absent for settings of every vendor. */
  readonly vendor?: VendorName;
  /** What a credential is when a sandbox URL is set and the credential is not. */
  readonly sandboxDefault?: string;
}

/** Every setting this module reads, by name: env vars as the vendors' own tools name them, keys `cxflow:<name>`. */
export const SETTINGS = {
  genesysClientId: {
    key: "cxflow:genesysClientId",
    env: "GENESYSCLOUD_OAUTHCLIENT_ID",
    label: "Genesys client id",
    secret: true,
    vendor: "genesys",
    sandboxDefault: VENDORS.genesys.sandboxCredentials.clientId,
  },
  genesysClientSecret: {
    key: "cxflow:genesysClientSecret",
    env: "GENESYSCLOUD_OAUTHCLIENT_SECRET",
    label: "Genesys client secret",
    secret: true,
    vendor: "genesys",
    sandboxDefault: VENDORS.genesys.sandboxCredentials.clientSecret,
  },
  genesysRegion: {
    key: "cxflow:genesysRegion",
    env: "GENESYSCLOUD_REGION",
    label: "Genesys region",
    secret: false,
    vendor: "genesys",
  },
  zoomAccountId: {
    key: "cxflow:zoomAccountId",
    env: "ZOOM_ACCOUNT_ID",
    label: "Zoom account id",
    secret: true,
    vendor: "zoom",
    sandboxDefault: VENDORS.zoom.sandboxCredentials.accountId,
  },
  zoomClientId: {
    key: "cxflow:zoomClientId",
    env: "ZOOM_CLIENT_ID",
    label: "Zoom client id",
    secret: true,
    vendor: "zoom",
    sandboxDefault: VENDORS.zoom.sandboxCredentials.clientId,
  },
  zoomClientSecret: {
    key: "cxflow:zoomClientSecret",
    env: "ZOOM_CLIENT_SECRET",
    label: "Zoom client secret",
    secret: true,
    vendor: "zoom",
    sandboxDefault: VENDORS.zoom.sandboxCredentials.clientSecret,
  },
  ourvoiceApiKey: {
    key: "cxflow:ourvoiceApiKey",
    env: "OURVOICE_API_KEY",
    label: "Our Voice API key",
    secret: true,
    vendor: "ourvoice",
    sandboxDefault: VENDORS.ourvoice.sandboxCredentials.apiKey,
  },
  sandboxUrl: { key: "cxflow:sandboxUrl", env: "CXFLOW_SANDBOX_URL", label: "Sandbox URL", secret: false },
  genesysRequestsPerMinute: {
    key: "cxflow:genesysRequestsPerMinute",
    env: "CXFLOW_GENESYS_REQUESTS_PER_MINUTE",
    label: "Genesys request budget",
    secret: false,
    vendor: "genesys",
  },
  zoomRequestsPerSecond: {
    key: "cxflow:zoomRequestsPerSecond",
    env: "CXFLOW_ZOOM_REQUESTS_PER_SECOND",
    label: "Zoom request budget",
    secret: false,
    vendor: "zoom",
  },
  ourvoiceRequestsPerMinute: {
    key: "cxflow:ourvoiceRequestsPerMinute",
    env: "CXFLOW_OURVOICE_REQUESTS_PER_MINUTE",
    label: "Our Voice request budget",
    secret: false,
    vendor: "ourvoice",
  },
} as const satisfies Record<string, Setting>;

/** Name of a setting in {@link SETTINGS}. */
export type SettingName = keyof typeof SETTINGS;

/** Thrown when a credential is set nowhere. The message names the config key and the env var. */
export class MissingCredentialError extends Error {
  /** Stable error code shared with the vendors' authentication failures. */
  readonly code = "auth" as const;
  /** The stack config key that would have supplied the value. */
  readonly configKey: string;
  /** The environment variable that would have supplied the value. */
  readonly envVar: string;

  /**
   * Made by the config readers when a credential is missing; you rarely build one yourself.
   * @param setting The credential that is set nowhere.
   */
  constructor(setting: Setting) {
    super(
      `${setting.label} is not set: set ${setting.key} (stack config${setting.secret ? ", secret" : ""}) or ${setting.env}`,
    );
    this.name = "MissingCredentialError";
    this.configKey = setting.key;
    this.envVar = setting.env;
  }
}

/** Thrown when a non-secret setting (region, sandbox URL) has a value that cannot be used. */
export class InvalidConfigError extends Error {
  /** Stable error code for configuration mistakes. */
  readonly code = "config" as const;
  /** The stack config key of the offending setting. */
  readonly configKey: string;
  /** The environment variable of the offending setting. */
  readonly envVar: string;

  /**
   * Made by the config readers when a value is unusable; you rarely build one yourself.
   * @param setting The setting whose value cannot be used.
   * @param problem What is wrong with the value, after the setting's label, e.g. `is not a URL: …`.
   */
  constructor(setting: Setting, problem: string) {
    super(`${setting.label} ${problem} (from ${setting.key} or ${setting.env})`);
    this.name = "InvalidConfigError";
    this.configKey = setting.key;
    this.envVar = setting.env;
  }
}

/** Reads a setting: config first, then env; blank values count as unset. */
export function readSetting(name: SettingName, source: ConfigSource, env: EnvSource = process.env): string | undefined {
  const s = SETTINGS[name];
  for (const raw of [source(s.key), env[s.env]]) {
    const value = raw?.trim();
    if (value) return value;
  }
  return undefined;
}

/** A vendor's credentials: the settings a refused login asks the user to check. */
export function credentialsOf(vendor: VendorName): Setting[] {
  return Object.values(SETTINGS).filter((st: Setting) => st.vendor === vendor && st.secret);
}

/**
 * The validated sandbox URL (http or https; a trailing `/` is dropped), or `undefined` when none is
 * set. Throws {@link InvalidConfigError} for anything else.
 */
export function resolveSandboxUrl(source: ConfigSource, env: EnvSource = process.env): string | undefined {
  const value = readSetting("sandboxUrl", source, env);
  if (value === undefined) return undefined;
  const setting = SETTINGS.sandboxUrl;
  if (!/^https?:\/\//i.test(value)) {
    throw new InvalidConfigError(setting, "must use http or https: expected e.g. http://127.0.0.1:8787");
  }
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new InvalidConfigError(setting, "is not a URL: expected e.g. http://127.0.0.1:8787");
  }
  // Credentials in the URL would end up in messages and logs; refuse them without echoing the URL.
  if (url.username || url.password) throw new InvalidConfigError(setting, "must not contain a user name or password");
  if (url.search || url.hash) throw new InvalidConfigError(setting, "must not have a query string or fragment");
  // Paths are appended to it, so `http://host:port/` means the same as `http://host:port`.
  return value.replace(/\/+$/, "");
}

/**
 * A request budget setting (requests per `periodMs`), or `undefined` when unset (the client's
 * default applies). Throws {@link InvalidConfigError} unless it is a whole number above 0.
 */
export function resolveBudget(
  name: "genesysRequestsPerMinute" | "zoomRequestsPerSecond" | "ourvoiceRequestsPerMinute",
  periodMs: number,
  source: ConfigSource,
  env: EnvSource = process.env,
): Budget | undefined {
  const value = readSetting(name, source, env);
  if (value === undefined) return undefined;
  if (!/^\d+$/.test(value) || Number(value) < 1) {
    const shown = /^[\w.+-]{1,20}$/.test(value) ? `"${value}"` : "value";
    throw new InvalidConfigError(SETTINGS[name], `must be a whole number above 0, got ${shown}`);
  }
  return { limit: Number(value), periodMs };
}

/** A credential: set, or the sandbox's default when a sandbox URL is set (a sandbox stack needs no secrets). */
function credential(name: SettingName, source: ConfigSource, env: EnvSource, sandbox: string | undefined): string {
  const value = readSetting(name, source, env);
  if (value !== undefined) return value;
  const setting: Setting = SETTINGS[name];
  if (sandbox !== undefined && setting.sandboxDefault !== undefined) return setting.sandboxDefault;
  throw new MissingCredentialError(setting);
}

/** A Genesys Cloud region: the id used by Genesys' tools and the domain its hosts live under. */
export interface GenesysRegion {
  /** Region id, e.g. `us-east-1` (the SDKs spell it `us_east_1`; both are accepted). */
  readonly id: string;
  /** Domain of the region's hosts, e.g. `mypurecloud.com` → `api.mypurecloud.com`. */
  readonly domain: string;
}

/** Every Genesys Cloud region, from the region host table of Genesys' SDKs. */
export const GENESYS_REGIONS: readonly GenesysRegion[] = [
  { id: "us-east-1", domain: "mypurecloud.com" },
  { id: "us-east-2", domain: "use2.us-gov-pure.cloud" },
  { id: "us-west-2", domain: "usw2.pure.cloud" },
  { id: "ca-central-1", domain: "cac1.pure.cloud" },
  { id: "sa-east-1", domain: "sae1.pure.cloud" },
  { id: "mx-central-1", domain: "mxc1.pure.cloud" },
  { id: "eu-west-1", domain: "mypurecloud.ie" },
  { id: "eu-west-2", domain: "euw2.pure.cloud" },
  { id: "eu-central-1", domain: "mypurecloud.de" },
  { id: "eu-central-2", domain: "euc2.pure.cloud" },
  { id: "eusc-de-east-1", domain: "edee1.eusc-pure.cloud" },
  { id: "me-central-1", domain: "mec1.pure.cloud" },
  { id: "ap-south-1", domain: "aps1.pure.cloud" },
  { id: "ap-northeast-1", domain: "mypurecloud.jp" },
  { id: "ap-northeast-2", domain: "apne2.pure.cloud" },
  { id: "ap-northeast-3", domain: "apne3.pure.cloud" },
  { id: "ap-southeast-1", domain: "apse1.pure.cloud" },
  { id: "ap-southeast-2", domain: "mypurecloud.com.au" },
];

/** The region used when none is set; the SDKs default to it too. */
export const DEFAULT_GENESYS_REGION = "us-east-1";

/**
 * Finds a Genesys region by id (`eu-west-1` or `eu_west_1`) or by domain (`mypurecloud.ie`); host
 * names (`api.mypurecloud.ie`, `login.…`) and URLs (`https://api.mypurecloud.ie/`) are tolerated.
 * Throws {@link InvalidConfigError} listing the allowed ids when nothing matches.
 */
export function genesysRegion(value: string): GenesysRegion {
  const v = value
    .trim()
    .toLowerCase()
    .replace(/^[a-z]+:\/\//, "")
    .replace(/[/?#].*$/, "")
    .replace(/:\d+$/, "")
    .replace(/\.$/, "");
  const id = v.replace(/_/g, "-");
  const domain = v.replace(/^(api|login|apps)\./, "");
  const found = GENESYS_REGIONS.find((r) => r.id === id || r.domain === domain);
  if (found) return found;
  // Echo only what looks like a region id or a host name: a secret pasted here must not leak.
  const t = value.trim();
  const looksSafe = /^[a-z]{2,5}([-_][a-z]+)+[-_]\d$/i.test(t) || (/^[\w.:/-]{1,100}$/.test(t) && t.includes("."));
  const shown = looksSafe ? `"${t}"` : "value";
  throw new InvalidConfigError(
    SETTINGS.genesysRegion,
    `${shown} is unknown: use one of ${GENESYS_REGIONS.map((r) => r.id).join(", ")} (or its domain, e.g. mypurecloud.com)`,
  );
}

/** Where and how to reach Genesys Cloud. */
export interface GenesysConfig {
  /** API base including `/api/v2`; endpoint paths are relative to it. */
  readonly apiBase: string;
  /** OAuth client-credentials token endpoint (`POST`, Basic auth). */
  readonly tokenUrl: string;
  /** The region, or `undefined` when the sandbox is used. */
  readonly region: GenesysRegion | undefined;
  /** Set when every vendor points at the sandbox. */
  readonly sandboxUrl: string | undefined;
  /** OAuth client id. */
  readonly clientId: string;
  /** OAuth client secret; never log it. */
  readonly clientSecret: string;
  /** From `cxflow:genesysRequestsPerMinute`; the client's default (300/min) when unset. */
  readonly budget: Budget | undefined;
}

/**
 * Resolves Genesys Cloud endpoints and credentials: config first, then `GENESYSCLOUD_*` env vars;
 * region defaults to {@link DEFAULT_GENESYS_REGION}. With a sandbox URL every host points at it
 * and missing credentials take the sandbox defaults.
 */
export function resolveGenesys(source: ConfigSource, env: EnvSource = process.env): GenesysConfig {
  const sandboxUrl = resolveSandboxUrl(source, env);
  const clientId = credential("genesysClientId", source, env, sandboxUrl);
  const clientSecret = credential("genesysClientSecret", source, env, sandboxUrl);
  const budget = resolveBudget("genesysRequestsPerMinute", 60_000, source, env);
  if (sandboxUrl !== undefined) {
    return {
      apiBase: `${sandboxUrl}${VENDORS.genesys.sandboxPaths.api}`,
      tokenUrl: `${sandboxUrl}${VENDORS.genesys.sandboxPaths.token}`,
      region: undefined,
      sandboxUrl,
      clientId,
      clientSecret,
      budget,
    };
  }
  const region = genesysRegion(readSetting("genesysRegion", source, env) ?? DEFAULT_GENESYS_REGION);
  return {
    apiBase: `https://api.${region.domain}/api/v2`,
    tokenUrl: `https://login.${region.domain}/oauth/token`,
    region,
    sandboxUrl,
    clientId,
    clientSecret,
    budget,
  };
}

/** Where and how to reach Zoom Contact Center (Server-to-Server OAuth). */
export interface ZoomConfig {
  /** API base (`…/v2`); endpoint paths are relative to it. */
  readonly apiBase: string;
  /** Token endpoint for `grant_type=account_credentials`. */
  readonly tokenUrl: string;
  /** Set when every vendor points at the sandbox. */
  readonly sandboxUrl: string | undefined;
  /** Zoom account id, sent as `account_id`. */
  readonly accountId: string;
  /** S2S app client id. */
  readonly clientId: string;
  /** S2S app client secret; never log it. */
  readonly clientSecret: string;
  /** From `cxflow:zoomRequestsPerSecond`; the client's default (20/s) when unset. */
  readonly budget: Budget | undefined;
}

/** Zoom's public API base. */
export const ZOOM_API_BASE = "https://api.zoom.us/v2";
/** Zoom's OAuth token endpoint. */
export const ZOOM_TOKEN_URL = "https://zoom.us/oauth/token";

/**
 * Resolves Zoom endpoints and credentials: config first, then `ZOOM_*` env vars. With a sandbox
 * URL the hosts point at it and missing credentials take the sandbox defaults.
 */
export function resolveZoom(source: ConfigSource, env: EnvSource = process.env): ZoomConfig {
  const sandboxUrl = resolveSandboxUrl(source, env);
  return {
    apiBase: sandboxUrl !== undefined ? `${sandboxUrl}${VENDORS.zoom.sandboxPaths.api}` : ZOOM_API_BASE,
    tokenUrl: sandboxUrl !== undefined ? `${sandboxUrl}${VENDORS.zoom.sandboxPaths.token}` : ZOOM_TOKEN_URL,
    sandboxUrl,
    accountId: credential("zoomAccountId", source, env, sandboxUrl),
    clientId: credential("zoomClientId", source, env, sandboxUrl),
    clientSecret: credential("zoomClientSecret", source, env, sandboxUrl),
    budget: resolveBudget("zoomRequestsPerSecond", 1_000, source, env),
  };
}

/** Where and how to reach Our Voice (Bearer API key). */
export interface OurVoiceConfig {
  /** API base (`…/v1`); endpoint paths are relative to it. */
  readonly apiBase: string;
  /** Set when every vendor points at the sandbox. */
  readonly sandboxUrl: string | undefined;
  /** API key sent as `Authorization: Bearer <key>`; never log it. */
  readonly apiKey: string;
  /** From `cxflow:ourvoiceRequestsPerMinute`; the client's default (60/min) when unset. */
  readonly budget: Budget | undefined;
}

/** Our Voice's public API base. */
export const OURVOICE_API_BASE = "https://api.getourvoice.com/v1";

/**
 * Resolves Our Voice's endpoint and API key: config first, then `OURVOICE_API_KEY`. With a
 * sandbox URL the host points at it and a missing key takes the sandbox default.
 */
export function resolveOurVoice(source: ConfigSource, env: EnvSource = process.env): OurVoiceConfig {
  const sandboxUrl = resolveSandboxUrl(source, env);
  return {
    apiBase: sandboxUrl !== undefined ? `${sandboxUrl}${VENDORS.ourvoice.sandboxPaths.api}` : OURVOICE_API_BASE,
    sandboxUrl,
    apiKey: credential("ourvoiceApiKey", source, env, sandboxUrl),
    budget: resolveBudget("ourvoiceRequestsPerMinute", 60_000, source, env),
  };
}

/** Adapts a plain map (e.g. the `config` of a dynamic provider's `configure()` request). */
export function configFromMap(map: Readonly<Record<string, unknown>> | undefined): ConfigSource {
  return (key) => {
    const v = map?.[key];
    return typeof v === "string" ? v : undefined;
  };
}
