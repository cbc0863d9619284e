// Data sources (docs/architecture.md): program-side functions `getX(args): Promise<R>` and
// `getXOutput(args): Output<R>`, with args validated by zod before any request.
import { createHash } from "node:crypto";
import * as pulumi from "@pulumi/pulumi";
import type { z } from "zod";
import { type Clients, clientsFrom } from "./clients";
import {
  type ConfigSource,
  credentialsOf,
  InvalidConfigError,
  MissingCredentialError,
  readSetting,
  SETTINGS,
  type SettingName,
} from "./config";
import { checkInputs } from "./dynamic/check";
import { CxflowError } from "./http/errors";
import { VENDOR_NAMES, VENDORS } from "./vendors";

/** What every data-source function (`getX`, `getXOutput`) accepts besides its own arguments. */
export interface FunctionArgs {
  /** Wrap the result of the `…Output` form as a Pulumi secret. */
  secret?: boolean;
}

/**
 * Thrown before any request when a function's arguments are wrong; names every bad property. A
 * Pulumi `RunError`, so a program that lets it through ends with the message alone, no stack trace.
 */
export class FunctionArgsError extends pulumi.RunError {
  readonly code = "validation" as const;
  constructor(
    readonly fn: string,
    readonly failures: { property: string; reason: string }[],
  ) {
    super(`${fn}: ${failures.map((f) => `${f.property} ${f.reason}`).join("; ")}`);
    this.name = "FunctionArgsError";
  }
}

/** The stack's `cxflow:*` config (secrets included, read without warnings), then env vars. */
export const stackConfig: ConfigSource = (key) => {
  const v = pulumi.runtime.getConfig(key);
  return typeof v === "string" ? v : undefined;
};

/** Clients for a function's run, built from the stack config. */
export interface FunctionContext extends Clients {
  /** Progress of long work, through the engine's log (stderr outside a Pulumi program). */
  progress(message: string): void;
}

type Vendor = keyof Clients;

/** Settings and credential failures of the current program run, by vendor and settings. */
const failuresByRun = new WeakMap<object, Map<string, Error>>();
/** Every failure remembered so far, to keep their late-handled rejections quiet. */
const remembered = new WeakSet<object>();

function runFailures(): Map<string, Error> | undefined {
  // A new run (an Automation API program runs many in one process) has a new stack resource.
  const run = pulumi.runtime.getStackResource?.();
  if (!run) return undefined;
  let failures = failuresByRun.get(run);
  if (!failures) failuresByRun.set(run, (failures = new Map()));
  return failures;
}

/** A vendor or a setting, with every setting's value (hashed: the map must not hold credentials). */
function settingsKey(scope: string): string {
  const values = (Object.keys(SETTINGS) as SettingName[]).map((name) => readSetting(name, stackConfig));
  return `${scope}:${createHash("sha256").update(JSON.stringify(values)).digest("hex")}`;
}

/** Pulumi prints an error with this marker (`RunError.isInstance`) as its message alone; `e` keeps its class. */
function markRunError<E extends Error>(e: E): E {
  Object.defineProperty(e, "__pulumiRunError", { value: true });
  return e;
}

let quietingLateHandling = false;

/** Pulumi awaits a program's outputs one by one, so a remembered failure is handled late: Node warns for others only. */
function quietLateHandling(): void {
  if (quietingLateHandling) return;
  quietingLateHandling = true;
  process.on("rejectionHandled", (promise: Promise<unknown>) => {
    promise.catch((reason: unknown) => {
      if (typeof reason === "object" && reason !== null && remembered.has(reason)) return;
      process.emitWarning("Promise rejection was handled asynchronously", "PromiseRejectionHandledWarning");
    });
  });
}

/** The run's first failure under `key`: later data sources reject with that same error, which Pulumi prints once. */
function remember(key: string, e: Error): Error {
  const failures = runFailures();
  if (!failures) return e;
  const known = failures.get(key);
  if (known) return known;
  failures.set(key, e);
  remembered.add(e);
  quietLateHandling();
  return e;
}

/** A vendor's refusal with what to do about it on a second line; `undefined` for other failures. */
function refusal(e: unknown, used: ReadonlySet<Vendor>): { vendor: Vendor; error: CxflowError } | undefined {
  if (!(e instanceof CxflowError) || e.code !== "auth" || remembered.has(e)) return undefined;
  const named = e.route?.split(" ")[0];
  const vendor = named && named in VENDORS ? (named as Vendor) : used.size === 1 ? [...used][0] : undefined;
  if (!vendor) return undefined;
  const v = VENDORS[vendor];
  const credentials = credentialsOf(vendor);
  const todo =
    e.status === 403
      ? `${v.label} accepted the credentials but not this call: ${v.permission}.`
      : `${v.label} refused the credentials: check ${credentials.map((s) => s.key).join(", ")} (secret stack config) or ${credentials.map((s) => s.env).join(", ")}; they may be wrong, rotated or revoked.`;
  const error = new CxflowError({
    code: e.code,
    route: e.route,
    status: e.status,
    correlationId: e.correlationId,
    request: e.request,
    details: e.details,
    cause: e,
    message: `${e.message}\n${todo}`,
  });
  return { vendor, error: markRunError(error) };
}

