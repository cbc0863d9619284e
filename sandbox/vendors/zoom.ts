import { createHash } from "node:crypto";
import type { z } from "zod";
import { VENDORS } from "../../provider/vendors";
import { endpoints } from "../../provider/zoom/endpoints";
import {
  type Channel,
  type ChannelSource,
  type ChannelType,
  type EntryPoint,
  type Flow,
  type FlowFile,
  FlowFile as FlowFileSchema,
  type FlowVersion,
  type GetFlowQuery,
  type TokenResponse,
} from "../../provider/zoom/models";
import { routesOf } from "../routes";
import { seededId } from "../seeded";
import type { AnswerOf, CallOf, ErrorStatus, Failure, RawRoute, Reply, Vendor, VendorContext } from "../types";

// Zoom Contact Center flows (docs/vendors.md). Rules Zoom's documentation leaves open are chosen
// here and marked "sandbox rule".

const flows = (ctx: VendorContext) => ctx.store.collection<Flow>("zoom", "flows");
/** Flow files by `flowId/version`: what Export returns and Import stored. */
const files = (ctx: VendorContext) => ctx.store.collection<FlowFile>("zoom", "flow_files");
/** List cursors: `next_page_token` → position, so tokens survive restarts with `--data`. */
const cursors = (ctx: VendorContext) => ctx.store.collection<Cursor>("zoom", "page_tokens");

interface Cursor {
  offset: number;
  expiresAt: number;
}

/** `next_page_token` lifetime: Zoom expires a page token after 15 minutes. */
const CURSOR_TTL_MS = 15 * 60 * 1000;
/** Scopes an S2S app with full flow access is granted (Zoom's classic scope names). */
const SCOPES = "contact_center_flow:read:admin contact_center_flow:write:admin";

/** Zoom's timestamp shape: ISO-8601 UTC to the second. */
const zoomTime = (ms: number) => new Date(ms).toISOString().replace(/\.\d{3}Z$/, "Z");

/** A fresh id at run time: `ctx.random` restarts per request, so ids hash the seed with a stored counter. */
function newId(ctx: VendorContext): string {
  const n = Number(ctx.store.getMeta("zoom.ids") ?? "0") + 1;
  ctx.store.setMeta("zoom.ids", String(n));
  return createHash("sha256").update(`zoom:${ctx.options.seed}:${n}`).digest("base64url").slice(0, 22);
}

/** The user id Zoom reports as `modified_by` for an API client (a stable 22-char id). */
const userOf = (client: string | undefined) =>
  createHash("sha256")
    .update(`user:${client ?? "sandbox"}`)
    .digest("base64url")
    .slice(0, 22);

const error = (status: ErrorStatus, code: number, message: string, extra: object = {}): Failure => ({
  status,
  body: { code, message, ...extra },
});
const flowMissing = (idOrName: string, status: ErrorStatus = 404) =>
  error(status, 3201, `Flow does not exist: ${idOrName}.`);
const versionMissing = (version: number, status: ErrorStatus = 400) =>
  error(status, 3201, `Flow version does not exist: ${version}.`);
const nameTaken = (name: string) => error(400, 3202, `Flow name already exists: ${name}.`);
const fieldError = (field: string, message: string) =>
  error(400, 300, "Validation Failed.", { errors: [{ field, message }] });

/** Finds a flow by id, or by name when `flow_identifier_type=name`. */
function findFlow(ctx: VendorContext, key: string, by: GetFlowQuery["flow_identifier_type"] = "id"): Flow | undefined {
  return by === "name"
    ? flows(ctx)
        .list()
        .find((f) => f.flow_name === key)
    : flows(ctx).get(key);
}

/**
 * Sandbox rule for the flow-level status: `published` while any version is published, `archived`
 * when every version is, `debugging` kept as seeded, `draft` otherwise.
 */
