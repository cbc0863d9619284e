// Turns flow aggregate rows into report figures, a Markdown page and an SVG bar chart. Plain
// functions with no Pulumi in them, so the same code can run in a script or a test.
import type * as cxflow from "pulumi-cxflow";

const DAY = 86_400_000;

/** One flow's figures over the whole window. */
export interface FlowFigures {
  flow: string;
  /** Flow executions started (`nFlow`). */
  executions: number;
  /** Outcomes reached, successful or not (`nFlowOutcome`). */
  outcomes: number;
  /** Outcomes that failed (`nFlowOutcomeFailed`). */
  failed: number;
  /** `failed / outcomes`, rounded to 4 places; null when the flow reached no outcome. */
  failureRate: number | null;
}

/** All flows' figures on one UTC day. */
export interface DayFigures {
  /** `YYYY-MM-DD` (the start of the bucket, UTC). */
  day: string;
  executions: number;
  outcomes: number;
  failed: number;
  failureRate: number | null;
}

export interface Report {
  /** `start/end` of the window, as the query ran. */
  interval: string;
  /** Flows by name. */
  flows: FlowFigures[];
  /** Every day of the window, days without traffic included. */
  days: DayFigures[];
  totals: Omit<FlowFigures, "flow">;
}

type Counts = { executions: number; outcomes: number; failed: number };

const METRIC_FIELD: Record<string, keyof Counts> = {
  nFlow: "executions",
  nFlowOutcome: "outcomes",
  nFlowOutcomeFailed: "failed",
};

const zero = (): Counts => ({ executions: 0, outcomes: 0, failed: 0 });
const rate = (c: Counts) => (c.outcomes === 0 ? null : Math.round((c.failed / c.outcomes) * 10_000) / 10_000);
const withRate = <T extends Counts>(c: T) => ({ ...c, failureRate: rate(c) });

/** The figures of a `groupBy: ["flowName"]`, `granularity: "P1D"` flow aggregate result. */
export function buildReport(result: cxflow.genesys.FlowAggregatesResult): Report {
  const [from, to] = result.interval.split("/").map((t) => Date.parse(t));
  const byDay = new Map<number, Counts>();
  for (let t = from; t < to; t += DAY) byDay.set(t, zero());
  const byFlow = new Map<string, Counts>();
  const totals = zero();
  for (const row of result.rows) {
    const field = METRIC_FIELD[row.metric];
    if (!field || row.view) continue;
    const n = row.count ?? 0;
    const flow = row.flowName ?? "(no flow name)";
    if (!byFlow.has(flow)) byFlow.set(flow, zero());
    byFlow.get(flow)![field] += n;
    const start = Date.parse(row.interval.split("/")[0]);
    if (!byDay.has(start)) byDay.set(start, zero());
    byDay.get(start)![field] += n;
    totals[field] += n;
  }
  return {
    interval: result.interval,
    flows: [...byFlow].sort(([a], [b]) => a.localeCompare(b)).map(([flow, c]) => ({ flow, ...withRate(c) })),
    days: [...byDay]
      .sort(([a], [b]) => a - b)
      .map(([t, c]) => ({ day: new Date(t).toISOString().slice(0, 10), ...withRate(c) })),
    totals: withRate(totals),
  };
}

// ---------------------------------------------------------------------------------------------
// Markdown

const percent = (r: number | null) => (r === null ? "—" : `${(r * 100).toFixed(1)}%`);
const cell = (text: string) => text.replace(/\|/g, "\\|");
const tableRow = (label: string, c: Counts & { failureRate: number | null }) =>
  `| ${label} | ${c.executions} | ${c.outcomes} | ${c.failed} | ${percent(c.failureRate)} |`;
const HEADER = (first: string) => [
  `| ${first} | Executions | Outcomes | Failed | Failure rate |`,
  "| --- | ---: | ---: | ---: | ---: |",
];

/** The report as a Markdown page; `chartFile` is the SVG's name, linked from the page. */
export function renderMarkdown(report: Report, chartFile: string): string {
  const [from, to] = report.interval.split("/");
  const first = report.days[0]?.day ?? from.slice(0, 10);
  const last = report.days.at(-1)?.day ?? to.slice(0, 10);
  return [
    `# Flow outcomes, ${first} to ${last}`,
    "",
    `Genesys Cloud flow aggregates, ${from} to ${to}, in UTC days.`,
    "Executions are flow runs started (`nFlow`), outcomes the flow outcomes reached",
    "(`nFlowOutcome`), failed the outcomes that failed (`nFlowOutcomeFailed`); the failure rate",
    "is failed / outcomes.",
    "",
    "## Per flow",
    "",
    ...HEADER("Flow"),
    ...report.flows.map((f) => tableRow(cell(f.flow), f)),
    tableRow("**Total**", report.totals),
    "",
    "## Per day",
    "",
    ...HEADER("Day"),
    ...report.days.map((d) => tableRow(d.day, d)),
    tableRow("**Total**", report.totals),
    "",
    `![Flow outcomes per day](${chartFile})`,
    "",
  ].join("\n");
}

