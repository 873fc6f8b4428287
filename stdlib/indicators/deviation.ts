// Rolling standard deviation around a precomputed rolling mean, shared by stdev,
// zscore and bollinger. Two-pass per window (sum of squared deviations from the
// window's mean) instead of E[x²] − E[x]², which cancels catastrophically on prices.
// Bar t reads only mean[t] before it writes out[t], so `out` may be `mean` itself:
// stdev and zscore compute in place instead of filling a second multi-megabyte array.

/** Fills `out` with sqrt(Σ(x − mean)² / (period − ddof)) over each window; NaN where `mean` is NaN. `out` may be `mean`. Returns `out`. */
export function rollingDeviation(source: Float64Array, period: number, mean: Float64Array, ddof: 0 | 1, out: Float64Array): Float64Array {
  const divisor = period - ddof;
  const n = source.length;
  if (divisor <= 0) return out.fill(NaN, 0, n);
  for (let t = 0; t < n; t++) {
    const m = mean[t] as number;
    if (m !== m) out[t] = NaN;
    else out[t] = Math.sqrt(squaredDeviations(source, t - period + 1, t, m) / divisor);
  }
  return out;
}

/**
 * Replaces the rolling mean in `meanOut` with the z-score (source − mean) / sample
 * stdev over each window: NaN where the mean is NaN or the window is flat (stdev 0).
 */
export function rollingZscoreInPlace(source: Float64Array, period: number, meanOut: Float64Array): Float64Array {
  const divisor = period - 1;
  const n = source.length;
  if (divisor <= 0) return meanOut.fill(NaN, 0, n);
  for (let t = 0; t < n; t++) {
    // Stores in branches, not a value chosen between NaN and a double: V8 would box that
    // double on every bar of a loop it optimises while it runs.
    const m = meanOut[t] as number;
    if (m !== m) {
      meanOut[t] = NaN;
      continue;
    }
    const sd = Math.sqrt(squaredDeviations(source, t - period + 1, t, m) / divisor);
    if (sd > 0) meanOut[t] = ((source[t] as number) - m) / sd;
    else meanOut[t] = NaN;
  }
  return meanOut;
}

/** Σ (source[k] − m)² for k in [from, to], summed in index order. */
function squaredDeviations(source: Float64Array, from: number, to: number, m: number): number {
  let sum = 0;
  for (let k = from; k <= to; k++) {
    const d = (source[k] as number) - m;
    sum += d * d;
  }
  return sum;
}
