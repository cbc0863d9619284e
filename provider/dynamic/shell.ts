// The serialized part of every resource (docs/architecture.md). Pulumi stores this object's source
// in state and runs the stored copy on refresh and destroy, so it captures only the kind name and
// loads the installed package's implementation at run time.
import type * as pulumi from "@pulumi/pulumi";

/**
 * A provider whose only method is configure(): the host calls it once, before any other method
 * (@pulumi/pulumi ≥ 3.139), and it installs the installed package's methods for `kind` on itself.
 * One serialized function keeps `__provider` near 600 bytes.
 */
export function shell(kind: string): pulumi.dynamic.ResourceProvider {
  return {
    configure(req) {
      Object.assign(this, require("pulumi-cxflow/dynamic").providerFor(kind));
      return (this as pulumi.dynamic.ResourceProvider).configure!(req);
    },
  } as pulumi.dynamic.ResourceProvider;
}
