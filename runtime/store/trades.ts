// The trades and open_positions tables: closed trades (scale-outs are their own trades)
// and positions still open at the end of data, in the order the engine produced them.

import type { ExitReason, OpenPosition, Trade } from "../engine/result.js";
import { insertRowsBatched } from "./batch-insert.js";
import type { StoreContext } from "./context.js";

const TRADE_COLUMNS = ["run_id", "seq", "ticker", "side", "entry_time", "entry_price", "exit_time", "exit_price", "quantity", "pnl", "costs", "exit_reason", "bars"];

/** Inserts trades with seq numbers from `firstSeq`; returns the next free seq. Call inside a write transaction. */
export function insertTrades(ctx: StoreContext, runId: string, trades: readonly Trade[], firstSeq: number): number {
  insertRowsBatched(ctx, "trades", TRADE_COLUMNS, trades.length, (i, p, at) => {
    const t = trades[i] as Trade;
    p[at] = runId;
    p[at + 1] = firstSeq + i;
    p[at + 2] = t.ticker;
    p[at + 3] = t.side;
    p[at + 4] = t.entryTime;
    p[at + 5] = t.entryPrice;
    p[at + 6] = t.exitTime;
    p[at + 7] = t.exitPrice;
    p[at + 8] = t.quantity;
    p[at + 9] = t.pnl;
    p[at + 10] = t.costs;
    p[at + 11] = t.exitReason;
    p[at + 12] = t.bars;
  });
  return firstSeq + trades.length;
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
