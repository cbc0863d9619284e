import type { z } from "zod";
import type { TokenCache } from "./auth";
import type { Endpoint, EndpointTable, PartInput, ResponseOf } from "./endpoint";
import { fillPath } from "./endpoint";
import { CxflowError, codeForStatus, redactHeaders, redactUrl } from "./errors";
import type { Limiter } from "./limiter";
import { DEFAULT_RETRY_POLICY, Retries, type RetryPolicy } from "./retry";
import { type Answer, header, parseAnswer, sendOnce } from "./send";

type Sent = "params" | "query" | "body";
type Empty = Record<never, never>;
/** Parts a caller may leave out: those the row lacks, and those whose schema accepts nothing (`{}` is sent). */
type Optional<E> = {
  [K in Sent]: Empty extends PartInput<E, K> ? K : undefined extends PartInput<E, K> ? K : never;
}[Sent];

/** What a call sends: path parameters, query and body, typed by the endpoint row (a part it lacks must be absent). */
export type CallInput<E> = { [K in Exclude<Sent, Optional<E>>]: PartInput<E, K> } & {
  [K in Optional<E>]?: PartInput<E, K>;
};

/** The rest arguments of a call to row `E`: its input (optional when every part is) and the caller's name in errors. */
export type CallArgs<E> =
  Empty extends CallInput<E> ? [input?: CallInput<E>, caller?: string] : [input: CallInput<E>, caller?: string];

/** How one vendor is reached. */
export interface TransportOptions<T extends EndpointTable = EndpointTable> {
  vendor: string;
  /** The vendor's endpoint table: calls name a row of it. */
  endpoints: T;
  /** API base URL, e.g. `https://api.mypurecloud.com/api/v2`. */
  apiBase: string;
  /** Bearer tokens (OAuth vendors) or a fixed key. */
  token: Pick<TokenCache, "get">;
  limiter: Limiter;
  retry?: RetryPolicy;
  /** Per-attempt timeout (default 30 s). */
  timeoutMs?: number;
  /** Response header holding the vendor's correlation id. */
  correlationHeader?: string;
  /** Turns a vendor error body into a human message. */
  describe?: (body: unknown) => string | undefined;
  random?: () => number;
  sleep?: (ms: number) => Promise<void>;
}

/** Encodes a query object; arrays become repeated keys, undefined values are left out. */
export function queryString(query: Record<string, unknown> = {}): string {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(query)) {
    if (v === undefined || v === null) continue;
    for (const item of Array.isArray(v) ? v : [v]) q.append(k, String(item));
  }
  const s = q.toString();
  return s ? `?${s}` : "";
}

/** A file part of a multipart body: `{ filename, contentType, text }`. */
export interface FilePart {
  filename: string;
  contentType?: string;
  text: string;
}

const isFilePart = (v: unknown): v is FilePart =>
  typeof v === "object" &&
  v !== null &&
  typeof (v as FilePart).filename === "string" &&
  typeof (v as FilePart).text === "string";

/** The got option that sends `data` as the endpoint's body type. */
export function encodeBody(
  type: Endpoint["bodyType"],
  data: unknown,
): { json: unknown } | { form: object } | { body: FormData } {
  if (type === "form") return { form: data as object };
  if (type !== "multipart") return { json: data };
  const form = new FormData();
  for (const [k, v] of Object.entries((data ?? {}) as Record<string, unknown>)) {
    if (v === undefined) continue;
    if (isFilePart(v))
      form.append(k, new Blob([v.text], { type: v.contentType ?? "application/octet-stream" }), v.filename);
    else form.append(k, String(v));
  }
  return { body: form };
}

function issuesText(issues: readonly z.core.$ZodIssue[]): string {
  return issues.map((i) => `${i.path.join(".") || "(root)"}: ${i.message}`).join("; ");
}

/**
 * The vendor-neutral HTTP core: validates the input with the endpoint row, waits for a limiter
 * slot, adds the bearer token, sends with got, retries per the pure retry policy (one extra try
 * with a fresh token on a 401), and parses the answer with the row's response schema.
 */
export class Transport<T extends EndpointTable = EndpointTable> {
  private readonly sleep: (ms: number) => Promise<void>;

  constructor(private readonly o: TransportOptions<T>) {
    this.sleep = o.sleep ?? ((ms) => new Promise((r) => setTimeout(r, ms)));
  }

