// The Genesys Cloud journey action map resource: `pulumi-nodejs:dynamic/cxflow/genesys:JourneyActionMap`.
import * as pulumi from "@pulumi/pulumi";
import { z } from "zod";
import { nonBlank } from "../dynamic/check";
import { DEFINITION, NAME_KEY, type ResourceDefinition } from "../dynamic/define";
import { asSet, desired, type Fields, stable } from "../dynamic/fields";
import { genesys } from "../dynamic/runtime";
import { shell } from "../dynamic/shell";
import { isNotFound } from "../http/errors";
import { MAX_PAGE_SIZE } from "./endpoints";
import { journeyLifecycle } from "./journey-entities";
import {
  type ActionMap,
  type ActionMapAction,
  type ActionMapRequest,
  ActionMediaType,
  ActivationType,
  CriteriaOperator,
  type PatchActionMap,
  RequestMapping,
  WritableStreamType,
} from "./models";

// ---------------------------------------------------------------------------------------------
// Public arguments

/** What a triggered map does. Give each media type its own fields; the others are refused. */
export interface ActionMapActionArgs {
  /** `contentOffer`, `webMessagingOffer`, `architectFlow`, `openAction`, `integrationAction` or the legacy `webchat`. */
  mediaType: pulumi.Input<ActionMediaType>;
  /** The action template to show (a {@link JourneyActionTemplate}'s `id`); required for `contentOffer`, and its mediaType must be this one. */
  actionTemplateId?: pulumi.Input<string>;
  /** For `webchat` (required there): the action target that serves it (an `ActionTarget`'s `id`). */
  actionTargetId?: pulumi.Input<string>;
  /** For `webchat`: throttle offers to what agents can take. */
  isPacingEnabled?: pulumi.Input<boolean>;
  /** For `webchat`: the offer's texts. */
  props?: pulumi.Input<{
    webchatPrompt?: pulumi.Input<string>;
    webchatTitleText?: pulumi.Input<string>;
    webchatAcceptText?: pulumi.Input<string>;
    webchatDeclineText?: pulumi.Input<string>;
  }>;
  /** For `architectFlow`: the flow to run and its inputs (compared as a set). */
  architectFlowFields?: pulumi.Input<{
    architectFlow?: pulumi.Input<{ id: pulumi.Input<string> }>;
    flowRequestMappings?: pulumi.Input<
      pulumi.Input<{
        name: pulumi.Input<string>;
        attributeType: pulumi.Input<"String" | "Number" | "Integer" | "Boolean">;
        mappingType: pulumi.Input<"Lookup" | "HardCoded">;
        value: pulumi.Input<string>;
      }>[]
    >;
  }>;
  /** For `webMessagingOffer`: the invitation text, and a flow that answers instead of the deployment's. */
  webMessagingOfferFields?: pulumi.Input<{
    offerText?: pulumi.Input<string>;
    architectFlow?: pulumi.Input<{ id: pulumi.Input<string> }>;
  }>;
  /** For `openAction` (required there): the open action and its configuration. */
  openActionFields?: pulumi.Input<{
    openAction: pulumi.Input<{ id: pulumi.Input<string>; name?: pulumi.Input<string> }>;
    configurationFields?: pulumi.Input<Record<string, pulumi.Input<object>>>;
  }>;
}

/** A journey event that triggers the map. */
export interface EventConditionArgs {
  /** The event attribute, e.g. `page.url`. */
  key: pulumi.Input<string>;
  /** Compared with `operator`; order does not matter. */
  values: pulumi.Input<pulumi.Input<string>[]>;
  /** Default `equal`. */
  operator?: pulumi.Input<CriteriaOperator>;
  /** `Web` or `App`. */
  streamType: pulumi.Input<"Web" | "App">;
  /** e.g. `web`. */
  sessionType: pulumi.Input<string>;
  eventName?: pulumi.Input<string>;
}

