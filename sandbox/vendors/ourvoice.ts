import type { z } from "zod";
import { endpoints } from "../../provider/ourvoice/endpoints";
import type { CreateFlow, Flow } from "../../provider/ourvoice/models";
import { VENDORS } from "../../provider/vendors";
import { routesOf } from "../routes";
import { seededUuid } from "../seeded";
import type { AnswerOf, CallOf, Failure, Vendor, VendorContext } from "../types";

// Our Voice is a Laravel application: its error bodies, 422 validation shape, pagination and
// throttle headers follow Laravel's defaults (inferred; see docs/vendors.md).

const KIND = "flows";
const flows = (ctx: VendorContext) => ctx.store.collection<Flow>("ourvoice", KIND);

/** Laravel serialises dates with six fraction digits. */
export const laravelTime = (ms: number) => new Date(ms).toISOString().replace(/\.(\d{3})Z$/, ".$1000Z");

const metadataText = (m: CreateFlow["metadata"]) =>
  m === null || m === undefined ? m : typeof m === "string" ? m : JSON.stringify(m);
const notFound = (id: string): Failure => ({
  status: 404,
  body: { message: `No query results for model [App\\Models\\Flow] ${id}` },
});

/** Laravel names nested input with dots: `filter[status]` is `filter.status`. */
const field = (path: PropertyKey[]) =>
  path
    .map(String)
    .join(".")
    .replace(/\[(\w+)\]/g, ".$1") || "body";

function laravelMessage(issue: z.core.$ZodIssue, name: string): string {
  const label = name.replace(/_/g, " ");
  switch (issue.code) {
    case "invalid_type":
      return issue.input === undefined
        ? `The ${label} field is required.`
        : `The ${label} field must be a ${issue.expected}.`;
    case "invalid_value":
      return `The selected ${label} is invalid. Allowed: ${issue.values.join(", ")}.`;
    case "too_big":
      return `The ${label} field must not be greater than ${issue.maximum}${issue.origin === "string" ? " characters" : ""}.`;
    case "too_small":
      return issue.origin === "string" && issue.minimum === 1
        ? `The ${label} field is required.`
        : `The ${label} field must be at least ${issue.minimum}.`;
    default:
      return `The ${label} field ${issue.message.replace(/^Invalid input: ?/, "is invalid")}.`.replace("..", ".");
  }
}

function page(call: CallOf<typeof endpoints.listFlows>, ctx: VendorContext): AnswerOf<typeof endpoints.listFlows> {
  const q = call.query;
  const matches = (f: Flow) =>
    (!q["filter[status]"] || f.status === q["filter[status]"]) &&
    (!q["filter[type]"] || f.type === q["filter[type]"]) &&
    (!q["filter[name]"] || f.name.toLowerCase().includes(q["filter[name]"].toLowerCase()));
  const all = flows(ctx).list().filter(matches);
  const lastPage = Math.max(1, Math.ceil(all.length / q.limit));
  const start = (q.page - 1) * q.limit;
  const data = all.slice(start, start + q.limit);
  const path = `http://${call.headers.host ?? "127.0.0.1"}${VENDORS.ourvoice.sandboxPaths.api}/flows`;
  const link = (n: number) => `${path}?page=${n}&limit=${q.limit}`;
  return {
    status: 200,
    body: {
      data,
      links: {
        first: link(1),
        last: link(lastPage),
        prev: q.page > 1 ? link(q.page - 1) : null,
        next: q.page < lastPage ? link(q.page + 1) : null,
      },
      meta: {
        current_page: q.page,
        from: data.length ? start + 1 : null,
        last_page: lastPage,
        path,
        per_page: q.limit,
        to: data.length ? start + data.length : null,
        total: all.length,
      },
    },
  };
}

