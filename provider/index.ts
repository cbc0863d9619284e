/**
 * pulumi-cxflow: Pulumi dynamic resources and analytics data sources for Genesys Cloud,
 * Zoom Contact Center and Our Voice flows.
 *
 * The vendor modules (`genesys`, `zoom`, `ourvoice`) and the sandbox helpers are exported from
 * here as they land.
 * @packageDocumentation
 */

// Resolved by package name (a self-reference through `exports`), the same way dynamic providers
// load this package at run time, so it works from the sources, from dist/ and when installed.
const manifest: { version: string } = require("pulumi-cxflow/package.json");

/** The version of this package, as published. */
export const VERSION: string = manifest.version;
