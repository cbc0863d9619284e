// Wire models of the Genesys Cloud Architect API: flows, their publish and export jobs, flow
// outcomes and flow milestones. Field names and types follow the public swagger (the official
// SDK's `Models` check them at compile time); response objects strip unknown fields.
import { z } from "zod";
import { FLOW_TYPES, type FlowType } from "./analytics";
import { listing } from "./models";

/** A reference to another object: its id, and usually its name and API path. */
export const NamedRef = z.object({
  id: z.string(),
  name: z.string().optional(),
  selfUri: z.string().optional(),
});
export type NamedRef = z.infer<typeof NamedRef>;

/**
 * A person an object refers to. The SDK's `User` requires `version`; a reference inside another
 * object may leave it out, and cxflow never reads it, so an absent one reads as 0.
 */
export const UserRef = z.object({
  id: z.string(),
  name: z.string().optional(),
  version: z.number().int().default(0),
  selfUri: z.string().optional(),
});
export type UserRef = z.infer<typeof UserRef>;

/** The division an Architect object belongs to; absent on a create means the home division. */
export const Division = z.object({
  id: z.string().optional(),
  name: z.string().optional(),
  selfUri: z.string().optional(),
});
export type Division = z.infer<typeof Division>;

// ---------------------------------------------------------------------------------------------
// Flow outcomes and milestones

/**
 * A flow outcome: a result a flow reports reaching (e.g. "Payment taken"), counted by flow
 * analytics (`nFlowOutcome` by `flowOutcomeId`). Genesys has no delete for outcomes.
 */
export const FlowOutcome = z.object({
  id: z.string(),
  name: z.string(),
  division: Division.optional(),
  description: z.string().optional(),
  selfUri: z.string().optional(),
});
export type FlowOutcome = z.infer<typeof FlowOutcome>;

/** Body of a flow outcome create or update (PUT replaces the whole object). */
export const FlowOutcomeRequest = z.object({
  name: z.string().min(1),
  division: z.object({ id: z.string().min(1) }).optional(),
  description: z.string().optional(),
});
export type FlowOutcomeRequest = z.infer<typeof FlowOutcomeRequest>;

/** One page of flow outcomes. */
export const FlowOutcomeListing = listing(FlowOutcome);
export type FlowOutcomeListing = z.infer<typeof FlowOutcomeListing>;

/** A flow milestone: a point a flow reports passing (e.g. "Caller identified"), counted by flow analytics (`nFlowMilestone`). */
export const FlowMilestone = z.object({
  id: z.string(),
  name: z.string(),
  division: Division.optional(),
  description: z.string().optional(),
  selfUri: z.string().optional(),
});
export type FlowMilestone = z.infer<typeof FlowMilestone>;

/** Body of a flow milestone create or update (PUT replaces the whole object). */
export const FlowMilestoneRequest = FlowOutcomeRequest;
export type FlowMilestoneRequest = z.infer<typeof FlowMilestoneRequest>;

/** One page of flow milestones. */
export const FlowMilestoneListing = listing(FlowMilestone);
export type FlowMilestoneListing = z.infer<typeof FlowMilestoneListing>;

/**
 * What an outcome PUT answers: the operation it ran (the swagger's `Operation`). A completed
 * operation has `complete: true`; a failed one carries `errorMessage`.
 */
export const Operation = z.object({
  id: z.string().optional(),
  complete: z.boolean().optional(),
  client: NamedRef.optional(),
  errorMessage: z.string().optional(),
  errorCode: z.string().optional(),
  actionName: z.string().optional(),
  actionStatus: z.string().optional(),
});
export type Operation = z.infer<typeof Operation>;

// ---------------------------------------------------------------------------------------------
// Flows

/** The YAML top-level key of each flow type an Architect file can hold, and the type the API names it by. */
export const FLOW_TYPE_KEYS = {
  bot: "BOT",
  commonModule: "COMMONMODULE",
  digitalBot: "DIGITALBOT",
  inboundCall: "INBOUNDCALL",
  inboundChat: "INBOUNDCHAT",
  inboundEmail: "INBOUNDEMAIL",
  inboundShortMessage: "INBOUNDSHORTMESSAGE",
  inQueueCall: "INQUEUECALL",
  inQueueEmail: "INQUEUEEMAIL",
  inQueueShortMessage: "INQUEUESHORTMESSAGE",
  outboundCall: "OUTBOUNDCALL",
  secureCall: "SECURECALL",
  surveyInvite: "SURVEYINVITE",
  voice: "VOICE",
  voicemail: "VOICEMAIL",
  voiceSurvey: "VOICESURVEY",
  workflow: "WORKFLOW",
  workitem: "WORKITEM",
} as const satisfies Record<string, FlowType>;
/** A YAML top-level key naming a flow type, e.g. `inboundCall`. */
export type FlowTypeKey = keyof typeof FLOW_TYPE_KEYS;
/** A flow type as the API names it, e.g. `INBOUNDCALL`. */
export const FlowTypeName = z.enum(FLOW_TYPES);

/** One version of a flow (saved, checked in or published). */
export const FlowVersion = z.object({
  /** The version's number as text, e.g. `"3.0"`. */
  id: z.string(),
  name: z.string().optional(),
  commitVersion: z.string().optional(),
  configurationVersion: z.string().optional(),
  type: z.string().optional(),
  secure: z.boolean().optional(),
  debug: z.boolean().optional(),
  /** Milliseconds since the epoch. */
  dateCreated: z.number().optional(),
  /** ISO-8601 date-time. */
  datePublished: z.string().optional(),
  selfUri: z.string().optional(),
});
export type FlowVersion = z.infer<typeof FlowVersion>;

