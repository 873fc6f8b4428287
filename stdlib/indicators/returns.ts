// Simple return over `period` bars: source[t] / source[t − period] − 1. The first
// `period` bars are NaN.

/** Fills `out` with simple returns over `period` bars; returns `out`. */
export function returns(source: Float64Array, period: number, out: Float64Array): Float64Array {
  for (let t = 0; t < source.length; t++) out[t] = t < period ? NaN : (source[t] as number) / (source[t - period] as number) - 1;
  return out;
}
