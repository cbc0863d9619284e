// The Genesys Cloud Architect flow resource: `pulumi-nodejs:dynamic/cxflow/genesys:ArchitectFlow`.
import * as pulumi from "@pulumi/pulumi";
import { z } from "zod";
import { nonBlank } from "../dynamic/check";
import { DEFINITION, NAME_KEY, partiallyCreated, type ResourceDefinition } from "../dynamic/define";
import type { ExportedObject } from "../dynamic/export-spec";
import { containsUnknown, type Fields, UNKNOWN } from "../dynamic/fields";
import { genesys } from "../dynamic/runtime";
import { shell } from "../dynamic/shell";
import { CxflowError, isNotFound } from "../http/errors";
import { slug, uniqueIn } from "../text";
import type { ArchitectJobState, Flow as Wire } from "./architect-models";
import { contentHash, flowHeader, inputError, normalized, PENDING, readFlowText, substitute } from "./architect-yaml";
import type { GenesysClient } from "./client";
import { MAX_PAGE_SIZE } from "./endpoints";
import { idListingReads } from "./journey-entities";

// ---------------------------------------------------------------------------------------------
// Public arguments

/** Inputs of an {@link ArchitectFlow}: the flow's YAML, as `flowFile` or `content`. */
export interface ArchitectFlowArgs {
  /**
   * Path of the flow's Architect YAML (as Archy reads it), relative to the program directory. The
   * flow's type and name come from the file (`inboundCall:` / `name:`). Give this or `content`.
   */
  flowFile?: pulumi.Input<string>;
  /** The flow's Architect YAML itself; give this or `flowFile`. */
  content?: pulumi.Input<string>;
  /**
   * Values of the `{{ placeholders }}` in the YAML, e.g. `{ queueName: "Support", outcomeId: outcome.id }`.
   * Every placeholder needs one; the flow changes when the filled-in content does.
   */
  substitutions?: pulumi.Input<Record<string, pulumi.Input<string>>>;
  /**
   * Release the flow's edit lock when someone else holds it, before publishing or deleting
   * (`POST /api/v2/flows/actions/unlock`). Default false: a locked flow is an error naming who holds it.
   */
  forceUnlock?: pulumi.Input<boolean>;
  /**
   * Take over an existing flow with the same name and type instead of failing. Read only when the
   * resource is created (Pulumi cannot `import` dynamic resources).
   */
  adopt?: pulumi.Input<boolean>;
}

// ---------------------------------------------------------------------------------------------
// Schema and field specs

/** The strict schema of {@link ArchitectFlowArgs} that check() applies. */
export const ArchitectFlowInputs = z
  .strictObject({
    flowFile: nonBlank().optional(),
    content: nonBlank().optional(),
    substitutions: z.record(z.string().regex(/^[A-Za-z_][\w.-]*$/, "a placeholder name"), z.string()).optional(),
    forceUnlock: z.boolean().optional(),
    adopt: z.boolean().optional(),
  })
  .superRefine((i, ctx) => {
    if ((i.flowFile === undefined) === (i.content === undefined))
      ctx.addIssue({
        code: "custom",
        path: [i.flowFile === undefined ? "flowFile" : "content"],
        message: "give exactly one of flowFile (a path) and content (the YAML)",
      });
  });
/** The inputs plus what check() derives from the YAML. */
type In = z.infer<typeof ArchitectFlowInputs> & { contentHash?: string; name?: string; type?: string };

/** Outputs: the flow as the server holds it, plus what cxflow needs to manage it. */
interface Out {
  name: string;
  type: string;
  description?: string;
  divisionId?: string;
  divisionName?: string;
  /** The version Genesys serves now. */
  publishedVersion?: string;
  /** The version this resource last published (or found when adopting). */
  deployedVersion?: string;
  contentHash?: string;
  lockedBy?: string;
  selfUri?: string;
  flowFile?: string;
  content?: string;
  substitutions?: Record<string, string>;
  forceUnlock?: boolean;
  adopt?: boolean;
  adopted: boolean;
}

const never = () => false;

/** Every input field and how it diffs: the filled-in content's hash is what changes a flow. */
export const fields: Fields = {
  contentHash: {},
  // Archy publishes by type and name: another name or type is another flow.
  name: { replaces: true },
  type: { replaces: true },
  // A version published outside Pulumi is a change: up publishes the declared content again.
  publishedVersion: {
    differs: (olds) => olds.deployedVersion !== undefined && olds.publishedVersion !== olds.deployedVersion,
  },
  // Where the YAML comes from is not the flow: only its hash (above) is compared.
  flowFile: { differs: never },
  content: { differs: never },
  substitutions: { differs: never },
  forceUnlock: { differs: never },
  adopt: { createOnly: true },
};

// ---------------------------------------------------------------------------------------------
// The YAML

