import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { equityPass } from "./equity-pass.js";
import { evaluateMetric } from "./index.js";
import { smallestK } from "./tail-select.js";

describe("equityPass", () => {
  it("matches direct computations of mean equity, max drawdown and step-return stats", () => {
    fc.assert(
      fc.property(fc.array(fc.double({ min: 1, max: 1e6, noNaN: true }), { minLength: 2, maxLength: 300 }), fc.double({ min: 1, max: 1e6, noNaN: true }), (values, cash) => {
        const e = Float64Array.from(values);
        const p = equityPass(e, cash);
        expect(p.meanEquity).toBeCloseTo(values.reduce((s, v) => s + v, 0) / values.length, 6);
        let peak = cash;
        let worst = 0;
        for (const v of values) {
          peak = Math.max(peak, v);
          worst = Math.max(worst, (peak - v) / peak);
        }
        expect(p.maxDrawdown).toBe(worst);
        const r = values.map((v, i) => v / (i === 0 ? cash : (values[i - 1] as number)) - 1);
        const m = r.reduce((s, x) => s + x, 0) / r.length;
        const sd = Math.sqrt(r.reduce((s, x) => s + (x - m) ** 2, 0) / (r.length - 1));
        expect(p.stepMean).toBeCloseTo(m, 9);
        expect(Math.abs(p.stepStdev - sd)).toBeLessThanOrEqual(1e-9 * Math.max(1, sd));
      }),
      { numRuns: 300, seed: 9 },
    );
  });
});

describe("smallestK", () => {
  const sortedPrefix = (xs: Float64Array, k: number): number[] => Array.from(xs).sort((a, b) => a - b).slice(0, k);

  it("returns exactly the k smallest, the k-th last, with the sample shortcut and its fallback", () => {
    let s = 12345;
    const next = (): number => ((s = (Math.imul(s, 1103515245) + 12345) >>> 0) / 2 ** 32) - 0.5;
    const big = Float64Array.from({ length: 100_000 }, next);
    const before = Float64Array.from(big);
    for (const k of [1, 5_000, 20_000, 30_000]) {
      const got = smallestK(big, k);
      expect(got.length).toBe(k);
      expect(Array.from(got).sort((a, b) => a - b)).toEqual(sortedPrefix(big, k));
      expect(got[k - 1]).toBe(sortedPrefix(big, k)[k - 1]);
    }
    // Many ties: the sample threshold gathers too many values and the fallback takes over.
    const ties = Float64Array.from({ length: 100_000 }, (_, i) => (i % 3 === 0 ? -1 : i));
    expect(Array.from(smallestK(ties, 10))).toEqual(new Array(10).fill(-1));
    expect(big.every((v, i) => v === before[i])).toBe(true); // the input is not reordered
  });
});

describe("daily returns", () => {
  const DAY = 86_400_000;
  // Reference: bucket every bar by Math.floor(t / DAY), the last equity of each day against the previous day's.
  const reference = (time: number[], equity: number[], cash: number): number[] => {
    const out: number[] = [];
    let prev = cash;
    for (let i = 0; i < time.length; i++) {
      const last = i + 1 === time.length || Math.floor((time[i + 1] as number) / DAY) !== Math.floor((time[i] as number) / DAY);
      if (last) {
        out.push((equity[i] as number) / prev - 1);
        prev = equity[i] as number;
      }
    }
    return out;
  };

  it("bucket bars by UTC day exactly, across day steps, gaps and bars a millisecond either side of midnight", () => {
    const step = fc.oneof(
      fc.constant(DAY),
      fc.constant(1),
      fc.constant(DAY - 1),
      fc.constant(DAY + 1),
      fc.integer({ min: 1, max: 5 * DAY }),
      fc.integer({ min: 1, max: 40 }).map((d) => d * DAY),
    );
    const start = fc.oneof(fc.constant(Date.UTC(2020, 0, 1)), fc.constant(Date.UTC(2020, 0, 1) - 1), fc.integer({ min: -3e12, max: 4e12 }));
    fc.assert(
      fc.property(start, fc.array(fc.tuple(step, fc.double({ min: 1, max: 1e6, noNaN: true })), { minLength: 1, maxLength: 200 }), (t0, rows) => {
        const time: number[] = [];
        const equity: number[] = [];
        let t = t0;
        for (const [dt, e] of rows) {
          time.push(t);
          equity.push(e);
          t += dt;
        }
        const input = { initialCash: 1000, time: Float64Array.from(time), equity: Float64Array.from(equity), exposed: new Uint8Array(time.length), trades: [], tradedValue: 0, periodsPerYear: 252 };
        const r = reference(time, equity, 1000);
        expect(evaluateMetric("observation_days", [], input)).toBe(r.length);
        let sum = 0;
        for (const x of r) sum += x;
        const m = sum / r.length;
        let squares = 0;
        for (const x of r) squares += (x - m) * (x - m);
        const volatility = r.length < 2 ? null : Math.sqrt(squares / (r.length - 1)) * Math.sqrt(252);
        expect(evaluateMetric("volatility", [], input)).toBe(volatility);
        const worst = [...r].sort((a, b) => a - b)[Math.max(1, Math.ceil(0.05 * r.length - 1e-9)) - 1] as number;
        expect(evaluateMetric("var", [0.95], input)).toBe(Math.max(0, -worst));
      }),
      { numRuns: 400, seed: 21 },
    );
  });
});
