import { z } from "zod";
import type { IssuedToken } from "./auth";
import { CxflowError, codeForStatus, redactHeaders, redactUrl } from "./errors";
import { DEFAULT_RETRY_POLICY, decideRetry, type RetryPolicy } from "./retry";

/** How to ask a vendor's token service for a token with a client id and secret (Basic auth). */
export interface LoginOptions {
  vendor: string;
  tokenUrl: string;
  clientId: string;
  clientSecret: string;
  /** The grant's form fields, e.g. `{ grant_type: "client_credentials" }`. */
  form: Record<string, string>;
  retry?: RetryPolicy;
  timeoutMs?: number;
  correlationHeader?: string;
  /** Human text of the token service's error body. */
  describe(body: unknown): string | undefined;
}

const TokenAnswer = z.object({ access_token: z.string().min(1), expires_in: z.number().positive() });

type Got = typeof import("got", { with: { "resolution-mode": "import" }}).default;

/**
 * Logs in with Basic client credentials. Refusals (4xx) are `auth` errors; 429s, 5xx and network
 * failures are retried with the policy (asking for a token has no side effect). Nothing thrown
 * holds the secret: no got error is attached (its options carry the Basic header).
 */
export async function basicLogin(o: LoginOptions): Promise<IssuedToken> {
  const got: Got = (await import("got")).default;
  const route = `${o.vendor} POST ${new URL(o.tokenUrl).pathname}`;
  const headers = {
    accept: "application/json",
    authorization: `Basic ${Buffer.from(`${o.clientId}:${o.clientSecret}`).toString("base64")}`,
  };
  const request = { method: "POST", url: redactUrl(o.tokenUrl), headers: redactHeaders(headers) };
  // Should a token service ever echo the secret, it is cut out.
  const scrub = (s: string) => (o.clientSecret ? s.split(o.clientSecret).join("[redacted]") : s);
  for (let attempt = 1; ; attempt++) {
    let res: { statusCode: number; body: string; headers: Record<string, string | string[] | undefined> } | undefined;
    let failure: "timeout" | "network" | undefined;
    let why = "";
    try {
      res = await got(o.tokenUrl, {
        method: "POST",
        headers,
        form: o.form,
        timeout: { request: o.timeoutMs ?? 30_000 },
        retry: { limit: 0 },
        throwHttpErrors: false,
        responseType: "text",
      });
    } catch (err) {
      const code = (err as { code?: string }).code;
      failure = code === "ETIMEDOUT" ? "timeout" : "network";
      why = code ?? "request failed";
    }
    if (res && res.statusCode < 300) {
      let json: unknown;
      try {
        json = JSON.parse(res.body);
      } catch {}
      const parsed = TokenAnswer.safeParse(json);
      if (!parsed.success) {
        throw new CxflowError({
          code: "response_shape",
          route,
          status: res.statusCode,
          request,
          message: `${o.vendor} login: the token answer does not match its schema`,
          details: parsed.error.issues,
        });
      }
      return { token: parsed.data.access_token, expiresIn: parsed.data.expires_in };
    }
    const retryAfter = res?.headers["retry-after"];
    const decision = decideRetry(
      {
        attempt,
        // Asking for a token again is harmless: treat it as idempotent.
        method: "GET",
        status: res?.statusCode,
        failure,
        retryAfter: Array.isArray(retryAfter) ? retryAfter[0] : retryAfter,
        now: Date.now(),
        random: Math.random,
      },
      o.retry ?? DEFAULT_RETRY_POLICY,
    );
    if (decision.retry) {
      await new Promise((r) => setTimeout(r, decision.delayMs));
      continue;
    }
    if (!res) {
      throw new CxflowError({
        code: failure ?? "network",
        route,
        request,
        message: `${o.vendor} login: POST failed: ${scrub(why)} (${decision.reason})`,
      });
    }
    let details: unknown = scrub(res.body);
    try {
      details = JSON.parse(scrub(res.body));
    } catch {}
    const said = o.describe(details);
    const correlation = o.correlationHeader ? res.headers[o.correlationHeader] : undefined;
    throw new CxflowError({
      // Token services answer 400/401 for bad credentials, grant or account: an auth failure.
      code: res.statusCode < 500 && res.statusCode !== 429 ? "auth" : codeForStatus(res.statusCode),
      route,
      status: res.statusCode,
      request,
      correlationId: Array.isArray(correlation) ? correlation[0] : correlation,
      details,
      message: `${o.vendor} login refused: ${res.statusCode}${said ? ` ${said}` : ""} (${decision.reason})`,
    });
  }
}
