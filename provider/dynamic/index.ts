/**
 * The registry of resource kinds and the provider-host side of every cxflow resource, loaded by
 * name (`pulumi-cxflow/dynamic`) from the tiny serialized shells, so refresh and destroy always
 * run the installed code. Internal: not a public API.
 * @packageDocumentation
 */
import type * as pulumi from "@pulumi/pulumi";
import * as genesys from "../genesys";
import * as ourvoice from "../ourvoice";
import { VENDOR_NAMES } from "../vendors";
import * as zoom from "../zoom";
import { definitionsIn, providerOf, type ResourceDefinition } from "./define";

const namespaces: Record<(typeof VENDOR_NAMES)[number], object> = { genesys, zoom, ourvoice };

/**
 * Every resource kind, vendor by vendor: a kind is registered by exporting its class (which
 * carries its definition) from its vendor's namespace. Export, recover, the bench and the test
 * matrices iterate this list.
 */
export const RESOURCES: readonly ResourceDefinition<any, any>[] = VENDOR_NAMES.flatMap((v) =>
  definitionsIn(namespaces[v]),
);

const providers = new Map<string, pulumi.dynamic.ResourceProvider>();

/** The definition of one resource kind (e.g. `genesys.JourneySegment`), or `undefined`. */
export function definitionFor(kind: string): ResourceDefinition<any, any> | undefined {
  return RESOURCES.find((d) => d.kind === kind);
}

/** The provider of one resource kind (e.g. `genesys.JourneySegment`). */
export function providerFor(kind: string): pulumi.dynamic.ResourceProvider {
  let p = providers.get(kind);
  if (!p) {
    const def = definitionFor(kind);
    if (!def) {
      const known = RESOURCES.map((d) => d.kind).join(", ");
      throw new Error(
        `pulumi-cxflow has no resource kind "${kind}" (known: ${known}): install the version that created it`,
      );
    }
    p = providerOf(def);
    providers.set(kind, p);
  }
  return p;
}