function flowStatus(f: Flow): Flow["status"] {
  const versions = f.flow_versions ?? [];
  if (versions.some((v) => v.flow_version_status === "published")) return "published";
  if (versions.length && versions.every((v) => v.flow_version_status === "archived")) return "archived";
  return f.status === "debugging" ? "debugging" : "draft";
}

/** Channel fields a file implies; voice when the file does not say (sandbox rule). */
function channelOf(file: FlowFile): { channel: Channel; channel_type?: ChannelType; channel_source?: ChannelSource } {
  const channel: Channel = file.channel ?? CHANNEL_OF_TYPE[file.channel_type ?? "voice"].channel;
  const bySource =
    file.channel_source === "sms" || file.channel_source === "in_app_chat" ? file.channel_source : undefined;
  const channel_type =
    file.channel_type ?? (channel === "messaging" ? bySource : undefined) ?? TYPE_OF_CHANNEL[channel];
  const channel_source = file.channel_source ?? (channel_type ? CHANNEL_OF_TYPE[channel_type].source : undefined);
  return { channel, ...(channel_type && { channel_type }), ...(channel_source && { channel_source }) };
}

const CHANNEL_OF_TYPE: Record<ChannelType, { channel: Channel; source?: ChannelSource }> = {
  voice: { channel: "voice" },
  video: { channel: "video" },
  chat: { channel: "messaging", source: "web_chat" },
  sms: { channel: "messaging", source: "sms" },
  in_app_chat: { channel: "messaging", source: "in_app_chat" },
};
/** The legacy `channel_type` of a channel; email and work items have none. */
const TYPE_OF_CHANNEL: Record<Channel, ChannelType | undefined> = {
  voice: "voice",
  video: "video",
  messaging: "chat",
  email: undefined,
  work_item: undefined,
};

type Row = typeof endpoints;

function list(call: CallOf<Row["listFlows"]>, ctx: VendorContext): AnswerOf<Row["listFlows"]> {
  const q = call.query;
  let offset = 0;
  if (q.next_page_token) {
    const cursor = cursors(ctx).get(q.next_page_token);
    if (!cursor || cursor.expiresAt <= call.now) return error(400, 300, "The next page token is invalid or expired.");
    offset = cursor.offset;
  }
  // Filters come from this request, not the token: Zoom asks callers to repeat them on every page.
  const matches = (f: Flow) =>
    (!q.status || f.status === q.status) &&
    (!q.channel_type || f.channel_type === q.channel_type) &&
    (!q.channel || f.channel === q.channel) &&
    (!q.channel_source || f.channel_source === q.channel_source);
  const all = flows(ctx).list().filter(matches);
  const page = all.slice(offset, offset + q.page_size);
  let next = "";
  if (offset + page.length < all.length) {
    // Expired cursors are dropped here so the store does not grow with every listing.
    for (const c of cursors(ctx).records()) if (c.value.expiresAt <= call.now) cursors(ctx).delete(c.id);
    next = newId(ctx);
    cursors(ctx).put(next, { offset: offset + page.length, expiresAt: call.now + CURSOR_TTL_MS }, call.now);
  }
  return {
    status: 200,
    body: { next_page_token: next, page_size: q.page_size, total_records: all.length, flows: page },
  };
}

