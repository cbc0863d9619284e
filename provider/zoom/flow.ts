// The Zoom Contact Center flow resource: `pulumi-nodejs:dynamic/cxflow/zoom:Flow`.
import { createHash } from "node:crypto";
import * as fs from "node:fs";
import * as path from "node:path";
import * as pulumi from "@pulumi/pulumi";
import { z } from "zod";
import { listingReads } from "../dynamic/batch";
import { nonBlank } from "../dynamic/check";
import { createOnce } from "../dynamic/create-once";
import { DEFINITION, NAME_KEY, nameInUse, partiallyCreated, type ResourceDefinition } from "../dynamic/define";
import type { ExportedObject } from "../dynamic/export-spec";
import { containsUnknown, type Fields, stable, UNKNOWN } from "../dynamic/fields";
import { zoom } from "../dynamic/runtime";
import { shell } from "../dynamic/shell";
import { CxflowError, isNotFound } from "../http/errors";
import { slug, uniqueIn } from "../text";
import {
  type EntryPoint,
  type Flow as FlowModel,
  type FlowVersion,
  MAX_FLOW_FILE_BYTES,
  type UpdateFlowBody,
} from "./models";

// ---------------------------------------------------------------------------------------------
// Public arguments

/** Inputs of a {@link Flow}; `flowFile` and `name` are required. */
export interface FlowArgs {
  /**
   * The flow's content: the path of a JSON file exported from Zoom Contact Center (a relative path
   * resolves from the Pulumi program's directory), or the JSON text itself (a string starting with
   * `{`). A change of content imports it as the flow's next version; the same content under
   * another path is an update that records the new path and sends nothing to Zoom. The file's
   * channel fields decide the flow's channel.
   */
  flowFile: pulumi.Input<string>;
  /** The flow's name (`flow_name`), unique in the account; a change renames the flow in place. */
  name: pulumi.Input<string>;
  /** The flow's description; absent means empty. */
  description?: pulumi.Input<string>;
  /** Description of the flow's latest version (the one each import of `flowFile` creates); absent means empty. */
  versionDescription?: pulumi.Input<string>;
  /**
   * Keep the latest version published (default false): a new version is published once imported,
   * and a version published outside Pulumi is replaced by the latest one. Zoom has no unpublish,
   * so turning this off leaves the published version as it is.
   */
  publish?: pulumi.Input<boolean>;
  /**
   * Take over an existing flow with the same `name` instead of failing; its content is imported as
   * a new version only when it differs from the flow's latest version (channel fields the file
   * leaves out are Zoom's, not a difference), and a flow that already matches gets no write. Read
   * only when the resource is created (Pulumi cannot `import` dynamic resources).
   */
  adopt?: pulumi.Input<boolean>;
}

// ---------------------------------------------------------------------------------------------
// Schema and field specs

/** Size in bytes of a flow file: inline JSON text, or the file at that path (undefined when unreadable). */
function flowFileBytes(flowFile: string): number | undefined {
  if (flowFile.trimStart().startsWith("{")) return Buffer.byteLength(flowFile, "utf8");
  try {
    return fs.statSync(path.resolve(flowFile)).size;
  } catch {
    return undefined; // prepare() says why it cannot be read
  }
}

/** The strict schema of {@link FlowArgs} that check() applies. */
export const FlowInputs = z.strictObject({
  flowFile: z
    .string()
    .min(1)
    .superRefine((flowFile, ctx) => {
      const bytes = flowFileBytes(flowFile);
      if (bytes !== undefined && bytes > MAX_FLOW_FILE_BYTES)
        ctx.addIssue({
          code: "custom",
          message: `must be at most 10 MB (${MAX_FLOW_FILE_BYTES} bytes, Zoom's limit for an imported flow file); this one has ${bytes} bytes`,
        });
    }),
  name: nonBlank(),
  description: z.string().optional(),
  versionDescription: z.string().optional(),
  publish: z.boolean().optional(),
  adopt: z.boolean().optional(),
});
/** The inputs plus what check() derives: the hash of the flow file's content. */
type In = z.infer<typeof FlowInputs> & { fileHash?: string };

/** What the provider keeps from the inputs, next to the server's view of the flow. */
interface Local {
  flowFile: string;
  fileHash?: string;
  publish: boolean;
  adopt?: boolean;
  /** True when this resource took over a flow that already existed. */
  adopted: boolean;
}

