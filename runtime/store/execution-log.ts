// The execution log: every fill and every skipped signal of a run, with its reason.
// Since migration 5 a staged ticker's events are one columnar block in
// execution_log_blocks (one insert however many events; see column-blob.ts); runs
// recorded earlier keep a row per event in execution_log. Readers see one list in
// recorded order either way. `strat report RUN --json` and the run's `--json` output
// expose the log to tools.

import { EventBook } from "../engine/books.js";
import type { ExecutionEvent } from "../engine/result.js";
import { codedTextColumn, decodeColumns, type Column } from "./column-blob.js";
import { insertBlock, selectBlocks, type BlockTable } from "./run-blocks.js";
import type { StoreContext } from "./context.js";

const LOG_BLOCKS: BlockTable = { table: "execution_log_blocks", count: "events" };

/** Inserts events (objects, or the engine's columns) with seq numbers from `firstSeq`; returns the next free seq. Call inside a write transaction. */
export function insertExecutionLog(ctx: StoreContext, runId: string, events: readonly ExecutionEvent[] | EventBook, firstSeq: number): number {
  return insertBlock(ctx, LOG_BLOCKS, runId, firstSeq, events.length, events instanceof EventBook ? bookColumns(events) : objectColumns(events));
}

/** The block's columns, in stored order, from the engine's columns (text columns from their codes). */
function bookColumns(book: EventBook): Column[] {
  const n = book.length;
  const f64 = (values: Float64Array): Float64Array => values.subarray(0, n);
  return [
    { name: "time", kind: "f64", values: f64(book.time) },
    codedTextColumn("ticker", n, [book.ticker], () => 0),
    codedTextColumn("kind", n, KINDS, (i) => (book.isFill(i) ? 0 : 1)),
    codedTextColumn("action", n, ACTIONS, (i) => (book.action[i] as number) - 1),
    ...eventColumns(f64(book.quantity), f64(book.price), f64(book.commission), f64(book.slippage)),
    codedTextColumn("reason", n, book.reasons, (i) => book.reason[i] as number),
  ];
}

const KINDS = ["fill", "skip"];
/** EventBook's action codes less one: 0 buy, 1 sell (−1, no action, is null). */
const ACTIONS = ["buy", "sell"];

/** The block's columns, in stored order, from event objects. */
function objectColumns(events: readonly ExecutionEvent[]): Column[] {
  const n = events.length;
  const time = new Float64Array(n), quantity = new Float64Array(n), price = new Float64Array(n), commission = new Float64Array(n), slippage = new Float64Array(n);
  const ticker = new Array<string>(n), kind = new Array<string>(n), action = new Array<string | null>(n), reason = new Array<string>(n);
  for (let i = 0; i < n; i++) {
    const e = events[i] as ExecutionEvent;
    time[i] = e.time;
    ticker[i] = e.ticker;
    kind[i] = e.kind;
    action[i] = e.action;
    quantity[i] = e.quantity;
    price[i] = e.price;
    commission[i] = e.commission;
    slippage[i] = e.slippage;
    reason[i] = e.reason;
  }
  return [
    { name: "time", kind: "f64", values: time },
    { name: "ticker", kind: "text", values: ticker },
    { name: "kind", kind: "text", values: kind },
    { name: "action", kind: "text", values: action },
    ...eventColumns(quantity, price, commission, slippage),
    { name: "reason", kind: "text", values: reason },
  ];
}

/** The block's amount columns, in stored order. */
function eventColumns(quantity: Float64Array, price: Float64Array, commission: Float64Array, slippage: Float64Array): Column[] {
  return [
    { name: "quantity", kind: "f64", values: quantity },
    { name: "price", kind: "f64", values: price },
    { name: "commission", kind: "f64", values: commission },
    { name: "slippage", kind: "f64", values: slippage },
  ];
}

/** A run's execution log (of one ticker when given), in recorded order. */
export function selectExecutionLog(ctx: StoreContext, runId: string, ticker?: string): ExecutionEvent[] {
  return selectBlocks(ctx, LOG_BLOCKS, runId, ticker, eventsOf) ?? selectLegacyRows(ctx, runId, ticker);
}

function eventsOf(blob: Uint8Array): ExecutionEvent[] {
  const { rows, columns } = decodeColumns(blob);
  const f64 = (name: string): Float64Array => columns.get(name) as Float64Array;
  const text = (name: string): readonly (string | null)[] => columns.get(name) as readonly (string | null)[];
  const [time, ticker, kind, action, quantity, price, commission, slippage, reason] = [
    f64("time"),
    text("ticker"),
    text("kind"),
    text("action"),
    f64("quantity"),
    f64("price"),
    f64("commission"),
    f64("slippage"),
    text("reason"),
  ];
  const out = new Array<ExecutionEvent>(rows);
  for (let i = 0; i < rows; i++) {
    out[i] = {
      time: time[i] as number,
      ticker: ticker[i] as string,
      kind: kind[i] as ExecutionEvent["kind"],
      action: action[i] as ExecutionEvent["action"],
      quantity: quantity[i] as number,
      price: price[i] as number,
      commission: commission[i] as number,
      slippage: slippage[i] as number,
      reason: reason[i] as string,
    };
  }
  return out;
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

/** Events of a run recorded before migration 5, one row each. */
function selectLegacyRows(ctx: StoreContext, runId: string, ticker?: string): ExecutionEvent[] {
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
