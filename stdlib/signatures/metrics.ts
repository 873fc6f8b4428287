// Metrics over a run's trades and equity. Definitions (and the conventions:
// daily simple returns, 252 periods a year, sample stdev, rf 0) are in grammar.md.
import { T, type BuiltinSig, type ScalarUnit } from "../signature.js";

const metric = (name: string, unit: ScalarUnit, doc: string, domain: { min?: number; max?: number }, higherIsBetter: boolean): BuiltinSig => ({
  name,
  kind: "metric",
  params: [],
  result: T.metric(unit),
  domain,
  higherIsBetter,
  doc,
});

const level = { name: "level", type: T.scalar("ratio"), default: 0.95, domain: { min: 0.5, max: 0.9999 }, doc: "confidence level" } as const;

/** Metric signatures. */
export const METRICS: readonly BuiltinSig[] = [
  metric("trades", "int", "number of closed trades", { min: 0 }, true),
  metric("win_rate", "ratio", "share of closed trades with net pnl > 0", { min: 0, max: 1 }, true),
  metric("profit_factor", "number", "gross profit / gross loss of closed trades, net of costs", { min: 0 }, true),
  metric("net_pnl", "money", "final equity minus initial cash", {}, true),
  metric("annualized_pnl", "money", "net pnl per year of the run's calendar span", {}, true),
  metric("total_return", "ratio", "final equity / initial cash - 1", { min: -1 }, true),
  metric("cagr", "ratio", "compound annual growth rate of equity", { min: -1 }, true),
  metric("volatility", "ratio", "annualised sample stdev of daily returns", { min: 0 }, false),
  {
    name: "sharpe",
    kind: "metric",
    params: [{ name: "basis", type: T.enumOf("sharpe_basis", ["daily", "step"]), default: "daily", doc: "daily: UTC-day returns, annualised; step: per-bar returns, for diagnostics" }],
    result: T.metric("number"),
    higherIsBetter: true,
    doc: "annualised mean / sample stdev of returns (risk-free 0)",
  },
  metric("sortino", "number", "annualised mean / downside deviation of daily returns", {}, true),
  metric("max_drawdown", "ratio", "largest peak-to-trough fall of the per-bar equity curve", { min: 0, max: 1 }, false),
  metric("calmar", "number", "cagr / max_drawdown", {}, true),
  metric("omega", "number", "sum of daily gains / sum of daily losses (threshold 0)", { min: 0 }, true),
  { name: "var", kind: "metric", params: [level], result: T.metric("ratio"), domain: { min: 0 }, higherIsBetter: false, doc: "historical value at risk of daily returns, as a positive loss" },
  { name: "cvar", kind: "metric", params: [level], result: T.metric("ratio"), domain: { min: 0 }, higherIsBetter: false, doc: "mean daily loss beyond VaR, as a positive loss" },
  metric("turnover", "number", "traded value / mean equity, per year", { min: 0 }, false),
  metric("exposure", "ratio", "share of bars with an open position", { min: 0, max: 1 }, true),
  metric("observation_days", "int", "distinct UTC days in the equity curve", { min: 0 }, true),
  metric("hit_rate", "ratio", "share of days with positive return among days with a non-zero return", { min: 0, max: 1 }, true),
];

/** `change(metric)` in gates: relative change against the baseline run. */
export const COMPARATIVES: readonly BuiltinSig[] = [
  {
    name: "change",
    kind: "comparative",
    params: [{ name: "metric", type: T.metric("number"), doc: "the metric compared with the baseline run" }],
    result: T.metric("ratio"),
    doc: "metric / baseline metric - 1",
  },
];
