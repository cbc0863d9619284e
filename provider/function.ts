// Data sources (design decision 8): program-side functions `getX(args): Promise<R>` and
// `getXOutput(args): Output<R>`, with args validated by zod before any request.
import * as pulumi from "@pulumi/pulumi";
import type { z } from "zod";
import { type Clients, clientsFrom } from "./clients";
import type { ConfigSource } from "./config";
import { checkInputs } from "./dynamic/check";

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

function context(): FunctionContext {
  return { ...clientsFrom(stackConfig), progress: (message) => pulumi.log.info(message) };
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
    return run(args.parse(rest), context());
  }
  function getOutput(a: Inputs<z.input<S> & FunctionArgs>, opts?: pulumi.InvokeOutputOptions): pulumi.Output<R> {
    return pulumi.output(a as any).apply(async (plain: any) => {
      const result = await get(plain, opts);
      return (plain?.secret ? pulumi.secret(result) : result) as any;
    }) as pulumi.Output<R>;
  }
  return { get, getOutput };
}
