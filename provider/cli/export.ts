// `cxflow export`: reads what an organisation holds (a real account or the sandbox, through the
// typed clients) and writes a Pulumi TypeScript project that takes every object over with
// `adopt` (the engine cannot `pulumi import` dynamic resources), so its first `up` creates nothing.
import * as fs from "node:fs";
import * as path from "node:path";
import { parseArgs } from "node:util";
import { clientsFrom } from "../clients";
import { configFromMap, type EnvSource } from "../config";
import { definitionFor, RESOURCES } from "../dynamic";
import { type ResourceDefinition, vendorOf } from "../dynamic/define";
import type { ExportContext, ExportedObject } from "../dynamic/export-spec";
import { issuesText, slug, uniqueIn } from "../text";
import { VENDOR_NAMES } from "../vendors";

export { slug } from "../text";

/** The kinds `cxflow export` declares, in registry order. */
const EXPORTED = RESOURCES.filter((d) => d.export);

export const VENDOR_CHOICES = [...VENDOR_NAMES.filter((v) => EXPORTED.some((d) => vendorOf(d.kind) === v)), "all"];

export const usage = `usage: cxflow export --vendor ${VENDOR_CHOICES.join("|")} [--filter REGEX] [--out DIR]
                     [--project NAME] [--package-spec SPEC] [--force]

  Writes a Pulumi TypeScript project (Pulumi.yaml, package.json, tsconfig.json, index.ts and
  flows/*.json for Zoom flows) with one resource per object, each taking the object over
  (adopt), so its first \`pulumi up\` creates and deletes nothing. Our Voice metadata (it may hold
  secrets) is read from secret stack config, never written into index.ts: the export leaves the
  values in secrets/ (git-ignored) and prints the \`pulumi config set --secret\` commands to run
  before the first \`pulumi up\`.
  --filter REGEX      only objects whose name matches (JavaScript syntax)
  --out DIR           where to write (default ./cxflow-export); an interrupted export there resumes
  --project NAME      the Pulumi project name (default: the folder's name)
  --package-spec SPEC the pulumi-cxflow dependency written to package.json (default ^<this version>)
  --force             write into a folder that already holds files
  Credentials come from the usual environment variables (GENESYSCLOUD_*, ZOOM_*, OURVOICE_API_KEY),
  or CXFLOW_SANDBOX_URL for the sandbox.`;

/** One object to declare: its vendor and kind, names, arguments, and ids it points at. */
export interface Exported extends ExportedObject {
  vendor: string;
  /** `genesys.JourneySegment`, … */
  kind: string;
}

/** What an interrupted export keeps in `<out>/.cxflow-export.json` to resume. */
interface Progress {
  /** Each vendor's objects, once every kind of it is read. */
  vendors: Record<string, Exported[]>;
  /** Objects read in full (slow readers), by `kind:id`. */
  done: Record<string, ExportedObject>;
}

const PROGRESS_FILE = ".cxflow-export.json";

// ---------------------------------------------------------------------------------------------
// Reading

/** Drops `undefined`, `null` and empty strings: what an absent input means to every resource. */
function compact<T extends Record<string, unknown>>(o: T): T {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined && v !== null && v !== "")) as T;
}

/** The issues an args object has against a resource's strict input schema, or `undefined`. */
function invalid(def: ResourceDefinition<any, any>, args: Record<string, unknown>): string | undefined {
  const r = def.args.safeParse(args);
  if (r.success) return undefined;
  return issuesText(r.error.issues, "(args)");
}

/** A progress line: a bar on a terminal, a line per tenth otherwise. */
export function progress(label: string, total: number, out: NodeJS.WriteStream = process.stderr) {
  let done = 0;
  let lastTenth = -1;
  const draw = () => {
    if (out.isTTY) {
      const width = 24;
      const filled = total === 0 ? width : Math.round((done / total) * width);
      out.write(`\r${label} [${"#".repeat(filled)}${"-".repeat(width - filled)}] ${done}/${total}`);
      if (done === total) out.write("\n");
    } else {
      const tenth = total === 0 ? 10 : Math.floor((done / total) * 10);
      if (tenth !== lastTenth) out.write(`${label}: ${done}/${total}\n`);
      lastTenth = tenth;
    }
  };
  draw();
  return {
    tick() {
      done++;
      draw();
    },
  };
}