  /**
   * Calls the row `row` of the table with its parts; `caller` names the client method in errors
   * when it is not the row's name (default: the row's name).
   */
  async call<K extends keyof T & string>(row: K, ...[parts, caller]: CallArgs<T[K]>): Promise<ResponseOf<T[K]>> {
    const e: Endpoint = this.o.endpoints[row];
    const name = caller ?? row;
    const input: { params?: unknown; query?: unknown; body?: unknown } = parts ?? {};
    const route = `${this.o.vendor} ${e.method} ${e.path}`;
    const fail = (where: string, issues: readonly z.core.$ZodIssue[]) =>
      new CxflowError({
        code: "validation",
        route,
        message: `${name}: invalid ${where}: ${issuesText(issues)}`,
        details: issues,
      });
    // Everything is checked before the first byte leaves.
    const params = e.params ? e.params.safeParse(input.params ?? {}) : { success: true as const, data: input.params };
    if (!params.success) throw fail("parameters", params.error.issues);
    const query = e.query ? e.query.safeParse(input.query ?? {}) : { success: true as const, data: input.query };
    if (!query.success) throw fail("query", query.error.issues);
    const body = e.body ? e.body.safeParse(input.body ?? {}) : { success: true as const, data: input.body };
    if (!body.success) throw fail("body", body.error.issues);

    const url = `${this.o.apiBase}${fillPath(e.path, params.data as Record<string, unknown>)}${queryString(query.data as Record<string, unknown>)}`;
    let refused: string | undefined;
    const retries = new Retries(this.o.retry ?? DEFAULT_RETRY_POLICY, this.o.random ?? Math.random);
    for (;;) {
      await this.o.limiter.take();
      const bearer = await this.o.token.get(refused);
      const headers: Record<string, string> = { accept: "application/json", authorization: `Bearer ${bearer}` };
      const request = { method: e.method, url: redactUrl(url), headers: redactHeaders(headers) };
      const { res, failure, cause } = await sendOnce(url, {
        method: e.method,
        headers,
        timeoutMs: this.o.timeoutMs,
        body: e.body && encodeBody(e.bodyType, body.data),
      });
      // A refused token gets one more try with a fresh one, outside the retry budget.
      if (res?.statusCode === 401 && refused === undefined) {
        refused = bearer;
        continue;
      }
      if (res && res.statusCode < 300) {
        if (!e.response) return undefined as ResponseOf<T[K]>;
        return parseAnswer(e.response, res, {
          name,
          route,
          request,
          correlationId: header(res, this.o.correlationHeader ?? ""),
        }) as ResponseOf<T[K]>;
      }
      const now = Date.now();
      const decision = retries.next({
        method: e.method,
        idempotent: e.idempotent,
        status: res?.statusCode,
        failure,
        retryAfter: header(res, "retry-after"),
        now,
      });
      if (decision.retry) {
        if (res?.statusCode === 429) this.o.limiter.pauseUntil(now + decision.delayMs);
        await this.sleep(decision.delayMs);
        continue;
      }
      throw this.error(name, route, request, res, failure, cause, decision.reason);
    }
  }

  /**
   * A request to an absolute URL the API handed out (an upload or download link that carries its
   * own authorisation): no bearer token and no request budget, the same retries (GET and PUT are
   * idempotent). Answers the body as text.
   */
  async direct(
    name: string,
    method: "GET" | "PUT",
    url: string,
    o: { headers?: Record<string, string>; text?: string } = {},
  ): Promise<string> {
    const route = `${this.o.vendor} ${method} ${new URL(url).pathname}`;
    const request = { method, url: redactUrl(url), headers: redactHeaders(o.headers ?? {}) };
    const retries = new Retries(this.o.retry ?? DEFAULT_RETRY_POLICY, this.o.random ?? Math.random);
    for (;;) {
      const { res, failure, cause } = await sendOnce(url, {
        method,
        headers: o.headers ?? {},
        timeoutMs: this.o.timeoutMs,
        body: o.text === undefined ? undefined : { body: o.text },
      });
      if (res && res.statusCode < 300) return res.body;
      const now = Date.now();
      const decision = retries.next({
        method,
        status: res?.statusCode,
        failure,
        retryAfter: header(res, "retry-after"),
        now,
      });
      if (decision.retry) {
        await this.sleep(decision.delayMs);
        continue;
      }
      throw this.error(name, route, request, res, failure, cause, decision.reason);
    }
  }

  private error(
    name: string,
    route: string,
    request: { method: string; url: string; headers: Record<string, string> },
    res: Answer | undefined,
    failure: "timeout" | "network" | undefined,
    cause: unknown,
    reason: string,
  ): CxflowError {
    if (!res) {
      const what = failure === "timeout" ? "timed out" : `failed: ${(cause as Error)?.message ?? cause}`;
      return new CxflowError({
        code: failure ?? "network",
        route,
        request,
        cause,
        message: `${name}: ${request.method} ${what} (${reason})`,
      });
    }
    let details: unknown = res.body;
    try {
      details = JSON.parse(res.body);
    } catch {}
    const said = this.o.describe?.(details);
    return new CxflowError({
      code: codeForStatus(res.statusCode),
      route,
      status: res.statusCode,
      request,
      correlationId: header(res, this.o.correlationHeader ?? ""),
      details,
      message: `${name}: ${res.statusCode}${said ? ` ${said}` : ""} (${reason})`,
    });
  }
}
