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
import { slippedPrice } from "../providers/execution/costs.js";
import type { SideExitRules } from "../providers/execution/exit-rules.js";
import { PositionLevels, type LevelSink } from "../providers/execution/levels.js";
import { NoTradeClock, needsNoTradeCheck } from "../providers/execution/no-trade.js";
import { sizeEntry, type SizingPlan } from "../providers/execution/sizing.js";
import type { Broker, ExecutionOptions } from "../providers/execution/types.js";
import type { ExitReason, TickerResult } from "./result.js";
import { FiringCursor, type StrategySignals } from "./signals.js";

/** Everything the loop needs, already resolved and validated. */
export interface LoopInput {
  readonly bars: Bars;
  readonly options: ExecutionOptions;
  readonly broker: Broker;
  readonly signals: StrategySignals;
  readonly exits: SideExitRules;
  readonly sizing: SizingPlan;
  /** The first model's confidence per bar (kelly sizing), or null. */
  readonly confidence: Float64Array | null;
  readonly barSeconds: number;
  /** Storage for the equity curve (one value per bar, contents arbitrary: every bar is written), or null for a fresh array. */
  readonly equityBuffer?: Float64Array | null;
  readonly onProgress?: (done: number, total: number) => void;
}

const PROGRESS_MASK = 0xffff;

/** The parts of LoopInput an entry needs, bundled once per run. */
interface EntryContext {
  readonly input: LoopInput;
  readonly clock: NoTradeClock | null;
  readonly nextOpen: boolean;
}

/** The levels and time exit of a freshly opened position. */
interface Opened {
  readonly levels: PositionLevels | null;
  readonly levelsFrom: number;
  readonly timeExitBar: number;
}

/** Sizes and opens a position at `rawPrice` on bar t, or logs why not (null). */
function enterPosition(ctx: EntryContext, side: 1 | -1, rawPrice: number, t: number, signalBar: number, clockMs: number): Opened | null {
  const { broker, bars, options, exits, sizing, confidence } = ctx.input;
  const tm = bars.time[t] as number;
  if (ctx.clock !== null && ctx.clock.blocks(clockMs)) {
    broker.skip(tm, "no_trade_window", rawPrice);
    return null;
  }
  const rules = side === 1 ? exits.long : exits.short;
  const size = sizeEntry(sizing, {
    cash: broker.cash,
    equity: broker.equityAt(rawPrice),
    price: slippedPrice(rawPrice, side, options.slippage),
    commission: options.commission,
    fractional: options.fractional,
    confidence: confidence === null ? NaN : (confidence[signalBar] as number),
    stopDistance: rules.stopLoss,
  });
  if (size.skip !== null) {
    broker.skip(tm, size.skip, rawPrice);
    return null;
  }
  broker.open(side, size.units, rawPrice, t, tm);
  const inert = rules.stopLoss === 0 && rules.trailing === 0 && rules.targets.length === 0;
  const levels = inert ? null : new PositionLevels(side, broker.entryPrice, size.units, rules, options.fractional);
  return { levels, levelsFrom: ctx.nextOpen ? t : t + 1, timeExitBar: rules.timeExitBars > 0 ? t + rules.timeExitBars : -1 };
}

// The quiet stretches' equity, in functions of their own: called tens of thousands of
// times, they are optimised within the first few calls, while the bar loop around them
// waits for on-stack replacement (and TypedArray#fill costs more than the few dozen
// bars between signals). The progress checks test onProgress first: a test that first
// runs at bar 65,535 has no type feedback and would deoptimise the loop.

/** Bars [from, to) while flat: equity is the cash. */
function markFlat(equity: Float64Array, from: number, to: number, cash: number): void {
  for (let k = from; k < to; k++) equity[k] = cash;
}

/** Bars [from, to) while holding `position` signed units: marked at the close, exposed. */
function markHeld(equity: Float64Array, exposed: Uint8Array, close: Float64Array, from: number, to: number, cash: number, position: number): void {
  for (let k = from; k < to; k++) {
    equity[k] = cash + position * (close[k] as number);
    exposed[k] = 1;
  }
}

/**
 * The loop alone in its function: V8 optimises a long-running loop while it runs
 * (on-stack replacement), and code after the loop that never ran before would
 * deoptimise that code on every call; here nothing follows the loop.
 */
