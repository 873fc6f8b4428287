// The portfolio part of an HTML report: a table of sleeves and baselines (bucket, cap,
// weight, weighting, members, key metrics) and one equity chart per sleeve and baseline.

import { formatMoney, formatNumber } from "../plan/expr-text.js";
import type { PortfolioRunRecord } from "../store/portfolio-runs.js";
import { lineChart } from "./svg-chart.js";

function escapeHtml(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
}

function pct(v: number | null | undefined): string {
  return v === null || v === undefined || !Number.isFinite(v) ? "-" : `${formatNumber(Number((v * 100).toFixed(2)))}%`;
}

function num(v: number | null | undefined): string {
  if (v === null || v === undefined) return "-";
  if (!Number.isFinite(v)) return v > 0 ? "inf" : "-inf";
  return formatNumber(Number(v.toFixed(2)));
}

/** The sleeves section of a portfolio run's report. */
export function portfolioSection(portfolio: PortfolioRunRecord): string {
  const head = "<tr><th>scope</th><th>bucket</th><th>cap</th><th>weight</th><th>weighting</th><th>members</th><th>trades</th><th>win rate</th><th>profit factor</th><th>annualised PnL</th><th>Sharpe (daily)</th><th>max DD</th><th>final equity</th></tr>";
  const rows = portfolio.scopes
    .map((s) => {
      const m = s.metrics;
      return `<tr><td>${escapeHtml(s.scope)}</td><td>${escapeHtml(s.bucket ?? "")}</td><td class="n">${s.cap === null ? "" : pct(s.cap)}</td><td class="n">${pct(s.weight)}</td><td>${escapeHtml(s.weighting)}</td><td>${escapeHtml(s.members.join(", "))}</td><td class="n">${num(m["trades"])}</td><td class="n">${pct(m["win_rate"])}</td><td class="n">${num(m["profit_factor"])}</td><td class="n">${m["annualized_pnl"] === null || m["annualized_pnl"] === undefined ? "-" : formatMoney(Number(m["annualized_pnl"].toFixed(2)))}</td><td class="n">${num(m["sharpe(daily)"])}</td><td class="n">${pct(m["max_drawdown"])}</td><td class="n">${formatMoney(Number(s.finalEquity.toFixed(2)))}</td></tr>`;
    })
    .join("\n");
  const charts = portfolio.scopes
    .filter((s) => s.curve.time.length > 0)
    .map((s) => lineChart({ x: s.curve.time, y: s.curve.equity }, { width: 900, height: 160, title: `Equity: ${s.scope}`, color: s.kind === "sleeve" ? "#8250df" : "#6e7781", formatY: (v) => formatMoney(Math.round(v)) }))
    .join("\n");
  const cash = portfolio.cashWeight > 1e-12 ? ` · ${pct(portfolio.cashWeight)} in cash` : "";
  return `<h2>Sleeves and baselines</h2>
<p>portfolio ${escapeHtml(portfolio.portfolio)} · rebalanced ${escapeHtml(portfolio.rebalance)} · commission ${pct(portfolio.commission)} of traded value${cash} · ${portfolio.rebalances.length} rebalances · each sleeve runs alone on its share of the capital</p>
<table>${head}\n${rows}</table>
${charts}`;
}
