// Genesys Cloud journey configuration beyond segments: outcomes, action templates and action maps.
// Condition defaults are shared with segments (`toContext`, `toJourney`), as the real API shares
// their models; what a map refers to must exist, and cannot be deleted while a map refers to it.
import { randomUUID } from "node:crypto";
import type { endpoints } from "../../provider/genesys/endpoints";
import {
  ACTION_MAP_REFERENCES,
  type ActionMap,
  type ActionMapRequest,
  type ActionTarget,
  type ActionTemplate,
  type Context,
  type CriteriaOperator,
  type Journey,
  type JourneySegment,
  type Outcome,
  RequestContext,
  RequestJourney,
} from "../../provider/genesys/models";
import { seededUuid } from "../seeded";
import type { Failure, Handlers, VendorContext } from "../types";
import { badRequest, genesysError as error, page, sorted } from "./genesys-replies";

type Row = typeof endpoints;
const API = "/api/v2";
const iso = (ms: number) => new Date(ms).toISOString();

/** Criteria as the server stores them: `operator` defaults to `equal`, `shouldIgnoreCase` to false. */
const criterion = <C extends { operator?: CriteriaOperator; shouldIgnoreCase?: boolean }>(c: C) => ({
  ...c,
  operator: c.operator ?? "equal",
  shouldIgnoreCase: c.shouldIgnoreCase ?? false,
});

/** Context conditions as stored: defaults written out, `{patterns: []}` when none. */
export const toContext = (c: RequestContext | undefined): Context => ({
  patterns: (c?.patterns ?? []).map((p) => ({ criteria: p.criteria.map(criterion) })),
});

/** Journey conditions as stored: defaults written out, `{patterns: []}` when none. */
export const toJourney = (j: RequestJourney | undefined): Journey => ({
  patterns: (j?.patterns ?? []).map((p) => ({ ...p, criteria: p.criteria.map(criterion) })),
});

/** A 409 for a PATCH whose `version` is not the stored one. */
const staleVersion = (what: string, id: string, sent: number, current: number) =>
  error(
    409,
    "general.conflict",
    `The version supplied (${sent}) does not match the current version of the ${what} (${current})`,
    { entityId: id },
  );

/** Entities whose `fields` (default `byDefault`) contain `value`, case-insensitively (the listings' `queryFields`/`queryValue`). */
function matching<T extends object>(
  items: T[],
  fields: string | string[] | undefined,
  value: string | undefined,
  byDefault = "displayName",
) {
  if (value === undefined) return items;
  const names = (Array.isArray(fields) ? fields : (fields ?? byDefault).split(",")).map((f) => f.trim());
  const needle = value.toLowerCase();
  return items.filter((x) =>
    names.some((f) =>
      String((x as Record<string, unknown>)[f] ?? "")
        .toLowerCase()
        .includes(needle),
    ),
  );
}

// ---------------------------------------------------------------------------------------------
// Outcomes

const outcomes = (ctx: VendorContext) => ctx.store.collection<Outcome>("genesys", "outcomes");
const outcomeNotFound = (id: string) => error(404, "not.found", `Outcome ${id} not found`, { entityId: id });

/** Fields `sortBy` may name: the scalar top-level fields of an outcome. */
const OUTCOME_SORTABLE = new Set([
  "id",
  "displayName",
  "description",
  "isActive",
  "isPositive",
  "version",
  "createdDate",
  "modifiedDate",
]);

/** The outcome handlers of the journey endpoint table. */
export const outcomeHandlers: Pick<
  Handlers<Row>,
  "listOutcomes" | "getOutcome" | "createOutcome" | "patchOutcome" | "deleteOutcome"
