// The machine-readable result of `strat run --portfolio NAME --json`
// (specs/run-result.schema.json, definitions.PortfolioRunResult). Deterministic: the
// same plan and data give the same bytes (the run id goes to stderr).

import { annualisation } from "../../stdlib/metrics/index.js";
import { dailyEquity, iso, metricConventions, metricsJson, tradeJson } from "./output.js";
import type { PortfolioOutcome, ScopeOutcome } from "./portfolio-execute.js";

function curve(s: ScopeOutcome) {
  return dailyEquity({ time: s.result.time, equity: s.result.equity, exposed: s.result.exposed });
}

function scopeFigures(s: ScopeOutcome) {
  return { initial_cash: s.result.initialCash, final_equity: s.result.finalEquity, traded_value: s.result.tradedValue, costs: s.result.costs, metrics: metricsJson(s.metrics), daily_equity: curve(s) };
}

/** Builds the --json object of a portfolio run. */
export function portfolioResultJson(outcome: PortfolioOutcome) {
  const t = outcome.total;
  const factors = annualisation({ initialCash: t.result.initialCash, time: t.result.time, equity: t.result.equity, exposed: t.result.exposed, trades: [], tradedValue: 0, periodsPerYear: outcome.periodsPerYear });
  return {
    kind: "portfolio",
    portfolio: outcome.portfolio,
    plan_hash: outcome.planHash,
    data_hash: outcome.dataHash,
    rebalance: outcome.rebalance,
    commission: outcome.commission,
    cash_weight: outcome.cashWeight,
    initial_cash: outcome.initialCash,
    final_equity: t.result.finalEquity,
    traded_value: t.result.tradedValue,
    costs: t.result.costs,
    metrics: metricsJson(t.metrics),
    conventions: {
      ...metricConventions(outcome.periodsPerYear, factors),
      calendar: "union of the members' UTC days; prices forward-filled; a member earns 0 before its first bar and is weighted from the first rebalance after it",
      sleeve_weight: "cap x min(1, 1 / sum of caps); the rest is cash at 0%",
      rebalancing: "weights set at the close of the first day and of each period's last day, from returns up to that close; effective from the next day's return; drift in between",
      rebalance_cost: "commission x traded value, paid from the portfolio",
      trade_metrics: "trades, win_rate and profit_factor count the closed trades of the strategy members run standalone (each ticker with the strategy's own cash)",
    },
    sleeves: outcome.sleeves.map((s) => ({ name: s.label, bucket: s.bucket, cap: s.cap, weight: s.weight, weighting: s.weighting, members: s.members, ...scopeFigures(s) })),
    baselines: outcome.baselines.map((b) => ({ label: b.label, ...scopeFigures(b) })),
    members: outcome.members.map((m) => ({ asset: m.id, trades: m.trades.length, metrics: metricsJson(m.metrics) })),
    strategies: outcome.strategies.map((s) => ({ name: s.strategy.name, params: s.params })),
    trades: outcome.strategies.flatMap((s) => s.results.flatMap((r) => r.trades.map(tradeJson))),
    rebalances: t.result.rebalances.map((r) => ({
      date: iso(r.time).slice(0, 10),
      weights: Object.fromEntries(outcome.assets.flatMap((id, i) => ((r.weights[i] as number) === 0 ? [] : [[id, r.weights[i] as number]]))),
      traded_value: r.tradedValue,
      cost: r.cost,
    })),
    daily_equity: curve(t),
    lineage: outcome.lineage,
    quality: outcome.quality,
    models: outcome.models,
  };
}
