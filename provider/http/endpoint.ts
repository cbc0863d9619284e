import type { z } from "zod";

/** HTTP methods the vendor APIs use. */
export type Method = "GET" | "POST" | "PUT" | "PATCH" | "DELETE";

/**
 * One row of a vendor's endpoint table: method + path and the zod schemas of every part of the
 * exchange. The typed clients derive their call types from it; the sandbox validates requests and
 * shapes responses with the same row, so the two cannot drift apart.
 */
export interface Endpoint<
  P extends z.ZodType = z.ZodType,
  Q extends z.ZodType = z.ZodType,
  B extends z.ZodType = z.ZodType,
  R extends z.ZodType = z.ZodType,
> {
  /** HTTP method. */
  method: Method;
  /** Path below the vendor's API base, with `{name}` placeholders, e.g. `/flows/{flowId}`. */
  path: string;
  /** Path parameters, by placeholder name. */
  params?: P;
  /** Query string parameters. */
  query?: Q;
  /** Request body. */
  body?: B;
  /** How the body travels; JSON unless said otherwise. */
  bodyType?: "json" | "form" | "multipart";
  /** Successful response body; absent when the API answers with no content. */
  response?: R;
  /** Status code of success (default 200). */
  status?: number;
  /**
   * Safe to send again when the outcome is unknown (5xx, timeout, reset): a query, or a PATCH
   * that sets absolute values. GET, PUT and DELETE always are; POST and PATCH only when this says so.
   */
  idempotent?: boolean;
}

/** Declares an endpoint row, keeping its schema types for inference. */
export function endpoint<P extends z.ZodType, Q extends z.ZodType, B extends z.ZodType, R extends z.ZodType>(
  e: Endpoint<P, Q, B, R>,
): Endpoint<P, Q, B, R> {
  return e;
}

/** Parameter, query, body and response types of an endpoint row. */
export type ParamsOf<E> = E extends Endpoint<infer P, any, any, any> ? z.infer<P> : never;
export type QueryOf<E> = E extends Endpoint<any, infer Q, any, any> ? z.infer<Q> : never;
export type BodyOf<E> = E extends Endpoint<any, any, infer B, any> ? z.input<B> : never;
export type ResponseOf<E> = E extends Endpoint<any, any, any, infer R> ? z.infer<R> : never;

/** Fills `{name}` placeholders of a path; values are URI-encoded. */
export function fillPath(path: string, params: Record<string, unknown> = {}): string {
  return path.replace(/\{(\w+)\}/g, (_, name: string) => {
    const v = params[name];
    if (v === undefined || v === null || v === "") throw new Error(`missing path parameter "${name}" for ${path}`);
    return encodeURIComponent(String(v));
  });
}
