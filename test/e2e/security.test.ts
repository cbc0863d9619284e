// Security: no credential reaches state in plaintext (secret stack config is
// there only as the engine's ciphertext, env vars not at all), the engine's -v=9 logs, error
// messages or the sandbox's request log; refresh and destroy use the credentials stored by the
// last run of the program; the sandbox binds to loopback and refuses every API route without a
// valid token.
import { type ChildProcess, spawn } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { DatabaseSync } from "node:sqlite";
import { genesys, ourvoice, zoom } from "../../provider";
import { RESOURCES } from "../../provider/dynamic";
import { fillPath } from "../../provider/http/endpoint";
import { VENDOR_NAMES } from "../../provider/vendors";
import { type Sandbox, type SandboxCredentials, startSandbox, type VendorName } from "../../sandbox";
import { vendors } from "../../sandbox/vendors";
import { PulumiCommandError, type RunResult, type StackState, type TestStack } from "./harness";
import { declare, oneOfEach, resourceStack, stored } from "./resources";

jest.setTimeout(10 * 60_000);

const root = path.join(__dirname, "..", "..");

/** Distinctive, non-default credentials: the sandbox accepts only these. */
const CREDENTIALS: SandboxCredentials = {
  genesys: { clientId: "sec-gen-client-4e1b7d", clientSecret: "sec-gen-secret-9c2f55a1" },
  zoom: {
    accountId: "sec-zoom-acct-31d8c0",
    clientId: "sec-zoom-client-b7a204",
    clientSecret: "sec-zoom-secret-6e0f9d2c",
  },
  ourvoice: { apiKey: "sec-ov-key-58ab13e7f0" },
};
/** Wrong secrets (right ids), for the refused run. */
const WRONG = {
  genesys: "wrong-gen-secret-0d4c1e",
  zoom: "wrong-zoom-secret-7a9b3f",
  ourvoice: "wrong-ov-key-2e6d8c",
};

const asSecretConfig: Record<string, string> = {
  "cxflow:genesysClientId": CREDENTIALS.genesys.clientId,
  "cxflow:genesysClientSecret": CREDENTIALS.genesys.clientSecret,
  "cxflow:zoomAccountId": CREDENTIALS.zoom.accountId,
  "cxflow:zoomClientId": CREDENTIALS.zoom.clientId,
  "cxflow:zoomClientSecret": CREDENTIALS.zoom.clientSecret,
  "cxflow:ourvoiceApiKey": CREDENTIALS.ourvoice.apiKey,
};
/** Refused credentials: the Genesys id and secret the wrong way round, wrong Zoom and Our Voice secrets. */
const refusedConfig: Record<string, string> = {
  ...asSecretConfig,
  "cxflow:genesysClientId": CREDENTIALS.genesys.clientSecret,
  "cxflow:genesysClientSecret": CREDENTIALS.genesys.clientId,
  "cxflow:zoomClientSecret": WRONG.zoom,
  "cxflow:ourvoiceApiKey": WRONG.ourvoice,
};
const asEnv: Record<string, string> = {
  GENESYSCLOUD_OAUTHCLIENT_ID: CREDENTIALS.genesys.clientId,
  GENESYSCLOUD_OAUTHCLIENT_SECRET: CREDENTIALS.genesys.clientSecret,
  ZOOM_ACCOUNT_ID: CREDENTIALS.zoom.accountId,
  ZOOM_CLIENT_ID: CREDENTIALS.zoom.clientId,
  ZOOM_CLIENT_SECRET: CREDENTIALS.zoom.clientSecret,
  OURVOICE_API_KEY: CREDENTIALS.ourvoice.apiKey,
};

/** The engine at its most talkative, plugin (provider host) logs included. */
const VERBOSE = { logVerbosity: 9, logToStdErr: true, logFlow: true };
/**
 * The one kind of -v=9 line allowed to hold a credential: Pulumi's engine (3.259) logs the fields
 * of every secret it marshals for an RPC, so each secret stack config value it hands the dynamic
 * provider's Configure shows up as `value={…}` at level 9 (pkg/resource/plugin/rpc.go). That is
 * the engine's, not ours: credentials in env vars never do; neither does anything at -v=8 or less.
 */
