// crossover(a, b) is 1 on bar t when a[t−1] <= b[t−1] and a[t] > b[t], else 0;
// crossunder mirrors it (a[t−1] >= b[t−1] and a[t] < b[t]). An exact tie on bar
// t−1 counts as "not above", so a tie followed by a rise is a crossover. Where any
// of the four values is NaN (warm-up) the result is NaN: unknown, never a signal.

/** Fills `out` with crossover (direction 1) or crossunder (direction −1) of `a` over `b`; returns `out`. */
export function cross(a: Float64Array, b: Float64Array, direction: 1 | -1, out: Float64Array): Float64Array {
  if (out.length > 0) out[0] = NaN;
  // One loop per direction (no per-bar test of it), carrying bar t−1's values in registers.
  // Bitwise & rather than && : no data-dependent branches, which random crossings mispredict.
  // NaN fails every comparison, so (x === x) is 0 exactly where a value is unknown.
  const n = a.length;
  if (n === 0) return out;
  let a0 = a[0] as number;
  let b0 = b[0] as number;
  if (direction === 1) {
    for (let t = 1; t < n; t++) {
      const a1 = a[t] as number;
      const b1 = b[t] as number;
      const known = (a0 === a0 ? 1 : 0) & (b0 === b0 ? 1 : 0) & (a1 === a1 ? 1 : 0) & (b1 === b1 ? 1 : 0);
      out[t] = known === 1 ? (a0 <= b0 ? 1 : 0) & (a1 > b1 ? 1 : 0) : NaN;
      a0 = a1;
      b0 = b1;
    }
  } else {
    for (let t = 1; t < n; t++) {
      const a1 = a[t] as number;
      const b1 = b[t] as number;
      const known = (a0 === a0 ? 1 : 0) & (b0 === b0 ? 1 : 0) & (a1 === a1 ? 1 : 0) & (b1 === b1 ? 1 : 0);
      out[t] = known === 1 ? (a0 >= b0 ? 1 : 0) & (a1 < b1 ? 1 : 0) : NaN;
      a0 = a1;
      b0 = b1;
    }
  }
  return out;
}