/** Inputs of a {@link JourneyActionMap}; `displayName` and `action` are required. */
export interface JourneyActionMapArgs {
  /** Name shown in Genesys Cloud; cxflow keeps it unique (see `adopt`). */
  displayName: pulumi.Input<string>;
  /** Default true. */
  isActive?: pulumi.Input<boolean>;
  /** Priority among maps that trigger together: 1 (low), 2 (default) or 3 (high). */
  weight?: pulumi.Input<number>;
  /** Segment ids (e.g. `segment.id`); any one assigned triggers the map. Order does not matter. */
  triggerWithSegments?: pulumi.Input<pulumi.Input<string>[]>;
  /** Journey events that must all happen (a set). */
  triggerWithEventConditions?: pulumi.Input<pulumi.Input<EventConditionArgs>[]>;
  /** Outcome predictions (deprecated with outcomes): trigger at this probability (0–1) of `outcomeId`. */
  triggerWithOutcomeProbabilityConditions?: pulumi.Input<
    pulumi.Input<{
      outcomeId: pulumi.Input<string>;
      maximumProbability: pulumi.Input<number>;
      probability?: pulumi.Input<number>;
    }>[]
  >;
  /** Outcome predictions (deprecated with outcomes): trigger in the top `maximumPercentile` (0–100). */
  triggerWithOutcomePercentileConditions?: pulumi.Input<
    pulumi.Input<{
      outcomeId: pulumi.Input<string>;
      maximumPercentile: pulumi.Input<number>;
      fallbackPercentile?: pulumi.Input<number>;
    }>[]
  >;
  /** Outcome predictions (deprecated with outcomes): trigger at this quantile (0–1). */
  triggerWithOutcomeQuantileConditions?: pulumi.Input<
    pulumi.Input<{
      outcomeId: pulumi.Input<string>;
      maxQuantileThreshold: pulumi.Input<number>;
      fallbackQuantileThreshold?: pulumi.Input<number>;
    }>[]
  >;
  /** Pages a web action may show on (a set; values compare as sets); absent means any page. */
  pageUrlConditions?: pulumi.Input<
    pulumi.Input<{ values: pulumi.Input<pulumi.Input<string>[]>; operator: pulumi.Input<CriteriaOperator> }>[]
  >;
  /** When the action shows: `immediate` (default), `on-next-visit`, `on-next-session`, or `delay` with `delayInSeconds`. */
  activation?: pulumi.Input<{ type: pulumi.Input<ActivationType>; delayInSeconds?: pulumi.Input<number> }>;
  /** What the map does. */
  action: pulumi.Input<ActionMapActionArgs>;
  /** Architect schedule groups that say when the map may act, by id. */
  actionMapScheduleGroups?: pulumi.Input<{
    actionMapScheduleGroup: pulumi.Input<{ id: pulumi.Input<string> }>;
    emergencyActionMapScheduleGroup?: pulumi.Input<{ id: pulumi.Input<string> }>;
  }>;
  /** Act even past the org's frequency cap (default false). */
  ignoreFrequencyCap?: pulumi.Input<boolean>;
  /** ISO-8601 date-time with a zone; when absent the server uses the creation time (never a change). */
  startDate?: pulumi.Input<string>;
  /** ISO-8601 date-time with a zone, after `startDate`; absent means none (and clears it). */
  endDate?: pulumi.Input<string>;
  /**
   * Take over an existing map with the same `displayName` instead of failing. Read only when the
   * resource is created (Pulumi cannot `import` dynamic resources).
   */
  adopt?: pulumi.Input<boolean>;
}

// ---------------------------------------------------------------------------------------------
// Schema and field specs

const ref = z.strictObject({ id: nonBlank() });
const fraction = z.number().min(0).max(1);
const percent = z.number().min(0).max(100);
const dateTime = z.iso.datetime({
  offset: true,
  error: "must be an ISO-8601 date-time with a zone, e.g. 2027-01-31T09:00:00Z",
});

