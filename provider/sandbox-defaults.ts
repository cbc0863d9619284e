// What the client side (config.ts) and the sandbox (sandbox/options.ts, server.ts, vendors/) must
// agree on: the sandbox's default credentials and each vendor's paths. No Pulumi import, so the
// sandbox can load it.

/** Credentials a sandbox accepts unless told otherwise, and what a sandbox stack sends when it sets none. */
export const SANDBOX_DEFAULT_CREDENTIALS = {
  genesys: { clientId: "sandbox-client", clientSecret: "sandbox-secret" },
  zoom: { accountId: "sandbox-account", clientId: "sandbox-client", clientSecret: "sandbox-secret" },
  ourvoice: { apiKey: "sandbox-key" },
} as const;

/** Each vendor's paths below a sandbox URL: its root (routing), API base and token endpoint. */
export const SANDBOX_PATHS = {
  genesys: { root: "/genesys", api: "/genesys/api/v2", token: "/genesys/oauth/token" },
  zoom: { root: "/zoom", api: "/zoom/v2", token: "/zoom/oauth/token" },
  ourvoice: { root: "/ourvoice", api: "/ourvoice/v1" },
} as const;
