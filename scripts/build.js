"use strict";
// `npm run build`: compiles into a fresh folder, then swaps it in for dist/, so stale files never
// ship and programs or tests running meanwhile never see a half-empty dist/.
const { execFileSync } = require("node:child_process");
const fs = require("node:fs");
const path = require("node:path");

const root = path.join(__dirname, "..");
const next = path.join(root, `dist.next-${process.pid}`);
const old = path.join(root, `dist.old-${process.pid}`);
const dist = path.join(root, "dist");
try {
  execFileSync(
    process.execPath,
    [require.resolve("typescript/bin/tsc"), "-p", "tsconfig.build.json", "--outDir", next],
    {
      cwd: root,
      stdio: "inherit",
    },
  );
  if (fs.existsSync(dist)) fs.renameSync(dist, old);
  fs.renameSync(next, dist);
} catch (e) {
  process.exitCode = 1;
  if (e.status === undefined) console.error(`build: ${e.message}`);
} finally {
  fs.rmSync(next, { recursive: true, force: true });
  fs.rmSync(old, { recursive: true, force: true });
}
