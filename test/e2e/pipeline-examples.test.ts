// The second describe is one scenario: its tests run in order, each building on the last.
// The CI files of examples/pipeline run here against sandboxes, so they cannot rot: each job's
// commands (`run:` of GitHub steps, `script:` of GitLab jobs) go through bash as a runner runs
// them, with the env the job would have; only the steps that need the network are skipped, each
// named below with its reason.
import { spawn } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { parse } from "yaml";
import { VENDORS } from "../../provider/vendors";
import { type Sandbox, startSandbox } from "../../sandbox";
import * as tc from "../../scripts/toolchain";
import { scenario } from "./harness";
import { sandboxClients } from "./resources";

jest.setTimeout(10 * 60_000);

const ROOT = path.join(__dirname, "..", "..");
const EXAMPLE = path.join(ROOT, "examples", "pipeline");
const GITHUB = "github-actions.yml";
const GITLAB = "gitlab-ci.yml";
type File = typeof GITHUB | typeof GITLAB;

/**
 * What cannot run offline, and why. GitHub: step names; GitLab: job names, or `<job> before_script`.
 * A name here that the file no longer has fails the test, so the list cannot rot either.
 */
const OFFLINE: Record<File, Record<string, string>> = {
  [GITHUB]: {
    "Check out": "fetches the repository; the test runs a copy of the folder",
    "Set up Node.js": "downloads Node.js; the test runs on the repository's Node 24",
    "Install Pulumi": "downloads the CLI; the test puts the pinned one from the cache on PATH",
    "Install dependencies": "npm ci downloads; the copy links the repository's node_modules",
    "Comment the drift report": "gh posts to GitHub",
  },
  [GITLAB]: {
    ".cxflow before_script": "downloads the Pulumi CLI and runs npm ci, as the skipped GitHub steps do",
    "drift-note": "curl posts to the GitLab API",
  },
};

/** The job each event runs. */
type Event = "fork" | "pr" | "main" | "nightly";
const JOBS: Record<File, Record<Event, string>> = {
  [GITHUB]: { fork: "preview-fork", pr: "preview", main: "deploy", nightly: "drift" },
  [GITLAB]: { fork: "preview:sandbox", pr: "preview", main: "deploy", nightly: "drift" },
};

const read = (file: File) => parse(fs.readFileSync(path.join(EXAMPLE, file), "utf8"));
/** GitLab's top-level keys that are not jobs. */
const GITLAB_KEYWORDS = new Set(["stages", "variables", "default", "workflow", "include", "image", "cache"]);
const gitlabJobs = (doc: any) => Object.keys(doc).filter((k) => !GITLAB_KEYWORDS.has(k) && !k.startsWith("."));

describe("the CI files in examples/pipeline", () => {
  test.each([GITHUB, GITLAB] as File[])(
    "%s: every step runs its commands here, or is listed with the reason it cannot",
    (file) => {
      const doc = read(file);
      if (file === GITHUB) {
        const steps = Object.values(doc.jobs as Record<string, { steps: any[] }>).flatMap((j) => j.steps);
        for (const name of Object.keys(OFFLINE[file])) expect(steps.map((s) => s.name)).toContain(name);
        // An action cannot run here, so each one must be listed.
        const unlisted = steps.filter((s) => !OFFLINE[file][s.name] && !s.run);
        expect(unlisted.map((s) => s.name ?? s.uses)).toEqual([]);
        // Values reach commands through env, as GitHub advises against script injection; this test sets the env.
        expect(steps.filter((s) => s.run?.includes("${{")).map((s) => s.name)).toEqual([]);
      } else {
        for (const name of Object.keys(OFFLINE[file])) {
          const [job, part = "script"] = name.split(" ");
          expect([name, doc[job]?.[part]]).toEqual([name, expect.any(Array)]);
        }
      }
      const jobs = file === GITHUB ? Object.keys(doc.jobs) : gitlabJobs(doc);
      const covered = [...Object.values(JOBS[file]), ...Object.keys(OFFLINE[file])];
      expect(jobs.filter((j) => !covered.includes(j))).toEqual([]);
    },
  );
});

/** One step (GitHub) or one script (GitLab) of a job. */
interface StepRun {
  name: string;
  /** Why it did not run. */
  skipped?: string;
  code?: number;
  output?: string;
}

/** A job's run: its steps, the exit code of the one that failed (0 when none did), and all output. */
interface JobRun {
  steps: StepRun[];
  code: number;
  output: string;
}

/**
 * One CI file run against its own sandbox "org" and team backend (a file backend in a temp
 * folder), in a copy of the example folder: the two files run side by side without sharing state.
 */
