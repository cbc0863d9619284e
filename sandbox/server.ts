import { randomBytes } from "node:crypto";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo, Socket } from "node:net";
import type { z } from "zod";
import { CREDENTIAL_PARAM } from "../provider/http/errors";
import { VENDOR_NAMES, VENDORS } from "../provider/vendors";
import { decodeBody, parseQuery, pathMatcher, readBody, send } from "./http";
import { resolveOptions } from "./options";
import { seededRandom } from "./seeded";
import { Store } from "./store";
import type {
  Call,
  Faults,
  Principal,
  RateLimit,
  Reply,
  ResolvedOptions,
  Route,
  SandboxOptions,
  Vendor,
  VendorContext,
  VendorName,
} from "./types";
import { vendors } from "./vendors";
import { flowLockRoute } from "./vendors/genesys-architect";
import { HISTORY_DAYS } from "./vendors/genesys-data";

/** Request counters: total, and per vendor by `METHOD /route`. */
export interface SandboxStats {
  /** Requests served since start or the last `reset()`, admin requests included. */
  total: number;
  /** Requests per vendor (`_sandbox`: the admin routes), by `METHOD /route`, e.g. `GET /journey/segments/{segmentId}`. */
  vendors: Partial<Record<VendorName | "_sandbox", Record<string, number>>>;
}

/** A running sandbox. */
export interface Sandbox {
  /** Base URL, e.g. `http://127.0.0.1:40123`. */
  url: string;
  /** The options it started with, defaults filled in and `port` the one it listens on. */
  options: ResolvedOptions;
  /**
   * End (exclusive, ISO instant at the start of a UTC day) of its synthetic Genesys analytics,
   * which cover the `ANALYTICS_DATA_DAYS` days before it; also in `GET /_sandbox/health`.
   */
  analyticsEnd: string;
  /** Stops listening and closes the store. */
  stop(): Promise<void>;
  /** Back to the seeded data set, no tokens, zero counters, the start-up faults and limits. */
  reset(): Promise<void>;
  /** A copy of the request counters (also served at `GET /_sandbox/stats`). */
  stats(): SandboxStats;
}

interface MountedRoute {
  route: Route;
  match: (path: string) => Record<string, string> | undefined;
}

