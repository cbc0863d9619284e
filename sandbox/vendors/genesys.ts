import { randomUUID } from "node:crypto";
import { endpoints } from "../../provider/genesys/endpoints";
import {
  type ActionTarget,
  type JourneySegment,
  type MediaType,
  type OAuthError,
  type OAuthToken,
  RequestContext,
  RequestJourney,
} from "../../provider/genesys/models";
import { VENDORS } from "../../provider/vendors";
import { routesOf } from "../routes";
import { seededUuid } from "../seeded";
import type { AnswerOf, CallOf, RawRoute, Reply, Vendor, VendorContext } from "../types";
import { analyticsRoutes } from "./genesys-analytics";
import { architectRawRoutes, architectRoutes, seedArchitect } from "./genesys-architect";
import {
  actionMapHandlers,
  actionTemplateHandlers,
  outcomeHandlers,
  seedJourney,
  stillUsed,
  toContext,
  toJourney,
} from "./genesys-journey";
import { badRequest, genesysError as error, page, sorted } from "./genesys-replies";

// Genesys Cloud journey API (what cxflow relies on: docs/vendors.md): every error is an
// ErrorBody; listings are pageNumber/pageSize envelopes with relative `/api/v2/...` URIs.

const API = "/api/v2";
const segments = (ctx: VendorContext) => ctx.store.collection<JourneySegment>("genesys", "segments");
const targets = (ctx: VendorContext) => ctx.store.collection<ActionTarget>("genesys", "actiontargets");

/** Server default colour of a segment created without one (the real default is undocumented). */
export const DEFAULT_SEGMENT_COLOR = "#008000";

const iso = (ms: number) => new Date(ms).toISOString();

const segmentNotFound = (id: string) => error(404, "not.found", `Segment ${id} not found`, { entityId: id });
const targetNotFound = (id: string) => error(404, "not.found", `Action target ${id} not found`, { entityId: id });

// ---------------------------------------------------------------------------------------------
// OAuth

/** The login service's error answer (RFC 6749 §5.2: 401 for a failed client authentication). */
function oauthError(status: number, error: string, description: string): Reply {
  const body: OAuthError = { error, description, error_description: description };
  return { status, body, headers: { "Cache-Control": "no-store" } };
}

/** Client id and secret from `Authorization: Basic` (what the SDKs send) or, failing that, the form body. */
function clientCredentials(header: string | string[] | undefined, form: URLSearchParams) {
  const h = Array.isArray(header) ? header[0] : header;
  const m = h && /^Basic\s+(\S+)$/i.exec(h);
  if (m) {
    const text = Buffer.from(m[1], "base64").toString("utf8");
    const colon = text.indexOf(":");
    if (colon < 0) return undefined;
    return { id: text.slice(0, colon), secret: text.slice(colon + 1) };
  }
  const id = form.get("client_id");
  return id ? { id, secret: form.get("client_secret") ?? "" } : undefined;
}

const tokenRoute: RawRoute = {
  method: "POST",
  path: VENDORS.genesys.sandboxPaths.token,
  handle(req, ctx) {
    const form = new URLSearchParams(req.text);
    const creds = clientCredentials(req.headers.authorization, form);
    if (!creds) return oauthError(401, "invalid_client", "client authentication is required");
    const expected = ctx.options.credentials.genesys;
    if (creds.id !== expected.clientId) return oauthError(401, "invalid_client", `client not found: ${creds.id}`);
    if (creds.secret !== expected.clientSecret) return oauthError(401, "invalid_client", "invalid client credentials");
    const grant = form.get("grant_type");
    if (!grant) return oauthError(400, "invalid_request", "grant_type is required");
    if (grant !== "client_credentials")
      return oauthError(400, "unsupported_grant_type", `grant type ${grant} is not supported`);
    const ttl = ctx.options.tokenTtl.genesys;
    const body: OAuthToken = {
      access_token: ctx.tokens.issue("genesys", creds.id, req.now, ttl),
      token_type: "bearer",
      expires_in: ttl,
    };
    return { status: 200, body, headers: { "Cache-Control": "no-store" } };
  },
};

