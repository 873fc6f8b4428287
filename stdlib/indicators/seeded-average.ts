// The seeded recursive averages: an EMA (alpha = 2 / (period + 1)) and Wilder's smoothing
// (alpha = 1 / period, for rsi and atr). Both start from the simple average of the first
// `period` valid values (as TA-Lib does), so the first value is at index start + period - 1;
// a NaN input yields NaN and restarts the seed, and the average resumes `period` valid bars
// later. Each keeps the update formula its reference tool uses, so results match bit for bit:
// ema  value = (x − value) × alpha + value
// wilder  value = (value × (period − 1) + x) / period

/** Which recursion to run after the seed. */
export type SeededAverageKind = "ema" | "wilder";

/** Fills `out` with the seeded average of `source` over `period` bars from index `start` (earlier bars NaN); returns `out`. */
export function seededAverage(kind: SeededAverageKind, source: Float64Array, period: number, out: Float64Array, start = 0): Float64Array {
  const wilder = kind === "wilder";
  const alpha = 2 / (period + 1);
  let valid = 0;
  let seed = 0;
  let value = NaN;
  for (let t = 0; t < source.length; t++) {
    const x = source[t] as number;
    if (t < start || x !== x) {
      valid = 0;
      seed = 0;
      out[t] = NaN;
      continue;
    }
    valid++;
    if (valid < period) {
      seed += x;
      out[t] = NaN;
    } else if (valid === period) {
      value = (seed + x) / period;
      out[t] = value;
    } else {
      value = wilder ? (value * (period - 1) + x) / period : (x - value) * alpha + value;
      out[t] = value;
    }
  }
  return out;
}
