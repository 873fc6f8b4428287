// What every metric is computed from: a run's equity curve and closed trades.

import type { Trade } from "../../runtime/engine/result.js";

/** Inputs to metric computation. */
export interface MetricInput {
  readonly initialCash: number;
  /** Per-bar time (epoch ms UTC) and equity. */
  readonly time: Float64Array;
  readonly equity: Float64Array;
  /** 1 where a position was open at the bar's close. */
  readonly exposed: Uint8Array;
  readonly trades: readonly Trade[];
  /** Sum of |fill value|. */
  readonly tradedValue: number;
  /** Annualisation periods per year for daily returns: 252 (trading days) or 365 (every-day calendars). */
  readonly periodsPerYear: number;
}
