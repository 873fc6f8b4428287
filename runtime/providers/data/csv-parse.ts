// CSV bytes → raw columns. Input: the whole file as bytes. Output: a RawSeries (values as written,
// unsorted, unchecked except for rows that cannot be parsed) or a DataError (R0105) for a header
// without the needed columns. Quality rules live in quality.ts.
// Format: comma-separated, one header line (names case-insensitive, BOM and CRLF accepted, blank
// lines skipped). A field may be wrapped in double quotes, but a quoted comma is not supported
// (prices never need one). A row with the wrong number of fields, or a cell that is neither a
// number nor empty/NaN/null, is a bad_row; empty and NaN cells become NaN for quality.ts to report.
// Hot loop: one pass over the bytes, numbers and timestamps parsed in place, values written into
// preallocated Float64Arrays; nothing is allocated per row except the first example of a bad row.
// Rows of the common shape take csv-fast-row.ts; any other row is parsed here from its start.
import { CsvColumns, estimateRows, type ColumnArrays } from "./csv-columns.js";
import { FastRowReader, MAX_EXACT_MANTISSA, POW10 } from "./csv-fast-row.js";
import { badHeader, type DataError } from "./errors.js";
import type { RawSeries } from "./quality.js";
import { TimestampParser, parseTimeOfDay, type ZoneConverter } from "./timestamps.js";

const SKIP = 0, TIME = 1, OPEN = 2, HIGH = 3, LOW = 4, CLOSE = 5, VOLUME = 6, TIME_OF_DAY = 7;
const LF = 10, CR = 13, COMMA = 44, QUOTE = 34;
const FINAL_LF = new Uint8Array([LF]);

const ROLE_BY_NAME: Readonly<Record<string, number>> = {
  date: TIME, datetime: TIME, timestamp: TIME, "date time": TIME, "": TIME,
  open: OPEN, high: HIGH, low: LOW, close: CLOSE, volume: VOLUME, vol: VOLUME,
};
const ROLE_LABEL = ["", "Date", "Open", "High", "Low", "Close", "Volume", "Time"];


/** Set by parseNumber: 0 ok, 1 missing (empty, NaN, null, NA), 2 not a number. */
let numberStatus = 0;

function isMissingWord(buf: Uint8Array, start: number, end: number): boolean {
  const text = Buffer.from(buf.buffer, buf.byteOffset + start, end - start).toString("latin1").toLowerCase();
  return text === "nan" || text === "null" || text === "na" || text === "n/a" || text === "none";
}

/** Parses a decimal number in buf[start, end); same result as Number() on the text. */
function parseNumber(buf: Uint8Array, start: number, end: number): number {
  while (start < end && buf[start] === 32) start++;
  while (end > start && buf[end - 1] === 32) end--;
  if (end - start >= 2 && buf[start] === QUOTE && buf[end - 1] === QUOTE) {
    start++;
    end--;
  }
  numberStatus = 0;
  if (start === end) {
    numberStatus = 1;
    return NaN;
  }
  let at = start;
  let negative = false;
  if (buf[at] === 45 || buf[at] === 43) negative = buf[at++] === 45;
  let mantissa = 0, digitCount = 0, fraction = 0, seenDot = false;
  for (; at < end; at++) {
    const b = buf[at] ?? 0;
    if (b >= 48 && b <= 57) {
      mantissa = mantissa * 10 + (b - 48);
      digitCount++;
      if (seenDot) fraction++;
    } else if (b === 46 && !seenDot) seenDot = true;
    else break;
  }
  if (at === end && digitCount > 0 && mantissa < MAX_EXACT_MANTISSA && fraction <= 22) {
    const value = fraction === 0 ? mantissa : mantissa / (POW10[fraction] ?? 1);
    return negative ? -value : value;
  }
  // Rare forms (exponents, 16+ digits) take the slow, exact path.
  const text = Buffer.from(buf.buffer, buf.byteOffset + start, end - start).toString("latin1");
  if (/^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(text)) return Number(text);
  numberStatus = isMissingWord(buf, start, end) ? 1 : 2;
  return NaN;
}

function fieldText(buf: Uint8Array, start: number, end: number): string {
  const text = Buffer.from(buf.buffer, buf.byteOffset + start, Math.min(end - start, 40)).toString("utf8");
  return end - start > 40 ? `${text}...` : text;
}

interface Header {
  readonly roles: Int8Array;
  readonly hasVolume: boolean;
}

function normalizeName(name: string): string {
  let n = name.trim().toLowerCase();
  if (n.startsWith('"') && n.endsWith('"') && n.length >= 2) n = n.slice(1, -1).trim();
  if (n.startsWith("<") && n.endsWith(">")) n = n.slice(1, -1); // Stooq raw exports: <DATE>,<OPEN>,...
  return n;
}

