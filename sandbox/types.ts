import type { z } from "zod";
import type { Endpoint, EndpointTable, PartInput, PartOutput } from "../provider/http/endpoint";
import type { Store } from "./store";

/** The vendors the sandbox serves, each under its own URL prefix. */
export type { VendorName } from "../provider/vendors";

import type { VendorName } from "../provider/vendors";

/** Who made an authenticated API call. */
export interface Principal {
  token: string;
  client: string;
}

/** A request as a route handler sees it: parsed and validated with the endpoint's schemas. */
export interface Call<P = unknown, Q = unknown, B = unknown> {
  method: string;
  /** Path below the vendor's API base. */
  path: string;
  params: P;
  query: Q;
  body: B;
  headers: Record<string, string | string[] | undefined>;
  principal?: Principal;
  /** Milliseconds since the epoch at the start of the request (one clock per request). */
  now: number;
}

/** What a handler answers. `body` is JSON unless `raw` is given. */
export interface Reply {
  status: number;
  body?: unknown;
  raw?: Buffer | string;
  contentType?: string;
  headers?: Record<string, string>;
  /** Marks a successful create, so the lost-create fault can drop its answer. */
  created?: boolean;
}

/** Status codes of a successful answer. */
export type SuccessStatus = 200 | 201 | 202 | 204;
/** Status codes of the vendors' error answers. */
export type ErrorStatus = 400 | 401 | 403 | 404 | 409 | 415 | 422 | 429 | 500 | 503;

/** A vendor-shaped error answer: any body. */
export interface Failure extends Reply {
  status: ErrorStatus;
}

/** A successful answer whose body is `R`. */
export interface Success<R = unknown> extends Omit<Reply, "status" | "body"> {
  status: SuccessStatus;
  body?: R;
}

/** What a handler answers: a success with body `R`, or a vendor error. */
export type Answer<R = unknown> = Success<R> | Failure;

/** The request of row `E`: its parts as its schemas parse them (`unknown` for a part it lacks). */
export type CallOf<E> = Call<
  PartOutput<E, "params", unknown>,
  PartOutput<E, "query", unknown>,
  PartOutput<E, "body", unknown>
>;
/** The answer to row `E`: on success, what its response schema accepts (no body when it has none). */
export type AnswerOf<E> = Answer<PartInput<E, "response">>;

/** The sandbox's implementation of row `E`. */
export type Handler<E> = (call: CallOf<E>, ctx: VendorContext) => AnswerOf<E> | Promise<AnswerOf<E>>;

/** One handler per row of an endpoint table, each typed by its row. */
export type Handlers<T extends EndpointTable> = { [K in keyof T]: Handler<T[K]> };

/** An API route: an endpoint row plus the sandbox's implementation of it (built by `routesOf`). */
export interface Route {
  name: string;
  endpoint: Endpoint;
  handle(call: Call, ctx: VendorContext): Answer | Promise<Answer>;
}

/** A route outside the endpoint table (token endpoints), matched on method + exact path. */
export interface RawRoute {
  method: string;
  /** Full path including the vendor prefix, e.g. `/zoom/oauth/token`. */
  path: string;
  handle(req: RawRequest, ctx: VendorContext): Reply | Promise<Reply>;
}

export interface RawRequest {
  headers: Record<string, string | string[] | undefined>;
  query: Record<string, string | string[]>;
  /** The body as text. */
  text: string;
  now: number;
}

/** What a vendor module gets from the server. */
export interface VendorContext {
  store: Store;
  /** Deterministic random numbers: from the seed when seeding, one shared stream for requests. */
  random: () => number;
  options: ResolvedOptions;
  /** The faults in force now (they change with `PUT /_sandbox/faults`), for faults a handler applies itself. */
  faults(): Faults;
  /** Issues and checks tokens in the store. */
  tokens: {
    issue(vendor: VendorName, client: string, now: number, ttlSeconds: number): string;
    check(vendor: VendorName, token: string, now: number): Principal | undefined;
  };
}

/** One vendor's emulation. */
export interface Vendor {
  name: VendorName;
  /** Prefix of the API routes, e.g. `/ourvoice/v1`. */
  apiPrefix: string;
  routes: Route[];
  rawRoutes?: RawRoute[];
  /** Checks the Authorization header; answers a vendor-shaped 401 when it fails. */
  authenticate(headers: Call["headers"], ctx: VendorContext, now: number): Principal | Reply;
  /** A vendor-shaped answer to a request that failed its schema. */
  invalid(where: "params" | "query" | "body", issues: z.core.$ZodIssue[]): Reply;
  notFound(path: string): Reply;
  rateLimited(retryAfterSeconds: number, limit: number, now: number): Reply;
  serverError(): Reply;
  /** Puts the vendor's seeded objects into an empty store. */
  seed(ctx: VendorContext): void;
}

/** Credentials the sandbox accepts, per vendor. */
export interface SandboxCredentials {
  /** The OAuth client (client-credentials grant) the Genesys token endpoint accepts. */
  genesys: { clientId: string; clientSecret: string };
  /** The server-to-server OAuth app the Zoom token endpoint accepts. */
  zoom: { accountId: string; clientId: string; clientSecret: string };
  /** The API key Our Voice accepts as `Authorization: Bearer <key>`. */
  ourvoice: { apiKey: string };
}

