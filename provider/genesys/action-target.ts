// The Genesys Cloud action target resource: `pulumi-nodejs:dynamic/cxflow/genesys:ActionTarget`.
// Targets are made by the platform; the API can only read and patch them, so this resource takes
// one over, tunes it, and gives back what it found when it is destroyed.
import * as pulumi from "@pulumi/pulumi";
import { z } from "zod";
import { nonBlank } from "../dynamic/check";
import { DEFINITION, NAME_KEY, type ResourceDefinition } from "../dynamic/define";
import { containsUnknown, diffFields, type Fields } from "../dynamic/fields";
import { genesys } from "../dynamic/runtime";
import { shell } from "../dynamic/shell";
import { isNotFound } from "../http/errors";
import { MAX_PAGE_SIZE } from "./endpoints";
import { type PatchActionTarget, ServiceLevel, type ActionTarget as Target } from "./models";

/** Inputs of an {@link ActionTarget}: which target (exactly one of `targetId`, `targetName`) and what to tune. */
export interface ActionTargetArgs {
  /** Id of the target to take over. Changing it releases this target and takes over the other. */
  targetId?: pulumi.Input<string>;
  /** Exact name of the target to take over (must match exactly one target). */
  targetName?: pulumi.Input<string>;
  /** New name of the target; absent leaves the name as found. */
  name?: pulumi.Input<string>;
  /** Service level goal: `percentage` (0–1) of offers answered within `durationMs`; absent leaves it. */
  serviceLevel?: pulumi.Input<{ percentage: pulumi.Input<number>; durationMs: pulumi.Input<number> }>;
  /** Short-abandon threshold (unit not documented by Genesys); absent leaves it. */
  shortAbandonThreshold?: pulumi.Input<number>;
  /** On destroy, put back the name, service level and threshold found at takeover (default true). */
  restoreOnDelete?: pulumi.Input<boolean>;
  /**
   * What destroy puts back. Leave it out and cxflow records what the target holds when this
   * resource first takes it over, before changing anything (so a killed run cannot lose it). Set
   * it when those values are not known, e.g. the target was tuned before cxflow managed it.
   */
  original?: pulumi.Input<{
    name?: pulumi.Input<string>;
    serviceLevel?: pulumi.Input<{ percentage: pulumi.Input<number>; durationMs: pulumi.Input<number> }>;
    shortAbandonThreshold?: pulumi.Input<number>;
  }>;
}

/** The strict schema of {@link ActionTargetArgs} that check() applies. */
export const ActionTargetInputs = z
  .strictObject({
    targetId: nonBlank().optional(),
    targetName: nonBlank().optional(),
    name: nonBlank().optional(),
    serviceLevel: z.strictObject(ServiceLevel.shape).optional(),
    shortAbandonThreshold: z.number().int().min(0).optional(),
    restoreOnDelete: z.boolean().optional(),
    original: z
      .strictObject({
        name: nonBlank().optional(),
        serviceLevel: z.strictObject(ServiceLevel.shape).optional(),
        shortAbandonThreshold: z.number().int().min(0).optional(),
      })
      .optional(),
  })
  .superRefine(
    (v, ctx) => {
      if ((v.targetId === undefined) === (v.targetName === undefined)) {
        ctx.addIssue({
          code: "custom",
          path: [v.targetId === undefined ? "targetId" : "targetName"],
          message: "set exactly one of targetId and targetName",
        });
      }
    },
    // Said together with any other problem, not only once the rest is right.
    { when: (payload) => typeof payload.value === "object" && payload.value !== null },
  );
type In = z.infer<typeof ActionTargetInputs>;

/** The three fields this resource manages, as found at takeover. */
interface Tuned {
  name?: string;
  serviceLevel?: { percentage: number; durationMs: number };
  shortAbandonThreshold?: number;
}

interface Out extends Tuned {
  /** As given (the resource id is the target's id, however it was found). */
  targetId?: string;
  targetName?: string;
  description?: string;
  state?: string;
  supportedMediaTypes?: string[];
  userData?: { key: string; value: string }[];
  selfUri?: string;
  createdDate?: string;
  modifiedDate?: string;
  /** What the target held when this resource took it over. */
  original: Tuned;
  restoreOnDelete?: boolean;
}

