// The seeded recursive averages: an EMA (alpha = 2 / (period + 1)) and Wilder's smoothing
// (alpha = 1 / period, for rsi and atr). Both start from the simple average of the first
// `period` valid values (as TA-Lib does), so the first value is at index start + period - 1;
// a NaN input yields NaN and restarts the seed, and the average resumes `period` valid bars
// later. Each keeps the update formula its reference tool uses, so results match bit for bit:
// ema  value = (x − value) × alpha + value
// wilder  value = (value × (period − 1) + x) / period
//
// Why the code is split the way it is: on millions of bars each loop runs once, in code V8
// optimises while it runs, and there a double updated on only one side of a branch (the
// average during the seed vs after it) or chosen per bar between NaN and a value is boxed
// into a fresh heap number on every bar. So each run of valid values is one call that sums
// its seed, then updates the average unconditionally until the next NaN; the NaN outputs
// (before `start`, seeds, NaN inputs) are filled outside those loops.

import { forEachValidRun } from "./valid-runs.js";

/** Which recursion to run after the seed. */
export type SeededAverageKind = "ema" | "wilder";

/** Fills `out` with the seeded average of `source` over `period` bars from index `start` (earlier bars NaN); returns `out`. */
export function seededAverage(kind: SeededAverageKind, source: Float64Array, period: number, out: Float64Array, start = 0): Float64Array {
  // A stretch's seed needs `period` valid values; its first output is the seed's last bar.
  forEachValidRun(source, out, start, period, kind === "wilder" ? (from) => wilderRun(source, period, out, from) : (from) => emaRun(source, period, out, from));
  return out;
}

/** The EMA of the run of valid values from `from` (its first `period` known valid), written from its seed on; returns the index of the NaN that ends the run, or n. */
function emaRun(source: Float64Array, period: number, out: Float64Array, from: number): number {
  const n = source.length;
  const last = from + period - 1;
  let seed = 0;
  for (let k = from; k < last; k++) seed += source[k] as number;
  let value = (seed + (source[last] as number)) / period;
  out[last] = value;
  const alpha = 2 / (period + 1);
  for (let t = last + 1; t < n; t++) {
    const x = source[t] as number;
    if (x !== x) return t;
    value = (x - value) * alpha + value;
    out[t] = value;
  }
  return n;
}

/** Wilder's smoothing of the run of valid values from `from`, as emaRun. */
function wilderRun(source: Float64Array, period: number, out: Float64Array, from: number): number {
  const n = source.length;
  const last = from + period - 1;
  let seed = 0;
  for (let k = from; k < last; k++) seed += source[k] as number;
  let value = (seed + (source[last] as number)) / period;
  out[last] = value;
  const keep = period - 1;
  for (let t = last + 1; t < n; t++) {
    const x = source[t] as number;
    if (x !== x) return t;
    value = (value * keep + x) / period;
    out[t] = value;
  }
  return n;
}