> = {
  listOutcomes(call, ctx) {
    const q = call.query;
    let all = matching(outcomes(ctx).list(), q.queryFields, q.queryValue);
    if (q.outcomeIds) {
      if (q.pageSize !== undefined || q.pageNumber !== undefined || q.sortBy !== undefined)
        return error(400, "bad.request", "outcomeIds: cannot be combined with pageSize, pageNumber or sortBy", {
          details: [{ errorCode: "bad.request", fieldName: "outcomeIds" }],
        });
      const wanted = new Set(q.outcomeIds);
      const found = all.filter((o) => wanted.has(o.id));
      return { status: 200, body: page(found, "/journey/outcomes", Math.max(1, found.length), 1) };
    }
    if (q.sortBy) {
      const order = sorted(all, q.sortBy, OUTCOME_SORTABLE);
      if (!Array.isArray(order)) return order;
      all = order;
    }
    const keep = { sortBy: q.sortBy, queryValue: q.queryValue };
    return { status: 200, body: page(all, "/journey/outcomes", q.pageSize ?? 25, q.pageNumber ?? 1, keep) };
  },

  getOutcome(call, ctx) {
    const o = outcomes(ctx).get(call.params.outcomeId);
    return o ? { status: 200, body: o } : outcomeNotFound(call.params.outcomeId);
  },

  createOutcome(call, ctx) {
    const b = call.body;
    const id = randomUUID(); // not ctx.random(): ids must stay unique across restarts of a file-backed store
    const outcome: Outcome = {
      id,
      isActive: b.isActive ?? true,
      displayName: b.displayName,
      version: 1,
      ...(b.description !== undefined ? { description: b.description } : {}),
      isPositive: b.isPositive ?? true,
      context: toContext(b.context),
      journey: toJourney(b.journey),
      ...(b.associatedValueField ? { associatedValueField: b.associatedValueField } : {}),
      selfUri: `${API}/journey/outcomes/${id}`,
      createdDate: iso(call.now),
      modifiedDate: iso(call.now),
    };
    outcomes(ctx).put(id, outcome, call.now);
    return { status: 201, body: outcome, created: true };
  },

  patchOutcome(call, ctx) {
    const id = call.params.outcomeId;
    const b = call.body;
    return ctx.store.transaction(() => {
      const current = outcomes(ctx).get(id);
      if (!current) return outcomeNotFound(id);
      if (b.version !== undefined && b.version !== null && b.version !== current.version)
        return staleVersion("outcome", id, b.version, current.version);
      // PATCH sub-models are all-optional in the swagger; the stored object still needs every member.
      const context = b.context && RequestContext.safeParse(b.context);
      if (context && !context.success) return badRequest(context.error.issues, ["context"]);
      const journey = b.journey && RequestJourney.safeParse(b.journey);
      if (journey && !journey.success) return badRequest(journey.error.issues, ["journey"]);
      const value = b.associatedValueField && { ...current.associatedValueField, ...b.associatedValueField };
      if (value && (value.dataType === undefined || !value.name))
        return error(400, "bad.request", "associatedValueField: dataType and name are both required", {
          details: [{ errorCode: "bad.request", fieldName: "associatedValueField" }],
        });

      const next: Outcome = { ...current, displayName: b.displayName };
      if (b.isActive !== undefined) next.isActive = b.isActive;
      if (b.isPositive !== undefined) next.isPositive = b.isPositive;
      if (context) next.context = toContext(context.data);
      if (journey) next.journey = toJourney(journey.data);
      // `null` clears an optional field; absent leaves it.
      if (b.description === null) delete next.description;
      else if (b.description !== undefined) next.description = b.description;
      if (b.associatedValueField === null) delete next.associatedValueField;
      else if (value?.dataType && value.name)
        next.associatedValueField = { dataType: value.dataType, name: value.name };
      next.version = current.version + 1;
      next.modifiedDate = iso(call.now);
      outcomes(ctx).put(id, next, call.now);
      return { status: 200, body: next };
    });
  },

  deleteOutcome(call, ctx) {
    const id = call.params.outcomeId;
    return ctx.store.transaction(() => {
      if (!outcomes(ctx).get(id)) return outcomeNotFound(id);
      const inUse = stillUsed(ctx, "Outcome", id);
      if (inUse) return inUse;
      outcomes(ctx).delete(id);
      return { status: 204 };
    });
  },
};

// ---------------------------------------------------------------------------------------------
// Action templates

const templates = (ctx: VendorContext) => ctx.store.collection<ActionTemplate>("genesys", "actiontemplates");
const templateNotFound = (id: string) => error(404, "not.found", `Action template ${id} not found`, { entityId: id });

const TEMPLATE_SORTABLE = new Set([
  "id",
  "name",
  "description",
  "mediaType",
  "state",
  "version",
  "createdDate",
  "modifiedDate",
]);

/** A content offer belongs to `contentOffer` templates only, and they need one (the sandbox's rule; the real one is undocumented). */
function contentOfferProblem(t: Pick<ActionTemplate, "mediaType" | "contentOffer">) {
  const at = { details: [{ errorCode: "bad.request", fieldName: "contentOffer" }] };
  if (t.mediaType === "contentOffer" && !t.contentOffer)
    return error(400, "bad.request", "contentOffer: required when mediaType is contentOffer", at);
  if (t.mediaType !== "contentOffer" && t.contentOffer)
    return error(400, "bad.request", `contentOffer: only for mediaType contentOffer, not ${t.mediaType}`, at);
  return undefined;
}

