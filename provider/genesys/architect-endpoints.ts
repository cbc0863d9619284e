// The Genesys Cloud Architect endpoints (flows, publish and export jobs, flow outcomes and
// milestones), relative to `https://api.<domain>/api/v2`.
import { z } from "zod";
import { endpoint } from "../http/endpoint";
import {
  ArchitectExportJobState,
  ArchitectJobState,
  Flow,
  FlowListing,
  FlowMilestone,
  FlowMilestoneListing,
  FlowMilestoneRequest,
  FlowOutcome,
  FlowOutcomeListing,
  FlowOutcomeRequest,
  FlowTypeName,
  Operation,
  RegisterArchitectExportJob,
  RegisterArchitectExportJobResponse,
  RegisterArchitectJobRequest,
  RegisterArchitectJobResponse,
} from "./architect-models";
import { boolean, commaList, idList, MAX_LISTING_IDS, pageNumber, pageSize } from "./endpoints";

const flowParams = z.object({ flowId: z.string().min(1) });
const jobParams = z.object({ jobId: z.string().min(1) });
const outcomeParams = z.object({ flowOutcomeId: z.string().min(1) });
const milestoneParams = z.object({ milestoneId: z.string().min(1) });

/** A list the SDK sends as repeated keys or joined with commas. */
const many = <T extends z.ZodType>(item: T) => commaList(z.array(item));

/** Query of the flow listing. `id` fetches those flows and ignores every other filter. */
export const ListFlowsQuery = z.object({
  type: many(FlowTypeName),
  pageSize,
  pageNumber,
  /** A top-level field (default `id`). */
  sortBy: z.string().optional(),
  sortOrder: z.enum(["asc", "desc", "ascending", "descending"]).optional(),
  id: idList(MAX_LISTING_IDS),
  /** Matches names containing it, case-insensitively; `*` matches any run of characters. */
  name: z.string().optional(),
  description: z.string().optional(),
  nameOrDescription: z.string().optional(),
  /** Include deleted flows (default false). */
  deleted: boolean,
});
export type ListFlowsQuery = z.infer<typeof ListFlowsQuery>;

/** Query of the flow outcome and milestone listings. `id` fetches those and ignores every other filter. */
export const ListFlowOutcomesQuery = z.object({
  pageSize,
  pageNumber,
  /** A top-level field (default `id`). */
  sortBy: z.string().optional(),
  sortOrder: z.enum(["asc", "desc", "ascending", "descending"]).optional(),
  id: idList(MAX_LISTING_IDS),
  /** Matches names containing it, case-insensitively; `*` matches any run of characters. */
  name: z.string().optional(),
  description: z.string().optional(),
  nameOrDescription: z.string().optional(),
  divisionId: many(z.string()),
});
export type ListFlowOutcomesQuery = z.infer<typeof ListFlowOutcomesQuery>;
/** Query of the flow milestone listing (the same filters as outcomes'). */
export const ListFlowMilestonesQuery = ListFlowOutcomesQuery;
export type ListFlowMilestonesQuery = ListFlowOutcomesQuery;

/** The Architect endpoint table shared by the Genesys client and the sandbox. */
export const architectEndpoints = {
  listFlows: endpoint({ method: "GET", path: "/flows", query: ListFlowsQuery, response: FlowListing }),
  getFlow: endpoint({
    method: "GET",
    path: "/flows/{flowId}",
    params: flowParams,
    query: z.object({ deleted: boolean }),
    response: Flow,
  }),
  /** Deletes a flow; a flow locked by someone else is a 409. */
  deleteFlow: endpoint({ method: "DELETE", path: "/flows/{flowId}", params: flowParams, status: 204 }),
  /** Releases a flow's edit lock, whoever holds it (`flow` is the flow's id). */
  unlockFlow: endpoint({
    method: "POST",
    path: "/flows/actions/unlock",
    query: z.object({ flow: z.string().min(1) }),
    response: Flow,
    idempotent: true,
  }),
  /** Registers a publish job; the answer says where to upload the YAML. */
  createFlowJob: endpoint({
    method: "POST",
    path: "/flows/jobs",
    body: RegisterArchitectJobRequest.optional(),
    response: RegisterArchitectJobResponse,
    // Registering a job changes nothing until its YAML is uploaded: a repeat after a lost answer is harmless.
    idempotent: true,
  }),
  getFlowJob: endpoint({
    method: "GET",
    path: "/flows/jobs/{jobId}",
    params: jobParams,
    query: z.object({ expand: many(z.string()) }),
    response: ArchitectJobState,
  }),
  createFlowExportJob: endpoint({
    method: "POST",
    path: "/flows/export/jobs",
    body: RegisterArchitectExportJob,
    response: RegisterArchitectExportJobResponse,
    // Registering an export changes nothing: a repeat after a lost answer is harmless.
    idempotent: true,
  }),
  getFlowExportJob: endpoint({
    method: "GET",
    path: "/flows/export/jobs/{jobId}",
    params: jobParams,
    query: z.object({ expand: many(z.string()) }),
    response: ArchitectExportJobState,
  }),
  listFlowOutcomes: endpoint({
    method: "GET",
    path: "/flows/outcomes",
    query: ListFlowOutcomesQuery,
    response: FlowOutcomeListing,
  }),
  getFlowOutcome: endpoint({
    method: "GET",
    path: "/flows/outcomes/{flowOutcomeId}",
    params: outcomeParams,
    response: FlowOutcome,
  }),
  createFlowOutcome: endpoint({
    method: "POST",
    path: "/flows/outcomes",
    body: FlowOutcomeRequest,
    response: FlowOutcome,
  }),
  /** Replaces an outcome's name, description and division; answers the operation, not the outcome. */
  putFlowOutcome: endpoint({
    method: "PUT",
    path: "/flows/outcomes/{flowOutcomeId}",
    params: outcomeParams,
    body: FlowOutcomeRequest,
    response: Operation,
  }),
  listFlowMilestones: endpoint({
    method: "GET",
    path: "/flows/milestones",
    query: ListFlowMilestonesQuery,
    response: FlowMilestoneListing,
  }),
  getFlowMilestone: endpoint({
    method: "GET",
    path: "/flows/milestones/{milestoneId}",
    params: milestoneParams,
    response: FlowMilestone,
  }),
  createFlowMilestone: endpoint({
    method: "POST",
    path: "/flows/milestones",
    body: FlowMilestoneRequest,
    response: FlowMilestone,
  }),
  /** Replaces a milestone's name, description and division. */
  putFlowMilestone: endpoint({
    method: "PUT",
    path: "/flows/milestones/{milestoneId}",
    params: milestoneParams,
    body: FlowMilestoneRequest,
    response: FlowMilestone,
  }),
  /** Deletes a milestone; one a flow still refers to is a 409. */
  deleteFlowMilestone: endpoint({
    method: "DELETE",
    path: "/flows/milestones/{milestoneId}",
    params: milestoneParams,
    status: 204,
  }),
};
