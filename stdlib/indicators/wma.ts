// Linearly weighted moving average: weights 1..period, the newest bar weighted
// `period`, divided by period × (period + 1) / 2. Computed directly over each window
// (O(period) per bar) rather than with a running numerator, so no error accumulates.
// A window containing a NaN yields NaN.

/** Fills `out` with the WMA of `source` over `period` bars; returns `out`. */
export function wma(source: Float64Array, period: number, out: Float64Array): Float64Array {
  const denominator = (period * (period + 1)) / 2;
  for (let t = 0; t < source.length; t++) {
    if (t < period - 1) {
      out[t] = NaN;
      continue;
    }
    let sum = 0;
    for (let k = 0; k < period; k++) sum += (k + 1) * (source[t - period + 1 + k] as number);
    out[t] = sum / denominator;
  }
  return out;
}
