import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { decodeFloat64, encodeFloat64 } from "./equity.js";

describe("equity blobs", () => {
  it("round-trip every double bit-exactly, NaN and -0 included (property)", () => {
    fc.assert(
      fc.property(fc.float64Array({ maxLength: 200 }), (values) => {
        const back = decodeFloat64(encodeFloat64(values));
        expect(Buffer.from(back.buffer).equals(Buffer.from(values.buffer, values.byteOffset, values.byteLength))).toBe(true);
      }),
    );
  });

  it("writes little-endian doubles", () => {
    expect([...encodeFloat64(new Float64Array([1]))]).toEqual([0, 0, 0, 0, 0, 0, 0xf0, 0x3f]);
  });

  it("decodes from an unaligned slice, as SQLite hands blobs back", () => {
    const bytes = Buffer.alloc(17);
    bytes.writeDoubleLE(2.5, 1);
    bytes.writeDoubleLE(-7, 9);
    expect(Array.from(decodeFloat64(bytes.subarray(1)))).toEqual([2.5, -7]);
  });
});
