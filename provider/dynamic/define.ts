// One resource = one definition (schema, fields, CRUD on the typed clients); the generic parts of
// the provider protocol (configure, check, diff, the read/delete conventions) live here once.
import type * as pulumi from "@pulumi/pulumi";
import type { z } from "zod";
import { isNotFound } from "../http/errors";
import { useConfig } from "../state";
import { checkInputs } from "./check";
import type { ExportSpec } from "./export-spec";
import { atDefault, containsUnknown, diffFields, type Fields, same } from "./fields";

/** Plain inputs as the provider host hands them over (no `__provider`). */
export type Inputs = Record<string, any>;

/** An object found by its name: its id, and whatever else the kind's `adopt()` wants of it. */
export interface Found {
  id: string;
}

/**
 * The input that names an object uniquely at its vendor, and how to find objects by it. From it
 * come the name claim at preview (two resources, one name), the create lifecycle (a name in use
 * is refused unless `adopt`, which takes the one object over), `cxflow recover`'s lookup and the
 * message of an update whose object was deleted outside Pulumi.
 */
export interface Named<F extends Found = Found> {
  /** What one object is called in messages, e.g. `journey segment`. */
  what: string;
  /** The input holding the name, e.g. `displayName`. */
  property: string;
  /** Every object named exactly `name`. Create asks it once per resource, so it should be cheap. */
  find(name: string): Promise<F[]>;
  /**
   * Set when the vendor itself refuses a create whose name is in use: create then does not look
   * first (one request less), and the kind's `create()` reports the refusal with {@link nameInUse}.
   */
  vendorRefuses?: boolean;
}

/** Everything one resource type declares. */
export interface ResourceDefinition<I extends Inputs = Inputs, O extends Inputs = Inputs, F extends Found = Found> {
  /** `vendor.Type`, e.g. `genesys.JourneySegment`: names the resource in messages. */
  kind: string;
  /**
   * The collection's path below the vendor's API base, e.g. `/journey/segments`: the bench
   * attributes requests to kinds by it.
   */
  path: string;
  /** How `cxflow export` declares this kind's objects; absent: the kind is not exported. */
  export?: ExportSpec;
  /** The inputs as users write them: strict (unknown properties are errors). */
  args: z.ZodType;
  fields: Fields;
  /**
   * Adds what check() derives from the inputs (e.g. a flow file's hash); may throw to fail check.
   * `olds` are the inputs in state (`{}` for a create).
   */
  prepare?(inputs: I, olds: Partial<I>): Promise<I> | I;
  /**
   * What this resource claims at its vendor (e.g. its unique name): a second resource of the same
   * kind in one program claiming the same thing fails its check, naming both. Values not known
   * yet (preview) claim nothing.
   */
  claims?(inputs: I): Promise<Claim[]> | Claim[];
  /**
   * Adjusts the inputs that refreshed outputs imply (see {@link impliedInputs}) where a field's
   * input is not simply its output, e.g. a flag the server's state contradicts.
   */
  inputsOf?(outs: O, inputs: Inputs): Inputs;
  /** Cached reads of this kind (see batch.ts): every create, update and delete drops them. */
  reads?: { invalidate(): void };
  /** Said by `cxflow recover` about a found object whose pending inputs miss something. */
  recoveryWarning?(inputs: I): string | undefined;
  /**
   * Makes a new object. With `named`, it runs only once no object holds the name (or, with
   * `vendorRefuses`, the vendor is left to refuse it), and never twice at once for one name.
   */
  create(inputs: I): Promise<{ id: string; outs: O }>;
  /**
   * Takes over `found`, the one object holding the declared name, for a create with
   * `adopt: true`: writes only what differs, so an equal object gets no write. Needs `named`.
   */
  adopt?(found: F, inputs: I): Promise<O>;
  /** The object as the server holds it now, or `undefined` when it is gone. */
  read(id: string, olds: O): Promise<O | undefined>;
  /** Makes the server match `news`; `changed` lists the fields that differ from `olds`. */
  update(id: string, olds: O, news: I, changed: string[]): Promise<O>;
  /** Removes (or, for objects the API cannot delete, releases) the object; gone is success. */
  delete(id: string, olds: O): Promise<void>;
  /** The input that names an object uniquely, when one does (see {@link Named}). */
  named?: Named<F>;
  /** Whether an error means the object is gone (default: a `not_found` CxflowError). */
  gone?(e: unknown): boolean;
  /**
   * The id of the object a create of `inputs` made or took over, or `undefined`: how
   * `cxflow recover` settles creates a killed `pulumi up` left pending. Kinds with `named` find
   * it by name without saying so.
   */
  locate?(inputs: I): Promise<string | undefined>;
}

