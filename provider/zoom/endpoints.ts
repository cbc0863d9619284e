import { endpoint } from "../http/endpoint";
import {
  ExportFlowQuery,
  Flow,
  FlowFile,
  FlowIdParams,
  FlowPage,
  GetFlowQuery,
  ImportFlowBody,
  ListFlowsQuery,
  PublishFlowQuery,
  UpdateFlowBody,
} from "./models";

/** The Zoom Contact Center flows endpoint table; paths are below `https://api.zoom.us/v2`. */
export const endpoints = {
  listFlows: endpoint({ method: "GET", path: "/contact_center/flows", query: ListFlowsQuery, response: FlowPage }),
  getFlow: endpoint({
    method: "GET",
    path: "/contact_center/flows/{flowId}",
    params: FlowIdParams,
    query: GetFlowQuery,
    response: Flow,
  }),
  importFlow: endpoint({
    method: "POST",
    path: "/contact_center/flows",
    body: ImportFlowBody,
    bodyType: "multipart",
    response: Flow,
    status: 201,
  }),
  updateFlow: endpoint({
    method: "PATCH",
    path: "/contact_center/flows/{flowId}",
    params: FlowIdParams,
    body: UpdateFlowBody,
    status: 204,
    idempotent: true,
  }),
  publishFlow: endpoint({
    method: "PUT",
    path: "/contact_center/flows/{flowId}/publish",
    params: FlowIdParams,
    query: PublishFlowQuery,
    status: 204,
  }),
  exportFlow: endpoint({
    method: "GET",
    path: "/contact_center/flows/{flowId}/export",
    params: FlowIdParams,
    query: ExportFlowQuery,
    response: FlowFile,
  }),
  deleteFlow: endpoint({ method: "DELETE", path: "/contact_center/flows/{flowId}", params: FlowIdParams, status: 204 }),
};
