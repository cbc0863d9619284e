import { createHash } from "node:crypto";
import type { z } from "zod";
import { sharedTokenCache } from "../http/auth";
import type { BodyOf } from "../http/endpoint";
import type { Budget } from "../http/limiter";
import { sharedLimiter } from "../http/limiter";
import { basicLogin } from "../http/oauth";
import type { RetryPolicy } from "../http/retry";
import { Transport } from "../http/transport";
import type { AggregateDataContainer } from "./analytics";
import { type ActivityPagingQuery, analyticsEndpoints } from "./analytics-endpoints";
import {
  architectEndpoints,
  type ListFlowMilestonesQuery,
  type ListFlowOutcomesQuery,
  type ListFlowsQuery,
} from "./architect-endpoints";
import {
  endpoints,
  type ListActionMapsQuery,
  type ListActionTargetsQuery,
  type ListActionTemplatesQuery,
  type ListOutcomesQuery,
  type ListSegmentsQuery,
} from "./endpoints";
import { ErrorBody, OAuthError } from "./models";

/** How to reach Genesys Cloud with an OAuth client-credentials client. */
export interface GenesysClientOptions {
  /** `https://api.<domain>/api/v2`, or a sandbox's `<url>/genesys/api/v2` (see `resolveGenesys`). */
  apiBase: string;
  /** `https://login.<domain>/oauth/token`, or a sandbox's `<url>/genesys/oauth/token`. */
  tokenUrl: string;
  /** OAuth client id (client-credentials grant). */
  clientId: string;
  /** Sent only to `tokenUrl`, in the Basic header; never logged, never part of an error. */
  clientSecret: string;
  /**
   * Request budget of this client, shared by every client with the same id in the process
   * (default 300 per minute: Genesys' documented per-token limit).
   */
  budget?: Budget;
  /**
   * Retry policy of API calls and of the login (default: 8 attempts, random backoff up to 250 ms doubling to a
   * 20 s cap, `Retry-After` honoured up to 120 s).
   */
  retry?: RetryPolicy;
  /** Per-attempt timeout in ms (default 30 s). */
  timeoutMs?: number;
}

/** Every entity of a Genesys listing, page by page; stops at the last or an empty page. */
async function* everyPage<T>(
  page: (pageNumber: number) => Promise<{ entities?: T[]; pageNumber?: number; pageCount?: number }>,
): AsyncGenerator<T> {
  for (let pageNumber = 1; ; pageNumber++) {
    const res = await page(pageNumber);
    const items = res.entities ?? [];
    yield* items;
    if (items.length === 0 || (res.pageNumber ?? pageNumber) >= (res.pageCount ?? Number.POSITIVE_INFINITY)) return;
  }
}

/** The `message` of a Genesys ErrorBody, e.g. `Segment … not found`. */
function describe(body: unknown): string | undefined {
  const parsed = ErrorBody.safeParse(body);
  return parsed.success ? parsed.data.message : undefined;
}

/** OAuth error text of the Genesys login service. */
function oauthText(body: unknown): string | undefined {
  const oauth = OAuthError.safeParse(body);
  if (!oauth.success) return undefined;
  const text = oauth.data.error_description ?? oauth.data.description;
  return `${oauth.data.error}${text ? `: ${text}` : ""}`;
}

/**
 * The Genesys Cloud journey (segments, action targets) and flow/journey analytics API, typed by
 * the endpoint tables. One token cache and one limiter per client id are shared by the process.
 */
