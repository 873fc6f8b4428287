// The execution_log table: every fill and every skipped signal of a run, with its reason.
// A row per event keeps the log queryable (`WHERE reason = 'insufficient_cash'`); a run's
// events are inserted with one prepared statement inside the run's transaction.

import type { ExecutionEvent } from "../engine/result.js";
import type { StoreContext } from "./context.js";

/** Inserts events with seq numbers from `firstSeq`; returns the next free seq. Call inside a write transaction. */
export function insertExecutionLog(ctx: StoreContext, runId: string, events: readonly ExecutionEvent[], firstSeq: number): number {
  const stmt = ctx.db.prepare(
    `INSERT INTO execution_log (run_id, seq, time, ticker, kind, action, quantity, price, commission, slippage, reason)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  let seq = firstSeq;
  for (const e of events) stmt.run(runId, seq++, e.time, e.ticker, e.kind, e.action, e.quantity, e.price, e.commission, e.slippage, e.reason);
  return seq;
}

interface LogRow {
  time: number;
  ticker: string;
  kind: "fill" | "skip";
  action: "buy" | "sell" | null;
  quantity: number;
  price: number;
  commission: number;
  slippage: number;
  reason: string;
}

/** A run's execution log (of one ticker when given), in recorded order. */
export function selectExecutionLog(ctx: StoreContext, runId: string, ticker?: string): ExecutionEvent[] {
  const rows = (
    ticker === undefined
      ? ctx.db.prepare("SELECT * FROM execution_log WHERE run_id = ? ORDER BY seq").all(runId)
      : ctx.db.prepare("SELECT * FROM execution_log WHERE run_id = ? AND ticker = ? ORDER BY seq").all(runId, ticker)
  ) as LogRow[];
  return rows.map((r) => ({
    time: r.time,
    ticker: r.ticker,
    kind: r.kind,
    action: r.action,
    quantity: r.quantity,
    price: r.price,
    commission: r.commission,
    slippage: r.slippage,
    reason: r.reason,
  }));
}
