// Numeric helpers shared by the built-in models: simple returns, rolling mean and sample standard
// deviation that stay exact over millions of bars, and the normal CDF used to map a t-statistic
// to a confidence. Every function fills a preallocated output; nothing is allocated per bar.

/** Highest confidence reported: Φ rounds to 1 beyond |t| ≈ 8.3, and a model is never certain. */
export const MAX_CONFIDENCE = 1 - 2 ** -30;

/** out[t] = close[t] / close[t − 1] − 1 for t ≥ 1; out[0] = NaN. */
export function simpleReturns(close: Float64Array, out: Float64Array): void {
  out[0] = NaN;
  for (let t = 1; t < close.length; t++) out[t] = (close[t] ?? NaN) / (close[t - 1] ?? NaN) - 1;
}

/**
 * Rolling mean and sample standard deviation (n − 1) of values[t − window + 1 .. t], for every t
 * with t − window + 1 ≥ first; other entries NaN. Updates are Welford-style (add one, drop one), and
 * the window is recomputed exactly (two passes) every `window` steps so rounding cannot drift, and
 * also whenever the sum of squares has fallen below 1e-6 of its largest value since the last exact
 * pass: after a volatile stretch leaves the window, the remainder would be mostly rounding error
 * (a flat window would show a small positive deviation instead of 0).
 */
export function rollingMeanStd(values: Float64Array, first: number, window: number, mean: Float64Array, std: Float64Array): void {
  mean.fill(NaN);
  std.fill(NaN);
  const n = values.length;
  let m = 0;
  let m2 = 0;
  let peak = 0;
  let sinceExact = 0;
  for (let t = first + window - 1; t < n; t++) {
    if (sinceExact > 0) {
      const incoming = values[t] ?? 0;
      const outgoing = values[t - window] ?? 0;
      const previous = m;
      m += (incoming - outgoing) / window;
      m2 += (incoming - outgoing) * (incoming - m + outgoing - previous);
      if (m2 > peak) peak = m2;
    }
    if (sinceExact === 0 || sinceExact >= window || m2 < peak * 1e-6) {
      m = 0;
      for (let k = t - window + 1; k <= t; k++) m += values[k] ?? 0;
      m /= window;
      m2 = 0;
      for (let k = t - window + 1; k <= t; k++) {
        const d = (values[k] ?? 0) - m;
        m2 += d * d;
      }
      peak = m2;
      sinceExact = 0;
    }
    sinceExact++;
    mean[t] = m;
    std[t] = Math.sqrt(m2 / (window - 1));
  }
}

/** Complementary error function; fractional error below 1.2e-7 (Chebyshev fit, Numerical Recipes §6.2). */
function erfc(x: number): number {
  const z = Math.abs(x);
  const t = 1 / (1 + 0.5 * z);
  const poly = -1.26551223 + t * (1.00002368 + t * (0.37409196 + t * (0.09678418 + t * (-0.18628806 + t * (0.27886807 + t * (-1.13520398 + t * (1.48851587 + t * (-0.82215223 + t * 0.17087277))))))));
  const r = t * Math.exp(-z * z + poly);
  return x >= 0 ? r : 2 - r;
}

/** Standard normal CDF Φ(x). */
export function normalCdf(x: number): number {
  return 0.5 * erfc(-x / Math.SQRT2);
}

/**
 * Maps a test statistic to a confidence in [0.5, 1): Φ(|stat|), the probability under a normal
 * approximation that the true value has the sign of the estimate. 0 ↦ 0.5, 1 ↦ 0.841, 2 ↦ 0.977;
 * capped at MAX_CONFIDENCE. NaN stays NaN.
 */
export function confidenceFromStat(stat: number): number {
  if (Number.isNaN(stat)) return NaN;
  // The erfc fit is off by ~1e-8 near 0; clamp so the documented range holds exactly.
  return Math.min(Math.max(normalCdf(Math.abs(stat)), 0.5), MAX_CONFIDENCE);
}
