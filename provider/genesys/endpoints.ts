// The Genesys Cloud journey endpoints, relative to the API base (`https://api.<domain>/api/v2`).
import { z } from "zod";
import { endpoint } from "../http/endpoint";
import {
  ActionTarget,
  ActionTargetListing,
  JourneySegment,
  JourneySegmentRequest,
  PatchActionTarget,
  PatchSegment,
  SegmentListing,
} from "./models";

/** Largest `segmentIds` list one listing call takes. */
export const MAX_SEGMENT_IDS = 100;
/** Largest page the sandbox serves (undocumented upstream; Genesys' Terraform provider uses up to 200). */
export const MAX_PAGE_SIZE = 200;

// Query values arrive as strings, so numbers and booleans are coerced.
const pageSize = z.coerce.number().int().min(1).max(MAX_PAGE_SIZE).optional();
const pageNumber = z.coerce.number().int().min(1).optional();
const boolean = z.union([z.boolean(), z.stringbool()]).optional();

/** A list of ids as repeated keys, one comma-separated value, or both (the JS SDK joins arrays with commas). */
const idList = z.preprocess(
  (v) =>
    v === undefined
      ? undefined
      : (Array.isArray(v) ? v : [v])
          .flatMap((s) => String(s).split(","))
          .map((s) => s.trim())
          .filter((s) => s !== ""),
  z.array(z.string()).min(1).max(MAX_SEGMENT_IDS).optional(),
);

const segmentParams = z.object({ segmentId: z.string().min(1) });
const actionTargetParams = z.object({ actionTargetId: z.string().min(1) });

/** Query of the segment listing. `segmentIds` cannot be combined with paging or sorting. */
export const ListSegmentsQuery = z.object({
  /** Comma-separated top-level fields; `-` prefix sorts descending. */
  sortBy: z.string().optional(),
  pageSize,
  pageNumber,
  /** Only active segments when true. */
  isActive: boolean,
  segmentIds: idList,
});
export type ListSegmentsQuery = z.infer<typeof ListSegmentsQuery>;

/** Query of the action-target listing. */
export const ListActionTargetsQuery = z.object({ pageSize, pageNumber });
export type ListActionTargetsQuery = z.infer<typeof ListActionTargetsQuery>;

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
};
