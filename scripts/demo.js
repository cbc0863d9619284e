#!/usr/bin/env node
"use strict";
// `npm run demo`: the main job. Selects (or creates) the root stack on the local backend and runs
// `pulumi up` on it. CXFLOW_STACK picks another stack name.
const { pulumi } = require("./pulumi");

async function main() {
  const stack = process.env.CXFLOW_STACK || "dev";
  const steps = [
    ["stack", "select", "--create", stack],
    ["up", "--yes", "--stack", stack],
  ];
  for (const args of steps) {
    const code = await pulumi([...args, "--non-interactive"]);
    if (code !== 0) {
      process.stderr.write(`demo: pulumi ${args.join(" ")} failed (exit ${code})\n`);
      process.exit(code);
    }
  }
}

main().catch((e) => {
  process.stderr.write(`demo: ${e.message || e}\n`);
  process.exit(1);
});