/**
 * One kind's objects, checked alike for every kind: arguments compacted and held against the
 * input schema; objects sharing a name skipped when the kind finds objects by name (adopt would
 * not know which one to take).
 */
async function readKind(def: ResourceDefinition<any, any>, ctx: ExportContext): Promise<Exported[]> {
  const read = await def.export!.read(ctx);
  const count = new Map<string, number>();
  for (const o of read) count.set(o.name, (count.get(o.name) ?? 0) + 1);
  return read.map((o) => {
    const args = compact(o.args);
    const shared = def.named && (count.get(o.name) ?? 0) > 1;
    const skipped =
      o.skipped ??
      (shared
        ? `${count.get(o.name)} ${def.named!.what}s are named "${o.name}": adopt finds one by its ${def.named!.property}; rename the others first`
        : undefined) ??
      invalid(def, args);
    return { ...o, vendor: vendorOf(def.kind), kind: def.kind, args, skipped };
  });
}

// ---------------------------------------------------------------------------------------------
// Writing

/** `vip-visitors` + Segment → `vipVisitorsSegment`; never a reserved word or a leading digit. */
function variable(resourceName: string, kind: string): string {
  const camel = resourceName.replace(/-([a-z0-9])/g, (_, c: string) => c.toUpperCase());
  const safe = /^[a-z]/.test(camel) ? camel : `x${camel}`;
  return `${safe}${definitionFor(kind)?.export?.suffix ?? ""}`;
}

const IDENT = /^[A-Za-z_$][\w$]*$/;

/**
 * A text file that holds other exported objects' ids (an Architect flow's YAML naming its outcomes
 * and milestones) gets `{{ <variable>Id }}` placeholders instead, and its `substitutions` the ids,
 * which the program then writes as references: the flow follows the objects, not their ids.
 */
export function placeholdersForIds(objects: Exported[]): Exported[] {
  const declared = objects.filter((o) => !o.skipped);
  const count = new Map<string, number>();
  for (const o of declared) count.set(o.id, (count.get(o.id) ?? 0) + 1);
  const unique = declared.filter((o) => count.get(o.id) === 1 && o.id.length >= 8);
  return objects.map((o) => {
    if (o.skipped || typeof o.file?.content !== "string" || !("substitutions" in (definitionFor(o.kind)?.fields ?? {})))
      return o;
    let text = o.file.content;
    const substitutions: Record<string, string> = {};
    for (const other of unique) {
      if (other === o || !text.includes(other.id)) continue;
      const key = `${variable(slug(other.name) || "object", other.kind)}Id`;
      substitutions[key] = other.id;
      text = text.split(other.id).join(`{{ ${key} }}`);
    }
    if (Object.keys(substitutions).length === 0) return o;
    return { ...o, file: { ...o.file, content: text }, args: { ...o.args, substitutions } };
  });
}

/** An expression written into the program as it is (given the indentation it starts at). */
class Code {
  constructor(readonly render: (indent: string) => string) {}
}

/** A TypeScript literal of `v`; strings that are another declared object's id become references. */
export function literal(v: unknown, refs: ReadonlyMap<string, string>, indent = ""): string {
  if (v instanceof Code) return v.render(indent);
  if (typeof v === "string") return refs.has(v) ? `${refs.get(v)}.id` : JSON.stringify(v);
  if (Array.isArray(v)) {
    if (v.length === 0) return "[]";
    const flat = v.every((x) => typeof x !== "object" || x === null)
      ? `[${v.map((x) => literal(x, refs)).join(", ")}]`
      : "";
    if (flat && flat.length <= 60) return flat;
    const inner = `${indent}  `;
    return `[\n${v.map((x) => `${inner}${literal(x, refs, inner)},`).join("\n")}\n${indent}]`;
  }
  if (v && typeof v === "object") {
    const entries = Object.entries(v).filter(([, x]) => x !== undefined);
    if (entries.length === 0) return "{}";
    const inner = `${indent}  `;
    const body = entries
      .map(([k, x]) => `${inner}${IDENT.test(k) ? k : JSON.stringify(k)}: ${literal(x, refs, inner)},`)
      .join("\n");
    return `{\n${body}\n${indent}}`;
  }
  return JSON.stringify(v);
}

