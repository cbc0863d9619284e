// Genesys lookups: journey segments, outcomes, action templates and maps, and action targets by id or exact name, or every one matching filters.
import { z } from "zod";
import { dataSource, exactlyOne, onlyNamed } from "../function";
import type { GenesysClient } from "./client";
import { MAX_LISTING_IDS, MAX_OUTCOME_IDS, MAX_PAGE_SIZE } from "./endpoints";
import { MAP_REFERENCES } from "./journey-entities";
import {
  type ActionMap,
  ActionMediaType,
  type ActionTarget,
  ActionTargetState,
  type ActionTemplate,
  ActionTemplateState,
  type JourneySegment,
  MediaType,
  type Outcome,
} from "./models";

/** Arguments of {@link getJourneySegment}: exactly one of `id` and `displayName`. */
export const GetJourneySegmentArgs = z
  .strictObject({ id: z.uuid().optional(), displayName: z.string().min(1).optional() })
  .refine(...exactlyOne("id", "displayName"));

/** Arguments of {@link getJourneySegments}: every filter is optional and they combine. */
export const GetJourneySegmentsArgs = z.strictObject({
  /** Segments by id, any number; answered in the order asked, each id once. */
  ids: z.array(z.uuid()).min(1).optional(),
  /** Exact display name. */
  displayName: z.string().min(1).optional(),
  /** Only active (`true`) or only inactive (`false`) segments. */
  isActive: z.boolean().optional(),
});

/** Result of {@link getJourneySegments}. */
export interface JourneySegmentsResult {
  /** The matching segments: in the order of `ids` when given, else in the server's listing order. */
  segments: JourneySegment[];
  /** Ids asked for in `ids` that do not exist (empty without `ids`). */
  missing: string[];
}

/** Arguments of {@link getJourneyOutcome}: exactly one of `id` and `displayName`. */
export const GetJourneyOutcomeArgs = z
  .strictObject({ id: z.uuid().optional(), displayName: z.string().min(1).optional() })
  .refine(...exactlyOne("id", "displayName"));

/** Arguments of {@link getJourneyOutcomes}: every filter is optional and they combine. */
export const GetJourneyOutcomesArgs = z.strictObject({
  /** Outcomes by id, any number; answered in the order asked, each id once. */
  ids: z.array(z.uuid()).min(1).optional(),
  /** Exact display name. */
  displayName: z.string().min(1).optional(),
  /** Only active (`true`) or only inactive (`false`) outcomes. */
  isActive: z.boolean().optional(),
});

/** Result of {@link getJourneyOutcomes}. */
export interface JourneyOutcomesResult {
  /** The matching outcomes: in the order of `ids` when given, else in the server's listing order. */
  outcomes: Outcome[];
  /** Ids asked for in `ids` that do not exist (empty without `ids`). */
  missing: string[];
}

/** Arguments of {@link getJourneyActionTemplate}: exactly one of `id` and `name`. */
export const GetJourneyActionTemplateArgs = z
  .strictObject({ id: z.uuid().optional(), name: z.string().min(1).optional() })
  .refine(...exactlyOne("id", "name"));

/** Arguments of {@link getJourneyActionTemplates}: every filter is optional and they combine. */
export const GetJourneyActionTemplatesArgs = z.strictObject({
  /** Exact name. */
  name: z.string().min(1).optional(),
  mediaType: ActionMediaType.optional(),
  /** Default: every state but `Deleted`. */
  state: ActionTemplateState.optional(),
});

/** Arguments of {@link getJourneyActionMap}: exactly one of `id` and `displayName`. */
export const GetJourneyActionMapArgs = z
  .strictObject({ id: z.uuid().optional(), displayName: z.string().min(1).optional() })
  .refine(...exactlyOne("id", "displayName"));

/** Arguments of {@link getJourneyActionMaps}: every filter is optional and they combine. */
export const GetJourneyActionMapsArgs = z.strictObject({
  /** Maps by id, any number; answered in the order asked, each id once. */
  ids: z.array(z.uuid()).min(1).optional(),
  /** Exact display name. */
  displayName: z.string().min(1).optional(),
  isActive: z.boolean().optional(),
  /** Only maps triggered by this segment. */
  segmentId: z.string().min(1).optional(),
  /** Only maps with a condition on this outcome. */
  outcomeId: z.string().min(1).optional(),
  /** Only maps whose action shows this template. */
  actionTemplateId: z.string().min(1).optional(),
});

