// runBacktest: one strategy on one ticker.
//
// Input: a StrategyPlan, param values (defaults merged with overrides), the
// ticker's bars, model predictions by model name, optional cash/cost overrides.
// Output: a TickerResult (trades, open position, per-bar equity, execution log).
// Steps: resolve execution options (runtime/providers/execution/options.ts), read
// exit and sizing rules, evaluate the signals (runtime/eval), run the bar loop
// (loop.ts, where the timing semantics are documented). Without a shared cache the
// signals' intermediate series are dead once the firing bars are known, and one of
// them is handed to the loop as storage for the equity curve.
// Invariants: pure and deterministic (same input, same result, bit for bit); the
// plan's execution.provider is not consulted: this IS the backtest.
// Bad input (an unknown param or model, a rule argument of the wrong type,
// predictions of the wrong length) is an error value from tryRunBacktest;
// runBacktest throws it as a BacktestFailure for callers that validated first.

import type { StrategyPlan } from "../../specs/generated/plan.js";
import type { Bars } from "../data/bars.js";
import type { BufferPool } from "../eval/buffer-pool.js";
import { createEvaluator, type Evaluator, type SeriesCache } from "../eval/evaluate.js";
import type { EvalError } from "../eval/value.js";
import { backtestExecution } from "../providers/execution/backtest.js";
import { parseExitRules } from "../providers/execution/exit-rules.js";
import { resolveExecutionOptions } from "../providers/execution/options.js";
import { parseSizing } from "../providers/execution/sizing.js";
import type { ExecutionError } from "../providers/execution/types.js";
import { runBarLoop } from "./loop.js";
import type { ModelPredictions } from "./predictions.js";
import type { TickerResult } from "./result.js";
import { evaluateSignals } from "./signals.js";

/** What one backtest runs on. */
export interface BacktestInput {
  readonly strategy: StrategyPlan;
  /** Every param's value: defaults already merged with overrides. */
  readonly params: ReadonlyMap<string, number | string | boolean>;
  readonly bars: Bars;
  /** Per-bar predictions by model name. */
  readonly predictions: ReadonlyMap<string, ModelPredictions>;
  /** Command-line values that replace the plan's cash and costs. */
  readonly overrides?: { readonly cash?: number; readonly commission?: number; readonly slippage?: number };
  /** Called every 65,536 bars and at the end. */
  readonly onProgress?: (done: number, total: number) => void;
  /** Series cache shared across runs on the same bars and predictions (sweep trials). */
  readonly cache?: SeriesCache;
  /**
   * Buffers for intermediate series, reused across runs (sweeps, benchmarks): saves
   * the page faults of fresh multi-megabyte arrays. Not used together with `cache`,
   * whose series must outlive the run. A result may keep one as its equity curve,
   * detached from the pool for good.
   */
  readonly buffers?: BufferPool;
}

/** Why a backtest could not run; the message says what to do. */
export type BacktestError = EvalError | ExecutionError;

/** The result of a backtest, or why it could not run. */
export type BacktestOutcome = { readonly ok: true; readonly value: TickerResult } | { readonly ok: false; readonly error: BacktestError };

/** Thrown by runBacktest on bad input; use tryRunBacktest to get the error as a value. */
export class BacktestFailure extends Error {
  readonly error: BacktestError;

  constructor(error: BacktestError) {
    super(error.message);
    this.name = "BacktestFailure";
    this.error = error;
  }
}

/** Runs one strategy on one ticker. Pure and deterministic. Throws BacktestFailure on bad input (see tryRunBacktest). */
export function runBacktest(input: BacktestInput): TickerResult {
  const outcome = tryRunBacktest(input);
  if (!outcome.ok) throw new BacktestFailure(outcome.error);
  return outcome.value;
}

/** Runs one strategy on one ticker; bad input is an error value, never an exception. */
export function tryRunBacktest(input: BacktestInput): BacktestOutcome {
  const { bars } = input;
  const n = bars.close.length;
  const lease = input.buffers !== undefined && input.cache === undefined ? input.buffers.lease() : null;
  // A private evaluation's series (never a shared cache's) are dead once the signals
  // are read: one of them becomes the equity curve, sparing a fresh multi-megabyte array.
  const scratch: Float64Array[] = [];
  const take = (size: number): Float64Array => {
    const buffer = lease === null ? new Float64Array(size) : lease.take(size);
    scratch.push(buffer);
    return buffer;
  };
  const reuse = (): Float64Array | null => {
    const buffer = scratch.find((b) => b.length === n);
    if (buffer === undefined) return null;
    lease?.detach(buffer);
    return buffer;
  };
  const evaluator = createEvaluator({
    bars,
    params: input.params,
    predictions: input.predictions,
    ...(input.cache === undefined ? { alloc: take } : { cache: input.cache }),
  });
  try {
    return run(input, evaluator, input.cache === undefined ? reuse : () => null);
  } finally {
    // The evaluator and its private cache are dropped here: nothing reads the buffers any more.
    lease?.returnAll();
  }
}

function run(input: BacktestInput, evaluator: Evaluator, spareSeries: () => Float64Array | null): BacktestOutcome {
  const { strategy, bars } = input;
  const read = evaluator.evaluateScalar;

  const options = resolveExecutionOptions(strategy, read, input.overrides);
  if (!options.ok) return options;
  const exits = parseExitRules(strategy, read);
  if (!exits.ok) return exits;
  const sizing = parseSizing(strategy, read);
  if (!sizing.ok) return sizing;

  let confidence: Float64Array | null = null;
  if (sizing.value.rule.kind === "kelly") {
    const model = strategy.models[0]?.name ?? "";
    const p = evaluator.evaluate({ op: "model", model, field: "confidence" });
    if (!p.ok) return p;
    confidence = p.value.kind === "series" ? p.value.data : null;
  }

  const signals = evaluateSignals(strategy, evaluator);
  if (!signals.ok) return signals;

  const result = runBarLoop({
    bars,
    options: options.value,
    broker: backtestExecution.createBroker(options.value, bars.ticker),
    signals: signals.value,
    exits: exits.value,
    sizing: sizing.value,
    confidence,
    barSeconds: strategy.barSeconds,
    equityBuffer: spareSeries(),
    ...(input.onProgress === undefined ? {} : { onProgress: input.onProgress }),
  });
  return { ok: true, value: result };
}
