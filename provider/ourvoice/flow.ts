// The Our Voice flow resource: `pulumi-nodejs:dynamic/cxflow/ourvoice:Flow`.
import * as pulumi from "@pulumi/pulumi";
import { z } from "zod";
import { listingReads } from "../dynamic/batch";
import { nonBlank } from "../dynamic/check";
import { createOnce } from "../dynamic/create-once";
import { DEFINITION, NAME_KEY, type ResourceDefinition } from "../dynamic/define";
import { diffFields, type Fields } from "../dynamic/fields";
import { ourvoice } from "../dynamic/runtime";
import { shell } from "../dynamic/shell";
import { type CreateFlow, FLOW_STATUSES, FLOW_TYPES, type Flow as ServerFlow, type UpdateFlow } from "./models";

// ---------------------------------------------------------------------------------------------
// Public arguments

/** Inputs of a {@link Flow}; `name` and `type` are required. */
export interface FlowArgs {
  /** Name shown in Our Voice (1–255 characters); cxflow keeps it unique (see `adopt`). */
  name: pulumi.Input<string>;
  /** `voice` or `sms`. Changes in place. */
  type: pulumi.Input<(typeof FLOW_TYPES)[number]>;
  /** Up to 1000 characters; absent or `""` means none (and clears it on the server). */
  description?: pulumi.Input<string>;
  /**
   * `draft`, `paused` or `published`. When absent the server's value is kept (new flows start as
   * `draft`), and changes made in Our Voice never show as a diff.
   */
  status?: pulumi.Input<(typeof FLOW_STATUSES)[number]>;
  /**
   * Any JSON object, stored by Our Voice as JSON text. Compared by structure (key order does not
   * matter); absent or `{}` means none. Pass it as a Pulumi secret and it stays secret in state.
   */
  metadata?: pulumi.Input<Record<string, unknown>>;
  /**
   * Take over an existing flow with the same `name` instead of failing; only the fields that
   * differ from it are written (none when it already matches). Read only when the resource is
   * created (Pulumi cannot `import` dynamic resources).
   */
  adopt?: pulumi.Input<boolean>;
}

// ---------------------------------------------------------------------------------------------
// Schema and field specs

/** The strict schema of {@link FlowArgs} that check() applies; limits are the API's (models.ts). */
export const FlowInputs = z.strictObject({
  name: nonBlank(255),
  type: z.enum(FLOW_TYPES),
  description: z.string().max(1000).optional(),
  status: z.enum(FLOW_STATUSES).optional(),
  metadata: z.record(z.string(), z.unknown()).optional(),
  adopt: z.boolean().optional(),
});
type In = z.infer<typeof FlowInputs>;

/** Outputs: the flow as the server holds it (camel-cased), plus what cxflow needs to manage it. */
interface Out {
  name: string;
  type: string;
  description?: string;
  status: string;
  /** Parsed from the server's JSON text; the raw text when it is not JSON. */
  metadata?: unknown;
  flowUrl?: string;
  createdAt: string;
  updatedAt: string;
  adopt?: boolean;
  /** True when this resource took over a flow that already existed. */
  adopted: boolean;
}

const isEmptyObject = (v: unknown) =>
  typeof v === "object" && v !== null && !Array.isArray(v) && Object.keys(v).length === 0;

/** Every input field and how it diffs. */
export const fields: Fields = {
  name: {},
  type: {},
  description: { canonical: (v: string) => (v === "" ? undefined : v) },
  status: { serverChosen: true },
  // Structure only (the diff engine ignores key order); `{}` is the same as none.
  metadata: { secret: true, canonical: (v: unknown) => (isEmptyObject(v) ? undefined : v) },
  adopt: { createOnly: true },
};

// ---------------------------------------------------------------------------------------------
// Wire mapping

/** The metadata as the API's JSON text, or undefined when there is none. */
const metadataText = (m: In["metadata"]) => (m === undefined || isEmptyObject(m) ? undefined : JSON.stringify(m));

