// The equity table: one row per (run, ticker) holding the whole curve as blobs
// (ticker '' is the portfolio). Blobs are little-endian Float64 (time, equity) and
// one byte per bar (exposed), so a row round-trips bit-exactly on any platform; since
// migration 4 the time and exposed blobs, and since migration 8 the equity blob, are usually in
// the compact formats of equity-formats.ts.

import { endianness } from "node:os";
import type { EquityCurve } from "../engine/result.js";
import type { StoreContext } from "./context.js";
import { decodeEquity, decodeExposed, decodeTimes, encodeEquity, encodeExposed, encodeTimes, type EquityFormat, type ExposedFormat, type TimeFormat } from "./equity-formats.js";

/** The ticker key of the portfolio curve. */
export const PORTFOLIO_TICKER = "";

/** One stored curve with the per-ticker figures metrics need. */
export interface StoredEquity {
  readonly ticker: string;
  readonly initialCash: number;
  readonly finalEquity: number;
  /** Sum of |fill value|, for turnover. */
  readonly tradedValue: number;
  readonly curve: EquityCurve;
}

const LITTLE_ENDIAN = endianness() === "LE";

/** Float64Array → little-endian bytes. */
export function encodeFloat64(values: Float64Array): Buffer {
  if (LITTLE_ENDIAN) return Buffer.from(values.buffer, values.byteOffset, values.byteLength);
  const out = Buffer.alloc(values.length * 8);
  for (let i = 0; i < values.length; i++) out.writeDoubleLE(values[i] ?? Number.NaN, i * 8);
  return out;
}

/** Little-endian bytes → a fresh, aligned Float64Array. */
export function decodeFloat64(bytes: Uint8Array): Float64Array {
  const out = new Float64Array(bytes.byteLength / 8);
  if (LITTLE_ENDIAN) {
    new Uint8Array(out.buffer).set(bytes);
    return out;
  }
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  for (let i = 0; i < out.length; i++) out[i] = view.getFloat64(i * 8, true);
  return out;
}

/** Inserts one curve. Call inside the run's write transaction. */
export function insertEquity(ctx: StoreContext, runId: string, row: StoredEquity): void {
  const { curve } = row;
  if (curve.time.length !== curve.equity.length || curve.exposed.length !== curve.equity.length) {
    throw new Error(`bug: equity curve of ${runId}/${row.ticker} has mismatched lengths`);
  }
  const time = encodeTimes(curve.time);
  const equity = encodeEquity(curve.equity);
  const exposed = encodeExposed(curve.exposed);
  ctx.db
    .prepare(
      `INSERT INTO equity (run_id, ticker, points, initial_cash, final_equity, traded_value, time, equity, exposed, time_format, exposed_format, equity_format)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    )
    .run(
      runId,
      row.ticker,
      curve.equity.length,
      row.initialCash,
      row.finalEquity,
      row.tradedValue,
      time.bytes,
      equity.bytes,
      exposed.bytes,
      time.format,
      exposed.format,
      equity.format,
    );
}

interface EquityRow {
  ticker: string;
  points: number;
  time_format: TimeFormat;
  exposed_format: ExposedFormat;
  equity_format: EquityFormat;
  initial_cash: number;
  final_equity: number;
  traded_value: number;
  time: Buffer;
  equity: Buffer;
  exposed: Buffer;
}

/** The curve of one ticker ('' for the portfolio), or null when the run has none. */
export function selectEquity(ctx: StoreContext, runId: string, ticker: string): StoredEquity | null {
  const row = ctx.db
    .prepare("SELECT ticker, points, initial_cash, final_equity, traded_value, time, equity, exposed, time_format, exposed_format, equity_format FROM equity WHERE run_id = ? AND ticker = ?")
    .get(runId, ticker) as EquityRow | undefined;
  if (row === undefined) return null;
  return {
    ticker: row.ticker,
    initialCash: row.initial_cash,
    finalEquity: row.final_equity,
    tradedValue: row.traded_value,
    curve: { time: decodeTimes(row.time_format, row.time, row.points), equity: decodeEquity(row.equity_format, row.equity, row.points), exposed: decodeExposed(row.exposed_format, row.exposed, row.points) },
  };
}

/** The tickers (without the portfolio) that have a curve in this run. */
export function selectEquityTickers(ctx: StoreContext, runId: string): string[] {
  return ctx.db.prepare("SELECT ticker FROM equity WHERE run_id = ? AND ticker <> '' ORDER BY ticker").pluck().all(runId) as string[];
}
