import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { buildPanel, type AssetSeries } from "./panel.js";
import { periodKey, rebalanceDays } from "./rebalance.js";
import { allocateEqual, allocatePortfolio, sleeveWeights } from "./sleeves.js";
import { netValue, simulateAllocation } from "./simulate.js";
import { hrpWeights, leafOrder } from "./weighting/hrp.js";
import { maxSharpe, memberWeights, type Weighting } from "./weighting/index.js";
import { minimiseQuadratic, projectSimplex } from "./weighting/simplex.js";

const DAY = 86_400_000;
const T0 = Date.UTC(2020, 0, 1);

/** A daily asset from its prices, starting `offset` days after T0 (bars at 21:00 UTC). */
function asset(id: string, prices: readonly number[], offset = 0): AssetSeries {
  return { id, time: Float64Array.from(prices, (_, i) => T0 + (offset + i) * DAY + 21 * 3_600_000), value: Float64Array.from(prices) };
}

function cov2(va: number, vb: number, c: number): Float64Array[] {
  return [Float64Array.of(va, c), Float64Array.of(c, vb)];
}

describe("panel", () => {
  it("aligns on the union of days, forward-fills, and gives 0 return before and on the first day", () => {
    const panel = buildPanel([asset("A", [10, 11, 11, 12.1]), asset("B", [20, 22], 1)]);
    expect(panel.time.length).toBe(4);
    expect([...(panel.value[1] as Float64Array)]).toEqual([NaN, 20, 22, 22]);
    expect(panel.first[0]).toBe(0);
    expect(panel.first[1]).toBe(1);
    expect([...(panel.returns[0] as Float64Array)].map((r) => Number(r.toFixed(12)))).toEqual([0, 0.1, 0, 0.1]);
    expect([...(panel.returns[1] as Float64Array)].map((r) => Number(r.toFixed(12)))).toEqual([0, 0, 0.1, 0]);
  });
});

describe("rebalance calendar", () => {
  it("rebalances on the first day and at each period's last day, never on the data's last day", () => {
    const days = ["2020-01-30", "2020-01-31", "2020-02-03", "2020-02-28", "2020-03-02"].map((d) => Date.parse(`${d}T21:00:00Z`));
    expect([...rebalanceDays(Float64Array.from(days), "monthly")]).toEqual([1, 1, 0, 1, 0]);
    expect([...rebalanceDays(Float64Array.from(days), "yearly")]).toEqual([1, 0, 0, 0, 0]);
    // 2020-01-31 is a Friday, 2020-02-03 a Monday: a new week; every day here ends its week.
    expect([...rebalanceDays(Float64Array.from(days), "weekly")]).toEqual([1, 1, 1, 1, 0]);
    expect([...rebalanceDays(Float64Array.from(["2020-02-03", "2020-02-04", "2020-02-10"].map((d) => Date.parse(`${d}T21:00:00Z`))), "weekly")]).toEqual([1, 1, 0]);
    expect(periodKey(Date.parse("2020-03-31T00:00:00Z"), "quarterly")).not.toBe(periodKey(Date.parse("2020-04-01T00:00:00Z"), "quarterly"));
    expect([...rebalanceDays(Float64Array.from(days), "daily")]).toEqual([1, 1, 1, 1, 0]);
  });
});

