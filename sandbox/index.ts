/**
 * The offline sandbox: Genesys Cloud, Zoom Contact Center and Our Voice on one loopback port.
 * `import { startSandbox } from "pulumi-cxflow/sandbox"`.
 * @packageDocumentation
 */
import { HISTORY_DAYS, REFERENCE_DATE } from "./vendors/genesys-data";

export { DEFAULT_CREDENTIALS, DEFAULT_RATE_LIMITS, parseFault, parseRateLimit } from "./options";
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
 * End (exclusive, ISO instant) of the sandbox's synthetic Genesys analytics data set: a fixed day,
 * so analytics over the sandbox are reproducible. Point a report's window at it.
 */
export const ANALYTICS_DATA_END: string = new Date(REFERENCE_DATE).toISOString();
/** Days of synthetic analytics history that end at {@link ANALYTICS_DATA_END}. */
export const ANALYTICS_DATA_DAYS: number = HISTORY_DAYS;
