// Process-wide state of the provider host: the stack config handed to configure(), and clients
// built from it on demand.
import { clientsFrom } from "../clients";
import { type ConfigSource, noConfig } from "../config";

let source: ConfigSource = noConfig;

/** Called from configure(): later clients read `cxflow:*` keys from this stack config, then env vars. */
export function useConfig(config: ConfigSource): void {
  source = config;
}

export const { genesys, zoom, ourvoice } = clientsFrom((key) => source(key));