/**
 * A fault the sandbox can inject into a vendor's requests: `error5xx` answers a vendor-shaped 500;
 * `reset` drops the connection before handling; `lost-create` makes a successful create, then drops
 * its answer; `latency` delays requests (every one, or the share `latency-rate` of them: spikes);
 * `stale-read` makes GETs see the value from before a write for that long after it; `storm`
 * answers every request (token requests too) with the vendor's 429 for that many seconds after the
 * faults are set, `Retry-After` counting down to its end; `flow-lock` (Genesys) makes a publish
 * job that settles on an existing Architect flow find it locked by another user, at that rate.
 */
export type FaultKind =
  | "error5xx"
  | "reset"
  | "latency"
  | "latency-rate"
  | "lost-create"
  | "stale-read"
  | "storm"
  | "flow-lock";

/**
 * Faults per vendor: rates in [0,1] for error5xx/reset/lost-create/latency-rate/flow-lock, milliseconds for
 * latency/stale-read, seconds for storm.
 */
export type Faults = Partial<Record<VendorName, Partial<Record<FaultKind, number>>>>;

/** A request budget per vendor and principal: `limit` requests per `periodSeconds`. */
export interface RateLimit {
  /** Requests allowed per window; the next one gets the vendor's 429 with `Retry-After`. */
  limit: number;
  /** Length of the window in seconds (a fixed window that starts with its first request). */
  periodSeconds: number;
}

/** How to start the sandbox ({@link startSandbox}); every member is optional. */
export interface SandboxOptions {
  /** Port to listen on; 0 (default) picks a free one. */
  port?: number;
  /** Interface to bind; loopback by default. */
  host?: string;
  /** SQLite file that keeps every object across restarts; in memory when absent. */
  data?: string;
  /** Seed of the synthetic data set and of fault dice (default 1). */
  seed?: number;
  /** Accepted credentials; defaults are printed by the CLI. */
  credentials?: Partial<{ [K in keyof SandboxCredentials]: Partial<SandboxCredentials[K]> }>;
  /** Token lifetime in seconds per vendor (defaults: Genesys 86400, Zoom 3600). */
  tokenTtl?: Partial<Record<VendorName, number>>;
  /** Request budgets per vendor, replacing those of {@link DEFAULT_RATE_LIMITS} for the vendors given. */
  rateLimits?: Partial<Record<VendorName, RateLimit>>;
  /** Faults injected from the start (none by default); `reset()` returns to these. */
  faults?: Faults;
  /** Seconds an analytics job's results live after submission (default 3600). */
  analyticsJobTtl?: number;
  /**
   * Milliseconds a Genesys Architect job runs: a publish job after its YAML is uploaded, an export
   * job after it is registered (default 400).
   */
  architectJobMs?: number;
  /**
   * End (exclusive) of the synthetic Genesys analytics history: a day `YYYY-MM-DD` (its start in
   * UTC), or a Date or ISO date-time at the start of a UTC day. Default: the start of the current
   * UTC day when the sandbox starts. Same seed and end, same figures: pin it in tests.
   */
  analyticsEnd?: string | Date;
  /**
   * Called with one line per request once it is answered (none by default): start time, vendor
   * (`_sandbox` for the admin routes), method, path with credential-like query values
   * (`account_id`, `client_secret`, tokens, keys) shown as `[redacted]`, status (`dropped` when
   * a fault cut the connection) and duration, e.g.
   * `2026-11-01T09:30:00.000Z zoom POST /zoom/oauth/token?account_id=[redacted] 200 3ms`.
   * Headers and bodies are never logged. `cxflow sandbox --log FILE` appends these lines to a file.
   */
  requestLog?: (line: string) => void;
}

/** {@link SandboxOptions} with every default filled in, as a running sandbox reports them. */
export interface ResolvedOptions {
  /** The port listened on (the one picked when 0 was asked). */
  port: number;
  /** The interface bound. */
  host: string;
  /** The SQLite file; absent when the store is in memory. */
  data?: string;
  /** Seed of the synthetic data set and of fault dice. */
  seed: number;
  /** The credentials accepted, per vendor. */
  credentials: SandboxCredentials;
  /** Token lifetime in seconds per vendor (0: tokens do not expire). */
  tokenTtl: Record<VendorName, number>;
  /** Request budgets per vendor at start-up. */
  rateLimits: Partial<Record<VendorName, RateLimit>>;
  /** Faults at start-up. */
  faults: Faults;
  /** Seconds an analytics job's results live after submission. */
  analyticsJobTtl: number;
  /** Milliseconds a Genesys Architect publish job runs after its upload, and an export job after its registration. */
  architectJobMs: number;
  /** End (exclusive, ISO instant at the start of a UTC day) of the synthetic analytics history. */
  analyticsEnd: string;
  /** Where each request's log line goes; absent when requests are not logged. */
  requestLog?: (line: string) => void;
}