/**
 * The key under which a resource class carries its definition. Exporting the class from its
 * vendor's namespace is what registers the kind (see provider/dynamic/index.ts).
 */
export const DEFINITION: unique symbol = Symbol.for("pulumi-cxflow.definition");

/** The definitions carried by the classes a module exports, in export order. */
export function definitionsIn(module: object): ResourceDefinition<any, any>[] {
  return Object.values(module)
    .map((v) =>
      typeof v === "function" ? (v as { [DEFINITION]?: ResourceDefinition<any, any> })[DEFINITION] : undefined,
    )
    .filter((d): d is ResourceDefinition<any, any> => d !== undefined);
}

/** The vendor of a kind: `genesys.JourneySegment` → `genesys`. */
export const vendorOf = (kind: string) => kind.slice(0, kind.indexOf("."));

/** One thing a resource claims; `reason` says the conflict given the other resource's name. */
export interface Claim {
  key: string;
  property: string;
  reason: (other: string) => string;
}

/** The `__provider` key the host adds to inputs and outputs. */
const PROVIDER_KEY = "__provider";
/** The resource's name, passed by the class to check() only (check leaves it out of the inputs). */
export const NAME_KEY = "__cxflowName";
/** Output: the input properties the program set, so refresh can tell set from left out. */
export const DECLARED_KEY = "__declared";

function plain(v: Inputs): Inputs {
  const { [PROVIDER_KEY]: _p, [NAME_KEY]: _n, [DECLARED_KEY]: _d, ...rest } = v ?? {};
  return rest;
}

/** Outputs with the names of the inputs that produced them. */
function withDeclared<O extends Inputs>(outs: O, inputs: Inputs): O {
  return { ...outs, [DECLARED_KEY]: Object.keys(inputs).sort() };
}

/**
 * The inputs that outputs imply: what a program would declare to make the server hold them. A
 * field the program set takes the server's value; one it left out appears only when the server
 * holds something other than the field's default. Refresh hands these to the engine, so a
 * preview after drift names each drifted field.
 */
export function impliedInputs(def: ResourceDefinition<any, any>, outs: Inputs): Inputs {
  const declared: string[] | undefined = Array.isArray(outs[DECLARED_KEY]) ? outs[DECLARED_KEY] : undefined;
  const inputs: Inputs = {};
  for (const [key, spec] of Object.entries(def.fields)) {
    const v = outs[key];
    if (v === undefined || v === null) continue;
    // State written before outputs listed their inputs: every field the server holds.
    const set = declared ? declared.includes(key) : !spec.serverChosen;
    if (set || (spec.default !== undefined && !atDefault(spec, v))) inputs[key] = v;
  }
  return def.inputsOf ? def.inputsOf(outs, inputs) : inputs;
}

/** The claim of a name that must be unique among a kind's objects. */
export function uniqueName(what: string, property: string, name: string): Claim {
  return {
    key: `name:${name}`,
    property,
    reason: (other) =>
      `${what} ${property} "${name}" is also declared by resource "${other}": names are unique (they are how cxflow finds an object again); choose another`,
  };
}

/** How `cxflow recover` finds the object a pending create of `def` made, if it can. */
export function locator(
  def: ResourceDefinition<any, any>,
): ((inputs: Inputs) => Promise<string | undefined>) | undefined {
  if (def.locate) return (i) => def.locate!(i);
  const named = def.named;
  if (!named) return undefined;
  return async (i) => {
    const name = String(i[named.property]);
    const found = await named.find(name);
    if (found.length > 1) throw new Error(`${found.length} ${named.what}s are named "${name}" (${idsOf(found)})`);
    return found[0]?.id;
  };
}

