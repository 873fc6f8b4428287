// Profit and growth of the equity curve.
// - net_pnl = final equity − initial cash (open positions marked to the last close).
// - total_return = final / initial − 1.
// - annualized_pnl = net_pnl / years, years = calendar span of the equity curve in
//   days / 365.25; null when the curve spans no time.
// - cagr = (final / initial)^(1 / years) − 1; −1 when final equity is <= 0; null
//   when the curve spans no time.

import type { MetricContext } from "./context.js";

/** Final equity minus initial cash. */
export function netPnl(ctx: MetricContext): number {
  return ctx.finalEquity - ctx.input.initialCash;
}

/** Final equity / initial cash − 1. */
export function totalReturn(ctx: MetricContext): number {
  return ctx.finalEquity / ctx.input.initialCash - 1;
}

/** Net pnl per calendar year of the run; null for a curve without a time span. */
export function annualizedPnl(ctx: MetricContext): number | null {
  const years = ctx.years;
  return years > 0 ? netPnl(ctx) / years : null;
}

/** Compound annual growth rate; null for a curve without a time span. */
export function cagr(ctx: MetricContext): number | null {
  const years = ctx.years;
  if (years <= 0) return null;
  const growth = ctx.finalEquity / ctx.input.initialCash;
  return growth <= 0 ? -1 : Math.pow(growth, 1 / years) - 1;
}
