/** Genesys Cloud wire models: the zod schemas and types of the journey and analytics APIs. */
export * from "./analytics";
export {
  ListActionMapsQuery,
  ListActionTargetsQuery,
  ListActionTemplatesQuery,
  ListOutcomesQuery,
  ListSegmentsQuery,
} from "./endpoints";
export * from "./models";
