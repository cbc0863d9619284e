// The small helpers the provider and the sandbox share: one copy each, read the same way by both.
import { z } from "zod";
import { resolveGenesys, resolveOurVoice, resolveZoom, SETTINGS } from "../../provider/config";
import { CREDENTIAL_PARAM, redactUrl } from "../../provider/http/errors";
import { formatPath, issuesText } from "../../provider/text";
import { ISO_DURATION, isTimeZone, parseIsoDuration } from "../../provider/time";
import { VENDOR_NAMES, VENDORS, type VendorName } from "../../provider/vendors";
import { DEFAULT_CREDENTIALS, resolveOptions } from "../../sandbox/options";
import { seededId, seededRandom, seededUuid } from "../../sandbox/seeded";
import type { SandboxCredentials } from "../../sandbox/types";
import { vendors } from "../../sandbox/vendors";
import { genesysError } from "../../sandbox/vendors/genesys-replies";

describe("ISO-8601 durations", () => {
  test("split into calendar parts and a fixed part; weeks are 7 days", () => {
    expect(parseIsoDuration("P1Y2M3W4DT5H6M7.5S")).toEqual({ years: 1, months: 2, days: 25, ms: 18_367_500 });
    expect(parseIsoDuration("PT30M")).toEqual({ years: 0, months: 0, days: 0, ms: 1_800_000 });
    expect(parseIsoDuration("P0D")).toEqual({ years: 0, months: 0, days: 0, ms: 0 });
  });

  test("refuse what is not one", () => {
    for (const bad of ["P", "PT", "P1DT", "1D", "P1H", "PT1D", "p1d", ""]) {
      expect(parseIsoDuration(bad)).toBeUndefined();
      expect(ISO_DURATION.test(bad)).toBe(false);
    }
  });
});

test("time zones are the runtime's IANA zones", () => {
  expect(isTimeZone("UTC")).toBe(true);
  expect(isTimeZone("Europe/London")).toBe(true);
  expect(isTimeZone("Mars/Olympus")).toBe(false);
});

describe("messages", () => {
  test("a path names indexes in brackets", () => {
    expect(formatPath(["context", "patterns", 0, "criteria", 1, "key"])).toBe("context.patterns[0].criteria[1].key");
    expect(formatPath([])).toBe("");
  });

  test("zod issues read as path: message, the root named as asked", () => {
    const r = z.strictObject({ a: z.object({ b: z.number() }) }).safeParse({ a: { b: "x" } });
    expect(r.success).toBe(false);
    expect(issuesText(r.error!.issues)).toBe("a.b: Invalid input: expected number, received string");
    const root = z.number().safeParse("x");
    expect(issuesText(root.error!.issues, "(args)")).toMatch(/^\(args\): /);
  });
});

test("one list of credential-like parameter names serves error URLs and the sandbox's request log", () => {
  for (const name of ["access_token", "client_secret", "account_id", "client_id", "api_key", "code", "sig"])
    expect(CREDENTIAL_PARAM.test(name)).toBe(true);
  for (const name of ["pageSize", "segmentIds", "status", "flow_identifier_type"])
    expect(CREDENTIAL_PARAM.test(name)).toBe(false);
  expect(redactUrl("https://zoom.example/oauth/token?account_id=acc-1&page=2")).toBe(
    "https://zoom.example/oauth/token?account_id=%5Bredacted%5D&page=2",
  );
});

describe("seeded ids", () => {
  test("the same seed gives the same v4 UUIDs", () => {
    const a = seededUuid(seededRandom(7));
    expect(a).toBe(seededUuid(seededRandom(7)));
    expect(a).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(seededUuid(seededRandom(8))).not.toBe(a);
  });

  test("Zoom ids are 22 base64url characters", () => {
    expect(seededId(seededRandom(7))).toMatch(/^[\w-]{22}$/);
    expect(seededId(seededRandom(7))).toBe(seededId(seededRandom(7)));
  });
});

