/**
 * The provider-host side of every cxflow resource, loaded by name (`pulumi-cxflow/dynamic`) from
 * the tiny serialized shells, so refresh and destroy always run the installed code. Internal:
 * not a public API.
 * @packageDocumentation
 */
import type * as pulumi from "@pulumi/pulumi";
import { actionTarget } from "../genesys/action-target";
import { journeySegment } from "../genesys/journey-segment";
import { flow as ourvoiceFlow } from "../ourvoice/flow";
import { flow as zoomFlow } from "../zoom/flow";
import { providerOf, type ResourceDefinition } from "./define";

const definitions: ResourceDefinition<any, any>[] = [journeySegment, actionTarget, ourvoiceFlow, zoomFlow];

const providers = new Map<string, pulumi.dynamic.ResourceProvider>();

/** The definition of one resource kind (e.g. `genesys.JourneySegment`), or `undefined`. */
export function definitionFor(kind: string): ResourceDefinition<any, any> | undefined {
  return definitions.find((d) => d.kind === kind);
}

/** The provider of one resource kind (e.g. `genesys.JourneySegment`). */
export function providerFor(kind: string): pulumi.dynamic.ResourceProvider {
  let p = providers.get(kind);
  if (!p) {
    const def = definitionFor(kind);
    if (!def) {
      const known = definitions.map((d) => d.kind).join(", ");
      throw new Error(
        `pulumi-cxflow has no resource kind "${kind}" (known: ${known}): install the version that created it`,
      );
    }
    p = providerOf(def);
    providers.set(kind, p);
  }
  return p;
}