export function genesysClient(o: GenesysClientOptions) {
  // The cache key never holds the secret; a digest of it keeps two credential sets (e.g. a
  // rotated secret, or a wrong one) apart instead of reusing the first one's token.
  const secretTag = createHash("sha256").update(o.clientSecret).digest("hex").slice(0, 12);
  const token = sharedTokenCache(`genesys:${o.tokenUrl}:${o.clientId}:${secretTag}`, () =>
    basicLogin({
      vendor: "genesys",
      tokenUrl: o.tokenUrl,
      clientId: o.clientId,
      clientSecret: o.clientSecret,
      form: { grant_type: "client_credentials" },
      retry: o.retry,
      timeoutMs: o.timeoutMs,
      correlationHeader: "inin-correlation-id",
      describe: oauthText,
    }),
  );
  const t = new Transport({
    vendor: "genesys",
    endpoints: { ...endpoints, ...analyticsEndpoints, ...architectEndpoints },
    apiBase: o.apiBase,
    token,
    limiter: sharedLimiter(`genesys:${o.clientId}`, o.budget ?? { limit: 300, periodMs: 60_000 }),
    retry: o.retry,
    timeoutMs: o.timeoutMs,
    correlationHeader: "inin-correlation-id",
    describe,
  });
  const e = endpoints;
  const a = analyticsEndpoints;
  const client = {
    /**
     * Any row of the endpoint table by name, typed by the row (`call("getX", { params })`): the
     * named methods below are shorthands, and a new resource may call its rows through this.
     */
    call: t.call.bind(t),

    // ---- Journey segments

    /** One page of segments (`pageSize` ≤ 200); `segmentIds` cannot be combined with paging or sorting. */
    listSegments: (query: z.input<typeof ListSegmentsQuery> = {}) => t.call("listSegments", { query }),
    /** One segment by id; a `not_found` error when there is none. */
    getSegment: (segmentId: string) => t.call("getSegment", { params: { segmentId } }),
    /** Creates a segment. Never repeated after a 5xx or a lost answer: look it up by name instead. */
    createSegment: (body: BodyOf<typeof e.createSegment>) => t.call("createSegment", { body }),
    /** Changes the fields given; send the `version` last read (a stale one is a 409 `conflict`). */
    patchSegment: (segmentId: string, body: BodyOf<typeof e.patchSegment>) =>
      t.call("patchSegment", { params: { segmentId }, body }),
    /** Deletes a segment; a `not_found` error when it is already gone. */
    deleteSegment: (segmentId: string) => t.call("deleteSegment", { params: { segmentId } }),

    // ---- Action targets (created by the platform: list, read and patch only)

    /** One page of action targets (`pageSize` ≤ 200). */
    listActionTargets: (query: z.input<typeof ListActionTargetsQuery> = {}) => t.call("listActionTargets", { query }),
    /** One action target by id; a `not_found` error when there is none. */
    getActionTarget: (actionTargetId: string) => t.call("getActionTarget", { params: { actionTargetId } }),
    /** Last write wins (action targets have no version). */
    patchActionTarget: (actionTargetId: string, body: BodyOf<typeof e.patchActionTarget>) =>
      t.call("patchActionTarget", { params: { actionTargetId }, body }),

    // ---- Flow analytics

    /** Synchronous flow aggregate query. */
    queryFlowAggregates: (body: BodyOf<typeof a.queryFlowAggregates>) => t.call("queryFlowAggregates", { body }),
    /** Submits an async flow aggregate job; poll `getFlowAggregatesJob` until FULFILLED. */
    submitFlowAggregatesJob: (body: BodyOf<typeof a.submitFlowAggregatesJob>) =>
      t.call("submitFlowAggregatesJob", { body }),
    /** A flow aggregate job's status: `state`, `errorMessage` when FAILED, `expirationDate` of its results. */
    getFlowAggregatesJob: (jobId: string) => t.call("getFlowAggregatesJob", { params: { jobId } }),
    /** One page of a fulfilled job's results; pass the answer's `cursor` back for the next. */
    getFlowAggregatesJobResults: (jobId: string, cursor?: string) =>
      t.call("getFlowAggregatesJobResults", { params: { jobId }, query: { cursor } }),
    /** Deletes a flow aggregate job; a job still running is cancelled. */
    deleteFlowAggregatesJob: (jobId: string) => t.call("deleteFlowAggregatesJob", { params: { jobId } }),
    /** Flows in flight now. */
    queryFlowObservations: (body: BodyOf<typeof a.queryFlowObservations>) => t.call("queryFlowObservations", { body }),
    /** Flow activity, one page (`pageSize` ≤ 1000). */
    queryFlowActivity: (body: BodyOf<typeof a.queryFlowActivity>, paging: z.input<typeof ActivityPagingQuery> = {}) =>
      t.call("queryFlowActivity", { body, query: paging }),

    // ---- Journey analytics

    /** Synchronous journey aggregate query. */
    queryJourneyAggregates: (body: BodyOf<typeof a.queryJourneyAggregates>) =>
      t.call("queryJourneyAggregates", { body }),
    /** Submits an async journey aggregate job; poll `getJourneyAggregatesJob` until FULFILLED. */
    submitJourneyAggregatesJob: (body: BodyOf<typeof a.submitJourneyAggregatesJob>) =>
      t.call("submitJourneyAggregatesJob", { body }),
    /** A journey aggregate job's status: `state`, `errorMessage` when FAILED, `expirationDate` of its results. */
    getJourneyAggregatesJob: (jobId: string) => t.call("getJourneyAggregatesJob", { params: { jobId } }),
    /** One page of a fulfilled job's results; pass the answer's `cursor` back for the next. */
    getJourneyAggregatesJobResults: (jobId: string, cursor?: string) =>
      t.call("getJourneyAggregatesJobResults", {
        params: { jobId },
        query: { cursor },
      }),
    /** Deletes a journey aggregate job; a job still running is cancelled. */
    deleteJourneyAggregatesJob: (jobId: string) => t.call("deleteJourneyAggregatesJob", { params: { jobId } }),

    // ---- Architect: links the API hands out

    /** Uploads a publish job's YAML to its `presignedUrl` with the job's `headers` (no bearer token). */
    uploadFlowYaml: (presignedUrl: string, headers: Record<string, string>, yaml: string) =>
      t.direct("uploadFlowYaml", "PUT", presignedUrl, { headers, text: yaml }),
    /** Downloads what an export job's `downloadUrl` holds (the flow's YAML). */
    downloadFlowExport: (downloadUrl: string) => t.direct("downloadFlowExport", "GET", downloadUrl),

    // ---- Paging

    /** Every segment matching `query`, page by page. */
    segments: (query: Omit<z.input<typeof ListSegmentsQuery>, "pageNumber" | "segmentIds"> = {}) =>
      everyPage((pageNumber) => client.listSegments({ ...query, pageNumber })),
    /** Every action target, page by page. */
    actionTargets: (query: Omit<z.input<typeof ListActionTargetsQuery>, "pageNumber"> = {}) =>
      everyPage((pageNumber) => client.listActionTargets({ ...query, pageNumber })),
    /** Every action map matching `query`, page by page. */
    actionMaps: (query: Omit<z.input<typeof ListActionMapsQuery>, "pageNumber" | "actionMapIds"> = {}) =>
      everyPage((pageNumber) => t.call("listActionMaps", { query: { ...query, pageNumber } })),
    /** Every action template matching `query`, page by page. */
    actionTemplates: (query: Omit<z.input<typeof ListActionTemplatesQuery>, "pageNumber"> = {}) =>
      everyPage((pageNumber) => t.call("listActionTemplates", { query: { ...query, pageNumber } })),
    /** Every outcome matching `query`, page by page. */
    outcomes: (query: Omit<z.input<typeof ListOutcomesQuery>, "pageNumber" | "outcomeIds"> = {}) =>
      everyPage((pageNumber) => t.call("listOutcomes", { query: { ...query, pageNumber } })),
    /** Every Architect flow matching `query`, page by page. */
    flows: (query: Omit<z.input<typeof ListFlowsQuery>, "pageNumber" | "id"> = {}) =>
      everyPage((pageNumber) => t.call("listFlows", { query: { ...query, pageNumber } })),
    /** Every flow outcome matching `query`, page by page. */
    flowOutcomes: (query: Omit<z.input<typeof ListFlowOutcomesQuery>, "pageNumber" | "id"> = {}) =>
      everyPage((pageNumber) => t.call("listFlowOutcomes", { query: { ...query, pageNumber } })),
    /** Every flow milestone matching `query`, page by page. */
    flowMilestones: (query: Omit<z.input<typeof ListFlowMilestonesQuery>, "pageNumber" | "id"> = {}) =>
      everyPage((pageNumber) => t.call("listFlowMilestones", { query: { ...query, pageNumber } })),
    /** Every result group of a fulfilled flow aggregate job, following `cursor` until it is absent. */
    async *flowAggregateJobResults(jobId: string): AsyncGenerator<AggregateDataContainer> {
      for (let cursor: string | undefined; ; ) {
        const res = await client.getFlowAggregatesJobResults(jobId, cursor);
        yield* res.results ?? [];
        cursor = res.cursor;
        if (!cursor) return;
      }
    },
    /** Every result group of a fulfilled journey aggregate job, following `cursor` until it is absent. */
    async *journeyAggregateJobResults(jobId: string): AsyncGenerator<AggregateDataContainer> {
      for (let cursor: string | undefined; ; ) {
        const res = await client.getJourneyAggregatesJobResults(jobId, cursor);
        yield* res.results ?? [];
        cursor = res.cursor;
        if (!cursor) return;
      }
    },
  };
  return client;
}

/** The typed Genesys Cloud client returned by {@link genesysClient}. */
export type GenesysClient = ReturnType<typeof genesysClient>;