function readHeader(line: string): Header | readonly string[] {
  const names = line.split(",").map(normalizeName);
  const roles = new Int8Array(names.length);
  const dateIndex = names.findIndex((n) => n === "date" || n === "datetime" || n === "timestamp" || n === "date time");
  names.forEach((name, i) => {
    let role = ROLE_BY_NAME[name] ?? SKIP;
    if (name === "" && i !== 0) role = SKIP; // only the first column may be the nameless index
    if (name === "time") role = dateIndex >= 0 ? TIME_OF_DAY : TIME;
    if (role === TIME && dateIndex >= 0 && i !== dateIndex) role = SKIP;
    if (role !== SKIP && roles.includes(role)) role = SKIP; // first column of a name wins
    roles[i] = role;
  });
  const missing = [TIME, OPEN, HIGH, LOW, CLOSE].filter((r) => !roles.includes(r)).map((r) => ROLE_LABEL[r] ?? "");
  if (missing.length > 0) return missing;
  return { roles, hasVolume: roles.includes(VOLUME) };
}

/** Where the last field reader stopped (the comma, CR or LF after the field); −1 when plainNumber gave up. */
let cursor = 0;

/**
 * Reads a plain decimal (`-12.345`) starting at `at`, in the same pass that finds its end, and sets
 * `cursor` to the byte after it. Anything else (empty, quotes, spaces, exponents, 16+ digits) sets
 * cursor to −1 so the caller takes the exact slow path. Relies on the buffer ending with LF.
 */
function plainNumber(buf: Uint8Array, at: number): number {
  let i = at;
  let c = buf[i] ?? LF;
  const negative = c === 45;
  if (negative || c === 43) c = buf[++i] ?? LF;
  let mantissa = 0, digitCount = 0, fraction = 0;
  while (c >= 48 && c <= 57) {
    mantissa = mantissa * 10 + (c - 48);
    digitCount++;
    c = buf[++i] ?? LF;
  }
  if (c === 46) {
    c = buf[++i] ?? LF;
    while (c >= 48 && c <= 57) {
      mantissa = mantissa * 10 + (c - 48);
      digitCount++;
      fraction++;
      c = buf[++i] ?? LF;
    }
  }
  if (digitCount === 0 || mantissa >= MAX_EXACT_MANTISSA || fraction > 22 || (c !== COMMA && c !== LF && c !== CR)) {
    cursor = -1;
    return NaN;
  }
  cursor = i;
  const value = fraction === 0 ? mantissa : mantissa / (POW10[fraction] ?? 1);
  return negative ? -value : value;
}

/** Index of the comma, CR or LF that ends the field starting at `at`. */
function fieldEnd(buf: Uint8Array, at: number): number {
  let c = buf[at] ?? LF;
  while (c !== COMMA && c !== LF && c !== CR) c = buf[++at] ?? LF;
  return at;
}

/** Where a file's rows start and how its columns map to bar fields. */
export interface CsvLayout {
  readonly roles: Int8Array;
  readonly hasVolume: boolean;
  /** Byte offset of the first row (after the header's LF). */
  readonly bodyStart: number;
}

/** Parsed rows of one byte range: `n` rows of the columns are filled. */
export interface CsvRows<C extends ColumnArrays = CsvColumns> {
  readonly n: number;
  readonly columns: C;
  /** The number of the range's last line (blank lines included). */
  readonly lastLine: number;
  readonly badRowCount: number;
  /** Rows that may fail the quality screen (isUsableRow): unusable ones read on the fast path, and every row the general reader took. */
  readonly unusableRows: number;
  /** The line of the first bad row, and why it is bad. */
  readonly badRowFirst: number;
  readonly badRowWhy: string;
}

/** The bytes with a final LF, so every scan can stop on a byte instead of checking the length. */
export function withFinalLf(input: Uint8Array): Uint8Array {
  return input.length > 0 && input[input.length - 1] === LF ? input : Buffer.concat([input, Buffer.from([LF])]);
}

/** Reads the header line of `bytes` (which end with LF); the header text when it lacks needed columns. */
export function readCsvLayout(bytes: Uint8Array): CsvLayout | { readonly headerText: string; readonly missing: readonly string[] } {
  const pos = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
  const headerEnd = bytes.indexOf(LF, pos);
  const headerText = Buffer.from(bytes.buffer, bytes.byteOffset + pos, headerEnd - pos).toString("utf8").replace(/\r$/, "");
  const header = readHeader(headerText);
  if (!("roles" in header)) return { headerText, missing: header };
  return { roles: header.roles, hasVolume: header.hasVolume, bodyStart: headerEnd + 1 };
}

