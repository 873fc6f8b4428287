// The bar loop's state and its per-bar work (loop.ts drives it; the order of events
// within a bar is documented there).
//
// Input: a LoopInput (loop.ts), the equity and exposure buffers. Output: the two
// buffers written for every bar, fills and skips recorded by the broker.
// Invariants: allocates per fill, never per bar; bars are visited in increasing order.
//
// Why a class of small methods: loop.ts's loop runs once over millions of bars, so V8
// optimises it while it runs (on-stack replacement), and any path it optimised
// without type feedback (the first skip for lack of cash, late in a run) throws that
// code away and compiles the whole loop again, ~100 ms each time. Work that happens
// per event (fills, skips, level checks) lives here instead, in methods called tens of
// thousands of times: they are optimised early on their own, cheaply re-optimised
// when a new path appears, and too large for V8 to inline into the loop, which thus
// keeps only code whose feedback is complete after its first few iterations.

import { slippedPrice } from "../providers/execution/costs.js";
import { PositionLevels, type LevelSink } from "../providers/execution/levels.js";
import type { NoTradeClock } from "../providers/execution/no-trade.js";
import { sizeEntry } from "../providers/execution/sizing.js";
import type { Broker } from "../providers/execution/types.js";
import type { LoopInput } from "./loop.js";
import type { ExitReason } from "./result.js";
import { FiringCursor } from "./signals.js";

/** Progress is reported at every multiple of PROGRESS_MASK + 1 bars. */
export const PROGRESS_MASK = 0xffff;

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

/** Where level fills go: the broker, at the bar being checked. */
class BrokerSink implements LevelSink {
  bar = 0;
  time = 0;
  private readonly broker: Broker;

  constructor(broker: Broker) {
    this.broker = broker;
  }

  /** Units still open. */
  get remaining(): number {
    return this.broker.quantity;
  }

  /** Closes `units` at `rawPrice` on the current bar. */
  fill(units: number, rawPrice: number, reason: ExitReason): void {
    this.broker.close(units, rawPrice, this.bar, this.time, reason);
  }
}

/** Position state and per-bar work of one run of the bar loop. */
export class LoopState {
  // Position state mirrored from the broker (re-read after every broker call): the
  // quiet-stretch test and the equity of a bar are a few field loads.
  private side = 0;
  private units = 0;
  private cash: number;
  private pendingEntry = 0;
  private pendingExit = false;
  private levels: PositionLevels | null = null;
  private levelsFrom = 0;
  private timeExitBar = -1;
  private previousEntry = 0;
  private readonly input: LoopInput;
  private readonly broker: Broker;
  private readonly clock: NoTradeClock | null;
  private readonly nextOpen: boolean;
  private readonly equity: Float64Array;
  private readonly exposed: Uint8Array;
  private readonly n: number;
  private readonly barMs: number;
  private readonly entryLong: FiringCursor;
  private readonly entryShort: FiringCursor;
  private readonly exitLong: FiringCursor;
  private readonly exitShort: FiringCursor;
  private readonly sink: BrokerSink;

  /** State before bar 0: flat, nothing pending. */
  constructor(input: LoopInput, clock: NoTradeClock | null, equity: Float64Array, exposed: Uint8Array) {
    const { broker, signals } = input;
    this.input = input;
    this.broker = broker;
    this.clock = clock;
    this.nextOpen = input.options.fill === "next_open";
    this.equity = equity;
    this.exposed = exposed;
    this.n = input.bars.close.length;
    this.barMs = input.barSeconds * 1000;
    this.cash = broker.cash;
    this.entryLong = new FiringCursor(signals.entryLong);
    this.entryShort = new FiringCursor(signals.entryShort);
    this.exitLong = new FiringCursor(signals.exitLong);
    this.exitShort = new FiringCursor(signals.exitShort);
    this.sink = new BrokerSink(broker);
  }

  /**
   * From bar `t`, marks the quiet stretch (no pending order, no live level, no signal)
   * and returns the first bar after it: `t` itself when something may happen on it;
   * stops at the next progress report (reported here) and at n.
   */
  skipQuiet(t: number): number {
    if (this.pendingExit || this.pendingEntry !== 0 || this.levels !== null || this.timeExitBar >= 0) return t;
    const n = this.n;
    const side = this.side;
    const limit = Math.min(n, (t | PROGRESS_MASK) + 1);
    const entryNext = Math.min(this.entryLong.next(t), this.entryShort.next(t));
    const next = Math.min(limit, side === 0 ? entryNext : Math.min(entryNext, (side === 1 ? this.exitLong : this.exitShort).next(t)));
    if (next === t) return t;
    if (side === 0) markFlat(this.equity, t, next, this.cash);
    else markHeld(this.equity, this.exposed, this.input.bars.close, t, next, this.cash, side * this.units);
    this.previousEntry = 0;
    // onProgress is tested first: a test that first runs at bar 65,535 has no type feedback.
    const onProgress = this.input.onProgress;
    if (onProgress !== undefined && next === limit && (limit & PROGRESS_MASK) === 0) onProgress(limit, n);
    return next;
  }