/** Every input field and how it diffs: unset tuning fields are left as the target has them. */
export const fields: Fields = {
  targetId: { replaces: true },
  targetName: { replaces: true },
  name: { serverChosen: true },
  serviceLevel: { serverChosen: true },
  shortAbandonThreshold: { serverChosen: true },
  restoreOnDelete: { default: true },
  // Recorded by check() before the takeover; absent (state from before it was) keeps the stored one.
  original: { serverChosen: true },
};

const TUNED = ["name", "serviceLevel", "shortAbandonThreshold"] as const;

function tuned(t: Tuned): Tuned {
  return { name: t.name, serviceLevel: t.serviceLevel, shortAbandonThreshold: t.shortAbandonThreshold };
}

function toOutputs(t: Target, local: Pick<Out, "targetId" | "targetName" | "original" | "restoreOnDelete">): Out {
  return {
    targetId: local.targetId,
    targetName: local.targetName,
    ...tuned(t),
    description: t.description,
    state: t.state,
    supportedMediaTypes: t.supportedMediaTypes,
    userData: t.userData,
    selfUri: t.selfUri,
    createdDate: t.createdDate,
    modifiedDate: t.modifiedDate,
    original: local.original,
    restoreOnDelete: local.restoreOnDelete,
  };
}

/** An error check() reports on the property that chose the target. */
const notThere = (property: string, reason: string) => Object.assign(new Error(reason), { property });

/** The target named by `targetId` or `targetName`; errors say what exists instead. */
async function find(i: In): Promise<Target> {
  const g = genesys();
  if (i.targetId !== undefined) {
    try {
      return await g.getActionTarget(i.targetId);
    } catch (e) {
      if (isNotFound(e)) throw notThere("targetId", `no Genesys action target has id ${i.targetId} (targetId)`);
      throw e;
    }
  }
  const all: Target[] = [];
  for await (const t of g.actionTargets({ pageSize: MAX_PAGE_SIZE })) all.push(t);
  const named = all.filter((t) => t.name === i.targetName);
  if (named.length === 1) return named[0];
  if (named.length > 1) {
    throw notThere(
      "targetName",
      `${named.length} action targets are named "${i.targetName}" (${named.map((t) => t.id).join(", ")}): use targetId`,
    );
  }
  const names = all.map((t) => JSON.stringify(t.name)).slice(0, 20);
  throw notThere(
    "targetName",
    `no Genesys action target is named "${i.targetName}" (targetName); existing: ${names.join(", ")}`,
  );
}

/** The target, also once this resource has renamed it (found by targetName, then by name). */
async function findTaken(i: In): Promise<Target> {
  try {
    return await find(i);
  } catch (e) {
    if (i.targetId !== undefined || i.name === undefined || i.name === i.targetName) throw e;
    return find({ ...i, targetName: i.name });
  }
}

/** The target's id, found once per program run (an id never moves to another target). */
const ids = new Map<string, Promise<string>>();

function idOf(i: In): Promise<string> {
  if (i.targetId !== undefined) return Promise.resolve(i.targetId);
  const key = `${i.targetName}\0${i.name ?? ""}`;
  let id = ids.get(key);
  if (!id) {
    id = findTaken(i).then((t) => t.id!);
    id.catch(() => ids.delete(key));
    ids.set(key, id);
  }
  return id;
}

/** The selectors this program run's checks have seen: names need a request to compare with ids. */
const seen = { ids: new Set<string>(), names: new Map<string, In>() };

const sameSelector = (a: Partial<In>, b: In) => a.targetId === b.targetId && a.targetName === b.targetName;

