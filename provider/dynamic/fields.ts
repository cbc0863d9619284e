// Field specs and the one diff engine every resource uses: each resource declares its fields once
// as data, and create, update, diff and refresh all read the same declaration.

/** The engine's marker for a value not known during preview (`pulumi.runtime.unknownValue`). */
export const UNKNOWN = "04da6b54-80e4-46f7-96ec-b56ff0331ba9";

/** True when `v` is, or contains, a value the engine does not know yet. */
export function containsUnknown(v: unknown): boolean {
  if (v === UNKNOWN) return true;
  if (Array.isArray(v)) return v.some(containsUnknown);
  if (v && typeof v === "object") return Object.values(v).some(containsUnknown);
  return false;
}

/** How one input field behaves; declared once per resource and read by {@link diffFields}. */
export interface FieldSpec {
  /** The API cannot change the field: a change replaces the object. A function decides per pair. */
  replaces?: boolean | ((before: any, after: any) => boolean);
  /**
   * The field refers to other resources: a wholly unknown value replaces. That is how the engine
   * asks whether a dependent must go first when a resource it refers to is deleted before its
   * replacement (an object still referred to cannot be deleted). A value with an unknown inside
   * it (a new reference at preview) is still an update.
   */
  unknownReplaces?: boolean;
  /** What the server holds when the field is not sent: an absent input compares equal to it. */
  default?: unknown;
  /** The server picks a value when the field is not sent: an absent input never diffs. */
  serverChosen?: boolean;
  /** Canonical form for comparing: sets sorted, nested server defaults filled, case folded. */
  canonical?: (v: any) => unknown;
  /** Decides "changed" from the old outputs and new inputs when one field's values are not enough. */
  differs?: (olds: Record<string, any>, news: Record<string, any>) => boolean;
  /** Read only when creating (e.g. `adopt`): never a change. */
  createOnly?: boolean;
  /** May hold a secret: check() never repeats its value in a message. */
  secret?: boolean;
}

/** Every input field of a resource, by name. */
export type Fields = Record<string, FieldSpec>;

/** What {@link diffFields} found. */
export interface FieldDiff {
  /** Fields whose desired value differs from what the server holds. */
  changed: string[];
  /** The subset of `changed` that forces a replacement. */
  replaces: string[];
}

/** Objects with sorted keys and no `undefined` members: two equal values print the same JSON. */
export function stable(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(stable);
  if (v && typeof v === "object") {
    const out: Record<string, unknown> = {};
    for (const k of Object.keys(v).sort()) {
      const x = (v as Record<string, unknown>)[k];
      if (x !== undefined) out[k] = stable(x);
    }
    return out;
  }
  return v;
}

/** Structural equality that ignores key order and `undefined` members. */
export function same(a: unknown, b: unknown): boolean {
  return JSON.stringify(stable(a)) === JSON.stringify(stable(b));
}

/** An order-insensitive collection: its items in canonical form, sorted. */
export function asSet<T>(items: readonly T[] | undefined, item: (x: T) => unknown = (x) => x): unknown[] {
  return (items ?? [])
    .map((x) => stable(item(x)))
    .sort((a, b) => (JSON.stringify(a) < JSON.stringify(b) ? -1 : JSON.stringify(a) > JSON.stringify(b) ? 1 : 0));
}

function canonical(spec: FieldSpec, v: unknown): unknown {
  const value = v === undefined || v === null ? spec.default : v;
  if (value === undefined || value === null) return undefined;
  return spec.canonical ? spec.canonical(value) : value;
}

/**
 * Compares a resource's stored outputs with its new inputs, field by field, as the specs say.
 * A field whose new value is unknown (preview) counts as changed.
 */
export function diffFields(fields: Fields, olds: Record<string, any>, news: Record<string, any>): FieldDiff {
  const changed: string[] = [];
  const replaces: string[] = [];
  for (const [key, spec] of Object.entries(fields)) {
    if (spec.createOnly) continue;
    const next = news[key];
    let differs: boolean;
    if (containsUnknown(next)) differs = true;
    else if (spec.differs) differs = spec.differs(olds, news);
    else if ((next === undefined || next === null) && spec.serverChosen) differs = false;
    else differs = !same(canonical(spec, olds[key]), canonical(spec, next));
    if (!differs) continue;
    changed.push(key);
    const r = spec.replaces;
    if (
      r === true ||
      (spec.unknownReplaces && next === UNKNOWN) ||
      (typeof r === "function" && !containsUnknown(next) && r(olds[key], next))
    )
      replaces.push(key);
  }
  return { changed, replaces };
}

/** Whether `v` means the same as leaving the field out (its default, or nothing). */
export function atDefault(spec: FieldSpec, v: unknown): boolean {
  return same(canonical(spec, v), canonical(spec, undefined));
}

/** Whether two values of one field mean the same on the server. */
export function sameValue(spec: FieldSpec, a: unknown, b: unknown): boolean {
  return same(canonical(spec, a), canonical(spec, b));
}

/** The value a field should have on the server: the input, or the field's default when absent. */
export function desired(spec: FieldSpec, v: unknown): unknown {
  return v === undefined || v === null ? spec.default : v;
}