/** Parses a whole CSV file; `zone` converts naive intraday times to UTC (null: they are UTC). */
export function parseCsv(input: Uint8Array, ticker: string, source: string, zone: ZoneConverter | null): { ok: true; raw: RawSeries } | { ok: false; error: DataError } {
  const bytes = withFinalLf(input);
  const layout = readCsvLayout(bytes);
  if (!("roles" in layout)) return { ok: false, error: badHeader(source, layout.headerText.slice(0, 120), layout.missing) };
  const rows = parseCsvRows(bytes, layout.bodyStart, bytes.length, 1, layout, zone, estimateRows(bytes, layout.bodyStart, bytes.length));
  return { ok: true, raw: rawSeries(ticker, source, rows) };
}

/** A RawSeries over the filled part of parsed rows. */
export function rawSeries(ticker: string, source: string, rows: CsvRows): RawSeries {
  const { n, columns } = rows;
  return {
    ticker,
    source,
    rowWord: "line",
    length: n,
    time: columns.time.subarray(0, n),
    open: columns.open.subarray(0, n),
    high: columns.high.subarray(0, n),
    low: columns.low.subarray(0, n),
    close: columns.close.subarray(0, n),
    volume: columns.volume.subarray(0, n),
    rowNumber: columns.rowNumber.subarray(0, n),
    badRow: columns.badRow.subarray(0, n),
    badRowCount: rows.badRowCount,
    badRowFirst: rows.badRowFirst,
    badRowExample: rows.badRowCount > 0 ? `line ${rows.badRowFirst}: ${rows.badRowWhy}` : "",
    allUsable: rows.unusableRows === 0,
  };
}

/**
 * Parses the rows in bytes[start, end): `end` is the file's end or just after an LF, and
 * `linesBefore` is the line number of the line that ends at `start` (1 for the header), so
 * messages name the file's real lines. `capacityHint` is the rows to allocate for (estimateRows).
 * With `into`, the rows continue those (in its columns, after its last line).
 */
export function parseCsvRows(bytes: Uint8Array, start: number, end: number, linesBefore: number, layout: CsvLayout, zone: ZoneConverter | null, capacityHint: number, into?: CsvRows): CsvRows {
  const parser = into === undefined ? new CsvRowParser(layout, zone, linesBefore, new CsvColumns(capacityHint)) : CsvRowParser.continuing(layout, zone, into);
  parser.parse(bytes, start, end);
  return parser.rows();
}

/**
 * The rows of one file, or of one part of it, parsed run by run (a file read in runs of lines
 * through a reused buffer). Rows go into `columns` from row 0; they grow when full.
 */
export class CsvRowParser {
  private readonly roles: Int8Array;
  private readonly hasVolume: boolean;
  private readonly zone: ZoneConverter | null;
  private readonly fast: FastRowReader;
  private readonly stamp = new TimestampParser();
  private readonly columns: CsvColumns;
  private n = 0;
  private line: number;
  private badRowCount = 0;
  private badRowFirst = 0;
  private badRowWhy = "";
  /** Rows counted in unusableRows other than the fast reader's own count. */
  private otherUnusable = 0;

  /** `linesBefore`: the number of the line before the first one parsed (1 for the header). */
  constructor(layout: CsvLayout, zone: ZoneConverter | null, linesBefore: number, columns: CsvColumns) {
    this.roles = layout.roles;
    this.hasVolume = layout.hasVolume;
    this.zone = zone;
    this.fast = new FastRowReader(layout.roles, layout.hasVolume);
    this.columns = columns;
    this.line = linesBefore;
    // An empty parse runs the code after the row loop once, unoptimised: V8 then has type
    // feedback for it when it optimises the loop mid-run, and does not throw the optimised
    // loop away at its end (which it otherwise did once per run of lines).
    this.parse(FINAL_LF, 0, 0);
  }

  /** A parser that continues after `rows` (in their columns, after their last line). */
  static continuing(layout: CsvLayout, zone: ZoneConverter | null, rows: CsvRows): CsvRowParser {
    const parser = new CsvRowParser(layout, zone, rows.lastLine, rows.columns);
    parser.n = rows.n;
    parser.badRowCount = rows.badRowCount;
    parser.badRowFirst = rows.badRowFirst;
    parser.badRowWhy = rows.badRowWhy;
    parser.otherUnusable = rows.unusableRows;
    return parser;
  }

  /** The rows parsed so far. */
  rows(): CsvRows {
    const unusableRows = this.otherUnusable + this.fast.unusable;
    return { n: this.n, columns: this.columns, lastLine: this.line, badRowCount: this.badRowCount, unusableRows, badRowFirst: this.badRowFirst, badRowWhy: this.badRowWhy };
  }

