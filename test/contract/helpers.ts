// What the contract tests share: the file's sandbox, clients and providers pointed at it, request
// counters, faults and logins. The official Genesys SDK is in ./sdk (loading it is slow).
import type * as pulumi from "@pulumi/pulumi";
import { type Clients, clientsFrom } from "../../provider/clients";
import { type ConfigSource, configFromMap } from "../../provider/config";
import { providerFor } from "../../provider/dynamic";
import type { CxflowError } from "../../provider/http/errors";
import { type Sandbox, type SandboxOptions, startSandbox, type VendorName } from "../../sandbox";

/**
 * The file's sandbox: started in `beforeAll` (with `env`, also as `CXFLOW_SANDBOX_URL`, for data
 * sources) and stopped in `afterAll`. Call it where the hooks belong (top level or a describe).
 */
export function useSandbox(options: SandboxOptions = {}, { env = false } = {}): Sandbox {
  let running: Sandbox | undefined;
  beforeAll(async () => {
    running = await startSandbox(options);
    if (env) process.env.CXFLOW_SANDBOX_URL = running.url;
  });
  afterAll(async () => {
    if (env) delete process.env.CXFLOW_SANDBOX_URL;
    await running?.stop();
  });
  // Stands for the sandbox the hook starts, so tests use it like a plain variable.
  return new Proxy({} as Sandbox, {
    get(_, key) {
      if (!running) throw new Error("the sandbox starts in beforeAll: use it inside a test or a hook");
      const value = Reflect.get(running, key);
      return typeof value === "function" ? value.bind(running) : value;
    },
  });
}

/** Runs `fn` with a sandbox of its own, stopped afterwards whatever happens. */
export async function withSandbox<T>(options: SandboxOptions, fn: (s: Sandbox) => Promise<T>): Promise<T> {
  const s = await startSandbox(options);
  try {
    return await fn(s);
  } finally {
    await s.stop();
  }
}

/** Stack config whose only setting is the sandbox URL. */
export const sandboxConfig = (url: string): ConfigSource => configFromMap({ "cxflow:sandboxUrl": url });

/** The three vendor clients pointed at a sandbox; credentials in the environment are ignored. */
export function sandboxClients(url: string): Clients {
  return clientsFrom(sandboxConfig(url), {});
}

/** The provider of `kind` configured with a stack whose only setting is the sandbox URL. */
export async function sandboxProvider(kind: string, url: string): Promise<pulumi.dynamic.ResourceProvider> {
  const p = providerFor(kind);
  await p.configure!({ config: { get: (k: string) => (k === "cxflow:sandboxUrl" ? url : undefined) } } as any);
  return p;
}

/** Fast retries for tests: the policy is the same, only the waits are short. */
export const FAST_RETRY = { maxAttempts: 5, baseMs: 5, capMs: 20, maxRetryAfterMs: 5_000 };

/** Requests a sandbox has counted for `"METHOD /route"` of one vendor. */
export const requests = (s: Sandbox, vendor: VendorName, key: string): number => s.stats().vendors[vendor]?.[key] ?? 0;

/** Counts requests to `key` from now on. */
export function counter(s: Sandbox, vendor: VendorName, key: string): () => number {
  const start = requests(s, vendor, key);
  return () => requests(s, vendor, key) - start;
}

/** Calls an admin route (`/_sandbox/<path>`). */
export const admin = (s: Sandbox, method: string, path: string, body: object): Promise<Response> =>
  fetch(`${s.url}/_sandbox/${path}`, { method, body: JSON.stringify(body) });

/** Sets the sandbox's faults (`{}` clears them). */
export const faults = (s: Sandbox, f: object): Promise<Response> => admin(s, "PUT", "faults", f);

/** The error a call fails with; fails the test if it succeeds. */
export const caught = (p: Promise<unknown>): Promise<CxflowError> =>
  p.then(
    () => {
      throw new Error("expected a failure");
    },
    (e: unknown) => e as CxflowError,
  );

/** An HTTP answer with its body parsed as JSON (undefined when empty). */
export interface Answer {
  status: number;
  body: any;
  headers: Headers;
}

export async function answer(r: Response): Promise<Answer> {
  const text = await r.text();
  return { status: r.status, body: text ? JSON.parse(text) : undefined, headers: r.headers };
}

export const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

/** An HTTP Basic authorization header. */
export const basic = (id: string, secret: string): string =>
  `Basic ${Buffer.from(`${id}:${secret}`).toString("base64")}`;

/** A Genesys client-credentials token from a sandbox at `url`. */
export async function genesysToken(url: string, id = "sandbox-client", secret = "sandbox-secret"): Promise<string> {
  const r = await fetch(`${url}/genesys/oauth/token`, {
    method: "POST",
    headers: { authorization: basic(id, secret), "content-type": "application/x-www-form-urlencoded" },
    body: "grant_type=client_credentials",
  });
  if (!r.ok) throw new Error(`Genesys login failed: ${r.status} ${await r.text()}`);
  return ((await r.json()) as { access_token: string }).access_token;
}
