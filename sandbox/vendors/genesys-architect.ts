// Genesys Cloud Architect: flows, their publish and export jobs, flow outcomes and flow milestones
// (the API as docs/vendors.md describes it). A flow's content is not part of the flow: a publish
// job receives it on an upload link of the sandbox's own (`PUT /genesys/architect/uploads`),
// checks it the way Archy would for what can be checked without Archy, and publishes it; an export
// job hands it back on a download link. The seeded flows, outcomes and milestones are the ones the
// synthetic analytics data set reports on, so its ids resolve to names.
import { createHash, randomBytes, randomUUID, timingSafeEqual } from "node:crypto";
import { isMap, isScalar, LineCounter, type Pair, parseDocument, visit } from "yaml";
import type { z } from "zod";
import { architectEndpoints, type ListFlowOutcomesQuery } from "../../provider/genesys/architect-endpoints";
import {
  type ArchitectJobMessage,
  type ArchitectJobState,
  FLOW_TYPE_KEYS,
  type Flow,
  type FlowOutcome,
  type FlowOutcomeRequest,
  type FlowTypeKey,
  type FlowVersion,
} from "../../provider/genesys/architect-models";
import { VENDORS } from "../../provider/vendors";
import { routesOf } from "../routes";
import { seededRandom, seededUuid } from "../seeded";
import type { CallOf, Failure, Handlers, RawRequest, RawRoute, Reply, Route, VendorContext } from "../types";
import { analyticsData, type SyntheticFlow } from "./genesys-data";
import { genesysError as error, page, sorted } from "./genesys-replies";

type Row = typeof architectEndpoints;
const API = "/api/v2";
const DAY = 86_400_000;
const iso = (ms: number) => new Date(ms).toISOString();

// ---------------------------------------------------------------------------------------------
// What the store holds

/** A flow as the API answers it (the store keeps exactly that). */
type StoredFlow = z.input<typeof Flow>;
/** A flow outcome or milestone as the API answers it: both kinds have the same fields. */
type Label = z.input<typeof FlowOutcome>;
type Division = NonNullable<Label["division"]>;
type User = { id: string; name: string };

/** The published content of a flow (`genesys/flowcontent`, keyed by flow id): what export answers and analytics read. */
export interface FlowContent {
  /** The YAML as it was uploaded. */
  yaml: string;
  /** The published version it is, e.g. `"3.0"`. */
  version: string;
  /** Ids of the flow outcomes it refers to (`flowOutcomeId`), each once, in order of appearance. */
  outcomeIds: string[];
  /** Ids of the flow milestones it refers to (`flowMilestoneId`), each once, in order of appearance. */
  milestoneIds: string[];
}

/** Who holds a flow's edit lock and since when (`genesys/flowlocks`, keyed by flow id); the flow shows the user as `lockedUser`. */
interface FlowLock {
  user: User;
  /** Milliseconds since the epoch. */
  since: number;
}

/** A publish job (`genesys/flowjobs`). */
interface PublishJob {
  id: string;
  /** The `X-Amz-Signature` of its upload link. */
  signature: string;
  /** The OAuth client that registered it. */
  client?: string;
  createdAt: number;
  /** When the YAML arrived; the job runs `architectJobMs` from then. */
  uploadedAt?: number;
  yaml?: string;
  /** The final state, written once, when the job is first read after it ran. */
  result?: Pick<ArchitectJobState, "status" | "flow" | "messages">;
}

/** An export job (`genesys/flowexportjobs`): the content of its flows as they were when it was registered. */
interface ExportJob {
  id: string;
  /** The `X-Amz-Signature` of its download link. */
  signature: string;
  createdAt: number;
  flows: { id: string; version: string; yaml: string }[];
}

const flows = (ctx: VendorContext) => ctx.store.collection<StoredFlow>("genesys", "flows");
const contents = (ctx: VendorContext) => ctx.store.collection<FlowContent>("genesys", "flowcontent");
const locks = (ctx: VendorContext) => ctx.store.collection<FlowLock>("genesys", "flowlocks");
const jobs = (ctx: VendorContext) => ctx.store.collection<PublishJob>("genesys", "flowjobs");
const exportJobs = (ctx: VendorContext) => ctx.store.collection<ExportJob>("genesys", "flowexportjobs");

/** The published content of a flow, or undefined when it has none. */
export function flowContent(ctx: VendorContext, flowId: string): FlowContent | undefined {
  return contents(ctx).get(flowId);
}

// ---------------------------------------------------------------------------------------------
// Fixed people and places

const HOME_ID = seededUuid(seededRandom(0x40e));
/** The org's home division: where an object created without a division goes (the only division the sandbox has). */
export const HOME_DIVISION: Readonly<Required<Division>> = {
  id: HOME_ID,
  name: "Home",
  selfUri: `${API}/authorization/divisions/${HOME_ID}`,
};

/** The person who locks a flow when nobody is named: through `POST /_sandbox/genesys/flow-lock` or the `flow-lock` fault. */
export const OTHER_USER: Readonly<User> = { id: seededUuid(seededRandom(0xda7a)), name: "Dana Whitfield" };

const userRef = (u: User) => ({ id: u.id, name: u.name, selfUri: `${API}/users/${u.id}` });

// ---------------------------------------------------------------------------------------------
// Listings

