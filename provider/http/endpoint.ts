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

/** Declares an endpoint row with its exact type, so a part it lacks types as absent (an unknown key is refused). */
export function endpoint<E extends Endpoint>(e: E & Record<Exclude<keyof E, keyof Endpoint>, never>): E {
  return e;
}

/** A vendor's endpoint table: rows by the name clients and the sandbox call them. */
export type EndpointTable = Record<string, Endpoint>;

/** The parts of an exchange a row can declare a schema for. */
export type Part = "params" | "query" | "body" | "response";
/** The schema a row declares for `K`; `undefined` when it has none. */
type SchemaAt<E, K extends Part> = K extends keyof E ? E[K] : undefined;
/** What a row's part `K` accepts (schema input), `Absent` when it declares none. */
export type PartInput<E, K extends Part, Absent = undefined> =
  SchemaAt<E, K> extends infer S ? (S extends z.ZodType ? z.input<S> : Absent) : never;
/** What a row's part `K` parses into (schema output), `Absent` when it declares none. */
export type PartOutput<E, K extends Part, Absent = undefined> =
  SchemaAt<E, K> extends infer S ? (S extends z.ZodType ? z.output<S> : Absent) : never;

/** Parameter, query, body and response types of an endpoint row. */
export type ParamsOf<E> = PartOutput<E, "params">;
export type QueryOf<E> = PartOutput<E, "query">;
export type BodyOf<E> = PartInput<E, "body">;
export type ResponseOf<E> = PartOutput<E, "response", unknown>;

/** Fills `{name}` placeholders of a path; values are URI-encoded. */
export function fillPath(path: string, params: Record<string, unknown> = {}): string {
  return path.replace(/\{(\w+)\}/g, (_, name: string) => {
    const v = params[name];
    if (v === undefined || v === null || v === "") throw new Error(`missing path parameter "${name}" for ${path}`);
    return encodeURIComponent(String(v));
  });
}