/** PATCHes the tuned fields of `target` that differ from `want`; last write wins (no version). */
async function tune(target: Target, want: Tuned): Promise<Target> {
  const { changed } = diffFields(fields, tuned(target), want);
  const body: PatchActionTarget = {};
  for (const key of changed) {
    if (key === "name") body.name = want.name;
    if (key === "serviceLevel") body.serviceLevel = want.serviceLevel;
    if (key === "shortAbandonThreshold") body.shortAbandonThreshold = want.shortAbandonThreshold;
  }
  return Object.keys(body).length === 0 ? target : genesys().patchActionTarget(target.id!, body);
}

const definition: ResourceDefinition<In, Out> = {
  kind: "genesys.ActionTarget",
  path: "/journey/actiontargets",
  args: ActionTargetInputs,
  fields,
  export: {
    suffix: "Target",
    plural: "action targets",
    async read({ clients, keep }) {
      const out = [];
      for await (const t of clients.genesys().actionTargets({ pageSize: MAX_PAGE_SIZE })) {
        if (t.state === "deleted" || !t.id || !keep(t.name ?? "")) continue;
        const args = { targetId: t.id, serviceLevel: t.serviceLevel, shortAbandonThreshold: t.shortAbandonThreshold };
        out.push({ id: t.id, name: t.name ?? t.id, args });
      }
      return out;
    },
  },
  async prepare(i, olds) {
    // Recorded in the inputs, which the engine saves as the pending create before create() runs:
    // a run killed during the takeover leaves them where `cxflow recover` finds them.
    if (i.original !== undefined || containsUnknown([i.targetId, i.targetName])) return i;
    if (Object.keys(olds).length > 0 && sameSelector(olds, i))
      return olds.original === undefined ? i : { ...i, original: olds.original };
    return { ...i, original: tuned(await find(i)) };
  },
  async claims(i) {
    if (containsUnknown([i.targetId, i.targetName])) return [];
    const property = i.targetId !== undefined ? "targetId" : "targetName";
    const claim = (key: string, id: string) => ({
      key,
      property,
      reason: (other: string) =>
        `action target ${id}${i.targetName ? ` ("${i.targetName}")` : ""} is already taken over by resource "${other}": two resources would undo each other's tuning; declare it once`,
    });
    // Names are resolved to ids only when the program also takes targets over by id, so a
    // program that names its targets costs no request here.
    if (i.targetId !== undefined) {
      seen.ids.add(i.targetId);
      const named = [...seen.names.values()];
      const ids = await Promise.all(named.map((n) => idOf(n).catch(() => undefined)));
      return [
        claim(`id:${i.targetId}`, i.targetId),
        ...named.filter((_, k) => ids[k] === i.targetId).map((n) => claim(`name:${n.targetName}`, i.targetId!)),
      ];
    }
    seen.names.set(i.targetName!, i);
    const own = [claim(`name:${i.targetName}`, i.targetName!)];
    if (seen.ids.size === 0) return own;
    const id = await idOf(i).catch(() => undefined);
    return id === undefined ? own : [claim(`name:${i.targetName}`, id), claim(`id:${id}`, id)];
  },
  async create(i) {
    const found = await find(i);
    const local = { ...i, original: i.original ?? tuned(found) };
    return { id: found.id!, outs: toOutputs(await tune(found, i), local) };
  },
  async read(id, olds) {
    const t = await genesys().getActionTarget(id);
    return t.state === "deleted" ? undefined : toOutputs(t, olds);
  },
  async update(id, olds, news) {
    // Read first: compare with what the target holds now, not with possibly stale state.
    const now = await genesys().getActionTarget(id);
    return toOutputs(await tune(now, news), {
      ...olds,
      original: news.original ?? olds.original,
      restoreOnDelete: news.restoreOnDelete,
    });
  },
  async delete(id, olds) {
    if (olds.restoreOnDelete === false) return;
    const now = await genesys().getActionTarget(id);
    // A field the target did not have at takeover cannot be cleared through PATCH: leave it.
    const back = Object.fromEntries(
      TUNED.filter((k) => olds.original[k] !== undefined).map((k) => [k, olds.original[k]]),
    );
    await tune(now, { ...tuned(now), ...back });
  },
  async locate(i) {
    try {
      return (await findTaken(i)).id;
    } catch {
      return undefined;
    }
  },
  recoveryWarning(i) {
    if (i.original !== undefined) return undefined;
    return "the values it held before the takeover were not recorded (a run of an older cxflow): if the killed run had tuned it, set `original` on the resource to what destroy should put back";
  },
};

