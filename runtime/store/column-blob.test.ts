import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { codedTextColumn, decodeColumns, encodeColumns } from "./column-blob.js";

interface Row {
  readonly x: number;
  readonly label: string | null;
}

function encode(rows: readonly Row[]): Buffer {
  return encodeColumns(rows.length, [
    { name: "x", kind: "f64", values: Float64Array.from(rows, (r) => r.x) },
    { name: "label", kind: "text", values: rows.map((r) => r.label) },
  ]);
}

function roundTrip(rows: readonly Row[]): Row[] {
  const { rows: count, columns } = decodeColumns(encode(rows));
  const x = columns.get("x") as Float64Array;
  const label = columns.get("label") as readonly (string | null)[];
  return Array.from({ length: count }, (_, i) => ({ x: x[i] as number, label: label[i] ?? null }));
}

describe("columnar blobs", () => {
  it("round-trips numbers bit-exactly and strings (with null) exactly", () => {
    const rows = [
      { x: 0.1 + 0.2, label: "fill" },
      { x: -0, label: null },
      { x: Number.POSITIVE_INFINITY, label: "fill" },
      { x: 5e-324, label: "é \u0000 \"quoted\"" },
    ];
    const back = roundTrip(rows);
    expect(back).toEqual(rows);
    expect(Object.is(back[1]?.x, -0)).toBe(true);
  });

  it("stores each distinct string once", () => {
    const many = Array.from({ length: 1000 }, (_, i) => ({ x: i, label: i % 2 === 0 ? "insufficient_cash" : "signal" }));
    const blob = encode(many);
    // 1000 doubles + 1000 u32 indices + a small header
    expect(blob.byteLength).toBeLessThan(1000 * 12 + 200);
    expect(roundTrip(many)).toEqual(many);
  });

  it("decodes an empty list and blobs that are not 8-byte aligned in memory", () => {
    expect(roundTrip([])).toEqual([]);
    const blob = encode([{ x: 1.5, label: "a" }]);
    const shifted = new Uint8Array(blob.byteLength + 3);
    shifted.set(blob, 3);
    const { columns } = decodeColumns(shifted.subarray(3));
    expect(Array.from(columns.get("x") as Float64Array)).toEqual([1.5]);
  });

  it("round-trips any rows (property)", () => {
    const row = fc.record({ x: fc.double({ noNaN: true }), label: fc.option(fc.string(), { nil: null }) });
    fc.assert(
      fc.property(fc.array(row, { maxLength: 50 }), (rows) => {
        const back = roundTrip(rows);
        expect(back.map((r) => r.label)).toEqual(rows.map((r) => r.label));
        back.forEach((r, i) => expect(Object.is(r.x, rows[i]?.x)).toBe(true));
      }),
    );
  });

  it("refuses a column of the wrong length (a bug, not user input)", () => {
    expect(() => encodeColumns(2, [{ name: "x", kind: "f64", values: new Float64Array(3) }])).toThrow(/3 values, not 2/);
  });

  it("reports a truncated blob instead of reading past its end", () => {
    const blob = encode([{ x: 1, label: "a" }, { x: 2, label: "b" }]);
    expect(() => decodeColumns(blob.subarray(0, blob.byteLength - 12))).toThrow(/truncated/);
  });
});

describe("coded text columns", () => {
  it("give the blob the strings themselves give, nulls included (property)", () => {
    const dictionary = ["fill", "skip", "entry", "signal", "é ✓"];
    fc.assert(
      fc.property(fc.array(fc.integer({ min: -1, max: dictionary.length - 1 }), { maxLength: 200 }), (codes) => {
        const strings = codes.map((c) => (c < 0 ? null : (dictionary[c] as string)));
        const plain = encodeColumns(codes.length, [{ name: "t", kind: "text", values: strings }]);
        const coded = encodeColumns(codes.length, [codedTextColumn("t", codes.length, dictionary, (i) => codes[i] as number)]);
        expect(coded.equals(plain)).toBe(true);
      }),
    );
  });
});
