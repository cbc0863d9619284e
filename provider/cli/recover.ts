// `cxflow recover`: after `pulumi up` was killed (SIGKILL, a lost runner), the engine's state lists
// creates it started but never saw finish. Each one is looked up by name at its vendor: found, it
// goes into the state with its id and the inputs the engine saved (then a refresh reads it in
// full); not found, the pending create is dropped and the next `up` makes it. An action target's
// takeover is found the same way, with the values check() recorded before it changed anything.
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { parseArgs } from "node:util";
import { configFromMap } from "../config";
import { definitionFor } from "../dynamic";
import { locator } from "../dynamic/define";
import { useConfig } from "../state";
import { runPulumi, STACK_OPTIONS, type StackFlags } from "./pulumi";

export const usage = `usage: cxflow recover [--stack NAME] [--cwd DIR] [--config-file FILE] [--unlock]

  Run it after \`pulumi up\` was killed, before the next \`pulumi up\`. For each create the
  engine left pending, finds the object by its name at the vendor: found, it is put in the
  stack's state (then \`pulumi refresh\` reads it); not found, the pending create is dropped.
  --unlock   first remove the killed run's lock (\`pulumi cancel\`): only when no other
             pulumi command is running on this stack.
  Uses \`pulumi\` on PATH, the stack's cxflow:* config and the usual environment variables.`;

/** A resource as `pulumi stack export` writes it. */
interface StateResource {
  urn: string;
  type: string;
  id?: string;
  custom?: boolean;
  inputs?: Record<string, unknown>;
  outputs?: Record<string, unknown>;
  parent?: string;
  provider?: string;
  dependencies?: string[];
  propertyDependencies?: Record<string, string[]>;
}

interface Exported {
  version: number;
  deployment: {
    resources?: StateResource[];
    pending_operations?: { resource: StateResource; type: string }[];
    [key: string]: unknown;
  };
}

const TYPE_PREFIX = "pulumi-nodejs:dynamic/cxflow/";
// The engine's marker of a secret value in exported state.
const SECRET_SIG = "4dabf18193072939515e22adb298388d";

/** `pulumi-nodejs:dynamic/cxflow/genesys:JourneySegment` → `genesys.JourneySegment`. */
export function kindOf(type: string): string | undefined {
  if (!type.startsWith(TYPE_PREFIX)) return undefined;
  return type.slice(TYPE_PREFIX.length).replace(":", ".");
}

/** Replaces `--show-secrets` secret envelopes with their values. */
export function reveal(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(reveal);
  if (v && typeof v === "object") {
    const o = v as Record<string, unknown>;
    if (o[SECRET_SIG] !== undefined && typeof o.plaintext === "string") return reveal(JSON.parse(o.plaintext));
    return Object.fromEntries(Object.entries(o).map(([k, x]) => [k, reveal(x)]));
  }
  return v;
}

/** What recovery decided for one pending create. */
export interface Settled {
  urn: string;
  kind: string;
  /** The object's id when the create had finished. */
  id?: string;
  /** Why nothing was found or nothing could be done. */
  note: string;
}

/**
 * The deployment with each found object moved from `pending_operations` into `resources` (its
 * inputs standing in for outputs until a refresh), every other pending create dropped; other
 * pending operations are kept. Resources are appended after everything they depend on.
 */
export function settle(state: Exported, found: ReadonlyMap<string, string>): Exported {
  const d = state.deployment;
  const pending = d.pending_operations ?? [];
  const resources = [...(d.resources ?? [])];
  const known = new Set(resources.map((r) => r.urn));
  let queue = pending.filter((op) => op.type === "creating" && found.has(op.resource.urn)).map((op) => op.resource);
  // Dependencies first: the engine checks the order on import.
  for (let progress = true; progress && queue.length > 0; ) {
    progress = false;
    const rest: StateResource[] = [];
    for (const r of queue) {
      const needs = [r.parent, r.provider?.split("::").slice(0, -1).join("::"), ...(r.dependencies ?? [])];
      if (needs.every((u) => !u || known.has(u))) {
        resources.push({ ...r, id: found.get(r.urn), outputs: r.inputs });
        known.add(r.urn);
        progress = true;
      } else rest.push(r);
    }
    queue = rest;
  }
  return {
    ...state,
    deployment: { ...d, resources, pending_operations: pending.filter((op) => op.type !== "creating") },
  };
}

interface Options extends StackFlags {
  unlock: boolean;
}

/** The stack's `pulumi`, failing with the command and what it printed. */
class Pulumi {
  constructor(private readonly o: StackFlags) {}

  async run(args: string[], o: { stackFlag?: boolean; configFile?: boolean } = {}): Promise<string> {
    const r = await runPulumi(this.o, args, o);
    if (r.failure !== undefined) throw new Error(`pulumi ${args.join(" ")} failed: ${r.failure}`);
    return r.stdout;
  }
}

/**
 * A kill while the file backend writes a checkpoint can leave its `.attrs` companion empty, and
 * every command then fails with "failed to load checkpoint: EOF". An empty attrs file holds
 * nothing: removing it lets the (complete) checkpoint load. Returns the files removed.
 */