/** A case-insensitive "contains" test in which `*` matches any run of characters. */
function containing(pattern: string): (text: string | undefined) => boolean {
  const source = pattern
    .split("*")
    .map((part) => part.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"))
    .join(".*");
  const re = new RegExp(source, "i");
  return (text) => text !== undefined && re.test(text);
}

/** Whether an object passes the `name`, `description` and `nameOrDescription` filters of a listing. */
function textFilter(q: Pick<ListFlowOutcomesQuery, "name" | "description" | "nameOrDescription">) {
  const name = q.name === undefined ? undefined : containing(q.name);
  const description = q.description === undefined ? undefined : containing(q.description);
  const either = q.nameOrDescription === undefined ? undefined : containing(q.nameOrDescription);
  return (x: { name: string; description?: string }) =>
    (!name || name(x.name)) &&
    (!description || description(x.description)) &&
    (!either || either(x.name) || either(x.description));
}

/** `items` in the order of `sortBy` (default `id`) and `sortOrder`, or a 400 for a field not in `sortable`. */
function ordered<T extends object>(
  items: T[],
  q: { sortBy?: string; sortOrder?: string },
  sortable: ReadonlySet<string>,
): T[] | Failure {
  const desc = q.sortOrder === "desc" || q.sortOrder === "descending";
  return sorted(items, `${desc ? "-" : ""}${q.sortBy ?? "id"}`, sortable);
}

/** Query values the page URIs keep, beside pageSize and pageNumber. */
const kept = (q: ListFlowOutcomesQuery) => ({
  id: q.id?.join(","),
  sortBy: q.sortBy,
  sortOrder: q.sortOrder,
  name: q.name,
  description: q.description,
  nameOrDescription: q.nameOrDescription,
});

/** A 400 naming `field`. */
const invalid = (field: string, message: string) =>
  error(400, "bad.request", `${field}: ${message}`, { details: [{ errorCode: "bad.request", fieldName: field }] });

// ---------------------------------------------------------------------------------------------
// Flow outcomes and milestones

/** What differs between the two kinds of flow label. */
interface LabelKind {
  /** As messages name one. */
  what: "flow outcome" | "flow milestone";
  /** Below `/api/v2`. */
  path: "/flows/outcomes" | "/flows/milestones";
  collection: "flowoutcomes" | "flowmilestones";
}

const OUTCOMES: LabelKind = { what: "flow outcome", path: "/flows/outcomes", collection: "flowoutcomes" };
const MILESTONES: LabelKind = { what: "flow milestone", path: "/flows/milestones", collection: "flowmilestones" };

const labels = (ctx: VendorContext, k: LabelKind) => ctx.store.collection<Label>("genesys", k.collection);
const LABEL_SORTABLE = new Set(["id", "name", "description"]);

const capitalized = (s: string) => s[0].toUpperCase() + s.slice(1);
const labelNotFound = (k: LabelKind, id: string) =>
  error(404, "not.found", `${capitalized(k.what)} ${id} not found`, { entityId: id });

/** The division a create or PUT names: absent is the home division; any other is a 400. */
function divisionOf(b: FlowOutcomeRequest): Division | Failure {
  const id = b.division?.id;
  if (id === undefined || id === HOME_DIVISION.id) return { ...HOME_DIVISION };
  return invalid("division.id", `division ${id} does not exist`);
}

const isFailure = (x: object): x is Failure => "status" in x;

/** A 409 when another object of the kind already has `name` (names are unique per kind, whatever their case). */
function nameTaken(ctx: VendorContext, k: LabelKind, name: string, self?: string): Failure | undefined {
  const wanted = name.toLowerCase();
  const holder = labels(ctx, k)
    .list()
    .find((x) => x.id !== self && x.name.toLowerCase() === wanted);
  if (!holder) return undefined;
  return error(409, "general.conflict", `A ${k.what} named "${holder.name}" already exists (${holder.id})`, {
    entityId: holder.id,
    entityName: holder.name,
  });
}

/** The stored object a create or PUT body makes. */
const labelFrom = (k: LabelKind, id: string, b: FlowOutcomeRequest, division: Division): Label => ({
  id,
  name: b.name,
  division,
  ...(b.description !== undefined ? { description: b.description } : {}),
  selfUri: `${API}${k.path}/${id}`,
});

function listLabels(k: LabelKind, q: ListFlowOutcomesQuery, ctx: VendorContext) {
  let all = labels(ctx, k).list();
  if (q.id) {
    const wanted = new Set(q.id);
    all = all.filter((x) => wanted.has(x.id));
  } else {
    const divisions = q.divisionId;
    const passes = textFilter(q);
    all = all.filter((x) => passes(x) && (!divisions?.length || divisions.includes(x.division?.id ?? "")));
  }
  const order = ordered(all, q, LABEL_SORTABLE);
  if (!Array.isArray(order)) return order;
  return { status: 200 as const, body: page(order, k.path, q.pageSize ?? 25, q.pageNumber ?? 1, kept(q)) };
}

function getLabel(k: LabelKind, id: string, ctx: VendorContext) {
  const x = labels(ctx, k).get(id);
  return x ? { status: 200 as const, body: x } : labelNotFound(k, id);
}

function createLabel(k: LabelKind, b: FlowOutcomeRequest, ctx: VendorContext, now: number) {
  return ctx.store.transaction(() => {
    const division = divisionOf(b);
    if (isFailure(division)) return division;
    const taken = nameTaken(ctx, k, b.name);
    if (taken) return taken;
    const id = randomUUID(); // not ctx.random(): ids must stay unique across restarts of a file-backed store
    const made = labels(ctx, k).put(id, labelFrom(k, id, b, division), now);
    return { status: 200 as const, body: made, created: true };
  });
}

/** Replaces name, description and division; answers the stored object, or the reason it was refused. */
function replaceLabel(k: LabelKind, id: string, b: FlowOutcomeRequest, ctx: VendorContext, now: number) {
  return ctx.store.transaction((): Label | Failure => {
    if (!labels(ctx, k).get(id)) return labelNotFound(k, id);
    const division = divisionOf(b);
    if (isFailure(division)) return division;
    const taken = nameTaken(ctx, k, b.name, id);
    if (taken) return taken;
    return labels(ctx, k).put(id, labelFrom(k, id, b, division), now);
  });
}

/** The live flows whose published content refers to a milestone. */
const flowsUsingMilestone = (ctx: VendorContext, id: string) =>
  flows(ctx)
    .list()
    .filter((f) => !f.deleted && contents(ctx).get(f.id)?.milestoneIds.includes(id));

function deleteMilestone(id: string, ctx: VendorContext): Failure | { status: 204 } {
  return ctx.store.transaction(() => {
    if (!labels(ctx, MILESTONES).get(id)) return labelNotFound(MILESTONES, id);
    const users = flowsUsingMilestone(ctx, id);
    if (users.length > 0) {
      const names = users.map((f) => `"${f.name}" (${f.id})`).join(", ");
      return error(
        409,
        "general.conflict",
        `Flow milestone ${id} is used by flow${users.length > 1 ? "s" : ""} ${names}`,
        {
          entityId: id,
          details: users.map((f) => ({ errorCode: "referenced.by.flow", entityId: f.id, entityName: f.name })),
        },
      );
    }
    labels(ctx, MILESTONES).delete(id);
    return { status: 204 };
  });
}

// ---------------------------------------------------------------------------------------------
// Flows

const FLOW_SORTABLE = new Set(["id", "name", "description", "type"]);

const flowNotFound = (id: string) => error(404, "not.found", `Flow ${id} not found`, { entityId: id });

/** A flow that exists and is not deleted (or is, when `deleted` is asked for). */
function liveFlow(ctx: VendorContext, id: string, deleted = false): StoredFlow | undefined {
  const f = flows(ctx).get(id);
  return f && (deleted || !f.deleted) ? f : undefined;
}

/** One published version of a flow. */
function publishedVersion(flowId: string, n: number, at: number): z.input<typeof FlowVersion> {
  const id = `${n}.0`;
  return {
    id,
    name: id,
    commitVersion: id,
    configurationVersion: id,
    type: "PUBLISH",
    secure: false,
    debug: false,
    dateCreated: at,
    datePublished: iso(at),
    selfUri: `${API}/flows/${flowId}/versions/${id}`,
  };
}

/** The number of a version id such as `"3.0"`. */
const versionNumber = (v: string | undefined) => Number.parseInt(v ?? "0", 10) || 0;

/** `flow` locked by `user` since `now`. */
function lockFlow(ctx: VendorContext, flow: StoredFlow, user: User, now: number): StoredFlow {
  locks(ctx).put(flow.id, { user: { id: user.id, name: user.name }, since: now }, now);
  const { lockedClient: _gone, ...rest } = flow;
  return flows(ctx).put(flow.id, { ...rest, lockedUser: userRef(user) }, now);
}

/** `flow` with its lock released, whoever held it. */
function unlockFlow(ctx: VendorContext, flow: StoredFlow, now: number): StoredFlow {
  locks(ctx).delete(flow.id);
  if (!flow.lockedUser && !flow.lockedClient) return flow;
  const { lockedUser: _u, lockedClient: _c, ...rest } = flow;
  return flows(ctx).put(flow.id, rest, now);
}

function listFlows(call: CallOf<Row["listFlows"]>, ctx: VendorContext) {
  const q = call.query;
  // Deleted flows stay out unless asked for, whatever else the query says.
  let all = flows(ctx)
    .list()
    .filter((f) => q.deleted === true || !f.deleted);
  if (q.id) {
    const wanted = new Set(q.id);
    all = all.filter((f) => wanted.has(f.id));
  } else {
    const types: readonly string[] | undefined = q.type;
    const passes = textFilter(q);
    all = all.filter((f) => passes(f) && (!types?.length || types.includes(f.type ?? "")));
  }
  const order = ordered(all, q, FLOW_SORTABLE);
  if (!Array.isArray(order)) return order;
  const keep = {
    ...kept(q),
    type: q.type?.length === 1 ? q.type[0] : undefined,
    deleted: q.deleted === undefined ? undefined : String(q.deleted),
  };
  return { status: 200 as const, body: page(order, "/flows", q.pageSize ?? 25, q.pageNumber ?? 1, keep) };
}

function deleteFlow(id: string, ctx: VendorContext, now: number): Failure | { status: 204 } {
  return ctx.store.transaction(() => {
    const flow = liveFlow(ctx, id);
    if (!flow) return flowNotFound(id);
    const holder = flow.lockedUser;
    if (holder)
      return error(409, "general.conflict", `Flow ${flow.name} is locked by ${holder.name} (${holder.id})`, {
        entityId: id,
        entityName: flow.name,
      });
    // A soft delete: the flow stays, marked, and its analytics history with it.
    flows(ctx).put(id, { ...flow, deleted: true }, now);
    return { status: 204 };
  });
}

// ---------------------------------------------------------------------------------------------
// The YAML a publish job receives

/** What an Architect file says of its flow, and what it refers to. */
export interface FlowYamlReport {
  /** Present when the file holds a flow with a name. */
  flow?: { typeKey: FlowTypeKey; type: string; name: string; description?: string };
  outcomeIds: string[];
  milestoneIds: string[];
  /** Every problem found, each naming its line; empty when the file can be published. */
  problems: string[];
}

/** The ids of the org's objects a flow file may refer to. */
export interface FlowReferences {
  isOutcome(id: string): boolean;
  isMilestone(id: string): boolean;
  /** A division named in the file (by name or id). */
  isDivision(nameOrId: string): boolean;
}

const REFERENCE_KEYS = {
  flowOutcomeId: { what: "flow outcome", exists: "isOutcome" },
  flowMilestoneId: { what: "flow milestone", exists: "isMilestone" },
} as const;

/**
 * Checks an Architect file the way Archy would, for what can be checked without Archy: YAML
 * syntax (nothing else then), a single top-level key that is a flow type, a non-blank `name`, a
 * known `division`, and every `flowOutcomeId` / `flowMilestoneId` naming an object of the org.
 */
export function checkFlowYaml(text: string, refs: FlowReferences): FlowYamlReport {
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines, prettyErrors: false });
  const lineOf = (offset: number | undefined) => lines.linePos(offset ?? 0).line;
  const report: FlowYamlReport = { outcomeIds: [], milestoneIds: [], problems: [] };
  if (doc.errors.length > 0) {
    report.problems = doc.errors.map((e) => {
      const at = lines.linePos(e.pos[0]);
      return `line ${at.line}, column ${at.col}: ${e.message.split("\n")[0]}`;
    });
    return report;
  }

  const root = isMap(doc.contents) ? doc.contents : undefined;
  const keys = (root?.items ?? []).map((p) => (isScalar(p.key) ? p.key.value : p.key));
  const typeKey =
    keys.length === 1 && typeof keys[0] === "string" && Object.hasOwn(FLOW_TYPE_KEYS, keys[0]) ? keys[0] : undefined;
  if (!root || !typeKey) {
    const has = root
      ? keys.length
        ? `; it has ${keys.map(String).join(", ")}`
        : "; it is empty"
      : "; it is not a mapping";
    report.problems.push(
      `line 1: the file must hold one flow: a single top-level key that is a flow type (${Object.keys(FLOW_TYPE_KEYS).join(", ")})${has}`,
    );
  } else {
    const top = root.items[0];
    const body = isMap(top.value) ? top.value : undefined;
    const field = (name: string) => body?.items.find((p) => isScalar(p.key) && p.key.value === name);
    const name = field("name");
    const nameValue = isScalar(name?.value) ? name.value.value : undefined;
    const description = field("description");
    const descriptionValue = isScalar(description?.value) ? description.value.value : undefined;
    const division = field("division");
    const divisionValue = isScalar(division?.value) ? division.value.value : undefined;
    if (typeof nameValue !== "string" || nameValue.trim() === "") {
      const at = isScalar(name?.key) ? name.key.range?.[0] : isScalar(top.key) ? top.key.range?.[0] : 0;
      report.problems.push(`line ${lineOf(at)}: ${typeKey} needs a name (a non-empty string)`);
    } else {
      report.flow = {
        typeKey: typeKey as FlowTypeKey,
        type: FLOW_TYPE_KEYS[typeKey as FlowTypeKey],
        name: nameValue,
        ...(typeof descriptionValue === "string" && descriptionValue !== "" ? { description: descriptionValue } : {}),
      };
    }
    if (division && (typeof divisionValue !== "string" || !refs.isDivision(divisionValue))) {
      const at = isScalar(division.value) ? division.value.range?.[0] : undefined;
      report.problems.push(`line ${lineOf(at)}: division ${String(divisionValue)} is not a division of this org`);
    }
  }

  visit(doc, {
    Pair(_, pair: Pair<unknown, unknown>) {
      const key = isScalar(pair.key) ? pair.key.value : undefined;
      if (key !== "flowOutcomeId" && key !== "flowMilestoneId") return;
      const ref = REFERENCE_KEYS[key];
      const value = isScalar(pair.value) ? pair.value.value : undefined;
      const at = lineOf(isScalar(pair.value) ? pair.value.range?.[0] : isScalar(pair.key) ? pair.key.range?.[0] : 0);
      if (typeof value !== "string" || value === "")
        report.problems.push(`line ${at}: ${key} must be the id of a ${ref.what} (a string)`);
      else if (!refs[ref.exists](value))
        report.problems.push(`line ${at}: ${key} ${value} is not a ${ref.what} of this org`);
      else {
        const ids = key === "flowOutcomeId" ? report.outcomeIds : report.milestoneIds;
        if (!ids.includes(value)) ids.push(value);
      }
    },
  });
  return report;
}

