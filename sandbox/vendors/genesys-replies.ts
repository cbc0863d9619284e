// The builders of Genesys Cloud answers that every route shares: errors and listing pages.
import { randomUUID } from "node:crypto";
import type { z } from "zod";
import type { ErrorBody } from "../../provider/genesys/models";
import { formatPath } from "../../provider/text";
import type { ErrorStatus, Failure } from "../types";

/** An ErrorBody reply; the contextId doubles as the correlation id header, as on the real API. */
export function genesysError(
  status: ErrorStatus,
  code: string,
  message: string,
  extra: Partial<ErrorBody> = {},
  headers: Record<string, string> = {},
): Failure {
  const contextId = randomUUID();
  const body: ErrorBody = { message, code, status, contextId, details: [], errors: [], ...extra };
  return { status, body, headers: { "ININ-Correlation-Id": contextId, ...headers } };
}

/** A 400 naming the first invalid field, with every problem in `details`. */
export function badRequest(issues: readonly z.core.$ZodIssue[], prefix: PropertyKey[] = []): Failure {
  const details = issues.map((i) => ({ errorCode: i.code, fieldName: formatPath([...prefix, ...i.path]) || "body" }));
  const first = issues[0];
  const message = first
    ? `${details[0].fieldName}: ${first.message}`
    : "The request could not be understood by the server due to malformed syntax.";
  return genesysError(400, "bad.request", message, { details });
}

/** Slices one page and builds the envelope with relative URIs that keep the other query values. */
export function page<T>(
  all: T[],
  path: string,
  pageSize: number,
  pageNumber: number,
  keep: Record<string, string | undefined> = {},
) {
  const pageCount = Math.ceil(all.length / pageSize);
  const uri = (n: number) => {
    const q = new URLSearchParams();
    for (const [k, v] of Object.entries(keep)) if (v !== undefined) q.set(k, v);
    q.set("pageSize", String(pageSize));
    q.set("pageNumber", String(n));
    return `/api/v2${path}?${q}`;
  };
  return {
    entities: all.slice((pageNumber - 1) * pageSize, pageNumber * pageSize),
    pageSize,
    pageNumber,
    total: all.length,
    pageCount,
    firstUri: uri(1),
    selfUri: uri(pageNumber),
    lastUri: uri(Math.max(1, pageCount)),
    ...(pageNumber > 1 ? { previousUri: uri(Math.min(pageNumber - 1, Math.max(1, pageCount))) } : {}),
    ...(pageNumber < pageCount ? { nextUri: uri(pageNumber + 1) } : {}),
  };
}

/** `items` in the order of a `sortBy` (comma-separated fields, `-` for descending), or a 400 naming a field not in `sortable`. */
export function sorted<T extends object>(items: T[], sortBy: string, sortable: ReadonlySet<string>): T[] | Failure {
  const keys = sortBy
    .split(",")
    .map((k) => k.trim())
    .filter(Boolean)
    .map((k) => ({ field: k.replace(/^-/, ""), desc: k.startsWith("-") }));
  const unknown = keys.find((k) => !sortable.has(k.field));
  if (unknown)
    return genesysError(400, "bad.request", `sortBy: cannot sort by "${unknown.field}"`, {
      details: [{ errorCode: "bad.request", fieldName: "sortBy" }],
    });
  return [...items].sort((a, b) => {
    for (const { field, desc } of keys) {
      const x = (a as Record<string, unknown>)[field] as string | number | boolean | undefined;
      const y = (b as Record<string, unknown>)[field] as string | number | boolean | undefined;
      if (x === y) continue;
      // Absent values sort last, whatever the direction.
      if (x === undefined) return 1;
      if (y === undefined) return -1;
      const c = typeof x === "string" && typeof y === "string" ? x.localeCompare(y) : x < y ? -1 : 1;
      return desc ? -c : c;
    }
    return 0;
  });
}
