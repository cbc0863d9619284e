// Process-wide state of the provider host: the stack config handed to configure(), and clients
// built from it on demand (their token caches and limiters are shared per account anyway).
import { type ConfigSource, noConfig, resolveGenesys, resolveOurVoice, resolveZoom } from "../config";
import { type GenesysClient, genesysClient } from "../genesys/client";
import { type OurVoiceClient, ourvoiceClient } from "../ourvoice/client";
import { type ZoomClient, zoomClient } from "../zoom/client";

let source: ConfigSource = noConfig;

/** Called from configure(): later clients read `cxflow:*` keys from this stack config, then env vars. */
export function useConfig(config: ConfigSource): void {
  source = config;
}

/** A Genesys Cloud client for the configured org (or the sandbox). */
export const genesys = (): GenesysClient => genesysClient(resolveGenesys(source));
/** A Zoom Contact Center client for the configured account (or the sandbox). */
export const zoom = (): ZoomClient => zoomClient(resolveZoom(source));
/** An Our Voice client for the configured key (or the sandbox). */
export const ourvoice = (): OurVoiceClient => ourvoiceClient(resolveOurVoice(source));