/** What a flow file may refer to in the org the store holds. */
const referencesIn = (ctx: VendorContext): FlowReferences => ({
  isOutcome: (id) => labels(ctx, OUTCOMES).get(id) !== undefined,
  isMilestone: (id) => labels(ctx, MILESTONES).get(id) !== undefined,
  isDivision: (v) => v === HOME_DIVISION.id || v.toLowerCase() === HOME_DIVISION.name.toLowerCase(),
});

// ---------------------------------------------------------------------------------------------
// Publish jobs

const ROOT = VENDORS.genesys.sandboxPaths.root;
/** Where a publish job's YAML is uploaded (a raw route: the link authorises itself, as S3's do). */
export const UPLOAD_PATH = `${ROOT}/architect/uploads`;
/** Where an export job's YAML is downloaded. */
export const DOWNLOAD_PATH = `${ROOT}/architect/downloads`;
/** The headers an upload must carry exactly, as the job's answer lists them. */
export const UPLOAD_HEADERS: Readonly<Record<string, string>> = {
  "Content-Type": "application/octet-stream",
  "x-amz-server-side-encryption": "AES256",
};

const jobNotFound = (id: string) => error(404, "not.found", `Architect job ${id} not found`, { entityId: id });

const first = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);

/** An absolute link to the sandbox itself, found from the request's Host header. */
function linkTo(
  ctx: VendorContext,
  headers: Record<string, string | string[] | undefined>,
  path: string,
  jobId: string,
  signature: string,
): string {
  const host = first(headers.host) ?? `${ctx.options.host}:${ctx.options.port}`;
  const q = new URLSearchParams({ jobId, "X-Amz-Signature": signature });
  return `http://${host}${path}?${q}`;
}

