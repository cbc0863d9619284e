// Prints, for one resource of each kind against the sandbox under the real engine: wall time and
// vendor API requests of each step, and the bytes of serialized provider each carries in state.
// Run: npm run bench (after engine-cycle).
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { startSandbox } from "../sandbox";
import { declare, resourceStack, stored } from "../test/e2e/resources";

async function main() {
  const sandbox = await startSandbox();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "cxflow-bench-"));
  const file = path.join(dir, "ivr.json");
  fs.writeFileSync(file, JSON.stringify({ channel: "voice", channel_type: "voice", definition: { start: "menu" } }));
  const all = (over: Record<string, unknown> = {}) => [
    { type: "genesys.JourneySegment", name: "segment", args: { displayName: "bench segment", ...over } },
    { type: "genesys.ActionTarget", name: "target", args: { targetName: "Sales web chat", shortAbandonThreshold: 6 } },
    { type: "ourvoice.Flow", name: "ourvoice", args: { name: "bench flow", type: "voice", ...over } },
    { type: "zoom.Flow", name: "zoom", args: { name: "bench zoom flow", flowFile: file, publish: true, ...over } },
  ];
  const stack = await resourceStack(sandbox);
  const step = async (label: string, fn: () => Promise<unknown>) => {
    const before = sandbox.stats().vendors;
    const t = process.hrtime.bigint();
    await fn();
    const seconds = (Number(process.hrtime.bigint() - t) / 1e9).toFixed(2);
    const after = sandbox.stats().vendors;
    const calls = (["genesys", "zoom", "ourvoice"] as const).map((v) => {
      const sum = (x: typeof after) => Object.values(x[v] ?? {}).reduce((n, c) => n + c, 0);
      return `${v} ${sum(after) - sum(before)}`;
    });
    console.log(`${label.padEnd(26)} ${seconds.padStart(6)} s   requests: ${calls.join(", ")}`);
  };
  try {
    await declare(stack, all());
    await step("up (4 creates)", () => stack.up());
    await step("preview (no changes)", () => stack.preview({ expectNoChanges: true }));
    await step("up (no changes)", () => stack.up());
    await step("refresh (no changes)", () => stack.refresh({ expectNoChanges: true }));
    await declare(stack, all({ description: "bench v2" }));
    await step("up (3 in-place updates)", () => stack.up());
    for (const [name, r] of Object.entries(await stored(stack))) {
      console.log(`__provider of ${name.padEnd(10)} ${r.type.padEnd(50)} ${r.providerBytes} bytes`);
    }
    await step("destroy", () => stack.destroy());
    const many = Array.from({ length: 60 }, (_, i) => ({
      type: "genesys.JourneySegment",
      name: `s${i}`,
      args: { displayName: `bench segment ${i}` },
    }));
    await declare(stack, many);
    await step("up (60 segment creates)", () => stack.up());
    await step("refresh (60 segments)", () => stack.refresh({ expectNoChanges: true }));
    await step("destroy (60 segments)", () => stack.destroy());
  } finally {
    await stack.dispose();
    await sandbox.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
