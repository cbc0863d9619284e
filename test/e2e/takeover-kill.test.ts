// An action target's original values survive `pulumi up` killed at any point of the takeover:
// after `cxflow recover` and the next `up`, destroy puts back exactly what the target held.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import type { genesys } from "../../provider";
import { type Sandbox, startSandbox } from "../../sandbox";
import type { TestStack } from "./harness";
import { declare, resourceStack, sandboxClients, stored } from "./resources";

jest.setTimeout(10 * 60_000);

/** Where the kill lands, relative to the one request it waits for. */
type Point = { name: string; request: RegExp; method: string; forward: "never" | "no-answer" | "answer" };

const TARGETS = /\/genesys\/api\/v2\/journey\/actiontargets(\/[^/?]+)?(\?|$)/;
const POINTS: Point[] = [
  { name: "while check() reads the target", request: TARGETS, method: "GET", forward: "never" },
  { name: "with the PATCH not yet at the vendor", request: TARGETS, method: "PATCH", forward: "never" },
  { name: "with the PATCH applied and its answer lost", request: TARGETS, method: "PATCH", forward: "no-answer" },
  { name: "right after the PATCH was answered", request: TARGETS, method: "PATCH", forward: "answer" },
];

const tunedOf = (t: genesys.models.ActionTarget) => ({
  name: t.name,
  serviceLevel: t.serviceLevel,
  shortAbandonThreshold: t.shortAbandonThreshold,
});

describe("ActionTarget takeover killed mid-way", () => {
  let sandbox: Sandbox;
  let proxy: Server;
  let proxyUrl: string;
  /** The point being tested; the proxy calls `reached` once when its request arrives. */
  let armed: (Point & { reached: () => void }) | undefined;

  const forward = async (req: IncomingMessage, body: Buffer) =>
    fetch(`${sandbox.url}${req.url}`, {
      method: req.method,
      headers: Object.fromEntries(
        Object.entries(req.headers).filter(([k]) => !["host", "connection", "content-length"].includes(k)),
      ) as Record<string, string>,
      body: body.length ? body : undefined,
    });
  const reply = async (res: ServerResponse, answer: Response) => {
    res.writeHead(answer.status, Object.fromEntries(answer.headers));
    res.end(Buffer.from(await answer.arrayBuffer()));
  };

  beforeAll(async () => {
    sandbox = await startSandbox();
    proxy = createServer(async (req, res) => {
      const chunks: Buffer[] = [];
      for await (const c of req) chunks.push(c as Buffer);
      const body = Buffer.concat(chunks);
      const point = armed;
      if (!point || req.method !== point.method || !point.request.test(req.url ?? "")) {
        return reply(res, await forward(req, body));
      }
      armed = undefined;
      // The request is held (never answered) while the test kills the CLI.
      if (point.forward === "never") return point.reached();
      const answer = await forward(req, body);
      if (point.forward === "no-answer") return point.reached();
      await reply(res, answer);
      point.reached();
    });
    await new Promise<void>((r) => proxy.listen(0, "127.0.0.1", r));
    proxyUrl = `http://127.0.0.1:${(proxy.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    proxy?.closeAllConnections();
    await new Promise<void>((r) => proxy?.close(() => r()));
    await sandbox?.stop();
  });

  test.each(POINTS)("killed $name: destroy after recover and up puts back what the target held", async (point) => {
    const g = sandboxClients(sandbox.url).genesys();
    let target: genesys.models.ActionTarget | undefined;
    for await (const t of g.actionTargets()) if (t.name === "Support callbacks") target = t;
    const original = tunedOf(target!);
    const stack: TestStack = await resourceStack({ url: proxyUrl } as Sandbox);
    try {
      await declare(stack, [
        {
          type: "genesys.ActionTarget",
          name: "support",
          args: {
            targetName: "Support callbacks",
            serviceLevel: { percentage: 0.42, durationMs: 42_000 },
            shortAbandonThreshold: 42,
          },
        },
      ]);
      const reached = new Promise<void>((resolve) => (armed = { ...point, reached: resolve }));
      const run = stack.startUp();
      await Promise.race([reached, run.exited.then((c) => Promise.reject(new Error(`up ended (${c}) first`)))]);
      const endOrphans = run.kill();
      expect(await run.exited).toBe("SIGKILL");
      await new Promise((r) => setTimeout(r, 500));
      endOrphans();
      proxy.closeAllConnections();

      const recovered = await stack.cxflow("recover", ["--unlock"]);
      expect(recovered.output).not.toMatch(/warning/);
      await stack.up();
      const tuned = {
        name: "Support callbacks",
        serviceLevel: { percentage: 0.42, durationMs: 42_000 },
        shortAbandonThreshold: 42,
      };
      expect(tunedOf(await g.getActionTarget(target!.id!))).toEqual(tuned);
      expect((await stored(stack)).support.outputs.original).toEqual(original);
      await stack.preview({ expectNoChanges: true });

      await stack.destroy();
      expect(tunedOf(await g.getActionTarget(target!.id!))).toEqual(original);
    } finally {
      armed = undefined;
      await stack.dispose();
      // The next point starts from the seeded values whatever happened here.
      await g.patchActionTarget(target!.id!, original as genesys.models.PatchActionTarget);
    }
  });
});