// ---------------------------------------------------------------------------------------------
// Journey segments

/** Fields `sortBy` may name: the scalar top-level fields of a segment. */
const SORTABLE = new Set([
  "id",
  "displayName",
  "description",
  "color",
  "scope",
  "isActive",
  "shouldDisplayToAgent",
  "version",
  "assignmentExpirationDays",
  "createdDate",
  "modifiedDate",
]);

type Row = typeof endpoints;

function listSegments(call: CallOf<Row["listSegments"]>, ctx: VendorContext): AnswerOf<Row["listSegments"]> {
  const q = call.query;
  let all = segments(ctx).list();
  if (q.isActive === true) all = all.filter((s) => s.isActive);
  if (q.segmentIds) {
    // The swagger says segmentIds cannot be combined with paging or sorting.
    if (q.pageSize !== undefined || q.pageNumber !== undefined || q.sortBy !== undefined) {
      return error(400, "bad.request", "segmentIds: cannot be combined with pageSize, pageNumber or sortBy", {
        details: [{ errorCode: "bad.request", fieldName: "segmentIds" }],
      });
    }
    const wanted = new Set(q.segmentIds);
    const found = all.filter((s) => wanted.has(s.id));
    return { status: 200, body: page(found, "/journey/segments", Math.max(1, found.length), 1) };
  }
  if (q.sortBy) {
    const order = sorted(all, q.sortBy, SORTABLE);
    if (!Array.isArray(order)) return order;
    all = order;
  }
  const keep = { sortBy: q.sortBy, isActive: q.isActive === undefined ? undefined : String(q.isActive) };
  return { status: 200, body: page(all, "/journey/segments", q.pageSize ?? 25, q.pageNumber ?? 1, keep) };
}

function createSegment(call: CallOf<Row["createSegment"]>, ctx: VendorContext): AnswerOf<Row["createSegment"]> {
  const b = call.body;
  const id = randomUUID(); // not ctx.random(): ids must stay unique across restarts of a file-backed store
  const segment: JourneySegment = {
    id,
    isActive: b.isActive ?? true,
    displayName: b.displayName,
    version: 1,
    ...(b.description !== undefined ? { description: b.description } : {}),
    color: b.color ?? DEFAULT_SEGMENT_COLOR,
    scope: "Session",
    shouldDisplayToAgent: b.shouldDisplayToAgent ?? false,
    context: toContext(b.context),
    journey: toJourney(b.journey),
    ...(b.externalSegment
      ? { externalSegment: { ...b.externalSegment, source: b.externalSegment.source ?? "Custom" } }
      : {}),
    ...(b.assignmentExpirationDays !== undefined ? { assignmentExpirationDays: b.assignmentExpirationDays } : {}),
    selfUri: `${API}/journey/segments/${id}`,
    createdDate: iso(call.now),
    modifiedDate: iso(call.now),
  };
  segments(ctx).put(id, segment, call.now);
  return { status: 201, body: segment, created: true };
}

