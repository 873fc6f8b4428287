// One pass over the per-bar equity curve for everything that reads it bar by bar:
// mean equity (turnover), maximum drawdown, the mean and sample stdev of per-bar
// returns (sharpe(step)), the bars with a position (exposure), and the tallies of the per-bar returns that the daily
// statistics need when every bar is its own UTC day (daily-own-day.ts). One pass and
// one division per bar: on millions of bars the passes, not the arithmetic, are the cost.
//
// Drawdown: the peak starts at the initial cash; a drawdown is only computed (one
// division) when the equity comes within 1e-12 of the level of the worst drawdown
// so far, peak × (1 − worst), or below it; the margin covers that level's own
// rounding, so no larger drawdown is missed.
// Step returns: sums shifted by the first return (Σ(r − K), Σ(r − K)²), which keeps
// the variance accurate when returns are tiny against their mean.
// Return tallies: the same values, in the same order, as the daily summary
// (daily-returns.ts), so a series of one bar per day gets bit-identical statistics.

import { signSums } from "./daily-returns.js";

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
  /** Σ exposed over the bars (bars with a position at the close, for 0/1 flags). */
  readonly exposedBars: number;
  /** Tallies of the per-bar returns r, summed in bar order. */
  readonly returns: ReturnTallies;
}

/** Sums over a return series r that need no mean, each summed in series order. */
export interface ReturnTallies {
  /** Σ r. */
  readonly sum: number;
  /** Σ min(r, 0)². */
  readonly downsideSquares: number;
  /** Σ max(r, 0) and −Σ min(r, 0). */
  readonly gains: number;
  readonly losses: number;
  /** Returns with r > 0 and with r ≠ 0. */
  readonly upDays: number;
  readonly movedDays: number;
}

/** Computes the equity-curve statistics in one pass; `exposed` has one flag per bar (the same length as `equity`; none set when omitted). */
export function equityPass(equity: Float64Array, initialCash: number, exposed: Uint8Array = new Uint8Array(equity.length)): EquityPass {
  const n = equity.length;
  let exposedBars = 0;
  let sum = 0;
  let peak = initialCash;
  let worst = 0;
  let floor = peak;
  let prev = initialCash;
  const shift = n > 0 ? (equity[0] as number) / initialCash - 1 : 0;
  let s1 = 0;
  let s2 = 0;
  let rSum = 0;
  let downsideSquares = 0;
  let gains = 0;
  let losses = 0;
  let upDays = 0;
  let movedDays = 0;
  for (let i = 0; i < n; i++) {
    const v = equity[i] as number;
    sum += v;
    exposedBars += exposed[i] as number;
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
    const r = v / prev - 1;
    const d = r - shift;
    s1 += d;
    s2 += d * d;
    prev = v;
    rSum += r;
    // min(r, 0) and max(r, 0) without branches on the sign of r (summarise in daily-returns.ts says why, and why exactly).
    const half = 0.5 * r;
    const halfAbs = 0.5 * Math.abs(r);
    const down = half - halfAbs;
    downsideSquares += down * down;
    gains += half + halfAbs;
    losses -= down;
    upDays += +(r > 0);
    movedDays += +(r !== 0);
  }
  // An infinite return (equity from 0) makes the branch-free sums NaN: recount them by definition.
  const signs = Number.isFinite(gains) && Number.isFinite(losses) ? { downsideSquares, gains, losses } : signSums(barReturns(equity, initialCash));
  const stepMean = n > 0 ? shift + s1 / n : NaN;
  const stepStdev = n > 1 ? Math.sqrt(Math.max(0, (s2 - (s1 * s1) / n) / (n - 1))) : NaN;
  return {
    meanEquity: n > 0 ? sum / n : NaN,
    maxDrawdown: Math.min(worst, 1),
    stepCount: n,
    stepMean,
    stepStdev,
    exposedBars,
    returns: { sum: rSum, ...signs, upDays, movedDays },
  };
}

/** The per-bar returns as an array (the rare recount above). */
function barReturns(equity: Float64Array, initialCash: number): Float64Array {
  const out = new Float64Array(equity.length);
  let prev = initialCash;
  for (let i = 0; i < equity.length; i++) {
    const v = equity[i] as number;
    out[i] = v / prev - 1;
    prev = v;
  }
  return out;
}
