import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { Trade } from "../../runtime/engine/result.js";
import { METRICS } from "../signatures/metrics.js";
import { annualisation, annualisationNote, computeMetrics, evaluateMetric, isKnownMetric, metricKey } from "./index.js";
import type { MetricInput } from "./input.js";

const DAY = 86_400_000;
const HOUR = 3_600_000;
const T0 = Date.UTC(2020, 0, 1);

function trade(pnl: number): Trade {
  return { ticker: "T", side: "long", entryTime: T0, entryPrice: 1, exitTime: T0, exitPrice: 1, quantity: 1, pnl, costs: 0, exitReason: "signal", bars: 1 };
}

// Four UTC days; day 1 has two bars (10:00 and 16:00), so the daily sample takes the 16:00 equity.
// Daily equity 110, 99, 108.9, 108.9 from 100: daily returns +10%, −10%, +10%, 0.
const input: MetricInput = {
  initialCash: 100,
  time: Float64Array.from([T0, T0 + DAY + 10 * HOUR, T0 + DAY + 16 * HOUR, T0 + 2 * DAY, T0 + 3 * DAY]),
  equity: Float64Array.from([110, 50, 99, 108.9, 108.9]),
  exposed: Uint8Array.from([0, 1, 1, 1, 0]),
  trades: [trade(10), trade(-5), trade(0), trade(20)],
  tradedValue: 200,
  periodsPerYear: 252,
};
const m = (name: string, ...args: (number | string)[]) => evaluateMetric(name, args, input);
const years = (3 * DAY) / (365.25 * DAY);

describe("metrics on a hand-computed series", () => {
  it("counts closed trades, win rate and profit factor", () => {
    expect(m("trades")).toBe(4);
    expect(m("win_rate")).toBe(0.5);
    expect(m("profit_factor")).toBe(30 / 5);
  });

  it("gives the same trade metrics from the engine's pnl column as from Trade objects (property)", () => {
    fc.assert(
      fc.property(fc.array(fc.double({ min: -1e6, max: 1e6, noNaN: true }), { maxLength: 80 }), (pnls) => {
        const objects = computeMetrics({ ...input, trades: pnls.map(trade) });
        // A column with spare capacity after its `length` values, as the engine's TradeBook holds it.
        const column = new Float64Array(pnls.length + 7).fill(123);
        column.set(pnls);
        expect(computeMetrics({ ...input, trades: { length: pnls.length, pnl: column } })).toEqual(objects);
      }),
    );
  });

  it("computes pnl and growth over the calendar span", () => {
    expect(m("net_pnl")).toBeCloseTo(8.9, 12);
    expect(m("total_return")).toBeCloseTo(0.089, 12);
    expect(m("annualized_pnl")).toBeCloseTo(8.9 / years, 9);
    expect(m("cagr")).toBeCloseTo(Math.pow(1.089, 1 / years) - 1, 6);
  });

  it("uses daily returns (last equity of each UTC day) with the sample stdev and 252 periods", () => {
    // Returns 0.1, −0.1, 0.1, 0: mean 0.025; Σ(r − mean)² = 0.0275; sample variance 0.0275 / 3.
    const sd = Math.sqrt(0.0275 / 3);
    expect(m("volatility")).toBeCloseTo(sd * Math.sqrt(252), 12);
    expect(m("sharpe", "daily")).toBeCloseTo((0.025 / sd) * Math.sqrt(252), 10);
    // Downside deviation over all 4 days: sqrt(0.01 / 4) = 0.05.
    expect(m("sortino")).toBeCloseTo((0.025 / 0.05) * Math.sqrt(252), 10);
    expect(m("omega")).toBeCloseTo(0.2 / 0.1, 12);
    expect(m("hit_rate")).toBeCloseTo(2 / 3, 12);
    expect(m("observation_days")).toBe(4);
  });

  it("measures drawdown on the per-bar curve, including intraday dips", () => {
    expect(m("max_drawdown")).toBeCloseTo(60 / 110, 12);
    expect(m("calmar")).toBeCloseTo((Math.pow(1.089, 1 / years) - 1) / (60 / 110), 6);
  });

  it("takes historical VaR / CVaR from the k = ceil((1 − level) n) worst days", () => {
    expect(m("var", 0.95)).toBeCloseTo(0.1, 12); // k = 1: the worst day
    expect(m("cvar", 0.95)).toBeCloseTo(0.1, 12);
    expect(m("var", 0.5)).toBe(0); // k = 2: the second worst day returned 0
    expect(m("cvar", 0.5)).toBeCloseTo(0.05, 12); // mean of −0.1 and 0
  });

  it("computes turnover and exposure", () => {
    expect(m("exposure")).toBeCloseTo(3 / 5, 12);
    expect(m("turnover")).toBeCloseTo(200 / ((110 + 50 + 99 + 108.9 + 108.9) / 5) / years, 9);
  });

  it("annualises sharpe(step) with bars per year from the median bar spacing, and discloses it", () => {
    // Gaps 34h, 6h, 8h, 24h: median 16h → 365.25 × 24 / 16 bars a year.
    const a = annualisation(input);
    expect(a.medianBarSpacingMs).toBe(16 * HOUR);
    expect(a.stepPeriodsPerYear).toBeCloseTo(547.875, 9);
    const steps = [0.1, 50 / 110 - 1, 99 / 50 - 1, 108.9 / 99 - 1, 0];
    const mean = steps.reduce((s, x) => s + x, 0) / 5;
    const sd = Math.sqrt(steps.reduce((s, x) => s + (x - mean) ** 2, 0) / 4);
    expect(m("sharpe", "step")).toBeCloseTo((mean / sd) * Math.sqrt(547.875), 9);
    expect(annualisationNote(input)).toBe("daily returns annualised with 252 periods/year; sharpe(step) with 547.88 bars/year (median bar spacing 16h)");
  });
});