/** Outputs: the flow as the server holds it, plus what cxflow needs to manage it. */
interface Out extends Local {
  name: string;
  description: string;
  channel?: string;
  channelType?: string;
  channelSource?: string;
  status: string;
  version: number;
  publishedVersion?: number;
  versionDescription: string;
  entryPoints: EntryPoint[];
  lastModifiedTime?: string;
}

/** Every input field and how it diffs. */
export const fields: Fields = {
  name: {},
  description: { default: "" },
  fileHash: {},
  versionDescription: { default: "" },
  publish: {
    // A version published outside Pulumi (or an import nobody published) is a change too.
    differs: (olds, news) =>
      (olds.publish ?? false) !== (news.publish ?? false) ||
      (news.publish === true && olds.publishedVersion !== olds.version),
  },
  // Another path (or text) with the same content: an update that only records it, no request.
  flowFile: {},
  adopt: { createOnly: true },
};

// ---------------------------------------------------------------------------------------------
// Flow files

/** Keys of an exported file that describe the version, not the flow's content. */
const VERSION_METADATA = ["flow_name", "flow_description", "flow_version", "flow_version_description"];

/** A flow file read for import. */
interface FlowFileText {
  filename: string;
  text: string;
  /** sha256 of the content without {@link VERSION_METADATA}. */
  hash: string;
  /** The file's top-level keys. */
  keys: string[];
}

/** An error check() reports on `flowFile`. */
const fileError = (reason: string) => Object.assign(new Error(reason), { property: "flowFile" });

/** The hash that says whether two flow files hold the same flow, whatever their metadata and key order. */
export function contentHash(file: Record<string, unknown>): string {
  const content = Object.fromEntries(Object.entries(file).filter(([k]) => !VERSION_METADATA.includes(k)));
  return createHash("sha256")
    .update(JSON.stringify(stable(content)))
    .digest("hex");
}

