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

import type { ColumnArrays } from "./csv-columns.js";
import { isUsableRow } from "./quality.js";
import { daysFromCivil } from "./timestamps.js";

const SKIP = 0, TIME = 1, OPEN = 2, HIGH = 3, LOW = 4, CLOSE = 5, VOLUME = 6;
const LF = 10, CR = 13, COMMA = 44, DASH = 45, DOT = 46, PLUS = 43;
const MS_PER_DAY = 86_400_000;
/** What `day` returns for an invalid date: below any day a 4-digit year gives (about ±3.7M). */
const NO_DAY = -(2 ** 30);
const MAX_EXACT_MANTISSA = 2 ** 53;

/** 10^k for k ≤ 22, exact: a mantissa below 2^53 divided by one is correctly rounded, i.e. equals Number(text). */
const POW10 = (() => {
  const powers = new Float64Array(23);
  powers[0] = 1;
  for (let k = 1; k <= 22; k++) powers[k] = (powers[k - 1] ?? 1) * 10;
  return powers;
})();

/** The output columns a row is written into. */
export type RowColumns = Pick<ColumnArrays, "time" | "open" | "high" | "low" | "close" | "volume">;

/** Reads rows of the common shape; keeps the month of the last date so consecutive dates cost no calendar maths. */
export class FastRowReader {
  private readonly roles: Int8Array;
  private readonly hasVolume: boolean;
  private monthKey = -1;
  private monthStartDay = 0;
  private monthDays = 0;
  /** Rows read so far whose values fail isUsableRow: the quality check need not screen a file without any. */
  unusable = 0;

  /** `roles[i]` is the role of column i, as csv-parse.ts numbers them. */
  constructor(roles: Int8Array, hasVolume: boolean) {
    this.roles = roles;
    this.hasVolume = hasVolume;
  }

  /** Parses the row starting at `pos` into index `n` of `out`; the LF ending it, or −1 for the general reader. */
  read(bytes: Uint8Array, pos: number, n: number, out: RowColumns): number {
    const roles = this.roles;
    const last = roles.length - 1;
    let at = pos;
    let time = NaN, o = NaN, h = NaN, l = NaN, cl = NaN, v = this.hasVolume ? NaN : 0;
    for (let field = 0; ; field++) {
      const role = roles[field] ?? SKIP;
      let c: number;
      if (role >= OPEN) {
        let i = at;
        c = bytes[i] ?? LF;
        const negative = c === DASH;
        if (negative || c === PLUS) c = bytes[++i] ?? LF;
        const digitsStart = i;
        let mantissa = 0;
        while (c >= 48 && c <= 57) {
          mantissa = mantissa * 10 + (c - 48);
          c = bytes[++i] ?? LF;
        }
        let digits = i - digitsStart;
        let fraction = 0;
        if (c === DOT) {
          c = bytes[++i] ?? LF;
          const fractionStart = i;
          while (c >= 48 && c <= 57) {
            mantissa = mantissa * 10 + (c - 48);
            c = bytes[++i] ?? LF;
          }
          fraction = i - fractionStart;
          digits += fraction;
        }
        if (digits === 0 || mantissa >= MAX_EXACT_MANTISSA || fraction > 22) return -1;
        const magnitude = fraction === 0 ? mantissa : mantissa / (POW10[fraction] ?? 1);
        const value = negative ? -magnitude : magnitude;
        if (role === CLOSE) cl = value;
        else if (role === OPEN) o = value;
        else if (role === HIGH) h = value;
        else if (role === LOW) l = value;
        else if (role === VOLUME) v = value;
        else return -1; // a time-of-day column
        at = i;
      } else if (role === TIME) {
        if (bytes[at + 4] !== DASH || bytes[at + 7] !== DASH) return -1;
        const day = this.day(bytes, at);
        if (day === NO_DAY) return -1; // not a valid date: let the general reader report it
        time = day * MS_PER_DAY;
        at += 10;
        c = bytes[at] ?? LF;
      } else {
        c = bytes[at] ?? LF;
        while (c !== COMMA && c !== LF && c !== CR) c = bytes[++at] ?? LF;
      }
      if (field === last) {
        if (c === CR && bytes[at + 1] === LF) at++;
        else if (c !== LF) return -1;
        break;
      }
      if (c !== COMMA) return -1;
      at++;
    }
    out.time[n] = time;
    out.open[n] = o;
    out.high[n] = h;
    out.low[n] = l;
    out.close[n] = cl;
    out.volume[n] = v;
    if (!isUsableRow(o, h, l, cl, v)) this.unusable++;
    return at;
  }

  /**
   * Days since 1970-01-01 of the YYYY-MM-DD date at `at`; NO_DAY when a digit or the date is
   * invalid. Days, not epoch ms: a small integer comes back from a call unboxed, where epoch ms
   * would be a fresh heap number for every row.
   */
  private day(bytes: Uint8Array, at: number): number {
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