/** The fields of an action that one media type alone uses. */
const ONLY_FOR = [
  ["actionTargetId", "webchat"],
  ["isPacingEnabled", "webchat"],
  ["props", "webchat"],
  ["architectFlowFields", "architectFlow"],
  ["webMessagingOfferFields", "webMessagingOffer"],
  ["openActionFields", "openAction"],
] as const;

const ActionInput = z
  .strictObject({
    mediaType: ActionMediaType,
    actionTemplateId: nonBlank().optional(),
    actionTargetId: nonBlank().optional(),
    isPacingEnabled: z.boolean().optional(),
    props: z
      .strictObject({
        webchatPrompt: z.string().optional(),
        webchatTitleText: z.string().optional(),
        webchatAcceptText: z.string().optional(),
        webchatDeclineText: z.string().optional(),
      })
      .optional(),
    architectFlowFields: z
      .strictObject({
        architectFlow: ref.optional(),
        flowRequestMappings: z.array(RequestMapping.strict()).optional(),
      })
      .optional(),
    webMessagingOfferFields: z
      .strictObject({ offerText: z.string().optional(), architectFlow: ref.optional() })
      .optional(),
    openActionFields: z
      .strictObject({
        openAction: z.strictObject({ id: nonBlank(), name: z.string().optional() }),
        configurationFields: z
          .record(
            z.string(),
            z.custom<object>((v) => typeof v === "object" && v !== null),
          )
          .optional(),
      })
      .optional(),
  })
  .superRefine((a, ctx) => {
    for (const [field, only] of ONLY_FOR)
      if (a[field] !== undefined && a.mediaType !== only)
        ctx.addIssue({
          code: "custom",
          path: [field],
          message: `is only for mediaType "${only}", not "${a.mediaType}"`,
        });
    const needs = {
      contentOffer: "actionTemplateId",
      webchat: "actionTargetId",
      openAction: "openActionFields",
    } as const;
    const needed = needs[a.mediaType as keyof typeof needs];
    if (needed && a[needed] === undefined)
      ctx.addIssue({ code: "custom", path: [needed], message: `is required when mediaType is "${a.mediaType}"` });
  });

/** The strict schema of {@link JourneyActionMapArgs} that check() applies. */
export const JourneyActionMapInputs = z
  .strictObject({
    displayName: nonBlank(),
    isActive: z.boolean().optional(),
    weight: z.number().int().min(1).max(3).optional(),
    triggerWithSegments: z.array(nonBlank()).optional(),
    triggerWithEventConditions: z
      .array(
        z.strictObject({
          key: nonBlank(),
          values: z.array(z.string()).min(1),
          operator: CriteriaOperator.optional(),
          streamType: WritableStreamType,
          sessionType: nonBlank(),
          eventName: z.string().optional(),
        }),
      )
      .optional(),
    triggerWithOutcomeProbabilityConditions: z
      .array(z.strictObject({ outcomeId: nonBlank(), maximumProbability: fraction, probability: fraction.optional() }))
      .optional(),
    triggerWithOutcomePercentileConditions: z
      .array(
        z.strictObject({ outcomeId: nonBlank(), maximumPercentile: percent, fallbackPercentile: percent.optional() }),
      )
      .optional(),
    triggerWithOutcomeQuantileConditions: z
      .array(
        z.strictObject({
          outcomeId: nonBlank(),
          maxQuantileThreshold: fraction,
          fallbackQuantileThreshold: fraction.optional(),
        }),
      )
      .optional(),
    pageUrlConditions: z
      .array(z.strictObject({ values: z.array(z.string()).min(1), operator: CriteriaOperator }))
      .optional(),
    activation: z
      .strictObject({ type: ActivationType, delayInSeconds: z.number().int().min(1).optional() })
      .superRefine((a, ctx) => {
        if (a.type === "delay" && a.delayInSeconds === undefined)
          ctx.addIssue({ code: "custom", path: ["delayInSeconds"], message: 'is required when type is "delay"' });
        if (a.type !== "delay" && a.delayInSeconds !== undefined)
          ctx.addIssue({
            code: "custom",
            path: ["delayInSeconds"],
            message: `is only for type "delay", not "${a.type}"`,
          });
      })
      .optional(),
    action: ActionInput,
    actionMapScheduleGroups: z
      .strictObject({ actionMapScheduleGroup: ref, emergencyActionMapScheduleGroup: ref.optional() })
      .optional(),
    ignoreFrequencyCap: z.boolean().optional(),
    startDate: dateTime.optional(),
    endDate: dateTime.optional(),
    adopt: z.boolean().optional(),
  })
  .superRefine((m, ctx) => {
    if (m.startDate && m.endDate && Date.parse(m.endDate) <= Date.parse(m.startDate))
      ctx.addIssue({ code: "custom", path: ["endDate"], message: `must be after startDate (${m.startDate})` });
  });
