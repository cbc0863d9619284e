// A real-engine harness: every TestStack gets its own throwaway file backend, PULUMI_HOME and
// stack config file, and drives the pinned Pulumi CLI non-interactively.
import { type ChildProcess, execFile, spawn } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import * as tc from "../../scripts/toolchain";

/** What one CLI command printed. */
export interface RunResult {
  /** The command line, for messages. */
  command: string;
  stdout: string;
  stderr: string;
  /** stdout and stderr together: the engine's output. */
  output: string;
}

/** A command that exited non-zero; its message carries the whole engine output. */
export class PulumiCommandError extends Error {
  constructor(
    readonly result: RunResult,
    readonly exitCode: number | null,
  ) {
    super(`${result.command} exited with ${exitCode}\n${result.output}`);
  }
}

export interface TestStackOptions {
  /** The Pulumi project directory (holds Pulumi.yaml). */
  program: string;
  /** Plain stack config, keys as `pulumi config set` takes them. */
  config?: Record<string, string>;
  /** Secret stack config. */
  secrets?: Record<string, string>;
  /** Extra environment for every command (e.g. a sandbox URL). */
  env?: Record<string, string>;
  /** Stack name; defaults to a unique one. */
  stack?: string;
}

export interface UpResult extends RunResult {
  /** Stack outputs, secrets shown in plaintext. */
  outputs: Record<string, unknown>;
}

/** The exported deployment of a stack (`pulumi stack export`). */
export interface StackState {
  version: number;
  deployment: { resources?: Array<{ urn: string; type: string; id?: string; inputs?: any; outputs?: any }> };
}

/** Every process below `pid`, read from /proc (Linux). */
export function descendants(pid: number): number[] {
  const parents = new Map<number, number>();
  for (const entry of fs.readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = fs.readFileSync(`/proc/${entry}/stat`, "utf8");
      // Field 4 (after the parenthesised command, which may hold spaces) is the parent pid.
      parents.set(Number(entry), Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]));
    } catch {}
  }
  const out: number[] = [];
  const walk = (p: number) => {
    for (const [child, parent] of parents) {
      if (parent !== p) continue;
      out.push(child);
      walk(child);
    }
  };
  walk(pid);
  return out;
}

let counter = 0;

export class TestStack {
  readonly stack: string;
  readonly workDir: string;
  private readonly env: NodeJS.ProcessEnv;
  private readonly configFile: string;

  private constructor(
    readonly program: string,
    options: TestStackOptions,
  ) {
    this.workDir = fs.mkdtempSync(path.join(os.tmpdir(), "cxflow-e2e-"));
    const backend = path.join(this.workDir, "backend");
    const home = path.join(this.workDir, "home");
    fs.mkdirSync(backend);
    fs.mkdirSync(home);
    this.stack = options.stack ?? `t${process.pid}x${++counter}`;
    this.configFile = path.join(this.workDir, `Pulumi.${this.stack}.yaml`);
    this.env = tc.pulumiEnv({
      PULUMI_BACKEND_URL: `file://${backend}`,
      PULUMI_HOME: home,
      PULUMI_CONFIG_PASSPHRASE: "e2e-test-only",
      PULUMI_CONFIG_PASSPHRASE_FILE: undefined,
      // Type checking is lint's job; programs start ~3 s faster without it.
      PULUMI_NODEJS_TRANSPILE_ONLY: "true",
      ...options.env,
    });
  }

  /** Creates a stack for `program` and sets its config. */
  static async create(options: TestStackOptions): Promise<TestStack> {
    const dir = tc.cliDir();
    if (!dir) throw new Error("The Pulumi CLI is not set up: run `npm run setup` (npm test does it).");
    const s = new TestStack(path.resolve(options.program), options);
    await s.run(["stack", "init", s.stack], { stackFlags: false });
    for (const [k, v] of Object.entries(options.config ?? {})) await s.setConfig(k, v);
    for (const [k, v] of Object.entries(options.secrets ?? {})) await s.setConfig(k, v, { secret: true });
    return s;
  }

  /** Runs `pulumi <args>` for this stack; throws PulumiCommandError on a non-zero exit. */
  run(args: string[], opts: { stackFlags?: boolean; values?: string[] } = {}): Promise<RunResult> {
    const full = [...args, "--cwd", this.program, "--non-interactive", "--color", "never"];
    if (opts.stackFlags !== false) full.push("--stack", this.stack);
    // After `--`, values that start with a dash are not read as flags.
    if (opts.values) full.push("--", ...opts.values);
    return this.exec(path.join(tc.cliDir()!, "pulumi"), full, `pulumi ${args.join(" ")}`);
  }

  /** Runs `file` with this stack's environment; throws PulumiCommandError on a non-zero exit. */
  private exec(file: string, args: string[], command: string): Promise<RunResult> {
    return new Promise((resolve, reject) => {
      execFile(
        file,
        args,
        { env: this.env, maxBuffer: 64 * 1024 * 1024, timeout: 15 * 60_000 },
        (error, stdout, stderr) => {
          const result = { command, stdout, stderr, output: `${stdout}${stderr}` };
          if (error) reject(new PulumiCommandError(result, typeof error.code === "number" ? error.code : null));
          else resolve(result);
        },
      );
    });
  }

