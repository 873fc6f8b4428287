// Sample standard deviation (divisor period − 1) over `period` bars. period 1 has
// no sample deviation and yields NaN. The mean is computed into `out` and replaced
// bar by bar with the deviation (deviation.ts): no second full-length array.

import { rollingDeviation } from "./deviation.js";
import { sma } from "./sma.js";

/** Fills `out` with the sample standard deviation of `source` over `period` bars; returns `out`. */
export function stdev(source: Float64Array, period: number, out: Float64Array): Float64Array {
  return rollingDeviation(source, period, sma(source, period, out), 1, out);
}
