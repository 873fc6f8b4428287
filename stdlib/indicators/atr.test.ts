import { describe, expect, it } from "vitest";
import { atr } from "./atr.js";

describe("atr (Wilder)", () => {
  it("uses high − low on the first bar, the true range after, and Wilder smoothing (hand-computed)", () => {
    const high = Float64Array.from([10, 12, 11, 15]);
    const low = Float64Array.from([8, 9, 7, 12]);
    const close = Float64Array.from([9, 11, 8, 14]);
    // TR: 2; max(3, |12−9|, |9−9|) = 3; max(4, |11−11|, |7−11|) = 4; max(3, |15−8|, |12−8|) = 7.
    // p = 3: seed mean(2, 3, 4) = 3 at index 2; then (3 × 2 + 7) / 3 = 13/3.
    const tr = new Float64Array(4);
    const out = atr(high, low, close, 3, new Float64Array(4), tr);
    expect(Array.from(tr)).toEqual([2, 3, 4, 7]);
    expect(out[0]).toBeNaN();
    expect(out[1]).toBeNaN();
    expect(out[2]).toBe(3);
    expect(out[3]).toBeCloseTo(13 / 3, 12);
  });
});
