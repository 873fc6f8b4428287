import { describe, it, expect } from "vitest";
import fc from "fast-check";
import type { Bars } from "../../data/bars.js";
import { ProviderOptionsError } from "../errors.js";
import { ewmaVolModel } from "./ewma-vol.js";
import { momentumModel } from "./momentum.js";
import { ridgeModel } from "./ridge.js";
import { runModel } from "./run.js";
import { barsFromCloses, randomCloses } from "./test-support.js";
import type { ModelProvider, ModelRun } from "./types.js";
import { zscoreModel } from "./zscore.js";

const DAILY = { barSeconds: 86400, baseDir: "/project" };
type Options = Record<string, number | string | boolean>;

async function predict(model: ModelProvider, closes: readonly number[] | Bars, options: Options): Promise<ModelRun> {
  return model.predict(Array.isArray(closes) ? barsFromCloses(closes) : (closes as Bars), options, DAILY);
}

describe("momentum", () => {
  it("matches hand-computed values", async () => {
    // returns: 0.02, 0.01, 0.03; window 2, horizon 5 bars
    const { predictions: p } = await predict(momentumModel, [100, 102, 103.02, 106.1106], { window: 2, horizon: 5, horizon_unit: "bars" });
    expect([p.expected_return[0], p.expected_return[1], p.confidence[1], p.volatility[1]]).toEqual([NaN, NaN, NaN, NaN]);
    // t = 2: mean 0.015, sd 0.00707107, t-stat 3
    expect(p.expected_return[2]).toBeCloseTo(0.075, 12);
    expect(p.confidence[2]).toBeCloseTo(0.9986501, 6);
    expect(p.volatility[2]).toBeCloseTo(0.00707107 * Math.sqrt(5), 7);
    // t = 3: mean 0.02, sd 0.0141421, t-stat 2
    expect(p.expected_return[3]).toBeCloseTo(0.1, 12);
    expect(p.confidence[3]).toBeCloseTo(0.9772499, 6);
    expect(p.volatility[3]).toBeCloseTo(0.0141421 * Math.sqrt(5), 6);
  });

  it("scales a horizon in seconds by the bar size", async () => {
    const closes = randomCloses(60, 1);
    const tenDays = await predict(momentumModel, closes, { window: 20, horizon: 10 * 86400 });
    const oneDay = await predict(momentumModel, closes, { window: 20, horizon: 86400 });
    expect(tenDays.predictions.expected_return[40]).toBeCloseTo(10 * (oneDay.predictions.expected_return[40] ?? NaN), 14);
  });
});

describe("zscore", () => {
  it("matches hand-computed values", async () => {
    // window 3 at t = 3: closes 10, 10, 13 → z = 2/√3; returns 0, 0, 0.3 → sd √0.03; horizon 4 bars
    const { predictions: p } = await predict(zscoreModel, [10, 10, 10, 13], { window: 3, horizon: 4, horizon_unit: "bars" });
    expect([p.expected_return[2], p.confidence[2], p.volatility[2]]).toEqual([NaN, NaN, NaN]);
    expect(p.expected_return[3]).toBeCloseTo(-0.4, 12);
    expect(p.volatility[3]).toBeCloseTo(Math.sqrt(0.03) * 2, 12);
    expect(p.confidence[3]).toBeCloseTo(0.8758935, 6);
  });

  it("expects a fall above the mean and a rise below it", async () => {
    const up = await predict(zscoreModel, [10, 10.1, 9.9, 10, 12], { window: 4, horizon: 1, horizon_unit: "bars" });
    const down = await predict(zscoreModel, [10, 10.1, 9.9, 10, 8], { window: 4, horizon: 1, horizon_unit: "bars" });
    expect(up.predictions.expected_return[4]).toBeLessThan(0);
    expect(down.predictions.expected_return[4]).toBeGreaterThan(0);
  });
});

describe("ewma_vol", () => {
  it("matches the RiskMetrics recursion by hand", async () => {
    // lambda 0.5 → warm-up k = 2; r = 0.1, −0.1, 0 → σ²[2] = 0.01, σ²[3] = 0.005
    const { predictions: p } = await predict(ewmaVolModel, [100, 110, 99, 99], { lambda: 0.5, horizon: 1, horizon_unit: "bars" });
    expect(p.volatility[1]).toBeNaN();
    expect(p.volatility[2]).toBeCloseTo(0.1, 12);
    expect(p.volatility[3]).toBeCloseTo(Math.sqrt(0.005), 12);
    expect([p.expected_return[3], p.confidence[3]]).toEqual([0, 0.5]);
  });

  it("uses 17 warm-up returns at the RiskMetrics default", async () => {
    const { predictions: p } = await predict(ewmaVolModel, randomCloses(40, 2), {});
    expect(p.volatility[16]).toBeNaN();
    expect(p.volatility[17]).toBeGreaterThan(0);
  });
});

