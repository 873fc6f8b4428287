// Wilder's relative strength index. Up and down moves of consecutive values are
// Wilder-smoothed (alpha 1/period), each seeded with the mean of the first
// `period` moves, so the first value is at index `period`.
// RSI = 100 × up / (up + down). Conventions for empty denominators follow
// backtrader's safe division: no down moves → 100, no moves at all → 50.
// A NaN value restarts the averages.
//
// The loops are split as in seeded-average.ts (one call per run of valid values, the
// averages updated unconditionally, NaN outputs filled outside the loops) so that V8
// does not box the averages into fresh heap numbers on every bar; the previous value is
// read again rather than carried over from the last bar, for the same reason.

import { forEachValidRun } from "./valid-runs.js";

/** Fills `out` with Wilder's RSI of `source` over `period` bars; returns `out`. */
export function rsi(source: Float64Array, period: number, out: Float64Array): Float64Array {
  // A stretch's first value is at bar from + period: it needs period + 1 values (period moves).
  forEachValidRun(source, out, 0, period + 1, (from) => rsiRun(source, period, out, from));
  return out;
}

/** The RSI of the run of valid values from `from` (its first period + 1 known valid), written from bar from + period; returns the index of the NaN that ends the run, or n. */
function rsiRun(source: Float64Array, period: number, out: Float64Array, from: number): number {
  const n = source.length;
  const last = from + period;
  let up = 0;
  let down = 0;
  for (let t = from + 1; t < last; t++) {
    const change = (source[t] as number) - (source[t - 1] as number);
    up += change > 0 ? change : 0;
    down += change < 0 ? -change : 0;
  }
  const change = (source[last] as number) - (source[last - 1] as number);
  up = (up + (change > 0 ? change : 0)) / period;
  down = (down + (change < 0 ? -change : 0)) / period;
  let total = up + down;
  out[last] = total === 0 ? 50 : down === 0 ? 100 : (100 * up) / total;
  const keep = period - 1;
  for (let t = last + 1; t < n; t++) {
    const x = source[t] as number;
    if (x !== x) return t;
    const move = x - (source[t - 1] as number);
    up = (up * keep + (move > 0 ? move : 0)) / period;
    down = (down * keep + (move < 0 ? -move : 0)) / period;
    total = up + down;
    out[t] = total === 0 ? 50 : down === 0 ? 100 : (100 * up) / total;
  }
  return n;
}
