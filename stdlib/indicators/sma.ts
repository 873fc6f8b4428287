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
//
// Why the loop looks the way it does: on millions of bars the loop runs once per
// call, in code V8 optimises while it runs (on-stack replacement). There, a running
// sum updated on only one side of a branch, or a NaN constant chosen per bar, makes
// V8 box the doubles into fresh heap numbers on every bar (a garbage collection
// every few thousand bars, twice the time). So the loop has no such branch: a NaN
// input counts as 0, which leaves the pair exactly as skipping it would (s + 0 = s,
// and the correction gains s − s + 0 = 0), and the NaN outputs (warm-up, windows
// holding a NaN) are written afterwards. Each stretch between rebuilds is its own
// call that starts from its own window, so nothing crosses calls but a NaN count,
// and nothing follows a loop that lacks type feedback.

const RESUM_BARS = 1 << 16;

/** Fills `out` with the simple moving average of `source` over `period` bars; returns `out`. */
export function sma(source: Float64Array, period: number, out: Float64Array): Float64Array {
  const n = source.length;
  const resumEvery = Math.max(RESUM_BARS, period);
  // The pair is rebuilt from the window at bars resumEvery - 1, 2 * resumEvery - 1, ...
  // (always full windows, as resumEvery >= period).
  let unknown = 0;
  for (let from = 0; from < n; from = from === 0 ? resumEvery - 1 : from + resumEvery) {
    const to = Math.min(n, from === 0 ? resumEvery - 1 : from + resumEvery);
    unknown += averages(source, out, period, from, to);
  }
  out.fill(NaN, 0, Math.min(n, period - 1));
  if (unknown > 0) maskUnknown(source, period, out);
  return out;
}

/**
 * Writes (s + c) / period for bars [from, to), NaN inputs counted as 0; returns how many
 * NaN inputs it read. From bar 0 the pair starts empty; from any later bar it is rebuilt
 * from the window ending there.
 */
function averages(source: Float64Array, out: Float64Array, period: number, from: number, to: number): number {
  let s = 0;
  let c = 0;
  let unknown = 0;
  let t = from;
  if (from > 0) {
    for (let k = from - period + 1; k <= from; k++) {
      const z0 = source[k] as number;
      const known = z0 === z0;
      const z = known ? z0 : 0;
      unknown += known ? 0 : 1;
      const u = s + z;
      const v = u - s;
      c += s - (u - v) + (z - v);
      s = u;
    }
    out[from] = (s + c) / period;
    t = from + 1;
  }
  for (; t < to; t++) {
    const x0 = source[t] as number;
    const known = x0 === x0;
    const x = known ? x0 : 0;
    unknown += known ? 0 : 1;
    let u = s + x;
    let v = u - s;
    c += s - (u - v) + (x - v);
    s = u;
    if (t >= period) {
      const y0 = source[t - period] as number;
      const y = y0 === y0 ? -y0 : 0;
      u = s + y;
      v = u - s;
      c += s - (u - v) + (y - v);
      s = u;
    }
    out[t] = (s + c) / period;
  }
  return unknown;
}

/** Sets to NaN every average whose window holds a NaN input. */
function maskUnknown(source: Float64Array, period: number, out: Float64Array): void {
  const n = source.length;
  for (let i = 0; i < n; i++) {
    const x = source[i] as number;
    if (x !== x) out.fill(NaN, i, Math.min(n, i + period));
  }
}
