// A weekly flow report from Genesys Cloud analytics: how often each Architect flow ran, how many
// outcomes it reached and how many of those failed, per flow and per day. `pulumi up` writes the
// report as Markdown with an SVG chart and exports the same figures as stack outputs.
import * as fs from "node:fs";
import * as path from "node:path";
import * as pulumi from "@pulumi/pulumi";
import * as cxflow from "pulumi-cxflow";
import { buildReport, renderMarkdown, renderSvg } from "./report";

const config = new pulumi.Config();

// `flow-analytics-report:end` pins the window (a day such as 2026-11-01, meaning its start in UTC,
// or an ISO date-time); pinned, the report and the outputs stay the same from run to run. The
// default, the start of today (UTC), makes the report cover the last full days.
const end = config.get("end") ?? new Date().toISOString().slice(0, 10);
const days = config.getNumber("days") ?? 7;
// Relative folders are beside this program (Pulumi runs it from its own directory).
const reportDir = path.resolve(config.get("reportDir") ?? "report");

const aggregates = cxflow.genesys.getFlowAggregates({
  interval: `P${days}D`, // the `days` days that end at `end`
  end,
  granularity: "P1D",
  groupBy: ["flowName"],
  metrics: ["nFlow", "nFlowOutcome", "nFlowOutcomeFailed"],
});

const report = aggregates.then(buildReport);

const MARKDOWN = "flow-report.md";
const CHART = "outcomes-per-day.svg";

// Files are written by `up` only: a preview shows what would happen and leaves the disk alone.
const written = report.then((r) => {
  const files = { markdown: path.join(reportDir, MARKDOWN), chart: path.join(reportDir, CHART) };
  if (!pulumi.runtime.isDryRun()) {
    fs.mkdirSync(reportDir, { recursive: true });
    fs.writeFileSync(files.markdown, renderMarkdown(r, CHART));
    fs.writeFileSync(files.chart, renderSvg(r));
  }
  return files;
});

/** Where the report went. */
export const reportFiles = written;
/** The `start/end` the query covered, and how it ran (sync for a week). */
export const period = aggregates.then((a) => ({ interval: a.interval, mode: a.mode }));
/** Per flow: executions, outcomes, failed outcomes and the failure rate, keyed by flow name. */
export const flows = report.then((r) => Object.fromEntries(r.flows.map(({ flow, ...figures }) => [flow, figures])));
/** Per UTC day, every day of the window. */
export const daily = report.then((r) => r.days);
export const totals = report.then((r) => r.totals);
