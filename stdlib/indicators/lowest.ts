// Lowest value over the last `period` bars, this bar included (rolling-extreme.ts).

import { rollingExtreme } from "./rolling-extreme.js";

/** Fills `out` with the lowest value of `source` over `period` bars; returns `out`. */
export function lowest(source: Float64Array, period: number, out: Float64Array): Float64Array {
  return rollingExtreme(source, period, -1, out);
}
