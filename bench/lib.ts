// What the bench measures with: wall clocks, the sandbox's request counters by vendor and by
// resource type, the peak memory of the engine's dynamic-provider process, a proxy that counts
// the status codes the sandbox answered, and CLI commands timed on their own.
import * as fs from "node:fs";
import * as http from "node:http";
import type { AddressInfo } from "node:net";
import * as path from "node:path";
import { RESOURCES } from "../provider/dynamic";
import { vendorOf } from "../provider/dynamic/define";
import { VENDOR_NAMES, type VendorName } from "../provider/vendors";
import type { Sandbox, SandboxStats } from "../sandbox";
import { descendants, type TestStack } from "../test/e2e/harness";

/** Seconds since `start` (a `process.hrtime.bigint()`). */
export const since = (start: bigint) => Number(process.hrtime.bigint() - start) / 1e9;

/** Runs `fn` and returns its value with the seconds it took. */
export async function timed<T>(fn: () => Promise<T>): Promise<{ value: T; seconds: number }> {
  const start = process.hrtime.bigint();
  const value = await fn();
  return { value, seconds: since(start) };
}

// ---------------------------------------------------------------------------------------------
// Request counters

type Counters = SandboxStats["vendors"];

/** Requests per vendor and `METHOD /route` made between two snapshots of the sandbox's counters. */
export class Requests {
  constructor(readonly routes: Record<string, Record<string, number>>) {}

  static between(before: Counters, after: Counters): Requests {
    const routes: Record<string, Record<string, number>> = {};
    for (const v of VENDOR_NAMES) {
      routes[v] = {};
      for (const [route, n] of Object.entries(after[v] ?? {})) {
        const d = n - (before[v]?.[route] ?? 0);
        if (d > 0) routes[v][route] = d;
      }
    }
    return new Requests(routes);
  }

  /** Requests to one vendor (token requests included). */
  vendor(v: VendorName): number {
    return Object.values(this.routes[v] ?? {}).reduce((a, b) => a + b, 0);
  }

  get total(): number {
    return VENDOR_NAMES.reduce((n, v) => n + this.vendor(v), 0);
  }

  /** Requests by what they served: a resource kind, or `tokens` (OAuth) and `other`. */
  byType(): Record<string, number> {
    const out: Record<string, number> = { ...zeroes(), tokens: 0, other: 0 };
    for (const v of VENDOR_NAMES)
      for (const [route, n] of Object.entries(this.routes[v] ?? {})) out[typeOf(v, route)] += n;
    return out;
  }

  /** Writes (POST, PUT, PATCH, DELETE) by resource kind; token requests are not writes. */
  writesByType(): Record<string, number> {
    const out = zeroes();
    for (const v of VENDOR_NAMES)
      for (const [route, n] of Object.entries(this.routes[v] ?? {})) {
        const type = typeOf(v, route);
        if (/^(POST|PUT|PATCH|DELETE) /.test(route) && type in out) out[type] += n;
      }
    return out;
  }
}

/** Every registered resource kind, in registry order: the bench's per-kind columns. */
export const RESOURCE_TYPES: readonly string[] = RESOURCES.map((d) => d.kind);

const zeroes = () => Object.fromEntries(RESOURCE_TYPES.map((k) => [k, 0])) as Record<string, number>;

/** Registered kinds, longest collection path first, so a route goes to its most specific kind. */
const BY_PATH = [...RESOURCES].sort((a, b) => b.path.length - a.path.length);

/**
 * The resource kind a sandbox route serves (routes are `METHOD /path` as the sandbox counts them):
 * the kind of the vendor whose collection path is the longest prefix of the route's path.
 */
function typeOf(vendor: VendorName, route: string): string {
  const routePath = route.slice(route.indexOf(" ") + 1);
  if (routePath.includes("/oauth/")) return "tokens";
  const owner = BY_PATH.find(
    (d) => vendorOf(d.kind) === vendor && (routePath === d.path || routePath.startsWith(`${d.path}/`)),
  );
  return owner?.kind ?? "other";
}

/** Runs `fn` and returns the requests `sandbox` counted meanwhile, with the seconds it took. */
export async function measured(
  sandbox: Sandbox,
  fn: () => Promise<unknown>,
): Promise<{ seconds: number; requests: Requests }> {
  const before = sandbox.stats().vendors;
  const { seconds } = await timed(fn);
  return { seconds, requests: Requests.between(before, sandbox.stats().vendors) };
}

// ---------------------------------------------------------------------------------------------
// Peak memory of the dynamic-provider process

/**
 * Samples, every `everyMs`, the peak resident set (`VmHWM` of /proc/<pid>/status) of this process's
 * descendants whose command line matches `pattern`: the engine's `pulumi-resource-pulumi-nodejs`
 * starts the dynamic provider as `node …/@pulumi/pulumi/cmd/dynamic-provider …`. VmHWM is the
 * kernel's own high-water mark, so sampling only has to catch the process before it exits.
 */
export class PeakMemory {
  private peaks = new Map<number, number>();
  private timer: NodeJS.Timeout | undefined;

