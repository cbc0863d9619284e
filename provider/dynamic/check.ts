// Input validation for check(): zod issues become Pulumi check failures that name the property
// and what is allowed, before any API call.
import type { z } from "zod";
import { UNKNOWN } from "./fields";

/** One problem with one input property, as the engine prints it. */
export interface CheckFailure {
  /** Dotted path with indexes, e.g. `journey.patterns[0].streamType`. */
  property: string;
  reason: string;
}

type Path = readonly PropertyKey[];

/** `journey.patterns[0].streamType` */
export function formatPath(path: Path): string {
  let out = "";
  for (const p of path) {
    if (typeof p === "number") out += `[${p}]`;
    else out += out ? `.${String(p)}` : String(p);
  }
  return out;
}

function valueAt(root: unknown, path: Path): unknown {
  let v: any = root;
  for (const p of path) {
    if (v === null || typeof v !== "object") return undefined;
    v = v[p as any];
  }
  return v;
}

/** The object schema at `path` (through optional, nullable, default and array wrappers), if any. */
function objectKeysAt(schema: z.ZodType, path: Path): string[] | undefined {
  let s: any = schema;
  const unwrap = () => {
    while (s?.def && ["optional", "nullable", "default", "prefault", "readonly", "pipe"].includes(s.def.type)) {
      s = s.def.type === "pipe" ? s.def.in : s.def.innerType;
    }
  };
  unwrap();
  for (const p of path) {
    if (s?.def?.type === "object") s = s.def.shape[p as string];
    else if (s?.def?.type === "array") s = s.def.element;
    else return undefined;
    unwrap();
  }
  return s?.def?.type === "object" ? Object.keys(s.def.shape) : undefined;
}

const show = (v: unknown) => (typeof v === "string" ? JSON.stringify(v) : (JSON.stringify(v) ?? String(v)));

/** One zod issue as a sentence about the value and what is allowed. */
function reason(issue: z.core.$ZodIssue & { input?: unknown }, quote: boolean): string {
  const got = issue.input === undefined || !quote ? "" : `; got ${show(issue.input)}`;
  switch (issue.code) {
    case "invalid_type": {
      const expected = issue.expected === "record" ? "object" : issue.expected;
      return issue.input === undefined ? `is required (${expected})` : `must be ${expected}${got}`;
    }
    case "invalid_value":
      return `must be one of ${issue.values.map((v) => show(v)).join(", ")}${got}`;
    case "too_small":
      return issue.origin === "string"
        ? `must be at least ${issue.minimum} characters long${got}`
        : issue.origin === "array"
          ? `must have at least ${issue.minimum} item(s)`
          : `must be ${issue.inclusive ? "at least" : "more than"} ${issue.minimum}${got}`;
    case "too_big":
      return issue.origin === "string"
        ? `must be at most ${issue.maximum} characters long (got ${String(issue.input ?? "").length})`
        : issue.origin === "array"
          ? `must have at most ${issue.maximum} item(s)`
          : `must be ${issue.inclusive ? "at most" : "less than"} ${issue.maximum}${got}`;
    case "invalid_format":
      return `${issue.message.replace(/^Invalid string: /, "")}${got}`;
    case "custom":
      return issue.message;
    default:
      return `${issue.message}${got}`;
  }
}

/**
 * Validates `inputs` with `schema` and returns one failure per problem. Values the engine does
 * not know yet (preview) are not judged; values under `secretKeys` are never quoted.
 */
export function checkInputs(
  schema: z.ZodType,
  inputs: Record<string, unknown>,
  secretKeys: readonly string[] = [],
): CheckFailure[] {
  const result = schema.safeParse(inputs, { reportInput: true });
  if (result.success) return [];
  const failures: CheckFailure[] = [];
  for (const issue of result.error.issues) {
    const path = issue.path as Path;
    if (valueAt(inputs, path) === UNKNOWN) continue;
    if (issue.code === "unrecognized_keys") {
      const allowed = objectKeysAt(schema, path);
      for (const key of issue.keys) {
        failures.push({
          property: formatPath([...path, key]),
          reason: `is not a known property${allowed ? `; allowed: ${allowed.join(", ")}` : ""}`,
        });
      }
      continue;
    }
    const quote = !secretKeys.includes(String(path[0]));
    failures.push({ property: formatPath(path) || "(inputs)", reason: reason(issue as any, quote) });
  }
  return failures;
}