  /** Parses the rows in bytes[start, end), where `end` is just after an LF (or the end of bytes that end with LF). */
  parse(bytes: Uint8Array, start: number, end: number): void {
    const fast = this.fast;
    const columns = this.columns;
    let n = this.n, line = this.line;
    let pos = start;
    while (pos < end) {
      line++;
      if (n === columns.capacity) columns.reserve(n + 1);
      const first = bytes[pos];
      if (first === LF || (first === CR && bytes[pos + 1] === LF)) {
        pos += first === LF ? 1 : 2;
        continue; // blank line: not a row
      }
      const rowEnd = fast.read(bytes, pos, n, columns);
      if (rowEnd >= 0) {
        columns.rowNumber[n++] = line;
        pos = rowEnd + 1;
        continue;
      }
      pos = this.generalRow(bytes, pos, n, line);
      this.otherUnusable++;
      n++;
    }
    this.n = n;
    this.line = line;
  }

  private flagBad(row: number, line: number, why: string): void {
    const columns = this.columns;
    if (columns.badRow[row] === 1) return;
    columns.badRow[row] = 1;
    if (this.badRowCount++ === 0) {
      this.badRowFirst = line;
      this.badRowWhy = why;
    }
  }

  /** Parses the unusual row starting at `pos` into row `n`; returns the offset after its LF. */
  private generalRow(bytes: Uint8Array, pos: number, n: number, line: number): number {
    const { roles, hasVolume, stamp, zone, columns } = this;
    const fieldCount = roles.length;
    let wall = NaN, timeOfDay = 0, intraday = false, hasZone = false;
    let o = NaN, h = NaN, l = NaN, c = NaN, v = hasVolume ? NaN : 0;
    let field = 0, at = pos;
    for (;;) {
      const role = field < fieldCount ? (roles[field] ?? SKIP) : SKIP;
      if (role >= OPEN && role <= VOLUME) {
        let value = plainNumber(bytes, at);
        if (cursor < 0) {
          const end = fieldEnd(bytes, at);
          value = parseNumber(bytes, at, end);
          if (numberStatus === 2) this.flagBad(n, line, `${ROLE_LABEL[role]} "${fieldText(bytes, at, end)}" is not a number`);
          cursor = end;
        }
        if (role === CLOSE) c = value;
        else if (role === OPEN) o = value;
        else if (role === HIGH) h = value;
        else if (role === LOW) l = value;
        else v = value;
      } else {
        // A YYYY-MM-DD date is exactly 10 bytes without a comma, so a comma right after it ends the
        // field and the scan can be skipped; if the field was something else it fails to parse either way.
        const end = role === TIME && bytes[at + 4] === 45 && bytes[at + 10] === COMMA ? at + 10 : fieldEnd(bytes, at);
        if (role === TIME) {
          let s = at, e = end;
          if (e - s >= 2 && bytes[s] === QUOTE && bytes[e - 1] === QUOTE) {
            s++;
            e--;
          }
          wall = stamp.parse(bytes, s, e);
          intraday = stamp.hasTime;
          hasZone = stamp.hasZone;
          if (Number.isNaN(wall)) this.flagBad(n, line, `Date "${fieldText(bytes, s, e)}" is not a timestamp (expected YYYY-MM-DD or YYYY-MM-DD HH:MM:SS)`);
        } else if (role === TIME_OF_DAY) {
          timeOfDay = parseTimeOfDay(bytes, at, end);
          intraday = true;
          if (Number.isNaN(timeOfDay)) this.flagBad(n, line, `Time "${fieldText(bytes, at, end)}" is not a time of day (expected HH:MM:SS)`);
        }
        cursor = end;
      }
      field++;
      at = cursor;
      if (bytes[at] !== COMMA) break;
      at++;
    }
    if (bytes[at] === CR) at++;
    if (bytes[at] !== LF) {
      // A stray CR inside the line: skip to the real end and reject the row.
      at = bytes.indexOf(LF, at);
      this.flagBad(n, line, "unexpected carriage return inside the line");
    }
    if (field !== fieldCount) this.flagBad(n, line, `expected ${fieldCount} fields, found ${field}`);
    let t = wall + timeOfDay;
    if (intraday && !hasZone && zone !== null && !Number.isNaN(t)) t = zone(t);
    columns.time[n] = t;
    columns.open[n] = o;
    columns.high[n] = h;
    columns.low[n] = l;
    columns.close[n] = c;
    columns.volume[n] = v;
    columns.rowNumber[n] = line;
    return at + 1;
  }
}