/** The definition the provider host runs (see `pulumi-cxflow/dynamic`). */
export const actionTarget = definition;

const provider = shell(definition.kind);
let warned = false;

/**
 * A Genesys Cloud journey action target (`/api/v2/journey/actiontargets`) taken over by id or
 * exact name: the API cannot create or delete targets. Manages `name`, `serviceLevel` and
 * `shortAbandonThreshold`; on destroy it restores the values found at takeover unless
 * `restoreOnDelete: false`. Genesys marks these endpoints deprecated (SDK 262.0.0), so each run
 * warns once. Type token: `pulumi-nodejs:dynamic/cxflow/genesys:ActionTarget`.
 */
export class ActionTarget extends pulumi.dynamic.Resource {
  /** @internal */
  static readonly [DEFINITION] = definition;
  /** The target's name as the server holds it (as found at takeover when `name` is not set). */
  declare readonly name: pulumi.Output<string>;
  /** Service level goal as the server holds it: `percentage` (0–1) of offers answered within `durationMs` (ms). */
  declare readonly serviceLevel: pulumi.Output<{ percentage: number; durationMs: number }>;
  /** Short-abandon threshold as the server holds it (unit not documented by Genesys). */
  declare readonly shortAbandonThreshold: pulumi.Output<number>;
  /** The server's description (read-only through the API); absent when the target has none. */
  declare readonly description: pulumi.Output<string | undefined>;
  /** `active`, `inactive` (a `deleted` target is gone from state on refresh). */
  declare readonly state: pulumi.Output<string>;
  /** Media types the target handles, e.g. `webchat`, `call` (read-only through the API). */
  declare readonly supportedMediaTypes: pulumi.Output<string[]>;
  /** Key/value pairs the platform keeps on the target (read-only through the API); absent when none. */
  declare readonly userData: pulumi.Output<{ key: string; value: string }[] | undefined>;
  /** The target's API path, `/api/v2/journey/actiontargets/<id>`. */
  declare readonly selfUri: pulumi.Output<string>;
  /** When the platform created the target (ISO-8601 date-time, UTC); never changes. */
  declare readonly createdDate: pulumi.Output<string>;
  /** When the target last changed (ISO-8601 date-time, UTC), set by the server on every change, from Pulumi or not. */
  declare readonly modifiedDate: pulumi.Output<string>;
  /** The name, service level and threshold found at takeover (or as set in `original`): what destroy restores. */
  declare readonly original: pulumi.Output<{
    name?: string;
    serviceLevel?: { percentage: number; durationMs: number };
    shortAbandonThreshold?: number;
  }>;

  /**
   * Declares the takeover of an existing action target; `pulumi up` finds it and tunes it.
   * @param name The Pulumi resource name, unique in the stack (not the target's name).
   * @param args Which target to take over and what to tune.
   * @param opts Pulumi resource options.
   */
  constructor(name: string, args: ActionTargetArgs, opts?: pulumi.CustomResourceOptions) {
    const outputs = {
      name: undefined,
      serviceLevel: undefined,
      shortAbandonThreshold: undefined,
      description: undefined,
      state: undefined,
      supportedMediaTypes: undefined,
      userData: undefined,
      selfUri: undefined,
      createdDate: undefined,
      modifiedDate: undefined,
      original: undefined,
    };
    super(provider, name, { ...outputs, ...args, [NAME_KEY]: name }, opts, "cxflow/genesys", "ActionTarget");
    if (!warned) {
      warned = true;
      pulumi.log.warn(
        "Genesys marks the journey action-target endpoints deprecated (SDK 262.0.0; ACD Chat v2.0 in Predictive Engagement is being removed); ActionTarget works for as long as the API answers.",
        this,
      );
    }
  }
}
