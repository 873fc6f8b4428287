// Bollinger bands: middle = sma(period); upper/lower = middle ± width × the
// POPULATION standard deviation of the window (divisor period), as John Bollinger,
// TA-Lib's BBANDS and TradingView define them.

import { rollingDeviation } from "./deviation.js";
import { sma } from "./sma.js";

/** The three bands, each one value per bar. */
export interface BollingerBands {
  readonly upper: Float64Array;
  readonly middle: Float64Array;
  readonly lower: Float64Array;
}

/** Computes Bollinger bands of `source` over `period` bars, `width` deviations wide, into buffers from `alloc`. */
export function bollinger(source: Float64Array, period: number, width: number, alloc: (n: number) => Float64Array = (n) => new Float64Array(n)): BollingerBands {
  const n = source.length;
  const middle = sma(source, period, alloc(n));
  const upper = rollingDeviation(source, period, middle, 0, alloc(n));
  const lower = alloc(n);
  for (let t = 0; t < n; t++) {
    const m = middle[t] as number;
    const band = width * (upper[t] as number);
    upper[t] = m + band;
    lower[t] = m - band;
  }
  return { upper, middle, lower };
}
