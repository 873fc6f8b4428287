// Closed trades (scale-outs are their own trades) and positions still open at the end of
// data, in the order the engine produced them. Since migration 6 a staged ticker's trades
// are one columnar block in trade_blocks (column-blob.ts); runs recorded earlier keep a
// row per trade in trades. `strat report RUN --json` gives them to tools.

import { TradeBook } from "../engine/books.js";
import type { ExitReason, OpenPosition, Trade } from "../engine/result.js";
import { codedTextColumn, decodeColumns, type Column } from "./column-blob.js";
import { insertBlock, selectBlocks, type BlockTable } from "./run-blocks.js";
import type { StoreContext } from "./context.js";

const TRADE_BLOCKS: BlockTable = { table: "trade_blocks", count: "trades" };

/** Inserts trades (objects, or the engine's columns) with seq numbers from `firstSeq`; returns the next free seq. Call inside a write transaction. */
export function insertTrades(ctx: StoreContext, runId: string, trades: readonly Trade[] | TradeBook, firstSeq: number): number {
  return insertBlock(ctx, TRADE_BLOCKS, runId, firstSeq, trades.length, trades instanceof TradeBook ? bookColumns(trades) : objectColumns(trades));
}

/** The block's columns, in stored order, from the engine's columns (text columns from their codes). */
function bookColumns(book: TradeBook): Column[] {
  const n = book.length;
  const f64 = (values: Float64Array): Float64Array => values.subarray(0, n);
  return [
    codedTextColumn("ticker", n, [book.ticker], () => 0),
    codedTextColumn("side", n, SIDES, (i) => (book.side[i] === 1 ? 0 : 1)),
    ...tradeColumns(f64(book.entryTime), f64(book.entryPrice), f64(book.exitTime), f64(book.exitPrice), f64(book.quantity), f64(book.pnl), f64(book.costs)),
    codedTextColumn("exit_reason", n, book.exitReasons, (i) => book.exitReason[i] as number),
    { name: "bars", kind: "f64", values: f64(book.bars) },
  ];
}

const SIDES = ["long", "short"];

/** The block's columns, in stored order, from trade objects. */
function objectColumns(trades: readonly Trade[]): Column[] {
  const n = trades.length;
  const entryTime = new Float64Array(n), entryPrice = new Float64Array(n), exitTime = new Float64Array(n), exitPrice = new Float64Array(n);
  const quantity = new Float64Array(n), pnl = new Float64Array(n), costs = new Float64Array(n), bars = new Float64Array(n);
  const ticker = new Array<string>(n), side = new Array<string>(n), exitReason = new Array<string>(n);
  for (let i = 0; i < n; i++) {
    const t = trades[i] as Trade;
    ticker[i] = t.ticker;
    side[i] = t.side;
    entryTime[i] = t.entryTime;
    entryPrice[i] = t.entryPrice;
    exitTime[i] = t.exitTime;
    exitPrice[i] = t.exitPrice;
    quantity[i] = t.quantity;
    pnl[i] = t.pnl;
    costs[i] = t.costs;
    exitReason[i] = t.exitReason;
    bars[i] = t.bars;
  }
  return [
    { name: "ticker", kind: "text", values: ticker },
    { name: "side", kind: "text", values: side },
    ...tradeColumns(entryTime, entryPrice, exitTime, exitPrice, quantity, pnl, costs),
    { name: "exit_reason", kind: "text", values: exitReason },
    { name: "bars", kind: "f64", values: bars },
  ];
}

/** The block's price and pnl columns, in stored order. */
function tradeColumns(entryTime: Float64Array, entryPrice: Float64Array, exitTime: Float64Array, exitPrice: Float64Array, quantity: Float64Array, pnl: Float64Array, costs: Float64Array): Column[] {
  return [
    { name: "entry_time", kind: "f64", values: entryTime },
    { name: "entry_price", kind: "f64", values: entryPrice },
    { name: "exit_time", kind: "f64", values: exitTime },
    { name: "exit_price", kind: "f64", values: exitPrice },
    { name: "quantity", kind: "f64", values: quantity },
    { name: "pnl", kind: "f64", values: pnl },
    { name: "costs", kind: "f64", values: costs },
  ];
}

