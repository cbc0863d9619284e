#!/usr/bin/env node
"use strict";
// `npm run pulumi -- <args>`: the project's Pulumi CLI (the pin, or the one setup chose) with Node 24 and our tools first on PATH,
// update checks and plugin downloads off, and (unless PULUMI_BACKEND_URL is set) the repository's
// git-ignored local file backend with its local-only default passphrase.
const { spawn } = require("node:child_process");
const path = require("node:path");
const tc = require("./toolchain");
const setup = require("./setup");

/** Runs the CLI with inherited stdio; resolves with its exit code. */
async function pulumi(args) {
  const dir = await setup.main();
  const env = tc.pulumiEnv();
  tc.ensureLocalBackend(env);
  const child = spawn(path.join(dir, "pulumi"), args, { stdio: "inherit", env });
  // A terminal's Ctrl-C already reaches the CLI (same process group): passing it on again would
  // be a second Ctrl-C, which aborts without releasing the stack's lock. SIGTERM is passed on.
  const ignore = () => {};
  const forward = (sig) => child.kill(sig);
  process.on("SIGINT", ignore);
  process.on("SIGTERM", forward);
  return new Promise((resolve, reject) => {
    child.on("error", reject);
    child.on("exit", (code, signal) => {
      process.off("SIGINT", ignore);
      process.off("SIGTERM", forward);
      resolve(signal ? 1 : (code ?? 1));
    });
  });
}

if (require.main === module) {
  pulumi(process.argv.slice(2)).then(
    (code) => process.exit(code),
    (e) => {
      process.stderr.write(`pulumi: ${e.message || e}\n`);
      process.exit(1);
    },
  );
}

module.exports = { pulumi };
