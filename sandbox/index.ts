/**
 * The offline sandbox: Genesys Cloud, Zoom Contact Center and Our Voice on one loopback port.
 * `import { startSandbox } from "pulumi-cxflow/sandbox"`.
 * @packageDocumentation
 */
import { HISTORY_DAYS } from "./vendors/genesys-data";

export {
  analyticsEndFor,
  DEFAULT_CREDENTIALS,
  DEFAULT_RATE_LIMITS,
  parseFault,
  parseRateLimit,
} from "./options";
export { type Sandbox, type SandboxStats, startSandbox } from "./server";
export type {
  FaultKind,
  Faults,
  RateLimit,
  ResolvedOptions,
  SandboxCredentials,
  SandboxOptions,
  VendorName,
} from "./types";

/**
 * Days of synthetic Genesys analytics history a sandbox serves, ending (exclusive) at its
 * `analyticsEnd`: the start of the UTC day it started on ({@link analyticsEndFor}), or the day
 * given as `startSandbox({ analyticsEnd })` / `cxflow sandbox --analytics-end DAY`.
 */
export const ANALYTICS_DATA_DAYS: number = HISTORY_DAYS;
