/**
 * pulumi-cxflow: Pulumi dynamic resources and analytics data sources for Genesys Cloud,
 * Zoom Contact Center and Our Voice flows.
 *
 * Each vendor module holds its zod models and endpoint table; resources, data sources and
 * clients join them as they land. The sandbox is `pulumi-cxflow/sandbox`.
 * @packageDocumentation
 */

// Resolved by package name (a self-reference through `exports`), the same way dynamic providers
// load this package at run time, so it works from the sources, from dist/ and when installed.
const manifest: { version: string } = require("pulumi-cxflow/package.json");

/** The version of this package, as published. */
export const VERSION: string = manifest.version;

export * as config from "./config";
// Types every vendor module's signatures use: data-source arguments, client options, endpoint rows.
export { type DeepInput, type FunctionArgs, FunctionArgsError, type Inputs } from "./function";
export * as genesys from "./genesys";
export type { Endpoint, Method } from "./http/endpoint";
// What API calls and data sources throw, for `instanceof` and `code` checks.
export { CxflowError, type CxflowErrorInit, type ErrorCode, isNotFound, type RedactedRequest } from "./http/errors";
export type { Budget } from "./http/limiter";
export type { RetryPolicy } from "./http/retry";
export * as ourvoice from "./ourvoice";
export * as zoom from "./zoom";
