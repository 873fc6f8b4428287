// Wilder's smoothing (the "running moving average", alpha = 1/period), shared by
// rsi and atr: seeded with the simple average of the first `period` values, then
// avg = (avg × (period − 1) + x) / period, the form TA-Lib uses.

/** Wilder-smooths `source` into `out` from index `start`; bars before `start` and the warm-up are NaN. NaN restarts the seed. */
export function wilderSmooth(source: Float64Array, period: number, out: Float64Array, start = 0): Float64Array {
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
      value = (value * (period - 1) + x) / period;
      out[t] = value;
    }
  }
  return out;
}
