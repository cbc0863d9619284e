// Credentials reach the provider only through configure() (secret stack config) or env vars, and
// never reach state or the engine's output.
import { type Sandbox, startSandbox } from "../../sandbox";
import { PulumiCommandError, type TestStack } from "./harness";
import { declare, resourceStack, stored } from "./resources";

jest.setTimeout(10 * 60_000);

const ID = "e2e-genesys-client";
const SECRET = "e2e-Very-Secret-Value-0f9a";
const segment = (displayName: string) => [{ type: "genesys.JourneySegment", name: "s", args: { displayName } }];

describe("credentials", () => {
  let sandbox: Sandbox;
  const stacks: TestStack[] = [];

  beforeAll(async () => {
    // A sandbox that accepts only these credentials: the sandbox defaults would be refused.
    sandbox = await startSandbox({ credentials: { genesys: { clientId: ID, clientSecret: SECRET } } });
  });
  afterAll(async () => {
    for (const s of stacks) {
      await s.destroy().catch(() => undefined);
      await s.dispose();
    }
    await sandbox?.stop();
  });

  test("secret stack config reaches the provider through configure() and nowhere else", async () => {
    const stack = await resourceStack(sandbox, {
      secrets: { "cxflow:genesysClientId": ID, "cxflow:genesysClientSecret": SECRET },
    });
    stacks.push(stack);
    await declare(stack, segment("from config"));
    const { output } = await stack.up();
    expect((await stored(stack)).s.outputs.displayName).toBe("from config");
    expect(output).not.toContain(SECRET);
    expect(await stack.exportText()).not.toContain(SECRET);
  });

  test("env vars work as well, and are not stored either", async () => {
    const stack = await resourceStack(sandbox, {
      env: { GENESYSCLOUD_OAUTHCLIENT_ID: ID, GENESYSCLOUD_OAUTHCLIENT_SECRET: SECRET },
    });
    stacks.push(stack);
    await declare(stack, segment("from env"));
    await stack.up();
    expect((await stored(stack)).s.outputs.displayName).toBe("from env");
    expect(await stack.exportText()).not.toContain(SECRET);
  });

  test("wrong credentials fail the up with an auth error that names no secret", async () => {
    const stack = await resourceStack(sandbox, {
      secrets: { "cxflow:genesysClientId": ID, "cxflow:genesysClientSecret": "not-the-secret-xyz" },
    });
    stacks.push(stack);
    await declare(stack, segment("refused"));
    const e = (await stack.up().catch((x) => x)) as PulumiCommandError;
    expect(e).toBeInstanceOf(PulumiCommandError);
    expect(e.result.output).toMatch(/invalid_client|auth|401/i);
    expect(e.result.output).not.toContain("not-the-secret-xyz");
  });
});
