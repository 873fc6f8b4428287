// The summary `strat run --portfolio` prints: one row per sleeve (bucket, weight),
// the portfolio, then one row per baseline; the conventions under it.

import Table from "cli-table3";
import { formatMoney, formatNumber, formatPercent } from "../../plan/expr-text.js";
import type { PortfolioOutcome, ScopeOutcome } from "../../run/portfolio-execute.js";

function pct(v: number | null | undefined): string {
  return v === null || v === undefined || Number.isNaN(v) ? "-" : formatPercent(Number(v.toFixed(4)));
}

function num(v: number | null | undefined): string {
  if (v === null || v === undefined || Number.isNaN(v)) return "-";
  if (!Number.isFinite(v)) return v > 0 ? "inf" : "-inf";
  return formatNumber(Number(v.toFixed(2)));
}

function money(v: number | null | undefined): string {
  return v === null || v === undefined || !Number.isFinite(v) ? "-" : formatMoney(Number(v.toFixed(2)));
}

function row(label: string, bucket: string, weight: string, s: ScopeOutcome): string[] {
  const m = s.metrics;
  return [label, bucket, weight, num(m["trades"]), pct(m["win_rate"]), num(m["profit_factor"]), pct(m["total_return"]), pct(m["cagr"]), money(m["annualized_pnl"]), num(m["sharpe(daily)"]), pct(m["max_drawdown"]), money(s.result.finalEquity)];
}

/** Renders the portfolio run summary. */
export function renderPortfolioTable(outcome: PortfolioOutcome): string {
  const table = new Table({
    head: ["scope", "bucket", "weight", "trades", "win rate", "profit factor", "return", "CAGR", "annual PnL", "Sharpe (daily)", "max DD", "final equity"],
    style: { head: [], border: [] },
    colAligns: ["left", "left", "right", "right", "right", "right", "right", "right", "right", "right", "right", "right"],
  });
  for (const s of outcome.sleeves) table.push(row(`sleeve ${s.label}`, s.bucket, pct(s.weight), s));
  table.push(row(`portfolio ${outcome.portfolio}`, "", pct(1 - outcome.cashWeight), outcome.total));
  for (const b of outcome.baselines) table.push(row(`baseline ${b.label}`, "", "", b));
  const sleeves = outcome.sleeves.map((s) => `${s.label} = ${s.weighting} of ${s.members.join(", ")}`).join("; ");
  const notes = [
    `sleeves: ${sleeves}${outcome.cashWeight > 1e-12 ? `; ${pct(outcome.cashWeight)} in cash` : ""}.`,
    `rebalanced ${outcome.rebalance} at the close (first day included), commission ${pct(outcome.commission)} of traded value; each sleeve runs alone on its share of the capital.`,
    `Trades, win rate and profit factor: the strategy members' closed trades, each ticker run standalone; ticker-only sleeves have none.`,
    `Sharpe annualised with sqrt(${outcome.periodsPerYear}) on daily returns (UTC days); sample stdev; risk-free 0.`,
  ];
  return `portfolio ${outcome.portfolio}\n${table.toString()}\n${notes.join("\n")}\n`;
}
