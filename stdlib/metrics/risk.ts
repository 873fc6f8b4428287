// Risk-adjusted return of the equity curve (risk-free rate 0).
// - volatility = sample stdev (n − 1) of daily returns × sqrt(periodsPerYear);
//   null with fewer than two days.
// - sharpe(daily) = mean / sample stdev of daily returns × sqrt(periodsPerYear).
// - sharpe(step) = the same on per-bar returns × sqrt(bars per year from the median
//   bar spacing); diagnostics only (annualisation.ts).
// - sortino = mean of daily returns / downside deviation × sqrt(periodsPerYear),
//   downside deviation = sqrt(Σ min(r, 0)² / n) over ALL n days.
// A zero denominator gives ±Infinity by the sign of the mean, null when the mean is
// 0 too; fewer than two observations give null.

import type { MetricContext } from "./context.js";
import { ratio } from "./stats.js";

/** Annualised sample stdev of daily returns; null with fewer than two days. */
export function volatility(ctx: MetricContext): number | null {
  const sd = ctx.dailyStats.stdev;
  return sd === sd ? sd * Math.sqrt(ctx.input.periodsPerYear) : null;
}

/** Annualised Sharpe ratio on daily ("daily") or per-bar ("step") returns; null when undefined. */
export function sharpe(ctx: MetricContext, basis: "daily" | "step"): number | null {
  const daily = ctx.dailyStats;
  const step = ctx.equity;
  const [count, mean, stdev] = basis === "daily" ? [daily.count, daily.mean, daily.stdev] : [step.stepCount, step.stepMean, step.stepStdev];
  if (count < 2) return null;
  const periods = basis === "daily" ? ctx.input.periodsPerYear : ctx.annualisation.stepPeriodsPerYear;
  if (periods === null) return null;
  const r = ratio(mean, stdev);
  return r === null ? null : r * Math.sqrt(periods);
}

/** Annualised Sortino ratio of daily returns; null when undefined. */
export function sortino(ctx: MetricContext): number | null {
  const stats = ctx.dailyStats;
  if (stats.count < 2) return null;
  const r = ratio(stats.mean, Math.sqrt(stats.downsideSquares / stats.count));
  return r === null ? null : r * Math.sqrt(ctx.input.periodsPerYear);
}
