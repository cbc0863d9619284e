// The three vendor clients from one config source: stack config first, then env vars.
import { type ConfigSource, type EnvSource, resolveGenesys, resolveOurVoice, resolveZoom } from "./config";
import { type GenesysClient, genesysClient } from "./genesys/client";
import { type OurVoiceClient, ourvoiceClient } from "./ourvoice/client";
import type { VendorName } from "./vendors";
import { type ZoomClient, zoomClient } from "./zoom/client";

/** Clients built on demand (cheap: token caches and limiters are shared per account in the process). */
export interface Clients {
  /** A Genesys Cloud client for the configured org (or the sandbox). */
  genesys(): GenesysClient;
  /** A Zoom Contact Center client for the configured account (or the sandbox). */
  zoom(): ZoomClient;
  /** An Our Voice client for the configured key (or the sandbox). */
  ourvoice(): OurVoiceClient;
}

/** Each vendor's client from its settings: a vendor in provider/vendors.ts without one does not compile. */
export function clientsFrom(source: ConfigSource, env: EnvSource = process.env): Clients {
  return {
    genesys: () => genesysClient(resolveGenesys(source, env)),
    zoom: () => zoomClient(resolveZoom(source, env)),
    ourvoice: () => ourvoiceClient(resolveOurVoice(source, env)),
  } satisfies Record<VendorName, () => unknown>;
}
