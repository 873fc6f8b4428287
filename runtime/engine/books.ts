// A backtest's closed trades and execution log, recorded column by column. Why: a 2M-bar run
// records ~36k trades and ~75k events; as objects they cost ~20 MB of boxed numbers that all
// survive to the end, ~100 ms of garbage collection, and a pass to turn them back into columns
// for the store. The store and the metrics read the columns; Trade and ExecutionEvent objects
// (result.ts) are built only for callers that ask for them (JSON output, tests), in order.

import type { ExecutionEvent, ExitReason, Trade } from "./result.js";

const INITIAL_CAPACITY = 64;

function grown(from: Float64Array, capacity: number): Float64Array {
  const to = new Float64Array(capacity);
  to.set(from);
  return to;
}

function grownSmall<T extends Int8Array | Uint8Array | Uint16Array>(from: T, to: T): T {
  to.set(from);
  return to;
}

/** Strings coded as small integers, in order of first use. */
class StringCodes {
  readonly values: string[] = [];
  private readonly codes = new Map<string, number>();

  code(value: string): number {
    let code = this.codes.get(value);
    if (code === undefined) {
      code = this.values.length;
      this.values.push(value);
      this.codes.set(value, code);
    }
    return code;
  }
}

/** The closed trades of one ticker, in the order they closed. */
export class TradeBook {
  readonly ticker: string;
  /** Trades recorded; columns hold `length` values (and spare capacity after them). */
  length = 0;
  entryTime: Float64Array = new Float64Array(INITIAL_CAPACITY);
  entryPrice: Float64Array = new Float64Array(INITIAL_CAPACITY);
  exitTime: Float64Array = new Float64Array(INITIAL_CAPACITY);
  exitPrice: Float64Array = new Float64Array(INITIAL_CAPACITY);
  quantity: Float64Array = new Float64Array(INITIAL_CAPACITY);
  pnl: Float64Array = new Float64Array(INITIAL_CAPACITY);
  costs: Float64Array = new Float64Array(INITIAL_CAPACITY);
  bars: Float64Array = new Float64Array(INITIAL_CAPACITY);
  /** 1 long, −1 short. */
  side: Int8Array = new Int8Array(INITIAL_CAPACITY);
  /** Codes into `exitReasons`. */
  exitReason: Uint8Array = new Uint8Array(INITIAL_CAPACITY);
  private readonly reasons = new StringCodes();

  /** The exit reasons `exitReason` codes for, in order of first use. */
  get exitReasons(): readonly string[] {
    return this.reasons.values;
  }

  constructor(ticker: string) {
    this.ticker = ticker;
  }

  /** Records one closed trade (fields as in Trade). */
  push(side: 1 | -1, entryTime: number, entryPrice: number, exitTime: number, exitPrice: number, quantity: number, pnl: number, costs: number, exitReason: ExitReason, bars: number): void {
    const i = this.length;
    if (i === this.pnl.length) this.grow();
    this.side[i] = side;
    this.entryTime[i] = entryTime;
    this.entryPrice[i] = entryPrice;
    this.exitTime[i] = exitTime;
    this.exitPrice[i] = exitPrice;
    this.quantity[i] = quantity;
    this.pnl[i] = pnl;
    this.costs[i] = costs;
    this.exitReason[i] = this.reasons.code(exitReason);
    this.bars[i] = bars;
    this.length = i + 1;
  }

  /** The exit reason of trade i. */
  private exitReasonAt(i: number): ExitReason {
    return this.reasons.values[this.exitReason[i] as number] as ExitReason;
  }

  /** Trade i as an object. */
  at(i: number): Trade {
    return {
      ticker: this.ticker,
      side: this.side[i] === 1 ? "long" : "short",
      entryTime: this.entryTime[i] as number,
      entryPrice: this.entryPrice[i] as number,
      exitTime: this.exitTime[i] as number,
      exitPrice: this.exitPrice[i] as number,
      quantity: this.quantity[i] as number,
      pnl: this.pnl[i] as number,
      costs: this.costs[i] as number,
      exitReason: this.exitReasonAt(i),
      bars: this.bars[i] as number,
    };
  }

  /** Every trade as an object, in order. */
  toArray(): Trade[] {
    return Array.from({ length: this.length }, (_, i) => this.at(i));
  }

