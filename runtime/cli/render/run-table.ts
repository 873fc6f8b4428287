// The summary table `strat run` prints: one row per ticker, the portfolio last.

import Table from "cli-table3";
import { numCell, pctCell } from "./cells.js";
import { formatMoney } from "../../plan/expr-text.js";
import type { RunOutcome, TickerOutcome } from "../../run/execute.js";
import { formatParamValue } from "../../plan/preview.js";

function row(label: string, t: TickerOutcome): string[] {
  const m = t.metrics;
  return [label, numCell(m["trades"]), pctCell(m["win_rate"]), numCell(m["profit_factor"]), pctCell(m["total_return"]), pctCell(m["cagr"]), numCell(m["sharpe(daily)"]), pctCell(m["max_drawdown"]), formatMoney(Number(t.result.finalEquity.toFixed(2)))];
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
