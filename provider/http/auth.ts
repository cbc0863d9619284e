import { processRegistry } from "../state";

/** A bearer token and how long it lives. */
export interface IssuedToken {
  token: string;
  /** Seconds until expiry, as the login service said (`expires_in`). */
  expiresIn: number;
}

/**
 * Caches one credential set's token: refreshes shortly before expiry, keeps one refresh in
 * flight however many callers ask, and hands out a fresh one on demand (after a 401).
 */
export class TokenCache {
  private current?: { token: string; expiresAt: number };
  private inFlight?: Promise<string>;

  constructor(
    private readonly issue: () => Promise<IssuedToken>,
    private readonly now: () => number = Date.now,
  ) {}

  /**
   * A valid token. `refused` is a token the server turned down: it is dropped if it is still the
   * cached one (a caller holding an older token gets the newer one, not yet another login).
   */
  get(refused?: string): Promise<string> {
    if (refused !== undefined && this.current?.token === refused) this.current = undefined;
    const c = this.current;
    if (c && this.now() < c.expiresAt) return Promise.resolve(c.token);
    this.inFlight ??= this.issue()
      .then(({ token, expiresIn }) => {
        // Refresh a minute early, or at 90% of a short lifetime.
        const margin = Math.min(60_000, expiresIn * 100);
        this.current = { token, expiresAt: this.now() + expiresIn * 1000 - margin };
        return token;
      })
      .finally(() => {
        this.inFlight = undefined;
      });
    return this.inFlight;
  }
}

/** The process-wide token cache of one credential set (`key` never holds the secret itself). */
export function sharedTokenCache(key: string, issue: () => Promise<IssuedToken>): TokenCache {
  const registry = processRegistry<TokenCache>("tokens");
  let cache = registry.get(key);
  if (!cache) {
    cache = new TokenCache(issue);
    registry.set(key, cache);
  }
  return cache;
}
