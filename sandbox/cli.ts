import { appendFileSync } from "node:fs";
import { parseArgs } from "node:util";
import { VENDOR_NAMES, VENDORS } from "../provider/vendors";
import { parseAnalyticsEnd, parseFault, parseRateLimit, parseTokenTtl } from "./options";
import { startSandbox } from "./server";
import type { Faults, RateLimit, SandboxOptions, VendorName } from "./types";

export const usage = `usage: cxflow sandbox [--port N] [--host 127.0.0.1] [--data FILE] [--seed N]
                      [--rate-limit VENDOR=N/PERIOD]... [--fault VENDOR:KIND=VALUE]...
                      [--genesys-client ID:SECRET] [--zoom-account ID] [--zoom-client ID:SECRET]
                      [--ourvoice-key KEY] [--token-ttl VENDOR=SECONDS]...
                      [--analytics-job-ttl SECONDS] [--analytics-end DAY] [--architect-job-ms MS]
                      [--log FILE]

  Serves until SIGINT/SIGTERM; prints its base URL as the first line on stdout.
  VENDOR: genesys, zoom, ourvoice. PERIOD: s, m, h (e.g. genesys=300/m, zoom=10/1s).
  KIND=VALUE: error5xx=RATE, reset=RATE, lost-create=RATE (0..1), latency=MS,
              latency-rate=RATE (the share of requests delayed; default all), stale-read=MS,
              storm=SECONDS (every request answered 429 for that long after start),
              flow-lock=RATE (genesys: a publish job finds its flow locked by another user).
  --analytics-end DAY  end (exclusive) of the synthetic analytics history, e.g. 2026-11-01;
              default: the start of today (UTC).
  --architect-job-ms MS  how long a Genesys publish or export job runs before it ends (default 400).
  --log FILE  appends a line per request (time, vendor, method, path with credential-like
              query values redacted, status, duration; never headers or bodies); - for stderr.`;

function integer(text: string | undefined, name: string): number | undefined {
  if (text === undefined) return undefined;
  const n = Number(text);
  if (!Number.isInteger(n) || n < 0) throw new Error(`--${name} must be a whole number, got "${text}"`);
  return n;
}

function pair(text: string | undefined, name: string): [string, string] | undefined {
  if (text === undefined) return undefined;
  const i = text.indexOf(":");
  if (i <= 0 || i === text.length - 1) throw new Error(`--${name} must be ID:SECRET`);
  return [text.slice(0, i), text.slice(i + 1)];
}

/** `--log FILE`: each line appended as soon as its request is done (nothing buffered); `-` is stderr. */
function requestLog(file: string | undefined): ((line: string) => void) | undefined {
  if (file === undefined) return undefined;
  if (file === "") throw new Error("--log must name a file (or - for stderr)");
  if (file === "-") return (line) => process.stderr.write(`${line}\n`);
  try {
    appendFileSync(file, ""); // an unwritable path fails at start, not at the first request
  } catch (e) {
    throw new Error(`--log ${file}: ${(e as Error).message}`);
  }
  return (line) => appendFileSync(file, `${line}\n`);
}

/** Turns command-line arguments into sandbox options; throws with a message naming the flag. */
export function parseSandboxArgs(argv: string[]): SandboxOptions {
  const { values } = parseArgs({
    args: argv,
    options: {
      port: { type: "string" },
      host: { type: "string" },
      data: { type: "string" },
      seed: { type: "string" },
      "rate-limit": { type: "string", multiple: true },
      fault: { type: "string", multiple: true },
      "genesys-client": { type: "string" },
      "zoom-account": { type: "string" },
      "zoom-client": { type: "string" },
      "ourvoice-key": { type: "string" },
      "analytics-job-ttl": { type: "string" },
      "analytics-end": { type: "string" },
      "architect-job-ms": { type: "string" },
      "token-ttl": { type: "string", multiple: true },
      log: { type: "string" },
    },
    strict: true,
  });
  const rateLimits: Partial<Record<VendorName, RateLimit>> = {};
  for (const r of values["rate-limit"] ?? []) {
    const [vendor, limit] = parseRateLimit(r);
    rateLimits[vendor] = limit;
  }
  const faults: Faults = {};
  for (const f of values.fault ?? []) {
    const [vendor, kind, value] = parseFault(f);
    (faults[vendor] ??= {})[kind] = value;
  }
  const tokenTtl: Partial<Record<VendorName, number>> = {};
  for (const t of values["token-ttl"] ?? []) {
    const [vendor, seconds] = parseTokenTtl(t);
    tokenTtl[vendor] = seconds;
  }
  const g = pair(values["genesys-client"], "genesys-client");
  const z = pair(values["zoom-client"], "zoom-client");
  return {
    port: integer(values.port, "port"),
    host: values.host,
    data: values.data,
    seed: integer(values.seed, "seed"),
    analyticsJobTtl: integer(values["analytics-job-ttl"], "analytics-job-ttl"),
    architectJobMs: integer(values["architect-job-ms"], "architect-job-ms"),
    ...(values["analytics-end"] !== undefined && {
      analyticsEnd: parseAnalyticsEnd(values["analytics-end"], "--analytics-end"),
    }),
    rateLimits,
    faults,
    tokenTtl,
    requestLog: requestLog(values.log),
    credentials: {
      ...(g && { genesys: { clientId: g[0], clientSecret: g[1] } }),
      zoom: {
        ...(values["zoom-account"] && { accountId: values["zoom-account"] }),
        ...(z && { clientId: z[0], clientSecret: z[1] }),
      },
      ...(values["ourvoice-key"] && { ourvoice: { apiKey: values["ourvoice-key"] } }),
    },
  };
}

/** `cxflow sandbox`: serve until a signal arrives. */
export async function main(argv: string[]): Promise<void> {
  const sandbox = await startSandbox(parseSandboxArgs(argv));
  const c = sandbox.options.credentials;
  process.stdout.write(`${sandbox.url}\n`);
  process.stdout.write(
    [
      ...VENDOR_NAMES.map((v) => {
        const p = VENDORS[v].sandboxPaths;
        const token = "token" in p ? `  (token: ${p.token})` : "";
        const creds = Object.entries(c[v]).map(([k, value]) => `${k} ${value}`);
        return `${v.padEnd(9)} ${sandbox.url}${p.api}${token}  ${creds.join(", ")}`;
      }),
      `admin     ${sandbox.url}/_sandbox/stats  data ${sandbox.options.data ?? "in memory"}, seed ${sandbox.options.seed}, analytics end ${sandbox.analyticsEnd.slice(0, 10)}`,
      "",
    ].join("\n"),
  );
  await new Promise<void>((resolve) => {
    const stop = () => resolve();
    process.once("SIGINT", stop);
    process.once("SIGTERM", stop);
  });
  await sandbox.stop();
}
