import { describe, expect, it } from "vitest";
import { bollinger } from "./bollinger.js";
import { stdev } from "./stdev.js";
import { zscore } from "./zscore.js";

const f = (xs: number[]): Float64Array => Float64Array.from(xs);

describe("stdev (sample)", () => {
  it("divides by period − 1 (hand-computed)", () => {
    const out = stdev(f([2, 4, 4, 4, 5, 5, 7, 9]), 8, new Float64Array(8));
    // mean 5, Σ(x − 5)² = 32, sample variance 32/7.
    expect(out[7]).toBeCloseTo(Math.sqrt(32 / 7), 12);
    expect(out[6]).toBeNaN();
  });

  it("does not cancel catastrophically on large prices", () => {
    const out = stdev(f([1e9 + 1, 1e9 + 2, 1e9 + 3]), 3, new Float64Array(3));
    expect(out[2]).toBe(1);
  });
});

describe("zscore", () => {
  it("is (x − sma) / sample stdev, NaN on a flat window", () => {
    const out = zscore(f([1, 2, 3, 5, 5, 5]), 3, new Float64Array(6));
    // window [1,2,3]: mean 2, sd 1 → (3 − 2) / 1 = 1.
    expect(out[2]).toBe(1);
    // window [2,3,5]: mean 10/3, sd sqrt(((−4/3)² + (−1/3)² + (5/3)²)/2) = sqrt(7/3).
    expect(out[3]).toBeCloseTo((5 - 10 / 3) / Math.sqrt(7 / 3), 12);
    expect(out[5]).toBeNaN();
  });
});

describe("bollinger", () => {
  it("uses the population stdev (TA-Lib / TradingView), not the sample one", () => {
    const b = bollinger(f([1, 2, 3, 4, 5]), 5, 2);
    // mean 3, population variance 2 → bands 3 ± 2√2 (the sample stdev would give 3 ± 2√2.5).
    expect(b.middle[4]).toBe(3);
    expect(b.upper[4]).toBeCloseTo(3 + 2 * Math.SQRT2, 12);
    expect(b.lower[4]).toBeCloseTo(3 - 2 * Math.SQRT2, 12);
    expect(b.upper[3]).toBeNaN();
  });
});
