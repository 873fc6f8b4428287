// The block tables (trade_blocks, execution_log_blocks): one columnar blob per staged ticker of
// a run, keyed by the seq of its first record, so records read back in recorded order.

import { encodeColumns, type Column } from "./column-blob.js";
import type { StoreContext } from "./context.js";

/** A table of columnar blocks and the name of its record-count column. */
export type BlockTable = { readonly table: "trade_blocks"; readonly count: "trades" } | { readonly table: "execution_log_blocks"; readonly count: "events" };

/** Stores `rows` records as one block from `firstSeq`; returns the next free seq. Call inside a write transaction. */
export function insertBlock(ctx: StoreContext, where: BlockTable, runId: string, firstSeq: number, rows: number, columns: readonly Column[]): number {
  if (rows === 0) return firstSeq;
  ctx.db.prepare(`INSERT INTO ${where.table} (run_id, first_seq, ${where.count}, columns) VALUES (?, ?, ?, ?)`).run(runId, firstSeq, rows, encodeColumns(rows, columns));
  return firstSeq + rows;
}

/** A run's records from its blocks in recorded order (of one ticker when given); null when the run stored none there (recorded before blocks, or nothing to record). */
export function selectBlocks<T extends { readonly ticker: string }>(ctx: StoreContext, where: BlockTable, runId: string, ticker: string | undefined, decode: (blob: Uint8Array) => T[]): T[] | null {
  const blobs = ctx.db.prepare(`SELECT columns FROM ${where.table} WHERE run_id = ? ORDER BY first_seq`).pluck().all(runId) as Uint8Array[];
  if (blobs.length === 0) return null;
  const out: T[] = [];
  for (const blob of blobs) for (const record of decode(blob)) if (ticker === undefined || record.ticker === ticker) out.push(record);
  return out;
}
