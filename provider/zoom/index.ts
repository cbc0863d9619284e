/** Zoom Contact Center: the flow resource, models (zod schemas and types), the endpoint table and the client. */

export { type ZoomClient, type ZoomClientOptions, zoomClient } from "./client";
export { endpoints } from "./endpoints";
export { Flow, type FlowArgs } from "./flow";
export { getFlow, getFlowOutput, getFlows, getFlowsOutput } from "./functions";
// Wire models live under `models`, so an internal schema's name is not part of the public API.
export * as models from "./models";