describe("simulation", () => {
  it("equal weights drift between rebalances (hand-computed)", () => {
    // A: +10% on day 1 and day 3; B: +10% on day 2. Rebalance only on day 0 (yearly).
    const panel = buildPanel([asset("A", [10, 11, 11, 12.1]), asset("B", [20, 20, 22, 22])]);
    const r = allocateEqual(panel, [0, 1], rebalanceDays(panel.time, "yearly"), 0, 100);
    // Day 1: 55 + 50 = 105; day 2: 55 + 55 = 110; day 3: 60.5 + 55 = 115.5.
    expect([...r.equity].map((x) => Number(x.toFixed(9)))).toEqual([100, 105, 110, 115.5]);
    expect(r.rebalances.length).toBe(1);
    expect(r.tradedValue).toBe(100);
  });

  it("daily rebalancing restores the weights: each day earns the mean return", () => {
    const panel = buildPanel([asset("A", [10, 11, 11, 12.1]), asset("B", [20, 20, 22, 22])]);
    const r = allocateEqual(panel, [0, 1], rebalanceDays(panel.time, "daily"), 0, 100);
    expect([...r.equity].map((x) => Number(x.toFixed(9)))).toEqual([100, 105, 110.25, 115.7625]);
  });

  it("commission is charged on traded value, from the portfolio", () => {
    // All in one asset at 1%: V' = 100 − 0.01 V' → V' = 100 / 1.01.
    expect(netValue(100, Float64Array.of(1), Float64Array.of(0), 0.01)).toBeCloseTo(100 / 1.01, 12);
    const panel = buildPanel([asset("A", [10, 10])]);
    const r = allocateEqual(panel, [0], rebalanceDays(panel.time, "daily"), 0.01, 100);
    expect(r.equity[0]).toBeCloseTo(100 / 1.01, 12);
    expect(r.costs).toBeCloseTo(100 - 100 / 1.01, 12);
  });

  it("an asset gets weight only from the first rebalance at or after its first bar", () => {
    const panel = buildPanel([asset("A", [10, 10, 10, 10]), asset("B", [20, 40], 2)]);
    const r = allocateEqual(panel, [0, 1], rebalanceDays(panel.time, "daily"), 0, 100);
    expect([...(r.rebalances[0]?.weights ?? [])]).toEqual([1, 0]);
    expect([...(r.rebalances[2]?.weights ?? [])]).toEqual([0.5, 0.5]);
    expect(r.equity[3]).toBeCloseTo(150, 12);
  });

  it("caps above 100% in total scale down; below, the rest is cash", () => {
    expect(sleeveWeights([0.8, 0.6, 0.1])).toEqual([0.8 / 1.5, 0.6 / 1.5, 0.1 / 1.5]);
    expect(sleeveWeights([0.5, 0.3])).toEqual([0.5, 0.3]);
    const panel = buildPanel([asset("A", [10, 20]), asset("B", [10, 10])]);
    const p = allocatePortfolio(panel, [{ name: "a", bucket: "spec", cap: 0.5, weighting: "equal", members: [0] }], rebalanceDays(panel.time, "monthly"), 0, 100);
    expect(p.cashWeight).toBe(0.5);
    expect(p.portfolio.finalEquity).toBeCloseTo(150, 12); // 50 doubles, 50 stays cash
    expect(p.sleeves[0]?.result.initialCash).toBe(50);
    expect(p.sleeves[0]?.result.finalEquity).toBeCloseTo(100, 12);
  });
});

describe("weightings", () => {
  it("HRP of two assets is inverse-variance; the tree puts correlated assets together", () => {
    const w = hrpWeights(cov2(0.04, 0.01, 0.002));
    expect(w[0]).toBeCloseTo(0.01 / 0.05, 12);
    expect(w[1]).toBeCloseTo(0.04 / 0.05, 12);
    // 0 and 2 are nearly identical, 1 is independent: 0 and 2 merge first.
    const cov = [Float64Array.of(1, 0, 0.99), Float64Array.of(0, 1, 0), Float64Array.of(0.99, 0, 1)];
    expect(leafOrder(cov)).toEqual([1, 0, 2]);
    // Bisection [1] | [0, 2]: V_right = var of (½, ½) = (1 + 1 + 2·0.99) / 4 = 0.995; α = 1 − 1 / 1.995.
    const h = hrpWeights(cov);
    expect(h[1]).toBeCloseTo(1 - 1 / 1.995, 12);
    expect(h[0]).toBeCloseTo((1 / 1.995) / 2, 12);
  });

  it("min_variance matches the two-asset closed form, long-only at the corner", () => {
    const w = minimiseQuadratic(cov2(0.04, 0.01, 0.005), Float64Array.of(0.5, 0.5), projectSimplex);
    // w_A = (σB² − σAB) / (σA² + σB² − 2σAB) = 0.005 / 0.04
    expect(w[0]).toBeCloseTo(0.125, 9);
    const corner = minimiseQuadratic(cov2(0.04, 0.01, 0.015), Float64Array.of(0.5, 0.5), projectSimplex);
    expect(corner[0]).toBeCloseTo(0, 9); // unconstrained optimum would short A
  });

  it("max_sharpe of uncorrelated assets is proportional to μ/σ²", () => {
    const w = maxSharpe(cov2(0.04, 0.01, 0), Float64Array.of(0.002, 0.001));
    const a = 0.002 / 0.04;
    const b = 0.001 / 0.01;
    expect(w[0]).toBeCloseTo(a / (a + b), 8);
    // No positive mean: the min-variance portfolio.
    const mv = maxSharpe(cov2(0.04, 0.01, 0), Float64Array.of(-0.001, -0.002));
    expect(mv[0]).toBeCloseTo(0.2, 8);
  });

  it("inverse_vol is 1/σ over the trailing window; equal until 20 returns exist", () => {
    const n = 70;
    const a: number[] = [100];
    const b: number[] = [100];
    for (let i = 1; i < n; i++) {
      const r = i % 2 === 0 ? 0.01 : -0.01;
      a.push((a[i - 1] as number) * (1 + r));
      b.push((b[i - 1] as number) * (1 + 2 * r));
    }
    const panel = buildPanel([asset("A", a), asset("B", b)]);
    expect([...memberWeights(panel, [0, 1], 10, "inverse_vol")]).toEqual([0.5, 0.5]);
    const w = memberWeights(panel, [0, 1], n - 1, "inverse_vol");
    expect(w[0]).toBeCloseTo(2 / 3, 9);
  });
});

