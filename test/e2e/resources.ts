// Shared by the resource tests: a stack of the `resources` program whose declarations live in
// config, and the resources' state as the engine stored it.
import * as path from "node:path";
import { RESOURCES } from "../../provider/dynamic";
import { type Sandbox, startSandbox } from "../../sandbox";
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

/** What a sample declaration may vary: names, the version of its updatable field, what it points at. */
export interface SampleOptions {
  /** Keeps names apart between stacks on one sandbox. */
  tag: string;
  /** 1 for the first declaration; a higher one changes a field that updates in place. */
  v?: number;
  /** A seeded action target to take over (one per stack: two stacks would undo each other). */
  targetName?: string;
  /** A Zoom flow file: a path or the JSON text. */
  flowFile?: string;
}

/** A Zoom flow file the samples import. */
export const SAMPLE_FLOW_FILE = JSON.stringify({
  channel: "voice",
  channel_type: "voice",
  definition: { start: "greet", widgets: [{ id: "greet", type: "play_message", next: "end" }] },
});

/** An inbound-call flow in Architect YAML; `{{ flowName }}` and `{{ greeting }}` are filled by substitutions. */
export const SAMPLE_ARCHITECT_YAML = `inboundCall:
  name: "{{ flowName }}"
  description: Sample inbound call flow
  defaultLanguage: en-us
  startUpRef: ./menus/menu[mainMenu]
  initialGreeting:
    tts: "{{ greeting }}"
  menus:
    - menu:
        name: Main Menu
        refId: mainMenu
        audio:
          tts: Press 1 for sales.
        choices:
          - menuDisconnect:
              name: Disconnect
              dtmf: digit_9
`;

/**
 * One valid declaration per registered kind, against the sandbox's seeded data: the bench and the
 * matrices that cover every kind (security, bad input) declare one of each from here.
 */
export const SAMPLES: Record<string, { name: string; args(o: SampleOptions): Record<string, unknown> }> = {
  "genesys.JourneySegment": {
    name: "segment",
    args: ({ tag, v = 1 }) => ({ displayName: `${tag} segment`, ...(v > 1 ? { description: `${tag} v${v}` } : {}) }),
  },
  "genesys.JourneyActionMap": {
    name: "actionmap",
    args: ({ tag, v = 1 }) => ({
      displayName: `${tag} action map`,
      pageUrlConditions: [{ values: ["/pricing"], operator: "containsAny" }],
      action: { mediaType: "webMessagingOffer", webMessagingOfferFields: { offerText: `Questions? (v${v})` } },
    }),
  },
  "genesys.JourneyActionTemplate": {
    name: "template",
    args: ({ tag, v = 1 }) => ({
      name: `${tag} offer`,
      mediaType: "contentOffer",
      contentOffer: { displayMode: "Toast", layoutMode: "TextOnly", headline: "Need a hand?" },
      ...(v > 1 ? { description: `${tag} v${v}` } : {}),
    }),
  },
  "genesys.JourneyOutcome": {
    name: "outcome",
    args: ({ tag, v = 1 }) => ({
      displayName: `${tag} outcome`,
      journey: {
        patterns: [
          { criteria: [{ key: "page.url", values: ["/thanks"] }], count: 1, streamType: "Web", sessionType: "web" },
        ],
      },
      ...(v > 1 ? { description: `${tag} v${v}` } : {}),
    }),
  },
  "genesys.FlowOutcome": {
    name: "flowoutcome",
    args: ({ tag, v = 1 }) => ({ name: `${tag} flow outcome`, ...(v > 1 ? { description: `${tag} v${v}` } : {}) }),
  },
  "genesys.FlowMilestone": {
    name: "milestone",
    args: ({ tag, v = 1 }) => ({ name: `${tag} milestone`, ...(v > 1 ? { description: `${tag} v${v}` } : {}) }),
  },
  "genesys.ArchitectFlow": {
    name: "architect",
    args: ({ tag, v = 1 }) => ({
      content: SAMPLE_ARCHITECT_YAML,
      substitutions: { flowName: `${tag} inbound call`, greeting: `Welcome (v${v})` },
    }),
  },
  "genesys.ActionTarget": {
    name: "target",
    args: ({ targetName = "Sales web chat", v = 1 }) => ({
      targetName,
      serviceLevel: { percentage: 0.8, durationMs: 30_000 },
      shortAbandonThreshold: 5 + v,
    }),
  },
  "ourvoice.Flow": {
    name: "ourvoice",
    args: ({ tag, v = 1 }) => ({
      name: `${tag} flow`,
      type: "voice",
      metadata: { greeting: "hello", queue: "sales" },
      ...(v > 1 ? { description: `${tag} v${v}` } : {}),
    }),
  },
  "zoom.Flow": {
    name: "zoom",
    args: ({ tag, v = 1, flowFile = SAMPLE_FLOW_FILE }) => ({
      name: `${tag} IVR`,
      flowFile,
      publish: true,
      ...(v > 1 ? { description: `${tag} v${v}` } : {}),
    }),
  },
};

/** One resource of every registered kind (a kind without a sample is an error naming it). */
export function oneOfEach(o: SampleOptions): Declared[] {
  return RESOURCES.map((d) => {
    const sample = SAMPLES[d.kind];
    if (!sample) throw new Error(`no sample declaration of ${d.kind}: add one to SAMPLES in test/e2e/resources.ts`);
    return { type: d.kind, name: sample.name, args: sample.args(o) };
  });
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

/**
 * A sandbox and a stack of the `resources` program for the enclosing `describe`: started before
 * its tests (then `ready` runs, e.g. to note what the sandbox holds), destroyed and stopped after.
 */
export function useResourceStack(ready: (s: { sandbox: Sandbox; stack: TestStack }) => void | Promise<void>): void {
  let sandbox: Sandbox | undefined;
  let stack: TestStack | undefined;
  beforeAll(async () => {
    sandbox = await startSandbox();
    stack = await resourceStack(sandbox);
    await ready({ sandbox, stack });
  });
  afterAll(async () => {
    await stack?.destroy().catch(() => undefined);
    await stack?.dispose();
    await sandbox?.stop();
  });
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
