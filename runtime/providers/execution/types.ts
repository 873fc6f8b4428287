// The execution provider interface: how signals become fills. The engine
// (runtime/engine) decides WHEN to trade from the plan's signals; an execution
// provider decides HOW: fill prices, costs, sizes, exit levels, and the record of
// every fill and skip. `backtest` simulates fills on bars; a paper or live broker
// implements the same Broker behind the same options.

import type { NoTradeWindow } from "../../../specs/generated/plan.js";
import type { EventBook, TradeBook } from "../../engine/books.js";
import type { ExitReason, OpenPosition } from "../../engine/result.js";

/** Options of an execution provider (specs/providers/execution-backtest.schema.json). */
export interface ExecutionOptions {
  /** next_open: a signal on bar t's close fills at bar t+1's open; close: it fills at bar t's close. */
  readonly fill: "next_open" | "close";
  /** Whether positions may hold fractional units; otherwise sizes are rounded down to whole units. */
  readonly fractional: boolean;
  /** Starting cash, in currency units (> 0). */
  readonly cash: number;
  /** Commission as a fraction of traded value, charged on every fill (each side). */
  readonly commission: number;
  /** Slippage as a fraction of price against the trader: buys fill at p × (1 + s), sells at p × (1 − s). */
  readonly slippage: number;
  /** Entry fills whose local time of day falls in [from, to) are skipped (intraday bars only). */
  readonly noTrade: readonly NoTradeWindow[];
}

/** Why a signal did not become a fill. */
export type SkipReason = "no_trade_window" | "insufficient_cash" | "in_position" | "zero_size" | "end_of_data" | "conflicting_signal";

/** A failure the user can fix, with what to do in the message. */
export interface ExecutionError {
  readonly kind: "bad_options" | "bad_rule" | "bad_sizing";
  readonly message: string;
}

/** Success or an execution error. */
export type ExecutionResult<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: ExecutionError };

/** Position side: 1 long, −1 short, 0 flat. */
export type Side = 1 | -1 | 0;

/** Holds cash and one position for one ticker, applies costs, and records trades and the execution log. */
export interface Broker {
  /** Cash after every fill so far. */
  readonly cash: number;
  /** Current side; 0 when flat. */
  readonly side: Side;
  /** Units currently held (positive), 0 when flat. */
  readonly quantity: number;
  /** Fill price of the open position's entry, slippage included; NaN when flat. */
  readonly entryPrice: number;
  /** Opens a position of `units` at `rawPrice` (slippage and commission applied here). */
  open(side: 1 | -1, units: number, rawPrice: number, bar: number, time: number): void;
  /** Closes `units` (at most the position) at `rawPrice`; records one trade. */
  close(units: number, rawPrice: number, bar: number, time: number, reason: ExitReason): void;
  /** Records a signal that did not fill; `price` is the price it would have filled at (or the bar's close). */
  skip(time: number, reason: SkipReason, price: number): void;
  /** Cash plus the position marked at `price`. */
  equityAt(price: number): number;
  /** The open position marked at `markPrice`, or null when flat. */
  openPosition(markPrice: number): OpenPosition | null;
  /** Closed trades, and every fill and skip, so far, in order, as columns (runtime/engine/books.ts). */
  readonly books: { readonly trades: TradeBook; readonly log: EventBook };
  /** Σ |fill value| so far. */
  readonly tradedValue: number;
}

/** One execution provider, chosen by name (`execution.provider` in the plan). */
export interface ExecutionProvider {
  /** Name used in plans: `backtest`. */
  readonly name: string;
  /** Version of the fill rules; recorded with every run. */
  readonly version: string;
  /** JSON Schema of the options (specs/providers/execution-<name>.schema.json). */
  readonly optionsSchema: object;
  /** Checks options against the schema. */
  validateOptions(value: unknown): ExecutionResult<ExecutionOptions>;
  /** A broker for one ticker, starting with `options.cash`. */
  createBroker(options: ExecutionOptions, ticker: string): Broker;
}
