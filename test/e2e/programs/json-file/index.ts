// The whole toolchain with nothing of cxflow in it: CLI, language host, Node 24 and a dynamic
// provider (the harness's JsonFile) through create, update, refresh and destroy.
import * as os from "node:os";
import * as path from "node:path";
import * as pulumi from "@pulumi/pulumi";
import { JsonFile } from "../../fixtures/json-file";

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