function importFlow(call: CallOf<Row["importFlow"]>, ctx: VendorContext): AnswerOf<Row["importFlow"]> {
  const b = call.body;
  let parsed: unknown;
  try {
    parsed = JSON.parse(b.flow_file.text);
  } catch {
    return fieldError("flow_file", "The flow file must be a JSON file exported from Zoom Contact Center.");
  }
  const file = FlowFileSchema.safeParse(parsed);
  if (!file.success) {
    const issue = file.error.issues[0];
    return fieldError("flow_file", `Invalid flow file: ${issue.path.join(".") || "file"} ${issue.message}`);
  }
  const channels = channelOf(file.data);
  const at = zoomTime(call.now);
  const user = userOf(call.principal?.client);
  const version = (n: number): FlowVersion => ({
    flow_version_id: newId(ctx),
    flow_version_description: b.flow_version_description ?? "",
    flow_version_status: "draft",
    flow_version: n,
    flow_version_modified_by: user,
    flow_version_last_modified_time: at,
  });
  const sameName = flows(ctx)
    .list()
    .filter((f) => f.flow_name === b.flow_name);

  let flow: Flow;
  if (b.import_mode === "new") {
    if (sameName.length) return nameTaken(b.flow_name);
    flow = {
      flow_id: newId(ctx),
      flow_name: b.flow_name,
      flow_description: b.flow_description ?? "",
      ...channels,
      status: "draft",
      modified_by: user,
      last_modified_time: at,
      entry_points: [],
      flow_versions: [version(1)],
    };
  } else {
    // `version` mode matches the existing flow by name and channel, as Zoom's Import does.
    const existing = sameName.find((f) => f.channel === channels.channel);
    if (!existing) return flowMissing(b.flow_name);
    const versions = existing.flow_versions ?? [];
    const n = Math.max(0, ...versions.map((v) => v.flow_version)) + 1;
    flow = {
      ...existing,
      ...(b.flow_description !== undefined && { flow_description: b.flow_description }),
      modified_by: user,
      last_modified_time: at,
      flow_versions: [...versions, version(n)],
    };
  }
  const n = flow.flow_versions!.at(-1)!.flow_version;
  files(ctx).put(`${flow.flow_id}/${n}`, { ...file.data, flow_version: n }, call.now);
  flows(ctx).put(flow.flow_id, flow, call.now);
  // The import response schema has no channel_type.
  const { channel_type: _, ...reply } = flow;
  return { status: 201, body: reply, created: true };
}

function update(call: CallOf<Row["updateFlow"]>, ctx: VendorContext): AnswerOf<Row["updateFlow"]> {
  const flow = flows(ctx).get(call.params.flowId);
  if (!flow) return flowMissing(call.params.flowId);
  const b = call.body;
  const versions = flow.flow_versions ?? [];
  if (!versions.some((v) => v.flow_version === b.flow_version)) return versionMissing(b.flow_version);
  if (b.flow_name !== undefined && b.flow_name !== flow.flow_name) {
    if (
      flows(ctx)
        .list()
        .some((f) => f.flow_name === b.flow_name)
    )
      return nameTaken(b.flow_name);
  }
  const at = zoomTime(call.now);
  const user = userOf(call.principal?.client);
  const next: Flow = {
    ...flow,
    ...(b.flow_name !== undefined && { flow_name: b.flow_name }),
    ...(b.flow_description !== undefined && { flow_description: b.flow_description }),
    modified_by: user,
    last_modified_time: at,
    flow_versions: versions.map((v) =>
      v.flow_version === b.flow_version && b.flow_version_description !== undefined
        ? {
            ...v,
            flow_version_description: b.flow_version_description,
            flow_version_modified_by: user,
            flow_version_last_modified_time: at,
          }
        : v,
    ),
  };
  flows(ctx).put(flow.flow_id, next, call.now);
  return { status: 204 };
}

function publish(call: CallOf<Row["publishFlow"]>, ctx: VendorContext): AnswerOf<Row["publishFlow"]> {
  const flow = flows(ctx).get(call.params.flowId);
  if (!flow) return flowMissing(call.params.flowId);
  const versions = flow.flow_versions ?? [];
  const target = call.query.flow_version ?? Math.max(0, ...versions.map((v) => v.flow_version));
  if (!versions.some((v) => v.flow_version === target)) return versionMissing(target);
  const at = zoomTime(call.now);
  const user = userOf(call.principal?.client);
  // Publishing replaces the previously published version, which becomes archived (sandbox rule).
  const stamp = (v: FlowVersion, status: string): FlowVersion => ({
    ...v,
    flow_version_status: status,
    flow_version_modified_by: user,
    flow_version_last_modified_time: at,
  });
  const next: Flow = {
    ...flow,
    modified_by: user,
    last_modified_time: at,
    flow_versions: versions.map((v) =>
      v.flow_version === target
        ? stamp(v, "published")
        : v.flow_version_status === "published"
          ? stamp(v, "archived")
          : v,
    ),
  };
  next.status = flowStatus(next);
  flows(ctx).put(flow.flow_id, next, call.now);
  return { status: 204 };
}

