/**
 * The offline sandbox: Genesys Cloud, Zoom Contact Center and Our Voice on one loopback port.
 * `import { startSandbox } from "pulumi-cxflow/sandbox"`.
 * @packageDocumentation
 */
export { DEFAULT_CREDENTIALS, DEFAULT_RATE_LIMITS, parseFault, parseRateLimit } from "./options";
export { type Sandbox, type SandboxStats, startSandbox } from "./server";
export type { FaultKind, Faults, RateLimit, SandboxCredentials, SandboxOptions, VendorName } from "./types";