  constructor(
    private readonly pattern = /cmd\/dynamic-provider\/index\.js/,
    private readonly everyMs = 100,
  ) {}

  start(): this {
    this.timer ??= setInterval(() => this.sample(), this.everyMs);
    return this;
  }

  /** Stops sampling; the highest VmHWM seen in MB (0 when no process matched). */
  stop(): number {
    clearInterval(this.timer);
    this.timer = undefined;
    this.sample();
    return this.mb;
  }

  get mb(): number {
    return Math.max(0, ...this.peaks.values()) / 1024;
  }

  /** How many matching processes were seen. */
  get processes(): number {
    return this.peaks.size;
  }

  private sample(): void {
    for (const pid of descendants(process.pid)) {
      try {
        const cmd = fs.readFileSync(`/proc/${pid}/cmdline`, "utf8").replaceAll("\0", " ");
        if (!this.pattern.test(cmd)) continue;
        const kb = Number(/VmHWM:\s+(\d+) kB/.exec(fs.readFileSync(`/proc/${pid}/status`, "utf8"))?.[1] ?? 0);
        this.peaks.set(pid, Math.max(kb, this.peaks.get(pid) ?? 0));
      } catch {
        // Exited meanwhile.
      }
    }
  }
}

/** Runs `fn` while sampling the dynamic provider's memory. */
export async function withPeakMemory<T>(fn: () => Promise<T>): Promise<{ value: T; mb: number }> {
  const sampler = new PeakMemory().start();
  try {
    const value = await fn();
    return { value, mb: sampler.stop() };
  } finally {
    sampler.stop();
  }
}

// ---------------------------------------------------------------------------------------------
// Status codes the sandbox answered

/** A pass-through HTTP proxy in front of a sandbox that counts the sandbox's answers. */
export interface CountingProxy {
  url: string;
  /** Answers by vendor (the first path segment) and status code. */
  statuses(): Record<string, Record<number, number>>;
  /** When the first request arrived and the last answer ended (ms since the epoch). */
  span(): { first: number; last: number } | undefined;
  /** Forgets what was counted. */
  clear(): void;
  close(): Promise<void>;
}

export async function countingProxy(target: string): Promise<CountingProxy> {
  const upstream = new URL(target);
  const agent = new http.Agent({ keepAlive: true });
  const statuses: Record<string, Record<number, number>> = {};
  let first: number | undefined;
  let last: number | undefined;
  const server = http.createServer((req, res) => {
    first ??= Date.now();
    const vendor = (req.url ?? "/").split("/")[1] || "(root)";
    const forward = http.request(
      { host: upstream.hostname, port: upstream.port, path: req.url, method: req.method, headers: req.headers, agent },
      (answer) => {
        const table = (statuses[vendor] ??= {});
        table[answer.statusCode ?? 0] = (table[answer.statusCode ?? 0] ?? 0) + 1;
        res.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(res);
        answer.on("end", () => {
          last = Date.now();
        });
      },
    );
    // The sandbox dropped the connection (a fault): drop the client's too.
    forward.on("error", () => res.destroy());
    req.pipe(forward);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    statuses: () => structuredClone(statuses),
    span: () => (first !== undefined && last !== undefined ? { first, last } : undefined),
    clear() {
      for (const k of Object.keys(statuses)) delete statuses[k];
      first = last = undefined;
    },
    async close() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      agent.destroy();
    },
  };
}

// ---------------------------------------------------------------------------------------------
// CLI commands, timed on their own

const configFile = (stack: TestStack) => path.join(stack.workDir, `Pulumi.${stack.stack}.yaml`);

/** `pulumi up` alone (TestStack.up also reads the outputs, which the timing must not include). */
export function up(stack: TestStack, extra: string[] = []) {
  return stack.run(["up", "--yes", "--skip-preview", "--config-file", configFile(stack), ...extra]);
}

/** `pulumi refresh` that fails if anything changed, with extra flags (e.g. `--parallel`). */
export function refresh(stack: TestStack, extra: string[] = []) {
  return stack.run([
    "refresh",
    "--yes",
    "--skip-preview",
    "--expect-no-changes",
    "--config-file",
    configFile(stack),
    ...extra,
  ]);
}

// ---------------------------------------------------------------------------------------------
// Output

/** Formats rows in columns: the first and a `notes` column left-aligned, the others right-aligned. */
export function table(head: string[], rows: (string | number)[][]): string {
  const cells = [head, ...rows.map((r) => r.map(String))];
  const widths = head.map((_, i) => Math.max(...cells.map((r) => (r[i] ?? "").length)));
  const left = (i: number) => i === 0 || head[i] === "notes";
  const line = (r: string[]) =>
    head
      .map((_, i) => (left(i) ? (r[i] ?? "").padEnd(widths[i]) : (r[i] ?? "").padStart(widths[i])))
      .join("  ")
      .trimEnd();
  return [line(head), line(widths.map((w) => "-".repeat(w))), ...cells.slice(1).map(line)].join("\n");
}
