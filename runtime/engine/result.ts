// What a backtest produces. The store persists these; metrics and gates read them.

import type { EventBook, TradeBook } from "./books.js";

/** Why a position (or part of it) was closed. */
export type ExitReason = "signal" | "stop_loss" | "take_profit" | "trailing_stop" | "time_exit" | "end_of_data";

/** A closed trade (a scale-out closes part of a position and yields its own trade). */
export interface Trade {
  readonly ticker: string;
  readonly side: "long" | "short";
  /** Entry fill time, epoch ms UTC. */
  readonly entryTime: number;
  readonly entryPrice: number;
  readonly exitTime: number;
  readonly exitPrice: number;
  /** Units closed by this trade (positive). */
  readonly quantity: number;
  /** Net pnl in cash: price pnl minus both sides' commission on this quantity. */
  readonly pnl: number;
  /** Commission paid on entry (pro rata for this quantity) and exit. */
  readonly costs: number;
  readonly exitReason: ExitReason;
  /** Bars held, entry bar to exit bar. */
  readonly bars: number;
}

/** A position still open at the end of data, marked to the last close. */
export interface OpenPosition {
  readonly ticker: string;
  readonly side: "long" | "short";
  readonly entryTime: number;
  readonly entryPrice: number;
  readonly quantity: number;
  readonly markPrice: number;
  /** Unrealised pnl at the mark, net of the entry commission. */
  readonly unrealizedPnl: number;
}

/** One line of the execution log: every fill and every skipped signal. */
export interface ExecutionEvent {
  readonly time: number;
  readonly ticker: string;
  readonly kind: "fill" | "skip";
  /** For fills: buy or sell. */
  readonly action: "buy" | "sell" | null;
  readonly quantity: number;
  readonly price: number;
  readonly commission: number;
  /** Slippage cost in cash on this fill. */
  readonly slippage: number;
  /** entry, signal, stop_loss, ... for fills; the skip reason (no_trade_window, insufficient_cash, already_in_position, zero_size, ...) for skips. */
  readonly reason: string;
}

/** A per-bar equity curve (cash + marked positions) for one ticker or the portfolio. */
export interface EquityCurve {
  readonly time: Float64Array;
  readonly equity: Float64Array;
  /** 1 when any position was open at the bar's close. */
  readonly exposed: Uint8Array;
}

/** The result of backtesting one strategy on one ticker. */
export interface TickerResult {
  readonly ticker: string;
  readonly initialCash: number;
  readonly finalEquity: number;
  readonly trades: readonly Trade[];
  readonly open: readonly OpenPosition[];
  readonly equity: EquityCurve;
  readonly log: readonly ExecutionEvent[];
  /** Sum of |fill value| over all fills, for turnover. */
  readonly tradedValue: number;
  /**
   * The trades and the log as columns, when the engine recorded them so (books.ts): the store
   * and the metrics read these, and `trades` and `log` are built from them on first access.
   */
  readonly books?: { readonly trades: TradeBook; readonly log: EventBook };
}
