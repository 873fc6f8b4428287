// Log return over `period` bars: ln(source[t] / source[t − period]). The first
// `period` bars are NaN.

/** Fills `out` with log returns over `period` bars; returns `out`. */
export function logReturns(source: Float64Array, period: number, out: Float64Array): Float64Array {
  for (let t = 0; t < source.length; t++) out[t] = t < period ? NaN : Math.log((source[t] as number) / (source[t - period] as number));
  return out;
}
