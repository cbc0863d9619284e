// Architect flow files: reading one (a path or inline YAML), filling its `{{ placeholders }}`,
// the checks that need no Archy (YAML syntax, the flow type key, a name) and the content hash.
import { createHash } from "node:crypto";
import * as fs from "node:fs";
import * as path from "node:path";
import { isMap, LineCounter, parseDocument } from "yaml";
import { FLOW_TYPE_KEYS, type FlowTypeKey } from "./architect-models";

/** `{{ name }}`, spaces optional; names are letters, digits, `_`, `.` and `-`. */
const PLACEHOLDER = /\{\{\s*([A-Za-z_][\w.-]*)\s*\}\}/g;

/** Stands for a substitution whose value is not known yet (preview). */
export const PENDING = "\u0000cxflow-pending\u0000";

/** An error check() reports on one input property. */
export const inputError = (property: string, reason: string) => Object.assign(new Error(reason), { property });

/** The YAML text of `flowFile` (a path from the program directory) or of `content`. */
export function readFlowText(i: { flowFile?: string; content?: string }): { text: string; where: string } {
  if (i.content !== undefined) return { text: i.content, where: "content" };
  const where = path.resolve(i.flowFile!);
  try {
    return { text: fs.readFileSync(where, "utf8"), where };
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw inputError(
      "flowFile",
      code === "ENOENT" ? `no flow file at ${where}` : `cannot read the flow file ${where}: ${(e as Error).message}`,
    );
  }
}

/** A comment line is left as it is: it may well mention `{{ placeholders }}`. */
const COMMENT = /^\s*#/;

/** The placeholders `text` uses outside comment lines, in order of first use. */
export function placeholders(text: string): string[] {
  const live = text.split("\n").filter((line) => !COMMENT.test(line));
  return [...new Set(live.flatMap((line) => [...line.matchAll(PLACEHOLDER)].map((m) => m[1])))];
}

/**
 * Fills every placeholder outside comment lines from `values` (a value not known yet becomes {@link PENDING}); a
 * placeholder without a value is an error naming it and the values given.
 */
export function substitute(text: string, values: Record<string, string | undefined>, property: string): string {
  const missing = placeholders(text).filter((p) => !(p in values));
  if (missing.length > 0) {
    const given = Object.keys(values);
    throw inputError(
      "substitutions",
      `the ${property} uses ${missing.map((m) => `{{ ${m} }}`).join(", ")} but substitutions ${given.length ? `only has ${given.join(", ")}` : "is empty"}`,
    );
  }
  return text
    .split("\n")
    .map((line) =>
      COMMENT.test(line) ? line : line.replace(PLACEHOLDER, (_, name: string) => values[name] ?? PENDING),
    )
    .join("\n");
}

/** The same content whatever its line endings and trailing blank lines: what the hash is taken of. */
export const normalized = (text: string) => `${text.replace(/\r\n?/g, "\n").trimEnd()}\n`;

/** sha256 (hex) of the normalized content. */
export const contentHash = (text: string) => createHash("sha256").update(normalized(text)).digest("hex");

/** What an Architect file says about the flow it holds. */
export interface FlowHeader {
  /** The top-level key, e.g. `inboundCall`. */
  typeKey: FlowTypeKey;
  /** The API's flow type, e.g. `INBOUNDCALL`. */
  type: string;
  name: string;
  description?: string;
}

/**
 * Checks what can be checked without Archy: YAML syntax, one top-level key naming a flow type,
 * and a name. Every problem is reported at once, with its line.
 */
export function flowHeader(text: string, where: string, property: string): FlowHeader {
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines, prettyErrors: false });
  const problems = doc.errors.map((e) => {
    const at = lines.linePos(e.pos[0]);
    return `line ${at.line}, column ${at.col}: ${e.message.split("\n")[0]}`;
  });
  if (problems.length === 0) {
    const root = isMap(doc.contents)
      ? (doc.contents as unknown as { items: { key: { value?: unknown; range?: number[] } }[] })
      : undefined;
    const keys = (root?.items ?? []).map((p) => p.key?.value);
    const known = keys.filter((k): k is FlowTypeKey => typeof k === "string" && Object.hasOwn(FLOW_TYPE_KEYS, k));
    if (!root || keys.length !== 1 || known.length !== 1) {
      const has = root
        ? keys.length
          ? `; it has ${keys.map(String).join(", ")}`
          : "; it is empty"
        : "; it is not a mapping";
      problems.push(
        `line 1: the file must hold one flow: a single top-level key that is a flow type (${Object.keys(FLOW_TYPE_KEYS).join(", ")})${has}`,
      );
    } else {
      const flow = doc.get(known[0]) as { get?: (k: string) => unknown } | undefined;
      const name = flow?.get?.("name");
      const description = flow?.get?.("description");
      if (typeof name !== "string" || name.trim() === "") {
        const line = lines.linePos(root.items[0].key.range?.[0] ?? 0).line;
        problems.push(`line ${line}: ${known[0]} needs a name (a non-empty string)`);
      } else {
        return {
          typeKey: known[0],
          type: FLOW_TYPE_KEYS[known[0]],
          name,
          ...(typeof description === "string" && description !== "" ? { description } : {}),
        };
      }
    }
  }
  throw inputError(property, `${where} is not an Architect flow file:\n  ${problems.join("\n  ")}`);
}