const ENGINE_CONFIGURE_SECRET =
  /^\{"time":"[^"]+","level":"INFO","msg":"Marshaling property for RPC\[Provider\[0x[0-9a-f]+\]\.Configure\(\)\.inputs\]: value=\{[^{}"]*\}","v":9\}$/;
const withoutEngineConfigureSecrets = (text: string) =>
  text
    .split("\n")
    .filter((l) => !ENGINE_CONFIGURE_SECRET.test(l))
    .join("\n");

/** A secret as the engine stores it in state: its signature key and the stack's ciphertext. */
const SECURE_ENVELOPE = {
  "4dabf18193072939515e22adb298388d": "1b47061264138c4ac30d75fd1eb44270",
  ciphertext: expect.stringMatching(/^v1:/),
};
/** A secret of `stack export --show-secrets`: the same envelope, with the JSON of the value. */
const shown = (value: unknown) => ({
  "4dabf18193072939515e22adb298388d": "1b47061264138c4ac30d75fd1eb44270",
  plaintext: JSON.stringify(value),
});
/** The default provider the engine keeps in state, with the stack config as its inputs and outputs. */
const defaultProvider = (state: StackState) => {
  const providers = (state.deployment.resources ?? []).filter((r) => r.type === "pulumi:providers:pulumi-nodejs");
  expect(providers.map((r) => r.urn.slice(r.urn.lastIndexOf("::") + 2))).toEqual(["default"]);
  return providers[0];
};

const basic = (id: string, secret: string) => Buffer.from(`${id}:${secret}`).toString("base64");
/** Every credential string, and the Basic header values made of them. */
const CREDENTIAL_STRINGS = [
  CREDENTIALS.genesys.clientId,
  CREDENTIALS.genesys.clientSecret,
  CREDENTIALS.zoom.accountId,
  CREDENTIALS.zoom.clientId,
  CREDENTIALS.zoom.clientSecret,
  CREDENTIALS.ourvoice.apiKey,
  ...Object.values(WRONG),
  basic(CREDENTIALS.genesys.clientId, CREDENTIALS.genesys.clientSecret),
  basic(CREDENTIALS.zoom.clientId, CREDENTIALS.zoom.clientSecret),
  basic(CREDENTIALS.genesys.clientId, WRONG.genesys),
  basic(CREDENTIALS.genesys.clientSecret, CREDENTIALS.genesys.clientId),
  basic(CREDENTIALS.zoom.clientId, WRONG.zoom),
];
/** An Authorization value with something other than `[redacted]` after the scheme. */
const AUTH_VALUE = /\b(Bearer|Basic)\s+(?!\[redacted\])[A-Za-z0-9._~+/=-]{8,}/i;

/** What of `secrets` (and which Authorization values) `text` holds: [] when nothing. */
function leaks(text: string, secrets: string[]): string[] {
  const found = secrets.filter((s) => text.includes(s));
  const auth = AUTH_VALUE.exec(text);
  return auth ? [...found, auth[0]] : found;
}

/** The stack's files: every file under its work folder and its config file, as text, each prefixed with its path. */
function filesOf(stack: TestStack): string {
  let out = fs.existsSync(stack.configFile)
    ? `\n== ${stack.configFile}\n${fs.readFileSync(stack.configFile, "utf8")}`
    : "";
  const dir = stack.workDir;
  for (const e of fs.readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (!e.isFile()) continue;
    const p = path.join(e.parentPath, e.name);
    out += `\n== ${p}\n${fs.readFileSync(p, "utf8")}`;
  }
  return out;
}

/** The kinds of the cxflow resources in a stack's state, sorted. */
const kinds = async (stack: TestStack) =>
  Object.values(await stored(stack))
    .map((r) => r.type.replace("pulumi-nodejs:dynamic/cxflow/", ""))
    .sort();
/** Every registered kind, as the state names it (`genesys:JourneySegment`), sorted. */
const ALL_KINDS = RESOURCES.map((d) => d.kind.replace(".", ":")).sort();

/** The listening sockets on `port` (from /proc/net/tcp and tcp6): their local addresses. */
function listeningOn(port: number): string[] {
  const out: string[] = [];
  for (const [file, v6] of [
    ["/proc/net/tcp", false],
    ["/proc/net/tcp6", true],
  ] as const) {
    if (!fs.existsSync(file)) continue;
    for (const line of fs.readFileSync(file, "utf8").split("\n").slice(1)) {
      const [, local, , state] = line.trim().split(/\s+/);
      if (state !== "0A" || !local) continue; // 0A: LISTEN
      const [hex, p] = local.split(":");
      if (Number.parseInt(p, 16) !== port) continue;
      // Each 32-bit word is little-endian.
      const words = hex.match(/.{8}/g)!.map((w) => w.match(/../g)!.reverse().join(""));
      const bytes = words
        .join("")
        .match(/../g)!
        .map((b) => Number.parseInt(b, 16));
      out.push(v6 ? v6Text(bytes) : bytes.join("."));
    }
  }
  return out;
}
const v6Text = (bytes: number[]) => {
  if (bytes.slice(0, 10).every((b) => b === 0) && bytes[10] === 0xff && bytes[11] === 0xff)
    return `::ffff:${bytes.slice(12).join(".")}`;
  if (bytes.every((b) => b === 0)) return "::";
  if (bytes.slice(0, 15).every((b) => b === 0) && bytes[15] === 1) return "::1";
  return bytes.map((b) => b.toString(16).padStart(2, "0")).join("");
};

type Run = "config" | "env" | "refused";

describe("credentials stay out of state, logs and errors", () => {
  let sandbox: Sandbox;
  let dataDir: string;
  const requestLog: string[] = [];
  const stacks: TestStack[] = [];
  /** Every command's output, by run. */
  const runs: Record<Run, RunResult[]> = { config: [], env: [], refused: [] };
  /** State exports and every file of each stack's backend, home and config, before destroy. */
  const files: Record<Run, string> = { config: "", env: "", refused: "" };
  const exports: Record<"config" | "env", string> = { config: "", env: "" };
  /** The config stack's state with its secrets decrypted (`stack export --show-secrets`). */
  let decrypted: StackState | undefined;
  const kindsAfterUp: Record<"config" | "env", string[]> = { config: [], env: [] };
  /** Tokens the sandbox issued during the runs (read from its store). */
  let issued: string[] = [];

  beforeAll(async () => {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "cxflow-security-"));
    sandbox = await startSandbox({
      credentials: CREDENTIALS,
      data: path.join(dataDir, "sandbox.sqlite"),
      requestLog: (line) => requestLog.push(line),
    });
    const [byConfig, byEnv, wrong] = await Promise.all([
      resourceStack(sandbox, { secrets: asSecretConfig }),
      resourceStack(sandbox, { env: asEnv }),
      resourceStack(sandbox, { secrets: refusedConfig }),
    ]);
    stacks.push(byConfig, byEnv, wrong);
    await Promise.all([
      declare(byConfig, oneOfEach({ tag: "sec config", targetName: "Sales web chat" })),
      declare(byEnv, oneOfEach({ tag: "sec env", targetName: "Billing email" })),
      // No action target: its check reads the target, and that refused login would stop the run first.
      declare(
        wrong,
        oneOfEach({ tag: "sec refused", targetName: "Support callbacks" }).filter(
          (r) => r.type !== "genesys.ActionTarget",
        ),
      ),
    ]);
    const apply = async (name: "config" | "env", stack: TestStack) => {
      runs[name].push(await stack.up(VERBOSE));
      kindsAfterUp[name] = await kinds(stack);
      runs[name].push(await stack.refresh({ ...VERBOSE, expectNoChanges: true }));
      exports[name] = await stack.exportText();
      if (name === "config") decrypted = JSON.parse((await stack.run(["stack", "export", "--show-secrets"])).stdout);
      runs[name].push(await stack.destroy(VERBOSE));
      files[name] = filesOf(stack);
    };
    const refuse = async (stack: TestStack) => {
      const e = await stack.up({ ...VERBOSE, continueOnError: true }).then(
        () => new Error("the up with refused credentials succeeded"),
        (x: unknown) => x,
      );
      if (!(e instanceof PulumiCommandError)) throw e;
      runs.refused.push(e.result);
      files.refused = filesOf(stack);
    };
    await Promise.all([apply("config", byConfig), apply("env", byEnv), refuse(wrong)]);
    const db = new DatabaseSync(path.join(dataDir, "sandbox.sqlite"), { readOnly: true });
    issued = (db.prepare("SELECT token FROM tokens").all() as { token: string }[]).map((r) => r.token);
    db.close();
  });
  afterAll(async () => {
    for (const s of stacks) await s.dispose().catch(() => undefined);
    await sandbox?.stop();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  const secrets = () => [...CREDENTIAL_STRINGS, ...issued];

  test("the leak check finds each credential and an Authorization value where there is one", () => {
    // The checks below pass on empty text too: this one shows they look at the right things.
    for (const s of secrets()) expect(leaks(`x ${s} y`, secrets())).toContain(s);
    expect(leaks("authorization: Bearer abcdefgh12345678", [])).toHaveLength(1);
    expect(leaks("authorization: Basic c2VjOnNlY3JldA==", [])).toHaveLength(1);
    expect(leaks('"authorization":"[redacted]" Bearer [redacted]', [])).toEqual([]);
    // Genesys, Zoom (and Our Voice's key) each issued or used tokens with these credentials.
    expect(issued.length).toBeGreaterThanOrEqual(2);
  });

  test("the stacks applied one resource of each kind with these credentials, as secret config and as env vars", () => {
    expect(kindsAfterUp.config).toEqual(ALL_KINDS);
    expect(kindsAfterUp.env).toEqual(ALL_KINDS);
    // The sandbox refuses its defaults, so the requests below were made with the credentials above.
    for (const route of ["genesys POST /genesys/oauth/token 200", "zoom POST /zoom/oauth/token 200"])
      expect(requestLog.some((l) => l.includes(` ${route} `))).toBe(true);
    expect(requestLog.some((l) => / ourvoice POST \/ourvoice\/v1\/flows 201 /.test(l))).toBe(true);
  });

  test("the credentials are stack secrets, encrypted with the stack's passphrase", () => {
    // The config file holds ciphertext only: `secure:` values and the passphrase's salt.
    const config = files.config.slice(files.config.indexOf(`Pulumi.${stacks[0].stack}.yaml`));
    expect(config).toMatch(/encryptionsalt: v1:/);
    expect(config).toMatch(/cxflow:genesysClientSecret:\s+secure: v1:/);
    expect(config).toMatch(/cxflow:ourvoiceApiKey:\s+secure: v1:/);
  });

  test("with secret stack config, state holds each credential as the engine's ciphertext, in the default provider only", () => {
    const state: StackState = JSON.parse(exports.config);
    const provider = defaultProvider(state);
    for (const key of Object.keys(asSecretConfig)) {
      expect({ key, value: provider.inputs[key] }).toEqual({ key, value: SECURE_ENVELOPE });
      expect({ key, value: provider.outputs[key] }).toEqual({ key, value: SECURE_ENVELOPE });
    }
    // Those envelopes are the credentials: decrypted with the stack's passphrase, they read back.
    const plain = defaultProvider(decrypted!);
    for (const [key, value] of Object.entries(asSecretConfig)) {
      expect({ key, value: plain.inputs[key] }).toEqual({ key, value: shown(value) });
      expect({ key, value: plain.outputs[key] }).toEqual({ key, value: shown(value) });
    }
    // Every other resource holds none: no cxflow:* key, no credential (checked as text below).
    const others = state.deployment.resources!.filter((r) => r !== provider);
    expect(JSON.stringify(others)).not.toMatch(new RegExp(`cxflow:(${VENDOR_NAMES.join("|")})`));
  });

  test("with env vars, state holds no credential at all, not even as ciphertext", () => {
    const provider = defaultProvider(JSON.parse(exports.env));
    const keys = Object.keys({ ...provider.inputs, ...provider.outputs }).filter((k) => k.startsWith("cxflow:"));
    expect(keys).toEqual(["cxflow:sandboxUrl"]);
  });

  test("no credential or bearer token is in the exported state or any file of the backend", () => {
    for (const name of ["config", "env"] as const) {
      expect(exports[name]).toContain("pulumi-nodejs:dynamic/cxflow/zoom:Flow");
      expect(leaks(exports[name], secrets())).toEqual([]);
      expect(files[name]).toContain("pulumi-nodejs:dynamic/cxflow/zoom:Flow");
      expect(leaks(files[name], secrets())).toEqual([]);
    }
    expect(leaks(files.refused, secrets())).toEqual([]);
  });

  test("no credential or bearer token is in the engine's -v=9 output of up, refresh and destroy with env vars", () => {
    expect(runs.env).toHaveLength(3);
    for (const r of runs.env) {
      // The verbose engine and the provider host both logged (the flags took effect).
      expect(r.stderr).toContain('"v":9}');
      expect(r.stderr).toContain("pulumi-resource-pulumi-nodejs");
      expect(leaks(r.output, secrets())).toEqual([]);
    }
  });

  test("with secret stack config, only the engine's own Configure marshaling lines hold one at -v=9", () => {
    expect(runs.config).toHaveLength(3);
    for (const r of [...runs.config, ...runs.refused]) {
      expect(r.stderr).toContain('"v":9}');
      expect(leaks(withoutEngineConfigureSecrets(r.output), secrets())).toEqual([]);
    }
  });

  test("wrong secrets fail every vendor's resource with an auth error that names no credential", () => {
    const out = runs.refused[0].output;
    expect(out).toMatch(/zoom login refused: 400 invalid_client/);
    expect(out).toMatch(/listFlows: 401 Unauthenticated/);
    expect(leaks(withoutEngineConfigureSecrets(out), secrets())).toEqual([]);
  });

  test("an id and secret the wrong way round fail without either in the message", () => {
    const out = runs.refused[0].output;
    // Genesys names an unknown client id (here: the secret) in its refusal; the provider cuts it out.
    expect(out).toMatch(/genesys login refused: 401 invalid_client: client not found: \[redacted\]/);
    expect(leaks(withoutEngineConfigureSecrets(out), secrets())).toEqual([]);
  });

  test("the sandbox request log has a line per request and no credential, token or header", () => {
    const LOG_LINE = new RegExp(
      `^\\d{4}-\\d\\d-\\d\\dT[\\d:.]+Z (${VENDOR_NAMES.join("|")}|_sandbox|-) (GET|POST|PUT|PATCH|DELETE) /\\S* (\\d{3}|dropped) \\d+ms$`,
    );
    expect(requestLog.length).toBeGreaterThan(20);
    for (const line of requestLog) {
      expect(line).toMatch(LOG_LINE);
    }
    expect(leaks(requestLog.join("\n"), secrets())).toEqual([]);
  });
});

describe("rotating a credential held in secret stack config", () => {
  const OLD = "rot-ov-key-old-3f1a";
  const NEW = "rot-ov-key-new-8c2d";
  let dataDir: string;
  let sandbox: Sandbox | undefined;
  let stack: TestStack | undefined;
  /** The vendor rotates the key: the same data and port, and only `apiKey` accepted from now on. */
  const vendorAccepts = async (apiKey: string) => {
    const port = sandbox?.options.port ?? 0;
    await sandbox?.stop();
    sandbox = await startSandbox({
      port,
      data: path.join(dataDir, "sandbox.sqlite"),
      credentials: { ourvoice: { apiKey } },
    });
  };
  /** The key the state holds, decrypted (each write encrypts it afresh, so ciphertexts differ). */
  const storedKey = async () => {
    const state = JSON.parse((await stack!.run(["stack", "export", "--show-secrets"])).stdout);
    return JSON.parse(defaultProvider(state).inputs["cxflow:ourvoiceApiKey"].plaintext);
  };

  beforeAll(async () => {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "cxflow-rotation-"));
    await vendorAccepts(OLD);
  });
  afterAll(async () => {
    await stack?.dispose().catch(() => undefined);
    await sandbox?.stop();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  test("the README says what these tests show: ciphertext in the default provider, env vars unstored, how to rotate", () => {
    const readme = fs.readFileSync(path.join(root, "README.md"), "utf8");
    expect(readme).not.toMatch(/credentials (that )?never reach (the )?state/);
    const start = readme.indexOf("\n### Credentials: where they are kept, and how to rotate them\n");
    expect(start).toBeGreaterThan(-1);
    const section = readme.slice(start, readme.indexOf("\n## ", start)).replace(/\s+/g, " ");
    for (const fact of [
      "`pulumi:providers:pulumi-nodejs`",
      "ciphertext",
      "stored nowhere",
      "pipelines",
      "`--run-program`",
    ])
      expect(section).toContain(fact);
    expect(section).toContain("`pulumi refresh` and `pulumi destroy` do not: they give it the copy in state");
  });

  test("refresh and destroy use the key of the last run of the program, over the env var, until it runs again", async () => {
    // The new key is in the env var from the start: the stack config's key wins over it.
    stack = await resourceStack(sandbox!, {
      secrets: { "cxflow:ourvoiceApiKey": OLD },
      env: { OURVOICE_API_KEY: NEW },
    });
    await declare(stack, [{ type: "ourvoice.Flow", name: "f", args: { name: "rotation flow", type: "voice" } }]);
    await stack.up();
    expect(await storedKey()).toBe(OLD);

    await vendorAccepts(NEW);
    await stack.setConfig("cxflow:ourvoiceApiKey", NEW, { secret: true });
    // refresh runs no program: the provider gets the stored old key, which the vendor now refuses.
    const refused = await stack.refresh().then(
      () => new Error("the refresh with the stored old key succeeded"),
      (x: unknown) => x,
    );
    if (!(refused instanceof PulumiCommandError)) throw refused;
    expect(refused.result.output).toMatch(/getFlow: 401 Unauthenticated/);
    expect(leaks(refused.result.output, [OLD, NEW])).toEqual([]);
    expect(await storedKey()).toBe(OLD);

    // Running the program stores the new key (as ciphertext); destroy then uses it.
    await stack.refresh({ runProgram: true, expectNoChanges: true });
    expect(await storedKey()).toBe(NEW);
    expect(leaks(await stack.exportText(), [OLD, NEW])).toEqual([]);
    await stack.destroy();
    expect(await stored(stack)).toEqual({});
  });
});

describe("the sandbox request log", () => {
  let sandbox: Sandbox;
  const lines: string[] = [];
  beforeAll(async () => {
    sandbox = await startSandbox({ credentials: CREDENTIALS, requestLog: (l) => lines.push(l) });
  });
  afterAll(() => sandbox?.stop());

  test("redacts credential-like query values and keeps the rest as sent", async () => {
    const q = `account_id=${CREDENTIALS.zoom.accountId}&grant_type=account_credentials&client_secret=${CREDENTIALS.zoom.clientSecret}&access_token=t0ken-abcdef&api_key=${CREDENTIALS.ourvoice.apiKey}`;
    const res = await fetch(`${sandbox.url}/zoom/oauth/token?${q}`, {
      method: "POST",
      headers: { authorization: `Basic ${basic(CREDENTIALS.zoom.clientId, CREDENTIALS.zoom.clientSecret)}` },
    });
    expect(res.status).toBe(200);
    await res.text();
    const second = await fetch(`${sandbox.url}/ourvoice/v1/flows?filter%5Bname%5D=Main&page=2`, {
      headers: { authorization: `Bearer ${CREDENTIALS.ourvoice.apiKey}` },
    });
    await second.text();
    // A line is written once its answer has gone out, which the client may see first.
    while (lines.length < 2) await new Promise((r) => setTimeout(r, 5));
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatch(
      / zoom POST \/zoom\/oauth\/token\?account_id=\[redacted\]&grant_type=account_credentials&client_secret=\[redacted\]&access_token=\[redacted\]&api_key=\[redacted\] 200 \d+ms$/,
    );
    expect(lines[1]).toMatch(/ ourvoice GET \/ourvoice\/v1\/flows\?filter%5Bname%5D=Main&page=2 200 \d+ms$/);
    expect(leaks(lines.join("\n"), [...CREDENTIAL_STRINGS, "t0ken-abcdef"])).toEqual([]);
  });
});

/** Every route of every vendor's endpoint table, as the sandbox serves it, path params filled. */
const TABLES: [VendorName, string, Record<string, { method: string; path: string }>][] = [
  ["genesys", "journey", genesys.endpoints],
  ["genesys", "analytics", genesys.analyticsEndpoints],
  ["genesys", "architect", genesys.architectEndpoints],
  ["zoom", "flows", zoom.endpoints],
  ["ourvoice", "flows", ourvoice.endpoints],
];
const ROUTES = TABLES.flatMap(([vendor, table, rows]) => {
  const prefix = vendors.find((v) => v.name === vendor)!.apiPrefix;
  return Object.entries(rows).map(([name, e]) => ({
    vendor,
    name: `${vendor} ${table}.${name}`,
    method: e.method,
    template: e.path,
    url: prefix + fillPath(e.path, new Proxy({}, { get: (_, k) => `dummy-${String(k)}` })),
  }));
});

describe("the sandbox refuses unauthenticated requests", () => {
  let sandbox: Sandbox;
  /** A valid token (or key) of each vendor, to try on the others. */
  const valid: Partial<Record<VendorName, string>> = {};
  beforeAll(async () => {
    sandbox = await startSandbox({ credentials: CREDENTIALS });
    const login = async (vendor: "genesys" | "zoom", id: string, secret: string, form: string) => {
      const res = await fetch(`${sandbox.url}/${vendor}/oauth/token`, {
        method: "POST",
        headers: { authorization: `Basic ${basic(id, secret)}`, "content-type": "application/x-www-form-urlencoded" },
        body: form,
      });
      expect(res.status).toBe(200);
      return ((await res.json()) as { access_token: string }).access_token;
    };
    valid.genesys = await login(
      "genesys",
      CREDENTIALS.genesys.clientId,
      CREDENTIALS.genesys.clientSecret,
      "grant_type=client_credentials",
    );
    valid.zoom = await login(
      "zoom",
      CREDENTIALS.zoom.clientId,
      CREDENTIALS.zoom.clientSecret,
      `grant_type=account_credentials&account_id=${CREDENTIALS.zoom.accountId}`,
    );
    valid.ourvoice = CREDENTIALS.ourvoice.apiKey;
  });
  afterAll(() => sandbox?.stop());

  test("the endpoint tables cover every route the sandbox mounts, and each is served", () => {
    expect(ROUTES.length).toBeGreaterThanOrEqual(25);
    for (const v of vendors) {
      const mounted = v.routes.map((r) => `${r.endpoint.method} ${r.endpoint.path}`).sort();
      const table = ROUTES.filter((r) => r.vendor === v.name).map((r) => `${r.method} ${r.template}`);
      expect(mounted).toEqual([...new Set(table)].sort());
    }
  });

  const call = async (url: string, method: string, authorization?: string) => {
    const res = await fetch(sandbox.url + url, {
      method,
      headers: { "content-type": "application/json", ...(authorization && { authorization }) },
      body: method === "GET" || method === "DELETE" ? undefined : "{}",
    });
    return { status: res.status, text: await res.text() };
  };

  test.each(ROUTES)("$name ($method $url) answers 401 with no token, a bogus one or another vendor's", async (r) => {
    const others = (Object.keys(valid) as VendorName[]).filter((v) => v !== r.vendor).map((v) => valid[v]!);
    const attempts = [
      undefined,
      "Bearer bogus-token-0123456789",
      `Basic ${basic(CREDENTIALS[r.vendor === "zoom" ? "zoom" : "genesys"].clientId, "x")}`,
      ...others.map((t) => `Bearer ${t}`),
    ];
    for (const authorization of attempts) {
      const { status, text } = await call(r.url, r.method, authorization);
      expect({ authorization, status }).toEqual({ authorization, status: 401 });
      expect(text).not.toContain("bogus-token");
      for (const t of others) expect(text).not.toContain(t);
    }
  });

  test("a valid token of the vendor itself is let through (the 401s above are about the token)", async () => {
    for (const vendor of ["genesys", "zoom", "ourvoice"] as const) {
      const r = ROUTES.find((x) => x.vendor === vendor && x.method === "GET" && !x.template.includes("{"))!;
      expect((await call(r.url, "GET", `Bearer ${valid[vendor]}`)).status).toBe(200);
    }
  });

  test("the token endpoints refuse missing and wrong client credentials without echoing them", async () => {
    for (const [vendor, form] of [
      ["genesys", "grant_type=client_credentials"],
      ["zoom", `grant_type=account_credentials&account_id=${CREDENTIALS.zoom.accountId}`],
    ] as const) {
      for (const authorization of [undefined, `Basic ${basic(CREDENTIALS[vendor].clientId, WRONG[vendor])}`]) {
        const res = await fetch(`${sandbox.url}/${vendor}/oauth/token`, {
          method: "POST",
          headers: { "content-type": "application/x-www-form-urlencoded", ...(authorization && { authorization }) },
          body: form,
        });
        const text = await res.text();
        // Genesys answers 401, Zoom 400 (its OAuth errors are all 400s).
        expect({ vendor, authorization, status: res.status }).toEqual({
          vendor,
          authorization,
          status: vendor === "zoom" ? 400 : 401,
        });
        expect(text).not.toContain(WRONG[vendor]);
        expect(text).toMatch(/invalid_client/);
      }
    }
  });
});

describe("the sandbox listens on loopback only", () => {
  test("startSandbox() binds 127.0.0.1 by default", async () => {
    const sandbox = await startSandbox();
    try {
      expect(sandbox.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
      expect(listeningOn(sandbox.options.port)).toEqual(["127.0.0.1"]);
    } finally {
      await sandbox.stop();
    }
  });

  test("the address check sees a socket bound to every interface", async () => {
    const sandbox = await startSandbox({ host: "0.0.0.0" });
    try {
      expect(listeningOn(sandbox.options.port)).toEqual(["0.0.0.0"]);
    } finally {
      await sandbox.stop();
    }
  });

  describe("cxflow sandbox", () => {
    let child: ChildProcess | undefined;
    let dir: string;
    beforeAll(() => {
      if (!fs.existsSync(path.join(root, "dist", "sandbox", "cli.js")))
        throw new Error("dist/ is not built: run `npm run build` first (npm test does it)");
      dir = fs.mkdtempSync(path.join(os.tmpdir(), "cxflow-security-cli-"));
    });
    afterEach(async () => {
      if (child && child.exitCode === null && child.signalCode === null) {
        const exited = new Promise((r) => child!.once("exit", r));
        child.kill("SIGTERM");
        await exited;
      }
      child = undefined;
    });
    afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

    /** Starts the CLI; resolves with its URL (its first stdout line) and what it wrote to stderr so far. */
    const start = (args: string[]) =>
      new Promise<{ url: string; stderr: () => string }>((resolve, reject) => {
        const c = spawn(process.execPath, [path.join(root, "bin", "cxflow.js"), "sandbox", ...args], {
          stdio: ["ignore", "pipe", "pipe"],
        });
        child = c;
        let out = "";
        let err = "";
        c.stdout.on("data", (d) => {
          out += d;
          const nl = out.indexOf("\n");
          if (nl >= 0) resolve({ url: out.slice(0, nl), stderr: () => err });
        });
        c.stderr.on("data", (d) => (err += d));
        c.once("exit", (code) => reject(new Error(`cxflow sandbox exited with ${code}: ${err}`)));
      });
    const until = async (done: () => boolean) => {
      while (!done()) await new Promise((r) => setTimeout(r, 20));
    };

    test("binds 127.0.0.1 by default and appends a redacted line per request to --log FILE", async () => {
      const log = path.join(dir, "requests.log");
      const { url } = await start(["--port", "0", "--log", log, "--zoom-account", CREDENTIALS.zoom.accountId]);
      expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
      expect(listeningOn(Number(new URL(url).port))).toEqual(["127.0.0.1"]);

      const res = await fetch(
        `${url}/zoom/oauth/token?grant_type=account_credentials&account_id=${CREDENTIALS.zoom.accountId}`,
        {
          method: "POST",
          headers: { authorization: `Basic ${basic("sandbox-client", "sandbox-secret")}` },
        },
      );
      expect(res.status).toBe(200);
      const { access_token } = (await res.json()) as { access_token: string };
      expect(
        (await fetch(`${url}/zoom/v2/contact_center/flows`, { headers: { authorization: `Bearer ${access_token}` } }))
          .status,
      ).toBe(200);
      expect((await fetch(`${url}/genesys/api/v2/journey/segments`)).status).toBe(401);

      // A line is appended once its answer is out: wait for the third.
      let lines: string[] = [];
      await until(() => (lines = fs.readFileSync(log, "utf8").split("\n").filter(Boolean)).length >= 3);
      expect(lines[0]).toMatch(
        / zoom POST \/zoom\/oauth\/token\?grant_type=account_credentials&account_id=\[redacted\] 200 \d+ms$/,
      );
      expect(lines[1]).toMatch(/ zoom GET \/zoom\/v2\/contact_center\/flows 200 \d+ms$/);
      expect(lines[2]).toMatch(/ genesys GET \/genesys\/api\/v2\/journey\/segments 401 \d+ms$/);
      expect(leaks(lines.join("\n"), [CREDENTIALS.zoom.accountId, access_token, "sandbox-secret"])).toEqual([]);
    });

    test("--log - writes the lines to stderr", async () => {
      const { url, stderr } = await start(["--port", "0", "--log", "-"]);
      expect((await fetch(`${url}/ourvoice/v1/flows?api_key=sandbox-key`)).status).toBe(401);
      await until(() => stderr().includes("\n"));
      expect(stderr()).toMatch(/^\S+Z ourvoice GET \/ourvoice\/v1\/flows\?api_key=\[redacted\] 401 \d+ms\n$/);
    });

    test("a --log path that cannot be written fails at start, naming the flag", async () => {
      await expect(start(["--port", "0", "--log", path.join(dir, "no-such-dir", "x.log")])).rejects.toThrow(
        /--log .*no-such-dir.*ENOENT/,
      );
    });
  });
});
