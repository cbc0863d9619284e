// Prints how long the real engine takes for each step of a small stack's life, and how many bytes
// of serialized provider code each dynamic resource carries in state. Run: npm run bench
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import * as tc from "../scripts/toolchain";
import { TestStack } from "../test/e2e/harness";

async function timed<T>(label: string, fn: () => Promise<T>): Promise<T> {
  const t = process.hrtime.bigint();
  const r = await fn();
  console.log(`${label.padEnd(28)} ${(Number(process.hrtime.bigint() - t) / 1e9).toFixed(2)} s`);
  return r;
}

async function main() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "cxflow-bench-"));
  const stack = await timed("stack init + config", () =>
    TestStack.create({
      program: path.join(tc.paths.root, "test", "e2e", "programs", "json-file"),
      config: { "cxflow-json-file:dir": dir },
    }),
  );
  try {
    await timed("up (create)", () => stack.up());
    await timed("preview (no changes)", () => stack.preview({ expectNoChanges: true }));
    await timed("refresh (no changes)", () => stack.refresh({ expectNoChanges: true }));
    await stack.setConfig("cxflow-json-file:greeting", "bench");
    await timed("up (in-place update)", () => stack.up());
    const state = await stack.exportState();
    for (const r of state.deployment.resources ?? []) {
      const code = r.outputs?.__provider;
      if (typeof code === "string") console.log(`__provider of ${r.type.padEnd(40)} ${code.length} bytes`);
    }
    await timed("destroy", () => stack.destroy());
  } finally {
    await stack.dispose();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
