// crossover(a, b) is 1 on bar t when a[t−1] <= b[t−1] and a[t] > b[t], else 0;
// crossunder mirrors it (a[t−1] >= b[t−1] and a[t] < b[t]), which is exactly
// crossover(b, a), so both directions run the one loop below (a second loop would
// be compiled, and warmed up, on its own on every run). An exact tie on bar t−1
// counts as "not above", so a tie followed by a rise is a crossover. Where any of
// the four values is NaN (warm-up) the result is NaN: unknown, never a signal.

/** Fills `out` with crossover (direction 1) or crossunder (direction −1) of `a` over `b`; returns `out`. */
export function cross(a: Float64Array, b: Float64Array, direction: 1 | -1, out: Float64Array): Float64Array {
  return direction === 1 ? crossAbove(a, b, out) : crossAbove(b, a, out);
}

/** The bars where crossover (direction 1) or crossunder (direction −1) of `a` over `b` is 1, ascending: the sparse form of `cross`. */
export function crossBars(a: Float64Array, b: Float64Array, direction: 1 | -1): Int32Array {
  return direction === 1 ? barsAbove(a, b) : barsAbove(b, a);
}

function crossAbove(a: Float64Array, b: Float64Array, out: Float64Array): Float64Array {
  const n = a.length;
  if (n === 0) return out;
  out[0] = NaN;
  // Carries bar t−1's values in registers. Bitwise & rather than && : no
  // data-dependent branches, which random crossings mispredict. NaN fails every
  // comparison, so (x === x) is 0 exactly where a value is unknown.
  let a0 = a[0] as number;
  let b0 = b[0] as number;
  for (let t = 1; t < n; t++) {
    const a1 = a[t] as number;
    const b1 = b[t] as number;
    const known = (a0 === a0 ? 1 : 0) & (b0 === b0 ? 1 : 0) & (a1 === a1 ? 1 : 0) & (b1 === b1 ? 1 : 0);
    out[t] = known === 1 ? (a0 <= b0 ? 1 : 0) & (a1 > b1 ? 1 : 0) : NaN;
    a0 = a1;
    b0 = b1;
  }
  return out;
}

function barsAbove(a: Float64Array, b: Float64Array): Int32Array {
  const n = a.length;
  // Room for a crossing every 16 bars, doubled if ever exceeded: growing is rare, and the
  // first growth would leave the loop's optimised code (its path has never run).
  let bars = new Int32Array(Math.max(16, n >> 4));
  let count = 0;
  if (n === 0) return bars.subarray(0, 0);
  // NaN fails every comparison, so an unknown value never yields a crossing: no separate test.
  let below = (a[0] as number) <= (b[0] as number);
  for (let t = 1; t < n; t++) {
    const a1 = a[t] as number;
    const b1 = b[t] as number;
    if (below && a1 > b1) {
      if (count === bars.length) {
        const grown = new Int32Array(bars.length * 2);
        grown.set(bars);
        bars = grown;
      }
      bars[count++] = t;
    }
    below = a1 <= b1;
  }
  return bars.subarray(0, count);
}
