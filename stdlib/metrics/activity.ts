// How much and how often the strategy trades.
// - turnover = traded value (Σ |fill value|) / mean per-bar equity / years; null
//   when the curve spans no time.
// - exposure = share of bars with an open position at the close; null without bars.
// - observation_days = number of distinct UTC days in the equity curve.
// - hit_rate = share of days with a positive daily return among days with a
//   non-zero return; null when no day moved.

import type { MetricContext } from "./context.js";

/** Traded value / mean equity per year; null without a time span. */
export function turnover(ctx: MetricContext): number | null {
  const years = ctx.years;
  const m = ctx.equity.meanEquity;
  if (years <= 0 || !(m > 0)) return null;
  return ctx.input.tradedValue / m / years;
}

/** Share of bars with a position at the close; null without bars. */
export function exposure(ctx: MetricContext): number | null {
  const n = ctx.input.exposed.length;
  return n === 0 ? null : ctx.exposedBars / n;
}

/** Distinct UTC days in the equity curve (one daily return per day). */
export function observationDays(ctx: MetricContext): number {
  return ctx.dailyStats.count;
}

/** Share of up days among days that moved; null when none moved. */
export function hitRate(ctx: MetricContext): number | null {
  const stats = ctx.dailyStats;
  return stats.movedDays === 0 ? null : stats.upDays / stats.movedDays;
}