/** Inserts open positions with seq numbers from `firstSeq`; returns the next free seq. */
export function insertOpenPositions(ctx: StoreContext, runId: string, open: readonly OpenPosition[], firstSeq: number): number {
  const stmt = ctx.db.prepare(
    `INSERT INTO open_positions (run_id, seq, ticker, side, entry_time, entry_price, quantity, mark_price, unrealized_pnl)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  let seq = firstSeq;
  for (const p of open) stmt.run(runId, seq++, p.ticker, p.side, p.entryTime, p.entryPrice, p.quantity, p.markPrice, p.unrealizedPnl);
  return seq;
}

interface TradeRow {
  ticker: string;
  side: "long" | "short";
  entry_time: number;
  entry_price: number;
  exit_time: number;
  exit_price: number;
  quantity: number;
  pnl: number;
  costs: number;
  exit_reason: ExitReason;
  bars: number;
}

/** A run's closed trades (of one ticker when given), in recorded order. */
export function selectTrades(ctx: StoreContext, runId: string, ticker?: string): Trade[] {
  return selectBlocks(ctx, TRADE_BLOCKS, runId, ticker, tradesOf) ?? selectLegacyTrades(ctx, runId, ticker);
}

function tradesOf(blob: Uint8Array): Trade[] {
  const { rows, columns } = decodeColumns(blob);
  const f64 = (name: string): Float64Array => columns.get(name) as Float64Array;
  const text = (name: string): readonly (string | null)[] => columns.get(name) as readonly (string | null)[];
  const ticker = text("ticker"), side = text("side"), exitReason = text("exit_reason");
  const entryTime = f64("entry_time"), entryPrice = f64("entry_price"), exitTime = f64("exit_time"), exitPrice = f64("exit_price");
  const quantity = f64("quantity"), pnl = f64("pnl"), costs = f64("costs"), bars = f64("bars");
  const out = new Array<Trade>(rows);
  for (let i = 0; i < rows; i++) {
    out[i] = {
      ticker: ticker[i] as string,
      side: side[i] as Trade["side"],
      entryTime: entryTime[i] as number,
      entryPrice: entryPrice[i] as number,
      exitTime: exitTime[i] as number,
      exitPrice: exitPrice[i] as number,
      quantity: quantity[i] as number,
      pnl: pnl[i] as number,
      costs: costs[i] as number,
      exitReason: exitReason[i] as ExitReason,
      bars: bars[i] as number,
    };
  }
  return out;
}

/** Trades of a run recorded before migration 6, one row each. */
function selectLegacyTrades(ctx: StoreContext, runId: string, ticker?: string): Trade[] {
  const rows = (
    ticker === undefined
      ? ctx.db.prepare("SELECT * FROM trades WHERE run_id = ? ORDER BY seq").all(runId)
      : ctx.db.prepare("SELECT * FROM trades WHERE run_id = ? AND ticker = ? ORDER BY seq").all(runId, ticker)
  ) as TradeRow[];
  return rows.map((r) => ({
    ticker: r.ticker,
    side: r.side,
    entryTime: r.entry_time,
    entryPrice: r.entry_price,
    exitTime: r.exit_time,
    exitPrice: r.exit_price,
    quantity: r.quantity,
    pnl: r.pnl,
    costs: r.costs,
    exitReason: r.exit_reason,
    bars: r.bars,
  }));
}

interface OpenRow {
  ticker: string;
  side: "long" | "short";
  entry_time: number;
  entry_price: number;
  quantity: number;
  mark_price: number;
  unrealized_pnl: number;
}

/** A run's positions open at the end of data (of one ticker when given). */
export function selectOpenPositions(ctx: StoreContext, runId: string, ticker?: string): OpenPosition[] {
  const rows = (
    ticker === undefined
      ? ctx.db.prepare("SELECT * FROM open_positions WHERE run_id = ? ORDER BY seq").all(runId)
      : ctx.db.prepare("SELECT * FROM open_positions WHERE run_id = ? AND ticker = ? ORDER BY seq").all(runId, ticker)
  ) as OpenRow[];
  return rows.map((r) => ({
    ticker: r.ticker,
    side: r.side,
    entryTime: r.entry_time,
    entryPrice: r.entry_price,
    quantity: r.quantity,
    markPrice: r.mark_price,
    unrealizedPnl: r.unrealized_pnl,
  }));
}