/** Ids (strings) found anywhere in `v` that belong to other declared objects. */
function pointsAt(v: unknown, ids: ReadonlyMap<string, string>, self: string): Set<string> {
  const out = new Set<string>();
  const walk = (x: unknown) => {
    if (typeof x === "string" && x !== self && ids.has(x)) out.add(x);
    else if (Array.isArray(x)) x.forEach(walk);
    else if (x && typeof x === "object") Object.values(x).forEach(walk);
  };
  walk(v);
  return out;
}

/** Whether `v` is made of references to other declared objects only (nothing that may be a secret). */
function onlyReferences(v: unknown, refs: ReadonlyMap<string, string>): boolean {
  if (typeof v === "string") return refs.has(v);
  const items = Array.isArray(v) ? v : v && typeof v === "object" ? Object.values(v) : undefined;
  return items !== undefined && items.length > 0 && items.every((x) => onlyReferences(x, refs));
}

/**
 * The `metadata` argument of a kind that marks it secret (Our Voice flows): a free-form object
 * whose values may be credentials, so the program reads them from secret stack config.
 */
function secretObjectOf(o: Exported): Record<string, unknown> | undefined {
  const v = o.args.metadata;
  const secret = definitionFor(o.kind)?.fields.metadata?.secret;
  return secret && v && typeof v === "object" && !Array.isArray(v) ? (v as Record<string, unknown>) : undefined;
}

/** A value the generated program reads from secret stack config instead of holding it in source. */
export interface SecretValue {
  /** The config key, in the project's namespace (`pulumi config set --secret <key>`). */
  key: string;
  object: Exported;
  value: Record<string, unknown>;
  /** Top-level metadata keys that stay in index.ts: references to other resources. */
  references: string[];
}

/** Where the export puts secret values until the user moves them into stack config (git-ignored). */
export const SECRETS_DIR = "secrets";

/** The command that moves one secret value into the stack's config. */
export const secretCommand = (s: SecretValue) => `pulumi config set --secret ${s.key} < ${SECRETS_DIR}/${s.key}.json`;

/** The program text: one resource per object, each after the objects it points at. */
export function program(objects: Exported[], source: string): string {
  return render(objects, source).index;
}

/**
 * The program text and the secret values it reads: Our Voice metadata may hold credentials, so
 * every value of it except references to other resources goes to secret stack config.
 */