/** The action-template handlers of the journey endpoint table. */
export const actionTemplateHandlers: Pick<
  Handlers<Row>,
  "listActionTemplates" | "getActionTemplate" | "createActionTemplate" | "patchActionTemplate" | "deleteActionTemplate"
> = {
  listActionTemplates(call, ctx) {
    const q = call.query;
    let all = matching(templates(ctx).list(), q.queryFields, q.queryValue, "name").filter(
      (t) =>
        (q.mediaType === undefined || t.mediaType === q.mediaType) && (q.state === undefined || t.state === q.state),
    );
    if (q.sortBy) {
      const order = sorted(all, q.sortBy, TEMPLATE_SORTABLE);
      if (!Array.isArray(order)) return order;
      all = order;
    }
    const keep = { sortBy: q.sortBy, mediaType: q.mediaType, state: q.state, queryValue: q.queryValue };
    return { status: 200, body: page(all, "/journey/actiontemplates", q.pageSize ?? 25, q.pageNumber ?? 1, keep) };
  },

  getActionTemplate(call, ctx) {
    const t = templates(ctx).get(call.params.actionTemplateId);
    return t ? { status: 200, body: t } : templateNotFound(call.params.actionTemplateId);
  },

  createActionTemplate(call, ctx) {
    const b = call.body;
    const problem = contentOfferProblem(b);
    if (problem) return problem;
    const id = randomUUID();
    const template: ActionTemplate = {
      id,
      name: b.name,
      ...(b.description !== undefined ? { description: b.description } : {}),
      version: 1,
      mediaType: b.mediaType,
      state: b.state,
      ...(b.contentOffer ? { contentOffer: b.contentOffer } : {}),
      selfUri: `${API}/journey/actiontemplates/${id}`,
      createdDate: iso(call.now),
      modifiedDate: iso(call.now),
    };
    templates(ctx).put(id, template, call.now);
    return { status: 201, body: template, created: true };
  },

  patchActionTemplate(call, ctx) {
    const id = call.params.actionTemplateId;
    const b = call.body;
    return ctx.store.transaction(() => {
      const current = templates(ctx).get(id);
      if (!current) return templateNotFound(id);
      if (b.version !== undefined && b.version !== current.version)
        return staleVersion("action template", id, b.version, current.version);
      const next: ActionTemplate = { ...current, name: b.name };
      if (b.mediaType !== undefined) next.mediaType = b.mediaType;
      if (b.state !== undefined) next.state = b.state;
      if (b.contentOffer !== undefined) next.contentOffer = b.contentOffer;
      if (b.description === null) delete next.description;
      else if (b.description !== undefined) next.description = b.description;
      const problem = contentOfferProblem(next);
      if (problem) return problem;
      next.version = current.version + 1;
      next.modifiedDate = iso(call.now);
      templates(ctx).put(id, next, call.now);
      return { status: 200, body: next };
    });
  },

  deleteActionTemplate(call, ctx) {
    const id = call.params.actionTemplateId;
    return ctx.store.transaction(() => {
      const current = templates(ctx).get(id);
      if (!current) return templateNotFound(id);
      const inUse = stillUsed(ctx, "Action template", id);
      if (inUse) return inUse;
      if (call.query.hardDelete) templates(ctx).delete(id);
      // A soft delete keeps the template, marked deleted.
      else
        templates(ctx).put(
          id,
          { ...current, state: "Deleted", version: current.version + 1, modifiedDate: iso(call.now) },
          call.now,
        );
      return { status: 204 };
    });
  },
};

// ---------------------------------------------------------------------------------------------
// Action maps

const maps = (ctx: VendorContext) => ctx.store.collection<ActionMap>("genesys", "actionmaps");
const mapNotFound = (id: string) => error(404, "not.found", `Action map ${id} not found`, { entityId: id });

/** The kinds of object a map refers to, as this API names them in messages. */
const REFERENCES = {
  Segment: ACTION_MAP_REFERENCES["journey segment"],
  Outcome: ACTION_MAP_REFERENCES["journey outcome"],
  "Action template": ACTION_MAP_REFERENCES["action template"],
};

/**
 * A 409 for deleting an object that action maps still use, naming each in `details` (the
 * sandbox's choice: what the real API answers is undocumented).
 */