/** Result of {@link getJourneyActionMaps}. */
export interface JourneyActionMapsResult {
  /** The matching maps: in the order of `ids` when given, else in the server's listing order. */
  maps: ActionMap[];
  /** Ids asked for in `ids` that do not exist (empty without `ids`). */
  missing: string[];
}

/** Arguments of {@link getActionTarget}: exactly one of `id` and `name`. */
export const GetActionTargetArgs = z
  .strictObject({ id: z.uuid().optional(), name: z.string().min(1).optional() })
  .refine(...exactlyOne("id", "name"));

/** Arguments of {@link getActionTargets}: filters applied to the full listing (the API has none). */
export const GetActionTargetsArgs = z.strictObject({
  state: ActionTargetState.optional(),
  /** Only targets that support this media type. */
  mediaType: MediaType.optional(),
});

/** The segments with these ids, `MAX_LISTING_IDS` per request (`segmentIds` takes no paging). */
async function segmentsByIds(client: GenesysClient, ids: string[]): Promise<JourneySegmentsResult> {
  const found = new Map<string, JourneySegment>();
  for (let i = 0; i < ids.length; i += MAX_LISTING_IDS) {
    const res = await client.listSegments({ segmentIds: ids.slice(i, i + MAX_LISTING_IDS) });
    for (const s of res.entities ?? []) found.set(s.id, s);
  }
  return {
    segments: ids.flatMap((id) => found.get(id) ?? []),
    missing: ids.filter((id) => !found.has(id)),
  };
}

/** The outcomes with these ids, `MAX_OUTCOME_IDS` per request (`outcomeIds` takes no paging). */
async function outcomesByIds(client: GenesysClient, ids: string[]): Promise<JourneyOutcomesResult> {
  const found = new Map<string, Outcome>();
  for (let i = 0; i < ids.length; i += MAX_OUTCOME_IDS) {
    const res = await client.call("listOutcomes", { query: { outcomeIds: ids.slice(i, i + MAX_OUTCOME_IDS) } });
    for (const o of res.entities ?? []) found.set(o.id, o);
  }
  return { outcomes: ids.flatMap((id) => found.get(id) ?? []), missing: ids.filter((id) => !found.has(id)) };
}

async function allOutcomes(client: GenesysClient): Promise<Outcome[]> {
  const out: Outcome[] = [];
  for await (const o of client.outcomes({ pageSize: MAX_PAGE_SIZE })) out.push(o);
  return out;
}

async function allSegments(client: GenesysClient, onlyActive: boolean): Promise<JourneySegment[]> {
  const out: JourneySegment[] = [];
  for await (const s of client.segments({ pageSize: MAX_PAGE_SIZE, isActive: onlyActive || undefined })) out.push(s);
  return out;
}

async function allActionTargets(client: GenesysClient): Promise<ActionTarget[]> {
  const out: ActionTarget[] = [];
  for await (const t of client.actionTargets({ pageSize: MAX_PAGE_SIZE })) out.push(t);
  return out;
}

const journeySegments = dataSource(
  "genesys.getJourneySegments",
  GetJourneySegmentsArgs,
  async (a, ctx): Promise<JourneySegmentsResult> => {
    // The API filters only `isActive=true`; both values and the exact name are checked here.
    const matches = (s: JourneySegment) =>
      (a.displayName === undefined || s.displayName === a.displayName) &&
      (a.isActive === undefined || s.isActive === a.isActive);
    if (a.ids !== undefined) {
      const { segments, missing } = await segmentsByIds(ctx.genesys(), [...new Set(a.ids)]);
      return { segments: segments.filter(matches), missing };
    }
    const all = await allSegments(ctx.genesys(), a.isActive === true);
    return { segments: all.filter(matches), missing: [] };
  },
);

const journeySegment = dataSource(
  "genesys.getJourneySegment",
  GetJourneySegmentArgs,
  async (a, ctx): Promise<JourneySegment> => {
    if (a.id !== undefined) return ctx.genesys().getSegment(a.id);
    const all = await allSegments(ctx.genesys(), false);
    return onlyNamed("genesys.getJourneySegment", "segment", all, (s) => s.displayName, a.displayName as string);
  },
);

