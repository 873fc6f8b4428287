import { describe, expect, it } from "vitest";
import { ema } from "./ema.js";

const run = (xs: number[], p: number): number[] => Array.from(ema(Float64Array.from(xs), p, new Float64Array(xs.length)));

describe("ema", () => {
  it("seeds with the first period's SMA, then applies alpha 2/(period+1) (hand-computed)", () => {
    // p = 3, alpha = 0.5: seed mean(2, 4, 6) = 4; then (10 − 4) × 0.5 + 4 = 7; (1 − 7) × 0.5 + 7 = 4.
    expect(run([2, 4, 6, 10, 1], 3)).toEqual([NaN, NaN, 4, 7, 4]);
  });

  it("matches the TA-Lib form for period 10 on a known series", () => {
    // alpha = 2/11; seed = mean(1..10) = 5.5; next value x = 11: 5.5 + (11 − 5.5) × 2/11 = 6.5.
    const xs = Array.from({ length: 11 }, (_, i) => i + 1);
    expect(run(xs, 10)[10]).toBeCloseTo(6.5, 12);
  });

  it("restarts its seed after a NaN", () => {
    expect(run([1, 3, NaN, 5, 7, 9], 2)).toEqual([NaN, 2, NaN, NaN, 6, 8]);
  });
});
