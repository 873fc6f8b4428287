// The indicators whose loops were reshaped so V8 does not box a double on every bar
// (ema and Wilder's smoothing, rsi, atr, returns, log_returns, dense crossover and
// crossunder, stdev, zscore) must give exactly the bits of the plain algorithms they
// replaced, written out here as they were, on random inputs with NaN runs,
// infinities, huge and tiny values.

import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { atr } from "./atr.js";
import { crossBars } from "./cross.js";
import { crossover } from "./crossover.js";
import { crossunder } from "./crossunder.js";
import { ema } from "./ema.js";
import { logReturns } from "./log-returns.js";
import { returns } from "./returns.js";
import { rsi } from "./rsi.js";
import { sma } from "./sma.js";
import { stdev } from "./stdev.js";
import { wilderSmooth } from "./wilder.js";
import { zscore } from "./zscore.js";

function plainSeeded(wilder: boolean, source: Float64Array, period: number, start = 0): Float64Array {
  const out = new Float64Array(source.length);
  const alpha = 2 / (period + 1);
  let valid = 0;
  let seed = 0;
  let value = NaN;
  for (let t = 0; t < source.length; t++) {
    const x = source[t] as number;
    if (t < start || x !== x) {
      valid = 0;
      seed = 0;
      out[t] = NaN;
      continue;
    }
    valid++;
    if (valid < period) {
      seed += x;
      out[t] = NaN;
    } else if (valid === period) {
      value = (seed + x) / period;
      out[t] = value;
    } else {
      value = wilder ? (value * (period - 1) + x) / period : (x - value) * alpha + value;
      out[t] = value;
    }
  }
  return out;
}

function plainRsi(source: Float64Array, period: number): Float64Array {
  const out = new Float64Array(source.length);
  let moves = 0;
  let up = 0;
  let down = 0;
  for (let t = 0; t < source.length; t++) {
    const x = source[t] as number;
    const prev = t > 0 ? (source[t - 1] as number) : NaN;
    if (x !== x || prev !== prev) {
      moves = 0;
      up = 0;
      down = 0;
      out[t] = NaN;
      continue;
    }
    const change = x - prev;
    const gain = change > 0 ? change : 0;
    const loss = change < 0 ? -change : 0;
    moves++;
    if (moves < period) {
      up += gain;
      down += loss;
      out[t] = NaN;
      continue;
    }
    if (moves === period) {
      up = (up + gain) / period;
      down = (down + loss) / period;
    } else {
      up = (up * (period - 1) + gain) / period;
      down = (down * (period - 1) + loss) / period;
    }
    const total = up + down;
    out[t] = total === 0 ? 50 : down === 0 ? 100 : (100 * up) / total;
  }
  return out;
}

function plainTrueRange(high: Float64Array, low: Float64Array, close: Float64Array): Float64Array {
  const out = new Float64Array(high.length);
  for (let t = 0; t < high.length; t++) {
    const h = high[t] as number;
    const l = low[t] as number;
    const range = h - l;
    if (t === 0) {
      out[t] = range;
      continue;
    }
    const pc = close[t - 1] as number;
    out[t] = Math.max(range, Math.abs(h - pc), Math.abs(l - pc));
  }
  return out;
}

function plainReturns(source: Float64Array, period: number, log: boolean): Float64Array {
  const out = new Float64Array(source.length);
  for (let t = 0; t < source.length; t++) {
    const r = (source[t] as number) / (source[t - period] as number);
    out[t] = t < period ? NaN : log ? Math.log(r) : r - 1;
  }
  return out;
}

function plainCross(a: Float64Array, b: Float64Array): Float64Array {
  const out = new Float64Array(a.length);
  for (let t = 0; t < a.length; t++) {
    const a0 = t > 0 ? (a[t - 1] as number) : NaN;
    const b0 = t > 0 ? (b[t - 1] as number) : NaN;
    const a1 = a[t] as number;
    const b1 = b[t] as number;
    const known = a0 === a0 && b0 === b0 && a1 === a1 && b1 === b1;
    out[t] = known ? (a0 <= b0 && a1 > b1 ? 1 : 0) : NaN;
  }
  return out;
}

function plainDeviation(source: Float64Array, period: number, mean: Float64Array, ddof: number): Float64Array {
  const out = new Float64Array(source.length);
  const divisor = period - ddof;
  for (let t = 0; t < source.length; t++) {
    const m = mean[t] as number;
    if (m !== m || divisor <= 0) {
      out[t] = NaN;
      continue;
    }
    let sum = 0;
    for (let k = t - period + 1; k <= t; k++) {
      const d = (source[k] as number) - m;
      sum += d * d;
    }
    out[t] = Math.sqrt(sum / divisor);
  }
  return out;
}

function plainZscore(source: Float64Array, period: number): Float64Array {
  const mean = sma(source, period, new Float64Array(source.length));
  const sd = plainDeviation(source, period, mean, 1);
  return sd.map((s, t) => (s > 0 ? ((source[t] as number) - (mean[t] as number)) / s : NaN));
}

/** The first index where two series differ in their bits (NaN payloads and signed zeros included), -1 when none; -2 when the lengths differ. */
function firstBitDifference(a: Float64Array, b: Float64Array): number {
  if (a.length !== b.length) return -2;
  const x = new BigUint64Array(a.buffer, a.byteOffset, a.length);
  const y = new BigUint64Array(b.buffer, b.byteOffset, b.length);
  for (let i = 0; i < x.length; i++) if (x[i] !== y[i]) return i;
  return -1;
}

const fresh = (n: number): Float64Array => new Float64Array(n).fill(7);

