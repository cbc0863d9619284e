// A settings or credentials failure of a program's data sources, under the real engine: the user
// sees the message once, in two lines at most, saying what to do; no stack trace, no colour
// codes, no "unhandled exception", no Node warning, however many data sources it fails.
import * as path from "node:path";
import { type Sandbox, startSandbox } from "../../sandbox";
import { PulumiCommandError, type RunResult, TestStack } from "./harness";

jest.setTimeout(10 * 60_000);

const program = path.join(__dirname, "programs", "data-source-failures");

/** Credentials the sandbox accepts: its defaults, which the stacks below send, are refused. */
const OTHER = {
  genesys: { clientId: "other-client", clientSecret: "other-secret-5b1c" },
  zoom: { accountId: "other-account", clientId: "other-client", clientSecret: "other-secret-5b1c" },
  ourvoice: { apiKey: "other-key-9d3e" },
};

const count = (text: string, part: string) => text.split(part).length - 1;

/** A preview that must fail; what the CLI printed. */
async function failedPreview(stack: TestStack): Promise<RunResult> {
  const e = await stack.preview().then(
    () => new Error("the preview succeeded"),
    (x: unknown) => x,
  );
  if (!(e instanceof PulumiCommandError)) throw e;
  return e.result;
}

/** The CLI's output reports `message` once and nothing of a crash. */
function expectReportedOnce(output: string, message: string[]) {
  expect(count(output, message[0])).toBe(1);
  // The message is one or two lines, the second right after the first.
  expect(output).toContain(message.join("\n"));
  expect(output).not.toMatch(/^\s+at /m);
  expect(output).not.toContain("\u001b[");
  expect(output).not.toMatch(/unhandled exception|PromiseRejectionHandledWarning|UnhandledPromiseRejection/i);
  expect(output).not.toMatch(/MissingCredentialError|InvalidConfigError|CxflowError/);
}

describe("a data source's settings or credentials failure", () => {
  let sandbox: Sandbox;
  const stacks: TestStack[] = [];
  const stack = async (config: Record<string, string>) => {
    const s = await TestStack.create({ program, config });
    stacks.push(s);
    return s;
  };

  beforeAll(async () => {
    sandbox = await startSandbox({ credentials: OTHER });
  });
  afterAll(async () => {
    for (const s of stacks) await s.dispose().catch(() => undefined);
    await sandbox?.stop();
  });

  test("a missing credential is said once, naming the key and the env var, for three data sources", async () => {
    const { output } = await failedPreview(await stack({ vendor: "genesys" }));
    expectReportedOnce(output, [
      "Genesys client id is not set: set cxflow:genesysClientId (stack config, secret) or GENESYSCLOUD_OAUTHCLIENT_ID",
    ]);
  });

  test("an unusable setting is said once", async () => {
    const { output } = await failedPreview(await stack({ vendor: "zoom", "cxflow:sandboxUrl": "127.0.0.1:8787" }));
    expectReportedOnce(output, [
      "Sandbox URL must use http or https: expected e.g. http://127.0.0.1:8787 (from cxflow:sandboxUrl or CXFLOW_SANDBOX_URL)",
    ]);
  });

  test.each([
    [
      "genesys",
      "genesys login refused: 401 invalid_client",
      "Genesys refused the credentials: check cxflow:genesysClientId, cxflow:genesysClientSecret (secret stack config) or GENESYSCLOUD_OAUTHCLIENT_ID, GENESYSCLOUD_OAUTHCLIENT_SECRET; they may be wrong, rotated or revoked.",
    ],
    [
      "zoom",
      "zoom login refused: 400 invalid_client",
      "Zoom refused the credentials: check cxflow:zoomAccountId, cxflow:zoomClientId, cxflow:zoomClientSecret (secret stack config) or ZOOM_ACCOUNT_ID, ZOOM_CLIENT_ID, ZOOM_CLIENT_SECRET; they may be wrong, rotated or revoked.",
    ],
    [
      "ourvoice",
      "listFlows: 401 Unauthenticated.",
      "Our Voice refused the credentials: check cxflow:ourvoiceApiKey (secret stack config) or OURVOICE_API_KEY; they may be wrong, rotated or revoked.",
    ],
  ])("refused %s credentials are said once, with what to check", async (vendor, refusal, todo) => {
    const { output } = await failedPreview(await stack({ vendor, "cxflow:sandboxUrl": sandbox.url }));
    expect(count(output, refusal)).toBe(1);
    const line = output.split("\n").find((l) => l.includes(refusal))!;
    expectReportedOnce(output, [line, todo]);
  });

  test("a sandbox URL ending in / is accepted", async () => {
    const s = await TestStack.create({
      program,
      config: { vendor: "ourvoice", "cxflow:sandboxUrl": `${sandbox.url}/` },
      env: { OURVOICE_API_KEY: OTHER.ourvoice.apiKey },
    });
    stacks.push(s);
    const { outputs } = await s.up();
    expect((outputs.counts as { first: number }).first).toBeGreaterThan(0);
    expect(outputs.total).toEqual(expect.any(Number));
  });
});
