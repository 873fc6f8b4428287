// The HTML report of a stored run: header with provenance, equity and
// drawdown charts (inline SVG), metrics per scope, and the trades table.
// Self-contained: no scripts, no external assets.

import type { RunRecord } from "../store/runs.js";
import type { StoredMetric } from "../store/metrics.js";
import type { Trade } from "../engine/result.js";
import { drawdownCurve, lineChart } from "./svg-chart.js";
import { formatMoney, formatNumber } from "../plan/expr-text.js";
import type { PortfolioRunRecord } from "../store/portfolio-runs.js";
import { portfolioSection } from "./portfolio-html.js";

/** Everything a report shows. */
export interface ReportInput {
  readonly run: RunRecord;
  readonly time: Float64Array;
  readonly equity: Float64Array;
  readonly metrics: readonly StoredMetric[];
  readonly trades: readonly Trade[];
  /** For a portfolio run: its sleeves and baselines, with curves. */
  readonly portfolio?: PortfolioRunRecord | null;
}

function escapeHtml(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
}

/** A metric value for display in its unit. */
export function formatMetric(value: number | null, unit: string): string {
  if (value === null) return "-";
  if (!Number.isFinite(value)) return value > 0 ? "inf" : "-inf";
  if (unit === "ratio") return `${formatNumber(Number((value * 100).toFixed(2)))}%`;
  if (unit === "money") return formatMoney(Number(value.toFixed(2)));
  if (unit === "int") return String(Math.round(value));
  return formatNumber(Number(value.toFixed(4)));
}

function metricsTable(metrics: readonly StoredMetric[]): string {
  const scopes = [...new Set(metrics.map((m) => m.scope))];
  const keys = [...new Set(metrics.map((m) => m.key))].sort();
  const cell = (scope: string, key: string) => {
    const m = metrics.find((x) => x.scope === scope && x.key === key);
    return m ? formatMetric(m.value, m.unit) : "";
  };
  const head = `<tr><th>metric</th>${scopes.map((s) => `<th>${escapeHtml(s)}</th>`).join("")}</tr>`;
  const rows = keys.map((k) => `<tr><td>${escapeHtml(k)}</td>${scopes.map((s) => `<td class="n">${cell(s, k)}</td>`).join("")}</tr>`).join("\n");
  return `<table>${head}\n${rows}</table>`;
}

function tradesTable(trades: readonly Trade[]): string {
  const head = "<tr><th>ticker</th><th>side</th><th>entry</th><th>entry price</th><th>exit</th><th>exit price</th><th>quantity</th><th>pnl</th><th>costs</th><th>exit reason</th></tr>";
  const date = (ms: number) => new Date(ms).toISOString().slice(0, 10);
  const rows = trades
    .map(
      (t) =>
        `<tr><td>${escapeHtml(t.ticker)}</td><td>${t.side}</td><td>${date(t.entryTime)}</td><td class="n">${formatNumber(t.entryPrice)}</td><td>${date(t.exitTime)}</td><td class="n">${formatNumber(t.exitPrice)}</td><td class="n">${formatNumber(t.quantity)}</td><td class="n ${t.pnl >= 0 ? "up" : "down"}">${formatMoney(Number(t.pnl.toFixed(2)))}</td><td class="n">${formatMoney(Number(t.costs.toFixed(2)))}</td><td>${t.exitReason}</td></tr>`,
    )
    .join("\n");
  return `<table>${head}\n${rows}</table>`;
}

/** Renders the report as one HTML document. */
export function renderHtmlReport(input: ReportInput): string {
  const { run } = input;
  const equityChart = lineChart({ x: input.time, y: input.equity }, { width: 900, height: 260, title: "Equity", color: "#1f6feb", formatY: (v) => formatMoney(Math.round(v)) });
  const ddChart = lineChart({ x: input.time, y: drawdownCurve(input.equity) }, { width: 900, height: 160, title: "Drawdown", color: "#cf222e", fill: true, formatY: (v) => `${(v * 100).toFixed(1)}%` });
  const params = Object.entries(run.params).map(([k, v]) => `${escapeHtml(k)}=${escapeHtml(String(v))}`).join(", ");
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>strat run ${escapeHtml(run.id)}: ${escapeHtml(run.strategy)}</title>
<style>body{font-family:system-ui,sans-serif;margin:24px;color:#1f2328}table{border-collapse:collapse;margin:8px 0 24px}td,th{border:1px solid #d0d7de;padding:3px 8px;font-size:13px}th{background:#f6f8fa}.n{text-align:right;font-variant-numeric:tabular-nums}.up{color:#1a7f37}.down{color:#cf222e}code{font-size:12px}</style></head>
<body>
<h1>Run ${escapeHtml(run.id)}: ${escapeHtml(run.strategy)}</h1>
<p>tickers ${escapeHtml(run.tickers.join(", "))} · ${escapeHtml(run.runSource)} / ${escapeHtml(run.dataRegime)} · status ${escapeHtml(run.status)} · params ${params || "(none)"}<br>
initial cash ${formatMoney(run.initialCash)} · final equity ${run.finalEquity === null ? "-" : formatMoney(Number(run.finalEquity.toFixed(2)))} · returns annualised with ${run.periodsPerYear} periods a year (daily returns per UTC day, sample stdev, risk-free 0)<br>
plan <code>${escapeHtml(run.planHash)}</code> · data <code>${escapeHtml(run.dataHash)}</code> · created ${escapeHtml(run.createdAt)}</p>
${equityChart}
${ddChart}
${input.portfolio ? portfolioSection(input.portfolio) : ""}
<h2>Metrics</h2>
${metricsTable(input.metrics)}
<h2>Trades (${input.trades.length} closed)</h2>
${tradesTable(input.trades)}
</body></html>
`;
}