/** A new signature for a link: 160 random bits. */
const newSignature = () => randomBytes(20).toString("hex");

/** Whether a signature sent is the one stored, compared in constant time. */
function signed(sent: string | undefined, stored: string): boolean {
  if (sent === undefined || sent.length !== stored.length) return false;
  return timingSafeEqual(Buffer.from(sent), Buffer.from(stored));
}

/** An S3-style refusal of a link. */
function s3Error(status: 403 | 404, code: string, message: string): Reply {
  const raw = `<?xml version="1.0" encoding="UTF-8"?>\n<Error><Code>${code}</Code><Message>${message}</Message><RequestId>${randomBytes(8).toString("hex").toUpperCase()}</RequestId></Error>`;
  return { status, raw, contentType: "application/xml" };
}

/** The first upload header missing or different, by name; undefined when all are as listed. */
function wrongHeader(headers: RawRequest["headers"]): string | undefined {
  for (const [name, value] of Object.entries(UPLOAD_HEADERS))
    if (first(headers[name.toLowerCase()])?.trim() !== value) return name;
  return undefined;
}

function upload(req: RawRequest, ctx: VendorContext): Reply {
  const jobId = first(req.query.jobId);
  const signature = first(req.query["X-Amz-Signature"]);
  return ctx.store.transaction(() => {
    const job = jobId ? jobs(ctx).get(jobId) : undefined;
    if (!job) return s3Error(403, "AccessDenied", "Access Denied");
    if (!signed(signature, job.signature))
      return s3Error(
        403,
        "SignatureDoesNotMatch",
        "The request signature we calculated does not match the signature you provided.",
      );
    const header = wrongHeader(req.headers);
    if (header)
      return s3Error(
        403,
        "SignatureDoesNotMatch",
        `The request signature we calculated does not match the signature you provided: header ${header} must be ${UPLOAD_HEADERS[header]}.`,
      );
    if (job.uploadedAt !== undefined) return s3Error(403, "AccessDenied", "This upload link has been used already.");
    jobs(ctx).put(job.id, { ...job, uploadedAt: req.now, yaml: req.text }, req.now);
    const etag = createHash("md5").update(req.text).digest("hex");
    return { status: 200, raw: "", headers: { ETag: `"${etag}"` } };
  });
}