/** Prices with NaN, infinities, zeros, huge and tiny values. */
const value = fc.oneof(
  { weight: 12, arbitrary: fc.double({ min: 1, max: 200, noNaN: true }) },
  { weight: 2, arbitrary: fc.constant(Number.NaN) },
  { weight: 1, arbitrary: fc.constantFrom(Infinity, -Infinity, 0, -0, 1e300, -1e300, 5e-324) },
  { weight: 1, arbitrary: fc.double({ noNaN: true }) },
);
/** Runs of repeated values too: flat windows, ties, and ∞ − ∞ = NaN between equal infinities. */
const series = fc
  .array(fc.tuple(value, fc.integer({ min: 1, max: 4 })), { minLength: 0, maxLength: 60 })
  .map((runs) => Float64Array.from(runs.flatMap(([x, k]) => Array<number>(k).fill(x))));
const period = fc.integer({ min: 1, max: 12 });
const RUNS = { numRuns: 300 };

describe("reshaped indicators are bit-identical to the plain algorithms", () => {
  it("ema and Wilder's smoothing (any start)", () => {
    fc.assert(
      fc.property(series, period, fc.integer({ min: 0, max: 20 }), (xs, p, start) => {
        expect(firstBitDifference(ema(xs, p, fresh(xs.length)), plainSeeded(false, xs, p))).toBe(-1);
        expect(firstBitDifference(wilderSmooth(xs, p, fresh(xs.length), start), plainSeeded(true, xs, p, start))).toBe(-1);
      }),
      RUNS,
    );
  });

  it("rsi", () => {
    fc.assert(
      fc.property(series, period, (xs, p) => {
        expect(firstBitDifference(rsi(xs, p, fresh(xs.length)), plainRsi(xs, p))).toBe(-1);
      }),
      RUNS,
    );
  });

  it("atr", () => {
    fc.assert(
      fc.property(series, period, fc.integer(), (close, p, seed) => {
        const n = close.length;
        const high = close.map((x, i) => x * (1 + ((seed ^ i) & 7) / 100));
        const low = close.map((x, i) => x * (1 - ((seed >> 3) ^ i & 7) / 100));
        const tr = plainTrueRange(high, low, close);
        const scratch = fresh(n);
        expect(firstBitDifference(atr(high, low, close, p, fresh(n), scratch), plainSeeded(true, tr, p))).toBe(-1);
        expect(firstBitDifference(scratch, tr)).toBe(-1);
      }),
      RUNS,
    );
  });

  it("returns and log_returns", () => {
    fc.assert(
      fc.property(series, fc.integer({ min: 1, max: 130 }), (xs, p) => {
        expect(firstBitDifference(returns(xs, p, fresh(xs.length)), plainReturns(xs, p, false))).toBe(-1);
        expect(firstBitDifference(logReturns(xs, p, fresh(xs.length)), plainReturns(xs, p, true))).toBe(-1);
      }),
      RUNS,
    );
  });

  it("dense crossover and crossunder", () => {
    fc.assert(
      fc.property(series, series, (a0, b0) => {
        const n = Math.min(a0.length, b0.length);
        const a = a0.subarray(0, n);
        const b = b0.subarray(0, n);
        expect(firstBitDifference(crossover(a, b, fresh(n)), plainCross(a, b))).toBe(-1);
        expect(firstBitDifference(crossunder(a, b, fresh(n)), plainCross(b, a))).toBe(-1);
      }),
      RUNS,
    );
  });

  it("sparse crossings: the bars where the dense crossover is 1, past the first growth of the list", () => {
    const firing = (xs: Float64Array): number[] => [...xs.keys()].filter((t) => xs[t] === 1);
    fc.assert(
      fc.property(series, series, (a0, b0) => {
        const n = Math.min(a0.length, b0.length);
        const a = a0.subarray(0, n);
        const b = b0.subarray(0, n);
        expect(Array.from(crossBars(a, b, 1))).toEqual(firing(plainCross(a, b)));
        expect(Array.from(crossBars(a, b, -1))).toEqual(firing(plainCross(b, a)));
      }),
      RUNS,
    );
    const zigzag = Float64Array.from({ length: 200 }, (_, t) => t % 2);
    expect(Array.from(crossBars(zigzag, new Float64Array(200).fill(0.5), 1))).toEqual(Array.from({ length: 100 }, (_, i) => 2 * i + 1));
  });

  it("stdev and zscore", () => {
    fc.assert(
      fc.property(series, period, (xs, p) => {
        const mean = sma(xs, p, new Float64Array(xs.length));
        expect(firstBitDifference(stdev(xs, p, fresh(xs.length)), plainDeviation(xs, p, mean, 1))).toBe(-1);
        expect(firstBitDifference(zscore(xs, p, fresh(xs.length)), plainZscore(xs, p))).toBe(-1);
      }),
      RUNS,
    );
  });

  it("agrees on long series that cross sma's 65,536-bar rebuilds", () => {
    const n = 140_000;
    const xs = new Float64Array(n);
    let s = 7;
    for (let i = 0; i < n; i++) {
      s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
      xs[i] = i % 9973 < 3 ? NaN : 50 + (s >>> 8) / 1e5;
    }
    expect(firstBitDifference(ema(xs, 20, fresh(n)), plainSeeded(false, xs, 20))).toBe(-1);
    expect(firstBitDifference(rsi(xs, 14, fresh(n)), plainRsi(xs, 14))).toBe(-1);
    expect(firstBitDifference(zscore(xs, 30, fresh(n)), plainZscore(xs, 30))).toBe(-1);
  });
});
