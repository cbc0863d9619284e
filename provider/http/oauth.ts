import { z } from "zod";
import type { IssuedToken } from "./auth";
import { CxflowError, codeForStatus, redactHeaders, redactUrl } from "./errors";
import { DEFAULT_RETRY_POLICY, Retries, type RetryPolicy } from "./retry";
import { header, parseAnswer, sendOnce } from "./send";

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

/**
 * Logs in with Basic client credentials. Refusals (4xx) are `auth` errors; 429s, 5xx and network
 * failures are retried with the policy (asking for a token has no side effect). Nothing thrown
 * holds the secret: no got error is attached (its options carry the Basic header).
 */
export async function basicLogin(o: LoginOptions): Promise<IssuedToken> {
  const route = `${o.vendor} POST ${new URL(o.tokenUrl).pathname}`;
  const headers = {
    accept: "application/json",
    authorization: `Basic ${Buffer.from(`${o.clientId}:${o.clientSecret}`).toString("base64")}`,
  };
  const request = { method: "POST", url: redactUrl(o.tokenUrl), headers: redactHeaders(headers) };
  // Every credential sent is cut out of what the token service answers: Genesys names an unknown
  // client id, and a secret pasted as the id would otherwise reach the error.
  const { grant_type: _grant, ...credentials } = o.form;
  const sent = [o.clientSecret, o.clientId, ...Object.values(credentials)].filter((v) => v !== "");
  const scrub = (s: string) => sent.reduce((text, v) => text.split(v).join("[redacted]"), s);
  const retries = new Retries(o.retry ?? DEFAULT_RETRY_POLICY);
  for (;;) {
    const { res, failure, cause } = await sendOnce(o.tokenUrl, {
      method: "POST",
      headers,
      timeoutMs: o.timeoutMs,
      body: { form: o.form },
    });
    if (res && res.statusCode < 300) {
      const t = parseAnswer(TokenAnswer, res, { name: `${o.vendor} login`, route, request });
      return { token: t.access_token, expiresIn: t.expires_in };
    }
    const decision = retries.next({
      // Asking for a token again is harmless: treat it as idempotent.
      method: "POST",
      idempotent: true,
      status: res?.statusCode,
      failure,
      retryAfter: header(res, "retry-after"),
      now: Date.now(),
    });
    if (decision.retry) {
      await new Promise((r) => setTimeout(r, decision.delayMs));
      continue;
    }
    if (!res) {
      throw new CxflowError({
        code: failure ?? "network",
        route,
        request,
        message: `${o.vendor} login: POST failed: ${scrub(cause?.code ?? "request failed")} (${decision.reason})`,
      });
    }
    let details: unknown = scrub(res.body);
    try {
      details = JSON.parse(scrub(res.body));
    } catch {}
    const said = o.describe(details);
    throw new CxflowError({
      // Token services answer 400/401 for bad credentials, grant or account: an auth failure.
      code: res.statusCode < 500 && res.statusCode !== 429 ? "auth" : codeForStatus(res.statusCode),
      route,
      status: res.statusCode,
      request,
      correlationId: o.correlationHeader ? header(res, o.correlationHeader) : undefined,
      details,
      message: `${o.vendor} login refused: ${res.statusCode}${said ? ` ${said}` : ""} (${decision.reason})`,
    });
  }
}
