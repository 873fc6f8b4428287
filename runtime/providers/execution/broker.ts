// The backtest broker: cash, one position, trades and the execution log for one
// ticker. Cost model in costs.ts.
//
// Accounting (long): an entry pays units × fill + commission; an exit receives
// units × fill − commission. Shorts sell first (cash receives units × fill −
// commission) and buy back (cash pays units × fill + commission); their pnl is
// mirrored. Equity = cash + side × units × mark.
// A trade's pnl is net: side × (exit fill − entry fill) × units, minus the entry
// commission pro rata for these units, minus the exit commission; `costs` is the
// commission part. Times in trades and the log are bar timestamps.

import { EventBook, TradeBook } from "../../engine/books.js";
import type { ExitReason, OpenPosition } from "../../engine/result.js";
import { commissionOn, slippedPrice } from "./costs.js";
import type { Broker, ExecutionOptions, Side, SkipReason } from "./types.js";

/** A Broker that fills at the prices it is given (the engine picks open, close or a level). */
export class BacktestBroker implements Broker {
  cash: number;
  side: Side = 0;
  quantity = 0;
  entryPrice = NaN;
  tradedValue = 0;
  readonly books: { readonly trades: TradeBook; readonly log: EventBook };
  private entryQuantity = 0;
  private entryCommission = 0;
  private entryBar = -1;
  private entryTime = NaN;
  private readonly ticker: string;
  private readonly commission: number;
  private readonly slippage: number;

  constructor(options: ExecutionOptions, ticker: string) {
    this.cash = options.cash;
    this.commission = options.commission;
    this.slippage = options.slippage;
    this.ticker = ticker;
    this.books = { trades: new TradeBook(ticker), log: new EventBook(ticker) };
  }

  /** Opens a position of `units` at `rawPrice`; slippage and commission are applied here. */
  open(side: 1 | -1, units: number, rawPrice: number, bar: number, time: number): void {
    const price = slippedPrice(rawPrice, side, this.slippage);
    const value = units * price;
    const commission = commissionOn(value, this.commission);
    this.cash += side === 1 ? -(value + commission) : value - commission;
    this.side = side;
    this.quantity = units;
    this.entryQuantity = units;
    this.entryPrice = price;
    this.entryCommission = commission;
    this.entryBar = bar;
    this.entryTime = time;
    this.tradedValue += value;
    this.books.log.fill(time, side === 1 ? "buy" : "sell", units, price, commission, units * Math.abs(price - rawPrice), "entry");
  }

  /** Closes up to `units` at `rawPrice` and records the trade. */
  close(units: number, rawPrice: number, bar: number, time: number, reason: ExitReason): void {
    if (this.side === 0) return;
    const side = this.side;
    const qty = Math.min(units, this.quantity);
    if (!(qty > 0)) return;
    const action = side === 1 ? -1 : 1;
    const price = slippedPrice(rawPrice, action, this.slippage);
    const value = qty * price;
    const commission = commissionOn(value, this.commission);
    this.cash += side === 1 ? value - commission : -(value + commission);
    const entryShare = (this.entryCommission * qty) / this.entryQuantity;
    const pnl = side * (price - this.entryPrice) * qty - entryShare - commission;
    this.books.trades.push(side, this.entryTime, this.entryPrice, time, price, qty, pnl, entryShare + commission, reason, bar - this.entryBar);
    this.tradedValue += value;
    this.books.log.fill(time, action === 1 ? "buy" : "sell", qty, price, commission, qty * Math.abs(price - rawPrice), reason);
    this.quantity = qty === this.quantity ? 0 : this.quantity - qty;
    if (this.quantity === 0) {
      this.side = 0;
      this.entryPrice = NaN;
    }
  }

  /** Records a signal that did not become a fill; `price` is the price it would have filled at (or the bar's close). */
  skip(time: number, reason: SkipReason, price: number): void {
    this.books.log.skip(time, reason, price);
  }

  /** Cash plus the position marked at `price`. */
  equityAt(price: number): number {
    return this.side === 0 ? this.cash : this.cash + this.side * this.quantity * price;
  }

  /** The open position marked at `markPrice`, or null when flat. */
  openPosition(markPrice: number): OpenPosition | null {
    if (this.side === 0) return null;
    const remainingCommission = (this.entryCommission * this.quantity) / this.entryQuantity;
    return {
      ticker: this.ticker,
      side: this.side === 1 ? "long" : "short",
      entryTime: this.entryTime,
      entryPrice: this.entryPrice,
      quantity: this.quantity,
      markPrice,
      unrealizedPnl: this.side * (markPrice - this.entryPrice) * this.quantity - remainingCommission,
    };
  }
}
