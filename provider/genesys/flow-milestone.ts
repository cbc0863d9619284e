// The Genesys Cloud flow milestone resource: `pulumi-nodejs:dynamic/cxflow/genesys:FlowMilestone`.
import * as pulumi from "@pulumi/pulumi";
import { DEFINITION, NAME_KEY, type ResourceDefinition } from "../dynamic/define";
import { genesys } from "../dynamic/runtime";
import { shell } from "../dynamic/shell";
import type { FlowMilestone as Wire } from "./architect-models";
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

/** Inputs of a {@link FlowMilestone}; only `name` is required. */
export interface FlowMilestoneArgs {
  /** Name shown in Genesys Cloud and in flow analytics; unique in the org. */
  name: pulumi.Input<string>;
  /** Free text; absent or `""` means none (and clears it on the server). */
  description?: pulumi.Input<string>;
  /** The division it belongs to; absent means the home division (and never diffs). */
  divisionId?: pulumi.Input<string>;
  /**
   * Take over an existing milestone with the same `name` instead of failing. Read only when the
   * resource is created (Pulumi cannot `import` dynamic resources).
   */
  adopt?: pulumi.Input<boolean>;
}

/** The strict schema of {@link FlowMilestoneArgs} that check() applies. */
export const FlowMilestoneInputs = FlowLabelInputs;

async function put(milestoneId: string, i: FlowLabelIn): Promise<Wire> {
  const current = await genesys().call("getFlowMilestone", { params: { milestoneId } });
  return genesys().call("putFlowMilestone", { params: { milestoneId }, body: flowLabelBody(i, current) });
}

const definition: ResourceDefinition<FlowLabelIn, FlowLabelOut> = {
  kind: "genesys.FlowMilestone",
  path: "/flows/milestones",
  args: FlowMilestoneInputs,
  fields: flowLabelFields,
  export: {
    suffix: "FlowMilestone",
    plural: "flow milestones",
    async read({ clients, keep }) {
      const out = [];
      for await (const m of clients.genesys().flowMilestones({ pageSize: MAX_PAGE_SIZE })) {
        if (!keep(m.name)) continue;
        out.push({
          id: m.id,
          name: m.name,
          args: { name: m.name, description: m.description || undefined, adopt: true },
        });
      }
      return out;
    },
  },
  ...flowLabelLifecycle<Wire>({
    what: "flow milestone",
    list: () => genesys().flowMilestones({ pageSize: MAX_PAGE_SIZE }),
    get: (milestoneId) => genesys().call("getFlowMilestone", { params: { milestoneId } }),
    byIds: {
      list: (id) => genesys().call("listFlowMilestones", { query: { id, pageSize: MAX_LISTING_IDS } }),
      page: (query) => genesys().call("listFlowMilestones", { query }),
    },
    post: (i) => genesys().call("createFlowMilestone", { body: flowLabelBody(i) }),
    patch: (id, _changed, i) => put(id, i),
    // A flow that still refers to the milestone makes Genesys refuse (409): its message names the flows.
    remove: (milestoneId) => genesys().call("deleteFlowMilestone", { params: { milestoneId } }),
  }),
  inputsOf: flowLabelInputsOf,
};

/** The definition the provider host runs (see `pulumi-cxflow/dynamic`). */
export const flowMilestone = definition;

const provider = shell(definition.kind);

/**
 * A Genesys Cloud flow milestone (`/api/v2/flows/milestones`): a point an Architect flow reports
 * passing, such as "Caller identified". Flows refer to it by id (pass `milestone.id` to an
 * {@link ArchitectFlow}'s `substitutions`, so Pulumi deletes the flow first), and flow analytics
 * count it (`nFlowMilestone` by `flowMilestoneId`, named by the data sources). Genesys refuses
 * to delete a milestone a flow still refers to. Type token:
 * `pulumi-nodejs:dynamic/cxflow/genesys:FlowMilestone`.
 */
export class FlowMilestone extends pulumi.dynamic.Resource {
  /** @internal */
  static readonly [DEFINITION] = definition;
  /** Name shown in Genesys Cloud, as the server holds it. */
  declare readonly name: pulumi.Output<string>;
  /** The server's description; absent when the milestone has none. */
  declare readonly description: pulumi.Output<string | undefined>;
  /** Id of the division it belongs to. */
  declare readonly divisionId: pulumi.Output<string>;
  /** Name of the division it belongs to. */
  declare readonly divisionName: pulumi.Output<string | undefined>;
  /** The milestone's API path, `/api/v2/flows/milestones/<id>`. */
  declare readonly selfUri: pulumi.Output<string>;
  /** True when this resource took over a milestone that already existed (`adopt`). */
  declare readonly adopted: pulumi.Output<boolean>;

  /**
   * Declares a flow milestone in the stack; `pulumi up` creates it, or takes it over with `adopt`.
   * @param name The Pulumi resource name, unique in the stack (not the milestone's `name`).
   * @param args The milestone's settings.
   * @param opts Pulumi resource options.
   */
  constructor(name: string, args: FlowMilestoneArgs, opts?: pulumi.CustomResourceOptions) {
    const outputs = { divisionName: undefined, selfUri: undefined, adopted: undefined };
    super(provider, name, { ...outputs, ...args, [NAME_KEY]: name }, opts, "cxflow/genesys", "FlowMilestone");
  }
}
