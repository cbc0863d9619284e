// `cxflow drift`: what changed outside Pulumi, as a pipeline step. It runs the engine's own
// refresh in preview mode (nothing is written to the state or to the vendors) and reports each
// cxflow resource whose refreshed inputs differ from the state's, field by field: the same
// inputs, and so the same field names, a `pulumi preview` after a refresh would show.
import { parseArgs } from "node:util";
import { same } from "../dynamic/fields";
import { runPulumi, STACK_OPTIONS, type StackFlags } from "./pulumi";
import { kindOf } from "./recover";

export const usage = `usage: cxflow drift [--stack NAME] [--cwd DIR] [--config-file FILE] [--json | --markdown]

  Reports what changed outside Pulumi in a stack's cxflow resources: runs
  \`pulumi refresh --preview-only\` (nothing is written to the state or to the vendors) and
  prints, per resource and field, what the state holds and what the vendor holds now.
  Exit status: 0 no drift, 1 drift, 2 the refresh failed.
  --json      one JSON document: { stack, drifted, resources: [{ kind, name, urn, status, fields }] }
  --markdown  a Markdown table, e.g. to post on a pull request
  Uses \`pulumi\` on PATH, the stack's cxflow:* config and the usual environment variables.`;

/** One field that differs: what the state holds and what the vendor holds now. */
export interface FieldDrift {
  field: string;
  /** `undefined`: the state had no value; secrets are `"[secret]"`. */
  before?: unknown;
  after?: unknown;
}

/** One resource changed or deleted outside Pulumi. */
export interface ResourceDrift {
  /** `genesys.JourneySegment`, … */
  kind: string;
  /** The Pulumi resource name. */
  name: string;
  urn: string;
  status: "changed" | "deleted";
  /** The fields that differ (empty when deleted). */
  fields: FieldDrift[];
}

/** What `cxflow drift` found. */
export interface DriftReport {
  stack?: string;
  drifted: boolean;
  resources: ResourceDrift[];
}

/** One engine event as the event log writes it (the parts read here). */
interface EngineEvent {
  resOutputsEvent?: { metadata: StepMetadata };
  diagnosticEvent?: { severity: string; message: string; urn?: string };
}

export interface StepMetadata {
  op: string;
  urn: string;
  type: string;
  old?: { id?: string; inputs?: Record<string, unknown>; outputs?: Record<string, unknown> } | null;
  new?: { id?: string; inputs?: Record<string, unknown>; outputs?: Record<string, unknown> } | null;
}

// The engine's marker of a secret value, and what a report shows instead.
const SECRET_SIG = "4dabf18193072939515e22adb298388d";
const isSecret = (v: unknown) =>
  typeof v === "object" && v !== null && (v as Record<string, unknown>)[SECRET_SIG] !== undefined;
const shown = (v: unknown) => (isSecret(v) ? "[secret]" : v);

/** The ops a refresh step is reported with: `refresh` inside `up --refresh`; in `refresh --preview-only` what it would do to the state. */
const REFRESH_OPS = { withUp: ["refresh"], alone: ["refresh", "update", "delete"] };

/**
 * What one refresh step found, or `undefined` when the resource is not cxflow's or did not drift.
 * The inputs are the ones the provider's read() handed back: the declared fields, as a preview
 * compares them. `alone`: the events come from a refresh alone, where every step is the refresh's.
 */
export function driftOfStep(m: StepMetadata, alone = false): ResourceDrift | undefined {
  const kind = kindOf(m.type);
  if (!REFRESH_OPS[alone ? "alone" : "withUp"].includes(m.op) || !kind) return undefined;
  const name = m.urn.slice(m.urn.lastIndexOf("::") + 2);
  if (m.old && !m.new?.id) return { kind, name, urn: m.urn, status: "deleted", fields: [] };
  const before = m.old?.inputs ?? {};
  const after = m.new?.inputs ?? before;
  const fields = [...new Set([...Object.keys(before), ...Object.keys(after)])]
    .filter((k) => !k.startsWith("__"))
    .filter((k) => !same(before[k], after[k]))
    .sort()
    .map((field) => ({ field, before: shown(before[field]), after: shown(after[field]) }));
  return fields.length > 0 ? { kind, name, urn: m.urn, status: "changed", fields } : undefined;
}

/** The drift an event stream holds (one JSON event per line); `alone` as for {@link driftOfStep}. */
export function driftOfEvents(lines: string[], alone = false): ResourceDrift[] {
  return driftOf(
    lines.filter((l) => l.trim()).map((l) => JSON.parse(l) as EngineEvent),
    alone,
  );
}

