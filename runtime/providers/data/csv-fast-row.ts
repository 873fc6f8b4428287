// The fast path of the CSV reader: one row of the common shape (a YYYY-MM-DD date, plain decimal
// numbers, any other columns skipped) parsed straight from the bytes into the output columns.
// Input: the bytes, the row's first byte, the output index. Output: the index of the LF that ends
// the row, or −1 when anything about the row is unusual (quotes, spaces, exponents, 16+ digits,
// a time of day, an invalid date, a wrong field count, a stray CR): the general reader in
// csv-parse.ts then parses the same row again from the start and decides what it is.
// Invariant: every row this accepts gets exactly the values the general reader would give it
// (numbers equal to Number(text), dates at 00:00 UTC), so taking the fast path changes no result.
// It also counts accepted rows that fail the quality screen (quality.ts isUsableRow) while their
// values are still in registers: a file without any needs no separate screening pass.
// The reading itself is code written for the file's header layout (csv-row-code.ts), compiled
// once per layout.

import type { ColumnArrays } from "./csv-columns.js";
import { rowReaderBody } from "./csv-row-code.js";
import { isUsableRow } from "./quality.js";
import { daysFromCivil } from "./timestamps.js";

const MS_PER_DAY = 86_400_000;
/** What `day` returns for an invalid date: below any day a 4-digit year gives (about ±3.7M). */
const NO_DAY = -(2 ** 30);
/** Mantissas below this are exact doubles (shared with the general reader in csv-parse.ts). */
export const MAX_EXACT_MANTISSA = 2 ** 53;

/** 10^k for k ≤ 22, exact (products, unlike pow()): a mantissa below 2^53 divided by one is correctly rounded, i.e. equals Number(text). */
export const POW10 = (() => {
  const powers = new Float64Array(23);
  powers[0] = 1;
  for (let k = 1; k <= 22; k++) powers[k] = (powers[k - 1] ?? 1) * 10;
  return powers;
})();

/** The output columns a row is written into. */
export type RowColumns = Pick<ColumnArrays, "time" | "open" | "high" | "low" | "close" | "volume">;

type ReadRow = FastRowReader["read"];

/** Row readers compiled so far, by layout: a file's parts and its later runs reuse one. */
const compiled = new Map<string, ReadRow>();

const generalOnly: ReadRow = () => -1;

/** The row reader for a layout (csv-row-code.ts writes its code; compiled once per layout). */
function compiledReader(roles: Int8Array, hasVolume: boolean): ReadRow {
  const key = `${roles.join(",")}/${hasVolume}`;
  let read = compiled.get(key);
  if (read === undefined) {
    const body = rowReaderBody(roles, hasVolume);
    read = body === null ? generalOnly : compile(body);
    compiled.set(key, read);
  }
  return read;
}

/** The reader with `body`; the general reader for every row where Node forbids compiling code (--disallow-code-generation-from-strings). */
function compile(body: string): ReadRow {
  try {
    // The body is fixed text from csv-row-code.ts around the layout's field order: no file content reaches it.
    return new Function("POW10", "MAX_EXACT_MANTISSA", "NO_DAY", "MS_PER_DAY", "isUsableRow", `return function read(bytes, pos, n, out) {${body}\n};`)(POW10, MAX_EXACT_MANTISSA, NO_DAY, MS_PER_DAY, isUsableRow) as ReadRow;
  } catch {
    return generalOnly;
  }
}

/** Reads rows of the common shape; keeps the month of the last date so consecutive dates cost no calendar maths. */
export class FastRowReader {
  private monthKey = -1;
  private monthStartDay = 0;
  private monthDays = 0;
  /** Rows read so far whose values fail isUsableRow: the quality check need not screen a file without any. */
  unusable = 0;

  /** Parses the row starting at `pos` into index `n` of `out`; the LF ending it, or −1 for the general reader. */
  readonly read: (bytes: Uint8Array, pos: number, n: number, out: RowColumns) => number;

  /** `roles[i]` is the role of column i, as csv-parse.ts numbers them. */
  constructor(roles: Int8Array, hasVolume: boolean) {
    this.read = compiledReader(roles, hasVolume);
  }

  /**
   * Days since 1970-01-01 of the YYYY-MM-DD date at `at`; NO_DAY when a digit or the date is
   * invalid. Days, not epoch ms: a small integer comes back from a call unboxed, where epoch ms
   * would be a fresh heap number for every row. Called by the compiled row reader.
   */
  day(bytes: Uint8Array, at: number): number {
    const y0 = (bytes[at] ?? 0) - 48, y1 = (bytes[at + 1] ?? 0) - 48, y2 = (bytes[at + 2] ?? 0) - 48, y3 = (bytes[at + 3] ?? 0) - 48;
    const m0 = (bytes[at + 5] ?? 0) - 48, m1 = (bytes[at + 6] ?? 0) - 48;
    const d0 = (bytes[at + 8] ?? 0) - 48, d1 = (bytes[at + 9] ?? 0) - 48;
    // One unsigned comparison per digit: anything outside 0..9 wraps to a huge number.
    if ((y0 >>> 0) > 9 || (y1 >>> 0) > 9 || (y2 >>> 0) > 9 || (y3 >>> 0) > 9 || (m0 >>> 0) > 9 || (m1 >>> 0) > 9 || (d0 >>> 0) > 9 || (d1 >>> 0) > 9) return NO_DAY;
    const year = y0 * 1000 + y1 * 100 + y2 * 10 + y3;
    const month = m0 * 10 + m1;
    const day = d0 * 10 + d1;
    const key = year * 16 + month;
    if (key !== this.monthKey) {
      if (month < 1 || month > 12) return NO_DAY;
      this.monthKey = key;
      this.monthStartDay = daysFromCivil(year, month, 1);
      this.monthDays = month === 12 ? 31 : daysFromCivil(year, month + 1, 1) - daysFromCivil(year, month, 1);
    }
    if (day < 1 || day > this.monthDays) return NO_DAY;
    return this.monthStartDay + day - 1;
  }
}
