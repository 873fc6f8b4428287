// Tail metrics of daily returns.
// - omega (threshold 0) = Σ max(r, 0) / Σ max(−r, 0); +Infinity without losing
//   days, null without any non-zero day.
// - var(level), historical: sort the n daily returns ascending, take the k-th
//   smallest with k = ceil((1 − level) × n) (1-based); VaR = −r_(k) as a positive
//   loss, floored at 0 (no loss at that level). cvar(level) = −mean(r_(1..k)), the
//   mean of the k worst days, floored at 0. Both null without daily returns.

import type { MetricContext } from "./context.js";
import { ratio } from "./stats.js";

/** Σ gains / Σ losses of daily returns; null when undefined. */
export function omega(ctx: MetricContext): number | null {
  const stats = ctx.dailyStats;
  return ratio(stats.gains, stats.losses);
}

/** Historical value at risk of daily returns at `level`, as a positive loss; null without returns. */
export function valueAtRisk(ctx: MetricContext, level: number): number | null {
  const tail = ctx.worstDays(level);
  return tail === null ? null : Math.max(0, -(tail[tail.length - 1] as number));
}

/** Mean of the k worst daily returns (VaR's and beyond), as a positive loss; null without returns. */
export function conditionalValueAtRisk(ctx: MetricContext, level: number): number | null {
  const tail = ctx.worstDays(level);
  if (tail === null) return null;
  let s = 0;
  for (let i = 0; i < tail.length; i++) s += tail[i] as number;
  return Math.max(0, -s / tail.length);
}
