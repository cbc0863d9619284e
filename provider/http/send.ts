import type { z } from "zod";
import { issuesText } from "../text";
import { CxflowError, type RedactedRequest, safeCause } from "./errors";

/** An HTTP answer as the transport keeps it. */
export interface Answer {
  statusCode: number;
  body: string;
  headers: Record<string, string | string[] | undefined>;
}

/** One attempt: an answer, or why none came (never a thrown got error: it holds the headers). */
export interface Attempt {
  res?: Answer;
  failure?: "timeout" | "network";
  cause?: ReturnType<typeof safeCause>;
}

type Got = typeof import("got", { with: { "resolution-mode": "import" }}).default;
let gotModule: Promise<Got> | undefined;
/** got is ESM-only: a dynamic import loads it from CommonJS (jest needs --experimental-vm-modules). */
function loadGot(): Promise<Got> {
  gotModule ??= import("got").then((m) => m.default);
  return gotModule;
}

/** Sends one request with got: no retries, no throw on HTTP status, a timeout per attempt. */
export async function sendOnce(
  url: string,
  o: { method: string; headers: Record<string, string>; timeoutMs?: number; body?: object },
): Promise<Attempt> {
  const got = await loadGot();
  try {
    const res = await got(url, {
      method: o.method as "GET",
      headers: o.headers,
      ...o.body,
      timeout: { request: o.timeoutMs ?? 30_000 },
      retry: { limit: 0 },
      throwHttpErrors: false,
      responseType: "text",
    });
    return { res };
  } catch (err) {
    const cause = safeCause(err);
    return { failure: cause.code === "ETIMEDOUT" ? "timeout" : "network", cause };
  }
}

/** The first value of a response header. */
export function header(res: Answer | undefined, name: string): string | undefined {
  const v = res?.headers[name.toLowerCase()];
  return Array.isArray(v) ? v[0] : v;
}

/** Parses a JSON answer with `schema`; a mismatch is a `response_shape` error naming the fields. */
export function parseAnswer<S extends z.ZodType>(
  schema: S,
  res: Answer,
  at: { name: string; route: string; request: RedactedRequest; correlationId?: string },
): z.infer<S> {
  const fail = (message: string, details?: unknown) =>
    new CxflowError({
      code: "response_shape",
      route: at.route,
      status: res.statusCode,
      request: at.request,
      correlationId: at.correlationId,
      message: `${at.name}: ${message}`,
      details,
    });
  let json: unknown;
  try {
    json = res.body ? JSON.parse(res.body) : undefined;
  } catch {
    throw fail("answer is not JSON");
  }
  const parsed = schema.safeParse(json);
  if (!parsed.success) {
    throw fail(`answer does not match its schema: ${issuesText(parsed.error.issues)}`, parsed.error.issues);
  }
  return parsed.data;
}
