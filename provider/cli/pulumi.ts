// How cxflow's commands run the `pulumi` CLI for one stack: the flags they share and one runner.
import { execFile } from "node:child_process";

/** The stack a command works on, as `pulumi` takes it. */
export interface StackFlags {
  stack?: string;
  cwd?: string;
  /** The stack's config file, when it is not `Pulumi.<stack>.yaml` beside the program. */
  configFile?: string;
}

/** `parseArgs` options of those flags. */
export const STACK_OPTIONS = {
  stack: { type: "string", short: "s" },
  cwd: { type: "string", short: "C" },
  "config-file": { type: "string" },
} as const;

/** What one `pulumi` command printed; `failure` is set when it exited non-zero. */
export interface PulumiRun {
  stdout: string;
  failure?: string;
}

/**
 * Runs `pulumi <args> --non-interactive` with the stack's flags; `stackFlag: false` leaves out
 * `--stack`; `configFile: true` passes `--config-file`, which only commands that read config take.
 */
export function runPulumi(
  s: StackFlags,
  args: string[],
  o: { stackFlag?: boolean; configFile?: boolean; env?: NodeJS.ProcessEnv } = {},
): Promise<PulumiRun> {
  const full = [...args, "--non-interactive"];
  if (o.stackFlag !== false && s.stack) full.push("--stack", s.stack);
  if (o.configFile && s.configFile) full.push("--config-file", s.configFile);
  if (s.cwd) full.push("--cwd", s.cwd);
  return new Promise((resolve) => {
    execFile("pulumi", full, { env: o.env, maxBuffer: 256 * 1024 * 1024 }, (error, stdout, stderr) =>
      resolve({ stdout, failure: error ? (stderr || stdout || error.message).trim() : undefined }),
    );
  });
}