export function repairFileBackend(backendUrl: string): string[] {
  const root = path.join(decodeURIComponent(new URL(backendUrl.replace(/\?.*$/, "")).pathname), ".pulumi", "stacks");
  const removed: string[] = [];
  const walk = (dir: string) => {
    for (const e of fs.existsSync(dir) ? fs.readdirSync(dir, { withFileTypes: true }) : []) {
      const p = path.join(dir, e.name);
      if (e.isDirectory()) walk(p);
      else if (e.name.endsWith(".attrs") && fs.statSync(p).size === 0) {
        fs.rmSync(p);
        removed.push(p);
      }
    }
  };
  walk(root);
  return removed;
}

async function exportState(pulumi: Pulumi, showSecrets: boolean): Promise<Exported> {
  return JSON.parse(await pulumi.run(["stack", "export", ...(showSecrets ? ["--show-secrets"] : [])]));
}

/** Runs recovery; prints one line per pending create and what was done. */
export async function recover(o: Options, say: (line: string) => void = console.log): Promise<Settled[]> {
  const pulumi = new Pulumi(o);
  let state: Exported;
  try {
    state = await exportState(pulumi, false);
  } catch (e) {
    if (!/failed to load checkpoint/.test((e as Error).message)) throw e;
    const who = JSON.parse(await pulumi.run(["whoami", "--json"], { stackFlag: false })) as { url?: string };
    if (!who.url?.startsWith("file://")) throw e;
    for (const f of repairFileBackend(who.url)) say(`removed ${f}: empty, cut off by the kill`);
    state = await exportState(pulumi, false);
  }
  // After the repair: `pulumi cancel` reads the checkpoint too.
  if (o.unlock) {
    await pulumi.run(["cancel", "--yes"]).then(
      // A file backend's cancel succeeds with or without a lock, so say what is true either way.
      () => say("the stack is unlocked (pulumi cancel)"),
      () => say("no lock to remove"),
    );
  }
  const creates = (state.deployment.pending_operations ?? []).filter((op) => op.type === "creating");
  if (creates.length === 0) {
    say("no pending creates: nothing to recover");
    return [];
  }
  const plain = await exportState(pulumi, true);
  const inputsOf = new Map(
    (plain.deployment.pending_operations ?? []).map((op) => [op.resource.urn, reveal(op.resource.inputs)]),
  );
  const config = JSON.parse(await pulumi.run(["config", "--json", "--show-secrets"], { configFile: true })) as Record<
    string,
    { value?: string }
  >;
  useConfig(configFromMap(Object.fromEntries(Object.entries(config).map(([k, v]) => [k, v.value]))));

  const found = new Map<string, string>();
  const settled: Settled[] = [];
  for (const op of creates) {
    const { urn, type } = op.resource;
    const name = urn.slice(urn.lastIndexOf("::") + 2);
    const kind = kindOf(type);
    const def = kind ? definitionFor(kind) : undefined;
    const locate = def && locator(def);
    if (!kind || !locate) {
      const why = kind ? "cannot be looked up: the next `pulumi up` makes it again" : "not a cxflow resource";
      settled.push({ urn, kind: kind ?? type, note: why });
      say(`${name}: pending create dropped (${why})`);
      continue;
    }
    const inputs = inputsOf.get(urn) as Record<string, unknown>;
    const id = await locate(inputs);
    if (id) {
      found.set(urn, id);
      const warning = def!.recoveryWarning?.(inputs);
      settled.push({ urn, kind, id, note: warning ?? "the create had finished" });
      say(`${name}: ${kind} ${id} had been created: now in the state`);
      if (warning) say(`${name}: warning: ${warning}`);
    } else {
      settled.push({ urn, kind, note: "not found: the create never finished" });
      say(`${name}: no ${kind} of that name exists: pending create dropped, the next \`pulumi up\` creates it`);
    }
  }

  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "cxflow-recover-")), "state.json");
  try {
    const next = settle(state, found);
    const placed = new Set(next.deployment.resources?.map((r) => r.urn));
    for (const [urn, id] of found) {
      // Cannot happen with the engine's ordering; said rather than lost track of silently.
      if (!placed.has(urn))
        say(`${urn}: ${id} exists but what it depends on is not in the state: take it over with adopt: true`);
    }
    fs.writeFileSync(file, JSON.stringify(next), { mode: 0o600 });
    try {
      await pulumi.run(["stack", "import", "--file", file]);
    } catch (e) {
      if (/locked/.test((e as Error).message) && !o.unlock) {
        throw new Error(
          "the stack is locked by the killed run: if no other pulumi command is running on it, run `cxflow recover --unlock`",
        );
      }
      throw e;
    }
  } finally {
    fs.rmSync(path.dirname(file), { recursive: true, force: true });
  }
  if (found.size > 0) {
    await pulumi.run(["refresh", "--yes", "--skip-preview"], { configFile: true });
    say(`refreshed ${found.size} recovered resource${found.size === 1 ? "" : "s"}; now run \`pulumi up\``);
  } else say("state saved; now run `pulumi up`");
  return settled;
}

/** `cxflow recover` from the command line. */
export async function main(argv: string[]): Promise<void> {
  const { values } = parseArgs({
    args: argv,
    options: { ...STACK_OPTIONS, unlock: { type: "boolean", default: false } },
    strict: true,
  });
  await recover({
    stack: values.stack,
    cwd: values.cwd,
    configFile: values["config-file"],
    unlock: values.unlock ?? false,
  });
}