type In = z.infer<typeof JourneyActionMapInputs>;
type ActionIn = In["action"];

/** Outputs: the map as the server holds it, plus what cxflow needs to manage it. */
interface Out extends Omit<ActionMap, "id"> {
  adopt?: boolean;
  /** True when this resource took over a map that already existed. */
  adopted: boolean;
}

/** An instant in one form, whatever offset or precision it was written with. */
const instant = (v: string) => new Date(v).toISOString();

/** The action in the program's form, from either form (the server's has `actionTemplate: {id}`). */
function programAction(a: ActionIn | ActionMapAction): ActionIn {
  const { actionTemplate, ...rest } = a as ActionMapAction & { actionTemplateId?: string };
  const templateId = (a as ActionIn).actionTemplateId ?? actionTemplate?.id;
  return stable({ ...rest, ...(templateId ? { actionTemplateId: templateId } : {}) }) as ActionIn;
}

/** The action as sent. */
function wireAction(a: ActionIn): ActionMapAction {
  const { actionTemplateId, ...rest } = a;
  return { ...rest, ...(actionTemplateId ? { actionTemplate: { id: actionTemplateId } } : {}) } as ActionMapAction;
}

const set = { default: [], canonical: (v: unknown[]) => asSet(v) };

/** Every input field and how it diffs. */
export const fields: Fields = {
  displayName: {},
  isActive: { default: true },
  weight: { default: 2 },
  triggerWithSegments: { ...set, unknownReplaces: true },
  triggerWithEventConditions: {
    default: [],
    canonical: (v: NonNullable<In["triggerWithEventConditions"]>) =>
      asSet(v, (c) => ({
        ...c,
        values: asSet(c.values),
        operator: c.operator ?? "equal",
        eventName: c.eventName || undefined,
      })),
  },
  triggerWithOutcomeProbabilityConditions: { ...set, unknownReplaces: true },
  triggerWithOutcomePercentileConditions: { ...set, unknownReplaces: true },
  triggerWithOutcomeQuantileConditions: { ...set, unknownReplaces: true },
  pageUrlConditions: {
    default: [],
    canonical: (v: NonNullable<In["pageUrlConditions"]>) => asSet(v, (c) => ({ ...c, values: asSet(c.values) })),
  },
  activation: { default: { type: "immediate" } },
  action: {
    canonical: (a: ActionIn) => {
      const p = programAction(a);
      const mappings = p.architectFlowFields?.flowRequestMappings;
      return mappings
        ? { ...p, architectFlowFields: { ...p.architectFlowFields, flowRequestMappings: asSet(mappings) } }
        : p;
    },
    unknownReplaces: true,
  },
  actionMapScheduleGroups: {},
  ignoreFrequencyCap: { default: false },
  startDate: { serverChosen: true, canonical: instant },
  endDate: { canonical: instant },
  adopt: { createOnly: true },
};

// ---------------------------------------------------------------------------------------------
// Wire mapping

/** Event conditions as sent: the default operator made explicit. */
const wireEvents = (i: In) =>
  (i.triggerWithEventConditions ?? []).map((c) => ({ ...c, operator: c.operator ?? "equal" }));