function barLoop(ctx: EntryContext, equity: Float64Array, exposed: Uint8Array): void {
  const { input, nextOpen } = ctx;
  const { bars, broker, signals, onProgress } = input;
  const { time, open, high, low, close } = bars;
  const { firstSide } = signals;
  const entryLong = new FiringCursor(signals.entryLong);
  const entryShort = new FiringCursor(signals.entryShort);
  const exitLong = new FiringCursor(signals.exitLong);
  const exitShort = new FiringCursor(signals.exitShort);
  const n = close.length;
  const barMs = input.barSeconds * 1000;
  const sink = {
    bar: 0,
    time: 0,
    get remaining(): number {
      return broker.quantity;
    },
    fill(units: number, rawPrice: number, reason: ExitReason): void {
      broker.close(units, rawPrice, this.bar, this.time, reason);
    },
  } satisfies LevelSink & { bar: number; time: number };

  // Position state mirrored in locals (re-read after every broker call) keeps the
  // per-bar path to a few loads and one multiply-add.
  let side: number = 0;
  let units = 0;
  let cash = broker.cash;
  let pendingEntry = 0;
  let pendingExit = false;
  let levels: PositionLevels | null = null;
  let levelsFrom = 0;
  let timeExitBar = -1;
  let previousEntry = 0;

  for (let t = 0; t < n; t++) {
    // Quiet stretches (no pending order, no live level, no signal) only need their
    // equity written: jump over them, at most to the next progress report.
    if (!pendingExit && pendingEntry === 0 && levels === null && timeExitBar < 0) {
      const limit = Math.min(n, (t | PROGRESS_MASK) + 1);
      const entryNext = Math.min(entryLong.next(t), entryShort.next(t));
      const next = Math.min(limit, side === 0 ? entryNext : Math.min(entryNext, (side === 1 ? exitLong : exitShort).next(t)));
      if (next > t) {
        if (side === 0) markFlat(equity, t, next, cash);
        else markHeld(equity, exposed, close, t, next, cash, side * units);
        previousEntry = 0;
        if (onProgress !== undefined && next === limit && (limit & PROGRESS_MASK) === 0) onProgress(limit, n);
        t = next;
        if (t === n) break;
      }
    }
    const c = close[t] as number;
    if (pendingExit || pendingEntry !== 0) {
      if (pendingExit) {
        pendingExit = false;
        if (broker.side !== 0) broker.close(broker.quantity, open[t] as number, t, time[t] as number, "signal");
        levels = null;
        timeExitBar = -1;
      }
      if (pendingEntry !== 0) {
        const opened = enterPosition(ctx, pendingEntry === 1 ? 1 : -1, open[t] as number, t, t - 1, time[t] as number);
        pendingEntry = 0;
        if (opened !== null) ({ levels, levelsFrom, timeExitBar } = opened);
      }
      side = broker.side;
      units = broker.quantity;
      cash = broker.cash;
    }
    if (side !== 0 && (levels !== null || timeExitBar >= 0)) {
      if (levels !== null && t >= levelsFrom) {
        sink.bar = t;
        sink.time = time[t] as number;
        levels.check(open[t] as number, high[t] as number, low[t] as number, sink);
      }
      if (broker.side !== 0 && t === timeExitBar) broker.close(broker.quantity, c, t, time[t] as number, "time_exit");
      side = broker.side;
      units = broker.quantity;
      cash = broker.cash;
      if (side === 0) {
        levels = null;
        timeExitBar = -1;
      }
    }
    const entry = (entryLong.at(t) ? 1 : 0) | (entryShort.at(t) ? 2 : 0);
    const exitNow = side === 1 ? exitLong.at(t) : side === -1 ? exitShort.at(t) : false;
    if (entry !== 0 || exitNow) {
      const tm = time[t] as number;
      if (side !== 0) {
        if (exitNow) {
          if (!nextOpen) {
            broker.close(broker.quantity, c, t, tm, "signal");
            levels = null;
            timeExitBar = -1;
          } else if (t === n - 1) broker.skip(tm, "end_of_data", c);
          else pendingExit = true;
        }
        if (entry !== 0 && previousEntry === 0) broker.skip(tm, "in_position", c);
      } else if (entry !== 0) {
        const chosen: 1 | -1 = entry === 3 ? firstSide : entry === 1 ? 1 : -1;
        if (entry === 3) broker.skip(tm, "conflicting_signal", c);
        if (!nextOpen) {
          const opened = enterPosition(ctx, chosen, c, t, t, tm + barMs);
          if (opened !== null) ({ levels, levelsFrom, timeExitBar } = opened);
        } else if (t === n - 1) broker.skip(tm, "end_of_data", c);
        else pendingEntry = chosen;
      }
      side = broker.side;
      units = broker.quantity;
      cash = broker.cash;
    }
    previousEntry = entry;
    equity[t] = side === 0 ? cash : cash + side * units * c;
    exposed[t] = side !== 0 ? 1 : 0;
    if (onProgress !== undefined && (t & PROGRESS_MASK) === PROGRESS_MASK) onProgress(t + 1, n);
  }
}

/** Runs the bar loop; see the file header for the order of events. */
export function runBarLoop(input: LoopInput): TickerResult {
  const { bars, options, broker, onProgress } = input;
  const { close } = bars;
  const n = close.length;
  const equity = input.equityBuffer?.length === n ? input.equityBuffer : new Float64Array(n);
  const exposed = new Uint8Array(n);
  const ctx: EntryContext = { input, clock: needsNoTradeCheck(input.barSeconds, options.noTrade) ? new NoTradeClock(options.noTrade) : null, nextOpen: options.fill === "next_open" };
  barLoop(ctx, equity, exposed);
  onProgress?.(n, n);

  const last = n > 0 ? (close[n - 1] as number) : NaN;
  const position = n > 0 ? broker.openPosition(last) : null;
  return {
    ticker: bars.ticker,
    initialCash: options.cash,
    finalEquity: n > 0 ? (equity[n - 1] as number) : options.cash,
    trades: broker.trades,
    open: position === null ? [] : [position],
    equity: { time: bars.time, equity, exposed },
    log: broker.log,
    tradedValue: broker.tradedValue,
  };
}
