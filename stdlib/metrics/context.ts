// The derived series every return-based metric reads, computed once per input:
// daily returns (UTC-day buckets) and their statistics, one pass over the per-bar
// equity (equity-pass.ts), the worst days for VaR, the calendar span in years.
//
// Daily sampling: the equity of a UTC day is the last bar's equity that day; the
// first day's return is taken against the initial cash, each later day's against
// the previous sampled day. Days without bars do not exist (no zero returns are
// invented for weekends).

import type { MetricInput } from "./input.js";
import { equityPass, type EquityPass } from "./equity-pass.js";
import { mean } from "./stats.js";
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
    if (this.dailyStatsCache === undefined) this.dailyStatsCache = summarise(this.dailyReturns());
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
    if (this.daily === undefined) this.daily = computeDailyReturns(this.input);
    return this.daily;
  }
}

/** Two passes over the daily returns: the mean, then deviations and the tallies. */
function summarise(returns: Float64Array): DailyStats {
  const n = returns.length;
  const m = mean(returns);
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

function computeDailyReturns(input: MetricInput): Float64Array {
  const { time, equity } = input;
  const n = time.length;
  const out = new Float64Array(n);
  let count = 0;
  let prevEquity = input.initialCash;
  // Times are sorted: a day ends where the next bar reaches the next UTC midnight,
  // so the division runs once per day, not once per bar.
  let nextMidnight = n > 0 ? (Math.floor((time[0] as number) / DAY_MS) + 1) * DAY_MS : 0;
  for (let i = 0; i < n; i++) {
    const last = i + 1 === n || (time[i + 1] as number) >= nextMidnight;
    if (last) {
      const e = equity[i] as number;
      out[count++] = e / prevEquity - 1;
      prevEquity = e;
      if (i + 1 < n) nextMidnight = (Math.floor((time[i + 1] as number) / DAY_MS) + 1) * DAY_MS;
    }
  }
  return out.subarray(0, count);
}
