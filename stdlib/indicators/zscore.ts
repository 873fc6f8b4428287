// z-score: (source − sma) / sample stdev over `period` bars. A flat window has
// stdev 0 and yields NaN (undefined), never ±Infinity. The mean is computed into
// `out` and replaced bar by bar with the z-score (deviation.ts).

import { rollingZscoreInPlace } from "./deviation.js";
import { sma } from "./sma.js";

/** Fills `out` with the rolling z-score of `source` over `period` bars; returns `out`. */
export function zscore(source: Float64Array, period: number, out: Float64Array): Float64Array {
  return rollingZscoreInPlace(source, period, sma(source, period, out));
}
