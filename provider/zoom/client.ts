import { createHash } from "node:crypto";
import type { z } from "zod";
import { sharedTokenCache } from "../http/auth";
import { CxflowError } from "../http/errors";
import type { Budget } from "../http/limiter";
import { sharedLimiter } from "../http/limiter";
import { basicLogin } from "../http/oauth";
import type { RetryPolicy } from "../http/retry";
import { Transport } from "../http/transport";
import { endpoints } from "./endpoints";
import {
  type Flow,
  type FlowFile,
  type ImportFlowBody,
  type ListFlowsQuery,
  OAuthError,
  type UpdateFlowBody,
} from "./models";

/** How to reach Zoom Contact Center with a server-to-server OAuth app. */
export interface ZoomClientOptions {
  /** `https://api.zoom.us/v2`, or a sandbox's `<url>/zoom/v2`. */
  apiBase: string;
  /** `https://zoom.us/oauth/token`, or a sandbox's `<url>/zoom/oauth/token`. */
  tokenUrl: string;
  /** The Account ID of the server-to-server OAuth app. */
  accountId: string;
  /** The Client ID of the server-to-server OAuth app. */
  clientId: string;
  /** Sent only to `tokenUrl`, in the Basic header; never logged, never part of an error. */
  clientSecret: string;
  /**
   * Request budget of the account, shared by every client of it in the process (default 20 per
   * second: Zoom's Contact Center **Medium** label — List flows' label — for Business+ accounts;
   * Pro accounts get 10 per second and should pass `{ limit: 10, periodMs: 1000 }`).
   */
  budget?: Budget;
  /**
   * Retry policy of API calls and of the login (default: 8 attempts, random backoff up to 250 ms doubling to a
   * 20 s cap, `Retry-After` honoured up to 120 s).
   */
  retry?: RetryPolicy;
  /** Per-attempt timeout in ms (default 30 s). */
  timeoutMs?: number;
  /**
   * Test hook: rewrites each `next_page_token` before the client's `flows()` listing sends it (e.g. to
   * simulate an expired token). Not for production use.
   */
  rewritePageToken?: (token: string) => string;
}

/** The input of Import flow; `flow_file` is `{ filename, contentType, text }` (an exported JSON file). */
export type ImportFlowInput = z.input<typeof ImportFlowBody>;

/** A Zoom API error body `{code, message}` as one line, e.g. `3209 The flow is in use…`. */
function describe(body: unknown): string | undefined {
  const b = body as { code?: unknown; message?: unknown } | undefined;
  if (!b || typeof b !== "object") return undefined;
  const message = typeof b.message === "string" ? b.message : undefined;
  if (typeof b.code === "number" || typeof b.code === "string") return `${b.code}${message ? ` ${message}` : ""}`;
  return message;
}

/** True when the error is Zoom's answer to a stale or unknown `next_page_token` (400, code 300). */
function isBadPageToken(e: unknown): boolean {
  return e instanceof CxflowError && e.status === 400 && (e.details as { code?: unknown } | undefined)?.code === 300;
}

/** OAuth error text of Zoom's token service. */
function oauthText(body: unknown): string | undefined {
  const oauth = OAuthError.safeParse(body);
  return oauth.success ? `${oauth.data.error}${oauth.data.reason ? `: ${oauth.data.reason}` : ""}` : undefined;
}