  /** Runs bar `t` through the order of events of loop.ts and writes its equity. */
  step(t: number): void {
    const { close } = this.input.bars;
    const c = close[t] as number;
    if (this.pendingExit || this.pendingEntry !== 0) this.fillPending(t);
    if (this.side !== 0 && (this.levels !== null || this.timeExitBar >= 0)) this.checkExits(t, c);
    const entry = (this.entryLong.at(t) ? 1 : 0) | (this.entryShort.at(t) ? 2 : 0);
    const side = this.side;
    const exitNow = side === 1 ? this.exitLong.at(t) : side === -1 ? this.exitShort.at(t) : false;
    if (entry !== 0 || exitNow) this.onSignals(t, c, entry, exitNow);
    this.previousEntry = entry;
    const held = this.side;
    this.equity[t] = held === 0 ? this.cash : this.cash + held * this.units * c;
    this.exposed[t] = held !== 0 ? 1 : 0;
    const onProgress = this.input.onProgress;
    if (onProgress !== undefined && (t & PROGRESS_MASK) === PROGRESS_MASK) onProgress(t + 1, this.n);
  }

  /** (next_open) fills the pending exit, then the pending entry, at bar t's open. */
  private fillPending(t: number): void {
    const { open, time } = this.input.bars;
    const broker = this.broker;
    if (this.pendingExit) {
      this.pendingExit = false;
      if (broker.side !== 0) broker.close(broker.quantity, open[t] as number, t, time[t] as number, "signal");
      this.levels = null;
      this.timeExitBar = -1;
    }
    if (this.pendingEntry !== 0) {
      const side = this.pendingEntry === 1 ? 1 : -1;
      this.pendingEntry = 0;
      this.enter(side, open[t] as number, t, t - 1, time[t] as number);
    }
    this.mirror();
  }

  /** Intrabar levels, then the time exit, of the open position on bar t. */
  private checkExits(t: number, c: number): void {
    const { open, high, low, time } = this.input.bars;
    const broker = this.broker;
    const levels = this.levels;
    if (levels !== null && t >= this.levelsFrom) {
      this.sink.bar = t;
      this.sink.time = time[t] as number;
      levels.check(open[t] as number, high[t] as number, low[t] as number, this.sink);
    }
    if (broker.side !== 0 && t === this.timeExitBar) broker.close(broker.quantity, c, t, time[t] as number, "time_exit");
    this.mirror();
    if (this.side === 0) {
      this.levels = null;
      this.timeExitBar = -1;
    }
  }

  /** The signals on bar t's close: `entry` has bit 1 for long, bit 2 for short; `exitNow` is the held side's exit. */
  private onSignals(t: number, c: number, entry: number, exitNow: boolean): void {
    const broker = this.broker;
    const n = this.n;
    const tm = this.input.bars.time[t] as number;
    if (this.side !== 0) {
      if (exitNow) {
        if (!this.nextOpen) {
          broker.close(broker.quantity, c, t, tm, "signal");
          this.levels = null;
          this.timeExitBar = -1;
        } else if (t === n - 1) broker.skip(tm, "end_of_data", c);
        else this.pendingExit = true;
      }
      if (entry !== 0 && this.previousEntry === 0) broker.skip(tm, "in_position", c);
    } else if (entry !== 0) {
      const chosen: 1 | -1 = entry === 3 ? this.input.signals.firstSide : entry === 1 ? 1 : -1;
      if (entry === 3) broker.skip(tm, "conflicting_signal", c);
      if (!this.nextOpen) this.enter(chosen, c, t, t, tm + this.barMs);
      else if (t === n - 1) broker.skip(tm, "end_of_data", c);
      else this.pendingEntry = chosen;
    }
    this.mirror();
  }

  /** Sizes and opens a position at `rawPrice` on bar t with its levels and time exit, or logs why not. */
  private enter(side: 1 | -1, rawPrice: number, t: number, signalBar: number, clockMs: number): void {
    const { broker, bars, options, exits, sizing, confidence } = this.input;
    const tm = bars.time[t] as number;
    if (this.clock !== null && this.clock.blocks(clockMs)) {
      broker.skip(tm, "no_trade_window", rawPrice);
      return;
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
      return;
    }
    broker.open(side, size.units, rawPrice, t, tm);
    const inert = rules.stopLoss === 0 && rules.trailing === 0 && rules.targets.length === 0;
    this.levels = inert ? null : new PositionLevels(side, broker.entryPrice, size.units, rules, options.fractional);
    this.levelsFrom = this.nextOpen ? t : t + 1;
    this.timeExitBar = rules.timeExitBars > 0 ? t + rules.timeExitBars : -1;
  }

  /** Re-reads the broker's position after a broker call. */
  private mirror(): void {
    const broker = this.broker;
    this.side = broker.side;
    this.units = broker.quantity;
    this.cash = broker.cash;
  }
}
