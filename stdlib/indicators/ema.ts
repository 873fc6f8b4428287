// Exponential moving average, alpha = 2 / (period + 1), seeded with the simple
// average of the first `period` values (as TA-Lib and TradingView do), so the
// first value is at index period - 1. A NaN input yields NaN and restarts the
// seed: the average resumes `period` valid bars later.

import { seededAverage } from "./seeded-average.js";

/** Fills `out` with the EMA of `source` over `period` bars; returns `out`. */
export function ema(source: Float64Array, period: number, out: Float64Array): Float64Array {
  return seededAverage("ema", source, period, out);
}
