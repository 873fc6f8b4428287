// Trade statistics over CLOSED trades only (an open position at the end of data is
// not a trade). A trade's pnl is net of both sides' commission.
// - trades: the number of closed trades (a scale-out yields one trade per part).
// - win_rate: share of closed trades with pnl > 0; null when there are none.
// - profit_factor: gross profit / gross loss in cash (sum of winning pnl / −sum of
//   losing pnl); null without closed trades; +Infinity with winners and no losers;
//   null when every trade has pnl exactly 0.

import type { MetricContext } from "./context.js";
import { ratio } from "./stats.js";

/** Number of closed trades. */
export function tradeCount(ctx: MetricContext): number {
  return ctx.input.trades.length;
}

/** Share of closed trades with net pnl > 0; null without trades. */
export function winRate(ctx: MetricContext): number | null {
  const n = ctx.input.trades.length;
  return n === 0 ? null : ctx.trades.wins / n;
}

/** Gross profit / gross loss of closed trades, net of costs; see the file header for the edge cases. */
export function profitFactor(ctx: MetricContext): number | null {
  if (ctx.input.trades.length === 0) return null;
  const { gains, losses } = ctx.trades;
  return ratio(gains, losses);
}