/** Reads `flowFile` (a path from the program directory, or inline JSON) and checks it holds a JSON object. */
function readFlowFile(flowFile: string): FlowFileText {
  const inline = flowFile.trimStart().startsWith("{");
  const where = inline ? "the flowFile content" : path.resolve(flowFile);
  let text = flowFile;
  if (!inline) {
    try {
      text = fs.readFileSync(where, "utf8");
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      throw fileError(
        code === "ENOENT" ? `no flow file at ${where}` : `cannot read the flow file ${where}: ${(e as Error).message}`,
      );
    }
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (e) {
    throw fileError(`${where} is not JSON (${(e as Error).message}); export the flow from Zoom Contact Center`);
  }
  if (json === null || typeof json !== "object" || Array.isArray(json)) {
    const got = json === null ? "null" : Array.isArray(json) ? "an array" : typeof json;
    throw fileError(`${where} must hold a JSON object (an exported Zoom flow), not ${got}`);
  }
  return {
    filename: inline ? "flow.json" : path.basename(where),
    text,
    hash: contentHash(json as Record<string, unknown>),
    keys: Object.keys(json),
  };
}

/** The hash of a version's content as Zoom exports it. */
async function exportedHash(flowId: string, version: number): Promise<string> {
  return contentHash(await zoom().exportFlow(flowId, version));
}

/** Channel fields Zoom's export writes from the flow's channel when the imported file had none. */
const SERVER_FILLED = ["channel", "channel_type", "channel_source"];

/** Whether a version holds `file`'s content; a channel field the file leaves out is the server's, not a difference. */
async function holds(flowId: string, version: number, file: FlowFileText): Promise<boolean> {
  const exported: Record<string, unknown> = await zoom().exportFlow(flowId, version);
  const filled = SERVER_FILLED.filter((k) => !file.keys.includes(k));
  return contentHash(Object.fromEntries(Object.entries(exported).filter(([k]) => !filled.includes(k)))) === file.hash;
}

// ---------------------------------------------------------------------------------------------
// Wire mapping

/** The flow's newest version (highest number), if it has any. */
export const latestOf = (f: FlowModel): FlowVersion | undefined =>
  (f.flow_versions ?? []).reduce<FlowVersion | undefined>(
    (a, v) => (a === undefined || v.flow_version > a.flow_version ? v : a),
    undefined,
  );

const publishedOf = (f: FlowModel): number | undefined =>
  f.flow_versions?.find((v) => v.flow_version_status === "published")?.flow_version;

function toOutputs(f: FlowModel, local: Partial<Local> & { flowFile: string }): Out {
  const latest = latestOf(f);
  return {
    name: f.flow_name,
    description: f.flow_description ?? "",
    channel: f.channel,
    channelType: f.channel_type,
    channelSource: f.channel_source,
    status: f.status,
    version: latest?.flow_version ?? 0,
    publishedVersion: publishedOf(f),
    versionDescription: latest?.flow_version_description ?? "",
    entryPoints: f.entry_points ?? [],
    lastModifiedTime: f.last_modified_time,
    flowFile: local.flowFile,
    fileHash: local.fileHash,
    publish: local.publish ?? false,
    adopt: local.adopt,
    adopted: local.adopted ?? false,
  };
}

/** Zoom's own error code (`{code, message}` body), e.g. 3202 for a taken name. */
const zoomCode = (e: unknown): unknown =>
  e instanceof CxflowError ? (e.details as { code?: unknown } | undefined)?.code : undefined;

const isGone = (e: unknown) => isNotFound(e) || zoomCode(e) === 3201;

/** The flow with exactly this name, or undefined. */
async function findByName(name: string): Promise<FlowModel | undefined> {
  try {
    return await zoom().getFlowByName(name);
  } catch (e) {
    if (isNotFound(e)) return undefined;
    throw e;
  }
}

// ---------------------------------------------------------------------------------------------
// CRUD

/**
 * Makes `current` match `i`, in Zoom's order: import `file` as the next version (when given),
 * then one PATCH for names and descriptions, then publish. Returns the flow as read afterwards.
 */
async function converge(current: FlowModel, i: In, file: FlowFileText | undefined): Promise<FlowModel> {
  const api = zoom();
  let flow = current;
  let touched = false;
  if (file) {
    const before = flow;
    try {
      // `version` mode finds the flow by its current name (and channel), so this precedes a rename.
      flow = await createOnce(
        () =>
          api.importFlow({
            flow_name: before.flow_name,
            flow_file: { filename: file.filename, contentType: "application/json", text: file.text },
            import_mode: "version",
            ...(i.versionDescription !== undefined && { flow_version_description: i.versionDescription }),
          }),
        // An import whose answer was lost made a newer version holding this file: no second one.
        async () => {
          const now = await api.getFlow(before.flow_id);
          const latest = latestOf(now);
          const made = latest && latest.flow_version > (latestOf(before)?.flow_version ?? 0);
          return made && (await holds(now.flow_id, latest.flow_version, file)) ? now : undefined;
        },
      );
    } catch (e) {
      if (!isGone(e)) throw e;
      throw new Error(
        `zoom flow "${flow.flow_name}" (${flow.flow_id}) took no new version: Zoom matches it by name and channel (${flow.channel}), so the flow file cannot change the channel; replace the resource instead (${(e as Error).message})`,
      );
    }
    touched = true;
  }
  const latest = latestOf(flow);
  if (!latest) throw new Error(`zoom flow "${flow.flow_name}" (${flow.flow_id}) has no versions`);
  const patch: z.input<typeof UpdateFlowBody> = { flow_version: latest.flow_version };
  if (flow.flow_name !== i.name) patch.flow_name = i.name;
  if ((flow.flow_description ?? "") !== (i.description ?? "")) patch.flow_description = i.description ?? "";
  if ((latest.flow_version_description ?? "") !== (i.versionDescription ?? ""))
    patch.flow_version_description = i.versionDescription ?? "";
  if (Object.keys(patch).length > 1) {
    await api.updateFlow(flow.flow_id, patch);
    touched = true;
  }
  if (i.publish && publishedOf(flow) !== latest.flow_version) {
    await api.publishFlow(flow.flow_id, latest.flow_version);
    touched = true;
  }
  // The import answer has no channel_type and PATCH/publish answer nothing: read what they made.
  return touched ? api.getFlow(flow.flow_id) : flow;
}

/** The outputs a resource keeps of its own (Zoom holds none of them). */
const localOf = (i: In, file: FlowFileText, adopted: boolean) => ({
  flowFile: i.flowFile,
  fileHash: file.hash,
  publish: i.publish ?? false,
  adopt: i.adopt,
  adopted,
});

/** Imports `file` as a new flow; a name in use is an error that points at `adopt`. */
async function importNew(i: In, file: FlowFileText): Promise<FlowModel> {
  try {
    return await createOnce(
      () =>
        zoom().importFlow({
          flow_name: i.name,
          flow_file: { filename: file.filename, contentType: "application/json", text: file.text },
          import_mode: "new",
          ...(i.description !== undefined && { flow_description: i.description }),
          ...(i.versionDescription !== undefined && { flow_version_description: i.versionDescription }),
        }),
      () => findByName(i.name),
    );
  } catch (e) {
    if (e instanceof CxflowError && e.code === "validation" && zoomCode(e) === 3202) {
      throw new Error(nameInUse(definition.named!, i.name));
    }
    throw e;
  }
}

/** Refresh reads: one GET alone, the whole listing (Zoom lists the same flow objects) for many. */
const reads = listingReads<FlowModel>(
  (id) => zoom().getFlow(id),
  async function* () {
    for await (const f of zoom().flows({ page_size: 100 })) yield [f.flow_id, f];
  },
  { gone: isGone },
);

const definition: ResourceDefinition<In, Out, { id: string; flow: FlowModel }> = {
  kind: "zoom.Flow",
  path: "/contact_center/flows",
  args: FlowInputs,
  fields,
  export: {
    suffix: "ZoomFlow",
    plural: "Zoom flows",
    async read({ clients, keep, done, save, progress, files }) {
      const z = clients.zoom();
      const listed = [];
      for await (const f of z.flows({ page_size: 100 })) if (keep(f.flow_name)) listed.push(f);
      const bar = progress("zoom flows", listed.length);
      const out: ExportedObject[] = [];
      // One export request per flow: each flow read in full is saved, so a resumed export skips it.
      for (const summary of listed) {
        let e = done(summary.flow_id);
        if (e) files.add(e.file?.name.replace(/\.json$/, "") ?? "");
        else {
          const flow = await z.getFlow(summary.flow_id);
          const latest = latestOf(flow);
          e = { id: flow.flow_id, name: flow.flow_name, args: {} };
          if (!latest) e.skipped = "it has no versions to export";
          else {
            const base = uniqueIn(files, slug(flow.flow_name) || "flow");
            const content = (await z.exportFlow(flow.flow_id, latest.flow_version)) as Record<string, unknown>;
            e.file = { name: `${base}.json`, content };
            e.args = {
              name: flow.flow_name,
              flowFile: `flows/${base}.json`,
              description: flow.flow_description,
              versionDescription: latest.flow_version_description,
              publish: latest.flow_version_status === "published" ? true : undefined,
              adopt: true,
            };
          }
          save(e);
        }
        out.push(e);
        bar.tick();
      }
      return out;
    },
  },
  named: {
    what: "zoom flow",
    property: "name",
    find: async (name) => {
      const flow = await findByName(name);
      return flow ? [{ id: flow.flow_id, flow }] : [];
    },
    // Zoom answers an import under a name in use with its code 3202 (see importNew).
    vendorRefuses: true,
  },
  gone: isGone,
  inputsOf(outs, inputs) {
    // A version imported or published outside Pulumi leaves the declared version unpublished.
    if (inputs.publish === true && outs.publishedVersion !== outs.version) inputs.publish = false;
    for (const key of ["description", "versionDescription"]) if (inputs[key] === "") delete inputs[key];
    return inputs;
  },
  prepare(i) {
    // During preview the file may come from another resource's output: its hash is unknown too.
    if (containsUnknown(i.flowFile)) return { ...i, fileHash: UNKNOWN };
    return { ...i, fileHash: readFlowFile(i.flowFile).hash };
  },
  async create(i) {
    const file = readFlowFile(i.flowFile);
    const mine = localOf(i, file, false);
    const created = await importNew(i, file);
    try {
      return { id: created.flow_id, outs: toOutputs(await converge(created, i, undefined), mine) };
    } catch (e) {
      throw partiallyCreated(created.flow_id, toOutputs(created, mine), e);
    }
  },
  async adopt({ flow }, i) {
    const file = readFlowFile(i.flowFile);
    const mine = localOf(i, file, true);
    try {
      const latest = latestOf(flow);
      const same = latest !== undefined && (await holds(flow.flow_id, latest.flow_version, file));
      return toOutputs(await converge(flow, i, same ? undefined : file), mine);
    } catch (e) {
      throw partiallyCreated(flow.flow_id, toOutputs(flow, mine), e);
    }
  },
  reads,
  async read(id, olds) {
    const flow = await reads.load(id);
    if (flow === undefined) return undefined;
    const outs = toOutputs(flow, olds);
    // A version imported outside Pulumi may hold other content: its hash then shows as a change.
    if (olds.version !== undefined && outs.version !== olds.version && outs.version > 0)
      outs.fileHash = await exportedHash(id, outs.version);
    return outs;
  },
  async update(id, olds, news, changed) {
    // Same content under another path: nothing to send, only the path to record.
    if (changed.every((k) => k === "flowFile")) return { ...olds, flowFile: news.flowFile };
    const current = await zoom().getFlow(id);
    const file = readFlowFile(news.flowFile);
    const flow = await converge(current, news, changed.includes("fileHash") ? file : undefined);
    return toOutputs(flow, {
      flowFile: news.flowFile,
      fileHash: file.hash,
      publish: news.publish ?? false,
      adopt: olds.adopt,
      adopted: olds.adopted,
    });
  },
  async delete(id, olds) {
    try {
      await zoom().deleteFlow(id);
    } catch (e) {
      if (zoomCode(e) === 3209)
        throw new Error(`cannot delete zoom flow "${olds.name}" (${id}): ${(e as Error).message}`);
      throw e;
    }
  },
};

/** The definition the provider host runs (see `pulumi-cxflow/dynamic`). */
export const flow = definition;

// ---------------------------------------------------------------------------------------------
// The resource

const provider = shell(definition.kind);

/**
 * A Zoom Contact Center flow (`/contact_center/flows`), created by importing an exported flow
 * file. A new file content becomes the flow's next version (published when `publish` is set);
 * names and descriptions change in place. Deleting a flow bound to entry points fails with Zoom's
 * message naming them. Type token: `pulumi-nodejs:dynamic/cxflow/zoom:Flow`.
 */
export class Flow extends pulumi.dynamic.Resource {
  /** @internal */
  static readonly [DEFINITION] = definition;
  /** The flow's name (`flow_name`), as the server holds it. */
  declare readonly name: pulumi.Output<string>;
  /** The flow's description (`flow_description`), as the server holds it; `""` when it has none. */
  declare readonly description: pulumi.Output<string>;
  /** `voice`, `video`, `messaging`, `email` or `work_item`, from the flow file. */
  declare readonly channel: pulumi.Output<string | undefined>;
  /** Legacy channel classification (`voice`, `chat`, `sms`, `video`, `in_app_chat`). */
  declare readonly channelType: pulumi.Output<string | undefined>;
  /**
   * Where the channel's contacts come from, e.g. `web_chat`, `sms`, `whatsapp`, `email_address`,
   * `api`; from the flow file. Absent when Zoom reports none.
   */
  declare readonly channelSource: pulumi.Output<string | undefined>;
  /** `draft`, `published`, `archived` or `debugging`. */
  declare readonly status: pulumi.Output<string>;
  /** Number of the latest version. */
  declare readonly version: pulumi.Output<number>;
  /** Number of the published version, if any. */
  declare readonly publishedVersion: pulumi.Output<number | undefined>;
  /** Description of the latest version. */
  declare readonly versionDescription: pulumi.Output<string>;
  /** Phone numbers, chat widgets and addresses bound to the flow (managed in Zoom). */
  declare readonly entryPoints: pulumi.Output<EntryPoint[]>;
  /**
   * When the flow last changed (ISO-8601, UTC, e.g. `2026-10-01T09:30:00Z`), as Zoom reports it;
   * absent when Zoom reports none.
   */
  declare readonly lastModifiedTime: pulumi.Output<string | undefined>;
  /**
   * sha256 (hex) of the flow file's content, without its name, description and version fields and
   * whatever its key order. A refresh that finds a version imported outside Pulumi puts that
   * version's hash here, so `pulumi up` imports `flowFile` again when the two contents differ.
   */
  declare readonly fileHash: pulumi.Output<string>;
  /** The `publish` input (false when absent): whether the latest version is kept published. */
  declare readonly publish: pulumi.Output<boolean>;
  /** True when this resource took over a flow that already existed (`adopt`). */
  declare readonly adopted: pulumi.Output<boolean>;

  /**
   * Declares a Zoom flow in the stack; `pulumi up` imports the flow file, or takes a flow over with `adopt`.
   * @param name The Pulumi resource name, unique in the stack (not the flow's `name`).
   * @param args The flow file and the flow's settings.
   * @param opts Pulumi resource options.
   */
  constructor(name: string, args: FlowArgs, opts?: pulumi.CustomResourceOptions) {
    const outputs = {
      channel: undefined,
      channelType: undefined,
      channelSource: undefined,
      status: undefined,
      version: undefined,
      publishedVersion: undefined,
      entryPoints: undefined,
      lastModifiedTime: undefined,
      fileHash: undefined,
      adopted: undefined,
    };
    const optional = { description: undefined, versionDescription: undefined, publish: undefined };
    super(provider, name, { ...optional, ...outputs, ...args, [NAME_KEY]: name }, opts, "cxflow/zoom", "Flow");
  }
}
