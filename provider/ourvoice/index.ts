/** Our Voice: models (zod schemas and types) and the endpoint table. */

export { type OurVoiceClient, type OurVoiceClientOptions, ourvoiceClient } from "./client";
export { endpoints } from "./endpoints";
export * from "./models";