function patchSegment(call: CallOf<Row["patchSegment"]>, ctx: VendorContext): AnswerOf<Row["patchSegment"]> {
  const id = call.params.segmentId;
  const b = call.body ?? {};
  return ctx.store.transaction(() => {
    const current = segments(ctx).get(id);
    if (!current) return segmentNotFound(id);
    if (b.version !== undefined && b.version !== null && b.version !== current.version) {
      return error(
        409,
        "general.conflict",
        `The version supplied (${b.version}) does not match the current version of the segment (${current.version})`,
        {
          entityId: id,
        },
      );
    }
    // PATCH sub-models are all-optional in the swagger; the stored object still needs every member.
    const context = b.context && RequestContext.safeParse(b.context);
    if (context && !context.success) return badRequest(context.error.issues, ["context"]);
    const journey = b.journey && RequestJourney.safeParse(b.journey);
    if (journey && !journey.success) return badRequest(journey.error.issues, ["journey"]);
    if (b.externalSegment && !current.externalSegment) {
      return error(400, "bad.request", "externalSegment: the segment has no external segment to rename", {
        details: [{ errorCode: "bad.request", fieldName: "externalSegment" }],
      });
    }

    const next: JourneySegment = { ...current };
    if (b.isActive !== undefined) next.isActive = b.isActive;
    if (b.displayName !== undefined) next.displayName = b.displayName;
    if (b.color !== undefined) next.color = b.color;
    if (b.shouldDisplayToAgent !== undefined) next.shouldDisplayToAgent = b.shouldDisplayToAgent;
    if (context) next.context = toContext(context.data);
    if (journey) next.journey = toJourney(journey.data);
    if (b.externalSegment?.name !== undefined && next.externalSegment)
      next.externalSegment = { ...next.externalSegment, name: b.externalSegment.name };
    // `null` clears an optional field; absent leaves it.
    if (b.description === null) delete next.description;
    else if (b.description !== undefined) next.description = b.description;
    if (b.assignmentExpirationDays === null) delete next.assignmentExpirationDays;
    else if (b.assignmentExpirationDays !== undefined) next.assignmentExpirationDays = b.assignmentExpirationDays;
    next.version = current.version + 1;
    next.modifiedDate = iso(call.now);
    segments(ctx).put(id, next, call.now);
    return { status: 200, body: next };
  });
}

// ---------------------------------------------------------------------------------------------
// Action targets

function listActionTargets(
  call: CallOf<Row["listActionTargets"]>,
  ctx: VendorContext,
): AnswerOf<Row["listActionTargets"]> {
  const q = call.query;
  return {
    status: 200,
    body: page(targets(ctx).list(), "/journey/actiontargets", q.pageSize ?? 25, q.pageNumber ?? 1),
  };
}

function patchActionTarget(
  call: CallOf<Row["patchActionTarget"]>,
  ctx: VendorContext,
): AnswerOf<Row["patchActionTarget"]> {
  const id = call.params.actionTargetId;
  const b = call.body ?? {};
  return ctx.store.transaction(() => {
    const current = targets(ctx).get(id);
    if (!current) return targetNotFound(id);
    const next: ActionTarget = { ...current, modifiedDate: iso(call.now) };
    if (b.name !== undefined) next.name = b.name;
    if (b.shortAbandonThreshold !== undefined) next.shortAbandonThreshold = b.shortAbandonThreshold;
    if (b.serviceLevel !== undefined) {
      // Whether the real API merges a partial serviceLevel is unknown; members sent win, others stay.
      const merged = { ...current.serviceLevel, ...b.serviceLevel };
      if (merged.percentage === undefined || merged.durationMs === undefined) {
        return error(400, "bad.request", "serviceLevel: percentage and durationMs are both required", {
          details: [{ errorCode: "bad.request", fieldName: "serviceLevel" }],
        });
      }
      next.serviceLevel = { percentage: merged.percentage, durationMs: merged.durationMs };
    }
    targets(ctx).put(id, next, call.now);
    return { status: 200, body: next };
  });
}

/** The platform-created targets every sandbox starts with; together they cover every media type. */
const SEEDED_TARGETS: { name: string; description: string; media: MediaType[]; state: ActionTarget["state"] }[] = [
  { name: "Sales web chat", description: "Sales queue, web chat offers", media: ["webchat"], state: "active" },
  {
    name: "Support callbacks",
    description: "Support queue, callbacks and calls",
    media: ["callback", "call"],
    state: "active",
  },
  { name: "Billing email", description: "Billing queue, email", media: ["email"], state: "active" },
  {
    name: "Service messaging",
    description: "Service queue, messaging and social",
    media: ["messaging", "social"],
    state: "active",
  },
  { name: "Partner desk", description: "Partner queue, generic media", media: ["generic"], state: "inactive" },
];