describe("ridge", () => {
  it("starts at lags + horizon + window − 1 and matches a closed-form one-lag fit", async () => {
    const closes = randomCloses(80, 5);
    const options = { lags: 1, window: 30, refit: 1000, alpha: 2, horizon: 3, horizon_unit: "bars" };
    const { predictions: p } = await predict(ridgeModel, closes, options);
    const first = 1 + 3 + 30 - 1;
    expect(p.expected_return[first - 1]).toBeNaN();
    // Independent closed form for one standardised feature: β = Σ z·(y − ȳ) / (Σ z² + α).
    const r = (i: number): number => (closes[i] ?? NaN) / (closes[i - 1] ?? NaN) - 1;
    const samples = Array.from({ length: 30 }, (_, i) => first - 3 - 30 + 1 + i);
    const xs = samples.map(r);
    const ys = samples.map((s) => (closes[s + 3] ?? NaN) / (closes[s] ?? NaN) - 1);
    const mean = (v: number[]): number => v.reduce((a, b) => a + b, 0) / v.length;
    const mx = mean(xs), my = mean(ys);
    const sd = Math.sqrt(xs.reduce((a, x) => a + (x - mx) ** 2, 0) / 29);
    const z = xs.map((x) => (x - mx) / sd);
    const beta = z.reduce((a, zi, i) => a + zi * ((ys[i] ?? 0) - my), 0) / (z.reduce((a, zi) => a + zi * zi, 0) + 2);
    for (const t of [first, first + 10, 79]) expect(p.expected_return[t]).toBeCloseTo(my + (beta * (r(t) - mx)) / sd, 12);
  });

  it("recovers an autoregressive signal", async () => {
    let previous = 0;
    const closes = [100];
    const noise = randomCloses(3001, 9);
    for (let i = 1; i <= 3000; i++) {
      const shock = (noise[i] ?? 100) / (noise[i - 1] ?? 100) - 1;
      previous = 0.5 * previous + shock;
      closes.push((closes[i - 1] ?? 100) * (1 + previous));
    }
    const { predictions: p } = await predict(ridgeModel, closes, { lags: 2, window: 1000, refit: 250, alpha: 0, horizon: 1, horizon_unit: "bars" });
    // The prediction should track 0.5 × the latest return.
    let num = 0, den = 0;
    for (let t = 1500; t < 3000; t++) {
      const rt = (closes[t] ?? 0) / (closes[t - 1] ?? 1) - 1;
      num += (p.expected_return[t] ?? 0) * rt;
      den += rt * rt;
    }
    expect(num / den).toBeGreaterThan(0.4);
    expect(num / den).toBeLessThan(0.6);
  });

  it("shrinks to the target mean as alpha grows", async () => {
    const closes = randomCloses(200, 4);
    const { predictions: p } = await predict(ridgeModel, closes, { lags: 3, window: 50, refit: 500, alpha: 1e12, horizon: 1, horizon_unit: "bars" });
    expect(p.expected_return[100]).toBeCloseTo(p.expected_return[150] ?? NaN, 10);
  });

  it("rejects a window too short for its lags", async () => {
    const result = await runModel(ridgeModel, barsFromCloses(randomCloses(50, 1)), { lags: 5, window: 6 }, DAILY);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.error).toBeInstanceOf(ProviderOptionsError);
      expect(result.error.message).toBe("invalid options for provider `model-ridge`: `window` (6) must be at least lags + 2 (7) to fit 5 coefficients");
    }
  });
});

describe("every built-in model", () => {
  const cases: readonly [ModelProvider, Options][] = [
    [momentumModel, { window: 5, horizon: 3, horizon_unit: "bars" }],
    [zscoreModel, { window: 4, horizon: 2 * 86400 }],
    [ewmaVolModel, { lambda: 0.8 }],
    [ridgeModel, { lags: 3, window: 12, refit: 4, alpha: 0.5, horizon: 2, horizon_unit: "bars" }],
    [ridgeModel, { lags: 1, window: 5, refit: 1, alpha: 0, horizon: 1, horizon_unit: "bars" }],
  ];

  it.each(cases)("%# never looks ahead: changing bars after t never changes predictions at or before t", async (model, options) => {
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 0, max: 1000 }), fc.integer({ min: 0, max: 59 }), fc.array(fc.double({ min: 0.5, max: 2, noNaN: true }), { minLength: 60, maxLength: 60 }), async (seed, t, factors) => {
        const closes = randomCloses(60, seed);
        const poisoned = closes.map((c, i) => (i > t ? c * (factors[i] ?? 1) : c));
        const a = (await predict(model, closes, options)).predictions;
        const b = (await predict(model, poisoned, options)).predictions;
        for (let i = 0; i <= t; i++) {
          expect(Object.is(a.expected_return[i], b.expected_return[i])).toBe(true);
          expect(Object.is(a.confidence[i], b.confidence[i])).toBe(true);
          expect(Object.is(a.volatility[i], b.volatility[i])).toBe(true);
        }
      }),
      { numRuns: 40 },
    );
  });

  it.each(cases)("%# stamps its run with a lineage id of model, version, options and bars", async (model, options) => {
    const bars = barsFromCloses(randomCloses(60, 1));
    const a = await model.predict(bars, options, DAILY);
    const reordered = Object.fromEntries(Object.entries(options).reverse());
    const b = await model.predict(bars, reordered, DAILY);
    const other = await model.predict(barsFromCloses(randomCloses(60, 2)), options, DAILY);
    expect([a.model, a.version]).toEqual([model.name, "1"]);
    expect(a.lineageId).toMatch(/^[0-9a-f]{64}$/);
    expect(b.lineageId).toBe(a.lineageId);
    expect(other.lineageId).not.toBe(a.lineageId);
    expect(a.predictions.expected_return.length).toBe(60);
  });

  it("fills defaults before hashing, so omitted and explicit defaults share a lineage id", async () => {
    const bars = barsFromCloses(randomCloses(30, 1));
    expect((await momentumModel.predict(bars, {}, DAILY)).lineageId).toBe((await momentumModel.predict(bars, { window: 20, horizon: 86400 }, DAILY)).lineageId);
  });
});