  private grow(): void {
    const capacity = this.pnl.length * 2;
    this.entryTime = grown(this.entryTime, capacity);
    this.entryPrice = grown(this.entryPrice, capacity);
    this.exitTime = grown(this.exitTime, capacity);
    this.exitPrice = grown(this.exitPrice, capacity);
    this.quantity = grown(this.quantity, capacity);
    this.pnl = grown(this.pnl, capacity);
    this.costs = grown(this.costs, capacity);
    this.bars = grown(this.bars, capacity);
    this.side = grownSmall(this.side, new Int8Array(capacity));
    this.exitReason = grownSmall(this.exitReason, new Uint8Array(capacity));
  }
}

const FILL = 0, SKIP = 1;
const NO_ACTION = 0, BUY = 1, SELL = 2;

/** The execution log of one ticker: every fill and every skipped signal, in order. */
export class EventBook {
  readonly ticker: string;
  /** Events recorded; columns hold `length` values (and spare capacity after them). */
  length = 0;
  time: Float64Array = new Float64Array(INITIAL_CAPACITY);
  quantity: Float64Array = new Float64Array(INITIAL_CAPACITY);
  price: Float64Array = new Float64Array(INITIAL_CAPACITY);
  commission: Float64Array = new Float64Array(INITIAL_CAPACITY);
  slippage: Float64Array = new Float64Array(INITIAL_CAPACITY);
  /** 0 fill, 1 skip. */
  kind: Uint8Array = new Uint8Array(INITIAL_CAPACITY);
  /** 0 none (skips), 1 buy, 2 sell. */
  action: Uint8Array = new Uint8Array(INITIAL_CAPACITY);
  /** Codes into `reasons`. */
  reason: Uint16Array = new Uint16Array(INITIAL_CAPACITY);
  private readonly reasonCodes = new StringCodes();

  /** The reasons `reason` codes for, in order of first use. */
  get reasons(): readonly string[] {
    return this.reasonCodes.values;
  }

  constructor(ticker: string) {
    this.ticker = ticker;
  }

  /** Records a fill. */
  fill(time: number, action: "buy" | "sell", quantity: number, price: number, commission: number, slippage: number, reason: string): void {
    this.push(time, FILL, action === "buy" ? BUY : SELL, quantity, price, commission, slippage, reason);
  }

  /** Records a signal that did not become a fill; `price` is the price it would have filled at. */
  skip(time: number, reason: string, price: number): void {
    this.push(time, SKIP, NO_ACTION, 0, price, 0, 0, reason);
  }

  /** Whether event i is a fill. */
  isFill(i: number): boolean {
    return this.kind[i] === FILL;
  }

  /** The reason of event i. */
  private reasonAt(i: number): string {
    return this.reasonCodes.values[this.reason[i] as number] as string;
  }

  /** The action of event i: buy or sell for fills, null for skips. */
  private actionAt(i: number): "buy" | "sell" | null {
    const a = this.action[i];
    return a === BUY ? "buy" : a === SELL ? "sell" : null;
  }

  /** Event i as an object. */
  at(i: number): ExecutionEvent {
    return {
      time: this.time[i] as number,
      ticker: this.ticker,
      kind: this.kind[i] === FILL ? "fill" : "skip",
      action: this.actionAt(i),
      quantity: this.quantity[i] as number,
      price: this.price[i] as number,
      commission: this.commission[i] as number,
      slippage: this.slippage[i] as number,
      reason: this.reasonAt(i),
    };
  }

  /** Every event as an object, in order. */
  toArray(): ExecutionEvent[] {
    return Array.from({ length: this.length }, (_, i) => this.at(i));
  }

  private push(time: number, kind: number, action: number, quantity: number, price: number, commission: number, slippage: number, reason: string): void {
    const i = this.length;
    if (i === this.time.length) this.grow();
    this.time[i] = time;
    this.kind[i] = kind;
    this.action[i] = action;
    this.quantity[i] = quantity;
    this.price[i] = price;
    this.commission[i] = commission;
    this.slippage[i] = slippage;
    this.reason[i] = this.reasonCodes.code(reason);
    this.length = i + 1;
  }

  private grow(): void {
    const capacity = this.time.length * 2;
    this.time = grown(this.time, capacity);
    this.quantity = grown(this.quantity, capacity);
    this.price = grown(this.price, capacity);
    this.commission = grown(this.commission, capacity);
    this.slippage = grown(this.slippage, capacity);
    this.kind = grownSmall(this.kind, new Uint8Array(capacity));
    this.action = grownSmall(this.action, new Uint8Array(capacity));
    this.reason = grownSmall(this.reason, new Uint16Array(capacity));
  }
}
