// The sqlite data provider. Input: options { path, table = "bars", tz?, on_bad_rows, on_duplicate }:
// a table with columns ticker, ts, open, high, low, close, volume (names case-insensitive), opened
// read-only. ts is ISO 8601 text (YYYY-MM-DD[ HH:MM:SS][Z]) or a number of epoch milliseconds.
// Output: one checked series per ticker. A table has no row order, so rows are put in time order
// on load (stable) and `firstRow` is the 1-based position in that order; only duplicates can remain.
// Codes: R0102 options, R0103 missing file, R0106/R0108 quality, R0109 ticker not in table,
// R0111 table or column missing, R0112 not a database / corrupt / still locked after retries, R0113 tz.
import { stat } from "node:fs/promises";
import Database from "better-sqlite3";
import type { Bars } from "../../data/bars.js";
import { OPTION_SCHEMAS } from "../options.js";
import { withRetry } from "../retry.js";
import { assembleSeries, fail, policyFrom, type AssembledSeries } from "./assemble.js";
import { sourceNotFound, sqliteSchema, sqliteUnusable, tickerNotFound } from "./errors.js";
import { hashBars } from "./lineage.js";
import type { RawSeries } from "./quality.js";
import { TimestampParser, type ZoneConverter } from "./timestamps.js";
import { setUpSource } from "./source-setup.js";
import type { DataLoadResult, DataProvider, DataRequest, ProviderContext } from "./types.js";

const BUSY_TIMEOUT_MS = 200;
const COLUMNS = ["ticker", "ts", "open", "high", "low", "close", "volume"] as const;