export function render(objects: Exported[], source: string): { index: string; secrets: SecretValue[] } {
  const declared = objects.filter((o) => !o.skipped);
  const names = new Map<Exported, string>();
  const usedByKind = new Map<string, Set<string>>();
  for (const o of declared) {
    const base = o.file ? o.file.name.replace(/\.(json|yaml)$/, "") : slug(o.name) || "object";
    // Pulumi names are unique per type, so variables (name + kind) are unique in the file.
    const used = usedByKind.get(o.kind) ?? new Set<string>();
    usedByKind.set(o.kind, used);
    names.set(o, uniqueIn(used, base));
  }
  const vars = new Map(declared.map((o) => [o, variable(names.get(o)!, o.kind)]));
  // An id two objects share (vendors may reuse a format) is not a reference: it stays a literal.
  const count = new Map<string, number>();
  for (const o of declared) count.set(o.id, (count.get(o.id) ?? 0) + 1);
  const refs = new Map<string, string>();
  for (const o of declared) if (count.get(o.id) === 1) refs.set(o.id, vars.get(o)!);
  // A `const` must be declared before it is used: objects that others point at come first.
  const ordered: Exported[] = [];
  const placed = new Set<string>();
  let rest = declared;
  while (rest.length > 0) {
    const ready = rest.filter((o) => [...pointsAt(o.args, refs, o.id)].every((id) => placed.has(id)));
    // A cycle of references: the remaining objects keep their literal ids.
    const batch = ready.length > 0 ? ready : rest;
    for (const o of batch) {
      ordered.push(o);
      placed.add(o.id);
    }
    rest = rest.filter((o) => !batch.includes(o));
  }
  const secrets: SecretValue[] = [];
  const body: string[] = [];
  for (const o of ordered) {
    const v = vars.get(o)!;
    const cls = `cxflow.${o.kind}`;
    const own = new Map([...refs].filter(([id]) => id !== o.id));
    let args = o.args;
    const metadata = secretObjectOf(o);
    const kept = Object.entries(metadata ?? {}).filter(([, x]) => onlyReferences(x, own));
    const secret = Object.entries(metadata ?? {}).filter(([, x]) => !onlyReferences(x, own));
    body.push(`// ${o.kind} ${JSON.stringify(o.name)} (${o.id})`);
    if (secret.length > 0) {
      const s = { key: `${v}Metadata`, object: o, value: Object.fromEntries(secret), references: kept.map(([k]) => k) };
      secrets.push(s);
      const refsArg =
        kept.length > 0 ? (indent: string) => `, ${literal(Object.fromEntries(kept), own, indent)}` : () => "";
      args = { ...args, metadata: new Code((indent) => `secretMetadata(${JSON.stringify(s.key)}${refsArg(indent)})`) };
      body.push(`// metadata: secret stack config \`${s.key}\` (${secretCommand(s)})`);
    }
    body.push(`export const ${v} = new ${cls}(${JSON.stringify(names.get(o))}, ${literal(args, own)});`, "");
  }
  const lines = [
    `// Generated by \`cxflow export\` from ${source}. Every resource takes over an existing object`,
    "// (adopt), so the first `pulumi up` creates and deletes nothing; edit freely from here.",
  ];
  if (secrets.length > 0)
    lines.push(
      `// Our Voice metadata is read from secret stack config: before the first \`pulumi up\`, run the`,
      `// \`pulumi config set --secret\` command noted at each flow, then delete ${SECRETS_DIR}/.`,
      'import * as pulumi from "@pulumi/pulumi";',
    );
  lines.push('import * as cxflow from "pulumi-cxflow";', "");
  if (secrets.length > 0)
    lines.push(
      "const config = new pulumi.Config();",
      "/** An Our Voice flow's metadata: the secret config value `key`, plus references to other resources. */",
      "const secretMetadata = (key: string, references: Record<string, pulumi.Input<unknown>> = {}) =>",
      "  pulumi",
      "    .all([config.requireSecretObject<Record<string, unknown>>(key), references])",
      "    .apply(([values, ids]) => ({ ...values, ...ids }));",
      "",
    );
  lines.push(...body);
  const skipped = objects.filter((o) => o.skipped);
  if (skipped.length > 0) {
    lines.push("// Not declared (take them over by hand once the reason is gone):");
    for (const o of skipped) lines.push(`// - ${o.kind} ${JSON.stringify(o.name)} (${o.id}): ${o.skipped}`);
    lines.push("");
  }
  return { index: lines.join("\n"), secrets };
}

function projectFiles(project: string, packageSpec: string, pulumiSpec: string) {
  return {
    "Pulumi.yaml": [
      `name: ${project}`,
      "description: Contact-center configuration exported by cxflow export.",
      "runtime:",
      "  name: nodejs",
      "  options:",
      "    typescript: true",
      "main: index.ts",
      "",
    ].join("\n"),
    "package.json": `${JSON.stringify(
      {
        name: project,
        private: true,
        main: "index.ts",
        dependencies: { "@pulumi/pulumi": pulumiSpec, "pulumi-cxflow": packageSpec },
        devDependencies: { "@types/node": "^24", "ts-node": "^10.9.2", typescript: "^5.9" },
      },
      null,
      2,
    )}\n`,
    "tsconfig.json": `${JSON.stringify(
      {
        compilerOptions: {
          target: "ES2022",
          module: "node16",
          moduleResolution: "node16",
          strict: true,
          esModuleInterop: true,
          skipLibCheck: true,
          types: ["node"],
        },
        files: ["index.ts"],
      },
      null,
      2,
    )}\n`,
  };
}

// ---------------------------------------------------------------------------------------------
// The command

/** Options of {@link exportOrganisation}. */
export interface ExportOptions {
  vendor: string;
  filter?: string;
  out: string;
  project?: string;
  packageSpec?: string;
  force?: boolean;
  env?: EnvSource;
  say?: (line: string) => void;
}

