/** Zoom Contact Center: models (zod schemas and types) and the endpoint table. */

export { type ZoomClient, type ZoomClientOptions, zoomClient } from "./client";
export { endpoints } from "./endpoints";
export * from "./models";
