import { VENDOR_NAMES, VENDORS } from "../provider/vendors";
import type { FaultKind, RateLimit, ResolvedOptions, SandboxCredentials, SandboxOptions, VendorName } from "./types";

export const FAULT_KINDS: readonly FaultKind[] = [
  "error5xx",
  "reset",
  "latency",
  "latency-rate",
  "lost-create",
  "stale-read",
  "storm",
  "flow-lock",
];

/** Milliseconds a Genesys Architect job runs unless `architectJobMs` says otherwise. */
export const DEFAULT_ARCHITECT_JOB_MS = 400;

/** Credentials the sandbox accepts unless told otherwise (the client side's sandbox defaults too). */
export const DEFAULT_CREDENTIALS = perVendor((v) => ({ ...VENDORS[v].sandboxCredentials })) as SandboxCredentials;

/**
 * Default request budgets: Genesys 300/min per token (its documented default); Zoom 30/s (the
 * "Light" label of a Pro account); Our Voice 60/min (Laravel's default `throttle:api`, inferred).
 */
export const DEFAULT_RATE_LIMITS: Record<VendorName, RateLimit> = perVendor((v) => ({
  ...VENDORS[v].sandboxRateLimit,
}));

/** A record with one entry per vendor. */
function perVendor<T>(make: (v: VendorName) => T): Record<VendorName, T> {
  return Object.fromEntries(VENDOR_NAMES.map((v) => [v, make(v)])) as Record<VendorName, T>;
}

const DAY = 86_400_000;

/** The start of the UTC day holding `at` (default now), as an ISO instant: a sandbox's default analytics end. */
export function analyticsEndFor(at: Date | number = Date.now()): string {
  const ms = typeof at === "number" ? at : at.getTime();
  if (!Number.isFinite(ms)) throw new Error(`analyticsEndFor: not a date: ${String(at)}`);
  return new Date(Math.floor(ms / DAY) * DAY).toISOString();
}

const DAY_FORM = /^\d{4}-\d{2}-\d{2}$/;
const ISO_FORM = /^(\d{4}-\d{2}-\d{2})T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/;
/** Whether `YYYY-MM-DD` is a real calendar day (Date.parse rolls 2026-02-30 over to March). */
const realDay = (day: string) => new Date(Date.parse(`${day}T00:00:00Z`) || 0).toISOString().slice(0, 10) === day;

/**
 * The analytics end day as an ISO instant: a day `YYYY-MM-DD` (its start in UTC), or a Date or ISO
 * date-time that is the start of a UTC day. `what` names the option or flag in the error.
 */
export function parseAnalyticsEnd(value: unknown, what = "analyticsEnd"): string {
  const refuse = (): never => {
    const shown =
      value instanceof Date
        ? Number.isNaN(value.getTime())
          ? "an invalid Date"
          : `the Date ${value.toISOString()}`
        : typeof value === "string"
          ? JSON.stringify(value)
          : String(value);
    const forms = what.startsWith("--") ? "an ISO date-time" : "a Date or an ISO date-time";
    throw new Error(
      `${what} must be a day YYYY-MM-DD (e.g. 2026-11-01) or ${forms} at the start of a UTC day (2026-11-01T00:00:00Z); got ${shown}`,
    );
  };
  let ms: number;
  if (value instanceof Date) ms = value.getTime();
  else if (typeof value === "string" && DAY_FORM.test(value) && realDay(value)) ms = Date.parse(`${value}T00:00:00Z`);
  else if (typeof value === "string" && realDay(ISO_FORM.exec(value)?.[1] ?? "")) ms = Date.parse(value);
  else return refuse();
  if (!Number.isFinite(ms) || ms % DAY !== 0) return refuse();
  return new Date(ms).toISOString();
}

export function resolveOptions(o: SandboxOptions = {}): ResolvedOptions {
  return {
    port: o.port ?? 0,
    host: o.host ?? "127.0.0.1",
    data: o.data,
    seed: o.seed ?? 1,
    credentials: perVendor((v) => ({ ...DEFAULT_CREDENTIALS[v], ...o.credentials?.[v] })) as SandboxCredentials,
    tokenTtl: { ...perVendor((v) => VENDORS[v].sandboxTokenTtl), ...o.tokenTtl },
    rateLimits: { ...DEFAULT_RATE_LIMITS, ...o.rateLimits },
    faults: structuredClone(o.faults ?? {}),
    analyticsJobTtl: o.analyticsJobTtl ?? 3600,
    architectJobMs: o.architectJobMs ?? DEFAULT_ARCHITECT_JOB_MS,
    analyticsEnd: o.analyticsEnd === undefined ? analyticsEndFor() : parseAnalyticsEnd(o.analyticsEnd),
    requestLog: o.requestLog,
  };
}

function vendorOf(text: string, what: string): VendorName {
  if (!(VENDOR_NAMES as readonly string[]).includes(text)) {
    throw new Error(`${what}: unknown vendor "${text}" (allowed: ${VENDOR_NAMES.join(", ")})`);
  }
  return text as VendorName;
}

const PERIODS: Record<string, number> = { s: 1, sec: 1, second: 1, m: 60, min: 60, minute: 60, h: 3600, hour: 3600 };

/** Parses `VENDOR=N/PERIOD`, e.g. `genesys=300/min` or `zoom=10/1s`. */
export function parseRateLimit(text: string): [VendorName, RateLimit] {
  const m = /^(\w+)=(\d+)\/(\d*)\s*([a-z]+)$/.exec(text.trim());
  if (!m) throw new Error(`--rate-limit "${text}": expected VENDOR=N/PERIOD, e.g. genesys=300/min or zoom=10/1s`);
  const unit = PERIODS[m[4]];
  if (!unit) throw new Error(`--rate-limit "${text}": unknown period "${m[4]}" (allowed: s, m, h)`);
  return [vendorOf(m[1], "--rate-limit"), { limit: Number(m[2]), periodSeconds: (Number(m[3]) || 1) * unit }];
}

/** The fault kinds whose value is a rate between 0 and 1. */
const RATE_KINDS: readonly FaultKind[] = ["error5xx", "reset", "lost-create", "latency-rate", "flow-lock"];

/** Parses `VENDOR:KIND=VALUE`, e.g. `zoom:error5xx=0.1` or `genesys:latency=200`. */
export function parseFault(text: string): [VendorName, FaultKind, number] {
  const m = /^(\w+):([\w-]+)=([\d.]+)$/.exec(text.trim());
  if (!m) throw new Error(`--fault "${text}": expected VENDOR:KIND=VALUE, e.g. zoom:error5xx=0.1`);
  const kind = m[2] as FaultKind;
  if (!FAULT_KINDS.includes(kind))
    throw new Error(`--fault "${text}": unknown kind "${m[2]}" (allowed: ${FAULT_KINDS.join(", ")})`);
  const value = Number(m[3]);
  const isRate = RATE_KINDS.includes(kind);
  if (isRate && (value < 0 || value > 1)) throw new Error(`--fault "${text}": ${kind} is a rate between 0 and 1`);
  return [vendorOf(m[1], "--fault"), kind, value];
}

/** Parses `VENDOR=SECONDS`, the token lifetime of a vendor, e.g. `zoom=60`. */
export function parseTokenTtl(text: string): [VendorName, number] {
  const m = /^(\w+)=(\d+)$/.exec(text.trim());
  if (!m) throw new Error(`--token-ttl "${text}": expected VENDOR=SECONDS, e.g. zoom=60`);
  return [vendorOf(m[1], "--token-ttl"), Number(m[2])];
}
