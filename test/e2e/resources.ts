// Shared by the resource tests: a stack of the `resources` program whose declarations live in
// config, and the resources' state as the engine stored it.
import * as path from "node:path";
import type { Sandbox } from "../../sandbox";
import { TestStack } from "./harness";

export { sandboxClients } from "../contract/helpers";

/** One resource of the `resources` program. */
export interface Declared {
  /** `<vendor>.<Class>`, e.g. `genesys.JourneySegment`. */
  type: string;
  name: string;
  args: Record<string, unknown>;
  /** Top-level args passed as Pulumi secrets. */
  secret?: string[];
}

/** A resource as stored in the stack's state. */
export interface Stored {
  id: string;
  type: string;
  inputs: Record<string, any>;
  outputs: Record<string, any>;
  /** Length of the serialized provider (`__provider`) stored with the resource. */
  providerBytes: number;
  /** The serialized provider itself. */
  provider: string;
}

/** A stack of test/e2e/programs/resources pointed at `sandbox`, with extra env and secret config. */
export async function resourceStack(
  sandbox: Sandbox,
  extra: { env?: Record<string, string>; secrets?: Record<string, string> } = {},
): Promise<TestStack> {
  return TestStack.create({
    program: path.join(__dirname, "programs", "resources"),
    config: { "cxflow:sandboxUrl": sandbox.url, resources: "[]" },
    env: extra.env,
    secrets: extra.secrets,
  });
}

/**
 * Replaces the program's resource declarations (takes effect on the next command). They are set
 * as secret config: the engine copies plain stack config into the default provider's state, which
 * would put values the program passes as secrets there in clear.
 */
export function declare(stack: TestStack, resources: Declared[]): Promise<void> {
  return stack.setConfig("resources", JSON.stringify(resources), { secret: true });
}

/** Every cxflow resource in the stack's state, by resource name. */
export async function stored(stack: TestStack): Promise<Record<string, Stored>> {
  const state = await stack.exportState();
  const out: Record<string, Stored> = {};
  for (const r of state.deployment.resources ?? []) {
    if (!r.type.startsWith("pulumi-nodejs:dynamic/cxflow")) continue;
    const name = r.urn.slice(r.urn.lastIndexOf("::") + 2);
    const provider = r.outputs?.__provider ?? r.inputs?.__provider ?? "";
    out[name] = {
      id: r.id ?? "",
      type: r.type,
      inputs: r.inputs ?? {},
      outputs: r.outputs ?? {},
      providerBytes: provider.length,
      provider,
    };
  }
  return out;
}

/** Requests the sandbox has counted for one vendor (all routes), for "zero requests" checks. */
export function requestCount(sandbox: Sandbox, vendor: string): number {
  const table = sandbox.stats().vendors[vendor as "genesys"] ?? {};
  return Object.values(table).reduce((n, v) => n + v, 0);
}
