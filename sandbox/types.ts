import type { z } from "zod";
import type { Endpoint } from "../provider/http/endpoint";
import type { Store } from "./store";

/** The vendors the sandbox serves, each under its own URL prefix. */
export type VendorName = "genesys" | "zoom" | "ourvoice";

/** Who made an authenticated API call. */
export interface Principal {
  token: string;
  client: string;
}

/** A request as a route handler sees it: parsed and validated with the endpoint's schemas. */
export interface Call<P = any, Q = any, B = any> {
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

/** An API route: an endpoint row plus the sandbox's implementation of it. */
export interface Route {
  name: string;
  endpoint: Endpoint;
  handle(call: Call, ctx: VendorContext): Reply | Promise<Reply>;
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
  genesys: { clientId: string; clientSecret: string };
  zoom: { accountId: string; clientId: string; clientSecret: string };
  ourvoice: { apiKey: string };
}

export type FaultKind = "error5xx" | "reset" | "latency" | "lost-create" | "stale-read";

/** Faults per vendor: rates in [0,1] for error5xx/reset/lost-create, milliseconds for latency/stale-read. */
export type Faults = Partial<Record<VendorName, Partial<Record<FaultKind, number>>>>;

/** A request budget per vendor and principal: `limit` requests per `periodSeconds`. */
export interface RateLimit {
  limit: number;
  periodSeconds: number;
}

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
  rateLimits?: Partial<Record<VendorName, RateLimit>>;
  faults?: Faults;
  /** Seconds an analytics job's results live after submission (default 3600). */
  analyticsJobTtl?: number;
}

export interface ResolvedOptions {
  port: number;
  host: string;
  data?: string;
  seed: number;
  credentials: SandboxCredentials;
  tokenTtl: Record<VendorName, number>;
  rateLimits: Partial<Record<VendorName, RateLimit>>;
  faults: Faults;
  analyticsJobTtl: number;
}
