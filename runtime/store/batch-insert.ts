// Multi-row INSERTs for the per-run tables (trades, execution log). Binding one
// statement per row costs a native call and a statement reset each; a run with
// tens of thousands of trades spent more time there than in SQLite itself.
// Rows are written in order, so the result is identical to one INSERT per row.

import type Database from "better-sqlite3";
import type { StoreContext } from "./context.js";

/** Rows per statement: 11 columns × 256 rows stays far below SQLite's 32766 bound parameters. */
const ROWS_PER_STATEMENT = 256;

/**
 * Inserts `count` rows into `table(columns)`; `fill(i, params, at)` writes row i's
 * values into params[at .. at + columns.length). Call inside a write transaction.
 */
export function insertRowsBatched(
  ctx: StoreContext,
  table: string,
  columns: readonly string[],
  count: number,
  fill: (row: number, params: unknown[], at: number) => void,
): void {
  if (count === 0) return;
  const width = columns.length;
  const statements = new Map<number, Database.Statement>();
  const statementFor = (rows: number): Database.Statement => {
    let stmt = statements.get(rows);
    if (stmt === undefined) {
      const tuple = `(${columns.map(() => "?").join(", ")})`;
      stmt = ctx.db.prepare(`INSERT INTO ${table} (${columns.join(", ")}) VALUES ${Array.from({ length: rows }, () => tuple).join(", ")}`);
      statements.set(rows, stmt);
    }
    return stmt;
  };
  const full = new Array<unknown>(ROWS_PER_STATEMENT * width);
  for (let start = 0; start < count; start += ROWS_PER_STATEMENT) {
    const rows = Math.min(ROWS_PER_STATEMENT, count - start);
    const params = rows === ROWS_PER_STATEMENT ? full : new Array<unknown>(rows * width);
    for (let r = 0; r < rows; r++) fill(start + r, params, r * width);
    statementFor(rows).run(params);
  }
}
