// Releasing a Zoom Contact Center flow from files kept in git. Each release is a flow file exported
// from the Zoom flow designer (flows/v1.json, flows/v2.json, …); stack config says which one is
// live. Pointing the config at the next file imports it as the flow's next version and publishes
// it; the flow keeps its id, so entry points and phone numbers bound to it follow along.
//
//   npm run pulumi -- config set release v2 --cwd examples/zoom-flow-release
//   npm run pulumi -- up --cwd examples/zoom-flow-release
import * as pulumi from "@pulumi/pulumi";
import * as cxflow from "pulumi-cxflow";

const config = new pulumi.Config();

// `zoom-flow-release:release` names a file in flows/; `zoom-flow-release:flowFile` takes any path.
const release = config.get("release") ?? "v1";
const flowFile = config.get("flowFile") ?? `flows/${release}.json`;

const supportIvr = new cxflow.zoom.Flow("support-ivr", {
  name: "Support IVR",
  description: "Greets callers and routes them to support",
  // A relative path resolves from this folder. Only the content counts: renaming or reformatting
  // the file is not a new version.
  flowFile,
  // Describes the version each import creates, as shown in the flow's version history.
  versionDescription: `release ${release}`,
  // Keep the newest version published: a new file goes live on `up`, and a version published
  // by hand in Zoom is replaced by it on the next `up`.
  publish: true,
});

/** The flow's id: the same across releases. */
export const flowId = supportIvr.id;
/** The newest imported version and the one callers reach. */
export const version = supportIvr.version;
export const publishedVersion = supportIvr.publishedVersion;
export const status = supportIvr.status;
export const channel = supportIvr.channel;
/** SHA-256 of the flow file's content: what decides whether `up` imports a new version. */
export const fileHash = supportIvr.fileHash;
export const releaseName = release;
