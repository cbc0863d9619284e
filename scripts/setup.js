#!/usr/bin/env node
"use strict";
// `npm run setup`: make everything the project needs available, idempotently.
//   1. npm dependencies (including Node 24 from the `node` package), when missing or stale;
//   2. the Pulumi CLI: the pinned v3.259.0 when on PATH or cached, else a `pulumi` on PATH in the
//      tested range (toolchain's PULUMI_TESTED), else the pin built from the Go module proxy into a
//      version-keyed cache outside the repository;
//   3. a Node.js language host beside it (ours, built from scripts/pulumi-cli/langhost, unless the
//      CLI in use already has one) and the `pulumi-resource-pulumi-nodejs` dynamic-provider shim.
// A second run checks a few files and returns in well under a second.
const crypto = require("node:crypto");
const fs = require("node:fs");
const path = require("node:path");
const { spawn, spawnSync } = require("node:child_process");
const tc = require("./toolchain");

const { paths, PULUMI_VERSION, NODE_MAJOR } = tc;
let worked = false;
const log = (msg) => {
  worked = true;
  process.stderr.write(`setup: ${msg}\n`);
};

class SetupError extends Error {}

function sha256(files) {
  const h = crypto.createHash("sha256");
  for (const f of files) h.update(fs.existsSync(f) ? fs.readFileSync(f) : "");
  return h.digest("hex").slice(0, 16);
}

function seconds(since) {
  return `${((Date.now() - since) / 1000).toFixed(1)}s`;
}

// 1. npm dependencies ------------------------------------------------------------------------
function ensureDependencies() {
  const lock = path.join(paths.root, "package-lock.json");
  const stamp = path.join(paths.root, "node_modules", ".cxflow-deps");
  const want = sha256([path.join(paths.root, "package.json"), lock]);
  if (fs.existsSync(stamp) && fs.readFileSync(stamp, "utf8") === want && fs.existsSync(paths.node)) return;
  const t = Date.now();
  // Not `npm ci`: the registry mirror here serves no other-platform optional packages (biome's
  // darwin/win32 builds), so lockfiles lack them and `npm ci` refuses; --no-save keeps the lock as is.
  const args = ["install", "--no-save", "--no-audit", "--no-fund"];
  log("installing npm dependencies (npm install)…");
  const npm = process.platform === "win32" ? "npm.cmd" : "npm";
  const r = spawnSync(npm, args, { cwd: paths.root, stdio: ["ignore", "inherit", "inherit"] });
  if (r.status !== 0) throw new SetupError(`npm ${args[0]} failed (exit ${r.status})`);
  fs.writeFileSync(stamp, want);
  log(`npm dependencies installed in ${seconds(t)}`);
}

/**
 * Links node_modules/pulumi-cxflow to the repository, as an install would place the package:
 * dynamic providers resolve it from @pulumi/pulumi's folder, where a self-reference cannot reach.
 */
function ensureSelfLink() {
  const link = path.join(paths.root, "node_modules", "pulumi-cxflow");
  try {
    if (fs.realpathSync(link) === fs.realpathSync(paths.root)) return;
    fs.rmSync(link, { recursive: true, force: true });
  } catch {}
  fs.symlinkSync("..", link, "dir");
}

function ensureNode() {
  const r = spawnSync(paths.node, ["-p", "process.versions.node"], { encoding: "utf8" });
  const major = Number.parseInt(r.stdout || "", 10);
  if (major !== NODE_MAJOR) {
    throw new SetupError(
      `node_modules/.bin/node should be Node ${NODE_MAJOR} from the npm package "node", found ${r.stdout || r.error}.\n` +
        `Its install script may have been skipped: run "npm install-scripts approve node && npm rebuild node".`,
    );
  }
  const sdk = JSON.parse(fs.readFileSync(require.resolve("@pulumi/pulumi/package.json", { paths: [paths.root] })));
  if (sdk.version !== PULUMI_VERSION) {
    throw new SetupError(
      `@pulumi/pulumi is ${sdk.version}, but the CLI is pinned at ${PULUMI_VERSION}: keep them equal.`,
    );
  }
}

// 2./3. The Pulumi CLI and its companions ------------------------------------------------------
const goEnv = () => {
  const cache = tc.cliCache();
  return {
    ...process.env,
    GOMODCACHE: path.join(cache, "gomod"),
    GOCACHE: path.join(cache, "gocache"),
    GOFLAGS: "-modcacherw -mod=readonly",
    GOTOOLCHAIN: "local",
    CGO_ENABLED: "0",
  };
};

/**
 * Go to build with: $CXFLOW_GO if set (empty means none), else `go` on PATH, else /usr/local/go.
 * `problem` says what is missing, for the message when there is no Go.
 */
function findGo(problem) {
  const fallback = fs.existsSync("/usr/local/go/bin/go") ? "/usr/local/go/bin/go" : undefined;
  const go = "CXFLOW_GO" in process.env ? process.env.CXFLOW_GO : tc.which("go") || fallback;
  if (!go) {
    throw new SetupError(
      `${problem}.\n` +
        "Install Go 1.25 or newer (https://go.dev/dl/, or your distribution's golang package) and run again,\n" +
        `or put a pulumi of the tested range ${tc.testedRange()} (with pulumi-language-nodejs beside it) on PATH.`,
    );
  }
  return go;
}