class Pipeline {
  readonly doc: any;
  tmp = "";
  org!: Sandbox;
  /** Process groups of the scripts: a background sandbox lives on in one until cleanup. */
  private readonly groups: number[] = [];
  private scripts = 0;

  constructor(readonly file: File) {
    this.doc = read(file);
  }

  /** The job's working directory: a copy of the stack, as a checkout would hold it. */
  get work(): string {
    return path.join(this.tmp, "work");
  }
  get backend(): string {
    return path.join(this.tmp, "backend");
  }
  /** GitHub's step summary. */
  get summary(): string {
    return path.join(this.tmp, "step-summary.md");
  }

  async start(): Promise<void> {
    this.tmp = fs.mkdtempSync(path.join(os.tmpdir(), "cxflow-pipeline-"));
    fs.cpSync(EXAMPLE, this.work, {
      recursive: true,
      filter: (src) => !/(^|\/)(node_modules|\.sandbox-state|Pulumi\.[^/]+\.yaml|drift\.md|sandbox\.log)$/.test(src),
    });
    fs.symlinkSync(path.join(ROOT, "node_modules"), path.join(this.work, "node_modules"));
    fs.mkdirSync(this.backend);
    for (const dir of ["bin", "home", "runner-temp"]) fs.mkdirSync(path.join(this.tmp, dir));
    // `npx cxflow` as it resolves after `npm ci`: the package's own command, here from this repository.
    const npx = path.join(this.tmp, "bin", "npx");
    fs.writeFileSync(
      npx,
      `#!/bin/sh\n[ "$1" = cxflow ] || { echo "npx $1: not available offline" >&2; exit 127; }\nshift\nexec node ${JSON.stringify(path.join(ROOT, "bin", "cxflow.js"))} "$@"\n`,
      { mode: 0o755 },
    );
    this.org = await startSandbox({});
  }

  /** The runner's own env: the pinned Pulumi CLI and Node 24 first on PATH, nothing from this shell's PULUMI_*. */
  private runnerEnv(): Record<string, string> {
    return {
      PATH: `${path.join(this.tmp, "bin")}${path.delimiter}${tc.pulumiEnv().PATH}`,
      HOME: path.join(this.tmp, "home"),
      PULUMI_HOME: path.join(this.tmp, "home", ".pulumi"),
      PULUMI_SKIP_UPDATE_CHECK: "true",
      PULUMI_DISABLE_AUTOMATIC_PLUGIN_ACQUISITION: "true",
      // Type checking is lint's job; programs start faster without it.
      PULUMI_NODEJS_TRANSPILE_ONLY: "true",
      CI: "true",
    };
  }

  /** The repository's variables and secrets, by name: the org's credentials are the sandbox's. */
  private variables(): Record<string, string> {
    const g = VENDORS.genesys.sandboxCredentials;
    return {
      PULUMI_BACKEND_URL: `file://${this.backend}`,
      PULUMI_CONFIG_PASSPHRASE: "pipeline-test-only",
      AWS_ACCESS_KEY_ID: "",
      AWS_SECRET_ACCESS_KEY: "",
      AWS_REGION: "",
      GENESYSCLOUD_REGION: "eu-west-1",
      GENESYSCLOUD_OAUTHCLIENT_ID: g.clientId,
      GENESYSCLOUD_OAUTHCLIENT_SECRET: g.clientSecret,
      OURVOICE_API_KEY: VENDORS.ourvoice.sandboxCredentials.apiKey,
    };
  }

  /** What the pipeline's real-org jobs get: the variables, and the one difference, an org that is a sandbox. */
  orgEnv(): Record<string, string> {
    return { ...this.runnerEnv(), ...this.variables(), CXFLOW_SANDBOX_URL: this.org.url };
  }

  /** The stack the file deploys. */
  get stack(): string {
    return this.file === GITHUB ? this.doc.env.STACK : this.doc.variables.STACK;
  }

  /** Runs a script as both runners do (bash -eo pipefail) in a process group of its own. */
  bash(script: string, env: Record<string, string>): Promise<{ code: number; output: string }> {
    const file = path.join(this.tmp, `script-${++this.scripts}.sh`);
    fs.writeFileSync(file, script);
    const child = spawn("bash", ["--noprofile", "--norc", "-eo", "pipefail", file], {
      cwd: this.work,
      env,
      detached: true,
      stdio: ["ignore", "pipe", "pipe"],
    });
    this.groups.push(child.pid!);
    let output = "";
    child.stdout.on("data", (d) => (output += d));
    child.stderr.on("data", (d) => (output += d));
    return new Promise((resolve) => child.on("close", (code) => resolve({ code: code ?? -1, output })));
  }

