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