function createBody(i: In): ActionMapRequest {
  return {
    displayName: i.displayName,
    isActive: i.isActive ?? true,
    weight: i.weight ?? 2,
    triggerWithSegments: i.triggerWithSegments ?? [],
    triggerWithEventConditions: wireEvents(i),
    triggerWithOutcomeProbabilityConditions: i.triggerWithOutcomeProbabilityConditions ?? [],
    triggerWithOutcomePercentileConditions: i.triggerWithOutcomePercentileConditions ?? [],
    triggerWithOutcomeQuantileConditions: i.triggerWithOutcomeQuantileConditions ?? [],
    pageUrlConditions: i.pageUrlConditions ?? [],
    activation: i.activation ?? { type: "immediate" },
    action: wireAction(i.action),
    ...(i.actionMapScheduleGroups ? { actionMapScheduleGroups: i.actionMapScheduleGroups } : {}),
    ignoreFrequencyCap: i.ignoreFrequencyCap ?? false,
    ...(i.startDate ? { startDate: i.startDate } : {}),
    ...(i.endDate ? { endDate: i.endDate } : {}),
  };
}

/** The PATCH of the `changed` fields, with the three the API requires on every PATCH. */
function patchBody(changed: string[], i: In, version: number): PatchActionMap {
  const body: PatchActionMap = {
    displayName: i.displayName,
    version,
    triggerWithSegments: i.triggerWithSegments ?? [],
    pageUrlConditions: i.pageUrlConditions ?? [],
  };
  for (const key of changed) {
    switch (key) {
      case "isActive":
      case "weight":
      case "ignoreFrequencyCap":
      case "activation":
        (body as Record<string, unknown>)[key] = desired(fields[key], i[key]);
        break;
      case "triggerWithEventConditions":
        body.triggerWithEventConditions = wireEvents(i);
        break;
      case "triggerWithOutcomeProbabilityConditions":
      case "triggerWithOutcomePercentileConditions":
      case "triggerWithOutcomeQuantileConditions":
        (body as Record<string, unknown>)[key] = i[key] ?? [];
        break;
      case "action":
        body.action = wireAction(i.action);
        break;
      case "actionMapScheduleGroups":
        body.actionMapScheduleGroups = i.actionMapScheduleGroups ?? null;
        break;
      case "startDate":
        if (i.startDate) body.startDate = i.startDate;
        break;
      case "endDate":
        body.endDate = i.endDate ?? null;
        break;
    }
  }
  return body;
}

/**
 * What the action refers to must exist and fit its media type: checked before any write, so the
 * error names the property (the API's own refusal is less specific).
 */
async function verifyAction(a: ActionIn): Promise<void> {
  const g = genesys();
  if (a.actionTemplateId) {
    const t = await g.call("getActionTemplate", { params: { actionTemplateId: a.actionTemplateId } }).catch((e) => {
      if (isNotFound(e)) return undefined;
      throw e;
    });
    if (!t || t.state === "Deleted")
      throw new Error(`action.actionTemplateId: no action template has id ${a.actionTemplateId}`);
    if (t.mediaType !== a.mediaType)
      throw new Error(
        `action.actionTemplateId: the action template "${t.name}" (${t.id}) is a ${t.mediaType} template, but action.mediaType is "${a.mediaType}"; they must match`,
      );
  }
  if (a.actionTargetId) {
    const target = await g.getActionTarget(a.actionTargetId).catch((e) => {
      if (isNotFound(e)) return undefined;
      throw e;
    });
    if (!target) throw new Error(`action.actionTargetId: no action target has id ${a.actionTargetId}`);
    if (!(target.supportedMediaTypes ?? []).includes("webchat"))
      throw new Error(
        `action.actionTargetId: the action target "${target.name}" (${target.id}) serves ${(target.supportedMediaTypes ?? []).join(", ")}, not webchat`,
      );
  }
}

