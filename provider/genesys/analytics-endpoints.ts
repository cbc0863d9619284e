// The Genesys Cloud analytics endpoints (flows and journeys), relative to `https://api.<domain>/api/v2`.
import { z } from "zod";
import { endpoint } from "../http/endpoint";
import {
  AsyncQueryResponse,
  AsyncQueryStatus,
  FlowActivityQuery,
  FlowActivityResponse,
  FlowAggregateQueryResponse,
  FlowAggregationQuery,
  FlowAsyncAggregateQueryResponse,
  FlowAsyncAggregationQuery,
  FlowObservationQuery,
  FlowObservationQueryResponse,
  JourneyAggregateQueryResponse,
  JourneyAggregationQuery,
  JourneyAsyncAggregateQueryResponse,
  JourneyAsyncAggregationQuery,
} from "./analytics";

/** Largest activity page the sandbox serves (undocumented upstream). */
export const MAX_ACTIVITY_PAGE_SIZE = 1000;

const jobParams = z.object({ jobId: z.string().min(1) });
/** `cursor` of the previous results page; absent for the first. */
export const JobResultsQuery = z.object({ cursor: z.string().min(1).optional() });
export type JobResultsQuery = z.infer<typeof JobResultsQuery>;
/** Paging of the activity query; values arrive as strings. */
export const ActivityPagingQuery = z.object({
  pageSize: z.coerce.number().int().min(1).max(MAX_ACTIVITY_PAGE_SIZE).optional(),
  pageNumber: z.coerce.number().int().min(1).optional(),
});
export type ActivityPagingQuery = z.infer<typeof ActivityPagingQuery>;

/** The four async-job endpoints of one aggregate family under `base`. */
function jobs<B extends z.ZodType, R extends z.ZodType>(base: string, body: B, results: R) {
  return {
    submit: endpoint({ method: "POST", path: `${base}/jobs`, body, response: AsyncQueryResponse, status: 202 }),
    get: endpoint({ method: "GET", path: `${base}/jobs/{jobId}`, params: jobParams, response: AsyncQueryStatus }),
    results: endpoint({
      method: "GET",
      path: `${base}/jobs/{jobId}/results`,
      params: jobParams,
      query: JobResultsQuery,
      response: results,
    }),
    delete: endpoint({ method: "DELETE", path: `${base}/jobs/{jobId}`, params: jobParams, status: 204 }),
  };
}

const flowJobs = jobs("/analytics/flows/aggregates", FlowAsyncAggregationQuery, FlowAsyncAggregateQueryResponse);
const journeyJobs = jobs(
  "/analytics/journeys/aggregates",
  JourneyAsyncAggregationQuery,
  JourneyAsyncAggregateQueryResponse,
);

/** The analytics endpoint table shared by the Genesys client and the sandbox. */
export const analyticsEndpoints = {
  queryFlowAggregates: endpoint({
    method: "POST",
    path: "/analytics/flows/aggregates/query",
    idempotent: true,
    body: FlowAggregationQuery,
    response: FlowAggregateQueryResponse,
  }),
  submitFlowAggregatesJob: flowJobs.submit,
  getFlowAggregatesJob: flowJobs.get,
  getFlowAggregatesJobResults: flowJobs.results,
  deleteFlowAggregatesJob: flowJobs.delete,
  queryFlowObservations: endpoint({
    method: "POST",
    path: "/analytics/flows/observations/query",
    idempotent: true,
    body: FlowObservationQuery,
    response: FlowObservationQueryResponse,
  }),
  queryFlowActivity: endpoint({
    method: "POST",
    path: "/analytics/flows/activity/query",
    idempotent: true,
    query: ActivityPagingQuery,
    body: FlowActivityQuery,
    response: FlowActivityResponse,
  }),
  queryJourneyAggregates: endpoint({
    method: "POST",
    path: "/analytics/journeys/aggregates/query",
    idempotent: true,
    body: JourneyAggregationQuery,
    response: JourneyAggregateQueryResponse,
  }),
  submitJourneyAggregatesJob: journeyJobs.submit,
  getJourneyAggregatesJob: journeyJobs.get,
  getJourneyAggregatesJobResults: journeyJobs.results,
  deleteJourneyAggregatesJob: journeyJobs.delete,
};
