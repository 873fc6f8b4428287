// What every metric is computed from: a run's equity curve and closed trades.

import type { Trade } from "../../runtime/engine/result.js";

/**
 * Closed trades, of which the metrics read the count and each net pnl: Trade objects, or the
 * engine's columns (runtime/engine/books.ts TradeBook), so a run never builds objects for them.
 */
export type ClosedTrades = readonly Pick<Trade, "pnl">[] | { readonly length: number; readonly pnl: Float64Array };

/** Inputs to metric computation. */
export interface MetricInput {
  readonly initialCash: number;
  /** Per-bar time (epoch ms UTC) and equity. */
  readonly time: Float64Array;
  readonly equity: Float64Array;
  /** 1 where a position was open at the bar's close. */
  readonly exposed: Uint8Array;
  readonly trades: ClosedTrades;
  /** Sum of |fill value|. */
  readonly tradedValue: number;
  /** Annualisation periods per year for daily returns: 252 (trading days) or 365 (every-day calendars). */
  readonly periodsPerYear: number;
}
