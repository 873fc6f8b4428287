// Daily returns of any bar series, the general path: the returns are written to an
// array (one per UTC day), then summarised in a second pass around their mean.
//
// Daily sampling: the equity of a UTC day is the last bar's equity that day; the
// first day's return is taken against the initial cash, each later day's against
// the previous sampled day. Days without bars do not exist (no zero returns are
// invented for weekends). daily-own-day.ts computes the same statistics without the
// array when every bar is its own day; the two must agree bit for bit.

import type { MetricInput } from "./input.js";
import { DAY_MS, EXACT_MIDNIGHTS } from "./utc-days.js";

/** Mean and sample stdev of a return series (NaN when undefined), with its length. */
export interface ReturnStats {
  readonly count: number;
  readonly mean: number;
  readonly stdev: number;
}

/** Everything the daily metrics need from the daily returns. */
export interface DailyStats extends ReturnStats {
  /** Σ min(r, 0)², for Sortino's downside deviation. */
  readonly downsideSquares: number;
  /** Σ max(r, 0) and Σ max(−r, 0), for omega. */
  readonly gains: number;
  readonly losses: number;
  /** Days with r > 0 and days with r ≠ 0, for hit_rate. */
  readonly upDays: number;
  readonly movedDays: number;
}

/**
 * Deviations from the mean `m` and the tallies, in one pass over the daily returns.
 *
 * Branch-free parts: up and down days alternate at random, so branches on the sign
 * of r mispredict about every other day (that cost three times the arithmetic). For
 * finite r, min(r, 0) = r/2 − |r|/2 and max(r, 0) = r/2 + |r|/2 exactly, signed zeros
 * included: halving is exact because a return e / e' − 1 is 0 or at least 2^-53 in
 * magnitude (never subnormal). An infinite r makes these NaN, so a non-finite sum of
 * gains or losses sends the three sums to signSums (Math.min / Math.max, as defined).
 * The tallies of equity-pass.ts use the same expressions.
 */
export function summarise(returns: Float64Array, m: number): DailyStats {
  const n = returns.length;
  let squares = 0;
  let downsideSquares = 0;
  let gains = 0;
  let losses = 0;
  let upDays = 0;
  let movedDays = 0;
  for (let i = 0; i < n; i++) {
    const r = returns[i] as number;
    const d = r - m;
    squares += d * d;
    const half = 0.5 * r;
    const halfAbs = 0.5 * Math.abs(r);
    const down = half - halfAbs;
    downsideSquares += down * down;
    gains += half + halfAbs;
    losses -= down;
    upDays += +(r > 0);
    movedDays += +(r !== 0);
  }
  const stdev = n < 2 ? NaN : Math.sqrt(squares / (n - 1));
  if (!(Number.isFinite(gains) && Number.isFinite(losses))) return { count: n, mean: m, stdev, ...signSums(returns), upDays, movedDays };
  return { count: n, mean: m, stdev, downsideSquares, gains, losses, upDays, movedDays };
}

/** Σ min(r, 0)², Σ max(r, 0) and −Σ min(r, 0) in order, by definition (for returns that are not all finite). */
export function signSums(returns: Float64Array): { downsideSquares: number; gains: number; losses: number } {
  let downsideSquares = 0;
  let gains = 0;
  let losses = 0;
  for (let i = 0; i < returns.length; i++) {
    const r = returns[i] as number;
    const down = Math.min(r, 0);
    downsideSquares += down * down;
    gains += Math.max(r, 0);
    losses -= down;
  }
  return { downsideSquares, gains, losses };
}

/** Writes the daily returns into `out` (room for one per bar); returns how many there are and their sum in day order (mean's numerator, bit for bit). */
export function computeDailyReturns(input: MetricInput, out: Float64Array): { count: number; sum: number } {
  const { time, equity } = input;
  const n = time.length;
  let count = 0;
  let sum = 0;
  let prevEquity = input.initialCash;
  // Times are sorted: a day ends where the next bar reaches the next UTC midnight.
  // Consecutive days (most of them) step the midnight by one day; only after a gap
  // (a weekend, a holiday, missing data) is it recomputed with a division.
  let nextMidnight = n > 0 ? (Math.floor((time[0] as number) / DAY_MS) + 1) * DAY_MS : 0;
  for (let i = 0; i + 1 < n; i++) {
    const next = time[i + 1] as number;
    if (next >= nextMidnight) {
      const e = equity[i] as number;
      const r = e / prevEquity - 1;
      out[count++] = r;
      sum += r;
      prevEquity = e;
      nextMidnight =
        next <= nextMidnight + (DAY_MS - 1) && nextMidnight < EXACT_MIDNIGHTS && nextMidnight > -EXACT_MIDNIGHTS
          ? nextMidnight + DAY_MS
          : (Math.floor(next / DAY_MS) + 1) * DAY_MS;
    }
  }
  if (n > 0) {
    const r = (equity[n - 1] as number) / prevEquity - 1;
    out[count++] = r;
    sum += r;
  }
  return { count, sum };
}