export function stillUsed(ctx: VendorContext, kind: keyof typeof REFERENCES, id: string): Failure | undefined {
  const users = maps(ctx)
    .list()
    .filter((m) => REFERENCES[kind](m).includes(id));
  if (users.length === 0) return undefined;
  const names = users.map((m) => `"${m.displayName}" (${m.id})`).join(", ");
  return error(409, "general.conflict", `${kind} ${id} is used by action map${users.length > 1 ? "s" : ""} ${names}`, {
    entityId: id,
    details: users.map((m) => ({ errorCode: "referenced.by.action.map", entityId: m.id, entityName: m.displayName })),
  });
}

const MAP_SORTABLE = new Set([
  "id",
  "displayName",
  "isActive",
  "weight",
  "ignoreFrequencyCap",
  "version",
  "createdDate",
  "modifiedDate",
  "startDate",
  "endDate",
]);

/** A 400 naming `field`. */
const invalid = (field: string, message: string) =>
  error(400, "bad.request", `${field}: ${message}`, { details: [{ errorCode: "bad.request", fieldName: field }] });

/** The fields of an action that only one media type uses. */
const ONLY_FOR: [keyof ActionMap["action"], ActionMap["action"]["mediaType"]][] = [
  ["actionTargetId", "webchat"],
  ["isPacingEnabled", "webchat"],
  ["props", "webchat"],
  ["architectFlowFields", "architectFlow"],
  ["webMessagingOfferFields", "webMessagingOffer"],
  ["openActionFields", "openAction"],
];

/** The API's rules for a whole map: references exist and match the action's media type, dates in order. */
function mapProblem(m: ActionMap, ctx: VendorContext): Failure | undefined {
  const segments = ctx.store.collection<JourneySegment>("genesys", "segments");
  for (const [i, id] of m.triggerWithSegments.entries())
    if (!segments.get(id)) return invalid(`triggerWithSegments[${i}]`, `segment ${id} does not exist`);
  const conditions = [
    ["triggerWithOutcomeProbabilityConditions", m.triggerWithOutcomeProbabilityConditions],
    ["triggerWithOutcomePercentileConditions", m.triggerWithOutcomePercentileConditions],
    ["triggerWithOutcomeQuantileConditions", m.triggerWithOutcomeQuantileConditions],
  ] as const;
  for (const [field, list] of conditions)
    for (const [i, c] of list.entries())
      if (!outcomes(ctx).get(c.outcomeId))
        return invalid(`${field}[${i}].outcomeId`, `outcome ${c.outcomeId} does not exist`);
  if (m.activation.type === "delay" && m.activation.delayInSeconds === undefined)
    return invalid("activation.delayInSeconds", "required when type is delay");
  if (m.activation.type !== "delay" && m.activation.delayInSeconds !== undefined)
    return invalid("activation.delayInSeconds", `only for type delay, not ${m.activation.type}`);
  const a = m.action;
  for (const [field, only] of ONLY_FOR)
    if (a[field] !== undefined && a.mediaType !== only)
      return invalid(`action.${field}`, `only for mediaType ${only}, not ${a.mediaType}`);
  if (a.mediaType === "contentOffer" && !a.actionTemplate)
    return invalid("action.actionTemplate", "required when mediaType is contentOffer");
  if (a.mediaType === "openAction" && !a.openActionFields)
    return invalid("action.openActionFields", "required when mediaType is openAction");
  if (a.mediaType === "webchat" && !a.actionTargetId)
    return invalid("action.actionTargetId", "required when mediaType is webchat");
  if (a.actionTemplate) {
    const t = templates(ctx).get(a.actionTemplate.id);
    if (!t || t.state === "Deleted")
      return invalid(
        "action.actionTemplate.id",
        `Action Template referenced by Action Map does not exist. Action Template ID: ${a.actionTemplate.id}`,
      );
    if (t.mediaType !== a.mediaType)
      return invalid("action.actionTemplate.id", `template ${t.id} is a ${t.mediaType} template, not ${a.mediaType}`);
  }
  if (a.actionTargetId) {
    const target = ctx.store.collection<ActionTarget>("genesys", "actiontargets").get(a.actionTargetId);
    if (!target) return invalid("action.actionTargetId", `action target ${a.actionTargetId} does not exist`);
    if (!(target.supportedMediaTypes ?? []).includes("webchat"))
      return invalid(
        "action.actionTargetId",
        `action target ${target.id} does not serve webchat (it serves ${(target.supportedMediaTypes ?? []).join(", ")})`,
      );
  }
  if (m.endDate && Date.parse(m.endDate) <= Date.parse(m.startDate))
    return invalid("endDate", `must be after startDate (${m.startDate})`);
  return undefined;
}

