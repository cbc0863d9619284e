// The Genesys Cloud journey endpoints, relative to the API base (`https://api.<domain>/api/v2`).
import { z } from "zod";
import { endpoint } from "../http/endpoint";
import {
  ActionMap,
  ActionMapListing,
  ActionMapRequest,
  ActionMediaType,
  ActionTarget,
  ActionTargetListing,
  ActionTemplate,
  ActionTemplateListing,
  ActionTemplateRequest,
  ActionTemplateState,
  JourneySegment,
  JourneySegmentRequest,
  Outcome,
  OutcomeListing,
  OutcomeRequest,
  PatchActionMap,
  PatchActionTarget,
  PatchActionTemplate,
  PatchOutcome,
  PatchSegment,
  SegmentListing,
} from "./models";

/** Largest id list (`segmentIds`) one listing call takes. */
export const MAX_LISTING_IDS = 100;
/** Largest `outcomeIds` list one outcome listing takes (per the swagger). */
export const MAX_OUTCOME_IDS = 20;
/** Largest page the sandbox serves (undocumented upstream; Genesys' Terraform provider uses up to 200). */
export const MAX_PAGE_SIZE = 200;

// Query values arrive as strings, so numbers and booleans are coerced.
export const pageSize = z.coerce.number().int().min(1).max(MAX_PAGE_SIZE).optional();
export const pageNumber = z.coerce.number().int().min(1).optional();
export const boolean = z.union([z.boolean(), z.stringbool()]).optional();

/** Repeated keys, one comma-separated value, or both (the JS SDK joins arrays with commas): one list. */
export const commaList = <T extends z.ZodType>(items: T) =>
  z.preprocess(
    (v) =>
      v === undefined
        ? undefined
        : (Array.isArray(v) ? v : [v])
            .flatMap((s) => String(s).split(","))
            .map((s) => s.trim())
            .filter((s) => s !== ""),
    items.optional(),
  );

/** A list of up to `max` ids (see {@link commaList}). */
export const idList = (max: number) => commaList(z.array(z.string()).min(1).max(max));

const segmentParams = z.object({ segmentId: z.string().min(1) });
const actionTargetParams = z.object({ actionTargetId: z.string().min(1) });
const outcomeParams = z.object({ outcomeId: z.string().min(1) });
const actionTemplateParams = z.object({ actionTemplateId: z.string().min(1) });
const actionMapParams = z.object({ actionMapId: z.string().min(1) });

/** Query of the segment listing. `segmentIds` cannot be combined with paging or sorting. */
export const ListSegmentsQuery = z.object({
  /** Comma-separated top-level fields; `-` prefix sorts descending. */
  sortBy: z.string().optional(),
  pageSize,
  pageNumber,
  /** Only active segments when true. */
  isActive: boolean,
  segmentIds: idList(MAX_LISTING_IDS),
});
export type ListSegmentsQuery = z.infer<typeof ListSegmentsQuery>;

/** Query of the action-target listing. */
export const ListActionTargetsQuery = z.object({ pageSize, pageNumber });
export type ListActionTargetsQuery = z.infer<typeof ListActionTargetsQuery>;

/** Query of the outcome listing. `outcomeIds` cannot be combined with paging or sorting. */
export const ListOutcomesQuery = z.object({
  /** Comma-separated top-level fields; `-` prefix sorts descending. */
  sortBy: z.string().optional(),
  pageSize,
  pageNumber,
  outcomeIds: idList(MAX_OUTCOME_IDS),
  /** Fields `queryValue` is matched against (e.g. `displayName`). */
  queryFields: z.union([z.string(), z.array(z.string())]).optional(),
  /** Text the `queryFields` must contain, case-insensitively. */
  queryValue: z.string().optional(),
});
export type ListOutcomesQuery = z.infer<typeof ListOutcomesQuery>;

/** Query of the action-template listing. */
export const ListActionTemplatesQuery = z.object({
  /** Comma-separated top-level fields; `-` prefix sorts descending. */
  sortBy: z.string().optional(),
  pageSize,
  pageNumber,
  mediaType: ActionMediaType.optional(),
  state: ActionTemplateState.optional(),
  /** Fields `queryValue` is matched against (e.g. `name`). */
  queryFields: z.union([z.string(), z.array(z.string())]).optional(),
  /** Text the `queryFields` must contain, case-insensitively. */
  queryValue: z.string().optional(),
});
export type ListActionTemplatesQuery = z.infer<typeof ListActionTemplatesQuery>;

/** Query of the action-map listing. `actionMapIds` cannot be combined with paging, sorting or filters. */
export const ListActionMapsQuery = z.object({
  /** Comma-separated top-level fields; `-` prefix sorts descending. */
  sortBy: z.string().optional(),
  pageSize,
  pageNumber,
  /** A field path (e.g. `action.actionTemplate.id`) whose value must equal `filterValue`. */
  filterField: z.string().optional(),
  filterValue: z.string().optional(),
  actionMapIds: idList(MAX_LISTING_IDS),
  /** Fields `queryValue` is matched against (e.g. `displayName`). */
  queryFields: z.union([z.string(), z.array(z.string())]).optional(),
  /** Text the `queryFields` must contain, case-insensitively. */
  queryValue: z.string().optional(),
});
export type ListActionMapsQuery = z.infer<typeof ListActionMapsQuery>;

