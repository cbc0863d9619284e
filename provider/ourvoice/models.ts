import { z } from "zod";

// Our Voice flows API models (docs/vendors.md). The public docs are thin: responses are
// modelled from every field seen, enums stay open on the way in and strict on the way out.

/** Flow types the API is known to take: `voice` (documented examples) and `sms` (inferred). */
export const FLOW_TYPES = ["voice", "sms"] as const;
/** Flow statuses of the official Node SDK's enum. */
export const FLOW_STATUSES = ["draft", "paused", "published"] as const;

/** Laravel's timestamp shape: ISO-8601 UTC with six fraction digits. */
export const Timestamp = z.string().regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/);

/** A flow as the API returns it. `type` and `status` are open strings: the API may add values. */
export const Flow = z.object({
  id: z.uuid(),
  name: z.string(),
  description: z.string().nullable().optional(),
  type: z.string(),
  status: z.string(),
  /** A JSON document, sent and returned as a string (some clients see an object). */
  metadata: z
    .union([z.string(), z.record(z.string(), z.unknown())])
    .nullable()
    .optional(),
  flow_executions_count: z.number().int().nonnegative(),
  flow_url: z.string().nullable().optional(),
  created_at: Timestamp,
  updated_at: Timestamp,
});
export type Flow = z.infer<typeof Flow>;

const jsonText = z.string().refine(
  (s) => {
    try {
      JSON.parse(s);
      return true;
    } catch {
      return false;
    }
  },
  { message: "must be a valid JSON string" },
);

/**
 * Body of `POST /v1/flows`. The name (255) and description (1000) limits are not in Our Voice's
 * docs (which do not describe create at all); they are the sandbox's, which
 * enforces them with Laravel's `max` messages.
 */
export const CreateFlow = z.object({
  name: z.string().min(1).max(255),
  type: z.enum(FLOW_TYPES),
  status: z.enum(FLOW_STATUSES).optional(),
  description: z.string().max(1000).nullable().optional(),
  /** JSON text, or an object that the server stores as JSON text. */
  metadata: z
    .union([jsonText, z.record(z.string(), z.unknown())])
    .nullable()
    .optional(),
});
export type CreateFlow = z.infer<typeof CreateFlow>;

/** Body of `PUT`/`PATCH /v1/flows/{id}`: fields present are changed, absent ones kept. */
export const UpdateFlow = CreateFlow.partial();
export type UpdateFlow = z.infer<typeof UpdateFlow>;

/** The `{data: …}` envelope around a single resource. */
export const FlowEnvelope = z.object({ data: Flow });

/** A Laravel paginated resource collection. */
export const FlowPage = z.object({
  data: z.array(Flow),
  links: z.object({
    first: z.string().nullable(),
    last: z.string().nullable(),
    prev: z.string().nullable(),
    next: z.string().nullable(),
  }),
  meta: z.object({
    current_page: z.number().int(),
    from: z.number().int().nullable(),
    last_page: z.number().int(),
    path: z.string(),
    per_page: z.number().int(),
    to: z.number().int().nullable(),
    total: z.number().int(),
  }),
});
export type FlowPage = z.infer<typeof FlowPage>;

/** Query of `GET /v1/flows`: 1-based `page`, `limit` per page, and `filter[...]` equality filters. */
export const ListFlowsQuery = z.object({
  page: z.coerce.number().int().min(1).default(1),
  limit: z.coerce.number().int().min(1).max(100).default(15),
  "filter[status]": z.string().optional(),
  "filter[type]": z.string().optional(),
  "filter[name]": z.string().optional(),
});

/** Every Our Voice error body: Laravel's `message`, plus `errors` per field on a 422. */
export const ErrorBody = z.object({
  message: z.string(),
  errors: z.record(z.string(), z.array(z.string())).optional(),
});
export type ErrorBody = z.infer<typeof ErrorBody>;
