// Logins the contract tests share.

/** A Genesys client-credentials token from a sandbox at `url`. */
export async function genesysToken(url: string, id = "sandbox-client", secret = "sandbox-secret"): Promise<string> {
  const r = await fetch(`${url}/genesys/oauth/token`, {
    method: "POST",
    headers: {
      authorization: `Basic ${Buffer.from(`${id}:${secret}`).toString("base64")}`,
      "content-type": "application/x-www-form-urlencoded",
    },
    body: "grant_type=client_credentials",
  });
  if (!r.ok) throw new Error(`Genesys login failed: ${r.status} ${await r.text()}`);
  return ((await r.json()) as { access_token: string }).access_token;
}

/** The official Genesys SDK (CommonJS, untyped here). */
export const platformClient = require("purecloud-platform-client-v2");
// The shared default client would otherwise watch its config file and outlive jest.
platformClient.ApiClient.config.live_reload_config = false;

/** An SDK client pointed at a sandbox through the SDK's own gateway setting (not logged in). */
export function genesysSdkClient(url: string) {
  // One client per sandbox: the package's default export is a shared instance.
  const client = new platformClient.ApiClientClass();
  client.config.live_reload_config = false;
  client.setGateway({
    host: "127.0.0.1",
    port: Number(new URL(url).port),
    protocol: "http",
    path_params_login: "genesys",
    path_params_api: "genesys",
  });
  client.setReturnExtendedResponses(true);
  return client;
}
