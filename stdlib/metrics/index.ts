// Metrics: name + args (as in the plan) → a number, or null when undefined.
//
// Conventions (every metric file states its own definition; grammar.md repeats them):
// - Return-based metrics use simple returns of the equity curve sampled per UTC day
//   (the last equity of each day); the first day's return is against the initial cash.
// - Annualisation: periodsPerYear from the input (252 trading days by default, 365 for
//   calendars that trade every day), disclosed with annualisationNote(input).
//   sharpe(step) uses per-bar returns and bars per year from the median bar spacing.
// - Volatility and Sharpe use the sample standard deviation (n − 1); risk-free rate 0.
// - Sortino's downside deviation is sqrt(Σ min(r, 0)² / n) over ALL observations.
// - max_drawdown is on the per-bar equity curve, a positive fraction in [0, 1].
// - years = calendar span of the equity curve in days / 365.25.
// - Trade metrics count closed trades only, pnl net of commission.
// - Undefined values are null (no trades for win_rate, a flat curve for Sharpe);
//   a ratio with a zero denominator and a non-zero numerator is ±Infinity (profit
//   factor with winners and no losers: +Infinity; JSON writers print "Infinity").
// - An unknown metric name or argument gives null; check with isKnownMetric first.

import { lookupBuiltin } from "../registry.js";
import { exposure, hitRate, observationDays, turnover } from "./activity.js";
import { MetricContext } from "./context.js";
import type { MetricInput } from "./input.js";
import { calmar, maxDrawdown } from "./drawdown.js";
import { annualizedPnl, cagr, netPnl, totalReturn } from "./pnl.js";
import { sharpe, sortino, volatility } from "./risk.js";
import { conditionalValueAtRisk, omega, valueAtRisk } from "./tail.js";
import { profitFactor, tradeCount, winRate } from "./trades.js";

export { annualisation, annualisationNote, type Annualisation } from "./annualisation.js";

type Arg = number | string | boolean;
type MetricFn = (ctx: MetricContext, args: readonly Arg[]) => number | null;

const level = (args: readonly Arg[]): number | null => {
  const v = args[0];
  return typeof v === "number" && v > 0 && v < 1 ? v : null;
};

const METRIC_FNS: Readonly<Record<string, MetricFn>> = {
  trades: (ctx) => tradeCount(ctx),
  win_rate: (ctx) => winRate(ctx),
  profit_factor: (ctx) => profitFactor(ctx),
  net_pnl: (ctx) => netPnl(ctx),
  annualized_pnl: (ctx) => annualizedPnl(ctx),
  total_return: (ctx) => totalReturn(ctx),
  cagr: (ctx) => cagr(ctx),
  volatility: (ctx) => volatility(ctx),
  sharpe: (ctx, args) => (args[0] === "daily" || args[0] === "step" ? sharpe(ctx, args[0]) : null),
  sortino: (ctx) => sortino(ctx),
  max_drawdown: (ctx) => maxDrawdown(ctx),
  calmar: (ctx) => calmar(ctx),
  omega: (ctx) => omega(ctx),
  var: (ctx, args) => {
    const l = level(args);
    return l === null ? null : valueAtRisk(ctx, l);
  },
  cvar: (ctx, args) => {
    const l = level(args);
    return l === null ? null : conditionalValueAtRisk(ctx, l);
  },
  turnover: (ctx) => turnover(ctx),
  exposure: (ctx) => exposure(ctx),
  observation_days: (ctx) => observationDays(ctx),
  hit_rate: (ctx) => hitRate(ctx),
};

/** True when `name` is a metric the runtime computes. */
export function isKnownMetric(name: string): boolean {
  return Object.hasOwn(METRIC_FNS, name);
}

/** The metric's args with signature defaults filled in for missing trailing args. */
function withDefaults(name: string, args: readonly Arg[]): Arg[] {
  const sig = lookupBuiltin(name, ["metric"]);
  const out = [...args];
  for (let i = out.length; i < (sig?.params.length ?? 0); i++) {
    const d = sig?.params[i]?.default;
    if (typeof d === "number" || typeof d === "string" || typeof d === "boolean") out.push(d);
  }
  return out;
}

/** Computes one metric (name + args as in the plan, e.g. ("sharpe", ["daily"]), ("var", [0.95])); null when undefined (e.g. no trades for win_rate). */
export function evaluateMetric(name: string, args: readonly Arg[], input: MetricInput): number | null {
  return evaluateIn(new MetricContext(input, tailLevelOf([{ name, args: withDefaults(name, args) }])), name, args);
}

/** The level of the first var or cvar call among `calls`, so the context gathers its worst days on the daily pass. */
function tailLevelOf(calls: readonly { readonly name: string; readonly args: readonly Arg[] }[]): number | undefined {
  for (const c of calls) if (c.name === "var" || c.name === "cvar") return level(c.args) ?? undefined;
  return undefined;
}

function evaluateIn(ctx: MetricContext, name: string, args: readonly Arg[]): number | null {
  const fn = Object.hasOwn(METRIC_FNS, name) ? METRIC_FNS[name] : undefined;
  return fn === undefined ? null : fn(ctx, withDefaults(name, args));
}

/** The key used above and in the store for a metric call: the name, then the args (defaults filled) in parentheses: "trades", "sharpe(daily)", "var(0.95)". */
export function metricKey(name: string, args: readonly Arg[]): string {
  const full = withDefaults(name, args);
  return full.length === 0 ? name : `${name}(${full.map(String).join(",")})`;
}

/** The calls computeMetrics reports: every metric with default args, plus sharpe(step). */
export const DEFAULT_METRIC_CALLS: readonly { readonly name: string; readonly args: readonly Arg[] }[] = [
  ...Object.keys(METRIC_FNS).map((name) => ({ name, args: withDefaults(name, []) })),
  { name: "sharpe", args: ["step"] },
];

const DEFAULT_TAIL_LEVEL = tailLevelOf(DEFAULT_METRIC_CALLS);

/** Every metric with default args, keyed "trades", "win_rate", ..., "sharpe(daily)", "sharpe(step)", "var(0.95)", "cvar(0.95)". */
export function computeMetrics(input: MetricInput): Record<string, number | null> {
  const ctx = new MetricContext(input, DEFAULT_TAIL_LEVEL);
  const out: Record<string, number | null> = {};
  for (const call of DEFAULT_METRIC_CALLS) out[metricKey(call.name, call.args)] = evaluateIn(ctx, call.name, call.args);
  return out;
}
