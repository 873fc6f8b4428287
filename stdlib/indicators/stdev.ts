// Sample standard deviation (divisor period − 1) over `period` bars. period 1 has
// no sample deviation and yields NaN.

import { rollingDeviation } from "./deviation.js";
import { sma } from "./sma.js";

/** Fills `out` with the sample standard deviation of `source` over `period` bars; returns `out`. */
export function stdev(source: Float64Array, period: number, out: Float64Array): Float64Array {
  const mean = sma(source, period, new Float64Array(source.length));
  return rollingDeviation(source, period, mean, 1, out);
}
