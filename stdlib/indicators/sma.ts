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

// The running state between calls of `accumulate`: s, c (the Neumaier pair) and the NaN
// count of the window. Module scratch, so the loop allocates nothing.
const state = new Float64Array(3);
const S = 0, C = 1, NANS = 2;

/** Fills `out` with the simple moving average of `source` over `period` bars; returns `out`. */
export function sma(source: Float64Array, period: number, out: Float64Array): Float64Array {
  const n = source.length;
  const resumEvery = Math.max(RESUM_BARS, period);
  state[S] = 0;
  state[C] = 0;
  state[NANS] = 0;
  // The pair is rebuilt from the window at bars resumEvery - 1, 2 * resumEvery - 1, ...
  // (always full windows, as resumEvery >= period). The hot loop lives in `accumulate`,
  // with no rebuild inside it: code that first runs at bar 65,535 would have no type
  // feedback when V8 optimises the loop and would throw it back to the interpreter.
  let from = 0;
  for (let rebuildAt = resumEvery - 1; from < n; rebuildAt += resumEvery) {
    const to = Math.min(n, rebuildAt);
    accumulate(source, out, period, from, to);
    if (to === n) break;
    rebuild(source, out, period, rebuildAt);
    from = rebuildAt + 1;
  }
  return out;
}

/** Bars [from, to): add the new bar, drop the one leaving, write the average. */
function accumulate(source: Float64Array, out: Float64Array, period: number, from: number, to: number): void {
  const firstFull = period - 1;
  let s = state[S] as number;
  let c = state[C] as number;
  let nans = state[NANS] as number;
  for (let t = from; t < to; t++) {
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
    out[t] = t >= firstFull && nans === 0 ? (s + c) / period : NaN;
  }
  state[S] = s;
  state[C] = c;
  state[NANS] = nans;
}

/** Bar t, where the pair is rebuilt from the window source[t - period + 1 .. t] (NaNs skipped). */
function rebuild(source: Float64Array, out: Float64Array, period: number, t: number): void {
  // The running pair is replaced, so of this bar's step only the NaN count matters.
  let nans = state[NANS] as number;
  const x = source[t] as number;
  if (x !== x) nans++;
  if (t >= period) {
    const y = source[t - period] as number;
    if (y !== y) nans--;
  }
  let s = 0;
  let c = 0;
  for (let k = t - period + 1; k <= t; k++) {
    const z = source[k] as number;
    if (z !== z) continue;
    const u = s + z;
    const v = u - s;
    c += s - (u - v) + (z - v);
    s = u;
  }
  state[S] = s;
  state[C] = c;
  state[NANS] = nans;
  out[t] = nans === 0 ? (s + c) / period : NaN;
}
