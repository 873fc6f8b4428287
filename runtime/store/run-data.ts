// Reading a stored run back as metric input: the curve, the closed trades, the traded
// value, the cash and the annualisation factor. Portfolio scope unless a ticker is given.
// Errors: R0209 unknown run, R0212 no stored results (run not completed, or ticker absent).

import type { OpenPosition, Trade } from "../engine/result.js";
import type { MetricInput } from "../../stdlib/metrics/input.js";
import type { StoreContext } from "./context.js";
import { PORTFOLIO_TICKER, selectEquity } from "./equity.js";
import { STORE_CODES, storeError, type StoreError } from "./errors.js";
import { selectRun } from "./runs.js";
import { selectOpenPositions, selectTrades } from "./trades.js";

/** A stored run's results for one scope: everything a MetricInput needs, plus open positions. */
export interface RunData extends MetricInput {
  /** The ticker, or '' for the portfolio. */
  readonly ticker: string;
  readonly finalEquity: number;
  /** The closed trades, as stored. */
  readonly trades: readonly Trade[];
  readonly open: readonly OpenPosition[];
}

/** Loads the portfolio (or one ticker's) results of a run. */
export function loadRunResults(ctx: StoreContext, runId: string, ticker?: string): RunData | StoreError {
  const run = selectRun(ctx, runId);
  if (run === null) return storeError(STORE_CODES.unknownRun, `no run has id ${runId}`, "list runs with `strat runs`");
  const key = ticker ?? PORTFOLIO_TICKER;
  // Single-ticker runs keep one curve, which is also the portfolio's (run-writer.ts).
  const only = run.tickers.length === 1 ? run.tickers[0] : undefined;
  const stored = selectEquity(ctx, runId, key) ?? (key === PORTFOLIO_TICKER && only !== undefined ? selectEquity(ctx, runId, only) : null);
  if (stored === null) {
    const message =
      run.status !== "completed"
        ? `run ${runId} is ${run.status} and has no stored results`
        : `run ${runId} has no results for ticker ${key}; it ran ${run.tickers.join(", ")}`;
    return storeError(STORE_CODES.noResults, message, run.status !== "completed" ? "rerun it with `strat run`" : "pick a ticker the run traded");
  }
  return {
    ticker: key,
    initialCash: stored.initialCash,
    finalEquity: stored.finalEquity,
    time: stored.curve.time,
    equity: stored.curve.equity,
    exposed: stored.curve.exposed,
    trades: selectTrades(ctx, runId, ticker),
    open: selectOpenPositions(ctx, runId, ticker),
    tradedValue: stored.tradedValue,
    periodsPerYear: run.periodsPerYear,
  };
}