const jobMessage = (type: "Error" | "Info", text: string, at: number): ArchitectJobMessage => ({
  type,
  text,
  dateTime: iso(at),
});

const failure = (texts: string[], at: number): PublishJob["result"] => ({
  status: "Failure",
  messages: texts.map((t) => jobMessage("Error", t, at)),
});

/** The live flow of a type whose name is `name`, whatever its case: the flow a publish replaces. */
const flowNamed = (ctx: VendorContext, type: string, name: string) =>
  flows(ctx)
    .list()
    .find((f) => !f.deleted && f.type === type && f.name.toLowerCase() === name.toLowerCase());

/** Whether the `flow-lock` fault strikes now (a roll of the request stream only while it is set). */
function lockFaultStrikes(ctx: VendorContext): boolean {
  const rate = ctx.faults().genesys?.["flow-lock"];
  return rate !== undefined && rate > 0 && ctx.random() < rate;
}

/** Publishes a checked file: a new flow (version 1.0) or the next version of the flow with its name and type. */
function publish(
  ctx: VendorContext,
  job: PublishJob,
  report: FlowYamlReport & { flow: NonNullable<FlowYamlReport["flow"]> },
  at: number,
): PublishJob["result"] {
  const { flow: header } = report;
  let existing = flowNamed(ctx, header.type, header.name);
  if (existing && !existing.lockedUser && lockFaultStrikes(ctx)) existing = lockFlow(ctx, existing, OTHER_USER, at);
  const holder = existing?.lockedUser;
  if (existing && holder) {
    const since = locks(ctx).get(existing.id)?.since;
    const when = since === undefined ? "" : `, since ${iso(since)}`;
    return failure([`Flow '${existing.name}' is locked by ${holder.name} (${holder.id})${when}; unlock it first`], at);
  }

  const id = existing?.id ?? randomUUID();
  const n = versionNumber(existing?.publishedVersion?.id) + 1;
  const version = publishedVersion(id, n, at);
  const description = header.description ?? existing?.description;
  const flow: StoredFlow = {
    ...(existing ?? {
      id,
      division: { ...HOME_DIVISION },
      type: header.type,
      active: true,
      system: false,
      deleted: false,
      selfUri: `${API}/flows/${id}`,
    }),
    name: header.name,
    ...(description !== undefined ? { description } : {}),
    publishedVersion: version,
    checkedInVersion: version,
  };
  flows(ctx).put(id, flow, at);
  contents(ctx).put(
    id,
    { yaml: job.yaml ?? "", version: version.id, outcomeIds: report.outcomeIds, milestoneIds: report.milestoneIds },
    at,
  );
  return {
    status: "Success",
    flow: { id, selfUri: `${API}/flows/${id}` },
    messages: [jobMessage("Info", `Flow published as version ${version.id}`, at)],
  };
}

