// Exponential moving average, alpha = 2 / (period + 1), seeded with the simple
// average of the first `period` values (as TA-Lib and TradingView do), so the
// first value is at index period - 1. A NaN input yields NaN and restarts the
// seed: the average resumes `period` valid bars later.

/** Fills `out` with the EMA of `source` over `period` bars; returns `out`. */
export function ema(source: Float64Array, period: number, out: Float64Array): Float64Array {
  const alpha = 2 / (period + 1);
  let valid = 0;
  let seed = 0;
  let value = NaN;
  for (let t = 0; t < source.length; t++) {
    const x = source[t] as number;
    if (x !== x) {
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
      value = (x - value) * alpha + value;
      out[t] = value;
    }
  }
  return out;
}
