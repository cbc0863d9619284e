/** Stable codes of every error the vendor clients raise. */
export type ErrorCode =
  | "not_found"
  | "conflict"
  | "rate_limited"
  | "validation"
  | "auth"
  | "timeout"
  | "network"
  | "response_shape"
  | "server"
  | "http";

/** The request an error came from, with credentials removed. */
export interface RedactedRequest {
  method: string;
  url: string;
  headers: Record<string, string>;
}

/** Everything known about a failed call. */
export interface CxflowErrorInit {
  code: ErrorCode;
  message: string;
  /** `vendor METHOD /path/{template}`, e.g. `genesys PATCH /journey/segments/{segmentId}`. */
  route?: string;
  status?: number;
  /** The vendor's correlation id (Genesys `inin-correlation-id`, Zoom `x-zm-trackingid`). */
  correlationId?: string;
  request?: RedactedRequest;
  /** The vendor's error body, or the schema issues of a response that did not match. */
  details?: unknown;
  cause?: unknown;
}

/**
 * The one error type of the API layer. `code` is stable and meant for programs; the message is
 * for people. It never carries a token, secret or key.
 */
export class CxflowError extends Error {
  readonly code: ErrorCode;
  readonly route?: string;
  readonly status?: number;
  readonly correlationId?: string;
  readonly request?: RedactedRequest;
  readonly details?: unknown;

  constructor(init: CxflowErrorInit) {
    super(init.message, init.cause === undefined ? undefined : { cause: init.cause });
    this.name = "CxflowError";
    this.code = init.code;
    this.route = init.route;
    this.status = init.status;
    this.correlationId = init.correlationId;
    this.request = init.request;
    this.details = init.details;
  }
}

/** The error code of an HTTP status. */
export function codeForStatus(status: number): ErrorCode {
  if (status === 400 || status === 422) return "validation";
  if (status === 401 || status === 403) return "auth";
  if (status === 404 || status === 410) return "not_found";
  if (status === 409 || status === 412) return "conflict";
  if (status === 429) return "rate_limited";
  if (status === 408 || status === 504) return "timeout";
  if (status >= 500) return "server";
  return "http";
}

const SECRET_HEADERS = /^(authorization|proxy-authorization|cookie|set-cookie|x-api-key)$/i;
/** Query parameter names whose values are never shown (credentials, and ids that name an account or client). */
export const CREDENTIAL_PARAM = /token|secret|password|key|code|assertion|account|client|auth|credential|sig/i;

/** Headers with every credential replaced by `[redacted]`. */
export function redactHeaders(headers: Record<string, string | string[] | undefined>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(headers)) {
    if (v === undefined) continue;
    out[k] = SECRET_HEADERS.test(k) ? "[redacted]" : Array.isArray(v) ? v.join(", ") : v;
  }
  return out;
}

/** A URL whose credential-like query parameters are replaced by `[redacted]`. */
export function redactUrl(url: string): string {
  try {
    const u = new URL(url);
    for (const k of [...u.searchParams.keys()]) if (CREDENTIAL_PARAM.test(k)) u.searchParams.set(k, "[redacted]");
    u.username = "";
    u.password = "";
    return u.toString();
  } catch {
    return url;
  }
}

/**
 * A transport failure reduced to its name, code and message: got's errors keep the request
 * options, headers (and so the bearer token) included, and must never ride along as a cause.
 */
export function safeCause(err: unknown): { name: string; code?: string; message: string } {
  const e = err as { name?: string; code?: string; message?: string };
  return { name: e?.name ?? "Error", code: e?.code, message: String(e?.message ?? err) };
}

/** True when `e` says the object does not exist (a 404): reads and deletes treat it as gone. */
export function isNotFound(e: unknown): boolean {
  return e instanceof CxflowError && e.code === "not_found";
}
