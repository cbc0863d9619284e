// Genesys Architect lookups: flows, flow outcomes and flow milestones by id or exact name, or every one matching filters.
import { z } from "zod";
import { dataSource, exactlyOne, onlyNamed } from "../function";
import { type Flow, type FlowMilestone, type FlowOutcome, FlowTypeName } from "./architect-models";
import type { GenesysClient } from "./client";
import { MAX_LISTING_IDS, MAX_PAGE_SIZE } from "./endpoints";

/** Arguments of {@link getArchitectFlows}: every filter is optional and they combine. */
export const GetArchitectFlowsArgs = z.strictObject({
  /** Flows by id, any number; answered in the order asked, each id once. */
  ids: z.array(z.uuid()).min(1).optional(),
  /** Exact name. */
  name: z.string().min(1).optional(),
  /** Only flows of this type, e.g. `INBOUNDCALL`. */
  type: FlowTypeName.optional(),
  /** Include deleted flows (default false). */
  includeDeleted: z.boolean().optional(),
});

/** Result of {@link getArchitectFlows}. */
export interface ArchitectFlowsResult {
  /** The matching flows: in the order of `ids` when given, else in the server's listing order. */
  flows: Flow[];
  /** Ids asked for in `ids` that do not exist (empty without `ids`). */
  missing: string[];
}

/** Arguments of {@link getArchitectFlow}: exactly one of `id` and `name`, and a `type` when two flows share a name. */
export const GetArchitectFlowArgs = z
  .strictObject({ id: z.uuid().optional(), name: z.string().min(1).optional(), type: FlowTypeName.optional() })
  .refine(...exactlyOne("id", "name"));

/** Arguments of {@link getFlowOutcomes} and {@link getFlowMilestones}: every filter is optional and they combine. */
export const GetFlowLabelsArgs = z.strictObject({
  /** Objects by id, any number; answered in the order asked, each id once. */
  ids: z.array(z.uuid()).min(1).optional(),
  /** Exact name. */
  name: z.string().min(1).optional(),
});

/** Arguments of {@link getFlowOutcome} and {@link getFlowMilestone}: exactly one of `id` and `name`. */
export const GetFlowLabelArgs = z
  .strictObject({ id: z.uuid().optional(), name: z.string().min(1).optional() })
  .refine(...exactlyOne("id", "name"));

/** Result of {@link getFlowOutcomes}. */
export interface FlowOutcomesResult {
  /** The matching outcomes: in the order of `ids` when given, else in the server's listing order. */
  outcomes: FlowOutcome[];
  /** Ids asked for in `ids` that do not exist (empty without `ids`). */
  missing: string[];
}

/** Result of {@link getFlowMilestones}. */
export interface FlowMilestonesResult {
  /** The matching milestones: in the order of `ids` when given, else in the server's listing order. */
  milestones: FlowMilestone[];
  /** Ids asked for in `ids` that do not exist (empty without `ids`). */
  missing: string[];
}

/** Objects by id, `MAX_LISTING_IDS` per listing request: found in the order asked, and the ids nobody has. */
export async function byIds<T extends { id: string }>(
  ids: string[],
  list: (chunk: string[]) => Promise<{ entities?: T[] }>,
): Promise<{ found: T[]; missing: string[] }> {
  const unique = [...new Set(ids)];
  const seen = new Map<string, T>();
  for (let i = 0; i < unique.length; i += MAX_LISTING_IDS) {
    const page = await list(unique.slice(i, i + MAX_LISTING_IDS));
    for (const x of page.entities ?? []) seen.set(x.id, x);
  }
  return { found: unique.flatMap((id) => seen.get(id) ?? []), missing: unique.filter((id) => !seen.has(id)) };
}

async function all<T>(items: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const x of items) out.push(x);
  return out;
}

const flowsByIds = (client: GenesysClient, ids: string[], deleted?: boolean) =>
  byIds(ids, (id) => client.call("listFlows", { query: { id, pageSize: MAX_LISTING_IDS, deleted } }));

const architectFlows = dataSource(
  "genesys.getArchitectFlows",
  GetArchitectFlowsArgs,
  async (a, ctx): Promise<ArchitectFlowsResult> => {
    // The listing's name filter matches parts of names: the exact name is checked here.
    const matches = (f: Flow) =>
      (a.name === undefined || f.name === a.name) &&
      (a.type === undefined || f.type === a.type) &&
      (a.includeDeleted === true || f.deleted !== true);
    if (a.ids !== undefined) {
      const { found, missing } = await flowsByIds(ctx.genesys(), a.ids, a.includeDeleted);
      return { flows: found.filter(matches), missing };
    }
    const query = {
      pageSize: MAX_PAGE_SIZE,
      name: a.name,
      type: a.type ? [a.type] : undefined,
      deleted: a.includeDeleted,
    };
    return { flows: (await all(ctx.genesys().flows(query))).filter(matches), missing: [] };
  },
);

