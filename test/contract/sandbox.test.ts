// The sandbox as a product: admin endpoints, counters, faults, storage and the command line.
import { spawn } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { analyticsEndFor, parseFault, parseRateLimit, type Sandbox, startSandbox } from "../../sandbox";
import { parseSandboxArgs } from "../../sandbox/cli";
import { faults, genesysToken, useSandbox, withSandbox } from "./helpers";

/** A response body as JSON, typed loosely for assertions. */
const body = async (r: Response | Promise<Response>): Promise<any> => (await r).json();
const KEY = { authorization: "Bearer sandbox-key", "content-type": "application/json" };
const flows = (s: Sandbox, init: RequestInit = {}) => fetch(`${s.url}/ourvoice/v1/flows`, { headers: KEY, ...init });
const create = (s: Sandbox, name: string) =>
  flows(s, { method: "POST", body: JSON.stringify({ name, type: "voice" }) });

describe("the sandbox", () => {
  const s = useSandbox();
  beforeEach(() => s.reset());

  test("binds to loopback on a free port by default", () => {
    expect(s.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
  });

  test("counts requests by vendor, method and route", async () => {
    await flows(s);
    await flows(s);
    await create(s, "x");
    const stats = await body(fetch(`${s.url}/_sandbox/stats`));
    expect(stats.vendors.ourvoice).toEqual({ "GET /flows": 2, "POST /flows": 1 });
    expect(s.stats().vendors.ourvoice?.["GET /flows"]).toBe(2);
  });

  test("reset restores the seeded data and zeroes the counters", async () => {
    await create(s, "extra");
    await fetch(`${s.url}/_sandbox/reset`, { method: "POST" });
    const page = await body(flows(s));
    expect(page.meta.total).toBe(6);
    expect(s.stats().vendors.ourvoice).toEqual({ "GET /flows": 1 });
  });

  test("error5xx fault answers with the vendor's server error", async () => {
    await faults(s, { ourvoice: { error5xx: 1 } });
    const r = await flows(s);
    expect(r.status).toBe(500);
    expect(await body(r)).toEqual({ message: "Server Error" });
  });

  test("reset fault drops the connection", async () => {
    await faults(s, { ourvoice: { reset: 1 } });
    await expect(flows(s)).rejects.toThrow();
  });

  test("latency fault delays every answer", async () => {
    await faults(s, { ourvoice: { latency: 300 } });
    const t = Date.now();
    expect((await flows(s)).status).toBe(200);
    expect(Date.now() - t).toBeGreaterThanOrEqual(290);
  });

  test("lost-create commits the object but the client never hears back", async () => {
    await faults(s, { ourvoice: { "lost-create": 1 } });
    await expect(create(s, "Ghost")).rejects.toThrow();
    await faults(s, {});
    const page = await body(fetch(`${s.url}/ourvoice/v1/flows?filter[name]=Ghost`, { headers: KEY }));
    expect(page.data.map((f: any) => f.name)).toEqual(["Ghost"]);
  });

  test("stale-read shows the value from before a recent write, then the new one", async () => {
    const flow = (await body(create(s, "Before"))).data;
    await faults(s, { ourvoice: { "stale-read": 400 } });
    const url = `${s.url}/ourvoice/v1/flows/${flow.id}`;
    await fetch(url, { method: "PATCH", headers: KEY, body: JSON.stringify({ name: "After" }) });
    expect((await body(fetch(url, { headers: KEY }))).data.name).toBe("Before");
    await new Promise((r) => setTimeout(r, 450));
    expect((await body(fetch(url, { headers: KEY }))).data.name).toBe("After");
  });

  test("an unknown vendor path is a 404 that names the vendors", async () => {
    const r = await fetch(`${s.url}/nope`);
    expect(r.status).toBe(404);
    expect((await body(r)).message).toMatch(/genesys.*zoom.*ourvoice/);
  });
});

describe("sandbox storage", () => {
  test("a restart on the same data file keeps every object", async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "cxflow-data-"));
    const data = path.join(dir, "sandbox.db");
    try {
      const first = await startSandbox({ data });
      const flow = (await body(create(first, "Kept"))).data;
      await first.stop();
      const second = await startSandbox({ data });
      const r = await fetch(`${second.url}/ourvoice/v1/flows/${flow.id}`, { headers: KEY });
      expect((await body(r)).data).toEqual(flow);
      expect((await body(flows(second))).meta.total).toBe(7);
      await second.stop();
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  test("concurrent creates all land, each once", async () => {
    await withSandbox({ rateLimits: { ourvoice: { limit: 1000, periodSeconds: 60 } } }, async (s) => {
      const names = Array.from({ length: 50 }, (_, i) => `c${i}`);
      const answers = await Promise.all(names.map((n) => create(s, n)));
      expect(answers.every((a) => a.status === 201)).toBe(true);
      const page = await body(fetch(`${s.url}/ourvoice/v1/flows?limit=100`, { headers: KEY }));
      expect(page.meta.total).toBe(56);
      expect(new Set(page.data.map((f: any) => f.id)).size).toBe(56);
    });
  });
});

describe("cxflow sandbox", () => {
  test("prints its URL first, serves, and stops on SIGTERM", async () => {
    // The command's module from source, so no build is needed; the e2e suites run the built bin.
    const cli = path.join(__dirname, "..", "..", "sandbox", "cli.ts");
    const main = `require(${JSON.stringify(cli)}).main(process.argv.slice(1))`;
    const flags = ["--port", "0", "--seed", "7", "--analytics-end", "2026-11-01"];
    const args = ["-r", "ts-node/register/transpile-only", "-e", main, "--", ...flags];
    const child = spawn(process.execPath, args, {
      stdio: ["ignore", "pipe", "pipe"],
    });
    const first = await new Promise<string>((resolve, reject) => {
      let out = "";
      child.stdout.on("data", (d) => {
        out += d;
        if (out.includes("\n")) resolve(out.split("\n")[0]);
      });
      child.on("exit", (code) => reject(new Error(`exited ${code}`)));
    });
    expect(first).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(await body(fetch(`${first}/_sandbox/health`))).toEqual({
      ok: true,
      analyticsEnd: "2026-11-01T00:00:00.000Z",
      analyticsDays: 120,
    });
    const exited = new Promise((resolve) => child.on("exit", resolve));
    child.kill("SIGTERM");
    expect(await exited).toBe(0);
  });

  test("bad flags are refused with the allowed values", () => {
    expect(() => parseSandboxArgs(["--fault", "zoom:explode=1"])).toThrow(
      /allowed: error5xx, reset, latency, latency-rate, lost-create, stale-read, storm/,
    );
    expect(() => parseSandboxArgs(["--fault", "acme:latency=1"])).toThrow(/allowed: genesys, zoom, ourvoice/);
    expect(() => parseSandboxArgs(["--fault", "zoom:reset=2"])).toThrow(/between 0 and 1/);
    expect(() => parseSandboxArgs(["--port", "x"])).toThrow(/--port must be a whole number/);
    expect(() => parseSandboxArgs(["--rate-limit", "genesys=5/fortnight"])).toThrow(/allowed: s, m, h/);
    expect(() => parseSandboxArgs(["--analytics-end", "yesterday"])).toThrow(
      '--analytics-end must be a day YYYY-MM-DD (e.g. 2026-11-01) or an ISO date-time at the start of a UTC day (2026-11-01T00:00:00Z); got "yesterday"',
    );
    expect(() => parseSandboxArgs(["--analytics-end", "2026-11-01T09:00:00Z"])).toThrow(/^--analytics-end must be/);
  });

  test("flags become options", () => {
    expect(parseRateLimit("genesys=300/min")).toEqual(["genesys", { limit: 300, periodSeconds: 60 }]);
    expect(parseRateLimit("zoom=10/2s")).toEqual(["zoom", { limit: 10, periodSeconds: 2 }]);
    expect(parseFault("ourvoice:stale-read=250")).toEqual(["ourvoice", "stale-read", 250]);
    const o = parseSandboxArgs(["--seed", "3", "--ourvoice-key", "k", "--genesys-client", "a:b"]);
    expect(o.seed).toBe(3);
    expect(o.credentials?.ourvoice?.apiKey).toBe("k");
    expect(o.credentials?.genesys).toEqual({ clientId: "a", clientSecret: "b" });
    expect(parseSandboxArgs(["--token-ttl", "zoom=60", "--token-ttl", "genesys=5"]).tokenTtl).toEqual({
      zoom: 60,
      genesys: 5,
    });
    expect(() => parseSandboxArgs(["--token-ttl", "zoom=soon"])).toThrow(/VENDOR=SECONDS/);
    expect(parseSandboxArgs(["--analytics-end", "2026-11-01"]).analyticsEnd).toBe("2026-11-01T00:00:00.000Z");
    expect(parseSandboxArgs([])).not.toHaveProperty("analyticsEnd");
  });
});

describe("sandbox analytics end", () => {
  const DAY = 86_400_000;
  const iso = (ms: number) => new Date(ms).toISOString();
  /** Daily flow counts per flow name over `[from, to)`, as the sandbox answers them. */
  const daily = async (s: Sandbox, from: number, to: number) => {
    const r = await fetch(`${s.url}/genesys/api/v2/analytics/flows/aggregates/query`, {
      method: "POST",
      headers: { authorization: `Bearer ${await genesysToken(s.url)}`, "content-type": "application/json" },
      body: JSON.stringify({
        interval: `${iso(from)}/${iso(to)}`,
        granularity: "P1D",
        groupBy: ["flowName"],
        metrics: ["nFlow", "tFlow"],
      }),
    });
    expect(r.status).toBe(200);
    return ((await r.json()) as any).results ?? [];
  };
  /** The same results, every bucket moved `ms` later. */
  const shifted = (results: any[], ms: number) =>
    results.map((c) => ({
      ...c,
      data: c.data.map((d: any) => ({
        ...d,
        interval: d.interval
          .split("/")
          .map((t: string) => iso(Date.parse(t) + ms))
          .join("/"),
      })),
    }));

  test("is the start of the current UTC day by default, and the last 14 days have data", async () => {
    const before = Math.floor(Date.now() / DAY) * DAY;
    await withSandbox({}, async (s) => {
      const after = Math.floor(Date.now() / DAY) * DAY;
      expect([iso(before), iso(after)]).toContain(s.analyticsEnd);
      expect(s.options.analyticsEnd).toBe(s.analyticsEnd);
      expect(analyticsEndFor(Date.parse(s.analyticsEnd) + DAY - 1)).toBe(s.analyticsEnd);
      expect((await body(fetch(`${s.url}/_sandbox/health`))).analyticsEnd).toBe(s.analyticsEnd);
      const now = Date.now();
      const results = await daily(s, now - 14 * DAY, now);
      const days = new Set(results.flatMap((c: any) => c.data.map((d: any) => d.interval)));
      expect(days.size).toBeGreaterThanOrEqual(10);
    });
  });

  test("the same seed and end give the same figures; another end shifts them by as many days", async () => {
    const end = Date.UTC(2026, 10, 1);
    const figures = async (analyticsEnd: string | Date, shift = 0) => {
      let out: any[] = [];
      await withSandbox({ seed: 3, analyticsEnd }, async (s) => {
        out = await daily(s, end - 30 * DAY + shift, end + shift);
      });
      return out;
    };
    const first = await figures("2026-11-01");
    expect(first.length).toBeGreaterThan(0);
    expect(await figures(new Date(end))).toEqual(first);
    expect(await figures("2026-11-01T00:00:00Z")).toEqual(first);
    expect(await figures("2026-11-04", 3 * DAY)).toEqual(shifted(first, 3 * DAY));
    // Another end, the same window: other figures.
    expect(await figures("2026-11-04")).not.toEqual(first);
  });

  test("a restart on the same data file serves the history that ends at the new start's end day", async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "cxflow-data-"));
    const data = path.join(dir, "sandbox.db");
    const end = Date.UTC(2026, 10, 1);
    try {
      let before: any[] = [];
      await withSandbox({ data, analyticsEnd: "2026-11-01" }, async (s) => {
        before = await daily(s, end - 7 * DAY, end);
      });
      await withSandbox({ data, analyticsEnd: "2026-11-02" }, async (s) => {
        expect(s.analyticsEnd).toBe("2026-11-02T00:00:00.000Z");
        expect(await daily(s, end - 6 * DAY, end + DAY)).toEqual(shifted(before, DAY));
      });
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  test("a value that is not the start of a UTC day is refused, naming analyticsEnd and the accepted forms", async () => {
    const refused = (analyticsEnd: unknown) => startSandbox({ analyticsEnd: analyticsEnd as string });
    const forms =
      "analyticsEnd must be a day YYYY-MM-DD (e.g. 2026-11-01) or a Date or an ISO date-time at the start of a UTC day (2026-11-01T00:00:00Z)";
    await expect(refused("last week")).rejects.toThrow(`${forms}; got "last week"`);
    await expect(refused("2026-02-30")).rejects.toThrow(`${forms}; got "2026-02-30"`);
    await expect(refused("2026-11-01T09:30:00Z")).rejects.toThrow(forms);
    await expect(refused("2026-11-01T00:00:00")).rejects.toThrow(forms);
    await expect(refused(new Date("2026-11-01T00:00:00+02:00"))).rejects.toThrow(
      `${forms}; got the Date 2026-10-31T22:00:00.000Z`,
    );
    await expect(refused(new Date("nope"))).rejects.toThrow(`${forms}; got an invalid Date`);
    await expect(refused(20261101)).rejects.toThrow(`${forms}; got 20261101`);
  });
});

describe("sandbox tokens", () => {
  test("a revoked token is refused while a new one works", async () => {
    await withSandbox({}, async (s) => {
      const login = () => genesysToken(s.url);
      const segments = (token: string) =>
        fetch(`${s.url}/genesys/api/v2/journey/segments`, { headers: { authorization: `Bearer ${token}` } });
      const token = await login();
      expect((await segments(token)).status).toBe(200);
      const revoked = await body(
        fetch(`${s.url}/_sandbox/revoke`, { method: "POST", body: JSON.stringify({ vendor: "genesys", token }) }),
      );
      expect(revoked).toEqual({ revoked: 1 });
      expect((await segments(token)).status).toBe(401);
      expect((await segments(await login())).status).toBe(200);
    });
  });
});