/** The filled-in YAML the inputs declare, with what it says of the flow. */
function flowText(i: In) {
  const { text, where } = readFlowText(i);
  const property = i.content !== undefined ? "content" : "flowFile";
  const filled = substitute(text, i.substitutions ?? {}, property === "content" ? "content" : `flow file ${where}`);
  return { text: normalized(filled), header: flowHeader(filled, where, property) };
}

// ---------------------------------------------------------------------------------------------
// Publishing

/** How long a publish job may run before cxflow stops waiting. */
export const PUBLISH_TIMEOUT_MS = 15 * 60_000;

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Who holds a flow's lock, in words, or undefined when nobody does. */
const holder = (f: Wire) =>
  f.lockedUser
    ? `user ${f.lockedUser.name ?? "?"} (${f.lockedUser.id})`
    : f.lockedClient
      ? `OAuth client ${f.lockedClient.name ?? "?"} (${f.lockedClient.id})`
      : undefined;

const lockedError = (f: Wire, who: string) =>
  new Error(
    `architect flow "${f.name}" (${f.id}) is locked by ${who}: ask them to save and unlock it in Architect, or set forceUnlock: true to release the lock (their unsaved changes are lost)`,
  );

/** Makes sure nobody else holds the flow's lock: releases it with `forceUnlock`, else says who holds it. */
async function unlocked(api: GenesysClient, flowId: string, force: boolean | undefined): Promise<void> {
  const f = await api.call("getFlow", { params: { flowId } });
  const who = holder(f);
  if (!who) return;
  if (!force) throw lockedError(f, who);
  await api.call("unlockFlow", { query: { flow: flowId } });
}

/** Polls a job until it is final; 429s and `Retry-After` are the transport's, never a failed job. */
async function finished(api: GenesysClient, jobId: string): Promise<ArchitectJobState> {
  const started = Date.now();
  for (let delay = 250; ; delay = Math.min(delay * 1.5, 3000)) {
    const job = await api.call("getFlowJob", { params: { jobId } });
    if (job.status === "Success" || job.status === "Failure") return job;
    if (Date.now() - started > PUBLISH_TIMEOUT_MS)
      throw new Error(`publish job ${jobId} still ${job.status} after ${PUBLISH_TIMEOUT_MS / 60_000} minutes`);
    await sleep(delay);
  }
}

/** Every message a failed job left, one per line. */
const jobMessages = (job: ArchitectJobState) =>
  (job.messages ?? [])
    .map((m) => {
      const details = (m.details ?? []).map((d) => d.errorMessage).filter(Boolean);
      return `  - ${m.type ? `${m.type}: ` : ""}${m.text ?? "(no text)"}${details.length ? ` (${details.join("; ")})` : ""}`;
    })
    .join("\n") || "  (the job returned no message)";

const LOCKED = /locked by/i;

/**
 * Publishes `text` with the jobs protocol: register a job, upload the YAML to the link it hands
 * out, poll it to the end. Answers the flow as read afterwards. `flowId`: the flow it replaces.
 */
async function publish(name: string, text: string, force: boolean | undefined, flowId?: string): Promise<Wire> {
  const api = genesys();
  if (flowId) await unlocked(api, flowId, force);
  for (let attempt = 1; ; attempt++) {
    const job = await api.call("createFlowJob", { body: {} });
    await api.uploadFlowYaml(job.presignedUrl, job.headers ?? {}, text);
    const done = await finished(api, job.id);
    if (done.status === "Success") {
      const id = done.flow?.id ?? flowId;
      if (!id) throw new Error(`publish job ${job.id} succeeded but named no flow`);
      return api.call("getFlow", { params: { flowId: id } });
    }
    // Locked while the job ran: with forceUnlock, release it and publish once more.
    const lock = (done.messages ?? []).some((m) => LOCKED.test(m.text ?? ""));
    if (lock && force && flowId && attempt === 1) {
      await api.call("unlockFlow", { query: { flow: flowId } });
      continue;
    }
    throw new Error(
      `architect flow "${name}": publish job ${job.id} failed:\n${jobMessages(done)}${lock && !force ? "\n(set forceUnlock: true to release someone else's lock first)" : ""}`,
    );
  }
}

/** The flow's YAML as Genesys exports it (latest published version). */
export async function exportedYaml(api: GenesysClient, flowId: string): Promise<string> {
  const job = await api.call("createFlowExportJob", {
    body: { flows: [{ flow: { id: flowId }, exportType: "yaml" }] },
  });
  const started = Date.now();
  for (let delay = 250; ; delay = Math.min(delay * 1.5, 3000)) {
    const state = await api.call("getFlowExportJob", { params: { jobId: job.id } });
    if (state.status === "Success" && state.downloadUrl) return api.downloadFlowExport(state.downloadUrl);
    if (state.status === "Failure")
      throw new Error(`export job ${job.id} of flow ${flowId} failed:\n${jobMessages(state)}`);
    if (Date.now() - started > PUBLISH_TIMEOUT_MS) throw new Error(`export job ${job.id} still ${state.status}`);
    await sleep(delay);
  }
}

