import { z } from "zod";
import { endpoint } from "../http/endpoint";
import { CreateFlow, FlowEnvelope, FlowPage, ListFlowsQuery, UpdateFlow } from "./models";

const FlowId = z.object({ flowId: z.string().min(1) });

/** The Our Voice endpoint table; paths are below `https://api.getourvoice.com/v1`. */
export const endpoints = {
  listFlows: endpoint({ method: "GET", path: "/flows", query: ListFlowsQuery, response: FlowPage }),
  getFlow: endpoint({ method: "GET", path: "/flows/{flowId}", params: FlowId, response: FlowEnvelope }),
  createFlow: endpoint({ method: "POST", path: "/flows", body: CreateFlow, response: FlowEnvelope, status: 201 }),
  updateFlow: endpoint({
    method: "PUT",
    path: "/flows/{flowId}",
    params: FlowId,
    body: UpdateFlow,
    response: FlowEnvelope,
  }),
  patchFlow: endpoint({
    method: "PATCH",
    path: "/flows/{flowId}",
    params: FlowId,
    body: UpdateFlow,
    response: FlowEnvelope,
    idempotent: true,
  }),
  deleteFlow: endpoint({ method: "DELETE", path: "/flows/{flowId}", params: FlowId, status: 204 }),
};
