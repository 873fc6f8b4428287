import { describe, it, expect } from "vitest";
import fc from "fast-check";
import { FastRowReader } from "./csv-fast-row.js";
import { parseCsv, readCsvLayout } from "./csv-parse.js";
import { TimestampParser } from "./timestamps.js";

const HEADER = "Date,Open,High,Low,Close,Adj Close,Volume\n";
// Roles as csv-parse.ts numbers them: Date, Open, High, Low, Close, (skipped), Volume.
const YAHOO_ROLES = Int8Array.from([1, 2, 3, 4, 5, 0, 6]);

function columns(n: number) {
  return { time: new Float64Array(n), open: new Float64Array(n), high: new Float64Array(n), low: new Float64Array(n), close: new Float64Array(n), volume: new Float64Array(n) };
}

function readRow(row: string): { end: number; out: ReturnType<typeof columns> } {
  const out = columns(1);
  const end = new FastRowReader(YAHOO_ROLES, true).read(Buffer.from(row), 0, 0, out);
  return { end, out };
}

function parsed(text: string) {
  const result = parseCsv(Buffer.from(text), "T", "t.csv", null);
  if (!result.ok) throw new Error(result.error.message);
  return result.raw;
}

/** Decimal text as people and exporters write it: sign, up to 20 integer digits, a dot, up to 25 fraction digits. */
const decimalText = fc
  .tuple(fc.constantFrom("", "-", "+"), fc.stringMatching(/^[0-9]{0,20}$/), fc.boolean(), fc.stringMatching(/^[0-9]{0,25}$/))
  .map(([sign, whole, dot, fraction]) => `${sign}${whole}${dot ? "." : ""}${dot ? fraction : ""}`)
  .filter((text) => /[0-9]/.test(text));

describe("FastRowReader", () => {
  it("reads a Yahoo row into the columns and returns the LF that ends it", () => {
    const row = "1995-01-03,2.179012,2.191358,2.117284,2.117284,1.883304,36301200\n";
    const { end, out } = readRow(row);
    expect(end).toBe(row.length - 1);
    expect([out.time[0], out.open[0], out.high[0], out.low[0], out.close[0], out.volume[0]]).toEqual([Date.UTC(1995, 0, 3), 2.179012, 2.191358, 2.117284, 2.117284, 36301200]);
  });

  it("accepts a CRLF line end and returns its LF", () => {
    const row = "2020-01-02,1,2,0.5,1.5,1.5,7\r\n";
    expect(readRow(row).end).toBe(row.length - 1);
  });

  it.each([
    ["a quoted number", '2020-01-02,"1",2,0.5,1.5,1.5,7\n'],
    ["a space", "2020-01-02, 1,2,0.5,1.5,1.5,7\n"],
    ["an exponent", "2020-01-02,1e2,2,0.5,1.5,1.5,7\n"],
    ["an empty cell", "2020-01-02,,2,0.5,1.5,1.5,7\n"],
    ["16+ digits", "2020-01-02,12345678901234567,2,0.5,1.5,1.5,7\n"],
    ["a time of day", "2020-01-02 09:30,1,2,0.5,1.5,1.5,7\n"],
    ["a compact date", "20200102,1,2,0.5,1.5,1.5,7\n"],
    ["an invalid date", "2021-02-29,1,2,0.5,1.5,1.5,7\n"],
    ["a month 13", "2020-13-01,1,2,0.5,1.5,1.5,7\n"],
    ["too few fields", "2020-01-02,1,2,0.5,1.5\n"],
    ["too many fields", "2020-01-02,1,2,0.5,1.5,1.5,7,8\n"],
    ["a stray CR", "2020-01-02,1,2,0.5,1.5,1.5,7\r9\n"],
  ])("leaves a row with %s to the general reader", (_, row) => {
    expect(readRow(row).end).toBe(-1);
  });

  it("parses every plain decimal exactly as Number() does (bit-identical)", () => {
    fc.assert(
      fc.property(decimalText, decimalText, (a, b) => {
        const raw = parsed(`${HEADER}2020-01-02,${a},${b},${a},${b},${a},${b}\n`);
        // Whatever path each cell took, the value is Number(text).
        return Object.is(raw.open[0], Number(a)) && Object.is(raw.high[0], Number(b)) && Object.is(raw.low[0], Number(a)) && Object.is(raw.close[0], Number(b)) && Object.is(raw.volume[0], Number(b));
      }),
      { numRuns: 3000 },
    );
  });

  it("takes the fast path for plain decimals of up to 15 digits, with the value of Number()", () => {
    const short = fc
      .tuple(fc.constantFrom("", "-"), fc.stringMatching(/^[0-9]{1,8}$/), fc.stringMatching(/^[0-9]{0,7}$/))
      .map(([sign, whole, fraction]) => `${sign}${whole}${fraction === "" ? "" : `.${fraction}`}`);
    fc.assert(
      fc.property(short, (text) => {
        const { end, out } = readRow(`2020-01-02,${text},1,1,1,1,1\n`);
        return end > 0 && Object.is(out.open[0], Number(text));
      }),
      { numRuns: 2000 },
    );
  });

  it("gives every date the time the general timestamp parser gives it, and rejects the same ones", () => {
    const stamp = new TimestampParser();
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 9999 }), fc.integer({ min: 0, max: 13 }), fc.integer({ min: 0, max: 32 }), (y, m, d) => {
        const date = `${String(y).padStart(4, "0")}-${String(m).padStart(2, "0")}-${String(d).padStart(2, "0")}`;
        const expected = stamp.parse(Buffer.from(date), 0, 10);
        const { end, out } = readRow(`${date},1,1,1,1,1,1\n`);
        return Number.isNaN(expected) ? end === -1 : end > 0 && out.time[0] === expected;
      }),
      { numRuns: 3000 },
    );
  });

  it("reads consecutive rows across month and year ends with the right dates", () => {
    const raw = parsed(`${HEADER}1999-12-31,1,1,1,1,1,1\n2000-01-01,1,1,1,1,1,1\n2000-02-29,1,1,1,1,1,1\n2000-03-01,1,1,1,1,1,1\n`);
    expect(Array.from(raw.time)).toEqual([Date.UTC(1999, 11, 31), Date.UTC(2000, 0, 1), Date.UTC(2000, 1, 29), Date.UTC(2000, 2, 1)]);
  });

  it("fills volume with 0 when the file has none", () => {
    const out = columns(1);
    out.volume[0] = 5;
    const end = new FastRowReader(Int8Array.from([1, 2, 3, 4, 5]), false).read(Buffer.from("2020-01-02,1,2,0.5,1.5\n"), 0, 0, out);
    expect(end).toBe(22);
    expect(out.volume[0]).toBe(0);
  });
});

