// Hand-built runs for store and gate tests: no engine, just TickerResults whose every
// number is chosen by the test, so a stored-and-read-back value can be checked exactly.

import type { ExecutionEvent, TickerResult, Trade } from "../../engine/result.js";
import type { RunMeta } from "../runs.js";

/** One UTC day in epoch ms. */
export const DAY_MS = 86_400_000;

/** 2024-01-01T00:00:00Z. */
export const T0 = Date.UTC(2024, 0, 1);

/** A run meta with sensible defaults; override what the test is about. */
export function meta(overrides: Partial<RunMeta> = {}): RunMeta {
  return {
    planHash: "a".repeat(64),
    sourceHashes: [{ path: "strategies/sma_cross.strat", sha256: "b".repeat(64) }],
    strategy: "sma_cross",
    tickers: ["AAPL"],
    params: { fast: 10, slow: 30 },
    overrides: {},
    runSource: "prod",
    dataRegime: "prod_live",
    lineage: { data: [{ sha256: "c".repeat(64), provider: "csv", ticker: "AAPL" }], models: [{ model: "momentum", version: "1.0.0", lineageId: "m-1" }] },
    initialCash: 100_000,
    periodsPerYear: 252,
    ...overrides,
  };
}

/** A closed trade; pnl and costs as given. */
export function trade(ticker: string, i: number, pnl: number, costs = 1): Trade {
  return {
    ticker,
    side: "long",
    entryTime: T0 + i * 2 * DAY_MS,
    entryPrice: 100 + i,
    exitTime: T0 + (i * 2 + 1) * DAY_MS,
    exitPrice: 100 + i + pnl / 10,
    quantity: 10,
    pnl,
    costs,
    exitReason: "signal",
    bars: 1,
  };
}

/** A ticker result with a daily equity curve from `equity`, trades with the given pnls and `logLines` log events. */
export function tickerResult(ticker: string, equity: readonly number[], pnls: readonly number[] = [], logLines = 0): TickerResult {
  const n = equity.length;
  const time = new Float64Array(n);
  const eq = new Float64Array(n);
  const exposed = new Uint8Array(n);
  for (let i = 0; i < n; i++) {
    time[i] = T0 + i * DAY_MS;
    eq[i] = equity[i] ?? 0;
    exposed[i] = i % 3 === 0 ? 0 : 1;
  }
  const log: ExecutionEvent[] = [];
  for (let i = 0; i < logLines; i++) {
    log.push({ time: T0 + i * DAY_MS, ticker, kind: i % 2 === 0 ? "fill" : "skip", action: i % 2 === 0 ? "buy" : null, quantity: 10, price: 100 + i, commission: 0.1, slippage: 0.05, reason: i % 2 === 0 ? "entry" : "already_in_position" });
  }
  return {
    ticker,
    initialCash: equity[0] ?? 100_000,
    finalEquity: equity[n - 1] ?? 100_000,
    trades: pnls.map((p, i) => trade(ticker, i, p)),
    open: [{ ticker, side: "long", entryTime: T0, entryPrice: 100, quantity: 5, markPrice: 101, unrealizedPnl: 4.9 }],
    equity: { time, equity: eq, exposed },
    log,
    tradedValue: 12_345.5,
  };
}

/** A large ticker result: `points` equity bars (a deterministic walk) and `logLines` events. */
export function largeTickerResult(ticker: string, points: number, logLines: number): TickerResult {
  const equity: number[] = new Array<number>(points);
  let value = 100_000;
  for (let i = 0; i < points; i++) {
    value += ((i * 7919) % 200) - 99.5;
    equity[i] = value;
  }
  return tickerResult(ticker, equity, [10, -5, 20], logLines);
}
