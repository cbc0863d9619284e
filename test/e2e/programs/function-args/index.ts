// A program whose data-source calls come from stack config, so one stack can try many argument
// sets by changing config between previews.
import * as pulumi from "@pulumi/pulumi";
import * as cxflow from "pulumi-cxflow";

/** One call: `fn` is `<vendor>.<function>` as exported by the package, e.g. `genesys.getFlowAggregates`. */
interface Call {
  fn: string;
  args: Record<string, unknown>;
  /** Call the `…Output` form instead of the Promise form. */
  output?: boolean;
}

const calls: Call[] = JSON.parse(new pulumi.Config().get("calls") ?? "[]");

export const results: Record<string, pulumi.Output<unknown>> = {};
calls.forEach((c, i) => {
  const [vendor, name] = c.fn.split(".");
  const fn = (cxflow as any)[vendor]?.[c.output ? `${name}Output` : name];
  if (typeof fn !== "function") throw new Error(`no function ${c.fn} in pulumi-cxflow`);
  // An Output at once, so a rejected Promise is never one nobody handles yet.
  results[`${i}:${c.fn}`] = pulumi.output(fn(c.args));
});