describe("metric edge cases", () => {
  const withTrades = (pnls: number[]): MetricInput => ({ ...input, trades: pnls.map(trade) });
  const flat: MetricInput = { ...input, time: Float64Array.from([T0, T0 + DAY, T0 + 2 * DAY]), equity: Float64Array.from([100, 100, 100]), exposed: new Uint8Array(3) };

  it("follow the documented conventions for no trades, no losers and all-zero trades", () => {
    expect(evaluateMetric("win_rate", [], withTrades([]))).toBeNull();
    expect(evaluateMetric("profit_factor", [], withTrades([]))).toBeNull();
    expect(evaluateMetric("profit_factor", [], withTrades([3, 4]))).toBe(Infinity);
    expect(evaluateMetric("profit_factor", [], withTrades([0, 0]))).toBeNull();
    expect(evaluateMetric("profit_factor", [], withTrades([-1]))).toBe(0);
  });

  it("give null where a ratio is 0 / 0, and for unknown names or args", () => {
    expect(evaluateMetric("sharpe", ["daily"], flat)).toBeNull();
    expect(evaluateMetric("sortino", [], flat)).toBeNull();
    expect(evaluateMetric("hit_rate", [], flat)).toBeNull();
    expect(evaluateMetric("max_drawdown", [], flat)).toBe(0);
    expect(evaluateMetric("calmar", [], flat)).toBeNull();
    expect(evaluateMetric("no_such_metric", [], flat)).toBeNull();
    expect(evaluateMetric("sharpe", ["weekly"], flat)).toBeNull();
    expect(isKnownMetric("toString")).toBe(false);
  });

  it("handle an empty curve", () => {
    const empty: MetricInput = { ...input, time: new Float64Array(0), equity: new Float64Array(0), exposed: new Uint8Array(0), trades: [] };
    const all = computeMetrics(empty);
    expect(all["net_pnl"]).toBe(0);
    expect(all["cagr"]).toBeNull();
    expect(all["var(0.95)"]).toBeNull();
    expect(all["observation_days"]).toBe(0);
  });
});