const definition: ResourceDefinition<In, Out> = {
  kind: "genesys.JourneyActionMap",
  path: "/journey/actionmaps",
  args: JourneyActionMapInputs,
  fields,
  prepare(i) {
    // One form for instants, so state and refreshed inputs compare as text too.
    return {
      ...i,
      ...(i.startDate ? { startDate: instant(i.startDate) } : {}),
      ...(i.endDate ? { endDate: instant(i.endDate) } : {}),
    };
  },
  export: {
    suffix: "ActionMap",
    plural: "action maps",
    async read({ clients, keep }) {
      const out = [];
      for await (const m of clients.genesys().actionMaps({ pageSize: MAX_PAGE_SIZE })) {
        if (!keep(m.displayName)) continue;
        const nonEmpty = <T>(l: T[]) => (l.length ? l : undefined);
        const args = {
          displayName: m.displayName,
          isActive: m.isActive,
          weight: m.weight,
          triggerWithSegments: nonEmpty(m.triggerWithSegments),
          triggerWithEventConditions: nonEmpty(m.triggerWithEventConditions),
          triggerWithOutcomeProbabilityConditions: nonEmpty(m.triggerWithOutcomeProbabilityConditions),
          triggerWithOutcomePercentileConditions: nonEmpty(m.triggerWithOutcomePercentileConditions),
          triggerWithOutcomeQuantileConditions: nonEmpty(m.triggerWithOutcomeQuantileConditions),
          pageUrlConditions: nonEmpty(m.pageUrlConditions),
          activation: m.activation,
          action: programAction(m.action),
          actionMapScheduleGroups: m.actionMapScheduleGroups,
          ignoreFrequencyCap: m.ignoreFrequencyCap,
          startDate: m.startDate,
          endDate: m.endDate,
          adopt: true,
        };
        out.push({ id: m.id, name: m.displayName, args });
      }
      return out;
    },
  },
  ...journeyLifecycle<ActionMap, In, Out>({
    what: "action map",
    property: "displayName",
    nameOf: (m) => m.displayName,
    fields,
    list: () => genesys().actionMaps({ pageSize: MAX_PAGE_SIZE }),
    get: (actionMapId) => genesys().call("getActionMap", { params: { actionMapId } }),
    byIds: {
      list: (actionMapIds) => genesys().call("listActionMaps", { query: { actionMapIds } }),
      page: (query) => genesys().call("listActionMaps", { query }),
    },
    post: (i) => genesys().call("createActionMap", { body: createBody(i) }),
    patch: (actionMapId, changed, i, version) =>
      genesys().call("patchActionMap", { params: { actionMapId }, body: patchBody(changed, i, version) }),
    remove: (actionMapId) => genesys().call("deleteActionMap", { params: { actionMapId } }),
    verify: (i, changed) =>
      changed === undefined || changed.includes("action") ? verifyAction(i.action) : Promise.resolve(),
  }),
  inputsOf(outs, inputs) {
    // The program's forms: the template by id, the default operator left out.
    if (inputs.action) inputs.action = programAction(outs.action);
    if (Array.isArray(inputs.triggerWithEventConditions))
      inputs.triggerWithEventConditions = inputs.triggerWithEventConditions.map(
        ({ operator, ...c }: { operator?: string }) => ({
          ...c,
          ...(operator && operator !== "equal" ? { operator } : {}),
        }),
      );
    for (const key of Object.keys(fields))
      if (Array.isArray(inputs[key]) && inputs[key].length === 0) delete inputs[key];
    return inputs;
  },
};

/** The definition the provider host runs (see `pulumi-cxflow/dynamic`). */
export const journeyActionMap = definition;

// ---------------------------------------------------------------------------------------------
// The resource

const provider = shell(definition.kind);