/** The journey endpoint table shared by the Genesys client and the sandbox. */
export const endpoints = {
  listSegments: endpoint({
    method: "GET",
    path: "/journey/segments",
    query: ListSegmentsQuery,
    response: SegmentListing,
  }),
  getSegment: endpoint({
    method: "GET",
    path: "/journey/segments/{segmentId}",
    params: segmentParams,
    response: JourneySegment,
  }),
  createSegment: endpoint({
    method: "POST",
    path: "/journey/segments",
    body: JourneySegmentRequest,
    response: JourneySegment,
    status: 201,
  }),
  patchSegment: endpoint({
    method: "PATCH",
    path: "/journey/segments/{segmentId}",
    params: segmentParams,
    body: PatchSegment.optional(),
    response: JourneySegment,
    // A repeat of a PATCH that did land meets 409 (its version is spent): the caller reads again.
    idempotent: true,
  }),
  deleteSegment: endpoint({
    method: "DELETE",
    path: "/journey/segments/{segmentId}",
    params: segmentParams,
    status: 204,
  }),
  listActionTargets: endpoint({
    method: "GET",
    path: "/journey/actiontargets",
    query: ListActionTargetsQuery,
    response: ActionTargetListing,
  }),
  getActionTarget: endpoint({
    method: "GET",
    path: "/journey/actiontargets/{actionTargetId}",
    params: actionTargetParams,
    response: ActionTarget,
  }),
  patchActionTarget: endpoint({
    method: "PATCH",
    path: "/journey/actiontargets/{actionTargetId}",
    params: actionTargetParams,
    body: PatchActionTarget.optional(),
    response: ActionTarget,
    idempotent: true,
  }),
  listOutcomes: endpoint({
    method: "GET",
    path: "/journey/outcomes",
    query: ListOutcomesQuery,
    response: OutcomeListing,
  }),
  getOutcome: endpoint({
    method: "GET",
    path: "/journey/outcomes/{outcomeId}",
    params: outcomeParams,
    response: Outcome,
  }),
  createOutcome: endpoint({
    method: "POST",
    path: "/journey/outcomes",
    body: OutcomeRequest,
    response: Outcome,
    status: 201,
  }),
  patchOutcome: endpoint({
    method: "PATCH",
    path: "/journey/outcomes/{outcomeId}",
    params: outcomeParams,
    body: PatchOutcome,
    response: Outcome,
    idempotent: true,
  }),
  deleteOutcome: endpoint({
    method: "DELETE",
    path: "/journey/outcomes/{outcomeId}",
    params: outcomeParams,
    status: 204,
  }),
  listActionTemplates: endpoint({
    method: "GET",
    path: "/journey/actiontemplates",
    query: ListActionTemplatesQuery,
    response: ActionTemplateListing,
  }),
  getActionTemplate: endpoint({
    method: "GET",
    path: "/journey/actiontemplates/{actionTemplateId}",
    params: actionTemplateParams,
    response: ActionTemplate,
  }),
  createActionTemplate: endpoint({
    method: "POST",
    path: "/journey/actiontemplates",
    body: ActionTemplateRequest,
    response: ActionTemplate,
    status: 201,
  }),
  patchActionTemplate: endpoint({
    method: "PATCH",
    path: "/journey/actiontemplates/{actionTemplateId}",
    params: actionTemplateParams,
    body: PatchActionTemplate,
    response: ActionTemplate,
    idempotent: true,
  }),
  /** Without `hardDelete=true` the template stays, in state `Deleted`. */
  deleteActionTemplate: endpoint({
    method: "DELETE",
    path: "/journey/actiontemplates/{actionTemplateId}",
    params: actionTemplateParams,
    query: z.object({ hardDelete: boolean }),
    status: 204,
  }),
  listActionMaps: endpoint({
    method: "GET",
    path: "/journey/actionmaps",
    query: ListActionMapsQuery,
    response: ActionMapListing,
  }),
  getActionMap: endpoint({
    method: "GET",
    path: "/journey/actionmaps/{actionMapId}",
    params: actionMapParams,
    response: ActionMap,
  }),
  createActionMap: endpoint({
    method: "POST",
    path: "/journey/actionmaps",
    body: ActionMapRequest,
    response: ActionMap,
    status: 201,
  }),
  patchActionMap: endpoint({
    method: "PATCH",
    path: "/journey/actionmaps/{actionMapId}",
    params: actionMapParams,
    body: PatchActionMap,
    response: ActionMap,
    idempotent: true,
  }),
  deleteActionMap: endpoint({
    method: "DELETE",
    path: "/journey/actionmaps/{actionMapId}",
    params: actionMapParams,
    status: 204,
  }),
};