const idsOf = (found: Found[]) => found.map((f) => f.id).join(", ");

/** The message for a create whose name is in use: what to do about it. */
export function nameInUse(named: Pick<Named, "what" | "property">, name: string, ids?: string): string {
  const a = /^[aeiou]/i.test(named.what) ? "an" : "a";
  return `${a} ${named.what} named "${name}" already exists${ids ? ` (${ids})` : ""}: set adopt: true to manage it, or choose another ${named.property}`;
}

/** Names whose create or takeover is in flight in this provider process, by kind. */
const creating = new Set<string>();

/** The create lifecycle of a named kind: refuse a name in use unless adopting, adopt one, or create. */
async function createOrAdopt<I extends Inputs, O extends Inputs, F extends Found>(
  def: ResourceDefinition<I, O, F>,
  i: I,
): Promise<{ id: string; outs: O }> {
  const named = def.named;
  if (!named) return def.create(i);
  const name = String(i[named.property]);
  const key = `${def.kind}\0${name}`;
  // Names unknown at preview escape the claim check; two such creates must not race each other.
  if (creating.has(key)) {
    throw new Error(
      `another ${named.what} named "${name}" is being created in this stack: choose another ${named.property}`,
    );
  }
  creating.add(key);
  try {
    const adopting = i.adopt === true && def.adopt !== undefined;
    if (adopting || !named.vendorRefuses) {
      const found = await named.find(name);
      if (found.length > 0 && !adopting) throw new Error(nameInUse(named, name, idsOf(found)));
      if (found.length > 1) {
        throw new Error(
          `${found.length} ${named.what}s are named "${name}" (${idsOf(found)}): adopt needs exactly one`,
        );
      }
      if (found.length === 1) return { id: found[0].id, outs: await def.adopt!(found[0], i) };
    }
    return await def.create(i);
  } finally {
    creating.delete(key);
  }
}

/** Everything `inputs` claim: the unique name, then what the kind claims itself. */
async function claimsOf(def: ResourceDefinition<any, any>, inputs: Inputs): Promise<Claim[]> {
  const named = def.named;
  const name = named ? inputs[named.property] : undefined;
  const own =
    named && typeof name === "string" && !containsUnknown(name) ? [uniqueName(named.what, named.property, name)] : [];
  return [...own, ...(def.claims ? await def.claims(inputs) : [])];
}

/** Claims made by checks in this provider process, i.e. in this program run: key → resource name. */
const claimed = new Map<string, string>();
const claimsBy = new Map<string, string[]>();

/** Registers `name`'s claims; the failures of those another resource made first. */
function claim(kind: string, name: string, claims: Claim[]): { property: string; reason: string }[] {
  const mine = `${kind}\0${name}`;
  for (const key of claimsBy.get(mine) ?? []) if (claimed.get(key) === name) claimed.delete(key);
  const keys: string[] = [];
  const failures: { property: string; reason: string }[] = [];
  for (const c of claims) {
    const key = `${kind}\0${c.key}`;
    const other = claimed.get(key);
    if (other !== undefined && other !== name) failures.push({ property: c.property, reason: c.reason(other) });
    else {
      claimed.set(key, name);
      keys.push(key);
    }
  }
  claimsBy.set(mine, keys);
  return failures;
}

/** Outputs as the host can send them: protobuf Structs take no `undefined` members. */
function wire<O extends Inputs>(o: O): O {
  return JSON.parse(JSON.stringify(o));
}

/** Runs a write; cached reads of the kind stop trusting anything listed before it or during it. */
async function writing<T>(def: ResourceDefinition<any, any>, run: () => Promise<T>): Promise<T> {
  def.reads?.invalidate();
  try {
    return await run();
  } finally {
    def.reads?.invalidate();
  }
}

/** Whether `e` says the object is gone, by the kind's rule. */
const goneBy = (def: ResourceDefinition<any, any>) => (e: unknown) => (def.gone ? def.gone(e) : isNotFound(e));

