// The Genesys Cloud flow outcome resource: `pulumi-nodejs:dynamic/cxflow/genesys:FlowOutcome`.
import * as pulumi from "@pulumi/pulumi";
import { DEFINITION, NAME_KEY, type ResourceDefinition } from "../dynamic/define";
import { genesys } from "../dynamic/runtime";
import { shell } from "../dynamic/shell";
import type { FlowOutcome as Wire } from "./architect-models";
import { MAX_LISTING_IDS, MAX_PAGE_SIZE } from "./endpoints";
import {
  type FlowLabelIn,
  FlowLabelInputs,
  type FlowLabelOut,
  flowLabelBody,
  flowLabelFields,
  flowLabelInputsOf,
  flowLabelLifecycle,
} from "./flow-labels";

/** Inputs of a {@link FlowOutcome}; only `name` is required. */
export interface FlowOutcomeArgs {
  /** Name shown in Genesys Cloud and in flow analytics; unique in the org. */
  name: pulumi.Input<string>;
  /** Free text; absent or `""` means none (and clears it on the server). */
  description?: pulumi.Input<string>;
  /** The division it belongs to; absent means the home division (and never diffs). */
  divisionId?: pulumi.Input<string>;
  /**
   * Take over an existing outcome with the same `name` (default **true**: Genesys Cloud cannot
   * delete flow outcomes, so one this stack destroyed is still there and a later create takes it
   * back). `false` refuses an existing one instead. Read only when the resource is created.
   */
  adopt?: pulumi.Input<boolean>;
}

/** The strict schema of {@link FlowOutcomeArgs} that check() applies. */
export const FlowOutcomeInputs = FlowLabelInputs;

/** The PUT answers an operation, not the outcome: the outcome is read back after it. */
async function put(flowOutcomeId: string, i: FlowLabelIn): Promise<Wire> {
  const current = await genesys().call("getFlowOutcome", { params: { flowOutcomeId } });
  const op = await genesys().call("putFlowOutcome", { params: { flowOutcomeId }, body: flowLabelBody(i, current) });
  if (op.errorMessage)
    throw new Error(`flow outcome "${i.name}" (${flowOutcomeId}): the update failed: ${op.errorMessage}`);
  return genesys().call("getFlowOutcome", { params: { flowOutcomeId } });
}

let warnedDelete = false;

const definition: ResourceDefinition<FlowLabelIn, FlowLabelOut> = {
  kind: "genesys.FlowOutcome",
  path: "/flows/outcomes",
  args: FlowOutcomeInputs,
  fields: flowLabelFields,
  // Adopting is the default: a destroyed outcome is still there (see `adopt`).
  prepare: (i) => ({ ...i, adopt: i.adopt ?? true }),
  export: {
    suffix: "FlowOutcome",
    plural: "flow outcomes",
    async read({ clients, keep }) {
      const out = [];
      for await (const o of clients.genesys().flowOutcomes({ pageSize: MAX_PAGE_SIZE })) {
        if (!keep(o.name)) continue;
        out.push({ id: o.id, name: o.name, args: { name: o.name, description: o.description || undefined } });
      }
      return out;
    },
  },
  ...flowLabelLifecycle<Wire>({
    what: "flow outcome",
    list: () => genesys().flowOutcomes({ pageSize: MAX_PAGE_SIZE }),
    get: (flowOutcomeId) => genesys().call("getFlowOutcome", { params: { flowOutcomeId } }),
    byIds: {
      list: (id) => genesys().call("listFlowOutcomes", { query: { id, pageSize: MAX_LISTING_IDS } }),
      page: (query) => genesys().call("listFlowOutcomes", { query }),
    },
    post: (i) => genesys().call("createFlowOutcome", { body: flowLabelBody(i) }),
    patch: (id, _changed, i) => put(id, i),
    // Genesys Cloud has no delete for flow outcomes: the outcome stays, and the stack lets go of it.
    async remove() {
      if (warnedDelete) return;
      warnedDelete = true;
      pulumi.log.warn(
        "Genesys Cloud cannot delete flow outcomes: a deleted FlowOutcome stays in the org (a later FlowOutcome with its name takes it back).",
      );
    },
  }),
  inputsOf: flowLabelInputsOf,
};

/** The definition the provider host runs (see `pulumi-cxflow/dynamic`). */
export const flowOutcome = definition;

const provider = shell(definition.kind);

/**
 * A Genesys Cloud flow outcome (`/api/v2/flows/outcomes`): a result an Architect flow reports
 * reaching, such as "Payment taken". Flows refer to it by id (pass `outcome.id` to an
 * {@link ArchitectFlow}'s `substitutions`), and flow analytics count it (`nFlowOutcome` by
 * `flowOutcomeId`, named by the data sources). Genesys Cloud cannot delete outcomes: `destroy`
 * leaves it in the org, and a later create with the same name takes it back (see `adopt`).
 * Type token: `pulumi-nodejs:dynamic/cxflow/genesys:FlowOutcome`.
 */
export class FlowOutcome extends pulumi.dynamic.Resource {
  /** @internal */
  static readonly [DEFINITION] = definition;
  /** Name shown in Genesys Cloud, as the server holds it. */
  declare readonly name: pulumi.Output<string>;
  /** The server's description; absent when the outcome has none. */
  declare readonly description: pulumi.Output<string | undefined>;
  /** Id of the division it belongs to. */
  declare readonly divisionId: pulumi.Output<string>;
  /** Name of the division it belongs to. */
  declare readonly divisionName: pulumi.Output<string | undefined>;
  /** The outcome's API path, `/api/v2/flows/outcomes/<id>`. */
  declare readonly selfUri: pulumi.Output<string>;
  /** True when this resource took over an outcome that already existed (`adopt`). */
  declare readonly adopted: pulumi.Output<boolean>;

  /**
   * Declares a flow outcome in the stack; `pulumi up` creates it, or takes over the one with its name.
   * @param name The Pulumi resource name, unique in the stack (not the outcome's `name`).
   * @param args The outcome's settings.
   * @param opts Pulumi resource options.
   */
  constructor(name: string, args: FlowOutcomeArgs, opts?: pulumi.CustomResourceOptions) {
    const outputs = { divisionName: undefined, selfUri: undefined, adopted: undefined };
    super(provider, name, { ...outputs, ...args, [NAME_KEY]: name }, opts, "cxflow/genesys", "FlowOutcome");
  }
}
