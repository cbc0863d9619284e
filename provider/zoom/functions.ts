// Zoom Contact Center lookups: one flow by id or exact name, or every flow matching filters.
import { z } from "zod";
import { dataSource, exactlyOne } from "../function";
import { ChannelType, FLOW_STATUS_FILTERS, type Flow } from "./models";

/** Arguments of {@link getFlow}: exactly one of `id` and `name`. */
export const GetFlowArgs = z
  .strictObject({ id: z.string().min(1).optional(), name: z.string().min(1).optional() })
  .refine(...exactlyOne("id", "name"));

/** Arguments of {@link getFlows}: equality filters, all optional. */
export const GetFlowsArgs = z.strictObject({
  /** `draft`, `published` or `archived` (the values List flows filters by). */
  status: z.enum(FLOW_STATUS_FILTERS).optional(),
  /** Legacy channel classification: `voice`, `chat`, `sms`, `video`, `in_app_chat`. */
  channelType: ChannelType.optional(),
});

/** Largest page of List flows. */
const PAGE_SIZE = 100;

const flows = dataSource("zoom.getFlows", GetFlowsArgs, async (a, ctx): Promise<{ flows: Flow[] }> => {
  const out: Flow[] = [];
  // The client restarts once on an expired page token and skips flows it already yielded.
  for await (const f of ctx.zoom().flows({ page_size: PAGE_SIZE, status: a.status, channel_type: a.channelType })) {
    if (
      (a.status === undefined || f.status === a.status) &&
      (a.channelType === undefined || f.channel_type === a.channelType)
    )
      out.push(f);
  }
  return { flows: out };
});

const flow = dataSource("zoom.getFlow", GetFlowArgs, async (a, ctx): Promise<Flow> => {
  if (a.id !== undefined) return ctx.zoom().getFlow(a.id);
  const found = await ctx.zoom().getFlowByName(a.name as string);
  // Zoom does not document how it compares names; only an exact match is accepted.
  if (found.flow_name !== a.name) {
    throw new Error(`zoom.getFlow: no flow is named "${a.name}" (Zoom answered with "${found.flow_name}")`);
  }
  return found;
});

/** Every Zoom Contact Center flow matching the filters (all pages, each flow once). */
export const getFlows = flows.get;
/** {@link getFlows} as an Output. */
export const getFlowsOutput = flows.getOutput;
/** One Zoom Contact Center flow by `id` or exact `name`. */
export const getFlow = flow.get;
/** {@link getFlow} as an Output. */
export const getFlowOutput = flow.getOutput;