const architectFlow = dataSource("genesys.getArchitectFlow", GetArchitectFlowArgs, async (a, ctx): Promise<Flow> => {
  if (a.id !== undefined) return ctx.genesys().call("getFlow", { params: { flowId: a.id } });
  const query = { pageSize: MAX_PAGE_SIZE, name: a.name, type: a.type ? [a.type] : undefined };
  const listed = (await all(ctx.genesys().flows(query))).filter((f) => a.type === undefined || f.type === a.type);
  return onlyNamed("genesys.getArchitectFlow", "architect flow", listed, (f) => f.name, a.name as string);
});

const flowOutcomes = dataSource(
  "genesys.getFlowOutcomes",
  GetFlowLabelsArgs,
  async (a, ctx): Promise<FlowOutcomesResult> => {
    const matches = (o: FlowOutcome) => a.name === undefined || o.name === a.name;
    if (a.ids !== undefined) {
      const { found, missing } = await byIds(a.ids, (id) =>
        ctx.genesys().call("listFlowOutcomes", { query: { id, pageSize: MAX_LISTING_IDS } }),
      );
      return { outcomes: found.filter(matches), missing };
    }
    const listed = await all(ctx.genesys().flowOutcomes({ pageSize: MAX_PAGE_SIZE, name: a.name }));
    return { outcomes: listed.filter(matches), missing: [] };
  },
);

const flowOutcome = dataSource("genesys.getFlowOutcome", GetFlowLabelArgs, async (a, ctx): Promise<FlowOutcome> => {
  if (a.id !== undefined) return ctx.genesys().call("getFlowOutcome", { params: { flowOutcomeId: a.id } });
  const listed = await all(ctx.genesys().flowOutcomes({ pageSize: MAX_PAGE_SIZE, name: a.name }));
  return onlyNamed("genesys.getFlowOutcome", "flow outcome", listed, (o) => o.name, a.name as string);
});

const flowMilestones = dataSource(
  "genesys.getFlowMilestones",
  GetFlowLabelsArgs,
  async (a, ctx): Promise<FlowMilestonesResult> => {
    const matches = (m: FlowMilestone) => a.name === undefined || m.name === a.name;
    if (a.ids !== undefined) {
      const { found, missing } = await byIds(a.ids, (id) =>
        ctx.genesys().call("listFlowMilestones", { query: { id, pageSize: MAX_LISTING_IDS } }),
      );
      return { milestones: found.filter(matches), missing };
    }
    const listed = await all(ctx.genesys().flowMilestones({ pageSize: MAX_PAGE_SIZE, name: a.name }));
    return { milestones: listed.filter(matches), missing: [] };
  },
);

const flowMilestone = dataSource(
  "genesys.getFlowMilestone",
  GetFlowLabelArgs,
  async (a, ctx): Promise<FlowMilestone> => {
    if (a.id !== undefined) return ctx.genesys().call("getFlowMilestone", { params: { milestoneId: a.id } });
    const listed = await all(ctx.genesys().flowMilestones({ pageSize: MAX_PAGE_SIZE, name: a.name }));
    return onlyNamed("genesys.getFlowMilestone", "flow milestone", listed, (m) => m.name, a.name as string);
  },
);

/** Architect flows by `ids` (batched, in the order asked, unknown ids in `missing`) or all pages, by exact `name`, `type`, deleted ones on request. */
export const getArchitectFlows = architectFlows.get;
/** {@link getArchitectFlows} as an Output. */
export const getArchitectFlowsOutput = architectFlows.getOutput;
/** One Architect flow by `id` or exact `name` (with `type` when names repeat across types; a name must match exactly one flow). */
export const getArchitectFlow = architectFlow.get;
/** {@link getArchitectFlow} as an Output. */
export const getArchitectFlowOutput = architectFlow.getOutput;
/** Flow outcomes by `ids` (batched, in the order asked, unknown ids in `missing`) or all pages, by exact `name`. */
export const getFlowOutcomes = flowOutcomes.get;
/** {@link getFlowOutcomes} as an Output. */
export const getFlowOutcomesOutput = flowOutcomes.getOutput;
/** One flow outcome by `id` or exact `name`. */
export const getFlowOutcome = flowOutcome.get;
/** {@link getFlowOutcome} as an Output. */
export const getFlowOutcomeOutput = flowOutcome.getOutput;
/** Flow milestones by `ids` (batched, in the order asked, unknown ids in `missing`) or all pages, by exact `name`. */
export const getFlowMilestones = flowMilestones.get;
/** {@link getFlowMilestones} as an Output. */
export const getFlowMilestonesOutput = flowMilestones.getOutput;
/** One flow milestone by `id` or exact `name`. */
export const getFlowMilestone = flowMilestone.get;
/** {@link getFlowMilestone} as an Output. */
export const getFlowMilestoneOutput = flowMilestone.getOutput;
