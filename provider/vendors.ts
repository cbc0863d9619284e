// What every part of cxflow knows about a vendor, once: the provider's messages and config, the
// sandbox and the bench read this table. No Pulumi import, so the sandbox can load it.

/** One vendor's facts that more than one part of cxflow needs. */
export interface VendorFacts {
  /** The vendor's name in messages, e.g. `Our Voice`. */
  readonly label: string;
  /** What to do when the vendor accepts the credentials but refuses a call (HTTP 403). */
  readonly permission: string;
  /** Its paths below a sandbox URL: its root (routing), API base and token endpoint (OAuth vendors). */
  readonly sandboxPaths: { readonly root: string; readonly api: string; readonly token?: string };
  /** Credentials a sandbox accepts unless told otherwise, and what a sandbox stack sends when it sets none. */
  readonly sandboxCredentials: Readonly<Record<string, string>>;
  /** The sandbox's default request budget: the vendor's documented default, or the closest guess. */
  readonly sandboxRateLimit: { readonly limit: number; readonly periodSeconds: number };
  /** Seconds a sandbox token lives, as the vendor's do (0: a fixed key, no tokens). */
  readonly sandboxTokenTtl: number;
}

/** The vendors cxflow speaks to, in the order every listing uses. */
export const VENDORS = {
  genesys: {
    label: "Genesys",
    permission: "give the OAuth client's role the journey, Architect and analytics permissions",
    sandboxPaths: { root: "/genesys", api: "/genesys/api/v2", token: "/genesys/oauth/token" },
    sandboxCredentials: { clientId: "sandbox-client", clientSecret: "sandbox-secret" },
    // Genesys documents 300 requests a minute per token.
    sandboxRateLimit: { limit: 300, periodSeconds: 60 },
    sandboxTokenTtl: 86_400,
  },
  zoom: {
    label: "Zoom",
    permission: "add the Contact Center flow scopes to the Server-to-Server OAuth app",
    sandboxPaths: { root: "/zoom", api: "/zoom/v2", token: "/zoom/oauth/token" },
    sandboxCredentials: { accountId: "sandbox-account", clientId: "sandbox-client", clientSecret: "sandbox-secret" },
    // The "Light" rate-limit label of a Pro account.
    sandboxRateLimit: { limit: 30, periodSeconds: 1 },
    sandboxTokenTtl: 3_600,
  },
  ourvoice: {
    label: "Our Voice",
    permission: "use an API key that may read flows",
    sandboxPaths: { root: "/ourvoice", api: "/ourvoice/v1" },
    sandboxCredentials: { apiKey: "sandbox-key" },
    // Laravel's default `throttle:api` (inferred: Our Voice does not document one).
    sandboxRateLimit: { limit: 60, periodSeconds: 60 },
    sandboxTokenTtl: 0,
  },
} as const satisfies Record<string, VendorFacts>;

/** One vendor's short name: the first part of a resource kind (`genesys.ActionTarget`). */
export type VendorName = keyof typeof VENDORS;

/** The vendors' names, in table order. */
export const VENDOR_NAMES = Object.keys(VENDORS) as VendorName[];
