// Rolling standard deviation around a precomputed rolling mean, shared by stdev,
// zscore and bollinger. Two-pass per window (sum of squared deviations from the
// window's mean) instead of E[x²] − E[x]², which cancels catastrophically on prices.

/** Fills `out` with sqrt(Σ(x − mean)² / (period − ddof)) over each window; NaN where `mean` is NaN. Returns `out`. */
export function rollingDeviation(source: Float64Array, period: number, mean: Float64Array, ddof: 0 | 1, out: Float64Array): Float64Array {
  const divisor = period - ddof;
  for (let t = 0; t < source.length; t++) {
    const m = mean[t] as number;
    if (m !== m || divisor <= 0) {
      out[t] = NaN;
      continue;
    }
    let sum = 0;
    for (let k = t - period + 1; k <= t; k++) {
      const d = (source[k] as number) - m;
      sum += d * d;
    }
    out[t] = Math.sqrt(sum / divisor);
  }
  return out;
}
