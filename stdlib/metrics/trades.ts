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
  const trades = ctx.input.trades;
  if (trades.length === 0) return null;
  let wins = 0;
  for (const t of trades) if (t.pnl > 0) wins++;
  return wins / trades.length;
}

/** Gross profit / gross loss of closed trades, net of costs; see the file header for the edge cases. */
export function profitFactor(ctx: MetricContext): number | null {
  const trades = ctx.input.trades;
  if (trades.length === 0) return null;
  let gains = 0;
  let losses = 0;
  for (const t of trades) {
    if (t.pnl > 0) gains += t.pnl;
    else losses -= t.pnl;
  }
  return ratio(gains, losses);
}
