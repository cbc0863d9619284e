"use strict";
// Child process of the bench: one genesys.getFlowAggregates call (arguments as JSON in argv[2])
// through the built package, as a program would make it, so that the peak memory it reports is
// the client's alone. Plain JavaScript on purpose: under ts-node the TypeScript compiler would add
// ~60 MB. Reads the sandbox from CXFLOW_SANDBOX_URL; prints one JSON line last: rows, groups,
// seconds of the call, RSS before it and the process's peak RSS (maxRSS), in KB.
const { genesys } = require("pulumi-cxflow");

async function main() {
  const rssBeforeKb = Math.round(process.memoryUsage().rss / 1024);
  const start = process.hrtime.bigint();
  const r = await genesys.getFlowAggregates(JSON.parse(process.argv[2]));
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  const result = {
    rows: r.rows.length,
    groups: r.results.length,
    mode: r.mode,
    seconds,
    rssBeforeKb,
    maxRssKb: process.resourceUsage().maxRSS,
  };
  console.log(JSON.stringify(result));
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
