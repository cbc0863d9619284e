// How messages name a place in an input and list zod's issues, shared by the provider and the sandbox.
import type { z } from "zod";

/** A dotted path with indexes, e.g. `journey.patterns[0].streamType` (empty for the root). */
export function formatPath(path: readonly PropertyKey[]): string {
  let out = "";
  for (const p of path) {
    if (typeof p === "number") out += `[${p}]`;
    else out += out ? `.${String(p)}` : String(p);
  }
  return out;
}

/** `path: message` per issue, joined with `; `; `root` names an issue of the whole value. */
export function issuesText(issues: readonly z.core.$ZodIssue[], root = "(root)"): string {
  return issues.map((i) => `${i.path.join(".") || root}: ${i.message}`).join("; ");
}

/** `VIP visitors (EU)` → `vip-visitors-eu`: a name as a file or resource name. */
export function slug(name: string): string {
  return name
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 60);
}

/** `base`, or `base-2`, `base-3`… the first not in `used`, which it joins. */
export function uniqueIn(used: Set<string>, base: string): string {
  let name = base;
  for (let n = 2; used.has(name); n++) name = `${base}-${n}`;
  used.add(name);
  return name;
}
