// The summary `strat run --portfolio` prints: one row per sleeve (bucket, weight),
// the portfolio, then one row per baseline; the conventions under it.

import Table from "cli-table3";
import { moneyCell, numCell, pctCell } from "./cells.js";
import type { PortfolioOutcome, ScopeOutcome } from "../../run/portfolio-execute.js";

function row(label: string, bucket: string, weight: string, s: ScopeOutcome): string[] {
  const m = s.metrics;
  return [label, bucket, weight, numCell(m["trades"]), pctCell(m["win_rate"]), numCell(m["profit_factor"]), pctCell(m["total_return"]), pctCell(m["cagr"]), moneyCell(m["annualized_pnl"]), numCell(m["sharpe(daily)"]), pctCell(m["max_drawdown"]), moneyCell(s.result.finalEquity)];
}

/** Renders the portfolio run summary. */
export function renderPortfolioTable(outcome: PortfolioOutcome): string {
  const table = new Table({
    head: ["scope", "bucket", "weight", "trades", "win rate", "profit factor", "return", "CAGR", "annual PnL", "Sharpe (daily)", "max DD", "final equity"],
    style: { head: [], border: [] },
    colAligns: ["left", "left", "right", "right", "right", "right", "right", "right", "right", "right", "right", "right"],
  });
  for (const s of outcome.sleeves) table.push(row(`sleeve ${s.label}`, s.bucket, pctCell(s.weight), s));
  table.push(row(`portfolio ${outcome.portfolio}`, "", pctCell(1 - outcome.cashWeight), outcome.total));
  for (const b of outcome.baselines) table.push(row(`baseline ${b.label}`, "", "", b));
  const sleeves = outcome.sleeves.map((s) => `${s.label} = ${s.weighting} of ${s.members.join(", ")}`).join("; ");
  const notes = [
    `sleeves: ${sleeves}${outcome.cashWeight > 1e-12 ? `; ${pctCell(outcome.cashWeight)} in cash` : ""}.`,
    `rebalanced ${outcome.rebalance} at the close (first day included), commission ${pctCell(outcome.commission)} of traded value; each sleeve runs alone on its share of the capital.`,
    `Trades, win rate and profit factor: the strategy members' closed trades, each ticker run standalone; ticker-only sleeves have none.`,
    `Sharpe annualised with sqrt(${outcome.periodsPerYear}) on daily returns (UTC days); sample stdev; risk-free 0.`,
  ];
  return `portfolio ${outcome.portfolio}\n${table.toString()}\n${notes.join("\n")}\n`;
}
