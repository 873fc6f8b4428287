import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { CsvColumns, estimateRows } from "./csv-columns.js";
import { CsvRowParser, parseCsv, parseCsvRows, rawSeries, readCsvLayout, withFinalLf, type CsvLayout } from "./csv-parse.js";
import { appendRows, joinParts, splitAfter } from "./csv-split.js";
import type { RawSeries } from "./quality.js";

const HEADER = "Date,Open,High,Low,Close,Adj Close,Volume";

/** A line of a CSV body: mostly good rows, some blank, broken, CRLF-ended or NaN ones. */
const line = fc.oneof(
  { weight: 6, arbitrary: fc.tuple(fc.integer({ min: 0, max: 20000 }), fc.double({ min: 0.01, max: 1e5, noNaN: true })).map(([day, p]) => `${new Date(Date.UTC(1990, 0, 1) + day * 86_400_000).toISOString().slice(0, 10)},${p},${p * 1.01},${p * 0.99},${p},${p},${Math.round(p * 100)}`) },
  { weight: 1, arbitrary: fc.constant("") },
  { weight: 1, arbitrary: fc.constant("2001-02-03,1,2,0.5,1.5,1.5,100\r") },
  { weight: 1, arbitrary: fc.constant("2001-02-30,1,2,0.5,1.5,1.5,100") },
  { weight: 1, arbitrary: fc.constant("2001-02-03,x,2,0.5,1.5,1.5,100") },
  { weight: 1, arbitrary: fc.constant("2001-02-03,NaN,2,0.5") },
  { weight: 1, arbitrary: fc.constant("2001-02-03 10:30:00,1,2,0.5,1.5,1.5,7") },
);

function whole(bytes: Uint8Array): RawSeries {
  const parsed = parseCsv(bytes, "T", "t.csv", null);
  if (!parsed.ok) throw new Error(parsed.error.message);
  return parsed.raw;
}

function split(bytes: Uint8Array, fraction: number, tinyCapacity: boolean): RawSeries {
  const body = withFinalLf(bytes);
  const layout = readCsvLayout(body) as CsvLayout;
  const end = body.length;
  const mid = splitAfter(body, layout.bodyStart + Math.floor((end - layout.bodyStart) * fraction), end);
  const headHint = tinyCapacity ? 1 : estimateRows(body, layout.bodyStart, end);
  // the head in two runs, the second continuing the first (as a file read in chunks is parsed)
  const cut = splitAfter(body, layout.bodyStart + Math.floor((mid - layout.bodyStart) / 2), mid);
  const first = parseCsvRows(body, layout.bodyStart, cut, 1, layout, null, headHint);
  const head = parseCsvRows(body, cut, mid, 1, layout, null, 0, first);
  const tail = parseCsvRows(body, mid, end, 0, layout, null, tinyCapacity ? 1 : estimateRows(body, mid, end));
  return rawSeries("T", "t.csv", appendRows(head, tail));
}

/**
 * The two-thread layout on one thread: both parts parse into one set of shared columns, the tail
 * from row `headRoom`; a part whose room is too small grows into columns of its own.
 */
function splitShared(bytes: Uint8Array, fraction: number, headRoom: number, tailRoom: number): RawSeries {
  const body = withFinalLf(bytes);
  const layout = readCsvLayout(body) as CsvLayout;
  const end = body.length;
  const mid = splitAfter(body, layout.bodyStart + Math.floor((end - layout.bodyStart) * fraction), end);
  const whole = CsvColumns.shared(headRoom + tailRoom);
  const head = new CsvRowParser(layout, null, 1, whole.view(0, headRoom));
  const cut = splitAfter(body, layout.bodyStart + Math.floor((mid - layout.bodyStart) / 2), mid);
  head.parse(body, layout.bodyStart, cut);
  head.parse(body, cut, mid);
  const tail = new CsvRowParser(layout, null, 0, whole.view(headRoom, tailRoom));
  tail.parse(body, mid, end);
  const rows = tail.rows();
  const inShared = rows.columns.time.buffer === whole.time.buffer;
  return rawSeries("T", "t.csv", joinParts(whole, head.rows(), { ...rows, columns: inShared ? null : rows.columns }, headRoom));
}

describe("splitting a CSV body between two parsers", () => {
  it("joins parts parsed into shared columns exactly as one pass, in place or, when a part outgrew its room, by copying (property)", () => {
    fc.assert(
      fc.property(fc.array(line, { maxLength: 60 }), fc.double({ min: 0, max: 1, noNaN: true }), fc.integer({ min: 1, max: 70 }), fc.integer({ min: 1, max: 70 }), (lines, fraction, headRoom, tailRoom) => {
        const bytes = Buffer.from([HEADER, ...lines].join("\n") + "\n", "utf8");
        expect(splitShared(bytes, fraction, headRoom, tailRoom)).toEqual(whole(bytes));
      }),
    );
  });

  it("gives exactly the rows, line numbers and bad-row report of one pass (property)", () => {
    fc.assert(
      fc.property(fc.array(line, { maxLength: 60 }), fc.double({ min: 0, max: 1, noNaN: true }), fc.boolean(), fc.boolean(), (lines, fraction, tiny, finalLf) => {
        const text = [HEADER, ...lines].join("\n") + (finalLf ? "\n" : "");
        const bytes = Buffer.from(text, "utf8");
        expect(split(bytes, fraction, tiny)).toEqual(whole(bytes));
      }),
    );
  });

  it("splits just after a line end, never inside a row", () => {
    const bytes = Buffer.from(`${HEADER}\n2001-01-02,1,1,1,1,1,1\n2001-01-03,2,2,2,2,2,2\n`, "utf8");
    const layout = readCsvLayout(bytes) as CsvLayout;
    const mid = splitAfter(bytes, layout.bodyStart + 5, bytes.length);
    expect(bytes[mid - 1]).toBe(10);
    expect(bytes.subarray(mid).toString()).toBe("2001-01-03,2,2,2,2,2,2\n");
    expect(splitAfter(bytes, bytes.length - 3, bytes.length)).toBe(bytes.length);
  });

  it("names the file's real line in the first bad row of the second half", () => {
    const bytes = Buffer.from(`${HEADER}\n2001-01-02,1,1,1,1,1,1\n\n2001-01-03,2,2,2,2,2,2\n2001-01-04,x,2,2,2,2,2\n`, "utf8");
    const r = split(bytes, 0.5, false);
    expect(r.badRowFirst).toBe(5);
    expect(r.badRowExample).toMatch(/^line 5: Open "x" is not a number/);
    expect(Array.from(r.rowNumber)).toEqual([2, 4, 5]);
  });
});

describe("estimateRows", () => {
  it("is exact for short ranges and close for long uniform ones", () => {
    const bytes = Buffer.from("a\nb\nc\n", "utf8");
    expect(estimateRows(bytes, 0, bytes.length)).toBe(4);
    const long = Buffer.from("2001-01-02,1,1,1,1,1,1\n".repeat(20000), "utf8");
    const estimate = estimateRows(long, 0, long.length);
    expect(estimate).toBeGreaterThanOrEqual(20000);
    expect(estimate).toBeLessThan(20000 * 1.05);
  });
});
