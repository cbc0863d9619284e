"use strict";
// Where the project's tools live and the environment every Pulumi command runs in.
// Plain CommonJS on purpose: it runs before dependencies are installed and on any Node >= 18.
const fs = require("node:fs");
const os = require("node:os");
const path = require("node:path");
const { spawnSync } = require("node:child_process");

const ROOT = path.resolve(__dirname, "..");
/** The CLI version; must equal the pinned `@pulumi/pulumi` (checked by setup). */
const PULUMI_VERSION = "3.259.0";
/**
 * The Pulumi releases the tests prove: `oldest` is the floor of the `@pulumi/pulumi` peer range,
 * `newest` the newest the packed-install test has run. Setup takes a `pulumi` on PATH in this range.
 */
const PULUMI_TESTED = { oldest: "3.229.0", newest: "3.276.0" };
/** The Node major every script, test and Pulumi program runs on. */
const NODE_MAJOR = 24;
/** Default passphrase of the local file backend: for throwaway local stacks only. */
const LOCAL_PASSPHRASE = "cxflow-local-only";

function cacheRoot() {
  if (process.env.CXFLOW_CACHE) return path.resolve(process.env.CXFLOW_CACHE);
  const base = process.env.XDG_CACHE_HOME || path.join(os.homedir(), ".cache");
  return path.join(base, "cxflow");
}

/** The version-keyed folder that holds the CLI build, its Go caches and the binaries. */
function cliCache() {
  return path.join(cacheRoot(), `pulumi-v${PULUMI_VERSION}`);
}

const paths = {
  root: ROOT,
  nodeBin: path.join(ROOT, "node_modules", ".bin"),
  node: path.join(ROOT, "node_modules", ".bin", "node"),
  buildModule: path.join(ROOT, "scripts", "pulumi-cli"),
  localState: path.join(ROOT, ".pulumi-local"),
  get cliBin() {
    return path.join(cliCache(), "bin");
  },
};

/** Finds `name` on PATH (or the given PATH string). */
function which(name, searchPath = process.env.PATH || "") {
  for (const dir of searchPath.split(path.delimiter)) {
    if (!dir) continue;
    const file = path.join(dir, name);
    try {
      fs.accessSync(file, fs.constants.X_OK);
      if (fs.statSync(file).isFile()) return file;
    } catch {}
  }
  return undefined;
}

/** The version a `pulumi` binary reports, e.g. "v3.259.0", or undefined if it does not run. */
function pulumiVersionOf(bin) {
  const r = spawnSync(bin, ["version"], {
    encoding: "utf8",
    env: { ...process.env, PULUMI_SKIP_UPDATE_CHECK: "true" },
    timeout: 30_000,
  });
  return r.status === 0 ? r.stdout.trim() : undefined;
}

/** [major, minor, patch] of "v3.250.0" or "3.250.0"; undefined for anything else (a pre-release). */
function versionParts(version) {
  const m = /^v?(\d+)\.(\d+)\.(\d+)$/.exec(version || "");
  return m ? m.slice(1).map(Number) : undefined;
}

function compareVersions(a, b) {
  for (let i = 0; i < 3; i++) if (a[i] !== b[i]) return a[i] - b[i];
  return 0;
}

/** Whether a version ("v3.250.0") lies in PULUMI_TESTED, ends included. */
function inTestedRange(version) {
  const v = versionParts(version);
  if (!v) return false;
  return (
    compareVersions(v, versionParts(PULUMI_TESTED.oldest)) >= 0 &&
    compareVersions(v, versionParts(PULUMI_TESTED.newest)) <= 0
  );
}

/** The tested range for messages, e.g. "3.229.0–3.276.0". */
function testedRange() {
  return `${PULUMI_TESTED.oldest}–${PULUMI_TESTED.newest}`;
}

/**
 * Folders to put first on PATH for Pulumi: our built binaries (language host, dynamic-provider
 * shim) first, then Node 24 from node_modules, then the folder of the CLI in use (after Node: a
 * `pulumi` installed elsewhere may sit beside another `node`).
 */
function toolPath(cliDir = paths.cliBin) {
  const dirs = [paths.cliBin, paths.nodeBin, cliDir];
  return [...new Set(dirs), process.env.PATH || ""].join(path.delimiter);
}

/** The folder of the `pulumi` the project uses (the pin, or another in the tested range): recorded by setup. */
function cliDir() {
  try {
    const rec = JSON.parse(fs.readFileSync(path.join(paths.cliBin, "cli.json"), "utf8"));
    if (inTestedRange(rec.version) && fs.existsSync(path.join(rec.dir, "pulumi"))) return rec.dir;
  } catch {}
  return undefined;
}

/**
 * The environment for running the Pulumi CLI. `overrides` wins over defaults, and a caller's own
 * PULUMI_BACKEND_URL / passphrase are kept.
 */
function pulumiEnv(overrides = {}) {
  const base = { ...process.env };
  const dir = cliDir() || paths.cliBin;
  const env = {
    ...base,
    PATH: toolPath(dir),
    PULUMI_SKIP_UPDATE_CHECK: "true",
    PULUMI_DISABLE_AUTOMATIC_PLUGIN_ACQUISITION: "true",
    PULUMI_AUTOMATION_API_SKIP_VERSION_CHECK: "true",
    ...overrides,
  };
  if (!env.PULUMI_BACKEND_URL) env.PULUMI_BACKEND_URL = `file://${paths.localState}`;
  if (!env.PULUMI_CONFIG_PASSPHRASE && !env.PULUMI_CONFIG_PASSPHRASE_FILE) {
    env.PULUMI_CONFIG_PASSPHRASE = LOCAL_PASSPHRASE;
  }
  return env;
}

/** Creates `.pulumi-local/` when `env` uses it: the CLI will not create a file backend's folder. */
function ensureLocalBackend(env) {
  if (env.PULUMI_BACKEND_URL === `file://${paths.localState}`) fs.mkdirSync(paths.localState, { recursive: true });
}

module.exports = {
  ensureLocalBackend,
  PULUMI_VERSION,
  PULUMI_TESTED,
  inTestedRange,
  testedRange,
  NODE_MAJOR,
  LOCAL_PASSPHRASE,
  paths,
  cliCache,
  cliDir,
  which,
  pulumiVersionOf,
  toolPath,
  pulumiEnv,
};