// ---------------------------------------------------------------------------------------------
// Wire mapping

function toOutputs(f: Wire, i: Partial<In>, local: { deployedVersion?: string; adopted?: boolean }): Out {
  return {
    name: f.name,
    type: f.type ?? i.type ?? "",
    description: f.description,
    divisionId: f.division?.id,
    divisionName: f.division?.name,
    publishedVersion: f.publishedVersion?.id,
    deployedVersion: local.deployedVersion,
    contentHash: i.contentHash,
    lockedBy: holder(f),
    selfUri: f.selfUri,
    flowFile: i.flowFile,
    content: i.content,
    substitutions: i.substitutions,
    forceUnlock: i.forceUnlock,
    adopt: i.adopt,
    adopted: local.adopted ?? false,
  };
}

/** Non-deleted flows named exactly `name` (any type: names are unique per type, so adopt checks it). */
async function byName(name: string): Promise<Wire[]> {
  const found: Wire[] = [];
  for await (const f of genesys().flows({ name, pageSize: MAX_PAGE_SIZE })) if (f.name === name) found.push(f);
  return found;
}

/** Refresh reads: concurrent reads are one listing by ids (deleted flows are left out, so gone). */
const reads = idListingReads<Wire>(
  (id) => genesys().call("listFlows", { query: { id, pageSize: MAX_PAGE_SIZE } }),
  (query) => genesys().call("listFlows", { query }),
);

const definition: ResourceDefinition<In, Out, { id: string; flow: Wire }> = {
  kind: "genesys.ArchitectFlow",
  path: "/flows",
  args: ArchitectFlowInputs,
  fields,
  prepare(i) {
    const values = i.substitutions ?? {};
    if (containsUnknown(i.flowFile) || containsUnknown(i.content)) {
      return { ...i, contentHash: UNKNOWN, name: UNKNOWN, type: UNKNOWN };
    }
    // At preview a substitution may be another resource's output: the content is not known yet.
    const pending = containsUnknown(values);
    const known = Object.fromEntries(Object.entries(values).map(([k, v]) => [k, containsUnknown(v) ? undefined : v]));
    const { text, header } = flowText({ ...i, substitutions: known as Record<string, string> });
    return {
      ...i,
      contentHash: pending ? UNKNOWN : contentHash(text),
      name: header.name.includes(PENDING) ? UNKNOWN : header.name,
      type: header.type,
    };
  },
  reads,
  async read(id, olds) {
    const f = await reads.load(id);
    if (f === undefined) return undefined;
    return toOutputs(f, olds, { deployedVersion: olds.deployedVersion, adopted: olds.adopted });
  },
  async create(i) {
    const { text } = flowText(i);
    const f = await publish(i.name!, text, i.forceUnlock);
    return { id: f.id, outs: toOutputs(f, i, { deployedVersion: f.publishedVersion?.id, adopted: false }) };
  },
  async adopt({ flow }, i) {
    if (flow.type !== i.type)
      throw inputError(
        "adopt",
        `the architect flow named "${flow.name}" (${flow.id}) is a ${flow.type} flow, not ${i.type}: choose another name`,
      );
    const { text } = flowText(i);
    try {
      // An equal flow gets no write: its exported YAML already hashes the same.
      const same = contentHash(await exportedYaml(genesys(), flow.id)) === contentHash(text);
      const f = same
        ? await genesys().call("getFlow", { params: { flowId: flow.id } })
        : await publish(flow.name, text, i.forceUnlock, flow.id);
      return toOutputs(f, i, { deployedVersion: f.publishedVersion?.id, adopted: true });
    } catch (e) {
      throw partiallyCreated(flow.id, toOutputs(flow, i, { adopted: true }), e);
    }
  },
  async update(id, olds, news) {
    const { text } = flowText(news);
    const f = await publish(news.name!, text, news.forceUnlock, id);
    return toOutputs(f, news, { deployedVersion: f.publishedVersion?.id, adopted: olds.adopted });
  },
  async delete(id, olds) {
    const api = genesys();
    try {
      await unlocked(api, id, olds.forceUnlock);
      await api.call("deleteFlow", { params: { flowId: id } });
    } catch (e) {
      if (isNotFound(e)) return;
      if (e instanceof CxflowError && e.code === "conflict")
        throw new Error(`cannot delete architect flow "${olds.name}" (${id}): ${e.message}`);
      throw e;
    }
  },
  named: {
    what: "architect flow",
    property: "name",
    find: async (name) => (await byName(name)).map((flow) => ({ id: flow.id, flow })),
  },
  export: {
    suffix: "ArchitectFlow",
    plural: "architect flows",
    async read({ clients, keep, done, save, progress, files }) {
      const api = clients.genesys();
      const listed: Wire[] = [];
      for await (const f of api.flows({ pageSize: MAX_PAGE_SIZE })) if (keep(f.name)) listed.push(f);
      const bar = progress("architect flows", listed.length);
      const out: ExportedObject[] = [];
      for (const flow of listed) {
        let e = done(flow.id);
        if (e) files.add(e.file?.name.replace(/\.yaml$/, "") ?? "");
        else {
          e = { id: flow.id, name: flow.name, args: {} };
          if (!flow.publishedVersion) e.skipped = "it has no published version to export";
          else {
            const base = uniqueIn(files, slug(flow.name) || "flow");
            e.file = { name: `${base}.yaml`, content: await exportedYaml(api, flow.id) };
            e.args = { flowFile: `flows/${base}.yaml`, adopt: true };
          }
          save(e);
        }
        out.push(e);
        bar.tick();
      }
      return out;
    },
  },
  inputsOf(outs, inputs) {
    // A version published outside Pulumi: the refreshed inputs hold it, so a preview shows it changing.
    if (outs.deployedVersion !== undefined && outs.publishedVersion !== outs.deployedVersion)
      inputs.publishedVersion = outs.publishedVersion;
    return inputs;
  },
};