const journeyOutcomes = dataSource(
  "genesys.getJourneyOutcomes",
  GetJourneyOutcomesArgs,
  async (a, ctx): Promise<JourneyOutcomesResult> => {
    const matches = (o: Outcome) =>
      (a.displayName === undefined || o.displayName === a.displayName) &&
      (a.isActive === undefined || o.isActive === a.isActive);
    if (a.ids !== undefined) {
      const { outcomes, missing } = await outcomesByIds(ctx.genesys(), [...new Set(a.ids)]);
      return { outcomes: outcomes.filter(matches), missing };
    }
    return { outcomes: (await allOutcomes(ctx.genesys())).filter(matches), missing: [] };
  },
);

const journeyOutcome = dataSource(
  "genesys.getJourneyOutcome",
  GetJourneyOutcomeArgs,
  async (a, ctx): Promise<Outcome> => {
    if (a.id !== undefined) return ctx.genesys().call("getOutcome", { params: { outcomeId: a.id } });
    const all = await allOutcomes(ctx.genesys());
    return onlyNamed("genesys.getJourneyOutcome", "outcome", all, (o) => o.displayName, a.displayName as string);
  },
);

async function allActionMaps(client: GenesysClient): Promise<ActionMap[]> {
  const out: ActionMap[] = [];
  for await (const m of client.actionMaps({ pageSize: MAX_PAGE_SIZE })) out.push(m);
  return out;
}

const actionMaps = dataSource(
  "genesys.getJourneyActionMaps",
  GetJourneyActionMapsArgs,
  async (a, ctx): Promise<JourneyActionMapsResult> => {
    const matches = (m: ActionMap) =>
      (a.displayName === undefined || m.displayName === a.displayName) &&
      (a.isActive === undefined || m.isActive === a.isActive) &&
      (a.segmentId === undefined || MAP_REFERENCES["journey segment"](m).includes(a.segmentId)) &&
      (a.outcomeId === undefined || MAP_REFERENCES["journey outcome"](m).includes(a.outcomeId)) &&
      (a.actionTemplateId === undefined || MAP_REFERENCES["action template"](m).includes(a.actionTemplateId));
    if (a.ids === undefined) return { maps: (await allActionMaps(ctx.genesys())).filter(matches), missing: [] };
    const ids = [...new Set(a.ids)];
    const found = new Map<string, ActionMap>();
    for (let i = 0; i < ids.length; i += MAX_LISTING_IDS) {
      const page = await ctx
        .genesys()
        .call("listActionMaps", { query: { actionMapIds: ids.slice(i, i + MAX_LISTING_IDS) } });
      for (const m of page.entities ?? []) found.set(m.id, m);
    }
    return {
      maps: ids.flatMap((id) => found.get(id) ?? []).filter(matches),
      missing: ids.filter((id) => !found.has(id)),
    };
  },
);

const actionMap = dataSource(
  "genesys.getJourneyActionMap",
  GetJourneyActionMapArgs,
  async (a, ctx): Promise<ActionMap> => {
    if (a.id !== undefined) return ctx.genesys().call("getActionMap", { params: { actionMapId: a.id } });
    const all = await allActionMaps(ctx.genesys());
    return onlyNamed("genesys.getJourneyActionMap", "action map", all, (m) => m.displayName, a.displayName as string);
  },
);

const actionTemplates = dataSource(
  "genesys.getJourneyActionTemplates",
  GetJourneyActionTemplatesArgs,
  async (a, ctx): Promise<{ templates: ActionTemplate[] }> => {
    const out: ActionTemplate[] = [];
    // The API filters by media type and state; the exact name is checked here.
    for await (const t of ctx
      .genesys()
      .actionTemplates({ pageSize: MAX_PAGE_SIZE, mediaType: a.mediaType, state: a.state }))
      if ((a.name === undefined || t.name === a.name) && (a.state !== undefined || t.state !== "Deleted")) out.push(t);
    return { templates: out };
  },
);