/** The Zoom Contact Center flows API, typed by its endpoint table. */
export function zoomClient(o: ZoomClientOptions) {
  // The cache key never holds the secret; a digest of it keeps two credential sets apart.
  const secretTag = createHash("sha256").update(o.clientSecret).digest("hex").slice(0, 12);
  const token = sharedTokenCache(`zoom:${o.tokenUrl}:${o.accountId}:${o.clientId}:${secretTag}`, () =>
    basicLogin({
      vendor: "zoom",
      tokenUrl: o.tokenUrl,
      clientId: o.clientId,
      clientSecret: o.clientSecret,
      form: { grant_type: "account_credentials", account_id: o.accountId },
      retry: o.retry,
      timeoutMs: o.timeoutMs,
      correlationHeader: "x-zm-trackingid",
      describe: oauthText,
    }),
  );
  const t = new Transport({
    vendor: "zoom",
    endpoints,
    apiBase: o.apiBase,
    token,
    // Sized from the Contact Center Medium label (Business+: 20 req/s), shared per account.
    limiter: sharedLimiter(`zoom:${o.accountId}`, o.budget ?? { limit: 20, periodMs: 1_000 }),
    retry: o.retry,
    timeoutMs: o.timeoutMs,
    correlationHeader: "x-zm-trackingid",
    describe,
  });
  const client = {
    /**
     * Any row of the endpoint table by name, typed by the row (`call("getX", { params })`): the
     * named methods below are shorthands, and a new resource may call its rows through this.
     */
    call: t.call.bind(t),

    /** One page of List flows; an empty `next_page_token` marks the last page. */
    listFlows: (query: z.input<typeof ListFlowsQuery> = {}) => t.call("listFlows", { query }),
    /** Get flow by id: the flow with its versions and entry points; a `not_found` error when there is none. */
    getFlow: (flowId: string): Promise<Flow> => t.call("getFlow", { params: { flowId } }),
    /** Get flow with `flow_identifier_type=name`. */
    getFlowByName: (flowName: string): Promise<Flow> =>
      t.call("getFlow", { params: { flowId: flowName }, query: { flow_identifier_type: "name" } }, "getFlowByName"),
    /**
     * Import flow (multipart), the only way to create: `import_mode: "new"` creates a flow,
     * `"version"` adds the file as the next version of the flow of that name and channel. Never
     * retried after a 5xx or a lost answer: look the flow up by name instead.
     */
    importFlow: (body: ImportFlowInput): Promise<Flow> => t.call("importFlow", { body }),
    /** Edits names and descriptions; `flow_version` says which version's description. */
    updateFlow: (flowId: string, body: z.input<typeof UpdateFlowBody>): Promise<void> =>
      t.call("updateFlow", { params: { flowId }, body }).then(() => undefined),
    /** Publishes a version (the latest when absent). */
    publishFlow: (flowId: string, flowVersion?: number): Promise<void> =>
      t.call("publishFlow", { params: { flowId }, query: { flow_version: flowVersion } }).then(() => undefined),
    /** Downloads one version as its JSON flow file. */
    exportFlow: (flowId: string, flowVersion: number): Promise<FlowFile> =>
      t.call("exportFlow", { params: { flowId }, query: { flow_version: flowVersion } }),
    /** Deletes a flow; a flow bound to entry points is refused with Zoom code 3209. */
    deleteFlow: (flowId: string): Promise<void> => t.call("deleteFlow", { params: { flowId } }).then(() => undefined),
    /**
     * Every flow matching `query`, following `next_page_token`. When Zoom refuses a token as
     * expired or invalid (400, code 300), the listing restarts from the first page once, skipping
     * flows already yielded.
     */
    async *flows(query: Omit<z.input<typeof ListFlowsQuery>, "next_page_token"> = {}): AsyncGenerator<Flow> {
      const seen = new Set<string>();
      let restarted = false;
      let next: string | undefined;
      for (;;) {
        let page: Awaited<ReturnType<typeof client.listFlows>>;
        try {
          page = await client.listFlows({ ...query, next_page_token: next });
        } catch (e) {
          if (next === undefined || restarted || !isBadPageToken(e)) throw e;
          restarted = true;
          next = undefined;
          continue;
        }
        for (const f of page.flows) {
          if (seen.has(f.flow_id)) continue;
          seen.add(f.flow_id);
          yield f;
        }
        if (page.next_page_token === "" || page.flows.length === 0) return;
        next = o.rewritePageToken ? o.rewritePageToken(page.next_page_token) : page.next_page_token;
      }
    },
  };
  return client;
}

/** A Zoom Contact Center client. */
export type ZoomClient = ReturnType<typeof zoomClient>;
