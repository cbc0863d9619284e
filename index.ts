// The root stack. Until the main job lands it holds the e2e harness's own test resource, so that
// `npm run demo` proves the whole toolchain: CLI, language host, Node 24 and a dynamic provider.
import * as os from "node:os";
import * as path from "node:path";
import * as pulumi from "@pulumi/pulumi";
import { JsonFile } from "./test/e2e/fixtures/json-file";

const config = new pulumi.Config();
const dir = config.get("dir") ?? path.join(os.tmpdir(), "cxflow", pulumi.getStack());
const token = config.getSecret("token");

const note = new JsonFile("note", {
  path: path.join(dir, "note.json"),
  content: { greeting: config.get("greeting") ?? "hello", stack: pulumi.getStack() },
});

export const file = note.path;
export const revision = note.revision;
/** The Node version the program ran on. */
export const programNode = process.versions.node;
/** The Node version the dynamic provider ran on. */
export const providerNode = note.writtenBy;
/** Proves secret config reaches the program; the value stays a secret output. */
export const tokenLength = (token ?? pulumi.secret("")).apply((t) => t.length);
