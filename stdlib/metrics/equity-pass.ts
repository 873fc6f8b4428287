// One pass over the per-bar equity curve for everything that reads it bar by bar:
// mean equity (turnover), maximum drawdown, and the mean and sample stdev of
// per-bar returns (sharpe(step)). One pass and one division per bar: on millions
// of bars the passes, not the arithmetic, are the cost.
//
// Drawdown: the peak starts at the initial cash; a drawdown is only computed (one
// division) when the equity comes within 1e-12 of the level of the worst drawdown
// so far, peak × (1 − worst), or below it; the margin covers that level's own
// rounding, so no larger drawdown is missed.
// Step returns: sums shifted by the first return (Σ(r − K), Σ(r − K)²), which keeps
// the variance accurate when returns are tiny against their mean.

/** What one pass over the equity curve yields. */
export interface EquityPass {
  /** Mean per-bar equity; NaN without bars. */
  readonly meanEquity: number;
  /** Largest (peak − equity) / peak, capped at 1; 0 without bars. */
  readonly maxDrawdown: number;
  /** Number of per-bar returns (the first is against the initial cash). */
  readonly stepCount: number;
  readonly stepMean: number;
  /** Sample stdev of per-bar returns; NaN with fewer than two. */
  readonly stepStdev: number;
}

/** Computes the equity-curve statistics in one pass. */
export function equityPass(equity: Float64Array, initialCash: number): EquityPass {
  const n = equity.length;
  let sum = 0;
  let peak = initialCash;
  let worst = 0;
  let floor = peak;
  let prev = initialCash;
  const shift = n > 0 ? (equity[0] as number) / initialCash - 1 : 0;
  let s1 = 0;
  let s2 = 0;
  for (let i = 0; i < n; i++) {
    const v = equity[i] as number;
    sum += v;
    if (v > peak) {
      peak = v;
      floor = peak * (1 - worst);
    } else if (v < floor + Math.abs(floor) * 1e-12) {
      const dd = (peak - v) / peak;
      if (dd > worst) {
        worst = dd;
        floor = peak * (1 - worst);
      }
    }
    const d = v / prev - 1 - shift;
    s1 += d;
    s2 += d * d;
    prev = v;
  }
  const stepMean = n > 0 ? shift + s1 / n : NaN;
  const stepStdev = n > 1 ? Math.sqrt(Math.max(0, (s2 - (s1 * s1) / n) / (n - 1))) : NaN;
  return { meanEquity: n > 0 ? sum / n : NaN, maxDrawdown: Math.min(worst, 1), stepCount: n, stepMean, stepStdev };
}