describe("FastRowReader on any header layout", () => {
  const NAMES = ["Date", "Open", "High", "Low", "Close", "Volume", "Adj Close", "Note"] as const;
  const plain = fc
    .tuple(fc.constantFrom("", "-"), fc.stringMatching(/^[0-9]{1,7}$/), fc.stringMatching(/^[0-9]{0,7}$/))
    .map(([sign, whole, fraction]) => `${sign}${whole}${fraction === "" ? "" : `.${fraction}`}`);
  const layout = fc
    .tuple(fc.shuffledSubarray([...NAMES], { minLength: 5, maxLength: NAMES.length }), fc.boolean())
    .filter(([names]) => ["Date", "Open", "High", "Low", "Close"].every((n) => names.includes(n as (typeof NAMES)[number])));

  it("reads every row of the fast shape, in any column order, with the values Number() and the date give (property)", () => {
    fc.assert(
      fc.property(layout, fc.array(fc.array(plain, { minLength: 8, maxLength: 8 }), { minLength: 1, maxLength: 6 }), fc.integer({ min: 0, max: 20000 }), ([names, crlf], cells, day0) => {
        const rows = cells.map((values, r) => names.map((name, k) => (name === "Date" ? new Date((day0 + r) * 86_400_000).toISOString().slice(0, 10) : name === "Note" ? "x" : (values[k] as string))));
        const text = `${names.join(",")}\n${rows.map((row) => row.join(",") + (crlf ? "\r\n" : "\n")).join("")}`;
        const bytes = Buffer.from(text);
        const parsedLayout = readCsvLayout(bytes);
        if (!("roles" in parsedLayout)) throw new Error("bad header");
        const reader = new FastRowReader(parsedLayout.roles, parsedLayout.hasVolume);
        const out = columns(rows.length);
        let pos = parsedLayout.bodyStart;
        rows.forEach((row, r) => {
          const end = reader.read(bytes, pos, r, out);
          expect(end, text).toBeGreaterThan(pos);
          pos = end + 1;
          const cell = (name: string): number => Number(row[names.indexOf(name as (typeof NAMES)[number])]);
          expect(out.time[r]).toBe((day0 + r) * 86_400_000);
          for (const [name, column] of [["Open", out.open], ["High", out.high], ["Low", out.low], ["Close", out.close]] as const) expect(Object.is(column[r], cell(name))).toBe(true);
          expect(Object.is(out.volume[r], names.includes("Volume") ? cell("Volume") : 0)).toBe(true);
        });
        expect(pos).toBe(bytes.length);
      }),
      { numRuns: 400 },
    );
  });
});
