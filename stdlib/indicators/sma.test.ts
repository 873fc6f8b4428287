import { describe, expect, it } from "vitest";
import { crossover } from "./crossover.js";
import { sma } from "./sma.js";

const run = (xs: number[], p: number): number[] => Array.from(sma(Float64Array.from(xs), p, new Float64Array(xs.length)));

/** Deterministic dyadic values k/64 (k < 2^20): every window sum of them is exact in a double. */
function dyadicSeries(n: number, seed: number): Float64Array {
  const xs = new Float64Array(n);
  let s = seed >>> 0;
  for (let i = 0; i < n; i++) {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    xs[i] = (s >>> 12) / 64;
  }
  return xs;
}

/** The window mean computed directly (exact when the window sum is representable). */
function directMean(xs: Float64Array, end: number, p: number): number {
  let s = 0;
  for (let k = end - p + 1; k <= end; k++) s += xs[k] as number;
  return s / p;
}

/**
 * The compensated running average written the plain way (skip NaN inputs, count the
 * NaNs in the window, rebuild the pair from the window every 65,536 bars): what sma.ts
 * computed before its loop went branch-free. sma must match it bit for bit.
 */
function referenceSma(xs: Float64Array, p: number): Float64Array {
  const out = new Float64Array(xs.length);
  const every = Math.max(1 << 16, p);
  let s = 0;
  let c = 0;
  let nans = 0;
  const add = (z: number): void => {
    const u = s + z;
    const v = u - s;
    c += s - (u - v) + (z - v);
    s = u;
  };
  for (let t = 0; t < xs.length; t++) {
    const x = xs[t] as number;
    if (x === x) add(x);
    else nans++;
    if (t >= p) {
      const y = -(xs[t - p] as number);
      if (y === y) add(y);
      else nans--;
    }
    if (t % every === every - 1) {
      s = 0;
      c = 0;
      for (let k = t - p + 1; k <= t; k++) if (xs[k] === xs[k]) add(xs[k] as number);
    }
    out[t] = t >= p - 1 && nans === 0 ? (s + c) / p : NaN;
  }
  return out;
}

/** The textbook running sum (add new, subtract old) without compensation. */
function naiveSma(xs: Float64Array, p: number): Float64Array {
  const out = new Float64Array(xs.length);
  let s = 0;
  for (let t = 0; t < xs.length; t++) {
    s += xs[t] as number;
    if (t >= p) s -= xs[t - p] as number;
    out[t] = t >= p - 1 ? s / p : NaN;
  }
  return out;
}

describe("sma", () => {
  it("averages hand-computed windows with a NaN warm-up", () => {
    expect(run([1, 2, 3, 4, 5, 6], 3)).toEqual([NaN, NaN, 2, 3, 4, 5]);
    expect(run([10, 20], 1)).toEqual([10, 20]);
    expect(run([1, 2], 3)).toEqual([NaN, NaN]);
  });

  it("yields NaN while a NaN is in the window and recovers after it leaves", () => {
    expect(run([1, 2, NaN, 4, 5, 6, 7], 2)).toEqual([NaN, 1.5, NaN, NaN, 4.5, 5.5, 6.5]);
  });

  it("stays bit-exact over 2,000,000 bars after huge values passed through the window", () => {
    const n = 2_000_000;
    const xs = dyadicSeries(n, 7);
    // The last spike is within the last 65,536 bars: compensation, not the periodic re-sum, keeps it exact.
    for (const at of [1_000, 50_000, 777_777, 1_500_000, n - 5_000]) xs[at] = 2 ** 53;
    for (const p of [10, 30]) {
      const out = sma(xs, p, new Float64Array(n));
      const exact = directMean(xs, n - 1, p);
      expect(out[n - 1]).toBe(exact);
      expect(out[n - 2]).toBe(directMean(xs, n - 2, p));
      // The uncompensated running sum has drifted on the same data: the test can fail.
      expect(naiveSma(xs, p)[n - 1]).not.toBe(exact);
    }
  });

  it("matches the plain compensated average bit for bit, NaN and infinite inputs included", () => {
    const n = 200_000;
    const xs = new Float64Array(n);
    let r = 12345;
    for (let i = 0; i < n; i++) {
      r = (Math.imul(r, 1664525) + 1013904223) >>> 0;
      xs[i] = (r / 2 ** 32 - 0.5) * 10 ** ((r & 15) - 4);
    }
    for (const at of [0, 3, 65_530, 65_535, 65_536, 131_071, 131_080, 199_999]) xs[at] = NaN;
    xs.fill(NaN, 100_000, 100_050);
    for (const at of [500, 70_000, 140_000]) xs[at] = 1e308;
    xs[150_000] = Infinity;
    xs[160_000] = -Infinity;
    for (const p of [1, 2, 10, 30, 64, 70_000]) {
      const got = Array.from(sma(xs, p, new Float64Array(n)));
      expect(got).toEqual(Array.from(referenceSma(xs, p)));
    }
    expect(Array.from(sma(xs.subarray(0, 5), 30, new Float64Array(5)))).toEqual([NaN, NaN, NaN, NaN, NaN]);
    expect(sma(new Float64Array(0), 3, new Float64Array(0)).length).toBe(0);
  });

  it("keeps an exact tie after millions of bars, so the tie still decides a crossover", () => {
    const noisy = dyadicSeries(2_000_000, 11);
    for (const at of [10, 123_456, 1_999_000]) noisy[at] = 2 ** 52 + 0.5;
    const flat = 40;
    const xs = new Float64Array(noisy.length + flat + 1);
    xs.set(noisy);
    xs.fill(1000.25, noisy.length, noisy.length + flat);
    xs[xs.length - 1] = 1001.25;
    const fast = sma(xs, 10, new Float64Array(xs.length));
    const slow = sma(xs, 30, new Float64Array(xs.length));
    const tie = xs.length - 2;
    expect(fast[tie]).toBe(1000.25);
    expect(slow[tie]).toBe(1000.25);
    const cross = crossover(fast, slow, new Float64Array(xs.length));
    expect(cross[tie]).toBe(0);
    expect(cross[xs.length - 1]).toBe(1);
    const naiveFast = naiveSma(xs, 10);
    const naiveSlow = naiveSma(xs, 30);
    expect(naiveFast[tie] === 1000.25 && naiveSlow[tie] === 1000.25).toBe(false);
  });
});