/** Runs an uploaded job to its end: its final state, stored once. */
function settle(ctx: VendorContext, job: PublishJob, at: number): PublishJob {
  const report = checkFlowYaml(job.yaml ?? "", referencesIn(ctx));
  const result =
    report.problems.length > 0 || !report.flow
      ? failure(report.problems, at)
      : publish(ctx, job, { ...report, flow: report.flow }, at);
  return jobs(ctx).put(job.id, { ...job, result }, at);
}

/** A job as `GET /flows/jobs/{jobId}` answers it at `now`, settling it first when it has just finished. */
function jobState(ctx: VendorContext, id: string, now: number): { status: 200; body: ArchitectJobState } | Failure {
  return ctx.store.transaction(() => {
    let job = jobs(ctx).get(id);
    if (!job) return jobNotFound(id);
    const endsAt = job.uploadedAt === undefined ? undefined : job.uploadedAt + ctx.options.architectJobMs;
    // The job ends at a fixed time after its upload; whoever reads it first after that settles it.
    if (!job.result && endsAt !== undefined && now >= endsAt) job = settle(ctx, job, endsAt);
    const status = job.result?.status ?? (job.uploadedAt === undefined ? "Started" : "Running");
    const body: ArchitectJobState = {
      id,
      status,
      command: "publish",
      ...(job.result?.flow ? { flow: job.result.flow } : {}),
      ...(job.result?.messages ? { messages: job.result.messages } : {}),
      selfUri: `${API}/flows/jobs/${id}`,
    };
    return { status: 200, body };
  });
}

// ---------------------------------------------------------------------------------------------
// Export jobs

function createExportJob(call: CallOf<Row["createFlowExportJob"]>, ctx: VendorContext) {
  const picked: ExportJob["flows"] = [];
  for (const [i, d] of call.body.flows.entries()) {
    const flow = liveFlow(ctx, d.flow.id);
    const content = flow && contents(ctx).get(flow.id);
    if (!content) return invalid(`flows[${i}].flow.id`, `flow ${d.flow.id} not found`);
    if (d.flow.version !== undefined && Number.parseFloat(d.flow.version) !== Number.parseFloat(content.version))
      return invalid(
        `flows[${i}].flow.version`,
        `flow ${d.flow.id} has no version ${d.flow.version} to export (the sandbox keeps the published one, ${content.version})`,
      );
    if (d.exportType !== undefined && d.exportType.toLowerCase() !== "yaml")
      return invalid(`flows[${i}].exportType`, `the sandbox exports yaml only, not ${d.exportType}`);
    picked.push({ id: d.flow.id, version: content.version, yaml: content.yaml });
  }
  const id = randomUUID();
  exportJobs(ctx).put(id, { id, signature: newSignature(), createdAt: call.now, flows: picked }, call.now);
  return {
    status: 200 as const,
    body: { id, status: "Started", totalFlows: picked.length, selfUri: `${API}/flows/export/jobs/${id}` },
    created: true,
  };
}

/** Whether an export job has run its course at `now`. */
const exported = (ctx: VendorContext, job: ExportJob, now: number) => now >= job.createdAt + ctx.options.architectJobMs;

function exportJobState(call: CallOf<Row["getFlowExportJob"]>, ctx: VendorContext) {
  const id = call.params.jobId;
  const job = exportJobs(ctx).get(id);
  if (!job) return jobNotFound(id);
  const done = exported(ctx, job, call.now);
  return {
    status: 200 as const,
    body: {
      id,
      status: done ? ("Success" as const) : ("Running" as const),
      command: "export",
      ...(done ? { downloadUrl: linkTo(ctx, call.headers, DOWNLOAD_PATH, id, job.signature) } : {}),
      selfUri: `${API}/flows/export/jobs/${id}`,
    },
  };
}

/** The exported YAML: one flow's as it was published, several as documents separated by `---`. */
const exportedText = (job: ExportJob) =>
  job.flows.length === 1
    ? job.flows[0].yaml
    : job.flows.map((f) => (f.yaml.endsWith("\n") ? f.yaml : `${f.yaml}\n`)).join("---\n");

function download(req: RawRequest, ctx: VendorContext): Reply {
  const jobId = first(req.query.jobId);
  const job = jobId ? exportJobs(ctx).get(jobId) : undefined;
  if (!job) return s3Error(403, "AccessDenied", "Access Denied");
  if (!signed(first(req.query["X-Amz-Signature"]), job.signature))
    return s3Error(
      403,
      "SignatureDoesNotMatch",
      "The request signature we calculated does not match the signature you provided.",
    );
  if (!exported(ctx, job, req.now)) return s3Error(404, "NoSuchKey", "The specified key does not exist.");
  return { status: 200, raw: exportedText(job), contentType: "text/yaml; charset=utf-8" };
}