function createBody(i: In): CreateFlow {
  const metadata = metadataText(i.metadata);
  return {
    name: i.name,
    type: i.type,
    ...(i.status !== undefined ? { status: i.status } : {}),
    ...(i.description ? { description: i.description } : {}),
    ...(metadata !== undefined ? { metadata } : {}),
  };
}

/** Every managed field: fields left out are nulled, except `status`, which the server then keeps. */
function updateBody(i: In): UpdateFlow {
  return {
    name: i.name,
    type: i.type,
    ...(i.status !== undefined ? { status: i.status } : {}),
    description: i.description || null,
    metadata: metadataText(i.metadata) ?? null,
  };
}

/**
 * The PUT that turns `current` into `i`, carrying only the fields that differ (metadata compared by
 * structure, so key order alone is no change); undefined when nothing differs.
 */
function changesFrom(current: ServerFlow, i: In): UpdateFlow | undefined {
  const { changed } = diffFields(fields, toOutputs(current, {}), i);
  if (changed.length === 0) return undefined;
  const all = updateBody(i);
  return Object.fromEntries(changed.map((k) => [k, all[k as keyof UpdateFlow]]));
}

/** The server's metadata as a value: JSON text parsed, an object kept, text that is not JSON as is. */
export function parseMetadata(m: ServerFlow["metadata"]): unknown {
  if (m === null || m === undefined) return undefined;
  if (typeof m !== "string") return m;
  try {
    return JSON.parse(m);
  } catch {
    return m;
  }
}

/** The one mapping from a server flow to outputs (create, read and update), so refresh is quiet. */
function toOutputs(f: ServerFlow, local: { adopt?: boolean; adopted?: boolean }): Out {
  // flow_executions_count is left out: it moves with every run, not with edits.
  return {
    name: f.name,
    type: f.type,
    description: f.description ?? undefined,
    status: f.status,
    metadata: parseMetadata(f.metadata),
    flowUrl: f.flow_url ?? undefined,
    createdAt: f.created_at,
    updatedAt: f.updated_at,
    adopt: local.adopt,
    adopted: local.adopted ?? false,
  };
}

// ---------------------------------------------------------------------------------------------
// Names: cxflow refuses a second flow with a name in use, because the name is how an ambiguous
// create is recovered and how `adopt` finds a flow.

/** Every flow named exactly `name`: the server's filter narrows the pages, the exact match decides. */
async function findByName(name: string): Promise<ServerFlow[]> {
  const found: ServerFlow[] = [];
  for await (const f of ourvoice().flows({ "filter[name]": name, limit: 100 })) if (f.name === name) found.push(f);
  return found;
}

/** Takes over the one flow named like the declaration; a flow that already holds it gets no write. */
async function adopt(found: ServerFlow, i: In): Promise<Out> {
  const body = changesFrom(found, i);
  const now = body === undefined ? found : await ourvoice().updateFlow(found.id, body);
  return toOutputs(now, { adopt: i.adopt, adopted: true });
}

async function create(i: In): Promise<{ id: string; outs: Out }> {
  const created = await createOnce(
    () => ourvoice().createFlow(createBody(i)),
    async () => (await findByName(i.name))[0],
  );
  return { id: created.id, outs: toOutputs(created, { adopt: i.adopt, adopted: false }) };
}

// ---------------------------------------------------------------------------------------------
// CRUD

/** Refresh reads: one GET alone, the whole listing (100 a page) for a refresh of many. */
const reads = listingReads<ServerFlow>(
  (id) => ourvoice().getFlow(id),
  async function* () {
    for await (const f of ourvoice().flows({ limit: 100 })) yield [f.id, f];
  },
);

