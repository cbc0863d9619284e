#!/usr/bin/env node
"use strict";
// The `cxflow` command line. Each command lives in its own module under dist/ once built.
const { version } = require("../package.json");

// Compiled modules load lazily, so `cxflow version` works before a build.
const commands = {
  sandbox: (args) => {
    if (args.includes("--help") || args.includes("-h")) return console.log(require("../dist/sandbox/cli").usage);
    return require("../dist/sandbox/cli").main(args);
  },
  export: (args) => {
    if (args.includes("--help") || args.includes("-h"))
      return console.log(require("../dist/provider/cli/export").usage);
    return require("../dist/provider/cli/export").main(args);
  },
  recover: (args) => {
    if (args.includes("--help") || args.includes("-h"))
      return console.log(require("../dist/provider/cli/recover").usage);
    return require("../dist/provider/cli/recover").main(args);
  },
  drift: async (args) => {
    if (args.includes("--help") || args.includes("-h")) return console.log(require("../dist/provider/cli/drift").usage);
    // 0: no drift, 1: drift, 2: the refresh failed (a pipeline step reads the status).
    process.exitCode = await require("../dist/provider/cli/drift").main(args);
  },
  version: () => console.log(version),
  help: () => console.log(usage),
};

const usage = `cxflow ${version}

usage: cxflow <command> [options]

commands:
  sandbox   serve the offline emulator of Genesys Cloud, Zoom and Our Voice (cxflow sandbox --help)
  export    write a Pulumi project that takes over what an account holds (cxflow export --help)
  recover   after a killed \`pulumi up\`: settle the creates it left pending (cxflow recover --help)
  drift     what changed outside Pulumi, without writing anything; exit 1 on drift (cxflow drift --help)
  version   print the package version
  help      print this text`;

const [name = "help", ...rest] = process.argv.slice(2);
const command = commands[name.replace(/^--?/, "")];
if (!command) {
  console.error(`cxflow: unknown command "${name}". Commands: ${Object.keys(commands).join(", ")}.`);
  process.exit(2);
}
Promise.resolve(command(rest)).catch((e) => {
  console.error(`cxflow ${name}: ${e.message || e}`);
  process.exit(1);
});