/** A complete dynamic provider for `def`. Resources whose name must be unique delete before replacing. */
export function providerOf<I extends Inputs, O extends Inputs, F extends Found>(
  def: ResourceDefinition<I, O, F>,
): Required<Omit<pulumi.dynamic.ResourceProvider<I, O>, "configure">> & pulumi.dynamic.ResourceProvider<I, O> {
  const gone = goneBy(def);
  return {
    async configure(req) {
      // Keys with a namespace ("cxflow:…") are read as they are; secrets arrive decrypted here only.
      useConfig((key) => {
        const v = req.config.get(key);
        return typeof v === "string" ? v : undefined;
      });
    },
    async check(olds, news) {
      let inputs = plain(news) as I;
      const name = typeof news?.[NAME_KEY] === "string" ? (news[NAME_KEY] as string) : undefined;
      const secrets = Object.keys(def.fields).filter((k) => def.fields[k].secret);
      const failures = checkInputs(def.args, inputs, secrets);
      if (failures.length === 0) {
        try {
          if (def.prepare) inputs = await def.prepare(inputs, plain(olds) as Partial<I>);
          if (name !== undefined) failures.push(...claim(def.kind, name, await claimsOf(def, inputs)));
        } catch (e) {
          const property = (e as { property?: string }).property ?? "(inputs)";
          failures.push({ property, reason: e instanceof Error ? e.message : String(e) });
        }
      }
      // The engine prints a failing property's value from the top-level inputs, so a nested path
      // would show `value {<nil>}`: nested failures name their path in the reason instead.
      return {
        inputs,
        failures: failures.map((f) =>
          /[.[]/.test(f.property) ? { property: "", reason: `${f.property} ${f.reason}` } : f,
        ),
      };
    },
    async diff(_id, olds, news) {
      const { changed, replaces } = diffFields(def.fields, plain(olds), plain(news));
      return { changes: changed.length > 0, replaces, deleteBeforeReplace: true };
    },
    async create(inputs) {
      const i = plain(inputs) as I;
      const { id, outs } = await writing(def, () => createOrAdopt(def, i));
      return { id, outs: wire(withDeclared(outs, i)) };
    },
    async read(id, props) {
      const olds = props as O;
      let now: O | undefined;
      try {
        now = await def.read(id, plain(olds) as O);
      } catch (e) {
        if (!gone(e)) throw e;
      }
      // No id: the engine drops the resource from state and the next up creates it again.
      if (now === undefined) return {};
      const outs = wire(olds?.[DECLARED_KEY] ? { ...now, [DECLARED_KEY]: olds[DECLARED_KEY] } : now);
      // Unchanged at the vendor: the program's own inputs stay as the engine holds them.
      const before = impliedInputs(def, olds ?? {});
      const after = impliedInputs(def, outs);
      return same(before, after) ? { id, props: outs } : { id, props: outs, inputs: wire(after) as O };
    },
    async update(id, olds, news) {
      const o = plain(olds) as O;
      const n = plain(news) as I;
      const { changed } = diffFields(def.fields, o, n);
      try {
        return { outs: wire(withDeclared(await writing(def, () => def.update(id, o, n, changed)), n)) };
      } catch (e) {
        if (!gone(e)) throw e;
        const named = def.named;
        const what = named ? `${named.what} ${id} (${o[named.property] ?? n[named.property]})` : `${def.kind} ${id}`;
        throw new Error(
          `${what} was deleted outside Pulumi: run \`pulumi refresh\`, then \`pulumi up\` creates it again`,
        );
      }
    },
    async delete(id, props) {
      try {
        await writing(def, () => def.delete(id, plain(props) as O));
      } catch (e) {
        // Gone already is what a delete wants.
        if (!gone(e)) throw e;
      }
    },
  };
}

/**
 * The error to throw when the object was created but a later step (publish, tune) failed: the
 * engine records the object in state with these outputs, so nothing is lost track of.
 */
export function partiallyCreated(id: string, outs: Inputs, cause: unknown): Error {
  const reason = cause instanceof Error ? cause.message : String(cause);
  return Object.assign(new Error(`created ${id}, but then: ${reason}`), {
    id,
    properties: wire(outs),
    reasons: [reason],
  });
}