// ---------------------------------------------------------------------------------------------
// Routes

/** The handlers of the Architect endpoint table. */
export const architectHandlers: Handlers<Row> = {
  listFlows,
  getFlow(call, ctx) {
    const f = liveFlow(ctx, call.params.flowId, call.query.deleted === true);
    return f ? { status: 200, body: f } : flowNotFound(call.params.flowId);
  },
  deleteFlow: (call, ctx) => deleteFlow(call.params.flowId, ctx, call.now),
  unlockFlow(call, ctx) {
    const id = call.query.flow;
    return ctx.store.transaction(() => {
      const f = liveFlow(ctx, id);
      return f ? { status: 200, body: unlockFlow(ctx, f, call.now) } : flowNotFound(id);
    });
  },
  createFlowJob(call, ctx) {
    const id = randomUUID();
    const signature = newSignature();
    const job: PublishJob = {
      id,
      signature,
      createdAt: call.now,
      ...(call.principal && { client: call.principal.client }),
    };
    jobs(ctx).put(id, job, call.now);
    return {
      status: 200,
      body: {
        id,
        presignedUrl: linkTo(ctx, call.headers, UPLOAD_PATH, id, signature),
        headers: { ...UPLOAD_HEADERS },
        selfUri: `${API}/flows/jobs/${id}`,
      },
      created: true,
    };
  },
  getFlowJob: (call, ctx) => jobState(ctx, call.params.jobId, call.now),
  createFlowExportJob: createExportJob,
  getFlowExportJob: exportJobState,
  listFlowOutcomes: (call, ctx) => listLabels(OUTCOMES, call.query, ctx),
  getFlowOutcome: (call, ctx) => getLabel(OUTCOMES, call.params.flowOutcomeId, ctx),
  createFlowOutcome: (call, ctx) => createLabel(OUTCOMES, call.body, ctx, call.now),
  putFlowOutcome(call, ctx) {
    const done = replaceLabel(OUTCOMES, call.params.flowOutcomeId, call.body, ctx, call.now);
    if (isFailure(done)) return done;
    // The swagger's answer: the operation that ran, not the outcome.
    return { status: 200, body: { id: randomUUID(), complete: true, actionName: "UPDATE", actionStatus: "SUCCESS" } };
  },
  listFlowMilestones: (call, ctx) => listLabels(MILESTONES, call.query, ctx),
  getFlowMilestone: (call, ctx) => getLabel(MILESTONES, call.params.milestoneId, ctx),
  createFlowMilestone: (call, ctx) => createLabel(MILESTONES, call.body, ctx, call.now),
  putFlowMilestone(call, ctx) {
    const done = replaceLabel(MILESTONES, call.params.milestoneId, call.body, ctx, call.now);
    return isFailure(done) ? done : { status: 200, body: done };
  },
  deleteFlowMilestone: (call, ctx) => deleteMilestone(call.params.milestoneId, ctx),
};

/**
 * Orders routes so that a literal path segment comes before a parameter at the same place: the
 * server takes the first route that matches, and `/flows/outcomes` must not be read as the flow `outcomes`.
 */
function literalFirst(a: Route, b: Route): number {
  const x = a.endpoint.path.split("/");
  const y = b.endpoint.path.split("/");
  for (let i = 0; i < Math.min(x.length, y.length); i++) {
    const px = x[i].startsWith("{");
    const py = y[i].startsWith("{");
    if (px !== py) return px ? 1 : -1;
  }
  return x.length - y.length;
}

/** The Architect API routes. */
export const architectRoutes: Route[] = routesOf(architectEndpoints, architectHandlers).sort(literalFirst);

/** The upload and download links the jobs hand out (no bearer token: the link's signature authorises). */
export const architectRawRoutes: RawRoute[] = [
  { method: "PUT", path: UPLOAD_PATH, handle: upload },
  { method: "GET", path: DOWNLOAD_PATH, handle: download },
];

// ---------------------------------------------------------------------------------------------
// Locks held by people (the admin route `/_sandbox/genesys/flow-lock`)

/**
 * `POST /_sandbox/genesys/flow-lock` `{ flowId, user?: { id, name } }` locks a flow as that user
 * (default {@link OTHER_USER}), as someone editing it in Architect would; `DELETE` with `{ flowId }`
 * releases it. Answers the flow.
 */
export function flowLockRoute(method: string | undefined, body: unknown, ctx: VendorContext, now: number): Reply {
  const b = (body ?? {}) as { flowId?: unknown; user?: { id?: unknown; name?: unknown } };
  if (typeof b.flowId !== "string" || b.flowId === "") return { status: 400, body: { message: "flowId is required" } };
  const u = b.user;
  if (u !== undefined && (typeof u?.id !== "string" || typeof u.name !== "string" || !u.id || !u.name))
    return { status: 400, body: { message: "user must be { id, name }, both non-empty strings" } };
  const flowId = b.flowId;
  return ctx.store.transaction(() => {
    const flow = liveFlow(ctx, flowId);
    if (!flow) return { status: 404, body: { message: `no flow ${flowId}` } };
    if (method === "DELETE") return { status: 200, body: unlockFlow(ctx, flow, now) };
    const user = u ? { id: u.id as string, name: u.name as string } : OTHER_USER;
    return { status: 200, body: lockFlow(ctx, flow, user, now) };
  });
}

