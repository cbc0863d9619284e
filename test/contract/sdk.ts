// The official Genesys SDK, for the tests that use it as an outside referee (loading it is slow).

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

/** What the SDK answers (and rejects) with when extended responses are on. */
export interface SdkResponse {
  status: number;
  headers: Record<string, string>;
  body: any;
  error?: unknown;
}

/** The SDK's rejection of a call, which must fail. */
export async function refused(call: Promise<unknown>): Promise<SdkResponse> {
  try {
    await call;
  } catch (e) {
    return e as SdkResponse;
  }
  throw new Error("the call succeeded but was expected to fail");
}
