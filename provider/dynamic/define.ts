// One resource = one definition (schema, fields, CRUD on the typed clients); the generic parts of
// the provider protocol (configure, check, diff, the read/delete conventions) live here once.
import type * as pulumi from "@pulumi/pulumi";
import type { z } from "zod";
import { checkInputs } from "./check";
import { diffFields, type Fields } from "./fields";
import { useConfig } from "./runtime";

/** Plain inputs as the provider host hands them over (no `__provider`). */
export type Inputs = Record<string, any>;

/** Everything one resource type declares. */
export interface ResourceDefinition<I extends Inputs = Inputs, O extends Inputs = Inputs> {
  /** `vendor.Type`, e.g. `genesys.JourneySegment`: names the resource in messages. */
  kind: string;
  /** The inputs as users write them: strict (unknown properties are errors). */
  args: z.ZodType;
  fields: Fields;
  /** Adds what check() derives from the inputs (e.g. a flow file's hash); may throw to fail check. */
  prepare?(inputs: I): Promise<I> | I;
  create(inputs: I): Promise<{ id: string; outs: O }>;
  /** The object as the server holds it now, or `undefined` when it is gone. */
  read(id: string, olds: O): Promise<O | undefined>;
  /** Makes the server match `news`; `changed` lists the fields that differ from `olds`. */
  update(id: string, olds: O, news: I, changed: string[]): Promise<O>;
  /** Removes (or, for objects the API cannot delete, releases) the object; gone is success. */
  delete(id: string, olds: O): Promise<void>;
  /**
   * The id of the object a create of `inputs` made, found by its name, or `undefined`: how
   * `cxflow recover` settles creates a killed `pulumi up` left pending. Absent for kinds whose
   * create makes nothing (a takeover is simply done again by the next `up`).
   */
  locate?(inputs: I): Promise<string | undefined>;
}

/** The `__provider` key the host adds to inputs and outputs. */
const PROVIDER_KEY = "__provider";

function plain(v: Inputs): Inputs {
  const { [PROVIDER_KEY]: _, ...rest } = v ?? {};
  return rest;
}

/** Outputs as the host can send them: protobuf Structs take no `undefined` members. */
function wire<O extends Inputs>(o: O): O {
  return JSON.parse(JSON.stringify(o));
}

/** A complete dynamic provider for `def`. Resources whose name must be unique delete before replacing. */
export function providerOf<I extends Inputs, O extends Inputs>(
  def: ResourceDefinition<I, O>,
): Required<Omit<pulumi.dynamic.ResourceProvider<I, O>, "configure">> & pulumi.dynamic.ResourceProvider<I, O> {
  return {
    async configure(req) {
      // Keys with a namespace ("cxflow:…") are read as they are; secrets arrive decrypted here only.
      useConfig((key) => {
        const v = req.config.get(key);
        return typeof v === "string" ? v : undefined;
      });
    },
    async check(_olds, news) {
      let inputs = plain(news) as I;
      const secrets = Object.keys(def.fields).filter((k) => def.fields[k].secret);
      const failures = checkInputs(def.args, inputs, secrets);
      if (failures.length === 0 && def.prepare) {
        try {
          inputs = await def.prepare(inputs);
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
      const { id, outs } = await def.create(plain(inputs) as I);
      return { id, outs: wire(outs) };
    },
    async read(id, props) {
      const now = await def.read(id, plain(props as O) as O);
      // No id: the engine drops the resource from state and the next up creates it again.
      return now === undefined ? {} : { id, props: wire(now) };
    },
    async update(id, olds, news) {
      const o = plain(olds) as O;
      const n = plain(news) as I;
      const { changed } = diffFields(def.fields, o, n);
      return { outs: wire(await def.update(id, o, n, changed)) };
    },
    async delete(id, props) {
      await def.delete(id, plain(props) as O);
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
