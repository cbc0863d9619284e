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