/** Runs `go build` with a heartbeat, since the first CLI build takes many minutes. */
function goBuild(go, what, ldflags, out, pkg) {
  return new Promise((resolve, reject) => {
    const t = Date.now();
    const tmp = `${out}.tmp-${process.pid}`;
    const args = ["build", "-trimpath", "-ldflags", ldflags, "-o", tmp, pkg];
    const child = spawn(go, args, { cwd: paths.buildModule, env: goEnv(), stdio: ["ignore", "inherit", "inherit"] });
    const beat = setInterval(() => log(`  still building ${what}… ${seconds(t)}`), 30_000);
    child.on("error", (e) => {
      clearInterval(beat);
      reject(e);
    });
    child.on("exit", (code) => {
      clearInterval(beat);
      if (code !== 0) return reject(new SetupError(`go build of ${what} failed (exit ${code})`));
      fs.renameSync(tmp, out);
      log(`built ${what} in ${seconds(t)}`);
      resolve();
    });
  });
}

const versionFlag = `-X github.com/pulumi/pulumi/sdk/v3/go/common/version.Version=v${PULUMI_VERSION}`;

/** Size and time of a file, to notice a CLI replaced in place; undefined when it is missing. */
function fileStamp(file) {
  try {
    const st = fs.statSync(file);
    return `${st.size}:${st.mtimeMs}`;
  } catch {
    return undefined;
  }
}

/** The `pulumi` to use: the pin (on PATH or cached), else one on PATH in the tested range, else the pin built. */
async function chooseCli(bin) {
  const pin = `v${PULUMI_VERSION}`;
  const cached = path.join(bin, "pulumi");
  const onPath = tc.which(
    "pulumi",
    (process.env.PATH || "")
      .split(path.delimiter)
      .filter((d) => d !== bin)
      .join(path.delimiter),
  );
  const found = onPath && tc.pulumiVersionOf(onPath);
  if (found === pin) return { cli: onPath, version: pin };
  if (onPath && !tc.inTestedRange(found)) {
    log(`ignoring ${onPath} (${found || "no version"}): outside the tested range ${tc.testedRange()}`);
  }
  if (fs.existsSync(cached) && tc.pulumiVersionOf(cached) === pin) return { cli: cached, version: pin };
  if (tc.inTestedRange(found)) return { cli: onPath, version: found };
  const go = findGo(
    `No pulumi of the tested range ${tc.testedRange()} is on PATH, and Go is needed to build the pinned ${pin} from the Go module proxy`,
  );
  log(`building the Pulumi CLI ${pin} from the Go module proxy into ${bin}`);
  log("(first time only: expect 10-20 minutes on 2 cores; later runs reuse the cache)");
  await goBuild(go, `pulumi ${pin}`, `-s -w ${versionFlag}`, cached, "github.com/pulumi/pulumi/pkg/v3/cmd/pulumi");
  return { cli: cached, version: pin };
}

/** Makes the CLI, its language host and the dynamic-provider shim ready; returns the record of what is used. */
async function ensureCli() {
  const bin = paths.cliBin;
  const record = path.join(bin, "cli.json");
  const hostStamp = sha256(["go.mod", "go.sum", "langhost/main.go"].map((f) => path.join(paths.buildModule, f)));
  let rec = {};
  try {
    rec = JSON.parse(fs.readFileSync(record, "utf8"));
  } catch {}
  const shim = path.join(bin, "pulumi-resource-pulumi-nodejs");
  const fresh =
    tc.inTestedRange(rec.version) &&
    rec.cliStamp !== undefined &&
    fileStamp(path.join(rec.dir || "", "pulumi")) === rec.cliStamp &&
    (rec.hostStamp === hostStamp || rec.upstreamHost) &&
    fs.existsSync(shim);
  if (fresh) return rec;

  fs.mkdirSync(bin, { recursive: true });
  const { cli, version } = await chooseCli(bin);
  const dir = cli === path.join(bin, "pulumi") ? bin : path.dirname(fs.realpathSync(cli));
  log(`using ${cli} (${version}, in the tested range ${tc.testedRange()})`);

  // Another CLI's own language host matches it; without one, ours serves.
  const upstreamHost = dir !== bin && fs.existsSync(path.join(dir, "pulumi-language-nodejs"));
  const host = path.join(bin, "pulumi-language-nodejs");
  if (upstreamHost) {
    fs.rmSync(host, { force: true });
  } else if (!fs.existsSync(host) || rec.hostStamp !== hostStamp) {
    const go = findGo(`No pulumi-language-nodejs beside ${cli} or in ${bin}, and Go is needed to build ours`);
    await goBuild(go, "the Node.js language host", `-s -w -X main.version=${PULUMI_VERSION}`, host, "./langhost");
  }

  // The engine starts dynamic providers as the plugin `pulumi-resource-pulumi-nodejs`; it must
  // resolve @pulumi/pulumi from the program's directory (its working directory), as upstream's does.
  fs.writeFileSync(
    shim,
    '#!/bin/sh\nexec node "$(node -p "require.resolve(\'@pulumi/pulumi/cmd/dynamic-provider\')")" "$@"\n',
    { mode: 0o755 },
  );
  const next = { version, dir, cliStamp: fileStamp(path.join(dir, "pulumi")), hostStamp, upstreamHost };
  fs.writeFileSync(record, JSON.stringify(next, null, 2));
  return next;
}

async function main() {
  const t = Date.now();
  ensureDependencies();
  ensureSelfLink();
  ensureNode();
  const { dir, version } = await ensureCli();
  if (worked) log(`ready in ${seconds(t)}: pulumi ${version} in ${dir}, Node ${NODE_MAJOR} in node_modules/.bin`);
  return dir;
}

if (require.main === module) {
  main().catch((e) => {
    process.stderr.write(`setup: ${e instanceof SetupError ? e.message : e.stack || e}\n`);
    process.exit(1);
  });
}

module.exports = { main };