function exportFlow(call: CallOf<Row["exportFlow"]>, ctx: VendorContext): AnswerOf<Row["exportFlow"]> {
  const q = call.query;
  // Export answers 400 (not 404) for an unknown flow or version, as Zoom's does.
  const flow = findFlow(ctx, call.params.flowId, q.flow_identifier_type);
  if (!flow) return flowMissing(call.params.flowId, 400);
  const version = flow.flow_versions?.find((v) => v.flow_version === q.flow_version);
  if (!version) return versionMissing(q.flow_version);
  const stored = files(ctx).get(`${flow.flow_id}/${q.flow_version}`) ?? {};
  const file: FlowFile = {
    ...stored,
    flow_name: flow.flow_name,
    flow_description: flow.flow_description,
    ...channelOf(stored),
    flow_version: version.flow_version,
    flow_version_description: version.flow_version_description,
  };
  const filename = `${flow.flow_name.replace(/[^\w.-]+/g, "_")}_v${version.flow_version}.json`;
  return { status: 200, body: file, headers: { "content-disposition": `attachment; filename="${filename}"` } };
}

/**
 * Sandbox rule for 3209: a flow with entry points bound is in use and cannot be deleted; the
 * entry points are named in the message, and `related_*` lists are empty (the sandbox has no
 * queues or campaigns). Published flows without entry points can be deleted.
 */
function remove(call: CallOf<Row["deleteFlow"]>, ctx: VendorContext): AnswerOf<Row["deleteFlow"]> {
  const flow = flows(ctx).get(call.params.flowId);
  if (!flow) return flowMissing(call.params.flowId);
  const bound = flow.entry_points ?? [];
  if (bound.length) {
    const names = bound.map((e) => e.entry_name ?? e.entry_id).join(", ");
    return error(400, 3209, `The flow is in use by entry points and cannot be deleted: ${names}.`, {
      related_flows: [],
      related_queues: [],
      related_campaigns: [],
    });
  }
  flows(ctx).delete(flow.flow_id);
  for (const v of flow.flow_versions ?? []) files(ctx).delete(`${flow.flow_id}/${v.flow_version}`);
  return { status: 204 };
}

const routes = routesOf(endpoints, {
  listFlows: list,
  getFlow: (call, ctx) => {
    const flow = findFlow(ctx, call.params.flowId, call.query.flow_identifier_type);
    return flow ? { status: 200, body: flow } : flowMissing(call.params.flowId);
  },
  importFlow,
  updateFlow: update,
  publishFlow: publish,
  exportFlow,
  deleteFlow: remove,
});

// ---------------------------------------------------------------------------------------------
// Server-to-server OAuth

/** The token endpoint's error: `{reason, error}`; the 47xx number in the comment is Zoom's code for it. */
const oauthError = (error: string, reason: string): Reply => ({ status: 400, body: { reason, error } });

const first = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);