const WEIGHTINGS: readonly Weighting[] = ["equal", "inverse_vol", "hrp", "min_variance", "max_sharpe"];

describe("no lookahead", () => {
  it("perturbing returns after a rebalance day never changes its weights or the equity up to it", () => {
    fc.assert(
      fc.property(
        fc.array(fc.array(fc.double({ min: -0.05, max: 0.05, noNaN: true }), { minLength: 60, maxLength: 60 }), { minLength: 3, maxLength: 3 }),
        fc.integer({ min: 5, max: 55 }),
        fc.double({ min: -0.05, max: 0.05, noNaN: true }),
        fc.constantFrom(...WEIGHTINGS),
        (rets, cut, shock, weighting) => {
          const prices = (rs: readonly number[]) => rs.reduce<number[]>((p, r) => [...p, (p[p.length - 1] ?? 100) * (1 + r)], [100]);
          const base = rets.map((rs, k) => asset(`X${k}`, prices(rs), k * 3));
          const moved = rets.map((rs, k) => asset(`X${k}`, prices(rs.map((r, i) => (i + k * 3 >= cut ? r + shock : r))), k * 3));
          const p1 = buildPanel(base);
          const p2 = buildPanel(moved);
          const w1 = memberWeights(p1, [0, 1, 2], cut - 1, weighting);
          const w2 = memberWeights(p2, [0, 1, 2], cut - 1, weighting);
          expect([...w2]).toEqual([...w1]);
          const spec = [{ name: "s", bucket: "core", cap: 1, weighting, members: [0, 1, 2] }];
          const e1 = allocatePortfolio(p1, spec, rebalanceDays(p1.time, "weekly"), 0.001, 1000).portfolio.equity.slice(0, cut);
          const e2 = allocatePortfolio(p2, spec, rebalanceDays(p2.time, "weekly"), 0.001, 1000).portfolio.equity.slice(0, cut);
          expect([...e2]).toEqual([...e1]);
        },
      ),
      { numRuns: 60, seed: 42 },
    );
  });

  it("weights are long-only and sum to 1 over eligible members", () => {
    fc.assert(
      fc.property(fc.array(fc.array(fc.double({ min: -0.05, max: 0.05, noNaN: true }), { minLength: 40, maxLength: 40 }), { minLength: 4, maxLength: 4 }), fc.constantFrom(...WEIGHTINGS), (rets, weighting) => {
        const panel = buildPanel(rets.map((rs, k) => asset(`X${k}`, rs.reduce<number[]>((p, r) => [...p, (p[p.length - 1] ?? 100) * (1 + r)], [100]))));
        const w = memberWeights(panel, [0, 1, 2, 3], 39, weighting);
        expect(w.every((x) => x >= 0)).toBe(true);
        expect(w.reduce((s, x) => s + x, 0)).toBeCloseTo(1, 9);
      }),
      { numRuns: 60, seed: 7 },
    );
  });
});

describe("member exposure and inner trading", () => {
  it("a strategy member's fills count in traded value scaled to the units held", () => {
    const member: AssetSeries = { id: "s/A", time: Float64Array.of(T0, T0 + DAY, T0 + 2 * DAY), value: Float64Array.of(1000, 1000, 1100), exposed: Uint8Array.of(0, 1, 1), traded: Float64Array.of(0, 1000, 0) };
    const panel = buildPanel([member]);
    const r = simulateAllocation(panel, () => Float64Array.of(1), rebalanceDays(panel.time, "yearly"), 0, 100);
    // 100 buys 0.1 units of the member; its 1000 fill on day 1 counts as 100.
    expect(r.tradedValue).toBeCloseTo(200, 12);
    expect([...r.exposed]).toEqual([0, 1, 1]);
    expect(r.finalEquity).toBeCloseTo(110, 12);
  });
});
