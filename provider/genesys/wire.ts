/** Genesys Cloud wire models: the zod schemas and types of the journey and analytics APIs. */
export * from "./analytics";
export { ListFlowMilestonesQuery, ListFlowOutcomesQuery, ListFlowsQuery } from "./architect-endpoints";
export * from "./architect-models";
export {
  ListActionMapsQuery,
  ListActionTargetsQuery,
  ListActionTemplatesQuery,
  ListOutcomesQuery,
  ListSegmentsQuery,
} from "./endpoints";
export * from "./models";
