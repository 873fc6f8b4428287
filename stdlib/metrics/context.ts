// The derived series every return-based metric reads, computed once per input:
// daily returns (UTC-day buckets, summed as they are made) and their statistics
// (one more pass), one pass over the per-bar equity (equity-pass.ts), the worst
// days for VaR, the calendar span in years.
//
// Daily sampling: the equity of a UTC day is the last bar's equity that day; the
// first day's return is taken against the initial cash, each later day's against
// the previous sampled day. Days without bars do not exist (no zero returns are
// invented for weekends).

import type { MetricInput } from "./input.js";
import { equityPass, type EquityPass } from "./equity-pass.js";
import { smallestK } from "./tail-select.js";

const DAY_MS = 86_400_000;
/** Milliseconds in an average calendar year (365.25 days), for spans and step annualisation. */
export const YEAR_MS = 365.25 * DAY_MS;

/** Mean and sample stdev of a return series (NaN when undefined), with its length. */
export interface ReturnStats {
  readonly count: number;
  readonly mean: number;
  readonly stdev: number;
}

/** Everything the daily metrics need from the daily returns, gathered in two passes. */
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

/** Lazily derived views of one MetricInput, shared by the metrics of one report. */
export class MetricContext {
  readonly input: MetricInput;
  private daily: Float64Array | undefined;
  /** Σ of the daily returns in day order, summed while they are computed (the mean's numerator). */
  private dailySum = 0;
  private dailyStatsCache: DailyStats | undefined;
  private equityCache: EquityPass | undefined;
  private readonly tails = new Map<number, Float64Array>();

  constructor(input: MetricInput) {
    this.input = input;
  }

  /** Final equity (the initial cash when the curve is empty). */
  get finalEquity(): number {
    const e = this.input.equity;
    return e.length === 0 ? this.input.initialCash : (e[e.length - 1] as number);
  }

  /** Calendar span of the equity curve in years (days / 365.25); 0 for fewer than two bars. */
  get years(): number {
    const t = this.input.time;
    return t.length < 2 ? 0 : ((t[t.length - 1] as number) - (t[0] as number)) / YEAR_MS;
  }

  /** The statistics of the daily returns (one return per distinct UTC day). */
  get dailyStats(): DailyStats {
    if (this.dailyStatsCache === undefined) {
      const returns = this.dailyReturns();
      this.dailyStatsCache = summarise(returns, returns.length === 0 ? NaN : this.dailySum / returns.length);
    }
    return this.dailyStatsCache;
  }

  /** Mean equity, maximum drawdown and per-bar return statistics, from one pass over the equity curve. */
  get equity(): EquityPass {
    if (this.equityCache === undefined) this.equityCache = equityPass(this.input.equity, this.input.initialCash);
    return this.equityCache;
  }

  /**
   * The k = ceil((1 − level) × n) worst daily returns, the k-th smallest last; null
   * without daily returns. Cached per level, so var and cvar at one level select once.
   */
  worstDays(level: number): Float64Array | null {
    const returns = this.dailyReturns();
    const n = returns.length;
    if (n === 0) return null;
    let tail = this.tails.get(level);
    if (tail === undefined) {
      // The small epsilon keeps (1 − 0.95) × 100 = 5.000000000000004 from rounding up to 6.
      const k = Math.min(n, Math.max(1, Math.ceil((1 - level) * n - 1e-9)));
      tail = smallestK(returns, k);
      this.tails.set(level, tail);
    }
    return tail;
  }

  private dailyReturns(): Float64Array {
    if (this.daily === undefined) {
      const out = new Float64Array(this.input.time.length);
      const { count, sum } = computeDailyReturns(this.input, out);
      this.daily = out.subarray(0, count);
      this.dailySum = sum;
    }
    return this.daily;
  }
}

/** Deviations from the mean `m` and the tallies, in one pass over the daily returns. */
function summarise(returns: Float64Array, m: number): DailyStats {
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
    const down = Math.min(r, 0);
    downsideSquares += down * down;
    gains += Math.max(r, 0);
    losses -= down;
    upDays += r > 0 ? 1 : 0;
    movedDays += r !== 0 ? 1 : 0;
  }
  return { count: n, mean: m, stdev: n < 2 ? NaN : Math.sqrt(squares / (n - 1)), downsideSquares, gains, losses, upDays, movedDays };
}

/**
 * Midnights below this magnitude (2^26 days, about 180,000 years from 1970) are
 * exact, and for a time t in [m, m + DAY_MS − 1] with m such a midnight,
 * floor(t / DAY_MS) rounds to exactly m / DAY_MS: the next midnight is m + DAY_MS
 * without a division.
 */
const EXACT_MIDNIGHTS = 2 ** 26 * DAY_MS;

/** Writes the daily returns into `out` (room for one per bar); returns how many there are and their sum in day order (mean's numerator, bit for bit). */
function computeDailyReturns(input: MetricInput, out: Float64Array): { count: number; sum: number } {
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
