// Drawdown of the per-bar equity curve.
// - max_drawdown = max over bars of (peak − equity) / peak, the peak being the
//   highest equity so far starting from the initial cash; a positive fraction in
//   [0, 1] (equity at or below zero counts as a 100% drawdown); 0 for an empty curve.
// - calmar = cagr / max_drawdown; +Infinity for a rising curve that never dipped,
//   null when cagr is undefined or both are 0.

import type { MetricContext } from "./context.js";
import { cagr } from "./pnl.js";
import { ratio } from "./stats.js";

/** Largest peak-to-trough fall of the per-bar equity, as a fraction of the peak. */
export function maxDrawdown(ctx: MetricContext): number {
  return ctx.equity.maxDrawdown;
}

/** cagr / max_drawdown; null when undefined. */
export function calmar(ctx: MetricContext): number | null {
  const growth = cagr(ctx);
  return growth === null ? null : ratio(growth, maxDrawdown(ctx));
}