const tokenRoute: RawRoute = {
  method: "POST",
  path: VENDORS.zoom.sandboxPaths.token,
  handle(req, ctx) {
    const creds = ctx.options.credentials.zoom;
    // Zoom's sample sends a form body; much public code sends query parameters. Accept both.
    const form = new URLSearchParams(req.text);
    const param = (name: string) => form.get(name) ?? first(req.query[name]);
    const basic = /^Basic\s+(\S+)$/i.exec(String(req.headers.authorization ?? ""));
    const pair = basic ? Buffer.from(basic[1], "base64").toString("utf8") : "";
    const colon = pair.indexOf(":");
    const [clientId, secret] = colon > 0 ? [pair.slice(0, colon), pair.slice(colon + 1)] : ["", ""];
    // 4706: client credentials missing.
    if (!clientId || !secret) return oauthError("invalid_client", "Client ID or client secret missing");
    const grant = param("grant_type");
    // 4706: grant type missing; 4705: unsupported grant type.
    if (!grant) return oauthError("invalid_request", "Grant type missing");
    if (grant !== "account_credentials") return oauthError("unsupported_grant_type", "Unsupported grant type");
    // 4702 (client id) / 4704 (secret): Zoom gives both the same text.
    if (clientId !== creds.clientId || secret !== creds.clientSecret) {
      return oauthError("invalid_client", "Invalid client_id or client_secret");
    }
    const account = param("account_id");
    if (!account) return oauthError("invalid_request", "Missing account_id");
    if (account !== creds.accountId) return oauthError("invalid_request", "Invalid account_id");
    const ttl = ctx.options.tokenTtl.zoom;
    const body: TokenResponse = {
      access_token: ctx.tokens.issue("zoom", clientId, req.now, ttl),
      token_type: "bearer",
      expires_in: ttl,
      scope: SCOPES,
      api_url: "https://api.zoom.us",
    };
    return { status: 200, body };
  },
};

// ---------------------------------------------------------------------------------------------
// Errors

/** Zoom names nested fields with dots. */
const fieldName = (path: PropertyKey[], where: string) => path.map(String).join(".") || where;

function issueMessage(issue: z.core.$ZodIssue, field: string): string {
  switch (issue.code) {
    case "invalid_type":
      return issue.input === undefined ? `${field} is required.` : `Invalid parameter: ${field}.`;
    case "invalid_value":
      return `Invalid parameter: ${field}. Allowed values: ${issue.values.join(", ")}.`;
    case "too_big":
      return `Invalid parameter: ${field}. Must be at most ${issue.maximum}.`;
    case "too_small":
      return `Invalid parameter: ${field}. Must be at least ${issue.minimum}.`;
    default:
      return `Invalid parameter: ${field}.`;
  }
}

// ---------------------------------------------------------------------------------------------
// Seed

interface SeedFlow {
  name: string;
  channel: Channel;
  channel_type?: ChannelType;
  channel_source?: ChannelSource;
  /** Version statuses, oldest first. */
  versions: string[];
  status?: Flow["status"];
  entries?: Omit<EntryPoint, "entry_id">[];
}

const SEED: SeedFlow[] = [
  {
    name: "Main IVR",
    channel: "voice",
    channel_type: "voice",
    versions: ["archived", "published"],
    entries: [
      { entry_name: "Main line", entry_number: "+14155550100", entry_language: "en-US" },
      { entry_name: "Línea principal", entry_number: "+14155550101", entry_language: "es-US" },
    ],
  },
  { name: "After hours", channel: "voice", channel_type: "voice", versions: ["draft"] },
  {
    name: "Web chat support",
    channel: "messaging",
    channel_type: "chat",
    channel_source: "web_chat",
    versions: ["published", "draft"],
    entries: [{ entry_name: "Website widget" }],
  },
  { name: "SMS notifications", channel: "messaging", channel_type: "sms", channel_source: "sms", versions: ["draft"] },
  { name: "Video concierge", channel: "video", channel_type: "video", versions: ["published"] },
  {
    name: "In-app help",
    channel: "messaging",
    channel_type: "in_app_chat",
    channel_source: "in_app_chat",
    versions: ["archived"],
  },
  {
    name: "Support inbox",
    channel: "email",
    channel_source: "email_address",
    versions: ["published"],
    entries: [{ entry_name: "Support mailbox", email_address: "support@example.com" }],
  },
  { name: "Case routing", channel: "work_item", channel_source: "api", versions: ["draft"], status: "debugging" },
];

