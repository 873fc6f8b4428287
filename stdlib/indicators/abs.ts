// Absolute value, bar by bar. NaN in, NaN out.

/** Fills `out` with |source|; returns `out`. */
export function abs(source: Float64Array, out: Float64Array): Float64Array {
  for (let t = 0; t < source.length; t++) out[t] = Math.abs(source[t] as number);
  return out;
}
