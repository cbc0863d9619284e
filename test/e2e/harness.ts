// A real-engine harness on the Pulumi Automation API: every TestStack gets its own throwaway file
// backend and PULUMI_HOME, and drives the project's Pulumi CLI non-interactively.
import { type ChildProcess, execFile, spawn } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import {
  type ConfigMap,
  type Deployment,
  LocalWorkspace,
  type OutputMap,
  PulumiCommand,
  type Stack,
  type UpOptions,
} from "@pulumi/pulumi/automation";
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
let command: Promise<PulumiCommand> | undefined;

/** The project's pulumi, through the Automation API (asked for its version once per process). */
export function pulumiCommand(): Promise<PulumiCommand> {
  command ??= (async () => {
    const dir = tc.cliDir();
    if (!dir) throw new Error("The Pulumi CLI is not set up: run `npm run setup` (npm test does it).");
    // PulumiCommand wants an install root holding bin/pulumi; a CLI elsewhere gets such a root by link.
    let root = path.dirname(dir);
    if (path.basename(dir) !== "bin") {
      root = fs.mkdtempSync(path.join(os.tmpdir(), "cxflow-pulumi-root-"));
      fs.mkdirSync(path.join(root, "bin"));
      fs.symlinkSync(path.join(dir, "pulumi"), path.join(root, "bin", "pulumi"));
    }
    return PulumiCommand.get({ root, skipVersionCheck: true });
  })();
  return command;
}

/** Turns the Automation API's CommandError into a PulumiCommandError carrying the engine output. */
async function engine<T>(what: string, op: () => Promise<T>): Promise<T> {
  try {
    return await op();
  } catch (e) {
    const r = (e as { commandResult?: { stdout: string; stderr: string; code: number } }).commandResult;
    if (!r) throw e;
    const result = { command: `pulumi ${what}`, stdout: r.stdout, stderr: r.stderr, output: `${r.stdout}${r.stderr}` };
    throw new PulumiCommandError(result, r.code);
  }
}

/** Engine options a test may add to an operation (verbosity, continue-on-error, run-program). */
export type EngineOptions = Pick<UpOptions, "logVerbosity" | "logToStdErr" | "logFlow" | "continueOnError"> & {
  runProgram?: boolean;
};

/**
 * One stack of a program directory, driven through the Automation API's LocalWorkspace: its own
 * file backend and PULUMI_HOME in a throwaway folder; the stack's config file sits beside the
 * program (`Pulumi.<stack>.yaml`, git-ignored) and goes with `dispose()`.
 */
export class TestStack {
  readonly stack: string;
  readonly workDir: string;
  private readonly env: Record<string, string>;

  private constructor(
    readonly program: string,
    private readonly auto: Stack,
    workDir: string,
    env: Record<string, string>,
  ) {
    this.stack = auto.name;
    this.workDir = workDir;
    this.env = env;
  }

  /** Creates a stack for `program` and sets its config. */
  static async create(options: TestStackOptions): Promise<TestStack> {
    const program = path.resolve(options.program);
    const workDir = fs.mkdtempSync(path.join(os.tmpdir(), "cxflow-e2e-"));
    const backend = path.join(workDir, "backend");
    const home = path.join(workDir, "home");
    fs.mkdirSync(backend);
    fs.mkdirSync(home);
    const env = definedOnly(
      tc.pulumiEnv({
        PULUMI_BACKEND_URL: `file://${backend}`,
        PULUMI_HOME: home,
        PULUMI_CONFIG_PASSPHRASE: "e2e-test-only",
        PULUMI_CONFIG_PASSPHRASE_FILE: undefined,
        // Type checking is lint's job; programs start ~3 s faster without it.
        PULUMI_NODEJS_TRANSPILE_ONLY: "true",
        ...options.env,
      }),
    );
    const stackName = options.stack ?? `t${process.pid}x${++counter}`;
    const auto = await engine(`stack init ${stackName}`, async () =>
      LocalWorkspace.createStack(
        { stackName, workDir: program },
        { pulumiCommand: await pulumiCommand(), pulumiHome: home, envVars: env },
      ),
    );
    const s = new TestStack(program, auto, workDir, env);
    const config: ConfigMap = {};
    for (const [k, value] of Object.entries(options.config ?? {})) config[k] = { value };
    for (const [k, value] of Object.entries(options.secrets ?? {})) config[k] = { value, secret: true };
    if (Object.keys(config).length) await engine("config set-all", () => auto.setAllConfig(config));
    return s;
  }

