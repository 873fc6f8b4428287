// Wilder's smoothing (the "running moving average", alpha = 1/period), shared by
// rsi and atr: seeded with the simple average of the first `period` values, then
// avg = (avg × (period − 1) + x) / period, the form TA-Lib uses.

import { seededAverage } from "./seeded-average.js";

/** Wilder-smooths `source` into `out` from index `start`; bars before `start` and the warm-up are NaN. NaN restarts the seed. */
export function wilderSmooth(source: Float64Array, period: number, out: Float64Array, start = 0): Float64Array {
  return seededAverage("wilder", source, period, out, start);
}