const definition: ResourceDefinition<In, Out, ServerFlow> = {
  kind: "ourvoice.Flow",
  path: "/flows",
  args: FlowInputs,
  fields,
  export: {
    suffix: "OurVoiceFlow",
    plural: "Our Voice flows",
    async read({ clients, keep }) {
      const out = [];
      for await (const f of clients.ourvoice().flows({ limit: 100 })) {
        if (!keep(f.name)) continue;
        const metadata = parseMetadata(f.metadata);
        const args = {
          name: f.name,
          type: f.type,
          description: f.description,
          status: f.status,
          metadata: metadata && typeof metadata === "object" && Object.keys(metadata).length > 0 ? metadata : undefined,
          adopt: true,
        };
        // Text that is not JSON comes back as it is.
        const skipped =
          typeof metadata === "string" && metadata === f.metadata
            ? "its metadata is not JSON: the resource manages metadata as an object"
            : undefined;
        out.push({ id: f.id, name: f.name, args, skipped });
      }
      return out;
    },
  },
  named: { what: "Our Voice flow", property: "name", find: findByName },
  inputsOf(_outs, inputs) {
    if (inputs.description === "") delete inputs.description;
    return inputs;
  },
  create,
  adopt,
  reads,
  async read(id, olds) {
    const f = await reads.load(id);
    return f === undefined ? undefined : toOutputs(f, olds);
  },
  async update(id, olds, news) {
    return toOutputs(await ourvoice().updateFlow(id, updateBody(news)), olds);
  },
  async delete(id) {
    await ourvoice().deleteFlow(id);
  },
};

/** The definition the provider host runs (see `pulumi-cxflow/dynamic`). */
export const flow = definition;

// ---------------------------------------------------------------------------------------------
// The resource

const provider = shell(definition.kind);

/**
 * An Our Voice flow (`/v1/flows`). Updates are one PUT carrying every managed field; `status`
 * left out keeps the server's value. Type token: `pulumi-nodejs:dynamic/cxflow/ourvoice:Flow`.
 */
export class Flow extends pulumi.dynamic.Resource {
  /** @internal */
  static readonly [DEFINITION] = definition;
  /** The flow's name, as the server holds it. */
  declare readonly name: pulumi.Output<string>;
  /** `voice` or `sms`, as the server holds it (a value Our Voice adds later passes through). */
  declare readonly type: pulumi.Output<string>;
  /** The server's description; absent when the flow has none. */
  declare readonly description: pulumi.Output<string | undefined>;
  /**
   * `draft`, `paused` or `published`, as the server holds it (a value Our Voice adds later passes
   * through); a change made in Our Voice shows here after a refresh.
   */
  declare readonly status: pulumi.Output<string>;
  /**
   * The metadata as the server holds it, parsed from JSON (the raw text when it is not JSON);
   * absent when there is none; secret when the input was.
   */
  declare readonly metadata: pulumi.Output<Record<string, unknown> | undefined>;
  /** The flow's URL, when Our Voice reports one. */
  declare readonly flowUrl: pulumi.Output<string | undefined>;
  /** When the flow was created (ISO-8601, UTC, e.g. `2026-10-01T09:30:00.000000Z`), set by the server; never changes. */
  declare readonly createdAt: pulumi.Output<string>;
  /** Changes only when an edit really changed the flow. */
  declare readonly updatedAt: pulumi.Output<string>;
  /** True when this resource took over a flow that already existed (`adopt`). */
  declare readonly adopted: pulumi.Output<boolean>;

  /**
   * Declares an Our Voice flow in the stack; `pulumi up` creates it, or takes it over with `adopt`.
   * @param name The Pulumi resource name, unique in the stack (not the flow's `name`).
   * @param args The flow's settings.
   * @param opts Pulumi resource options.
   */
  constructor(name: string, args: FlowArgs, opts?: pulumi.CustomResourceOptions) {
    const outputs = {
      description: undefined,
      status: undefined,
      metadata: undefined,
      flowUrl: undefined,
      createdAt: undefined,
      updatedAt: undefined,
      adopted: undefined,
    };
    super(provider, name, { ...outputs, ...args, [NAME_KEY]: name }, opts, "cxflow/ourvoice", "Flow");
  }
}
