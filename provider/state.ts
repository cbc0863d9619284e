// Every piece of process-wide state in the package, named in one place. A process is one program
// run: the Pulumi program, the dynamic-provider host the engine starts for it, or one `cxflow`
// command (an Automation API host may run several programs in one process). Nothing listed here
// is written to state or disk or outlives its process. No Pulumi import: the HTTP layer loads it.
//
// Held here (they carry provider configuration):
// - the provider host's stack config (`useConfig`/`providerConfig`), set by every configure();
// - the limiter registry (`processRegistry("limiters")`, provider/http/limiter.ts): one limiter
//   per vendor account, keyed `vendor:account`, holding the budget in force (see sharedLimiter);
// - the token caches (`processRegistry("tokens")`, provider/http/auth.ts): one per credential set,
//   keyed by vendor, token URL, ids and a digest of the secret; the token lives in the cache.
//
// Held by their modules (per process, caches or guards of one run, no configuration):
// - provider/http/send.ts `gotModule`: the ESM got module, imported once.
// - provider/dynamic/index.ts `providers`: one provider object per resource kind.
// - provider/dynamic/define.ts `claimed`, `claimsOf`: names and targets the run's checks claimed,
//   so two resources of one program cannot own the same object.
// - provider/genesys/journey-segment.ts `names`: the org's display name → id index, listed once
//   per run (dropped on failure); `reads`: the batcher coalescing refresh reads.
// - provider/genesys/action-target.ts `ids`: target name → id found once per run; `seen`: the
//   selectors the run's checks met; `warned`: the deprecation warning said once per run.
// - provider/ourvoice/flow.ts `creating`: flow names whose create is in flight.
// - provider/function.ts `failuresByRun`, `remembered`, `quietingLateHandling`: a data source's
//   settings or credential failure, said once per run (keyed by the run's stack resource, hashed
//   settings: no credential), and the one rejectionHandled listener that keeps it quiet.
// - sandbox/vendors/genesys-data.ts `cache`, sandbox/vendors/genesys-analytics.ts `formatters`:
//   the sandbox's synthetic analytics per seed and end, and time-zone formatters.
// Each is safe to share within its process because one process serves one stack's config (the
// provider host) or keys its entries by what differs between configs (accounts, credential
// digests, runs); the exception, two budgets for one account, follows sharedLimiter's rule.
import { type ConfigSource, noConfig } from "./config";

/** The stack config handed to the provider host's configure(); nothing until it is called. */
let configSource: ConfigSource = noConfig;

/** Called from configure(): later clients read `cxflow:*` keys from this stack config, then env vars. */
export function useConfig(config: ConfigSource): void {
  configSource = config;
}

/** The stack config of the last configure(), read by the provider host's clients on each use. */
export function providerConfig(): ConfigSource {
  return configSource;
}

/** A process-wide map on globalThis: one per process even when the package is loaded more than once. */
export function processRegistry<V>(name: "limiters" | "tokens"): Map<string, V> {
  const g = globalThis as unknown as Record<symbol, Map<string, V> | undefined>;
  const key = Symbol.for(`pulumi-cxflow.${name}`);
  g[key] ??= new Map();
  return g[key];
}
