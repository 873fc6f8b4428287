// The bar loop: turns signals into fills through a Broker, bar by bar.
//
// Input: bars, resolved execution options, firing bars (signals.ts), exit rules,
// sizing, model confidence (kelly). Output: a TickerResult. Pure and
// deterministic; allocates per fill, never per bar; stretches of bars where nothing
// can happen (flat or without live levels, no signal) are only marked to market.
//
// Timing (fill = next_open, the default): signals are read on bar t's close and
// fill at bar t+1's open; a signal on the last bar cannot fill and is logged as a
// skip (`end_of_data`). With fill = close they fill at bar t's close.
// Order of events within bar t:
// 1. (next_open) the pending exit signal fills at the open, cancelling the levels;
//    then the pending entry fills at the open (sized at that price);
// 2. intrabar levels (stop, targets, trailing stop; levels.ts) on the bar's
//    open/high/low, from the entry bar itself (a close-filled entry starts next bar);
// 3. time_exit(n) closes at the close of the n-th bar after the entry bar;
// 4. signals on the close: in a position, its side's exit signal closes it (at the
//    close, or at the next open); an entry signal is ignored: one position per
//    ticker, no pyramiding, no reversal on the same bar (logged `in_position` on
//    the bar the signal turns on, not on every bar it stays on). Flat, an entry
//    signal opens a position; when long and short fire together the first
//    declared side wins (the other is logged `conflicting_signal`). An exit signal
//    while flat does nothing;
// 5. equity = cash + position marked at the close; exposed = a position is open.
// No-trade windows skip entry fills only (no-trade.ts). At the end of data there is
// no forced exit: an open position is marked to the last close and reported in
// `open`, not in `trades`.

import type { Bars } from "../data/bars.js";
import type { SideExitRules } from "../providers/execution/exit-rules.js";
import { NoTradeClock, needsNoTradeCheck } from "../providers/execution/no-trade.js";
import type { SizingPlan } from "../providers/execution/sizing.js";
import type { Broker, ExecutionOptions } from "../providers/execution/types.js";
import { LoopState } from "./loop-state.js";
import type { ExecutionEvent, TickerResult, Trade } from "./result.js";
import type { StrategySignals } from "./signals.js";

/** Everything the loop needs, already resolved and validated. */
export interface LoopInput {
  readonly bars: Bars;
  readonly options: ExecutionOptions;
  readonly broker: Broker;
  readonly signals: StrategySignals;
  readonly exits: SideExitRules;
  readonly sizing: SizingPlan;
  /** The first model's confidence per bar (kelly), or null. */
  readonly confidence: Float64Array | null;
  readonly barSeconds: number;
  /** Storage for the equity curve (one value per bar, contents arbitrary: every bar is written), or null for a fresh array. */
  readonly equityBuffer?: Float64Array | null;
  readonly onProgress?: (done: number, total: number) => void;
}

/**
 * The loop alone in its function, and nothing in it but calls into LoopState: V8
 * optimises a long-running loop while it runs (on-stack replacement), and any code
 * in it that had no type feedback yet deoptimises it; the per-bar work is in
 * loop-state.ts, whose methods are optimised on their own (see there).
 */
function barLoop(state: LoopState, n: number): void {
  for (let t = 0; t < n; t++) {
    t = state.skipQuiet(t);
    if (t === n) break;
    state.step(t);
  }
}

/** Runs the bar loop; see the file header for the order of events. */
export function runBarLoop(input: LoopInput): TickerResult {
  const { bars, options, broker, onProgress } = input;
  const { close } = bars;
  const n = close.length;
  const equity = input.equityBuffer?.length === n ? input.equityBuffer : new Float64Array(n);
  const exposed = new Uint8Array(n);
  const clock = needsNoTradeCheck(input.barSeconds, options.noTrade) ? new NoTradeClock(options.noTrade) : null;
  barLoop(new LoopState(input, clock, equity, exposed), n);
  onProgress?.(n, n);

  const last = n > 0 ? (close[n - 1] as number) : NaN;
  const position = n > 0 ? broker.openPosition(last) : null;
  const books = broker.books;
  let trades: readonly Trade[] | null = null;
  let log: readonly ExecutionEvent[] | null = null;
  return {
    ticker: bars.ticker,
    initialCash: options.cash,
    finalEquity: n > 0 ? (equity[n - 1] as number) : options.cash,
    // Objects only for callers that ask (JSON output, tests): the store and metrics read the books.
    get trades(): readonly Trade[] {
      return (trades ??= books.trades.toArray());
    },
    open: position === null ? [] : [position],
    equity: { time: bars.time, equity, exposed },
    get log(): readonly ExecutionEvent[] {
      return (log ??= books.log.toArray());
    },
    tradedValue: broker.tradedValue,
    books,
  };
}
