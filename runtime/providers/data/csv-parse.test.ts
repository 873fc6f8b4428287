import { describe, it, expect } from "vitest";
import fc from "fast-check";
import { parseCsv } from "./csv-parse.js";
import type { RawSeries } from "./quality.js";
import { zoneConverter } from "./timestamps.js";

function raw(text: string, tz: string | null = null): RawSeries {
  const result = parseCsv(Buffer.from(text, "utf8"), "T", "t.csv", tz === null ? null : zoneConverter(tz));
  if (!result.ok) throw new Error(result.error.message);
  return result.raw;
}

describe("parseCsv headers", () => {
  it("reads Yahoo files and uses Close, not Adj Close", () => {
    const r = raw("Date,Open,High,Low,Close,Adj Close,Volume\n1995-01-03,2.179012,2.191358,2.117284,2.117284,1.883304,36301200\n");
    expect(r.length).toBe(1);
    expect([r.time[0], r.open[0], r.high[0], r.low[0], r.close[0], r.volume[0]]).toEqual([Date.UTC(1995, 0, 3), 2.179012, 2.191358, 2.117284, 2.117284, 36301200]);
  });

  it("reads Stooq files, case-insensitive, with the columns in any order", () => {
    const r = raw("date,VOLUME,close,low,high,open\n2020-01-02,100,10.5,9,11,10\n");
    expect([r.open[0], r.high[0], r.low[0], r.close[0], r.volume[0]]).toEqual([10, 11, 9, 10.5, 100]);
  });

  it("reads backtesting.py files: a nameless first column holding the timestamp", () => {
    const r = raw(",Open,High,Low,Close,Volume\n2017-04-19 09:00:00,1.0716,1.0722,1.07083,1.07219,1413\n");
    expect(r.time[0]).toBe(Date.UTC(2017, 3, 19, 9));
    expect(r.close[0]).toBe(1.07219);
  });

  it("reads a separate Time column and Stooq's <DATE> style names", () => {
    const r = raw("<TICKER>,<PER>,<DATE>,<TIME>,<OPEN>,<HIGH>,<LOW>,<CLOSE>,<VOL>\nX,5,20200102,093500,1,2,0.5,1.5,7\n");
    expect(r.time[0]).toBe(Date.UTC(2020, 0, 2, 9, 35));
    expect(r.volume[0]).toBe(7);
  });

  it("fills volume with 0 when the file has no Volume column", () => {
    expect(raw("Date,Open,High,Low,Close\n2020-01-02,1,2,0.5,1.5\n").volume[0]).toBe(0);
  });

  it("rejects a header without the needed columns, naming them", () => {
    const result = parseCsv(Buffer.from("Date,Open,Price\n2020-01-02,1,2\n"), "T", "t.csv", null);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.error.code).toBe("R0105");
      expect(result.error.message).toBe("`t.csv` has no High, Low, Close column in its header `Date,Open,Price`");
    }
  });
});