describe("keys and the default report", () => {
  it("fills default args into keys", () => {
    expect(metricKey("trades", [])).toBe("trades");
    expect(metricKey("sharpe", [])).toBe("sharpe(daily)");
    expect(metricKey("sharpe", ["step"])).toBe("sharpe(step)");
    expect(metricKey("var", [0.99])).toBe("var(0.99)");
    expect(evaluateMetric("sharpe", [], input)).toBe(evaluateMetric("sharpe", ["daily"], input));
  });

  it("implements every metric signature and reports each with default args plus sharpe(step)", () => {
    for (const sig of METRICS) expect(isKnownMetric(sig.name), sig.name).toBe(true);
    const keys = Object.keys(computeMetrics(input));
    expect(keys).toEqual(expect.arrayContaining(["trades", "win_rate", "profit_factor", "sharpe(daily)", "sharpe(step)", "var(0.95)", "cvar(0.95)", "max_drawdown", "observation_days"]));
    expect(keys).toHaveLength(METRICS.length + 1);
  });
});

describe("metric properties", () => {
  const curveArb = fc.array(fc.double({ min: -0.2, max: 0.2, noNaN: true }), { minLength: 2, maxLength: 200 }).map((rets) => {
    let e = 1000;
    const equity = Float64Array.from(rets.map((r) => (e *= 1 + r)));
    return { rets, equity };
  });

  const make = (equity: Float64Array, initialCash: number, pnls: number[] = []): MetricInput => ({
    initialCash,
    time: Float64Array.from(equity, (_, i) => T0 + i * DAY),
    equity,
    exposed: new Uint8Array(equity.length),
    trades: pnls.map(trade),
    tradedValue: 0,
    periodsPerYear: 252,
  });

  it("keep max_drawdown and win_rate in [0, 1]", () => {
    fc.assert(
      fc.property(curveArb, fc.array(fc.double({ min: -100, max: 100, noNaN: true })), ({ equity }, pnls) => {
        const dd = evaluateMetric("max_drawdown", [], make(equity, 1000, pnls)) as number;
        expect(dd).toBeGreaterThanOrEqual(0);
        expect(dd).toBeLessThanOrEqual(1);
        const wr = evaluateMetric("win_rate", [], make(equity, 1000, pnls));
        if (pnls.length === 0) expect(wr).toBeNull();
        else {
          expect(wr).toBeGreaterThanOrEqual(0);
          expect(wr).toBeLessThanOrEqual(1);
        }
      }),
      { numRuns: 300, seed: 1 },
    );
  });

  it("leave Sharpe unchanged when the equity curve and cash are scaled", () => {
    fc.assert(
      fc.property(curveArb, fc.double({ min: 1e-3, max: 1e6, noNaN: true }), ({ equity }, k) => {
        const scaled = Float64Array.from(equity, (e) => e * k);
        for (const basis of ["daily", "step"]) {
          const a = evaluateMetric("sharpe", [basis], make(equity, 1000));
          const b = evaluateMetric("sharpe", [basis], make(scaled, 1000 * k));
          if (a === null || !Number.isFinite(a)) expect(b).toBe(a);
          else expect(b).toBeCloseTo(a, 6);
        }
      }),
      { numRuns: 300, seed: 2 },
    );
  });
});

describe("medianBarSpacingMs", () => {
  it("agrees with a sorted median whether it counts runs or falls back to selection", async () => {
    const { medianBarSpacingMs } = await import("./annualisation.js");
    const sortedMedian = (t: number[]): number => {
      const gaps = t.slice(1).map((x, i) => x - (t[i] as number)).sort((a, b) => a - b);
      const k = gaps.length >> 1;
      return gaps.length % 2 === 1 ? (gaps[k] as number) : ((gaps[k - 1] as number) + (gaps[k] as number)) / 2;
    };
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 1, max: 5 }), { minLength: 1, maxLength: 60 }), fc.array(fc.integer({ min: 1, max: 10_000 }), { minLength: 300, maxLength: 400 }), (few, many) => {
        for (const steps of [few, many]) {
          const t = [0];
          for (const s of steps) t.push((t[t.length - 1] as number) + s * HOUR);
          expect(medianBarSpacingMs(Float64Array.from(t))).toBe(sortedMedian(t));
        }
      }),
      { numRuns: 100, seed: 5 },
    );
  });
});
