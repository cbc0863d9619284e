/** Genesys Cloud: models (zod schemas and types) and endpoint tables. */
export * from "./analytics";
export { analyticsEndpoints } from "./analytics-endpoints";
export { type GenesysClient, type GenesysClientOptions, genesysClient } from "./client";
export { endpoints } from "./endpoints";
export * from "./models";