function seed(ctx: VendorContext): void {
  const base = Date.UTC(2026, 0, 5, 9, 0, 0);
  const user = seededId(ctx.random);
  SEED.forEach((s, i) => {
    const flowId = seededId(ctx.random);
    const at = base + i * 86_400_000;
    const versions: FlowVersion[] = s.versions.map((status, v) => ({
      flow_version_id: seededId(ctx.random),
      flow_version_description: `v${v + 1}`,
      flow_version_status: status,
      flow_version: v + 1,
      flow_version_modified_by: user,
      flow_version_last_modified_time: zoomTime(at + v * 3_600_000),
    }));
    const flow: Flow = {
      flow_id: flowId,
      flow_name: s.name,
      flow_description: `${s.name} flow (seeded)`,
      ...(s.channel_type && { channel_type: s.channel_type }),
      channel: s.channel,
      ...(s.channel_source && { channel_source: s.channel_source }),
      status: "draft",
      modified_by: user,
      last_modified_time: versions.at(-1)!.flow_version_last_modified_time,
      entry_points: (s.entries ?? []).map((e) => ({ entry_id: seededId(ctx.random), ...e })),
      flow_versions: versions,
    };
    flow.status = s.status ?? flowStatus(flow);
    flows(ctx).put(flowId, flow, base);
    for (const v of versions) {
      const file: FlowFile = {
        channel: s.channel,
        ...(s.channel_type && { channel_type: s.channel_type }),
        ...(s.channel_source && { channel_source: s.channel_source }),
        flow_version: v.flow_version,
        definition: { start: "greeting", widgets: [{ id: "greeting", type: "play_message", next: "end" }] },
      };
      files(ctx).put(`${flowId}/${v.flow_version}`, file, base);
    }
  });
}

// ---------------------------------------------------------------------------------------------

/** Zoom Contact Center: flows under `/zoom/v2`, server-to-server OAuth at `/zoom/oauth/token`. */
export const zoom: Vendor = {
  name: "zoom",
  apiPrefix: VENDORS.zoom.sandboxPaths.api,
  routes,
  rawRoutes: [tokenRoute],
  authenticate(headers, ctx, now) {
    const m = /^Bearer\s+(\S+)$/i.exec(String(headers.authorization ?? ""));
    const principal = m ? ctx.tokens.check("zoom", m[1], now) : undefined;
    return principal ?? error(401, 124, "Invalid access token.");
  },
  invalid(where, issues) {
    const errors = issues.map((issue) => {
      const field = fieldName(issue.path, where);
      return { field, message: issueMessage(issue, field) };
    });
    return error(400, 300, "Validation Failed.", { errors });
  },
  notFound: (path) => error(404, 404, `No such API endpoint: ${path}.`),
  rateLimited(retryAfter, limit, now) {
    // Zoom sends an absolute ISO-8601 Retry-After, rounded up to the second so a client never retries early.
    const until = new Date(Math.ceil((now + retryAfter * 1000) / 1000) * 1000);
    const perSecond = retryAfter <= 1;
    return {
      status: 429,
      body: {
        code: 429,
        message: perSecond
          ? "You have reached the maximum per-second rate limit for this API. Try again later."
          : `You have exceeded the rate limit of ${limit} requests for this API. Please check the response headers for when you can retry.`,
      },
      headers: {
        "x-ratelimit-category": "Medium",
        "x-ratelimit-type": perSecond ? "QPS" : "Daily-limit",
        "x-ratelimit-limit": String(limit),
        "x-ratelimit-remaining": "0",
        "retry-after": zoomTime(until.getTime()),
      },
    };
  },
  serverError: () => error(500, 500, "Internal Server Error."),
  seed,
};