/** Exports and writes the project; returns the objects read (skipped ones included). */
export async function exportOrganisation(o: ExportOptions): Promise<Exported[]> {
  const say = o.say ?? ((line: string) => console.error(line));
  if (!(VENDOR_CHOICES as readonly string[]).includes(o.vendor))
    throw new Error(`--vendor must be one of ${VENDOR_CHOICES.join(", ")}, got ${JSON.stringify(o.vendor)}`);
  let pattern: RegExp | undefined;
  try {
    pattern = o.filter === undefined ? undefined : new RegExp(o.filter);
  } catch (e) {
    throw new Error(`--filter is not a regular expression: ${(e as Error).message}`);
  }
  const keep = (name: string) => pattern === undefined || pattern.test(name);
  const out = path.resolve(o.out);
  const progressPath = path.join(out, PROGRESS_FILE);
  const resuming = fs.existsSync(progressPath);
  if (!resuming && !o.force && fs.existsSync(out) && fs.readdirSync(out).length > 0)
    throw new Error(`${out} already holds files: choose an empty --out, or pass --force to write into it`);
  fs.mkdirSync(out, { recursive: true });
  // Before anything holding metadata is written: the progress file and secrets/ stay out of git.
  gitignore(out, [`/${SECRETS_DIR}/`, `/${PROGRESS_FILE}`, "/node_modules/"]);

  const key = JSON.stringify({ vendor: o.vendor, filter: o.filter ?? null });
  let state: Progress & { key?: string } = { vendors: {}, done: {} };
  if (resuming) {
    const saved = JSON.parse(fs.readFileSync(progressPath, "utf8")) as Progress & { key?: string };
    if (saved.key === key && saved.done) {
      state = saved;
      say(`resuming the export in ${out}`);
    }
  }
  const save = () => fs.writeFileSync(progressPath, JSON.stringify({ ...state, key }), { mode: 0o600 });
  save();

  const clients = clientsFrom(configFromMap({}), o.env ?? process.env);
  const vendors = o.vendor === "all" ? VENDOR_CHOICES.filter((v) => v !== "all") : [o.vendor];
  // Files named by vendors read before an interruption keep their names: a resumed reader must not take them.
  const fileNames = new Set<string>(
    vendors.flatMap((v) =>
      (state.vendors[v] ?? []).flatMap((x) => (x.file ? [x.file.name.replace(/\.(json|yaml)$/, "")] : [])),
    ),
  );
  for (const v of vendors) {
    if (state.vendors[v]) continue;
    say(`reading ${v}…`);
    const read: Exported[] = [];
    for (const def of EXPORTED.filter((d) => vendorOf(d.kind) === v)) {
      const ctx: ExportContext = {
        clients,
        keep,
        done: (id) => state.done[`${def.kind}:${id}`],
        save: (e) => {
          state.done[`${def.kind}:${e.id}`] = e;
          save();
        },
        progress: (label, total) => progress(label, total),
        files: fileNames,
      };
      read.push(...(await readKind(def, ctx)));
    }
    state.vendors[v] = read;
    save();
  }

  const objects = placeholdersForIds(vendors.flatMap((v) => state.vendors[v] ?? []));
  const project = o.project ?? (slug(path.basename(out)) || "cxflow-export");
  const own = ownManifest();
  const files = projectFiles(project, o.packageSpec ?? `^${own.version}`, own.pulumiRange);
  for (const [name, text] of Object.entries(files)) fs.writeFileSync(path.join(out, name), text);
  const flows = objects.filter((x) => x.file && !x.skipped);
  if (flows.length > 0) fs.mkdirSync(path.join(out, "flows"), { recursive: true });
  for (const f of flows) {
    const content = f.file!.content;
    fs.writeFileSync(
      path.join(out, "flows", f.file!.name),
      typeof content === "string" ? content : `${JSON.stringify(content, null, 2)}\n`,
    );
  }
  const source = resolveSource(o.env ?? process.env);
  const { index, secrets } = render(objects, source);
  writeSecrets(out, secrets);
  fs.writeFileSync(path.join(out, "index.ts"), index);
  fs.rmSync(progressPath);

  const count = (kind: string) => objects.filter((x) => x.kind === kind && !x.skipped).length;
  const exported = EXPORTED.filter((d) => vendors.includes(vendorOf(d.kind)));
  say(`wrote ${out}: ${exported.map((d) => `${count(d.kind)} ${d.export!.plural}`).join(", ")}`);
  for (const x of objects.filter((y) => y.skipped)) say(`not declared: ${x.kind} "${x.name}" (${x.id}): ${x.skipped}`);
  for (const line of secretsSummary(objects, secrets, out)) say(line);
  return objects;
}