/**
 * A Genesys Cloud journey action map (`/api/v2/journey/actionmaps`): when a visitor matches its
 * triggers (segments, journey events, outcome predictions) on a page its URL conditions allow, it
 * offers its action (a template's content offer, a messaging offer, a flow, an open action).
 * Pass `segment.id`, `outcome.id`, `template.id` and `target.id` outputs, and Pulumi creates the
 * map after them and deletes it before them; a map refers to what a replacement deletes, so such a
 * replacement replaces the map too. Updates are PATCHes carrying the version read just before.
 * Type token: `pulumi-nodejs:dynamic/cxflow/genesys:JourneyActionMap`.
 */
export class JourneyActionMap extends pulumi.dynamic.Resource {
  /** @internal */
  static readonly [DEFINITION] = definition;
  /** Name shown in Genesys Cloud, as the server holds it. */
  declare readonly displayName: pulumi.Output<string>;
  /** Whether the map is active. */
  declare readonly isActive: pulumi.Output<boolean>;
  /** Priority 1–3. */
  declare readonly weight: pulumi.Output<number>;
  /** Segment ids that trigger the map (empty: none). */
  declare readonly triggerWithSegments: pulumi.Output<string[]>;
  /** Event conditions, as the server holds them. */
  declare readonly triggerWithEventConditions: pulumi.Output<ActionMap["triggerWithEventConditions"]>;
  /** Outcome probability conditions. */
  declare readonly triggerWithOutcomeProbabilityConditions: pulumi.Output<
    ActionMap["triggerWithOutcomeProbabilityConditions"]
  >;
  /** Outcome percentile conditions. */
  declare readonly triggerWithOutcomePercentileConditions: pulumi.Output<
    ActionMap["triggerWithOutcomePercentileConditions"]
  >;
  /** Outcome quantile conditions. */
  declare readonly triggerWithOutcomeQuantileConditions: pulumi.Output<
    ActionMap["triggerWithOutcomeQuantileConditions"]
  >;
  /** Page URL conditions (empty: any page). */
  declare readonly pageUrlConditions: pulumi.Output<ActionMap["pageUrlConditions"]>;
  /** When the action shows. */
  declare readonly activation: pulumi.Output<ActionMap["activation"]>;
  /** The action in the server's form (the template as `actionTemplate: { id, selfUri }`). */
  declare readonly action: pulumi.Output<ActionMap["action"]>;
  /** Schedule groups, when set. */
  declare readonly actionMapScheduleGroups: pulumi.Output<ActionMap["actionMapScheduleGroups"]>;
  /** Whether the map ignores the org's frequency cap. */
  declare readonly ignoreFrequencyCap: pulumi.Output<boolean>;
  /** When the map starts acting (ISO-8601, UTC): the creation time unless set. */
  declare readonly startDate: pulumi.Output<string>;
  /** When the map stops acting (ISO-8601, UTC), when set. */
  declare readonly endDate: pulumi.Output<string | undefined>;
  /** Rises with every change. */
  declare readonly version: pulumi.Output<number>;
  /** The map's API path, `/api/v2/journey/actionmaps/<id>`. */
  declare readonly selfUri: pulumi.Output<string>;
  /** When the map was created (ISO-8601 date-time, UTC). */
  declare readonly createdDate: pulumi.Output<string>;
  /** When the map last changed (ISO-8601 date-time, UTC). */
  declare readonly modifiedDate: pulumi.Output<string>;
  /** True when this resource took over a map that already existed (`adopt`). */
  declare readonly adopted: pulumi.Output<boolean>;

  /**
   * Declares an action map in the stack; `pulumi up` creates it, or takes it over with `adopt`.
   * @param name The Pulumi resource name, unique in the stack (not the map's `displayName`).
   * @param args The map's settings.
   * @param opts Pulumi resource options.
   */
  constructor(name: string, args: JourneyActionMapArgs, opts?: pulumi.CustomResourceOptions) {
    const outputs = {
      startDate: undefined,
      version: undefined,
      selfUri: undefined,
      createdDate: undefined,
      modifiedDate: undefined,
      adopted: undefined,
    };
    super(provider, name, { ...outputs, ...args, [NAME_KEY]: name }, opts, "cxflow/genesys", "JourneyActionMap");
  }
}
