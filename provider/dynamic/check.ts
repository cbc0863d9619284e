// Input validation for check(): zod issues become Pulumi check failures that name the property
// and what is allowed, before any API call.
import { z } from "zod";
import { formatPath } from "../text";
import { UNKNOWN } from "./fields";

/** A name or id: text with at least one character that is not a space (at most `max`). */
export function nonBlank(max?: number) {
  const text = z.string().refine((s) => s.trim().length > 0, "must not be empty or only spaces");
  return max === undefined ? text : text.max(max);
}

/** One problem with one input property, as the engine prints it. */
export interface CheckFailure {
  /**
   * Dotted path with indexes, e.g. `journey.patterns[0].streamType`; empty for a secret input,
   * whose path then opens `reason` (the engine would print the secret's value next to it).
   */
  property: string;
  reason: string;
}

type Path = readonly PropertyKey[];

/** Whether the value at `path`, or one it sits in, is not known yet. */
function unknownAt(root: unknown, path: Path): boolean {
  let v: any = root;
  for (const p of path) {
    if (v === UNKNOWN) return true;
    if (v === null || typeof v !== "object") return false;
    v = v[p as any];
  }
  return v === UNKNOWN;
}

/** Removes the wrappers that do not change a value's shape: optional, nullable, default, pipe… */
function unwrap(schema: any): any {
  let s = schema;
  while (s?.def && ["optional", "nullable", "default", "prefault", "readonly", "pipe"].includes(s.def.type)) {
    s = s.def.type === "pipe" ? s.def.in : s.def.innerType;
  }
  // A union with one object form (e.g. an interval: text or `{ from, to }`) has that object's keys.
  if (s?.def?.type === "union") {
    const objects = s.def.options.map(unwrap).filter((o: any) => o?.def?.type === "object");
    if (objects.length === 1) return objects[0];
  }
  return s;
}

/** The object schema at `path` (through optional, nullable, default, union and array wrappers), if any. */
function objectKeysAt(schema: z.ZodType, path: Path): string[] | undefined {
  let s: any = unwrap(schema);
  for (const p of path) {
    if (s?.def?.type === "object") s = s.def.shape[p as string];
    else if (s?.def?.type === "array") s = s.def.element;
    else return undefined;
    s = unwrap(s);
  }
  return s?.def?.type === "object" ? Object.keys(s.def.shape) : undefined;
}

/** Longest quoted value; a longer one is cut, and its length said. */
const MAX_QUOTE = 80;

function show(v: unknown): string {
  const text = typeof v === "string" ? JSON.stringify(v) : (JSON.stringify(v) ?? String(v));
  if (text.length <= MAX_QUOTE) return text;
  const size = typeof v === "string" ? `${v.length} characters` : `${text.length} characters of JSON`;
  return `${text.slice(0, MAX_QUOTE - 20)}… (${size})`;
}

const plural = (n: number | bigint, word: string) => `${n} ${word}${Number(n) === 1 ? "" : "s"}`;

/** zod's type names as words. */
const TYPE_WORDS: Record<string, string> = { int: "a whole number", record: "object", nan: "a number" };

/** Formats whose zod message says only "Invalid …", with what is allowed instead. */
const FORMATS: Record<string, string> = {
  uuid: "must be a UUID such as 3fa85f64-5717-4562-b3fc-2c963f66afa6",
  guid: "must be a UUID such as 3fa85f64-5717-4562-b3fc-2c963f66afa6",
  email: "must be an email address",
  url: "must be a URL",
  datetime: "must be an ISO-8601 date-time such as 2026-10-01T00:00:00Z",
  date: "must be a date YYYY-MM-DD",
};

/** One zod issue as a sentence about the value and what is allowed. */
function reason(issue: z.core.$ZodIssue & { input?: unknown }, quote: boolean): string {
  const got = issue.input === undefined || !quote ? "" : `; got ${show(issue.input)}`;
  switch (issue.code) {
    case "invalid_type": {
      const expected = TYPE_WORDS[issue.expected] ?? issue.expected;
      return issue.input === undefined ? `is required (${expected})` : `must be ${expected}${got}`;
    }
    case "invalid_value": {
      const allowed = issue.values.map((v) => show(v)).join(", ");
      return issue.input === undefined ? `is required (one of ${allowed})` : `must be one of ${allowed}${got}`;
    }
    case "too_small":
      return issue.origin === "string"
        ? `must be at least ${plural(issue.minimum, "character")} long${got}`
        : issue.origin === "array"
          ? `must have at least ${issue.minimum} item(s)`
          : `must be ${issue.inclusive ? "at least" : "more than"} ${issue.minimum}${got}`;
    case "too_big":
      return issue.origin === "string"
        ? `must be at most ${plural(issue.maximum, "character")} long (got ${String(issue.input ?? "").length})`
        : issue.origin === "array"
          ? `must have at most ${issue.maximum} item(s)`
          : `must be ${issue.inclusive ? "at most" : "less than"} ${issue.maximum}${got}`;
    case "invalid_format": {
      const own = !/^Invalid /.test(issue.message) || issue.message.startsWith("Invalid string: ");
      const text = own ? issue.message.replace(/^Invalid string: /, "") : (FORMATS[issue.format] ?? issue.message);
      return `${text}${got}`;
    }
    case "not_multiple_of":
      return `must be a multiple of ${issue.divisor}${got}`;
    case "custom":
      return issue.message;
    case "invalid_union": {
      const forms = issue.message === "Invalid input" ? "must be one of the allowed forms" : issue.message;
      return issue.input === undefined ? `is required, and ${forms}` : `${forms}${got}`;
    }
    default:
      return `${issue.message}${got}`;
  }
}

/** Whether a union option failed only because the value is not of its type at all. */
const wrongType = (issues: readonly z.core.$ZodIssue[]) =>
  issues.length > 0 && issues.every((i) => i.code === "invalid_type" && i.path.length === 0);

/**
 * The issues a failed union stands for: those of its one option the value has the type of (an
 * object given to "text or `{ from, to }`" is judged as that object), else the union itself.
 */
function expand(issue: z.core.$ZodIssue): z.core.$ZodIssue[] {
  if (issue.code !== "invalid_union") return [issue];
  const near = issue.errors.filter((e) => !wrongType(e));
  if (near.length !== 1) return [issue];
  return near[0].flatMap((i) => expand({ ...i, path: [...issue.path, ...i.path] } as z.core.$ZodIssue));
}

/**
 * Validates `inputs` with `schema` and returns one failure per problem. Values the engine does
 * not know yet (preview) are not judged; values under `secretKeys` are never quoted, and their
 * failures name the path in the reason, not as the property.
 */
export function checkInputs(
  schema: z.ZodType,
  inputs: Record<string, unknown>,
  secretKeys: readonly string[] = [],
): CheckFailure[] {
  const result = schema.safeParse(inputs, { reportInput: true });
  if (result.success) return [];
  const failures: CheckFailure[] = [];
  for (const issue of result.error.issues.flatMap(expand)) {
    const path = issue.path as Path;
    if (unknownAt(inputs, path)) continue;
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
    const secret = secretKeys.includes(String(path[0]));
    const why = reason(issue as any, !secret);
    // The engine prints the value of a failing property, in plaintext even when it is a secret:
    // a secret's failure names no property, its path opens the reason instead.
    failures.push(
      secret
        ? { property: "", reason: `${formatPath(path)} ${why}` }
        : { property: formatPath(path) || "(inputs)", reason: why },
    );
  }
  return failures;
}
