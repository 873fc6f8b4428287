// Benchmark pieces for the backtest engine (the runner, bench/main.ts, times them):
// a deterministic 2,000,000-bar daily series, the SMA(10/30) crossover through the
// engine (plan → runBacktest → metrics, data in memory), the same crossover as a
// plain hand-written loop with the same fills and costs (the practical speed
// limit), and a 10-ticker × 5,000-bar portfolio.

import type { StrategyPlan } from "../specs/generated/plan.js";
import { allocateBars, type Bars } from "../runtime/data/bars.js";
import { BufferPool } from "../runtime/eval/buffer-pool.js";
import { runBacktest } from "../runtime/engine/backtest.js";
import { call, lit, param, rule, series, strategyPlan } from "../runtime/engine/fixtures.js";
import { toMetricInput } from "../runtime/engine/metric-input.js";
import { combinePortfolio } from "../runtime/engine/portfolio.js";
import { computeMetrics } from "../stdlib/metrics/index.js";
import { EventBook, TradeBook } from "../runtime/engine/books.js";
import type { TickerResult } from "../runtime/engine/result.js";

/** Buffers for intermediate series, reused across benchmark runs as a sweep would reuse them. */
const BUFFERS = new BufferPool();

/** Costs and cash of the crossover benchmark, shared by the engine and the hand loop. */
export const CROSSOVER_SETTINGS = { fast: 10, slow: 30, cash: 10_000_000, commission: 0.0001, slippage: 0.0001 } as const;

const DAY_MS = 86_400_000;
const START_MS = Date.UTC(1990, 0, 1);

/** mulberry32: a small seeded PRNG with uniform output in [0, 1). */
function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * A deterministic daily OHLC series of `n` bars (one bar per calendar day from
 * 1990-01-01): log price mean-reverting around ln 100 (an Ornstein-Uhlenbeck walk,
 * ~1.2% daily moves), so prices stay in a realistic range over millions of bars.
 */
export function generateDailyBars(n: number, seed = 1, ticker = "BENCH"): Bars {
  const rand = seededRandom(seed);
  const bars = allocateBars(ticker, n);
  const level = Math.log(100);
  let logPrice = level;
  for (let i = 0; i < n; i++) {
    const open = Math.exp(logPrice + (rand() - 0.5) * 0.005);
    logPrice += 0.001 * (level - logPrice) + (rand() - 0.5) * 0.04;
    const close = Math.exp(logPrice);
    bars.time[i] = START_MS + i * DAY_MS;
    bars.open[i] = open;
    bars.close[i] = close;
    bars.high[i] = Math.max(open, close) * (1 + rand() * 0.01);
    bars.low[i] = Math.min(open, close) * (1 - rand() * 0.01);
    bars.volume[i] = 1_000_000;
  }
  return bars;
}

/** The SMA(fast/slow) crossover as the compiler lowers strategies/sma_cross.strat, with the benchmark's costs. */
export function crossoverPlan(): StrategyPlan {
  const fast = call("sma", series("close"), param("fast"));
  const slow = call("sma", series("close"), param("slow"));
  return strategyPlan({
    name: "sma_cross",
    params: [
      { name: "fast", type: "int", unit: "int", default: CROSSOVER_SETTINGS.fast, domain: { min: 2, max: 200 }, doc: null },
      { name: "slow", type: "int", unit: "int", default: CROSSOVER_SETTINGS.slow, domain: { min: 3, max: 400 }, doc: null },
    ],
    entries: [{ side: "long", when: call("crossover", fast, slow) }],
    exits: [{ side: "both", signal: call("crossunder", fast, slow), rule: null }],
    sizing: { rule: rule("all_in"), caps: [] },
    costs: { commission: lit(CROSSOVER_SETTINGS.commission, "ratio"), slippage: lit(CROSSOVER_SETTINGS.slippage, "ratio") },
    execution: { provider: "backtest", fill: "next_open", fractional: false, cash: CROSSOVER_SETTINGS.cash },
  });
}

/** What a crossover run reports. */
export interface CrossoverOutcome {
  readonly finalEquity: number;
  readonly trades: number;
  /** Fills in the execution log. */
  readonly fills: number;
}

/** Plan → runBacktest → all metrics, on bars already in memory (intermediate buffers pooled across calls). */
export function runEngineCrossover(bars: Bars): CrossoverOutcome & { readonly metrics: Record<string, number | null> } {
  const params = new Map<string, number>([
    ["fast", CROSSOVER_SETTINGS.fast],
    ["slow", CROSSOVER_SETTINGS.slow],
  ]);
  const result = runBacktest({ strategy: crossoverPlan(), params, bars, predictions: new Map(), buffers: BUFFERS });
  const metrics = computeMetrics(toMetricInput(result, 252));
  const books = mustHaveBooks(result);
  return { finalEquity: result.finalEquity, trades: books.trades.length, fills: fillsIn(books.log), metrics };
}

function mustHaveBooks(result: TickerResult): NonNullable<TickerResult["books"]> {
  if (result.books === undefined) throw new Error("the engine recorded no books");
  return result.books;
}

function fillsIn(log: EventBook): number {
  let fills = 0;
  for (let i = 0; i < log.length; i++) if (log.isFill(i)) fills++;
  return fills;
}

/** Bars between rebuilds of the hand loop's window sums: the period stdlib/indicators/sma.ts uses. */
const RESUM_BARS = 1 << 16;

/**
 * The same crossover, fills and costs as one plain loop: what a careful
 * hand-written backtest costs. It does the work a user gets from the engine, no
 * less: moving averages that do not drift over millions of bars (a Neumaier
 * compensated window sum rebuilt every 65,536 bars, as issue #4 requires of
 * every indicator: a plain running sum would be faster and wrong), fills with
 * slippage and commission, closed trades, an execution log entry per fill (both
 * recorded as columns, as the engine records them), the per-bar equity curve and
 * exposure, and the same metrics at the end.
 */