  /** Runs the job of `event` step by step, stopping at the first that fails, as the runner does. */
  run(event: Event): Promise<JobRun> {
    return this.file === GITHUB
      ? this.runGitHub(JOBS[GITHUB][event], event)
      : this.runGitLab(JOBS[GITLAB][event], event);
  }

  private async runGitHub(name: string, event: Event): Promise<JobRun> {
    const job = this.doc.jobs[name];
    expect(job.defaults?.run?.shell ?? this.doc.defaults?.run?.shell).toBe("bash");
    const variables = this.variables();
    /** `${{ secrets.X }}` and `${{ vars.X }}`; a fork's pull request gets no secrets. */
    const resolve = (env: Record<string, unknown> = {}) =>
      Object.fromEntries(
        Object.entries(env).map(([k, v]) => {
          const text = String(v);
          if (!text.includes("${{")) return [k, text];
          const m = /^\$\{\{\s*(secrets|vars)\.(\w+)\s*\}\}$/.exec(text);
          if (!m || !(m[2] in variables)) throw new Error(`${GITHUB}: the test cannot give ${k} its value ${text}`);
          return [k, m[1] === "secrets" && event === "fork" ? "" : variables[m[2]]];
        }),
      );
    const env: Record<string, string> = {
      ...this.runnerEnv(),
      ...(event === "fork" ? {} : { CXFLOW_SANDBOX_URL: this.org.url }),
      RUNNER_TEMP: path.join(this.tmp, "runner-temp"),
      GITHUB_STEP_SUMMARY: this.summary,
      ...resolve(this.doc.env),
      ...resolve(job.env),
    };
    const steps: StepRun[] = [];
    for (const step of job.steps) {
      const skipped = OFFLINE[GITHUB][step.name];
      if (skipped) {
        steps.push({ name: step.name, skipped });
        continue;
      }
      // A fresh GITHUB_ENV per step; what it gains goes to the steps after it.
      const githubEnv = path.join(this.tmp, `github-env-${this.scripts}`);
      fs.writeFileSync(githubEnv, "");
      const r = await this.bash(step.run, { ...env, ...resolve(step.env), GITHUB_ENV: githubEnv });
      steps.push({ name: step.name, ...r });
      if (r.code !== 0) break;
      for (const line of fs.readFileSync(githubEnv, "utf8").split("\n").filter(Boolean)) {
        env[line.slice(0, line.indexOf("="))] = line.slice(line.indexOf("=") + 1);
      }
    }
    return jobRun(steps);
  }

  private async runGitLab(name: string, event: Event): Promise<JobRun> {
    const own = this.doc[name];
    const template = own.extends ? this.doc[own.extends] : {};
    const job = { ...template, ...own, variables: { ...template.variables, ...own.variables } };
    // Project variables win over the file's; a fork's project has none of the parent's.
    const env: Record<string, string> = {
      ...this.runnerEnv(),
      CI_PROJECT_DIR: this.work,
      CI_PIPELINE_SOURCE: event === "main" ? "push" : event === "nightly" ? "schedule" : "merge_request_event",
      ...this.doc.variables,
      ...job.variables,
      ...(event === "fork" ? {} : this.orgEnv()),
    };
    const steps: StepRun[] = [];
    for (const part of ["before_script", "script"] as const) {
      const key = part === "script" ? name : `${own[part] ? name : own.extends} ${part}`;
      if (!job[part]) continue;
      const skipped = OFFLINE[GITLAB][key];
      if (skipped) {
        steps.push({ name: key, skipped });
        continue;
      }
      const r = await this.bash((job[part] as string[]).join("\n"), env);
      steps.push({ name: key, ...r });
      if (r.code !== 0) break;
    }
    return jobRun(steps);
  }

  /** Ends what the scripts left running (the fork job's sandbox), the org, and the temp folder. */
  async cleanUp(): Promise<void> {
    for (const group of this.groups) {
      try {
        process.kill(-group, "SIGTERM");
      } catch {}
    }
    await this.org?.stop();
    if (this.tmp) fs.rmSync(this.tmp, { recursive: true, force: true });
  }
}

function jobRun(steps: StepRun[]): JobRun {
  const failed = steps.find((s) => s.code !== undefined && s.code !== 0);
  const output = steps.filter((s) => !s.skipped).map((s) => `--- ${s.name} (exit ${s.code})\n${s.output}`);
  return { steps, code: failed?.code ?? 0, output: output.join("\n") };
}

async function collect<T>(items: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const item of items) out.push(item);
  return out;
}

/** What the example declares, as the org holds it. */
async function declared(org: Sandbox) {
  const c = sandboxClients(org.url);
  const segment = (await collect(c.genesys().segments({ pageSize: 100 }))).find(
    (s) => s.displayName === "Checkout leavers",
  );
  const flow = (await collect(c.ourvoice().flows({ limit: 100 }))).find((f) => f.name === "Checkout reminder");
  return { segment, flow };
}