const actionTemplate = dataSource(
  "genesys.getJourneyActionTemplate",
  GetJourneyActionTemplateArgs,
  async (a, ctx): Promise<ActionTemplate> => {
    if (a.id !== undefined) return ctx.genesys().call("getActionTemplate", { params: { actionTemplateId: a.id } });
    const all: ActionTemplate[] = [];
    for await (const t of ctx.genesys().actionTemplates({ pageSize: MAX_PAGE_SIZE }))
      if (t.state !== "Deleted") all.push(t);
    return onlyNamed("genesys.getJourneyActionTemplate", "action template", all, (t) => t.name, a.name as string);
  },
);

const actionTargets = dataSource(
  "genesys.getActionTargets",
  GetActionTargetsArgs,
  async (a, ctx): Promise<{ targets: ActionTarget[] }> => {
    const all = await allActionTargets(ctx.genesys());
    const matches = (t: ActionTarget) =>
      (a.state === undefined || t.state === a.state) &&
      (a.mediaType === undefined || (t.supportedMediaTypes ?? []).includes(a.mediaType));
    return { targets: all.filter(matches) };
  },
);

const actionTarget = dataSource(
  "genesys.getActionTarget",
  GetActionTargetArgs,
  async (a, ctx): Promise<ActionTarget> => {
    if (a.id !== undefined) return ctx.genesys().getActionTarget(a.id);
    const all = await allActionTargets(ctx.genesys());
    return onlyNamed("genesys.getActionTarget", "action target", all, (t) => t.name, a.name as string);
  },
);

/** Journey segments by `ids` (batched, in the order asked, unknown ids in `missing`) or all pages, filtered. */
export const getJourneySegments = journeySegments.get;
/** {@link getJourneySegments} as an Output. */
export const getJourneySegmentsOutput = journeySegments.getOutput;
/** One journey segment by `id` or exact `displayName` (a name must match exactly one segment). */
export const getJourneySegment = journeySegment.get;
/** {@link getJourneySegment} as an Output. */
export const getJourneySegmentOutput = journeySegment.getOutput;
/** Every action target (all pages), optionally only those in a `state` or supporting a `mediaType`. */
export const getActionTargets = actionTargets.get;
/** {@link getActionTargets} as an Output. */
export const getActionTargetsOutput = actionTargets.getOutput;
/** One action target by `id` or exact `name` (a name must match exactly one target). */
export const getActionTarget = actionTarget.get;
/** {@link getActionTarget} as an Output. */
export const getActionTargetOutput = actionTarget.getOutput;
/** Journey outcomes by `ids` (batched, in the order asked, unknown ids in `missing`) or all pages, filtered. */
export const getJourneyOutcomes = journeyOutcomes.get;
/** {@link getJourneyOutcomes} as an Output. */
export const getJourneyOutcomesOutput = journeyOutcomes.getOutput;
/** One journey outcome by `id` or exact `displayName` (a name must match exactly one outcome). */
export const getJourneyOutcome = journeyOutcome.get;
/** {@link getJourneyOutcome} as an Output. */
export const getJourneyOutcomeOutput = journeyOutcome.getOutput;
/** Action templates (all pages; soft-deleted ones only when `state: "Deleted"` is asked), optionally by exact `name`, `mediaType`, `state`. */
export const getJourneyActionTemplates = actionTemplates.get;
/** {@link getJourneyActionTemplates} as an Output. */
export const getJourneyActionTemplatesOutput = actionTemplates.getOutput;
/** One action template by `id` (whatever its state, `Deleted` included) or exact `name` (a name must match exactly one template not deleted). */
export const getJourneyActionTemplate = actionTemplate.get;
/** {@link getJourneyActionTemplate} as an Output. */
export const getJourneyActionTemplateOutput = actionTemplate.getOutput;
/** Action maps by `ids` (batched, unknown ids in `missing`) or all pages, filtered by name, state or what they use. */
export const getJourneyActionMaps = actionMaps.get;
/** {@link getJourneyActionMaps} as an Output. */
export const getJourneyActionMapsOutput = actionMaps.getOutput;
/** One action map by `id` or exact `displayName` (a name must match exactly one map). */
export const getJourneyActionMap = actionMap.get;
/** {@link getJourneyActionMap} as an Output. */
export const getJourneyActionMapOutput = actionMap.getOutput;