/** A date as stored: UTC with milliseconds and `Z`. */
const utc = (v: string) => new Date(v).toISOString();

/** An action with its template reference in the server's form. */
const storedAction = (a: ActionMapRequest["action"]) => ({
  ...a,
  ...(a.actionTemplate
    ? { actionTemplate: { id: a.actionTemplate.id, selfUri: `${API}/journey/actiontemplates/${a.actionTemplate.id}` } }
    : {}),
});

/** The value at a dotted path, for `filterField`. */
const at = (x: unknown, path: string): unknown =>
  path
    .split(".")
    .reduce<unknown>((v, k) => (v && typeof v === "object" ? (v as Record<string, unknown>)[k] : undefined), x);

/** The action-map handlers of the journey endpoint table. */
export const actionMapHandlers: Pick<
  Handlers<Row>,
  "listActionMaps" | "getActionMap" | "createActionMap" | "patchActionMap" | "deleteActionMap"
> = {
  listActionMaps(call, ctx) {
    const q = call.query;
    if ((q.filterField === undefined) !== (q.filterValue === undefined))
      return invalid(
        q.filterField === undefined ? "filterField" : "filterValue",
        "filterField and filterValue go together",
      );
    let all = matching(maps(ctx).list(), q.queryFields, q.queryValue);
    if (q.filterField !== undefined) {
      const value = q.filterValue;
      all = all.filter((m) => {
        const v = at(m, q.filterField as string);
        return Array.isArray(v) ? v.map(String).includes(value as string) : v !== undefined && String(v) === value;
      });
    }
    if (q.actionMapIds) {
      if (
        q.pageSize !== undefined ||
        q.pageNumber !== undefined ||
        q.sortBy !== undefined ||
        q.filterField !== undefined
      )
        return invalid("actionMapIds", "cannot be combined with pageSize, pageNumber, sortBy or filterField");
      const wanted = new Set(q.actionMapIds);
      const found = all.filter((m) => wanted.has(m.id));
      return { status: 200, body: page(found, "/journey/actionmaps", Math.max(1, found.length), 1) };
    }
    if (q.sortBy) {
      const order = sorted(all, q.sortBy, MAP_SORTABLE);
      if (!Array.isArray(order)) return order;
      all = order;
    }
    const keep = { sortBy: q.sortBy, filterField: q.filterField, filterValue: q.filterValue, queryValue: q.queryValue };
    return { status: 200, body: page(all, "/journey/actionmaps", q.pageSize ?? 25, q.pageNumber ?? 1, keep) };
  },

  getActionMap(call, ctx) {
    const m = maps(ctx).get(call.params.actionMapId);
    return m ? { status: 200, body: m } : mapNotFound(call.params.actionMapId);
  },

  createActionMap(call, ctx) {
    const b = call.body;
    const id = randomUUID();
    const map: ActionMap = {
      id,
      version: 1,
      isActive: b.isActive ?? true,
      displayName: b.displayName,
      triggerWithSegments: b.triggerWithSegments ?? [],
      triggerWithEventConditions: b.triggerWithEventConditions ?? [],
      triggerWithOutcomeProbabilityConditions: b.triggerWithOutcomeProbabilityConditions ?? [],
      triggerWithOutcomePercentileConditions: b.triggerWithOutcomePercentileConditions ?? [],
      triggerWithOutcomeQuantileConditions: b.triggerWithOutcomeQuantileConditions ?? [],
      pageUrlConditions: b.pageUrlConditions ?? [],
      activation: b.activation ?? { type: "immediate" },
      weight: b.weight ?? 2,
      action: storedAction(b.action),
      ...(b.actionMapScheduleGroups ? { actionMapScheduleGroups: b.actionMapScheduleGroups } : {}),
      ignoreFrequencyCap: b.ignoreFrequencyCap ?? false,
      selfUri: `${API}/journey/actionmaps/${id}`,
      createdDate: iso(call.now),
      modifiedDate: iso(call.now),
      // The creation time when not sent.
      startDate: b.startDate ? utc(b.startDate) : iso(call.now),
      ...(b.endDate ? { endDate: utc(b.endDate) } : {}),
    };
    const problem = mapProblem(map, ctx);
    if (problem) return problem;
    maps(ctx).put(id, map, call.now);
    return { status: 201, body: map, created: true };
  },

  patchActionMap(call, ctx) {
    const id = call.params.actionMapId;
    const b = call.body;
    return ctx.store.transaction(() => {
      const current = maps(ctx).get(id);
      if (!current) return mapNotFound(id);
      if (b.version !== undefined && b.version !== current.version)
        return staleVersion("action map", id, b.version, current.version);
      const { version: _v, action, actionMapScheduleGroups, startDate, endDate, ...rest } = b;
      const next: ActionMap = { ...current };
      for (const [k, v] of Object.entries(rest)) if (v !== undefined) (next as Record<string, unknown>)[k] = v;
      if (action) next.action = storedAction(action);
      if (actionMapScheduleGroups === null) delete next.actionMapScheduleGroups;
      else if (actionMapScheduleGroups) next.actionMapScheduleGroups = actionMapScheduleGroups;
      if (startDate) next.startDate = utc(startDate);
      if (endDate === null) delete next.endDate;
      else if (endDate) next.endDate = utc(endDate);
      const problem = mapProblem(next, ctx);
      if (problem) return problem;
      next.version = current.version + 1;
      next.modifiedDate = iso(call.now);
      maps(ctx).put(id, next, call.now);
      return { status: 200, body: next };
    });
  },

  deleteActionMap(call, ctx) {
    const id = call.params.actionMapId;
    return maps(ctx).delete(id) ? { status: 204 } : mapNotFound(id);
  },
};

