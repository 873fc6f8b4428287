// Larger of two inputs, bar by bar. A NaN on either side gives NaN (Math.max propagates it).

/** Fills `out` with the larger of `a` and `b` per bar; returns `out`. */
export function max(a: Float64Array, b: Float64Array, out: Float64Array): Float64Array {
  for (let t = 0; t < a.length; t++) out[t] = Math.max(a[t] as number, b[t] as number);
  return out;
}