function cause(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** Reads one ticker's rows in time order as a RawSeries (values unchecked). */
function readRows(db: Database.Database, table: string, ticker: string, source: string, zone: ZoneConverter | null): RawSeries {
  const rows = db.prepare(`SELECT ts, open, high, low, close, volume FROM "${table}" WHERE ticker = ?`).raw(true).all(ticker) as unknown[][];
  const n = rows.length;
  const time = new Float64Array(n);
  const stamp = new TimestampParser();
  const problems: (string | null)[] = new Array<string | null>(n).fill(null);
  for (let i = 0; i < n; i++) {
    const ts = rows[i]?.[0];
    if (typeof ts === "number") time[i] = ts;
    else if (typeof ts === "string") {
      const text = Buffer.from(ts.trim(), "utf8");
      let t = stamp.parse(text, 0, text.length);
      if (stamp.hasTime && !stamp.hasZone && zone !== null && !Number.isNaN(t)) t = zone(t);
      time[i] = t;
    } else time[i] = NaN;
    if (Number.isNaN(time[i])) problems[i] = `ts ${JSON.stringify(ts ?? null)} is not a timestamp (ISO text or epoch ms)`;
  }
  // Time order, stable; unreadable times last (they are bad rows and get screened).
  const order = Array.from({ length: n }, (_, i) => i).sort((a, b) => {
    const ta = time[a] ?? NaN, tb = time[b] ?? NaN;
    if (Number.isNaN(ta) || Number.isNaN(tb)) return Number.isNaN(ta) === Number.isNaN(tb) ? a - b : Number.isNaN(ta) ? 1 : -1;
    return ta - tb || a - b;
  });
  const columns = [new Float64Array(n), new Float64Array(n), new Float64Array(n), new Float64Array(n), new Float64Array(n)];
  const sortedTime = new Float64Array(n);
  const rowNumber = new Int32Array(n);
  const badRow = new Uint8Array(n);
  let badRowCount = 0, badRowFirst = 0, badRowExample = "";
  order.forEach((i, k) => {
    sortedTime[k] = time[i] ?? NaN;
    rowNumber[k] = k + 1;
    let problem = problems[i] ?? null;
    for (let c = 0; c < 5; c++) {
      const value = rows[i]?.[c + 1];
      const column = columns[c] as Float64Array;
      if (typeof value === "number") column[k] = value;
      else if (typeof value === "bigint") column[k] = Number(value);
      else {
        column[k] = NaN;
        if (value !== null && value !== undefined) problem ??= `${COLUMNS[c + 2]} ${JSON.stringify(String(value)).slice(0, 40)} is not a number`;
      }
    }
    if (problem !== null) {
      badRow[k] = 1;
      if (badRowCount++ === 0) {
        badRowFirst = k + 1;
        badRowExample = `row ${k + 1}: ${problem}`;
      }
    }
  });
  const [open, high, low, close, volume] = columns as [Float64Array, Float64Array, Float64Array, Float64Array, Float64Array];
  return { ticker, source, rowWord: "row", length: n, time: sortedTime, open, high, low, close, volume, rowNumber, badRow, badRowCount, badRowFirst, badRowExample };
}

/** Checks the table and its columns; returns the problem as a DataError message pair, or null. */
function schemaProblem(db: Database.Database, table: string): { problem: string; hint: string } | null {
  const columns = (db.prepare(`SELECT name FROM pragma_table_info(?)`).all(table) as { name: string }[]).map((c) => c.name.toLowerCase());
  const ddl = `CREATE TABLE ${table} (ticker TEXT, ts TEXT, open REAL, high REAL, low REAL, close REAL, volume REAL)`;
  if (columns.length === 0) {
    const tables = (db.prepare(`SELECT name FROM sqlite_master WHERE type IN ('table', 'view') ORDER BY name`).all() as { name: string }[]).map((t) => t.name);
    return { problem: `no table \`${table}\``, hint: tables.length > 0 ? `set the option table to one of: ${tables.join(", ")}` : `create it: ${ddl}` };
  }
  const missing = COLUMNS.filter((c) => !columns.includes(c));
  if (missing.length > 0) return { problem: `table \`${table}\` has no column ${missing.join(", ")}`, hint: `the table needs the columns of: ${ddl}` };
  return null;
}

/** What one read of the database yields: raw rows per ticker, or the schema problem. */
type DbRead = { kind: "rows"; present: string[]; raws: RawSeries[] } | { kind: "schema"; problem: string; hint: string };

function readDb(path: string, table: string, source: string, zone: ZoneConverter | null, request: DataRequest): DbRead {
  // A short busy timeout: waiting on a writer is the retry loop's job (with backoff and health counts).
  const db = new Database(path, { readonly: true, fileMustExist: true, timeout: BUSY_TIMEOUT_MS });
  try {
    const schema = schemaProblem(db, table);
    if (schema !== null) return { kind: "schema", ...schema };
    const present = (db.prepare(`SELECT DISTINCT ticker FROM "${table}" ORDER BY ticker`).raw(true).all() as unknown[][]).map((r) => String(r[0]));
    const tickers = request.tickers.length > 0 ? request.tickers : present;
    return { kind: "rows", present, raws: tickers.map((ticker) => readRows(db, table, ticker, source, zone)) };
  } finally {
    db.close();
  }
}

async function load(request: DataRequest, rawOptions: Record<string, unknown>, context: ProviderContext): Promise<DataLoadResult> {
  const { options, health, zone, path, source } = setUpSource("data-sqlite", rawOptions, context);
  const table = String(options.table);
  const isFile = await stat(path).then(
    (s) => s.isFile(),
    () => null,
  );
  if (isFile === null) fail(sourceNotFound(source), health);
  if (!isFile) fail(sqliteUnusable(source, "it is not a file"), health);
  let read: DbRead;
  try {
    read = await withRetry(() => readDb(path, table, source, zone, request), health, context);
  } catch (error) {
    return fail(sqliteUnusable(source, cause(error)), health);
  }
  if (read.kind === "schema") return fail(sqliteSchema(source, read.problem, read.hint), health);
  const assembled: AssembledSeries[] = [];
  for (const raw of read.raws) {
    if (raw.length === 0) {
      health.recordEmpty();
      fail(tickerNotFound(source, raw.ticker, read.present, "the ticker column must match exactly"), health);
    }
    assembled.push(assembleSeries(raw, policyFrom(options), request, sqliteProvider, hashBars(raw), health));
  }
  const series: Bars[] = assembled.map((a) => a.bars);
  return { series, quality: assembled.map((a) => a.report), lineage: assembled.map((a) => a.lineage), health: health.snapshot() };
}

/** An OHLCV table in a SQLite database, read-only. */
export const sqliteProvider: DataProvider = { name: "sqlite", version: "1", optionsSchema: OPTION_SCHEMAS["data-sqlite"], load };
