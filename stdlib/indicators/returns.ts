// Simple return over `period` bars: source[t] / source[t − period] − 1. The first
// `period` bars are NaN.
//
// The warm-up is written apart from the loop: a per-bar choice between NaN and a
// computed value makes V8 box that value into a fresh heap number on every bar of a
// loop it optimises while running (see sma.ts).

/** Fills `out` with simple returns over `period` bars; returns `out`. */
export function returns(source: Float64Array, period: number, out: Float64Array): Float64Array {
  const n = source.length;
  const warm = Math.min(n, period);
  out.fill(NaN, 0, warm);
  for (let t = warm; t < n; t++) out[t] = (source[t] as number) / (source[t - period] as number) - 1;
  return out;
}
