import { describe, expect, it } from "vitest";
import { abs } from "./abs.js";
import { crossBars } from "./cross.js";
import { crossover } from "./crossover.js";
import { crossunder } from "./crossunder.js";
import { highest } from "./highest.js";
import { logReturns } from "./log-returns.js";
import { lowest } from "./lowest.js";
import { max } from "./max.js";
import { min } from "./min.js";
import { returns } from "./returns.js";
import { wma } from "./wma.js";

const f = (xs: number[]): Float64Array => Float64Array.from(xs);
const out = (n: number): Float64Array => new Float64Array(n);

describe("wma", () => {
  it("weights the newest bar by period (hand-computed)", () => {
    // p = 3 over [1, 2, 3]: (1 + 4 + 9) / 6; over [2, 3, 7]: (2 + 6 + 21) / 6.
    expect(Array.from(wma(f([1, 2, 3, 7]), 3, out(4)))).toEqual([NaN, NaN, 14 / 6, 29 / 6]);
  });
});

describe("returns and log_returns", () => {
  it("compare with the value `period` bars back", () => {
    expect(Array.from(returns(f([100, 110, 99]), 1, out(3)))).toEqual([NaN, 0.10000000000000009, -0.09999999999999998]);
    expect(Array.from(returns(f([100, 110, 121]), 2, out(3)))).toEqual([NaN, NaN, 0.20999999999999996]);
    expect(logReturns(f([1, Math.E]), 1, out(2))[1]).toBeCloseTo(1, 15);
  });
});

describe("highest and lowest", () => {
  it("track the window extreme, this bar included", () => {
    const xs = f([3, 1, 4, 1, 5, 9, 2, 6]);
    expect(Array.from(highest(xs, 3, out(8)))).toEqual([NaN, NaN, 4, 4, 5, 9, 9, 9]);
    expect(Array.from(lowest(xs, 3, out(8)))).toEqual([NaN, NaN, 1, 1, 1, 1, 2, 2]);
  });

  it("agree with a direct scan on random data, and yield NaN around a NaN", () => {
    const xs = new Float64Array(500);
    let s = 1;
    for (let i = 0; i < xs.length; i++) xs[i] = ((s = (s * 48271) % 2147483647) % 1000) / 10;
    xs[200] = NaN;
    const hi = highest(xs, 7, out(500));
    for (let t = 6; t < 500; t++) {
      const window = Array.from(xs.subarray(t - 6, t + 1));
      const expected = window.some(Number.isNaN) ? NaN : Math.max(...window);
      expect(hi[t]).toBe(expected);
    }
  });
});

describe("crossover and crossunder", () => {
  it("fire on the bar the order flips, counting a tie on the previous bar", () => {
    const a = f([1, 2, 2, 3, 1]);
    const b = f([2, 2, 2, 2, 2]);
    expect(Array.from(crossover(a, b, out(5)))).toEqual([NaN, 0, 0, 1, 0]);
    expect(Array.from(crossunder(a, b, out(5)))).toEqual([NaN, 0, 0, 0, 1]);
  });

  it("list as bars exactly where the per-bar series is 1, also when crossings are dense", () => {
    const n = 5_000;
    const a = new Float64Array(n);
    const b = new Float64Array(n);
    let r = 3;
    for (let t = 0; t < n; t++) {
      r = (Math.imul(r, 1664525) + 1013904223) >>> 0;
      // Noise for the first half, then a crossing every other bar (more than the initial room).
      a[t] = t < n / 2 ? r / 2 ** 32 : t % 2;
      b[t] = t < 10 ? NaN : 0.5;
    }
    for (const direction of [1, -1] as const) {
      const series = direction === 1 ? crossover(a, b, out(n)) : crossunder(a, b, out(n));
      const expected = Array.from(series).flatMap((v, t) => (v === 1 ? [t] : []));
      expect(expected.length).toBeGreaterThan(n / 4);
      expect(Array.from(crossBars(a, b, direction))).toEqual(expected);
    }
    expect(crossBars(new Float64Array(0), new Float64Array(0), 1).length).toBe(0);
  });

  it("are unknown (NaN) while an input warms up", () => {
    expect(Array.from(crossover(f([NaN, 1, 3]), f([2, 2, 2]), out(3)))).toEqual([NaN, NaN, 1]);
  });
});

describe("abs, min, max", () => {
  it("work bar by bar and propagate NaN", () => {
    expect(Array.from(abs(f([-1, 2, NaN]), out(3)))).toEqual([1, 2, NaN]);
    expect(Array.from(min(f([1, 5, NaN]), f([3, 2, 1]), out(3)))).toEqual([1, 2, NaN]);
    expect(Array.from(max(f([1, 5, 0]), f([3, 2, NaN]), out(3)))).toEqual([3, 5, NaN]);
  });
});