  /** Runs `pulumi <args>` for this stack directly (for tests about the CLI's own output). */
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
   * Starts `pulumi up` on the CLI without waiting for it, e.g. to kill it mid-run: `exited`
   * resolves with the exit code (or the signal's name); `output()` is what it printed so far.
   * `kill()` SIGKILLs the CLI alone and returns a function that ends the plugins it leaves running
   * (they never exit on their own, and each runs in its own process group).
   */
  startUp(): {
    child: ChildProcess;
    output: () => string;
    exited: Promise<number | string>;
    kill: () => () => void;
  } {
    const args = ["up", "--yes", "--skip-preview", "--cwd", this.program, "--non-interactive", "--color", "never"];
    const child = spawn(path.join(tc.cliDir()!, "pulumi"), [...args, "--stack", this.stack], {
      env: this.env,
      stdio: ["ignore", "pipe", "pipe"],
    });
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
    const full = [bin, command, ...args, "--stack", this.stack, "--cwd", this.program];
    return this.exec(process.execPath, full, `cxflow ${command} ${args.join(" ")}`);
  }

  /** Sets one config value. */
  async setConfig(key: string, value: string, opts: { secret?: boolean } = {}): Promise<void> {
    await engine(`config set ${key}`, () => this.auto.setConfig(key, { value, secret: opts.secret }));
  }

  /** `up`, then the stack's outputs. */
  async up(opts: EngineOptions = {}): Promise<UpResult> {
    const r = await engine("up", () => this.auto.up({ color: "never", ...opts }));
    return { ...text("up", r), outputs: values(r.outputs) };
  }

  /** `preview --diff`; with expectNoChanges the engine fails the command if anything would change. */
  async preview(opts: { expectNoChanges?: boolean } = {}): Promise<RunResult> {
    return text("preview", await engine("preview", () => this.auto.preview({ color: "never", diff: true, ...opts })));
  }

  async refresh(opts: EngineOptions & { expectNoChanges?: boolean } = {}): Promise<RunResult> {
    return text("refresh", await engine("refresh", () => this.auto.refresh({ color: "never", ...opts })));
  }

  async destroy(opts: EngineOptions = {}): Promise<RunResult> {
    return text("destroy", await engine("destroy", () => this.auto.destroy({ color: "never", ...opts })));
  }

  /** Stack outputs, secrets shown in plaintext. */
  async outputs(): Promise<Record<string, unknown>> {
    return values(await engine("stack output", () => this.auto.outputs()));
  }

  /** The stack's config file, beside the program. */
  get configFile(): string {
    return path.join(this.program, `Pulumi.${this.stack}.yaml`);
  }

  /**
   * The stack's state as the engine stores it, secrets as ciphertext. From the CLI: the Automation
   * API's exportStack() passes --show-secrets, so its state holds every secret in plaintext.
   */
  async exportState(): Promise<StackState> {
    return JSON.parse(await this.exportText());
  }

  /** Replaces the stack's state (`pulumi stack import`). */
  async importState(state: StackState): Promise<void> {
    await engine("stack import", () => this.auto.importStack(state as Deployment));
  }

  /** The text of the exported state, for "this secret never reaches state" checks. */
  async exportText(): Promise<string> {
    return (await this.run(["stack", "export"])).stdout;
  }

  /** Removes the stack (even with resources left), its config file and the throwaway folders. */
  async dispose(): Promise<void> {
    try {
      await engine("stack rm", () => this.auto.workspace.removeStack(this.stack, { force: true }));
    } finally {
      fs.rmSync(this.workDir, { recursive: true, force: true });
      fs.rmSync(this.configFile, { force: true });
    }
  }
}

function text(what: string, r: { stdout: string; stderr: string }): RunResult {
  return { command: `pulumi ${what}`, stdout: r.stdout, stderr: r.stderr, output: `${r.stdout}${r.stderr}` };
}

function values(outputs: OutputMap): Record<string, unknown> {
  return Object.fromEntries(Object.entries(outputs).map(([k, o]) => [k, o.value]));
}

/** An environment without its unset variables, as the Automation API's envVars takes it. */
export function definedOnly(env: NodeJS.ProcessEnv): Record<string, string> {
  return Object.fromEntries(Object.entries(env).filter((e): e is [string, string] => e[1] !== undefined));
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
