// The execution_log table: every fill and every skipped signal of a run, with its reason.
// A row per event keeps the log queryable (`WHERE reason = 'insufficient_cash'`); a run's
// events are inserted in multi-row statements inside the run's transaction.

import type { ExecutionEvent } from "../engine/result.js";
import { insertRowsBatched } from "./batch-insert.js";
import type { StoreContext } from "./context.js";

const LOG_COLUMNS = ["run_id", "seq", "time", "ticker", "kind", "action", "quantity", "price", "commission", "slippage", "reason"];

/** Inserts events with seq numbers from `firstSeq`; returns the next free seq. Call inside a write transaction. */
export function insertExecutionLog(ctx: StoreContext, runId: string, events: readonly ExecutionEvent[], firstSeq: number): number {
  insertRowsBatched(ctx, "execution_log", LOG_COLUMNS, events.length, (i, p, at) => {
    const e = events[i] as ExecutionEvent;
    p[at] = runId;
    p[at + 1] = firstSeq + i;
    p[at + 2] = e.time;
    p[at + 3] = e.ticker;
    p[at + 4] = e.kind;
    p[at + 5] = e.action;
    p[at + 6] = e.quantity;
    p[at + 7] = e.price;
    p[at + 8] = e.commission;
    p[at + 9] = e.slippage;
    p[at + 10] = e.reason;
  });
  return firstSeq + events.length;
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
