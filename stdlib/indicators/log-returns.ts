// Log return over `period` bars: ln(source[t] / source[t − period]). The first
// `period` bars are NaN (written apart from the loop, as in returns.ts).

/** Fills `out` with log returns over `period` bars; returns `out`. */
export function logReturns(source: Float64Array, period: number, out: Float64Array): Float64Array {
  const n = source.length;
  const warm = Math.min(n, period);
  out.fill(NaN, 0, warm);
  for (let t = warm; t < n; t++) out[t] = Math.log((source[t] as number) / (source[t - period] as number));
  return out;
}