// PUT and PATCH share the handler: the same row shape, absent fields kept.
function update(
  call: CallOf<typeof endpoints.updateFlow | typeof endpoints.patchFlow>,
  ctx: VendorContext,
): AnswerOf<typeof endpoints.updateFlow> {
  const store = flows(ctx);
  const id = call.params.flowId;
  const flow = store.get(id);
  if (!flow) return notFound(id);
  const b = call.body;
  const next: Flow = {
    ...flow,
    ...(b.name !== undefined && { name: b.name }),
    ...(b.type !== undefined && { type: b.type }),
    ...(b.status !== undefined && { status: b.status }),
    ...(b.description !== undefined && { description: b.description }),
    ...(b.metadata !== undefined && { metadata: metadataText(b.metadata) }),
  };
  // Laravel touches updated_at only when an attribute really changed.
  if (JSON.stringify(next) !== JSON.stringify(flow)) {
    next.updated_at = laravelTime(call.now);
    store.put(id, next, call.now);
  }
  return { status: 200, body: { data: next } };
}

const routes = routesOf(endpoints, {
  listFlows: page,
  getFlow: (call, ctx) => {
    const flow = flows(ctx).get(call.params.flowId);
    return flow ? { status: 200, body: { data: flow } } : notFound(call.params.flowId);
  },
  createFlow: (call, ctx) => {
    const b = call.body;
    const at = laravelTime(call.now);
    const flow: Flow = {
      id: seededUuid(Math.random),
      name: b.name,
      description: b.description ?? null,
      type: b.type,
      status: b.status ?? "draft",
      metadata: metadataText(b.metadata) ?? null,
      flow_executions_count: 0,
      created_at: at,
      updated_at: at,
    };
    flows(ctx).put(flow.id, flow, call.now);
    return { status: 201, body: { data: flow }, created: true };
  },
  updateFlow: update,
  patchFlow: update,
  deleteFlow: (call, ctx) => (flows(ctx).delete(call.params.flowId) ? { status: 204 } : notFound(call.params.flowId)),
});

const STATUS_CYCLE = ["published", "draft", "published", "paused"];
const SEED_NAMES = ["Main IVR", "After hours", "Appointment reminder", "Delivery notice", "Survey", "Callback"];

export const ourvoice: Vendor = {
  name: "ourvoice",
  apiPrefix: VENDORS.ourvoice.sandboxPaths.api,
  routes,
  authenticate(headers, ctx) {
    const m = /^Bearer\s+(.+)$/i.exec(String(headers.authorization ?? ""));
    if (!m || m[1] !== ctx.options.credentials.ourvoice.apiKey)
      return { status: 401, body: { message: "Unauthenticated." } };
    return { token: m[1], client: "api-key" };
  },
  invalid(where, issues) {
    const errors: Record<string, string[]> = {};
    for (const issue of issues) {
      const name = field(issue.path);
      (errors[name] ??= []).push(laravelMessage(issue, name));
    }
    const all = Object.values(errors).flat();
    const more = all.length > 1 ? ` (and ${all.length - 1} more error${all.length > 2 ? "s" : ""})` : "";
    return { status: 422, body: { message: `${all[0] ?? `The ${where} is invalid.`}${more}`, errors } };
  },
  notFound: (path) => ({ status: 404, body: { message: `The route ${path.replace(/^\//, "")} could not be found.` } }),
  rateLimited: (retryAfter, limit, now) => ({
    status: 429,
    body: { message: "Too Many Attempts." },
    headers: {
      "retry-after": String(retryAfter),
      "x-ratelimit-limit": String(limit),
      "x-ratelimit-remaining": "0",
      "x-ratelimit-reset": String(Math.ceil(now / 1000) + retryAfter),
    },
  }),
  serverError: () => ({ status: 500, body: { message: "Server Error" } }),
  seed(ctx) {
    const base = Date.UTC(2026, 0, 5, 9, 0, 0);
    SEED_NAMES.forEach((name, i) => {
      const at = laravelTime(base + i * 86_400_000);
      const flow: Flow = {
        id: seededUuid(ctx.random),
        name,
        description: `${name} flow (seeded)`,
        type: i % 3 === 2 ? "sms" : "voice",
        status: STATUS_CYCLE[i % STATUS_CYCLE.length],
        metadata: JSON.stringify({ seeded: true, order: i + 1 }),
        flow_executions_count: Math.floor(ctx.random() * 5000),
        created_at: at,
        updated_at: at,
      };
      flows(ctx).put(flow.id, flow, base);
    });
  },
};