/** Clients for one data-source call; `used` collects the vendors it asked for. */
function context(used: Set<Vendor>): FunctionContext {
  const clients = clientsFrom(stackConfig);
  const client =
    <V extends Vendor>(vendor: V) =>
    (): ReturnType<Clients[V]> => {
      used.add(vendor);
      const known = runFailures()?.get(settingsKey(vendor));
      if (known) throw known;
      try {
        return clients[vendor]() as ReturnType<Clients[V]>;
      } catch (e) {
        if (!(e instanceof MissingCredentialError || e instanceof InvalidConfigError)) throw e;
        // Keyed by the setting too: a bad sandbox URL fails every vendor with one error.
        throw remember(settingsKey(vendor), remember(settingsKey(e.configKey), markRunError(e)));
      }
    };
  return {
    ...(Object.fromEntries(VENDOR_NAMES.map((v) => [v, client(v)])) as unknown as Clients),
    progress: (message) => pulumi.log.info(message),
  };
}

/** Up to five names containing `wanted` (case-insensitively), to say what a failed exact lookup found. */
function similar(names: (string | undefined)[], wanted: string): string {
  const near = names.filter((n): n is string => !!n && n.toLowerCase().includes(wanted.toLowerCase())).slice(0, 5);
  return near.length ? ` (similar: ${near.map((n) => `"${n}"`).join(", ")})` : "";
}

/**
 * For a lookup by exact name (`getX({ name })`): the one item of `all` named `wanted`, or an error
 * that says what was found instead (similar names, or the ids of several and "use id").
 */
export function onlyNamed<T extends { id?: string }>(
  fn: string,
  what: string,
  all: T[],
  nameOf: (t: T) => string | undefined,
  wanted: string,
): T {
  const named = all.filter((t) => nameOf(t) === wanted);
  if (named.length === 1) return named[0];
  throw new Error(
    named.length === 0
      ? `${fn}: no ${what} is named "${wanted}"${similar(all.map(nameOf), wanted)}`
      : `${fn}: ${named.length} ${what}s are named "${wanted}" (${named.map((t) => t.id).join(", ")}): use id`,
  );
}

/** A refinement (for `.refine(...exactlyOne("id", "name"))`): exactly one of two arguments is set. */
export function exactlyOne(a: string, b: string) {
  const check = (v: Record<string, unknown>) => (v[a] === undefined) !== (v[b] === undefined);
  return [check, { message: `set exactly one of ${a} and ${b}`, path: [a] as PropertyKey[] }] as const;
}

/** `T` with every member, array element and nested field allowed to be a Pulumi input. */
export type Inputs<T> = { [K in keyof T]: DeepInput<T[K]> };

/** One value that may be a Pulumi input at every level (a resource's `id` inside an array, …). */
export type DeepInput<T> = T extends Date | ((...args: any[]) => unknown)
  ? pulumi.Input<T>
  : T extends readonly (infer U)[]
    ? pulumi.Input<DeepInput<U>[]>
    : T extends object
      ? pulumi.Input<{ [K in keyof T]: DeepInput<T[K]> }>
      : pulumi.Input<T>;

/**
 * Makes the `getX` / `getXOutput` pair of one data source. `args` is strict: unknown properties
 * and bad values fail with every problem named, before any request.
 */
export function dataSource<S extends z.ZodType, R>(
  name: string,
  args: S,
  run: (a: z.output<S>, ctx: FunctionContext) => Promise<R>,
) {
  async function get(a: z.input<S> & FunctionArgs, _opts?: pulumi.InvokeOptions): Promise<R> {
    const { secret: _secret, ...rest } = (a ?? {}) as Record<string, unknown>;
    const failures = checkInputs(args, rest);
    if (failures.length > 0) throw new FunctionArgsError(name, failures);
    const used = new Set<Vendor>();
    try {
      return await run(args.parse(rest), context(used));
    } catch (e) {
      const refused = refusal(e, used);
      if (!refused) throw e;
      // A 403 is about one call; a 401 or a refused login fails every call with these settings.
      throw refused.error.status === 403 ? refused.error : remember(settingsKey(refused.vendor), refused.error);
    }
  }
  function getOutput(a: Inputs<z.input<S> & FunctionArgs>, opts?: pulumi.InvokeOutputOptions): pulumi.Output<R> {
    return pulumi.output(a as any).apply(async (plain: any) => {
      const result = await get(plain, opts);
      return (plain?.secret ? pulumi.secret(result) : result) as any;
    }) as pulumi.Output<R>;
  }
  return { get, getOutput };
}