test("a Genesys error is an ErrorBody whose contextId is the correlation id", () => {
  const r = genesysError(404, "not.found", "Segment s not found", { entityId: "s" }, { "Retry-After": "1" });
  const body = r.body as Record<string, unknown>;
  expect(r.status).toBe(404);
  expect(body).toMatchObject({ message: "Segment s not found", code: "not.found", status: 404, entityId: "s" });
  expect(body).toMatchObject({ details: [], errors: [] });
  expect(r.headers).toEqual({ "ININ-Correlation-Id": body.contextId, "Retry-After": "1" });
});

/** The keys of each vendor's sandbox credentials in the vendor table. */
type TableCredentials = { [V in VendorName]: keyof (typeof VENDORS)[V]["sandboxCredentials"] };
/** The keys of the hand-written, documented `SandboxCredentials`, per vendor. */
type DocumentedCredentials = { [V in keyof SandboxCredentials]: keyof SandboxCredentials[V] };
// Fails to compile when the documented type and the vendor table name other vendors or fields.
const credentialsMatch: [TableCredentials, DocumentedCredentials] extends [DocumentedCredentials, TableCredentials]
  ? true
  : false = true;

describe("the sandbox and the client side read the same defaults", () => {
  test("the documented SandboxCredentials type has the vendor table's vendors and fields", () => {
    expect(credentialsMatch).toBe(true);
  });

  const sandbox = () => "http://127.0.0.1:1";

  test("credentials a sandbox stack sends are those the sandbox accepts", () => {
    const accepted = resolveOptions().credentials;
    const table = Object.fromEntries(VENDOR_NAMES.map((v) => [v, VENDORS[v].sandboxCredentials]));
    expect(accepted).toEqual(table);
    expect(DEFAULT_CREDENTIALS).toEqual(table);
    const key = (k: string) => (k === "cxflow:sandboxUrl" ? sandbox() : undefined);
    const g = resolveGenesys(key, {});
    const zm = resolveZoom(key, {});
    expect({ clientId: g.clientId, clientSecret: g.clientSecret }).toEqual(accepted.genesys);
    expect({ accountId: zm.accountId, clientId: zm.clientId, clientSecret: zm.clientSecret }).toEqual(accepted.zoom);
    expect(resolveOurVoice(key, {}).apiKey).toBe(accepted.ourvoice.apiKey);
    expect(SETTINGS.zoomAccountId.sandboxDefault).toBe(accepted.zoom.accountId);
    // Every credential has a sandbox default, so a sandbox stack needs no secrets.
    expect(Object.values(SETTINGS).filter((s) => s.secret && !("sandboxDefault" in s))).toEqual([]);
  });

  test("API bases and token URLs are where the sandbox mounts its vendors", () => {
    const key = (k: string) => (k === "cxflow:sandboxUrl" ? sandbox() : undefined);
    const prefix = Object.fromEntries(vendors.map((v) => [v.name, v.apiPrefix]));
    // Raw routes are the token endpoints, and Genesys' Architect upload and download links.
    const tokenPaths = vendors
      .flatMap((v) => (v.rawRoutes ?? []).map((r) => r.path))
      .filter((p) => p.endsWith("/oauth/token"));
    expect(resolveGenesys(key, {}).apiBase).toBe(`${sandbox()}${prefix.genesys}`);
    expect(resolveZoom(key, {}).apiBase).toBe(`${sandbox()}${prefix.zoom}`);
    expect(resolveOurVoice(key, {}).apiBase).toBe(`${sandbox()}${prefix.ourvoice}`);
    expect(tokenPaths.sort()).toEqual([VENDORS.genesys.sandboxPaths.token, VENDORS.zoom.sandboxPaths.token].sort());
    expect(new URL(resolveGenesys(key, {}).tokenUrl).pathname).toBe(VENDORS.genesys.sandboxPaths.token);
    expect(new URL(resolveZoom(key, {}).tokenUrl).pathname).toBe(VENDORS.zoom.sandboxPaths.token);
  });
});
