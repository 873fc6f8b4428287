import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { ownDayStats } from "./daily-own-day.js";
import { computeDailyReturns, signSums, summarise, type DailyStats } from "./daily-returns.js";
import { equityPass } from "./equity-pass.js";
import { computeMetrics, evaluateMetric } from "./index.js";
import type { MetricInput } from "./input.js";
import { smallestK, tailCount } from "./tail-select.js";

const DAY = 86_400_000;
const T0 = Date.UTC(2020, 0, 1);

/** The general path: daily returns as an array (one per UTC day), summarised; the reference for the own-day fast path. */
function general(input: MetricInput): { returns: Float64Array; stats: DailyStats } {
  const out = new Float64Array(input.time.length);
  const { count, sum } = computeDailyReturns(input, out);
  const returns = out.subarray(0, count);
  return { returns, stats: summarise(returns, count === 0 ? NaN : sum / count) };
}

function input(time: number[], equity: number[], initialCash: number): MetricInput {
  return { initialCash, time: Float64Array.from(time), equity: Float64Array.from(equity), exposed: new Uint8Array(time.length), trades: [], tradedValue: 0, periodsPerYear: 252 };
}

/** Bit-for-bit equality that tells -0 from 0 and accepts NaN = NaN. */
const same = (a: number, b: number): boolean => Object.is(a, b);

/** Steps between bars: mostly a day or more (each bar its own day), sometimes less (then not). */
const step = fc.oneof(
  { weight: 6, arbitrary: fc.constant(DAY) },
  { weight: 2, arbitrary: fc.integer({ min: 1, max: 4 }).map((d) => d * DAY) },
  { weight: 2, arbitrary: fc.integer({ min: DAY - 1, max: 3 * DAY }) },
  { weight: 1, arbitrary: fc.integer({ min: 1, max: DAY }) },
);
const start = fc.oneof(fc.constant(T0), fc.constant(T0 - 1), fc.constant(T0 + DAY - 1), fc.integer({ min: -3e12, max: 4e12 }), fc.double({ min: -1e12, max: 1e12, noNaN: true }));
/** Equity values, including 0 (then the next return is ±Infinity or NaN) and losses below 0. */
const value = fc.oneof({ weight: 8, arbitrary: fc.double({ min: 1, max: 1e6, noNaN: true }) }, { weight: 1, arbitrary: fc.constant(0) }, { weight: 1, arbitrary: fc.double({ min: -1e3, max: 1e3, noNaN: true }) });