function seed(ctx: VendorContext): void {
  const base = Date.UTC(2024, 0, 15, 9, 0, 0);
  SEEDED_TARGETS.forEach((t, i) => {
    const id = seededUuid(ctx.random);
    const created = iso(base + i * 86_400_000 + Math.floor(ctx.random() * 3_600_000));
    const target: ActionTarget = {
      id,
      name: t.name,
      description: t.description,
      userData: [{ key: "queueId", value: seededUuid(ctx.random) }],
      supportedMediaTypes: t.media,
      state: t.state,
      serviceLevel: {
        percentage: Math.round((0.7 + ctx.random() * 0.25) * 100) / 100,
        durationMs: (10 + Math.floor(ctx.random() * 50)) * 1000,
      },
      shortAbandonThreshold: 5 + Math.floor(ctx.random() * 15),
      selfUri: `${API}/journey/actiontargets/${id}`,
      createdDate: created,
      modifiedDate: created,
    };
    targets(ctx).put(id, target, base);
  });
  seedJourney(ctx, base);
  seedArchitect(ctx, base);
}

// ---------------------------------------------------------------------------------------------

const routes = routesOf(endpoints, {
  listSegments,
  getSegment: (call, ctx) => {
    const s = segments(ctx).get(call.params.segmentId);
    return s ? { status: 200, body: s } : segmentNotFound(call.params.segmentId);
  },
  createSegment,
  patchSegment,
  deleteSegment: (call, ctx) => {
    const id = call.params.segmentId;
    return ctx.store.transaction(() => {
      if (!segments(ctx).get(id)) return segmentNotFound(id);
      const inUse = stillUsed(ctx, "Segment", id);
      if (inUse) return inUse;
      segments(ctx).delete(id);
      return { status: 204 };
    });
  },
  listActionTargets,
  getActionTarget: (call, ctx) => {
    const t = targets(ctx).get(call.params.actionTargetId);
    return t ? { status: 200, body: t } : targetNotFound(call.params.actionTargetId);
  },
  patchActionTarget,
  ...outcomeHandlers,
  ...actionTemplateHandlers,
  ...actionMapHandlers,
});

/**
 * The Genesys Cloud emulation: OAuth client credentials, journey segments, action targets,
 * outcomes, action templates and action maps, analytics, and Architect flows with their jobs,
 * flow outcomes and milestones.
 */
export const genesys: Vendor = {
  name: "genesys",
  apiPrefix: VENDORS.genesys.sandboxPaths.api,
  routes: [...routes, ...analyticsRoutes, ...architectRoutes],
  rawRoutes: [tokenRoute, ...architectRawRoutes],
  authenticate(headers, ctx, now) {
    const h = Array.isArray(headers.authorization) ? headers.authorization[0] : headers.authorization;
    const m = h && /^Bearer\s+(\S+)$/i.exec(h);
    if (!m)
      return error(401, "authentication.required", "No authentication bearer token specified in authorization header.");
    const principal = ctx.tokens.check("genesys", m[1], now);
    if (principal) return principal;
    const known = ctx.store.findToken(m[1]);
    if (known && known.vendor === "genesys" && !known.revoked && known.expiresAt <= now) {
      return error(401, "credentials.expired", "The supplied credentials have expired.");
    }
    return error(401, "bad.credentials", "Invalid login credentials.");
  },
  invalid: (_where, issues) => badRequest(issues),
  notFound: (path) => error(404, "not.found", `The requested resource ${path} was not found.`),
  rateLimited(retryAfterSeconds, limit) {
    return error(
      429,
      "too.many.requests",
      `Rate limit exceeded the maximum. Retry the request in [${retryAfterSeconds}] seconds`,
      { limit: { namespace: "platform.api", key: "client.credentials.token.rate.per.minute", value: limit } },
      {
        "Retry-After": String(retryAfterSeconds),
        "inin-ratelimit-allowed": String(limit),
        "inin-ratelimit-reset": String(retryAfterSeconds),
      },
    );
  },
  serverError: () =>
    error(
      500,
      "internal.server.error",
      "The server encountered an unexpected condition which prevented it from fulfilling the request.",
    ),
  seed,
};
