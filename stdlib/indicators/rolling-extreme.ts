// Highest and lowest value over the last `period` bars (this bar included), with a
// monotonic deque of indices: O(n) whatever the period. The deque lives in one
// preallocated Int32Array, so nothing is allocated per bar. A window containing a
// NaN yields NaN.

/** Fills `out` with the rolling maximum (sign 1) or minimum (sign −1) of `source`; returns `out`. */
export function rollingExtreme(source: Float64Array, period: number, sign: 1 | -1, out: Float64Array): Float64Array {
  const n = source.length;
  const deque = new Int32Array(n);
  let head = 0;
  let tail = 0;
  let lastNan = -1;
  for (let t = 0; t < n; t++) {
    const x = source[t] as number;
    if (x !== x) lastNan = t;
    else {
      const v = sign * x;
      while (tail > head && sign * (source[deque[tail - 1] as number] as number) <= v) tail--;
      deque[tail++] = t;
    }
    while (tail > head && (deque[head] as number) <= t - period) head++;
    out[t] = t < period - 1 || lastNan > t - period || tail === head ? NaN : (source[deque[head] as number] as number);
  }
  return out;
}