describe("daily statistics when every bar is its own UTC day", () => {
  it("equal the general path's bit for bit, and the fast path is taken exactly when the general path makes one return per bar", () => {
    fc.assert(
      fc.property(start, fc.array(fc.tuple(step, value), { minLength: 1, maxLength: 120 }), fc.double({ min: 1, max: 1e6, noNaN: true }), (t0, rows, cash) => {
        const time: number[] = [];
        const equity: number[] = [];
        let t = t0;
        for (const [dt, e] of rows) {
          time.push(t);
          equity.push(e);
          t += dt;
        }
        const x = input(time, equity, cash);
        const ref = general(x);
        const fast = ownDayStats(x.time, x.equity, cash, equityPass(x.equity, cash), 0.9);
        expect(fast !== null).toBe(ref.returns.length === time.length);
        if (fast === null) return;
        for (const key of ["count", "mean", "stdev", "downsideSquares", "gains", "losses", "upDays", "movedDays"] as const) {
          expect(same(fast.stats[key], ref.stats[key]), key).toBe(true);
        }
        // Few returns: the worst days are not gathered on the way (the context selects them from the array).
        expect(fast.tail).toBeNull();
      }),
      { numRuns: 600, seed: 31 },
    );
  });

  it("gather the same worst days, in the same order, as the general selection on long daily series", () => {
    fc.assert(
      fc.property(fc.integer({ min: 16_400, max: 40_000 }), fc.integer({ min: 1, max: 2 ** 31 }), fc.constantFrom(0.95, 0.99, 0.9), (n, seed, level) => {
        let s = seed;
        const next = (): number => ((s = (Math.imul(s, 1103515245) + 12345) >>> 0) / 2 ** 32) - 0.5;
        // Weekdays only: every fifth step skips a weekend.
        const time = Float64Array.from({ length: n }, (_, i) => T0 + (i + 2 * Math.floor(i / 5)) * DAY);
        let e = 1000;
        const equity = Float64Array.from({ length: n }, () => (e *= 1 + next() * 0.04));
        const x: MetricInput = { initialCash: 1000, time, equity, exposed: new Uint8Array(n), trades: [], tradedValue: 0, periodsPerYear: 252 };
        const ref = general(x);
        const fast = ownDayStats(time, equity, 1000, equityPass(equity, 1000), level);
        expect(fast).not.toBeNull();
        const tail = fast?.tail ?? null;
        expect(tail).not.toBeNull();
        const want = smallestK(ref.returns, tailCount(level, n));
        expect(Array.from(tail ?? [])).toEqual(Array.from(want));
        expect(same(fast?.stats.stdev ?? NaN, ref.stats.stdev)).toBe(true);
      }),
      { numRuns: 12, seed: 32 },
    );
  });

  it("give every metric the same value through the fast path, the general path and one metric at a time", () => {
    const n = 20_000;
    let s = 99;
    const next = (): number => ((s = (Math.imul(s, 1103515245) + 12345) >>> 0) / 2 ** 32) - 0.5;
    let e = 1e6;
    const equity = Float64Array.from({ length: n }, () => (e *= 1 + next() * 0.03));
    const exposed = Uint8Array.from({ length: n }, (_, i) => (i % 3 === 0 ? 1 : 0));
    const daily: MetricInput = { initialCash: 1e6, time: Float64Array.from({ length: n }, (_, i) => T0 + i * DAY), equity, exposed, trades: [], tradedValue: 5e6, periodsPerYear: 365 };
    const all = computeMetrics(daily);
    for (const [key, v] of Object.entries(all)) {
      const open = key.indexOf("(");
      const name = open < 0 ? key : key.slice(0, open);
      const args = open < 0 ? [] : key.slice(open + 1, -1).split(",").map((a) => (Number.isNaN(Number(a)) ? a : Number(a)));
      expect(evaluateMetric(name, args, daily), key).toBe(v);
    }
    expect(all["exposure"]).toBe(Math.ceil(n / 3) / n);
    expect(all["observation_days"]).toBe(n);
    const ref = general(daily);
    expect(all["volatility"]).toBe(ref.stats.stdev * Math.sqrt(365));
    const tail = smallestK(ref.returns, tailCount(0.95, n));
    expect(all["var(0.95)"]).toBe(Math.max(0, -(tail[tail.length - 1] as number)));
  });
});

describe("branch-free sign tallies", () => {
  it("match Math.min / Math.max sums, signed zeros and infinite returns included", () => {
    fc.assert(
      fc.property(fc.array(value, { minLength: 1, maxLength: 80 }), fc.double({ min: 1, max: 1e6, noNaN: true }), (values, cash) => {
        const equity = Float64Array.from(values);
        const p = equityPass(equity, cash);
        const returns = Float64Array.from(values, (v, i) => v / (i === 0 ? cash : (values[i - 1] as number)) - 1);
        const want = signSums(returns);
        const got = summarise(returns, 0);
        for (const key of ["downsideSquares", "gains", "losses"] as const) {
          expect(same(p.returns[key], want[key]), key).toBe(true);
          expect(same(got[key], want[key]), key).toBe(true);
        }
        expect(p.returns.upDays).toBe(returns.filter((r) => r > 0).length);
        expect(p.returns.movedDays).toBe(returns.filter((r) => r !== 0).length);
      }),
      { numRuns: 500, seed: 33 },
    );
  });
});
