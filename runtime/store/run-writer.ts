// Writing a run's results. Input: ticker results staged one by one, then a summary.
// Output: every row of the run (equity, trades, open positions, execution log, metrics)
// and its `completed` status, written by ONE synchronous IMMEDIATE transaction, so a kill
// at any point leaves either nothing of the results (the run stays `running` and is marked
// `interrupted` on the next open) or all of them. Staged results are kept by reference in
// memory until then; nothing is copied.
// Errors: R0209 unknown run, R0210 run not running (returned via StoreAbort).

import type { EquityCurve, TickerResult } from "../engine/result.js";
import type { StoreContext } from "./context.js";
import { insertEquity, PORTFOLIO_TICKER } from "./equity.js";
import { StoreAbort, STORE_CODES, storeError } from "./errors.js";
import { insertExecutionLog } from "./execution-log.js";
import { insertMetrics, PORTFOLIO_SCOPE, tickerScope, type MetricValues } from "./metrics.js";
import { finishRun, selectRun, type RunLineage, type RunRecord } from "./runs.js";
import { insertOpenPositions, insertTrades } from "./trades.js";

/** One ticker's result and its metrics, waiting for completeRun. */
export interface StagedTicker {
  readonly result: TickerResult;
  readonly metrics: MetricValues;
}

/** The portfolio-level part of a run's results. */
export interface PortfolioSummary {
  /** Cash plus every marked position, per bar. */
  readonly equity: EquityCurve;
  /** Sum of |fill value| over all tickers. */
  readonly tradedValue: number;
  readonly finalEquity: number;
}

/** What completeRun needs beyond the staged tickers. */
export interface RunSummary {
  /** The portfolio curve; omit for a single-ticker run, whose curve is the portfolio's. */
  readonly portfolio?: PortfolioSummary;
  /** Portfolio metrics; omit for a single-ticker run to reuse that ticker's. */
  readonly metrics?: MetricValues;
  /** Replaces the lineage given at beginRun (model lineage is known only after the run). */
  readonly lineage?: RunLineage;
}

/** Checks that a run exists and is running, aborting the surrounding transaction otherwise. */
export function requireRunning(ctx: StoreContext, runId: string): RunRecord {
  const run = selectRun(ctx, runId);
  if (run === null) throw new StoreAbort(storeError(STORE_CODES.unknownRun, `no run has id ${runId}`, "list runs with `strat runs`"));
  if (run.status !== "running") {
    throw new StoreAbort(storeError(STORE_CODES.runState, `run ${runId} is ${run.status}, not running`, "start a new run; a finished run cannot be changed"));
  }
  return run;
}

/** Writes every staged ticker, the portfolio and the completed status. Call inside an IMMEDIATE transaction. */
export function writeCompletedRun(ctx: StoreContext, runId: string, staged: readonly StagedTicker[], summary: RunSummary): void {
  const run = requireRunning(ctx, runId);
  let tradeSeq = 1;
  let openSeq = 1;
  let logSeq = 1;
  for (const { result, metrics } of staged) {
    insertEquity(ctx, runId, { ticker: result.ticker, initialCash: result.initialCash, finalEquity: result.finalEquity, tradedValue: result.tradedValue, curve: result.equity });
    tradeSeq = insertTrades(ctx, runId, result.books?.trades ?? result.trades, tradeSeq);
    openSeq = insertOpenPositions(ctx, runId, result.open, openSeq);
    logSeq = insertExecutionLog(ctx, runId, result.books?.log ?? result.log, logSeq);
    insertMetrics(ctx, runId, tickerScope(result.ticker), metrics);
  }
  const portfolio = portfolioOf(runId, run.initialCash, staged, summary);
  // A single-ticker run's portfolio curve is its ticker's curve: it is read back
  // from that row (run-data.ts) rather than stored twice (tens of MB on long runs).
  const sharesTickerCurve = staged.length === 1 && summary.portfolio === undefined;
  if (!sharesTickerCurve) {
    insertEquity(ctx, runId, { ticker: PORTFOLIO_TICKER, initialCash: run.initialCash, finalEquity: portfolio.finalEquity, tradedValue: portfolio.tradedValue, curve: portfolio.equity });
  }
  insertMetrics(ctx, runId, PORTFOLIO_SCOPE, summary.metrics ?? (staged.length === 1 ? (staged[0]?.metrics ?? {}) : {}));
  const options = summary.lineage === undefined ? { finalEquity: portfolio.finalEquity } : { finalEquity: portfolio.finalEquity, lineage: summary.lineage };
  finishRun(ctx, runId, "completed", options);
}

function portfolioOf(runId: string, initialCash: number, staged: readonly StagedTicker[], summary: RunSummary): PortfolioSummary {
  if (summary.portfolio !== undefined) return summary.portfolio;
  const only = staged[0];
  if (staged.length === 1 && only !== undefined) {
    return { equity: only.result.equity, tradedValue: only.result.tradedValue, finalEquity: only.result.finalEquity };
  }
  if (staged.length === 0) {
    // A run that traded nothing (an empty universe after filters) still completes, flat at its cash.
    return { equity: { time: new Float64Array(0), equity: new Float64Array(0), exposed: new Uint8Array(0) }, tradedValue: 0, finalEquity: initialCash };
  }
  throw new Error(`bug: completeRun(${runId}) got ${staged.length} tickers but no portfolio curve`);
}
