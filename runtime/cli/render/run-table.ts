// The summary table `strat run` prints: one row per ticker, the portfolio last.

import Table from "cli-table3";
import { formatMoney, formatNumber, formatPercent } from "../../plan/expr-text.js";
import type { RunOutcome, TickerOutcome } from "../../run/execute.js";
import { formatParamValue } from "../../plan/preview.js";

function pct(v: number | null | undefined): string {
  return v === null || v === undefined || Number.isNaN(v) ? "-" : formatPercent(Number(v.toFixed(4)));
}

function num(v: number | null | undefined): string {
  if (v === null || v === undefined || Number.isNaN(v)) return "-";
  if (!Number.isFinite(v)) return v > 0 ? "inf" : "-inf";
  return formatNumber(Number(v.toFixed(2)));
}

function row(label: string, t: TickerOutcome): string[] {
  const m = t.metrics;
  return [label, num(m["trades"]), pct(m["win_rate"]), num(m["profit_factor"]), pct(m["total_return"]), pct(m["cagr"]), num(m["sharpe(daily)"]), pct(m["max_drawdown"]), formatMoney(Number(t.result.finalEquity.toFixed(2)))];
}

/** Renders the run summary. */
export function renderRunTable(outcome: RunOutcome): string {
  const table = new Table({
    head: ["ticker", "trades", "win rate", "profit factor", "return", "CAGR", "Sharpe (daily)", "max DD", "final equity"],
    style: { head: [], border: [] },
    colAligns: ["left", "right", "right", "right", "right", "right", "right", "right", "right"],
  });
  for (const t of outcome.tickers) table.push(row(t.result.ticker, t));
  if (outcome.tickers.length > 1) table.push(row("portfolio", outcome.portfolio));
  const open = outcome.tickers.reduce((n, t) => n + t.result.open.length, 0);
  const notes = [
    `Sharpe annualised with sqrt(${outcome.periodsPerYear}) on daily returns (UTC days); sample stdev; risk-free 0.`,
    open > 0 ? `${open} position${open === 1 ? "" : "s"} still open at the end of data, marked to the last close (not counted in trades).` : null,
  ].filter((x): x is string => x !== null);
  const params = outcome.strategy.params.map((p) => `${p.name}=${formatParamValue(p, outcome.params[p.name] ?? p.default)}${p.name in outcome.overrides ? "*" : ""}`);
  return `strategy ${outcome.strategy.name}  params ${params.join(" ") || "(none)"}${Object.keys(outcome.overrides).length > 0 ? "  (* overridden)" : ""}\n${table.toString()}\n${notes.join("\n")}\n`;
}