/** Adds `entries` to `<dir>/.gitignore` (kept as it is otherwise). */
function gitignore(dir: string, entries: string[]): void {
  const file = path.join(dir, ".gitignore");
  const text = fs.existsSync(file) ? fs.readFileSync(file, "utf8") : "";
  const have = new Set(text.split(/\r?\n/).map((l) => l.trim()));
  const missing = entries.filter((e) => !have.has(e));
  if (missing.length === 0) return;
  fs.writeFileSync(file, `${text}${text && !text.endsWith("\n") ? "\n" : ""}${missing.join("\n")}\n`);
}

/** One file per secret value, readable by the user alone, for `pulumi config set --secret KEY < FILE`. */
function writeSecrets(out: string, secrets: SecretValue[]): void {
  const dir = path.join(out, SECRETS_DIR);
  if (secrets.length === 0) return;
  fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
  for (const s of secrets)
    fs.writeFileSync(path.join(dir, `${s.key}.json`), `${JSON.stringify(s.value, null, 2)}\n`, { mode: 0o600 });
}

/** What the summary says about Our Voice metadata: where each flow's went, and what the user must do. */
function secretsSummary(objects: Exported[], secrets: SecretValue[], out: string): string[] {
  const lines: string[] = [];
  const label = (o: Exported) => `"${o.name}" (${o.id})`;
  if (secrets.length > 0) {
    lines.push("Our Voice metadata may hold secrets: index.ts reads it from secret stack config, not from source:");
    for (const s of secrets) {
      const kept = s.references.length > 0 ? `; ${s.references.join(", ")} stay in index.ts as references` : "";
      lines.push(`  ${label(s.object)}: config key ${s.key}, values in ${SECRETS_DIR}/${s.key}.json${kept}`);
    }
  }
  const inSource = objects.filter((o) => !o.skipped && secretObjectOf(o) && !secrets.some((s) => s.object === o));
  if (inSource.length > 0)
    lines.push(
      `Our Voice metadata in index.ts (references to other resources only): ${inSource.map(label).join(", ")}`,
    );
  if (secrets.length > 0) {
    lines.push(`Before the first \`pulumi up\`, in ${out} once the stack exists (\`pulumi stack init\`), run:`);
    for (const s of secrets) lines.push(`  ${secretCommand(s)}`);
    lines.push(`then delete ${SECRETS_DIR}/ (git-ignored; it holds the values in plain text).`);
  }
  return lines;
}

/** This package's version and @pulumi/pulumi peer range, from its package.json (found upwards: sources and dist/ differ in depth). */
function ownManifest(): { version: string; pulumiRange: string } {
  for (let dir = __dirname; dir !== path.dirname(dir); dir = path.dirname(dir)) {
    const file = path.join(dir, "package.json");
    if (fs.existsSync(file)) {
      const pkg = JSON.parse(fs.readFileSync(file, "utf8")) as {
        name?: string;
        version?: string;
        peerDependencies?: Record<string, string>;
      };
      // The exported project asks for the @pulumi/pulumi releases this package is tested with.
      if (pkg.name === "pulumi-cxflow" && pkg.version)
        return { version: pkg.version, pulumiRange: pkg.peerDependencies?.["@pulumi/pulumi"] ?? "^3" };
    }
  }
  return { version: "0.0.0", pulumiRange: "^3" };
}

function resolveSource(env: EnvSource): string {
  return env.CXFLOW_SANDBOX_URL ? "the cxflow sandbox" : "the configured accounts";
}

/** `cxflow export` from the command line. */
export async function main(argv: string[]): Promise<void> {
  const { values } = parseArgs({
    args: argv,
    options: {
      vendor: { type: "string" },
      filter: { type: "string" },
      out: { type: "string", default: "cxflow-export" },
      project: { type: "string" },
      "package-spec": { type: "string" },
      force: { type: "boolean", default: false },
    },
    strict: true,
  });
  if (values.vendor === undefined) throw new Error(`--vendor is required: one of ${VENDOR_CHOICES.join(", ")}`);
  await exportOrganisation({
    vendor: values.vendor,
    filter: values.filter,
    out: values.out ?? "cxflow-export",
    project: values.project,
    packageSpec: values["package-spec"],
    force: values.force,
  });
}
