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
  // Bitwise & rather than && : no data-dependent branches, which random crossings
  // mispredict. NaN fails every comparison, so (x === x) is 0 exactly where a value is
  // unknown. Bar t−1's values are read again rather than carried in variables: V8 boxes
  // doubles carried from one iteration to the next of a loop it optimises while it runs
  // (a fresh heap number per value per bar).
  for (let t = 1; t < n; t++) {
    const a0 = a[t - 1] as number;
    const b0 = b[t - 1] as number;
    const a1 = a[t] as number;
    const b1 = b[t] as number;
    const known = (a0 === a0 ? 1 : 0) & (b0 === b0 ? 1 : 0) & (a1 === a1 ? 1 : 0) & (b1 === b1 ? 1 : 0);
    out[t] = known === 1 ? (a0 <= b0 ? 1 : 0) & (a1 > b1 ? 1 : 0) : NaN;
  }
  return out;
}

function barsAbove(a: Float64Array, b: Float64Array): Int32Array {
  const n = a.length;
  // Room for a crossing every 16 bars, doubled if ever exceeded.
  let bars = new Int32Array(Math.max(16, n >> 4));
  if (n === 0) return bars.subarray(0, 0);
  // NaN fails every comparison, so an unknown value never yields a crossing: no separate test.
  let count = scanAbove(a, b, bars, 0, 1, (a[0] as number) <= (b[0] as number));
  while (count === bars.length) {
    const grown = new Int32Array(bars.length * 2);
    grown.set(bars);
    bars = grown;
    // Resume after the last crossing, where a was above b (not below).
    count = scanAbove(a, b, bars, count, (bars[count - 1] as number) + 1, false);
  }
  return bars.subarray(0, count);
}

/**
 * Appends to `bars` (holding `count` crossings) the crossings from bar `from` on, `below`
 * telling whether a was at or below b on bar from − 1; stops when `bars` is full. Returns
 * the new count. The scan is a function of its own that returns a plain integer: code after
 * a loop V8 optimised while it ran has no type feedback on the first call, and a property
 * access there (the subarray) would throw the optimised loop away on every call.
 */
function scanAbove(a: Float64Array, b: Float64Array, bars: Int32Array, count: number, from: number, below: boolean): number {
  const n = a.length;
  const capacity = bars.length;
  let k = count;
  let wasBelow = below;
  for (let t = from; t < n; t++) {
    const a1 = a[t] as number;
    const b1 = b[t] as number;
    if (wasBelow && a1 > b1) {
      bars[k++] = t;
      if (k === capacity) return k;
    }
    wasBelow = a1 <= b1;
  }
  return k;
}