function driftOf(events: EngineEvent[], alone: boolean): ResourceDrift[] {
  const found = new Map<string, ResourceDrift>();
  for (const e of events) {
    const d = e.resOutputsEvent && driftOfStep(e.resOutputsEvent.metadata, alone);
    if (d) found.set(d.urn, d);
  }
  return [...found.values()].sort((a, b) => `${a.kind} ${a.name}`.localeCompare(`${b.kind} ${b.name}`));
}

const text = (v: unknown) => (v === undefined ? "(none)" : JSON.stringify(v));

/** The report in lines, one per drifted field. */
export function plainReport(r: DriftReport): string {
  if (!r.drifted) return `no drift${r.stack ? ` in stack ${r.stack}` : ""}: every cxflow resource matches its state.`;
  const lines = [
    `drift${r.stack ? ` in stack ${r.stack}` : ""}: ${r.resources.length} resource(s) changed outside Pulumi`,
  ];
  for (const d of r.resources) {
    if (d.status === "deleted") lines.push(`  ${d.kind} ${d.name}: deleted outside Pulumi`);
    else
      for (const f of d.fields) lines.push(`  ${d.kind} ${d.name}: ${f.field}: ${text(f.before)} → ${text(f.after)}`);
  }
  return lines.join("\n");
}

/** `|` and line breaks would break a table row. */
const cell = (s: string) => s.replace(/\|/g, "\\|").replace(/\r?\n/g, " ");

/** The report as a Markdown table, for a pull request comment. */
export function markdownReport(r: DriftReport): string {
  const title = `### cxflow drift${r.stack ? `: stack \`${r.stack}\`` : ""}`;
  if (!r.drifted) return `${title}\n\nNo drift: every cxflow resource matches its state.\n`;
  const rows = r.resources.flatMap((d) =>
    d.status === "deleted"
      ? [`| ${d.kind} | ${cell(d.name)} | | deleted outside Pulumi |`]
      : d.fields.map(
          (f) => `| ${d.kind} | ${cell(d.name)} | \`${f.field}\` | ${cell(text(f.before))} → ${cell(text(f.after))} |`,
        ),
  );
  return [
    title,
    "",
    `${r.resources.length} resource(s) changed outside Pulumi; \`pulumi up\` puts back what the program declares.`,
    "",
    "| resource type | name | field | state → vendor |",
    "|---|---|---|---|",
    ...rows,
    "",
  ].join("\n");
}

/** Options of {@link drift}. */
export interface DriftOptions extends StackFlags {
  env?: NodeJS.ProcessEnv;
}

/** A failed refresh: the engine's error lines, or what it printed. */
export class DriftError extends Error {}

/** Runs the preview refresh and reads what it found. */
export async function drift(o: DriftOptions = {}): Promise<DriftReport> {
  // A preview streams the engine's events as JSON lines only when asked to.
  const { failure, stdout } = await runPulumi(o, ["refresh", "--preview-only", "--json"], {
    configFile: true,
    env: { ...(o.env ?? process.env), PULUMI_ENABLE_STREAMING_JSON_PREVIEW: "true" },
  });
  const events = stdout
    .split("\n")
    .filter((l) => l.startsWith("{"))
    .flatMap((l) => {
      try {
        return [JSON.parse(l) as EngineEvent];
      } catch {
        return [];
      }
    });
  if (failure !== undefined) {
    const errors = events
      .map((e) => e.diagnosticEvent)
      .filter((d) => d?.severity === "error")
      .map((d) => d!.message.trim().replace(/^error: /, ""));
    throw new DriftError(`pulumi refresh --preview-only failed: ${errors.length ? errors.join("; ") : failure}`);
  }
  const resources = driftOf(events, true);
  return { stack: o.stack, drifted: resources.length > 0, resources };
}

/** `cxflow drift …`: prints the report; exit status 0 clean, 1 drift, 2 failure. */
export async function main(argv: string[]): Promise<number> {
  let values: { stack?: string; cwd?: string; "config-file"?: string; json?: boolean; markdown?: boolean };
  try {
    ({ values } = parseArgs({
      args: argv,
      options: {
        ...STACK_OPTIONS,
        json: { type: "boolean", default: false },
        markdown: { type: "boolean", default: false },
      },
      strict: true,
    }));
    if (values.json && values.markdown) throw new Error("--json and --markdown: choose one");
  } catch (e) {
    console.error(`cxflow drift: ${(e as Error).message}\n\n${usage}`);
    return 2;
  }
  try {
    const report = await drift({ stack: values.stack, cwd: values.cwd, configFile: values["config-file"] });
    console.log(
      values.json ? JSON.stringify(report, null, 2) : values.markdown ? markdownReport(report) : plainReport(report),
    );
    return report.drifted ? 1 : 0;
  } catch (e) {
    console.error(`cxflow drift: ${(e as Error).message}`);
    return 2;
  }
}