// ---------------------------------------------------------------------------------------------
// Seeded objects: a sandbox starts with a little of each, so lookups and `cxflow export` find some.

const web = { streamType: "Web", sessionType: "web" } as const;

/** Outcomes, templates and an action map every sandbox starts with (ids from the seed). */
export function seedJourney(ctx: VendorContext, base: number): void {
  const stamp = (days: number) => iso(base + days * 86_400_000);
  const outcome = (displayName: string, url: string, days: number): Outcome => {
    const id = seededUuid(ctx.random);
    return {
      id,
      isActive: true,
      displayName,
      version: 1,
      isPositive: true,
      context: { patterns: [] },
      journey: toJourney({ patterns: [{ criteria: [{ key: "page.url", values: [url] }], count: 1, ...web }] }),
      selfUri: `${API}/journey/outcomes/${id}`,
      createdDate: stamp(days),
      modifiedDate: stamp(days),
    };
  };
  const seeded = [
    outcome("Purchase completed", "/order/complete", 10),
    outcome("Newsletter signup", "/newsletter/thanks", 11),
  ];
  for (const o of seeded) outcomes(ctx).put(o.id, o, base);

  const template = (t: Pick<ActionTemplate, "name" | "description" | "mediaType" | "contentOffer">, days: number) => {
    const id = seededUuid(ctx.random);
    const made: ActionTemplate = {
      id,
      ...t,
      version: 1,
      state: "Active",
      selfUri: `${API}/journey/actiontemplates/${id}`,
      createdDate: stamp(days),
      modifiedDate: stamp(days),
    };
    templates(ctx).put(id, made, base);
    return made;
  };
  const sale = template(
    {
      name: "Spring sale offer",
      description: "Seasonal discount banner",
      mediaType: "contentOffer",
      contentOffer: { displayMode: "Overlay", layoutMode: "TopText", headline: "Spring sale", body: "20% off plans" },
    },
    12,
  );
  template(
    { name: "Support chat invite", description: "Invites to web messaging", mediaType: "webMessagingOffer" },
    13,
  );

  const id = seededUuid(ctx.random);
  const map: ActionMap = {
    id,
    version: 1,
    isActive: true,
    displayName: "Spring sale on pricing pages",
    triggerWithSegments: [],
    triggerWithEventConditions: [],
    triggerWithOutcomeProbabilityConditions: [],
    triggerWithOutcomePercentileConditions: [],
    triggerWithOutcomeQuantileConditions: [],
    pageUrlConditions: [{ values: ["/pricing"], operator: "containsAny" }],
    activation: { type: "immediate" },
    weight: 2,
    action: storedAction({ mediaType: "contentOffer", actionTemplate: { id: sale.id } }),
    ignoreFrequencyCap: false,
    selfUri: `${API}/journey/actionmaps/${id}`,
    createdDate: stamp(14),
    modifiedDate: stamp(14),
    startDate: stamp(14),
  };
  maps(ctx).put(id, map, base);
}
