#!/usr/bin/env node
"use strict";
// `npm run pulumi -- <args>`: the pinned Pulumi CLI with Node 24 and our tools first on PATH,
// update checks and plugin downloads off, and (unless PULUMI_BACKEND_URL is set) the repository's
// git-ignored local file backend with its local-only default passphrase.
const { spawn } = require("node:child_process");
const path = require("node:path");
const tc = require("./toolchain");
const setup = require("./setup");

async function main() {
  const dir = await setup.main();
  const env = tc.pulumiEnv();
  const child = spawn(path.join(dir, "pulumi"), process.argv.slice(2), { stdio: "inherit", env });
  for (const sig of ["SIGINT", "SIGTERM"]) process.on(sig, () => child.kill(sig));
  child.on("exit", (code, signal) => process.exit(signal ? 1 : (code ?? 1)));
}

main().catch((e) => {
  process.stderr.write(`pulumi: ${e.message || e}\n`);
  process.exit(1);
});
