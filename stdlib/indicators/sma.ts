// Simple moving average over `period` bars with a compensated running sum.
//
// Why compensated: a plain running sum (add the new bar, subtract the bar that
// leaves) accumulates rounding error, so after millions of bars two averages that
// are mathematically equal can differ in the last bit and an exact tie no longer
// decides a crossover. The sum is kept as a Neumaier pair (s, c): s + c carries the
// bits a plain sum would drop, and the pair is rebuilt from the window every
// RESUM_BARS bars so the correction term cannot accumulate its own rounding.
// When the exact window sum is representable, (s + c) / period is the correctly
// rounded average, bit for bit equal to a direct sum.
//
// NaN inputs: a window containing a NaN yields NaN; the output recovers once the NaN
// has left the window. The first period - 1 bars are NaN (warm-up).

const RESUM_BARS = 1 << 16;

/** Fills `out` with the simple moving average of `source` over `period` bars; returns `out`. */
export function sma(source: Float64Array, period: number, out: Float64Array): Float64Array {
  const n = source.length;
  const resumEvery = Math.max(RESUM_BARS, period);
  let s = 0;
  let c = 0;
  let nans = 0;
  let sinceResum = 0;
  for (let t = 0; t < n; t++) {
    const x = source[t] as number;
    if (x === x) {
      const u = s + x;
      const v = u - s;
      c += s - (u - v) + (x - v);
      s = u;
    } else nans++;
    if (t >= period) {
      const y = -(source[t - period] as number);
      if (y === y) {
        const u = s + y;
        const v = u - s;
        c += s - (u - v) + (y - v);
        s = u;
      } else nans--;
    }
    if (++sinceResum >= resumEvery && t >= period - 1) {
      sinceResum = 0;
      s = 0;
      c = 0;
      for (let k = t - period + 1; k <= t; k++) {
        const z = source[k] as number;
        if (z !== z) continue;
        const u = s + z;
        const v = u - s;
        c += s - (u - v) + (z - v);
        s = u;
      }
    }
    out[t] = t >= period - 1 && nans === 0 ? (s + c) / period : NaN;
  }
  return out;
}