  /**
   * Starts `pulumi up` without waiting for it, e.g. to kill it mid-run: `exited` resolves with the
   * exit code (or the signal's name); `output()` is what it printed so far. `kill()` SIGKILLs the
   * CLI alone and returns a function that ends the plugins it leaves running (they never exit on
   * their own, and each runs in its own process group).
   */
  startUp(): {
    child: ChildProcess;
    output: () => string;
    exited: Promise<number | string>;
    kill: () => () => void;
  } {
    const args = ["up", "--yes", "--skip-preview", "--config-file", this.configFile];
    const full = [...args, "--cwd", this.program, "--non-interactive", "--color", "never", "--stack", this.stack];
    const child = spawn(path.join(tc.cliDir()!, "pulumi"), full, { env: this.env, stdio: ["ignore", "pipe", "pipe"] });
    let text = "";
    child.stdout.on("data", (d) => (text += d));
    child.stderr.on("data", (d) => (text += d));
    const exited = new Promise<number | string>((resolve) =>
      child.on("close", (code, signal) => resolve(code ?? signal ?? -1)),
    );
    const kill = () => {
      const orphans = descendants(child.pid!);
      child.kill("SIGKILL");
      return () => {
        for (const pid of orphans) {
          try {
            process.kill(pid, "SIGKILL");
          } catch {}
        }
      };
    };
    return { child, output: () => text, exited, kill };
  }

  /** Runs `cxflow <command>` (bin/cxflow.js) for this stack, with its environment and flags. */
  cxflow(command: string, args: string[] = []): Promise<RunResult> {
    const bin = path.join(__dirname, "..", "..", "bin", "cxflow.js");
    const full = [
      bin,
      command,
      ...args,
      "--stack",
      this.stack,
      "--cwd",
      this.program,
      "--config-file",
      this.configFile,
    ];
    return this.exec(process.execPath, full, `cxflow ${command} ${args.join(" ")}`);
  }

  /** Sets one config value (in this stack's own config file, never in the program directory). */
  async setConfig(key: string, value: string, opts: { secret?: boolean } = {}): Promise<void> {
    const args = ["config", "set", key, "--config-file", this.configFile];
    if (opts.secret) args.push("--secret");
    await this.run(args, { values: [value] });
  }

  /** `up`; `flags` are extra CLI flags, e.g. `["-v=9", "--logtostderr", "--logflow"]`. */
  async up(opts: { flags?: string[] } = {}): Promise<UpResult> {
    const args = ["up", "--yes", "--skip-preview", "--config-file", this.configFile, ...(opts.flags ?? [])];
    const r = await this.run(args);
    return { ...r, outputs: await this.outputs() };
  }

  /** `preview`; with expectNoChanges the engine fails the command if anything would change. */
  preview(opts: { expectNoChanges?: boolean } = {}): Promise<RunResult> {
    const args = ["preview", "--config-file", this.configFile, "--diff"];
    if (opts.expectNoChanges) args.push("--expect-no-changes");
    return this.run(args);
  }

  refresh(opts: { expectNoChanges?: boolean; flags?: string[] } = {}): Promise<RunResult> {
    const args = ["refresh", "--yes", "--skip-preview", "--config-file", this.configFile, ...(opts.flags ?? [])];
    if (opts.expectNoChanges) args.push("--expect-no-changes");
    return this.run(args);
  }

  destroy(opts: { flags?: string[] } = {}): Promise<RunResult> {
    return this.run(["destroy", "--yes", "--skip-preview", "--config-file", this.configFile, ...(opts.flags ?? [])]);
  }

  async outputs(): Promise<Record<string, unknown>> {
    const r = await this.run(["stack", "output", "--json", "--show-secrets"]);
    return JSON.parse(r.stdout);
  }

  /** The stack's state as the engine stores it (secrets stay encrypted). */
  async exportState(): Promise<StackState> {
    const r = await this.run(["stack", "export"]);
    return JSON.parse(r.stdout);
  }

  /** The text of the exported state, for "this secret never reaches state" checks. */
  async exportText(): Promise<string> {
    return (await this.run(["stack", "export"])).stdout;
  }

  /** Removes the stack (even with resources left) and the throwaway folders. */
  async dispose(): Promise<void> {
    try {
      await this.run(["stack", "rm", "--yes", "--force"]);
    } finally {
      fs.rmSync(this.workDir, { recursive: true, force: true });
    }
  }
}

/**
 * `test` for the steps of one scenario (a file or describe whose tests build on each other, in
 * order): a step whose earlier steps did not all pass (one failed, or `-t` picked this one alone)
 * fails at once, naming the step it needs, instead of failing on state that is not there.
 */
export function scenario(): (name: string, fn: () => unknown, timeout?: number) => void {
  const steps: { name: string; passed: boolean }[] = [];
  return (name, fn, timeout) => {
    const step = { name, passed: false };
    const earlier = [...steps];
    steps.push(step);
    test(
      name,
      async () => {
        const missing = earlier.find((s) => !s.passed);
        if (missing)
          throw new Error(
            `one scenario: this step needs the earlier step "${missing.name}", which did not pass; run the whole file`,
          );
        await fn();
        step.passed = true;
      },
      timeout,
    );
  };
}
