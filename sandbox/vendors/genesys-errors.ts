// The one builder of Genesys Cloud error answers, for the journey and the analytics routes alike.
import { randomUUID } from "node:crypto";
import type { ErrorBody } from "../../provider/genesys/models";
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