export function runHandLoopCrossover(bars: Bars): CrossoverOutcome & { readonly metrics: Record<string, number | null> } {
  const { fast, slow, cash: initialCash, commission, slippage } = CROSSOVER_SETTINGS;
  const { open, close, time, ticker } = bars;
  const n = close.length;
  const equityCurve = new Float64Array(n);
  const exposed = new Uint8Array(n);
  const trades = new TradeBook(ticker);
  const log = new EventBook(ticker);
  let cash: number = initialCash;
  let units = 0;
  let entryPrice = 0;
  let entryTime = 0;
  let entryBar = 0;
  let entryCommission = 0;
  let tradedValue = 0;
  let pending = 0; // 1 buy at the next open, −1 sell at the next open
  // Window sums as Neumaier pairs (s, c): s + c keeps the bits a plain sum drops.
  let sFast = 0, cFast = 0, sSlow = 0, cSlow = 0;
  let sinceResum = 0;
  let prevFast = NaN;
  let prevSlow = NaN;
  for (let t = 0; t < n; t++) {
    const o = open[t] as number;
    if (pending === 1) {
      const price = o * (1 + slippage);
      const qty = Math.floor(cash / (price * (1 + commission)));
      if (qty > 0) {
        const value = qty * price;
        entryCommission = value * commission;
        cash -= value + entryCommission;
        tradedValue += value;
        units = qty;
        entryPrice = price;
        entryTime = time[t] as number;
        entryBar = t;
        log.fill(entryTime, "buy", qty, price, entryCommission, qty * (price - o), "entry");
      }
    } else if (pending === -1) {
      const price = o * (1 - slippage);
      const value = units * price;
      const exitCommission = value * commission;
      cash += value - exitCommission;
      tradedValue += value;
      const exitTime = time[t] as number;
      trades.push(1, entryTime, entryPrice, exitTime, price, units, (price - entryPrice) * units - entryCommission - exitCommission, entryCommission + exitCommission, "signal", t - entryBar);
      log.fill(exitTime, "sell", units, price, exitCommission, units * (o - price), "signal");
      units = 0;
    }
    pending = 0;
    const c = close[t] as number;
    let u = sFast + c, v = u - sFast;
    cFast += sFast - (u - v) + (c - v);
    sFast = u;
    u = sSlow + c;
    v = u - sSlow;
    cSlow += sSlow - (u - v) + (c - v);
    sSlow = u;
    if (t >= fast) {
      const y = -(close[t - fast] as number);
      u = sFast + y;
      v = u - sFast;
      cFast += sFast - (u - v) + (y - v);
      sFast = u;
    }
    if (t >= slow) {
      const y = -(close[t - slow] as number);
      u = sSlow + y;
      v = u - sSlow;
      cSlow += sSlow - (u - v) + (y - v);
      sSlow = u;
    }
    if (++sinceResum >= RESUM_BARS) {
      sinceResum = 0;
      sFast = cFast = sSlow = cSlow = 0;
      for (let k = t - slow + 1; k <= t; k++) {
        const z = close[k] as number;
        if (k > t - fast) {
          u = sFast + z;
          v = u - sFast;
          cFast += sFast - (u - v) + (z - v);
          sFast = u;
        }
        u = sSlow + z;
        v = u - sSlow;
        cSlow += sSlow - (u - v) + (z - v);
        sSlow = u;
      }
    }
    const f = t >= fast - 1 ? (sFast + cFast) / fast : NaN;
    const s = t >= slow - 1 ? (sSlow + cSlow) / slow : NaN;
    if (t >= slow && t < n - 1) {
      if (units > 0 && prevFast >= prevSlow && f < s) pending = -1;
      else if (units === 0 && prevFast <= prevSlow && f > s) pending = 1;
    }
    prevFast = f;
    prevSlow = s;
    equityCurve[t] = cash + units * c;
    exposed[t] = units > 0 ? 1 : 0;
  }
  const metrics = computeMetrics({ initialCash, time, equity: equityCurve, exposed, trades, tradedValue, periodsPerYear: 252 });
  return { finalEquity: equityCurve[n - 1] ?? initialCash, trades: trades.length, fills: log.length, metrics };
}

/** `tickers` deterministic daily series of `bars` bars each, seeds 1..tickers. */
export function generatePortfolioBars(tickers = 10, bars = 5_000): Bars[] {
  return Array.from({ length: tickers }, (_, i) => generateDailyBars(bars, i + 1, `T${i + 1}`));
}

/** The crossover on every ticker with an equal cash split, combined into a portfolio, with its metrics. */
export function runPortfolioCrossover(series: readonly Bars[]): CrossoverOutcome & { readonly metrics: Record<string, number | null> } {
  const params = new Map<string, number>([
    ["fast", CROSSOVER_SETTINGS.fast],
    ["slow", CROSSOVER_SETTINGS.slow],
  ]);
  const share = CROSSOVER_SETTINGS.cash / Math.max(1, series.length);
  const strategy = crossoverPlan();
  const results = series.map((bars) => runBacktest({ strategy, params, bars, predictions: new Map(), overrides: { cash: share }, buffers: BUFFERS }));
  const portfolio = combinePortfolio(results, CROSSOVER_SETTINGS.cash);
  return { finalEquity: portfolio.finalEquity, trades: portfolio.trades.length, fills: results.reduce((sum, r) => sum + fillsIn(mustHaveBooks(r).log), 0), metrics: computeMetrics(toMetricInput(portfolio, 252)) };
}
