// Smaller of two inputs, bar by bar. A NaN on either side gives NaN (Math.min propagates it).

/** Fills `out` with the smaller of `a` and `b` per bar; returns `out`. */
export function min(a: Float64Array, b: Float64Array, out: Float64Array): Float64Array {
  for (let t = 0; t < a.length; t++) out[t] = Math.min(a[t] as number, b[t] as number);
  return out;
}