/** The definition the provider host runs (see `pulumi-cxflow/dynamic`). */
export const architectFlow = definition;

// ---------------------------------------------------------------------------------------------
// The resource

const provider = shell(definition.kind);

/**
 * A Genesys Cloud Architect flow (`/api/v2/flows`) published from its Architect YAML, as Archy
 * reads it: `pulumi up` registers a publish job, uploads the filled-in YAML to the link the job
 * hands out and waits for the job (429s and `Retry-After` are waited out, not failures). A job
 * that fails prints every message it returned, with their line numbers. The flow changes only
 * when the filled-in content does (by `contentHash`, whatever the path or line endings); a
 * version published outside Pulumi shows as a change of `publishedVersion` after a refresh.
 * Another name or type in the YAML is another flow (a replacement). Type token:
 * `pulumi-nodejs:dynamic/cxflow/genesys:ArchitectFlow`.
 */
export class ArchitectFlow extends pulumi.dynamic.Resource {
  /** @internal */
  static readonly [DEFINITION] = definition;
  /** The flow's name, from the YAML. */
  declare readonly name: pulumi.Output<string>;
  /** The flow's type as the API names it, e.g. `INBOUNDCALL` (the YAML's `inboundCall:`). */
  declare readonly type: pulumi.Output<string>;
  /** The flow's description, as the server holds it. */
  declare readonly description: pulumi.Output<string | undefined>;
  /** Id of the division it belongs to. */
  declare readonly divisionId: pulumi.Output<string | undefined>;
  /** Name of the division it belongs to. */
  declare readonly divisionName: pulumi.Output<string | undefined>;
  /** The version Genesys serves now, e.g. `"3.0"`. */
  declare readonly publishedVersion: pulumi.Output<string>;
  /** The version this resource last published (or found when it adopted the flow). */
  declare readonly deployedVersion: pulumi.Output<string>;
  /** sha256 (hex) of the filled-in YAML, with line endings and trailing blank lines normalized. */
  declare readonly contentHash: pulumi.Output<string>;
  /** Who holds the flow's edit lock when it was last read; absent when nobody does. */
  declare readonly lockedBy: pulumi.Output<string | undefined>;
  /** The flow's API path, `/api/v2/flows/<id>`. */
  declare readonly selfUri: pulumi.Output<string>;
  /** True when this resource took over a flow that already existed (`adopt`). */
  declare readonly adopted: pulumi.Output<boolean>;

  /**
   * Declares an Architect flow in the stack; `pulumi up` publishes its YAML, or takes a flow over with `adopt`.
   * @param name The Pulumi resource name, unique in the stack (not the flow's name).
   * @param args The flow's YAML and how to publish it.
   * @param opts Pulumi resource options.
   */
  constructor(name: string, args: ArchitectFlowArgs, opts?: pulumi.CustomResourceOptions) {
    const outputs = {
      name: undefined,
      type: undefined,
      description: undefined,
      divisionId: undefined,
      divisionName: undefined,
      publishedVersion: undefined,
      deployedVersion: undefined,
      contentHash: undefined,
      lockedBy: undefined,
      selfUri: undefined,
      adopted: undefined,
    };
    super(provider, name, { ...outputs, ...args, [NAME_KEY]: name }, opts, "cxflow/genesys", "ArchitectFlow");
  }
}
