import { describe, expect, it } from "vitest";
import { rsi } from "./rsi.js";

const run = (xs: number[], p: number): number[] => Array.from(rsi(Float64Array.from(xs), p, new Float64Array(xs.length)));

// The classic 14-period worked example (StockCharts' RSI worksheet). StockCharts
// prints 70.53, 66.32, ... because its sheet rounds the averages to 2 decimals at
// every step; with unrounded arithmetic the values are 70.46, 66.25, ...
const CLOSES = [
  44.34, 44.09, 44.15, 43.61, 44.33, 44.83, 45.1, 45.42, 45.84, 46.08, 45.89, 46.03, 45.61, 46.28, 46.28, 46.0, 46.03, 46.41, 46.22, 45.64, 46.21, 46.25, 45.71,
  46.45, 45.78, 45.35, 44.03, 44.18, 44.22, 44.57, 43.42, 42.66, 43.13,
];
const EXPECTED = [70.46, 66.25, 66.48, 69.35, 66.29, 57.92, 62.88, 63.21, 56.01, 62.34, 54.67, 50.39, 40.02, 41.49, 41.9, 45.5, 37.32, 33.09, 37.79];

describe("rsi (Wilder)", () => {
  it("reproduces the textbook 14-period example to 2 decimals", () => {
    const out = run(CLOSES, 14);
    expect(out.slice(0, 14).every(Number.isNaN)).toBe(true);
    expect(out.slice(14).map((v) => Math.round(v * 100) / 100)).toEqual(EXPECTED);
  });

  it("seeds with the mean of the first period moves, then smooths with alpha 1/period (hand-computed)", () => {
    // moves: +1, −2, +3 | then +1. Seed (p = 3): up = 4/3, down = 2/3 → 66.67.
    // Next: up = (4/3 × 2 + 1) / 3 = 11/9, down = (2/3 × 2) / 3 = 4/9 → 100 × 11 / 15.
    const out = run([10, 11, 9, 12, 13], 3);
    expect(out[3]).toBeCloseTo(200 / 3, 12);
    expect(out[4]).toBeCloseTo((100 * 11) / 15, 12);
  });

  it("is 100 without down moves and 50 without any move (backtrader's safe division)", () => {
    expect(run([1, 2, 3, 4], 2)[3]).toBe(100);
    expect(run([5, 5, 5, 5], 2)[3]).toBe(50);
    expect(run([4, 3, 2, 1], 2)[3]).toBe(0);
  });
});
