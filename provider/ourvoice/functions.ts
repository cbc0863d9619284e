// Our Voice lookups: one flow by id or exact name, or every flow matching filters.
import { z } from "zod";
import { dataSource, exactlyOne, onlyNamed } from "../function";
import type { Flow } from "./models";

/** Arguments of {@link getFlow}: exactly one of `id` and `name`. */
export const GetFlowArgs = z
  .strictObject({ id: z.uuid().optional(), name: z.string().min(1).optional() })
  .refine(...exactlyOne("id", "name"));

/** Arguments of {@link getFlows}: equality filters, all optional. */
export const GetFlowsArgs = z.strictObject({
  status: z.string().min(1).optional(),
  type: z.string().min(1).optional(),
  /** Exact name (Our Voice's own `filter[name]` also matches parts of names). */
  name: z.string().min(1).optional(),
});

const flows = dataSource("ourvoice.getFlows", GetFlowsArgs, async (a, ctx): Promise<{ flows: Flow[] }> => {
  const out: Flow[] = [];
  const query = { limit: 100, "filter[status]": a.status, "filter[type]": a.type, "filter[name]": a.name };
  for await (const f of ctx.ourvoice().flows(query)) if (a.name === undefined || f.name === a.name) out.push(f);
  return { flows: out };
});

const flow = dataSource("ourvoice.getFlow", GetFlowArgs, async (a, ctx): Promise<Flow> => {
  if (a.id !== undefined) return ctx.ourvoice().getFlow(a.id);
  const { flows: named } = await flows.get({ name: a.name });
  return onlyNamed("ourvoice.getFlow", "flow", named, (f) => f.name, a.name as string);
});

/** Every Our Voice flow matching the filters (all pages). */
export const getFlows = flows.get;
/** {@link getFlows} as an Output. */
export const getFlowsOutput = flows.getOutput;
/** One Our Voice flow by `id` or exact `name` (a name must match exactly one flow). */
export const getFlow = flow.get;
/** {@link getFlow} as an Output. */
export const getFlowOutput = flow.getOutput;