// ---------------------------------------------------------------------------------------------
// Seeded objects: the flows, outcomes and milestones of the synthetic analytics data set

/** The YAML top-level key of each flow type. */
const TYPE_KEYS = Object.fromEntries(Object.entries(FLOW_TYPE_KEYS).map(([key, type]) => [type, key])) as Record<
  string,
  FlowTypeKey
>;

/** A YAML scalar: plain when it reads back as the same string, else double-quoted. */
const scalar = (s: string) =>
  /^[A-Za-z][\w .,'/-]*$/.test(s) && !/^(true|false|yes|no|on|off|null)$/i.test(s) ? s : JSON.stringify(s);

/** Indents each line of `lines` by `n` spaces. */
const indent = (n: number, lines: string[]) => lines.map((l) => `${" ".repeat(n)}${l}`);

/** The actions of a seeded flow: start its outcomes, pass its milestones, reach its outcomes, end. */
function seededActions(f: SyntheticFlow, end: string): string[] {
  const action = (kind: string, fields: [string, string][]) => [
    `- ${kind}:`,
    ...fields.map(([k, v]) => `    ${k}: ${v}`),
  ];
  return [
    ...f.outcomes.flatMap((o) =>
      action("initializeFlowOutcome", [
        ["name", scalar(`Start ${o.name}`)],
        ["flowOutcomeId", JSON.stringify(o.id)],
      ]),
    ),
    ...f.milestones.flatMap((m) =>
      action("addFlowMilestone", [
        ["name", scalar(m.name)],
        ["flowMilestoneId", JSON.stringify(m.id)],
      ]),
    ),
    ...f.outcomes.flatMap((o) =>
      action("setFlowOutcome", [
        ["name", scalar(o.name)],
        ["flowOutcomeId", JSON.stringify(o.id)],
        ["flowOutcomeValue", "SUCCESS"],
      ]),
    ),
    ...action(end, [["name", "Done"]]),
  ];
}

/** A small Archy-style file for a seeded flow: a menu leading to a task for calls, a task otherwise. */
export function seededFlowYaml(f: SyntheticFlow): string {
  const key = TYPE_KEYS[f.type];
  const bot = f.type === "BOT" || f.type === "DIGITALBOT";
  const actions = seededActions(f, bot ? "exitBotFlow" : "disconnect");
  const task = ["- task:", "    name: Main", "    refId: main", "    actions:", ...indent(6, actions)];
  const call = f.type === "INBOUNDCALL";
  const head = [
    `${key}:`,
    `  name: ${scalar(f.name)}`,
    `  description: ${scalar(`The sandbox's ${f.name}, reporting its outcomes and milestones`)}`,
    "  division: Home",
    "  defaultLanguage: en-us",
  ];
  const body = call
    ? [
        "  startUpRef: ./menus/menu[main]",
        "  initialGreeting:",
        `    tts: ${scalar(`Welcome to ${f.name}.`)}`,
        "  menus:",
        "    - menu:",
        "        name: Main menu",
        "        refId: main",
        "        audio:",
        "          tts: Press 1 to continue, or 9 to hang up.",
        "        choices:",
        "          - menuTask:",
        "              name: Continue",
        "              dtmf: digit_1",
        "              task:",
        "                name: Continue",
        "                refId: continue",
        "                actions:",
        ...indent(18, actions),
        "          - menuDisconnect:",
        "              name: Hang up",
        "              dtmf: digit_9",
      ]
    : ["  startUpRef: ./tasks/task[main]", "  tasks:", ...indent(4, task)];
  return `${[...head, ...body].join("\n")}\n`;
}

/**
 * Seeds the analytics data set's flows, flow outcomes and milestones (same ids, names, types and
 * versions), each flow published with a YAML that refers to its outcomes and milestones. Draws
 * nothing from `ctx.random`, so the rest of the seed stays as it was.
 */
export function seedArchitect(ctx: VendorContext, base: number): void {
  const data = analyticsData(ctx.options.seed, Date.parse(ctx.options.analyticsEnd));
  const seen = new Set<string>();
  const seedLabel = (k: LabelKind, x: { id: string; name: string }) => {
    if (seen.has(x.id)) return;
    seen.add(x.id);
    labels(ctx, k).put(x.id, labelFrom(k, x.id, { name: x.name }, { ...HOME_DIVISION }), base);
  };
  for (const f of data.flows) {
    for (const o of f.outcomes) seedLabel(OUTCOMES, o);
    for (const m of f.milestones) seedLabel(MILESTONES, m);
  }
  data.flows.forEach((f, i) => {
    const at = base + (i + 1) * DAY;
    const version = publishedVersion(f.id, versionNumber(f.version), at);
    const yaml = seededFlowYaml(f);
    const description = checkFlowYaml(yaml, referencesIn(ctx)).flow?.description;
    flows(ctx).put(
      f.id,
      {
        id: f.id,
        name: f.name,
        ...(description !== undefined ? { description } : {}),
        division: { ...HOME_DIVISION },
        type: f.type,
        active: true,
        system: false,
        deleted: false,
        publishedVersion: version,
        checkedInVersion: version,
        selfUri: `${API}/flows/${f.id}`,
      },
      base,
    );
    contents(ctx).put(
      f.id,
      {
        yaml,
        version: version.id,
        outcomeIds: f.outcomes.map((o) => o.id),
        milestoneIds: f.milestones.map((m) => m.id),
      },
      base,
    );
  });
}