describe("parseCsv rows", () => {
  it("handles a BOM, CRLF line ends, blank lines and a missing final newline", () => {
    const r = raw("\ufeffDate,Open,High,Low,Close,Volume\r\n2020-01-02,1,2,0.5,1.5,7\r\n\r\n2020-01-03,1,2,0.5,1.75,8");
    expect(r.length).toBe(2);
    expect(Array.from(r.close)).toEqual([1.5, 1.75]);
    expect(Array.from(r.rowNumber)).toEqual([2, 4]);
  });

  it("flags rows it cannot parse with their line and keeps empty cells as NaN", () => {
    const r = raw("Date,Open,High,Low,Close,Volume\n2020-01-02,1,2,0.5,1.5,7\n2020-01-03,1,2,abc,1.5,7\n2020-01-06,1,2,,1.5,7\n2020-01-07,1,2\n2020-13-01,1,2,0.5,1.5,7\n");
    expect(Array.from(r.badRow)).toEqual([0, 1, 0, 1, 1]);
    expect(r.badRowCount).toBe(3);
    expect(r.badRowFirst).toBe(3);
    expect(r.badRowExample).toBe('line 3: Low "abc" is not a number');
    expect(r.low[2]).toBeNaN();
  });

  it("reads null and NaN words as missing, not as unparseable", () => {
    const r = raw("Date,Open,High,Low,Close,Volume\n2020-01-02,null,2,0.5,NaN,7\n");
    expect(r.badRowCount).toBe(0);
    expect(r.open[0]).toBeNaN();
    expect(r.close[0]).toBeNaN();
  });

  it("converts naive intraday times with tz, but never daily dates or explicit UTC", () => {
    const text = "Date,Open,High,Low,Close\n2021-01-15 09:30:00,1,1,1,1\n2021-01-15,1,1,1,1\n2021-01-15T09:30:00Z,1,1,1,1\n";
    expect(Array.from(raw(text, "America/New_York").time)).toEqual([Date.UTC(2021, 0, 15, 14, 30), Date.UTC(2021, 0, 15), Date.UTC(2021, 0, 15, 9, 30)]);
  });

  it("parses every decimal exactly as Number() does", () => {
    const decimal = fc
      .tuple(fc.boolean(), fc.stringMatching(/^[0-9]{1,12}$/), fc.option(fc.stringMatching(/^[0-9]{0,10}$/), { nil: undefined }))
      .map(([neg, int, frac]) => `${neg ? "-" : ""}${int}${frac === undefined ? "" : `.${frac}`}`);
    const any = fc.oneof(decimal, fc.double({ noNaN: true, noDefaultInfinity: true }).map(String));
    fc.assert(
      fc.property(any, (text) => {
        const r = raw(`Date,Open,High,Low,Close\n2020-01-02,${text},1,1,1\n`);
        expect(r.badRowCount).toBe(0);
        expect(Object.is(r.open[0], Number(text))).toBe(true);
      }),
    );
  });

  it("agrees with a naive split-and-Number reader on any well-formed file", () => {
    const price = fc.oneof(fc.integer({ min: 1, max: 99999 }).map(String), fc.tuple(fc.integer({ min: 0, max: 9999 }), fc.stringMatching(/^[0-9]{1,6}$/)).map(([i, f]) => `${i}.${f}`));
    const stamp = fc.tuple(fc.date({ min: new Date("1990-01-01T00:00:00Z"), max: new Date("2030-12-31T23:59:59Z"), noInvalidDate: true }), fc.constantFrom("date", "compact", "minutes", "seconds"));
    const rowArb = fc.tuple(stamp, price, price, price, price, fc.integer({ min: 0, max: 1e9 }));
    fc.assert(
      fc.property(fc.array(rowArb, { minLength: 1, maxLength: 30 }), fc.boolean(), (rows, crlf) => {
        const eol = crlf ? "\r\n" : "\n";
        const text = (d: Date, kind: string): string => {
          const iso = d.toISOString();
          if (kind === "date") return iso.slice(0, 10);
          if (kind === "compact") return iso.slice(0, 10).replaceAll("-", "");
          return kind === "minutes" ? `${iso.slice(0, 10)} ${iso.slice(11, 16)}` : `${iso.slice(0, 10)} ${iso.slice(11, 19)}`;
        };
        const lines = rows.map(([[d, kind], o, h, l, c, v]) => [text(d, kind), o, h, l, c, "1.5", String(v)].join(","));
        const r = raw(`Date,Open,High,Low,Close,Adj Close,Volume${eol}${lines.join(eol)}${eol}`);
        expect(r.length).toBe(rows.length);
        expect(r.badRowCount).toBe(0);
        rows.forEach(([[d, kind], o, h, l, c, v], i) => {
          const dayMs = Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate());
          const expected = kind === "date" || kind === "compact" ? dayMs : kind === "minutes" ? Math.floor(d.getTime() / 60_000) * 60_000 : Math.floor(d.getTime() / 1000) * 1000;
          expect([r.time[i], r.open[i], r.high[i], r.low[i], r.close[i], r.volume[i]]).toEqual([expected, Number(o), Number(h), Number(l), Number(c), v]);
        });
      }),
    );
  });
});
