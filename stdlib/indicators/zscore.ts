// z-score: (source − sma) / sample stdev over `period` bars. A flat window has
// stdev 0 and yields NaN (undefined), never ±Infinity.

import { rollingDeviation } from "./deviation.js";
import { sma } from "./sma.js";

/** Fills `out` with the rolling z-score of `source` over `period` bars; returns `out`. */
export function zscore(source: Float64Array, period: number, out: Float64Array): Float64Array {
  const mean = sma(source, period, new Float64Array(source.length));
  rollingDeviation(source, period, mean, 1, out);
  for (let t = 0; t < source.length; t++) {
    const sd = out[t] as number;
    out[t] = sd > 0 ? ((source[t] as number) - (mean[t] as number)) / sd : NaN;
  }
  return out;
}
