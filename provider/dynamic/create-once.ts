// A create whose outcome is unknown is never blindly repeated (docs/architecture.md, Decisions).
import { CxflowError } from "../http/errors";
import { backoff, DEFAULT_RETRY_POLICY } from "../http/retry";

/** Failures after which the object may or may not exist: the request reached the server. */
export function outcomeUnknown(e: unknown): boolean {
  return e instanceof CxflowError && (e.code === "timeout" || e.code === "network" || e.code === "server");
}

/**
 * Runs `create`; when its outcome is unknown, looks the object up by the name it was sent with
 * and returns that, and only creates again (after a backoff) when the lookup finds nothing: at
 * most `attempts` POSTs.
 */
export async function createOnce<T>(
  create: () => Promise<T>,
  lookup: () => Promise<T | undefined>,
  attempts = 6,
  sleep: (ms: number) => Promise<void> = (ms) => new Promise((r) => setTimeout(r, ms)),
): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await create();
    } catch (e) {
      if (!outcomeUnknown(e) || attempt >= attempts) throw e;
      const found = await lookup();
      if (found !== undefined) return found;
      await sleep(backoff(attempt, DEFAULT_RETRY_POLICY, Math.random));
    }
  }
}
