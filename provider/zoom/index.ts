/** Zoom Contact Center: models (zod schemas and types) and the endpoint table. */
export { endpoints } from "./endpoints";
export * from "./models";
export { type ZoomClient, type ZoomClientOptions, zoomClient } from "./client";
