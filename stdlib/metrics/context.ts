// The derived series every metric reads, computed once per input and shared by the
// metrics of one report: one pass over the per-bar equity and exposure
// (equity-pass.ts), the daily-return statistics, the worst days for VaR, the median
// bar spacing, the closed-trade tallies, the calendar span in years.
//
// Daily returns (daily-returns.ts defines them): when every bar is its own UTC day
// (daily bars) they are the per-bar returns, and their statistics come from the
// equity pass plus one more pass, without an array of them (daily-own-day.ts, which
// also finds out whether every bar is its own day); otherwise they are written to an
// array and summarised. Both paths give the same bits. The array is only made for
// the fast path's fallbacks (a VaR level not gathered on the way, a sample that
// misjudged).

import { annualisationWith, medianBarSpacingMs, type Annualisation } from "./annualisation.js";
import { computeDailyReturns, summarise, type DailyStats } from "./daily-returns.js";
import { ownDayStats } from "./daily-own-day.js";
import { equityPass, type EquityPass } from "./equity-pass.js";
import type { Trade } from "../../runtime/engine/result.js";
import type { ClosedTrades, MetricInput } from "./input.js";
import { smallestK, tailCount } from "./tail-select.js";
import { YEAR_MS } from "./utc-days.js";

export type { DailyStats, ReturnStats } from "./daily-returns.js";
export { YEAR_MS } from "./utc-days.js";

/** Closed-trade tallies, from one loop over the trades. */
export interface TradeTallies {
  /** Trades with pnl > 0. */
  readonly wins: number;
  /** Σ pnl of winners and −Σ pnl of the rest, in trade order. */
  readonly gains: number;
  readonly losses: number;
}

/** Lazily derived views of one MetricInput, shared by the metrics of one report. */
export class MetricContext {
  readonly input: MetricInput;
  /** The VaR level whose worst days are gathered while the daily statistics are computed, if any. */
  private readonly tailLevel: number | undefined;
  private daily: Float64Array | undefined;
  /** Σ of the daily returns in day order, summed while they are computed (the mean's numerator). */
  private dailySum = 0;
  private dailyStatsCache: DailyStats | undefined;
  private equityCache: EquityPass | undefined;
  private tradeCache: TradeTallies | undefined;
  private spacingCache: number | null | undefined;
  private exposedCache: number | undefined;
  private readonly tails = new Map<number, Float64Array>();

  /** `tailLevel`: a VaR level the report will ask worstDays for, so its worst days are gathered on the daily pass. */
  constructor(input: MetricInput, tailLevel?: number) {
    this.input = input;
    this.tailLevel = tailLevel;
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
      const { time, equity, initialCash } = this.input;
      const own = time.length > 0 && equity.length === time.length ? ownDayStats(time, equity, initialCash, this.equity, this.tailLevel) : null;
      if (own !== null) {
        if (own.tail !== null && this.tailLevel !== undefined) this.tails.set(this.tailLevel, own.tail);
        this.dailyStatsCache = own.stats;
      } else {
        const returns = this.dailyReturns();
        this.dailyStatsCache = summarise(returns, returns.length === 0 ? NaN : this.dailySum / returns.length);
      }
    }
    return this.dailyStatsCache;
  }

  /** Mean equity, maximum drawdown and per-bar return statistics, from one pass over the equity curve. */
  get equity(): EquityPass {
    if (this.equityCache === undefined) {
      const { equity, exposed, initialCash } = this.input;
      // Exposure is counted on the same pass when there is one flag per bar.
      this.equityCache = equityPass(equity, initialCash, exposed.length === equity.length ? exposed : new Uint8Array(equity.length));
    }
    return this.equityCache;
  }

  /** Σ of the exposure flags (bars with a position at the close). */
  get exposedBars(): number {
    if (this.exposedCache === undefined) {
      const x = this.input.exposed;
      if (x.length === this.input.equity.length) this.exposedCache = this.equity.exposedBars;
      else {
        let k = 0;
        for (let i = 0; i < x.length; i++) k += x[i] as number;
        this.exposedCache = k;
      }
    }
    return this.exposedCache;
  }

  /** The annualisation factors of this input (annualisation.ts), the median bar spacing measured once. */
  get annualisation(): Annualisation {
    if (this.spacingCache === undefined) this.spacingCache = medianBarSpacingMs(this.input.time);
    return annualisationWith(this.input.periodsPerYear, this.spacingCache);
  }

  /** Wins and gross profit and loss of the closed trades. */
  get trades(): TradeTallies {
    if (this.tradeCache === undefined) this.tradeCache = tallyTrades(this.input.trades);
    return this.tradeCache;
  }

  /**
   * The k = ceil((1 − level) × n) worst daily returns, the k-th smallest last; null
   * without daily returns. Cached per level, so var and cvar at one level select once.
   */
  worstDays(level: number): Float64Array | null {
    const n = this.dailyStats.count;
    if (n === 0) return null;
    let tail = this.tails.get(level);
    if (tail === undefined) {
      tail = smallestK(this.dailyReturns(), tailCount(level, n));
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

function tallyTrades(trades: ClosedTrades): TradeTallies {
  if ("pnl" in trades) return tallyPnl(trades.pnl, trades.length);
  const pnl = new Float64Array(trades.length);
  for (let i = 0; i < trades.length; i++) pnl[i] = (trades[i] as Pick<Trade, "pnl">).pnl;
  return tallyPnl(pnl, pnl.length);
}

function tallyPnl(pnl: Float64Array, n: number): TradeTallies {
  let wins = 0;
  let gains = 0;
  let losses = 0;
  for (let i = 0; i < n; i++) {
    const p = pnl[i] as number;
    if (p > 0) {
      wins++;
      gains += p;
    } else losses -= p;
  }
  return { wins, gains, losses };
}