/** Starts the sandbox in this process. */
export async function startSandbox(options: SandboxOptions = {}): Promise<Sandbox> {
  const opts = resolveOptions(options);
  const store = new Store(opts.data);
  let faults: Faults = structuredClone(opts.faults);
  // A storm counts from when the faults were set.
  let faultsSince = Date.now();
  let limits: Partial<Record<VendorName, RateLimit>> = { ...opts.rateLimits };
  let stats: SandboxStats = { total: 0, vendors: {} };
  const dice = seededRandom(opts.seed ^ 0x5eed);
  const windows = new Map<string, { start: number; count: number }>();

  const tokens: VendorContext["tokens"] = {
    issue(vendor, client, now, ttl) {
      const token = randomBytes(24).toString("base64url");
      store.issueToken(token, vendor, client, ttl > 0 ? now + ttl * 1000 : Number.MAX_SAFE_INTEGER);
      return token;
    },
    check(vendor, token, now) {
      const t = store.findToken(token);
      if (!t || t.vendor !== vendor || t.revoked || t.expiresAt <= now) return undefined;
      return { token, client: t.client };
    },
  };
  // Seeding starts a fresh stream from the seed (same data every time); requests share one stream.
  const requestRandom = seededRandom(opts.seed ^ 0x7e57);
  const context = (s: Store, random = requestRandom): VendorContext => ({
    store: s,
    random,
    options: opts,
    faults: () => faults,
    tokens,
  });
  const mounted = new Map<VendorName, MountedRoute[]>(
    vendors.map((v) => [
      v.name,
      v.routes.map((route) => ({ route, match: pathMatcher(v.apiPrefix + route.endpoint.path) })),
    ]),
  );

  const seed = () => {
    store.transaction(() => {
      for (const v of vendors) v.seed(context(store, seededRandom(opts.seed)));
      store.setMeta("seeded", String(opts.seed));
    });
  };
  if (!store.getMeta("seeded")) seed();

  const count = (vendor: VendorName | "_sandbox", key: string) => {
    stats.total++;
    const table = (stats.vendors[vendor] ??= {});
    table[key] = (table[key] ?? 0) + 1;
  };

  const admin = async (req: IncomingMessage, path: string, body: unknown): Promise<Reply> => {
    const key = `${req.method} ${path}`;
    count("_sandbox", key);
    switch (key) {
      case "GET /_sandbox/health":
        return {
          status: 200,
          body: { ok: true, analyticsEnd: opts.analyticsEnd, analyticsDays: HISTORY_DAYS },
        };
      case "GET /_sandbox/stats":
        return { status: 200, body: stats };
      case "POST /_sandbox/reset":
        await sandbox.reset();
        return { status: 204 };
      case "GET /_sandbox/faults":
        return { status: 200, body: faults };
      case "PUT /_sandbox/faults":
        faults = (body ?? {}) as Faults;
        faultsSince = Date.now();
        return { status: 200, body: faults };
      case "GET /_sandbox/rate-limits":
        return { status: 200, body: limits };
      case "PUT /_sandbox/rate-limits":
        limits = { ...limits, ...(body as object) };
        return { status: 200, body: limits };
      case "POST /_sandbox/revoke": {
        const { vendor, token } = (body ?? {}) as { vendor?: VendorName; token?: string };
        if (!vendor || !VENDOR_NAMES.includes(vendor))
          return { status: 400, body: { message: `vendor must be one of ${VENDOR_NAMES.join(", ")}` } };
        return { status: 200, body: { revoked: store.revokeTokens(vendor, token) } };
      }
      case "POST /_sandbox/genesys/flow-lock":
      case "DELETE /_sandbox/genesys/flow-lock":
        return flowLockRoute(req.method, body, context(store), Date.now());
      default:
        return { status: 404, body: { message: `no admin route ${key}` } };
    }
  };

  /** Counts a request against its principal's window; the seconds to wait when over budget. */
  const overBudget = (vendor: VendorName, who: string, now: number): number | undefined => {
    const limit = limits[vendor];
    if (!limit) return undefined;
    const key = `${vendor}\0${who}`;
    let w = windows.get(key);
    if (!w || now - w.start >= limit.periodSeconds * 1000) {
      w = { start: now, count: 0 };
      windows.set(key, w);
    }
    if (++w.count <= limit.limit) return undefined;
    return Math.max(1, Math.ceil((w.start + limit.periodSeconds * 1000 - now) / 1000));
  };

  const roll = (rate: number | undefined) => rate !== undefined && rate > 0 && dice() < rate;

  const handleVendor = async (
    vendor: Vendor,
    req: IncomingMessage,
    url: URL,
    raw: Buffer,
  ): Promise<Reply | "dropped"> => {
    const now = Date.now();
    const method = req.method ?? "GET";
    const f = faults[vendor.name] ?? {};
    const rawRoute = vendor.rawRoutes?.find((r) => r.method === method && r.path === url.pathname);
    const found = rawRoute ? undefined : findRoute(vendor, method, url.pathname);
    count(vendor.name, `${method} ${rawRoute?.path ?? (found ? found.route.endpoint.path : url.pathname)}`);

    if (f.storm) {
      const left = faultsSince + f.storm * 1000 - now;
      if (left > 0) return vendor.rateLimited(Math.ceil(left / 1000), limits[vendor.name]?.limit ?? 0, now);
    }
    if (f.latency && (f["latency-rate"] === undefined || roll(f["latency-rate"])))
      await new Promise((r) => setTimeout(r, f.latency));
    if (roll(f.reset)) {
      req.socket.destroy();
      return "dropped";
    }
    if (roll(f.error5xx)) return vendor.serverError();

    const query = parseQuery(url.searchParams);
    if (rawRoute) {
      const who = `ip:${req.socket.remoteAddress}`;
      const wait = overBudget(vendor.name, who, now);
      if (wait) return vendor.rateLimited(wait, limits[vendor.name]!.limit, now);
      return rawRoute.handle({ headers: req.headers, query, text: raw.toString("utf8"), now }, context(store));
    }

    const auth = vendor.authenticate(req.headers, context(store), now);
    if (!isPrincipal(auth)) return auth;
    const wait = overBudget(vendor.name, auth.token, now);
    if (wait) return vendor.rateLimited(wait, limits[vendor.name]!.limit, now);
    if (!found) return vendor.notFound(url.pathname);

    const { route, params } = found;
    const e = route.endpoint;
    const p = parse(e.params, params);
    if (!p.success) return vendor.invalid("params", p.error.issues);
    const q = parse(e.query, query);
    if (!q.success) return vendor.invalid("query", q.error.issues);
    let decoded: unknown;
    try {
      decoded = decodeBody(raw, req.headers["content-type"]);
    } catch (err) {
      return vendor.invalid("body", [
        { code: "custom", path: [], message: `unreadable body: ${(err as Error).message}`, input: undefined },
      ]);
    }
    const b = e.body ? e.body.safeParse(decoded ?? {}) : { success: true as const, data: decoded };
    if (!b.success) return vendor.invalid("body", b.error.issues);

    // Reads during the stale-read fault see the value from before a recent write.
    const view = method === "GET" && f["stale-read"] ? store.staleView(f["stale-read"], now) : store;
    const call: Call = {
      method,
      path: url.pathname.slice(vendor.apiPrefix.length),
      params: p.data,
      query: q.data,
      body: b.data,
      headers: req.headers,
      principal: auth,
      now,
    };
    const reply = await route.handle(call, context(view));
    if (reply.created && roll(f["lost-create"])) {
      req.socket.destroy();
      return "dropped";
    }
    if (reply.status < 300 && e.response && reply.body !== undefined && reply.raw === undefined) {
      const checked = e.response.safeParse(reply.body);
      // A response that fails its own schema is a sandbox bug: make it loud.
      if (!checked.success)
        return {
          status: 500,
          body: { message: `sandbox: ${route.name} response failed its schema`, issues: checked.error.issues },
        };
    }
    return reply;
  };

  const findRoute = (vendor: Vendor, method: string, path: string) => {
    for (const m of mounted.get(vendor.name) ?? []) {
      if (m.route.endpoint.method !== method) continue;
      const params = m.match(path);
      if (params) return { route: m.route, params };
    }
    return undefined;
  };

  const server = createServer(async (req, res) => {
    if (opts.requestLog) logWhenDone(opts.requestLog, req, res);
    try {
      const url = new URL(req.url ?? "/", "http://sandbox");
      const raw = await readBody(req);
      if (url.pathname.startsWith("/_sandbox/")) {
        let body: unknown;
        try {
          body = raw.length ? JSON.parse(raw.toString("utf8")) : undefined;
        } catch {
          return send(res, { status: 400, body: { message: "admin body must be JSON" } });
        }
        return send(res, await admin(req, url.pathname, body));
      }
      const vendor = vendorAt(url.pathname);
      if (!vendor)
        return send(res, {
          status: 404,
          body: {
            message: `no vendor at ${url.pathname} (try ${vendors.map((v) => VENDORS[v.name].sandboxPaths.root).join(", ")})`,
          },
        });
      const reply = await handleVendor(vendor, req, url, raw);
      if (reply !== "dropped") send(res, reply);
    } catch (err) {
      if (!res.headersSent) send(res, { status: 500, body: { message: `sandbox error: ${(err as Error).message}` } });
    }
  });
  const sockets = new Set<Socket>();
  server.on("connection", (s) => {
    sockets.add(s);
    s.on("close", () => sockets.delete(s));
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(opts.port, opts.host, () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  const host = opts.host.includes(":") ? `[${opts.host}]` : opts.host;

  const sandbox: Sandbox = {
    url: `http://${host}:${port}`,
    options: { ...opts, port },
    analyticsEnd: opts.analyticsEnd,
    async stop() {
      for (const s of sockets) s.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      store.close();
    },
    async reset() {
      store.clear();
      seed();
      faults = structuredClone(opts.faults);
      faultsSince = Date.now();
      limits = { ...opts.rateLimits };
      windows.clear();
      stats = { total: 0, vendors: {} };
    },
    stats: () => structuredClone(stats),
  };
  return sandbox;
}

/**
 * Writes one line per request once its answer is sent or its connection dropped: start time,
 * vendor (`_sandbox` for admin routes), method, path with credential-like query values
 * redacted, status (`dropped` when no answer went out) and duration. Never headers or bodies.
 */
function logWhenDone(log: (line: string) => void, req: IncomingMessage, res: ServerResponse): void {
  const started = new Date();
  const t0 = performance.now();
  res.once("close", () => {
    const [path, query] = splitQuery(req.url ?? "/");
    const vendor = path.startsWith("/_sandbox/") ? "_sandbox" : (vendorAt(path)?.name ?? "-");
    const status = res.writableFinished ? String(res.statusCode) : "dropped";
    const ms = Math.round(performance.now() - t0);
    try {
      log(`${started.toISOString()} ${vendor} ${req.method} ${path}${query} ${status} ${ms}ms`);
    } catch {
      // A failing log (a full disk) must not take the sandbox down with it.
    }
  });
}

/** A request target's path and its query (`?…`, as sent, credential-like values redacted). */
function splitQuery(target: string): [string, string] {
  const q = target.indexOf("?");
  if (q < 0) return [target, ""];
  const pairs = target
    .slice(q + 1)
    .split("&")
    .map((pair) => {
      const k = pair.split("=", 1)[0];
      let name = k;
      try {
        name = decodeURIComponent(k.replace(/\+/g, " "));
      } catch {}
      return CREDENTIAL_PARAM.test(name) ? `${k}=[redacted]` : pair;
    });
  return [target.slice(0, q), `?${pairs.join("&")}`];
}

/** The vendor whose root (`/genesys`, `/zoom`, `/ourvoice`) a path is under. */
function vendorAt(path: string): Vendor | undefined {
  return vendors.find((v) => path.startsWith(`${VENDORS[v.name].sandboxPaths.root}/`));
}

function isPrincipal(x: Principal | Reply): x is Principal {
  return typeof (x as Principal).token === "string";
}

/** Parses with a schema when the endpoint declares one; otherwise passes the value through. */
function parse(schema: z.ZodType | undefined, value: unknown) {
  return schema ? schema.safeParse(value) : { success: true as const, data: value };
}
