// Genesys Cloud journey configuration beyond segments: outcomes and action templates. Condition
// defaults are shared with segments (`toContext`, `toJourney`), as the real API shares their models.
import { randomUUID } from "node:crypto";
import type { endpoints } from "../../provider/genesys/endpoints";
import {
  type ActionTemplate,
  type Context,
  type CriteriaOperator,
  type Journey,
  type Outcome,
  RequestContext,
  RequestJourney,
} from "../../provider/genesys/models";
import type { Handlers, VendorContext } from "../types";
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
    return outcomes(ctx).delete(id) ? { status: 204 } : outcomeNotFound(id);
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
