/** Zoom Contact Center: the flow resource, models (zod schemas and types), the endpoint table and the client. */

export { type ZoomClient, type ZoomClientOptions, zoomClient } from "./client";
export { endpoints } from "./endpoints";
export { Flow, type FlowArgs } from "./flow";
export { getFlow, getFlowOutput, getFlows, getFlowsOutput } from "./functions";
// The resource class above takes the plain name `Flow`; every wire model stays reachable here.
export * as models from "./models";
export * from "./models";
