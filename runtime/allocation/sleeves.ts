// Sleeves into a portfolio. Input: the panel, the sleeves (caps, weightings, member
// indices), the rebalance calendar, commission and cash. Output: the portfolio's
// allocation, each sleeve's own allocation (the sleeve run alone on its capital,
// same calendar and commission) and its weight in the portfolio.
// Sleeve weight = cap × min(1, 1 / Σ caps): caps adding up to more than 100% are
// scaled down proportionally; when they add up to less, the remainder is cash at 0%.
// Portfolio target of an asset = Σ over sleeves of sleeve weight × member weight.

import { simulateAllocation, type AllocationResult } from "./simulate.js";
import type { AssetPanel } from "./panel.js";
import { memberWeights, type Weighting } from "./weighting/index.js";

/** One sleeve of a portfolio, its members as panel indices. */
export interface SleeveSpec {
  readonly name: string;
  readonly bucket: string;
  readonly cap: number;
  readonly weighting: Weighting;
  readonly members: readonly number[];
}

/** A sleeve's simulated outcome. */
export interface SleeveAllocation {
  readonly spec: SleeveSpec;
  /** Its share of the portfolio: cap × min(1, 1 / Σ caps). */
  readonly weight: number;
  readonly result: AllocationResult;
}

/** The portfolio and its sleeves. */
export interface PortfolioAllocation {
  readonly portfolio: AllocationResult;
  readonly sleeves: readonly SleeveAllocation[];
  /** 1 − Σ sleeve weights: held in cash. */
  readonly cashWeight: number;
}

/** cap × min(1, 1 / Σ caps) for each cap. */
export function sleeveWeights(caps: readonly number[]): number[] {
  const total = caps.reduce((s, c) => s + c, 0);
  const scale = total > 1 ? 1 / total : 1;
  return caps.map((c) => c * scale);
}

/** Simulates every sleeve alone and the portfolio of all of them. */
export function allocatePortfolio(panel: AssetPanel, sleeves: readonly SleeveSpec[], rebalance: Uint8Array, commission: number, initialCash: number): PortfolioAllocation {
  const shares = sleeveWeights(sleeves.map((s) => s.cap));
  // Member weights depend only on the day: compute once per sleeve and day, share between runs.
  const cache = sleeves.map(() => new Map<number, Float64Array>());
  const sleeveTargets = (s: number, day: number): Float64Array => {
    const memo = cache[s] as Map<number, Float64Array>;
    let w = memo.get(day);
    if (w === undefined) {
      const spec = sleeves[s] as SleeveSpec;
      w = new Float64Array(panel.ids.length);
      const inner = memberWeights(panel, spec.members, day, spec.weighting);
      spec.members.forEach((m, j) => ((w as Float64Array)[m] = ((w as Float64Array)[m] as number) + (inner[j] as number)));
      memo.set(day, w);
    }
    return w;
  };
  const sleeveResults = sleeves.map((spec, s) => ({
    spec,
    weight: shares[s] as number,
    result: simulateAllocation(panel, (day) => sleeveTargets(s, day), rebalance, commission, initialCash * (shares[s] as number)),
  }));
  const portfolio = simulateAllocation(
    panel,
    (day) => {
      const w = new Float64Array(panel.ids.length);
      sleeves.forEach((_, s) => {
        const inner = sleeveTargets(s, day);
        const share = shares[s] as number;
        for (let a = 0; a < w.length; a++) w[a] = (w[a] as number) + share * (inner[a] as number);
      });
      return w;
    },
    rebalance,
    commission,
    initialCash,
  );
  return { portfolio, sleeves: sleeveResults, cashWeight: 1 - shares.reduce((s, x) => s + x, 0) };
}

/** An equal-weight buy-and-hold of `members` (a baseline), rebalanced on the same calendar. */
export function allocateEqual(panel: AssetPanel, members: readonly number[], rebalance: Uint8Array, commission: number, initialCash: number): AllocationResult {
  return simulateAllocation(
    panel,
    (day) => {
      const w = new Float64Array(panel.ids.length);
      const inner = memberWeights(panel, members, day, "equal");
      members.forEach((m, j) => (w[m] = (w[m] as number) + (inner[j] as number)));
      return w;
    },
    rebalance,
    commission,
    initialCash,
  );
}
