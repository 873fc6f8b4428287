// Wilder's average true range. True range = max(high − low, |high − prev close|,
// |low − prev close|); on the first bar (no previous close) it is high − low, as in
// Wilder's book and TradingView's ta.atr. The ATR is the Wilder-smoothed true range
// seeded with the mean of the first `period` true ranges, so the first value is at
// index period − 1. (TA-Lib skips the first bar and starts one bar later.)

import { wilderSmooth } from "./wilder.js";

/** Fills `out` with Wilder's ATR over `period` bars; `scratch` (same length) receives the true range. Returns `out`. */
export function atr(high: Float64Array, low: Float64Array, close: Float64Array, period: number, out: Float64Array, scratch: Float64Array): Float64Array {
  const n = high.length;
  if (n > 0) scratch[0] = (high[0] as number) - (low[0] as number);
  // The first bar is set apart: a loop that branches on it per bar is optimised with less room.
  for (let t = 1; t < n; t++) {
    const h = high[t] as number;
    const l = low[t] as number;
    const pc = close[t - 1] as number;
    scratch[t] = Math.max(h - l, Math.abs(h - pc), Math.abs(l - pc));
  }
  return wilderSmooth(scratch, period, out);
}