/** An Architect flow. Its content is not part of it: a job publishes it and an export job reads it back. */
export const Flow = z.object({
  id: z.string(),
  name: z.string(),
  division: Division.optional(),
  description: z.string().optional(),
  type: z.string().optional(),
  /** Who holds the flow's edit lock (a person); absent when nobody does. */
  lockedUser: UserRef.optional(),
  /** Which OAuth client holds the flow's edit lock; absent when none does. */
  lockedClient: NamedRef.optional(),
  active: z.boolean().optional(),
  system: z.boolean().optional(),
  deleted: z.boolean().optional(),
  publishedVersion: FlowVersion.optional(),
  savedVersion: FlowVersion.optional(),
  checkedInVersion: FlowVersion.optional(),
  currentOperation: Operation.optional(),
  selfUri: z.string().optional(),
});
export type Flow = z.infer<typeof Flow>;

/** One page of flows. */
export const FlowListing = listing(Flow);
export type FlowListing = z.infer<typeof FlowListing>;

// ---------------------------------------------------------------------------------------------
// Publish jobs (`/flows/jobs`) and export jobs (`/flows/export/jobs`)

/** Body of a publish job registration. */
export const RegisterArchitectJobRequest = z.object({
  /** Create empty flows for references to flows that do not exist yet. */
  createStubs: z.boolean().optional(),
});
export type RegisterArchitectJobRequest = z.infer<typeof RegisterArchitectJobRequest>;

/** A registered publish job: PUT the YAML to `presignedUrl` with `headers`, then poll the job. */
export const RegisterArchitectJobResponse = z.object({
  id: z.string(),
  /** Absolute URL the YAML goes to; it carries its own authorisation (send no bearer token). */
  presignedUrl: z.string(),
  /** Headers the upload must carry exactly. */
  headers: z.record(z.string(), z.string()).optional(),
  selfUri: z.string().optional(),
});
export type RegisterArchitectJobResponse = z.infer<typeof RegisterArchitectJobResponse>;

/** One problem behind a job message (e.g. an API call the job made that failed). */
export const ArchitectJobMessageDetail = z.object({
  type: z.string().optional(),
  errorCode: z.string().optional(),
  errorMessage: z.string().optional(),
  statusCode: z.number().int().optional(),
});
export type ArchitectJobMessageDetail = z.infer<typeof ArchitectJobMessageDetail>;

/** A message a job left: `text` says what happened, often with the YAML line it is about. */
export const ArchitectJobMessage = z.object({
  dateTime: z.string().optional(),
  /** `Error`, `Warning` or `Info`. */
  type: z.string().optional(),
  text: z.string().optional(),
  details: z.array(ArchitectJobMessageDetail).optional(),
});
export type ArchitectJobMessage = z.infer<typeof ArchitectJobMessage>;

/** Where a job is; `Success` and `Failure` are final. */
export const ArchitectJobStatus = z.enum(["Started", "Pending", "Running", "Success", "Failure"]);
export type ArchitectJobStatus = z.infer<typeof ArchitectJobStatus>;

/** A publish job's state; `flow` is the flow's reference once the job knows it. */
export const ArchitectJobState = z.object({
  id: z.string(),
  flow: z.object({ id: z.string(), selfUri: z.string().optional() }).optional(),
  status: ArchitectJobStatus,
  /** What the job does, e.g. `publish`. */
  command: z.string().optional(),
  messages: z.array(ArchitectJobMessage).optional(),
  selfUri: z.string().optional(),
});
export type ArchitectJobState = z.infer<typeof ArchitectJobState>;

/** One flow an export job exports. */
export const ExportDetails = z.object({
  flow: z.object({
    id: z.string().min(1),
    name: z.string().optional(),
    type: z.string().optional(),
    /** The version to export; the latest published one when absent. */
    version: z.string().optional(),
  }),
  fileName: z.string().optional(),
  /** `yaml` (the only kind cxflow asks for) or `architect`. */
  exportType: z.string().optional(),
});
export type ExportDetails = z.infer<typeof ExportDetails>;

/** Body of an export job registration. */
export const RegisterArchitectExportJob = z.object({ flows: z.array(ExportDetails).min(1) });
export type RegisterArchitectExportJob = z.infer<typeof RegisterArchitectExportJob>;

/** A registered export job. */
export const RegisterArchitectExportJobResponse = z.object({
  id: z.string(),
  status: z.string().optional(),
  totalFlows: z.number().int().optional(),
  selfUri: z.string().optional(),
});
export type RegisterArchitectExportJobResponse = z.infer<typeof RegisterArchitectExportJobResponse>;

/** An export job's state; `downloadUrl` (absolute, self-authorised) holds the exported YAML once `Success`. */
export const ArchitectExportJobState = z.object({
  id: z.string(),
  status: ArchitectJobStatus,
  command: z.string().optional(),
  downloadUrl: z.string().optional(),
  messages: z.array(ArchitectJobMessage).optional(),
  selfUri: z.string().optional(),
});
export type ArchitectExportJobState = z.infer<typeof ArchitectExportJobState>;