const TABLE_HEADER = "| resource type | name | field | state → vendor |";

describe("examples/pipeline run against sandboxes", () => {
  const step = scenario();
  const pipelines = [new Pipeline(GITHUB), new Pipeline(GITLAB)];
  /** The same event on both files at once: each has its own org and backend. */
  const both = <T>(fn: (p: Pipeline) => Promise<T>) => Promise.all(pipelines.map(fn));
  const forEach = async (fn: (p: Pipeline, run: JobRun) => unknown, runs: JobRun[]) => {
    for (const [i, p] of pipelines.entries()) {
      try {
        await fn(p, runs[i]);
      } catch (e) {
        (e as Error).message = `${p.file}:\n${(e as Error).message}\n--- job output ---\n${runs[i].output}`;
        throw e;
      }
    }
  };

  beforeAll(() => both((p) => p.start()));
  afterAll(() => both((p) => p.cleanUp()));

  step("a fork's pull request previews against a sandbox it starts: two resources to create", async () => {
    await forEach(
      (p, run) => {
        expect(run.code).toBe(0);
        expect(run.output).toMatch(/\+ pulumi-nodejs:dynamic\/cxflow\/genesys:JourneySegment: \(create\)/);
        expect(run.output).toMatch(/\+ pulumi-nodejs:dynamic\/cxflow\/ourvoice:Flow: \(create\)/);
        expect(run.output).toContain('displayName: "Checkout leavers"');
        // No secrets, no org: the org and the team backend saw nothing.
        expect(p.org.stats().total).toBe(0);
        expect(fs.readdirSync(p.backend)).toEqual([]);
      },
      await both((p) => p.run("fork")),
    );
  });

  step("a push to main deploys both, and the preview after it expects no changes and passes", async () => {
    await forEach(
      async (p, run) => {
        expect(run.code).toBe(0);
        expect(run.output).toContain("no pending creates: nothing to recover");
        expect(run.output).toMatch(/\+ 3 created/);
        expect(run.output).toMatch(/Resources:\s+3 unchanged/);
        const { segment, flow } = await declared(p.org);
        expect(segment).toMatchObject({ description: "Reached checkout twice in one session without an order" });
        expect(flow).toMatchObject({ type: "sms", status: "published" });
        expect(JSON.parse(flow!.metadata as string)).toMatchObject({ genesysSegmentId: segment!.id });
      },
      await both((p) => p.run("main")),
    );
  });

  step("an edit in the org outside Pulumi fails the nightly drift job with exit 1, naming the field", async () => {
    await both(async (p) => {
      const g = sandboxClients(p.org.url).genesys();
      const { segment } = await declared(p.org);
      await g.patchSegment(segment!.id, { version: segment!.version, description: "edited in the console" });
    });
    await forEach(
      (p, run) => {
        expect(run.code).toBe(1);
        if (p.file === GITHUB) {
          const summary = fs.readFileSync(p.summary, "utf8");
          expect(summary).toContain(TABLE_HEADER);
          expect(summary).toContain("| genesys.JourneySegment | checkout-leavers | `description` |");
          expect(summary).toContain('"edited in the console"');
        } else {
          expect(run.output).toContain(
            'genesys.JourneySegment checkout-leavers: description: "Reached checkout twice in one session without an order" → "edited in the console"',
          );
        }
      },
      await both((p) => p.run("nightly")),
    );
  });

  step("a pull request previews against the org and writes the drift report for its comment", async () => {
    await forEach(
      (p, run) => {
        expect(run.code).toBe(0);
        expect(run.output).toMatch(/Resources:\s+3 unchanged/);
        const report = fs.readFileSync(path.join(p.work, "drift.md"), "utf8");
        expect(report).toContain(TABLE_HEADER);
        expect(report).toContain("| genesys.JourneySegment | checkout-leavers | `description` |");
        // The comment is the one step left out, and only because it posts.
        const comment = p.file === GITHUB ? "Comment the drift report" : undefined;
        if (comment) expect(run.steps.find((s) => s.name === comment)?.skipped).toBeDefined();
      },
      await both((p) => p.run("pr")),
    );
  });

  step("destroy leaves the org without the stack's objects", async () => {
    const runs = await both((p) => p.bash(`pulumi destroy --yes --stack ${p.stack}`, p.orgEnv()));
    await forEach(
      async (p, run) => {
        expect(run.code).toBe(0);
        expect(await declared(p.org)).toEqual({ segment: undefined, flow: undefined });
      },
      runs.map((r) => ({ steps: [], ...r })),
    );
  });
});
