// A program whose resources come from stack config, so one test can walk a resource through
// create, update, replace and delete by changing config between `pulumi up` runs.
import * as pulumi from "@pulumi/pulumi";
import * as cxflow from "pulumi-cxflow";

/** One resource: `type` is `<vendor>.<Class>` as exported by the package, e.g. `genesys.JourneySegment`. */
interface Declared {
  type: string;
  name: string;
  args: Record<string, unknown>;
  /** Top-level args passed as Pulumi secrets. */
  secret?: string[];
}

/** `"ref:NAME"` anywhere in args stands for the id of the earlier resource NAME, so Pulumi orders them. */
function resolve(v: unknown, ids: Record<string, pulumi.Output<string>>): unknown {
  if (typeof v === "string" && v.startsWith("ref:")) {
    const id = ids[v.slice(4)];
    if (!id) throw new Error(`${v}: no earlier resource of that name`);
    return id;
  }
  if (Array.isArray(v)) return v.map((x) => resolve(x, ids));
  if (v && typeof v === "object") return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, resolve(x, ids)]));
  return v;
}

const declared: Declared[] = JSON.parse(new pulumi.Config().get("resources") ?? "[]");

export const ids: Record<string, pulumi.Output<string>> = {};
for (const d of declared) {
  const [vendor, kind] = d.type.split(".");
  const Class = (cxflow as any)[vendor]?.[kind];
  if (typeof Class !== "function") throw new Error(`no resource ${d.type} in pulumi-cxflow`);
  const args = resolve(d.args, ids) as Record<string, unknown>;
  for (const key of d.secret ?? []) args[key] = pulumi.secret(args[key]);
  ids[d.name] = (new Class(d.name, args) as pulumi.CustomResource).id;
}