// ---------------------------------------------------------------------------------------------
// SVG: one stacked bar per day, succeeded outcomes below failed ones.

const xml = (text: string) =>
  text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");

/** A round step (1, 2 or 5 times a power of ten) that cuts `max` into about five ticks. */
function tickStep(max: number): number {
  if (max <= 5) return 1;
  const raw = max / 5;
  const power = 10 ** Math.floor(Math.log10(raw));
  return [1, 2, 5, 10].map((m) => m * power).find((s) => s >= raw)!;
}

const COLORS = { succeeded: "#4C9A2A", failed: "#D64541" };

/** The report's outcomes per day as a standalone SVG document. */
export function renderSvg(report: Report): string {
  const width = 760;
  const height = 400;
  const m = { top: 56, right: 24, bottom: 64, left: 64 };
  const plotW = width - m.left - m.right;
  const plotH = height - m.top - m.bottom;
  const max = Math.max(0, ...report.days.map((d) => d.outcomes));
  const step = tickStep(max);
  const top = Math.max(step, Math.ceil(max / step) * step);
  const y = (n: number) => m.top + plotH - (n / top) * plotH;
  const slot = plotW / Math.max(1, report.days.length);
  const barW = Math.min(56, slot * 0.6);
  const r = (n: number) => Math.round(n * 10) / 10;

  const ticks: string[] = [];
  for (let v = 0; v <= top; v += step) {
    ticks.push(
      `<line x1="${m.left}" y1="${r(y(v))}" x2="${width - m.right}" y2="${r(y(v))}" stroke="#E0E0E0"/>`,
      `<text x="${m.left - 8}" y="${r(y(v) + 4)}" text-anchor="end">${v}</text>`,
    );
  }
  const bars = report.days.map((d, i) => {
    const x = r(m.left + slot * i + (slot - barW) / 2);
    const succeeded = d.outcomes - d.failed;
    const label = d.day.slice(5);
    return [
      `<g class="day" data-day="${d.day}">`,
      `<rect class="succeeded" x="${x}" y="${r(y(succeeded))}" width="${r(barW)}" height="${r(y(0) - y(succeeded))}" fill="${COLORS.succeeded}"><title>${d.day}: ${succeeded} succeeded</title></rect>`,
      `<rect class="failed" x="${x}" y="${r(y(d.outcomes))}" width="${r(barW)}" height="${r(y(succeeded) - y(d.outcomes))}" fill="${COLORS.failed}"><title>${d.day}: ${d.failed} failed</title></rect>`,
      `<text x="${r(x + barW / 2)}" y="${r(y(0) + 18)}" text-anchor="middle">${label}</text>`,
      "</g>",
    ].join("");
  });
  const legendX = width - m.right - 220;
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="sans-serif" font-size="12" fill="#333">`,
    `<title>${xml(`Flow outcomes per day, ${report.days[0]?.day ?? ""} to ${report.days.at(-1)?.day ?? ""}`)}</title>`,
    // Title on the left, legend on the right of the same line: they never overlap.
    `<text class="chart-title" x="${m.left}" y="28" font-size="16" font-weight="bold">Flow outcomes per day (UTC)</text>`,
    `<g class="legend" transform="translate(${legendX}, 28)">`,
    `<rect width="12" height="12" y="-10" fill="${COLORS.succeeded}"/><text x="18">Succeeded</text>`,
    `<rect x="110" width="12" height="12" y="-10" fill="${COLORS.failed}"/><text x="128">Failed</text>`,
    "</g>",
    `<g class="y-axis">${ticks.join("")}</g>`,
    `<line class="x-axis" x1="${m.left}" y1="${r(y(0))}" x2="${width - m.right}" y2="${r(y(0))}" stroke="#333"/>`,
    `<g class="bars">${bars.join("")}</g>`,
    `<text class="axis-label" x="${m.left + plotW / 2}" y="${height - 16}" text-anchor="middle">Day</text>`,
    `<text class="axis-label" transform="translate(18, ${m.top + plotH / 2}) rotate(-90)" text-anchor="middle">Outcomes</text>`,
    "</svg>",
    "",
  ].join("\n");
}
