import { describe, it, expect } from "vitest";
import fc from "fast-check";
import { seededRandom } from "../data/prng.js";
import { confidenceFromStat, MAX_CONFIDENCE, normalCdf, rollingMeanStd, simpleReturns } from "./stats.js";
import { horizonBars } from "./horizon.js";

function naive(values: Float64Array, t: number, window: number): [number, number] {
  let m = 0;
  for (let k = t - window + 1; k <= t; k++) m += values[k] ?? 0;
  m /= window;
  let ss = 0;
  for (let k = t - window + 1; k <= t; k++) ss += ((values[k] ?? 0) - m) ** 2;
  return [m, Math.sqrt(ss / (window - 1))];
}

describe("rollingMeanStd", () => {
  it("matches a two-pass computation for any window and start", () => {
    fc.assert(
      fc.property(fc.array(fc.double({ min: -1e3, max: 1e3, noNaN: true }), { minLength: 2, maxLength: 200 }), fc.integer({ min: 2, max: 50 }), fc.integer({ min: 0, max: 3 }), (xs, window, first) => {
        const values = Float64Array.from(xs);
        const mean = new Float64Array(values.length), std = new Float64Array(values.length);
        rollingMeanStd(values, first, window, mean, std);
        for (let t = 0; t < values.length; t++) {
          if (t < first + window - 1) {
            expect(mean[t]).toBeNaN();
            continue;
          }
          const [m, s] = naive(values, t, window);
          expect(Math.abs((mean[t] ?? NaN) - m)).toBeLessThanOrEqual(1e-9 * (1 + Math.abs(m)) + 1e-9);
          expect(Math.abs((std[t] ?? NaN) - s)).toBeLessThanOrEqual(1e-6 * (1 + s));
        }
      }),
      { numRuns: 500 },
    );
  });

  it("gives exactly 0 for a flat window after a volatile one", () => {
    const values = Float64Array.from([1000, -1000, 999.5, -3, 7, 7, 7, 7, 7]);
    const mean = new Float64Array(values.length), std = new Float64Array(values.length);
    rollingMeanStd(values, 0, 4, mean, std);
    expect([mean[8], std[8]]).toEqual([7, 0]);
  });

  it("does not drift over a million prices far from zero", () => {
    const rng = seededRandom(3);
    const n = 1_000_000;
    const values = new Float64Array(n);
    for (let i = 0; i < n; i++) values[i] = 10_000 + rng();
    const mean = new Float64Array(n), std = new Float64Array(n);
    rollingMeanStd(values, 0, 20, mean, std);
    for (const t of [19, 500_001, n - 2, n - 1]) {
      const [m, s] = naive(values, t, 20);
      expect(Math.abs((mean[t] ?? NaN) - m)).toBeLessThan(1e-9);
      expect(Math.abs((std[t] ?? NaN) - s) / s).toBeLessThan(1e-6);
    }
  });
});

describe("normal CDF and confidence", () => {
  it("matches reference values", () => {
    expect(normalCdf(0)).toBeCloseTo(0.5, 7);
    expect(normalCdf(1)).toBeCloseTo(0.8413447, 6);
    expect(normalCdf(1.959964)).toBeCloseTo(0.975, 6);
    expect(normalCdf(-2)).toBeCloseTo(0.0227501, 6);
  });

  it("maps any statistic into [0.5, 1) symmetrically", () => {
    fc.assert(
      fc.property(fc.double({ noNaN: true }), (x) => {
        const c = confidenceFromStat(x);
        expect(c).toBeGreaterThanOrEqual(0.5);
        expect(c).toBeLessThan(1);
        expect(c).toBe(confidenceFromStat(-x));
      }),
    );
    expect(confidenceFromStat(Infinity)).toBe(MAX_CONFIDENCE);
    expect(confidenceFromStat(NaN)).toBeNaN();
  });
});

describe("simpleReturns and horizonBars", () => {
  it("returns start with NaN", () => {
    const out = new Float64Array(3);
    simpleReturns(Float64Array.from([100, 110, 99]), out);
    expect(out[0]).toBeNaN();
    expect(out[1]).toBeCloseTo(0.1, 12);
    expect(out[2]).toBeCloseTo(-0.1, 12);
  });

  it("turns a horizon in seconds into bars, or takes bars as given", () => {
    expect(horizonBars({ horizon: 864000 }, 86400)).toBe(10);
    expect(horizonBars({ horizon: 3600, horizon_unit: "seconds" }, 900)).toBe(4);
    expect(horizonBars({ horizon: 60 }, 86400)).toBe(1);
    expect(horizonBars({ horizon: 7, horizon_unit: "bars" }, 86400)).toBe(7);
    expect(horizonBars({}, 86400)).toBe(1);
  });
});
