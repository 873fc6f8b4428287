// The machine-readable result of `strat run --json` (specs/run-result.schema.json).
// Deterministic: the same plan and data give the same bytes, so the run id —
// which depends on what the store already holds — is reported on stderr, not here.

import { annualisation } from "../../stdlib/metrics/index.js";
import { toMetricInput } from "../engine/metric-input.js";
import type { EquityCurve, Trade } from "../engine/result.js";
import type { RunOutcome, TickerOutcome } from "./execute.js";

/** A JSON number, or the strings "Infinity"/"-Infinity" (profit factor with no losses), or null. */
export type JsonMetric = number | "Infinity" | "-Infinity" | null;

/** A metric as JSON: ±Infinity as strings, NaN and undefined as null. */
export function jsonMetric(value: number | null | undefined): JsonMetric {
  if (value === null || value === undefined || Number.isNaN(value)) return null;
  if (value === Infinity) return "Infinity";
  if (value === -Infinity) return "-Infinity";
  return value;
}

/** Epoch ms → ISO 8601 UTC. */
export function iso(ms: number): string {
  return new Date(ms).toISOString();
}

/** Metrics as JSON, keys sorted. */
export function metricsJson(metrics: Record<string, number | null>): Record<string, JsonMetric> {
  return Object.fromEntries(Object.keys(metrics).sort().map((k) => [k, jsonMetric(metrics[k])]));
}

/** A trade as JSON. */
export function tradeJson(t: Trade) {
  return {
    ticker: t.ticker,
    side: t.side,
    entry_time: iso(t.entryTime),
    entry_price: t.entryPrice,
    exit_time: iso(t.exitTime),
    exit_price: t.exitPrice,
    quantity: t.quantity,
    pnl: t.pnl,
    costs: t.costs,
    exit_reason: t.exitReason,
    bars: t.bars,
  };
}

/** The equity at the last bar of each UTC day. */
export function dailyEquity(curve: EquityCurve): { date: string; equity: number }[] {
  const out: { date: string; equity: number }[] = [];
  for (let i = 0; i < curve.time.length; i++) {
    const date = iso(curve.time[i] ?? 0).slice(0, 10);
    const equity = curve.equity[i] ?? 0;
    const last = out[out.length - 1];
    if (last && last.date === date) last.equity = equity;
    else out.push({ date, equity });
  }
  return out;
}

function tickerJson(t: TickerOutcome) {
  return {
    ticker: t.result.ticker,
    initial_cash: t.result.initialCash,
    final_equity: t.result.finalEquity,
    metrics: metricsJson(t.metrics),
    trades: t.result.trades.length,
    open_positions: t.result.open.length,
  };
}

/** The conventions every metric in a result follows, as printed beside it. */
export function metricConventions(periodsPerYear: number, factors: { readonly dailyPeriodsPerYear: number; readonly stepPeriodsPerYear: number | null }) {
  return {
    returns: "simple returns of the equity curve sampled at the last bar of each UTC day",
    periods_per_year: periodsPerYear,
    sharpe_daily_factor: `sqrt(${factors.dailyPeriodsPerYear})`,
    sharpe_step_factor: factors.stepPeriodsPerYear === null ? null : `sqrt(${Number(factors.stepPeriodsPerYear.toFixed(2))})`,
    stdev: "sample (n-1)",
    risk_free: 0,
  };
}

/** Builds the --json object of a run. */
export function runResultJson(outcome: RunOutcome) {
  const p = outcome.portfolio;
  const factors = annualisation(toMetricInput(p.result, outcome.periodsPerYear));
  return {
    strategy: outcome.strategy.name,
    plan_hash: outcome.planHash,
    data_hash: outcome.dataHash,
    params: outcome.params,
    overrides: outcome.overrides,
    initial_cash: outcome.initialCash,
    final_equity: p.result.finalEquity,
    metrics: metricsJson(p.metrics),
    conventions: {
      ...metricConventions(outcome.periodsPerYear, factors),
      fills: outcome.strategy.execution.fill === "next_open" ? "signal at bar close, fill at next bar open" : "signal and fill at bar close",
    },
    tickers: outcome.tickers.map(tickerJson),
    trades: outcome.tickers.flatMap((t) => t.result.trades.map(tradeJson)),
    open_positions: outcome.tickers.flatMap((t) =>
      t.result.open.map((o) => ({ ticker: o.ticker, side: o.side, entry_time: iso(o.entryTime), entry_price: o.entryPrice, quantity: o.quantity, mark_price: o.markPrice, unrealized_pnl: o.unrealizedPnl })),
    ),
    daily_equity: dailyEquity(p.result.equity),
    lineage: outcome.lineage,
    quality: outcome.quality,
    models: outcome.models,
  };
}
