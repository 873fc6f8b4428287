// Simulating an allocation on the panel. Input: the panel, a target-weight function
// (called only at the close of rebalance days, with the day index), the rebalance
// flags, a commission rate and the initial cash. Output: the per-day equity curve,
// exposure flags, traded value, costs and the weights set at each rebalance.
// Semantics: holdings are values per asset; on day i every holding grows by the
// asset's return of day i (weights drift between rebalances); at the close of a
// rebalance day the holdings are reset to target weights × the net value, the rest
// is cash at 0%. Commission = rate × traded value (Σ |target − holding|), paid from
// the portfolio, so the net value V' solves V' = V − rate × Σ |V'·w − h| (a
// contraction for rate < 1; iterated to 1e-12 relative). A strategy member's own
// fills add to the traded value, scaled by the units of it held (holding / its
// value): turnover then counts the trading inside members too.
// Invariants: the weights used from day i+1 on depend on days ≤ i only.

import type { AssetPanel } from "./panel.js";

/** The weights set at one rebalance. */
export interface RebalanceRecord {
  /** Index of the rebalance day in the panel. */
  readonly day: number;
  readonly time: number;
  /** Target weight per panel asset (0 for assets not held); the rest is cash. */
  readonly weights: Float64Array;
  /** Σ |target − holding| at this rebalance. */
  readonly tradedValue: number;
  readonly cost: number;
}

/** The outcome of a simulated allocation. */
export interface AllocationResult {
  readonly time: Float64Array;
  readonly equity: Float64Array;
  readonly exposed: Uint8Array;
  /** Rebalancing trades plus the members' own fills, scaled to the units held. */
  readonly tradedValue: number;
  /** Σ commission paid at rebalances. */
  readonly costs: number;
  readonly rebalances: readonly RebalanceRecord[];
  readonly initialCash: number;
  readonly finalEquity: number;
}

/** Runs the allocation over the whole panel. */
export function simulateAllocation(
  panel: AssetPanel,
  targetWeights: (day: number) => Float64Array,
  rebalance: Uint8Array,
  commission: number,
  initialCash: number,
): AllocationResult {
  const n = panel.time.length;
  const k = panel.ids.length;
  const holdings = new Float64Array(k);
  let cash = initialCash;
  const equity = new Float64Array(n);
  const exposed = new Uint8Array(n);
  const rebalances: RebalanceRecord[] = [];
  let tradedValue = 0;
  let costs = 0;
  for (let i = 0; i < n; i++) {
    if (i > 0) {
      for (let a = 0; a < k; a++) {
        const h = holdings[a] as number;
        if (h === 0) continue;
        const previous = (panel.value[a] as Float64Array)[i - 1] as number;
        const inside = (panel.traded[a] as Float64Array)[i] as number;
        if (inside > 0 && previous > 0) tradedValue += (inside * h) / previous;
        holdings[a] = h * (1 + ((panel.returns[a] as Float64Array)[i] as number));
      }
    }
    let value = cash;
    for (let a = 0; a < k; a++) value += holdings[a] as number;
    if (rebalance[i] === 1) {
      const weights = targetWeights(i);
      const net = netValue(value, weights, holdings, commission);
      let traded = 0;
      for (let a = 0; a < k; a++) {
        const target = net * (weights[a] as number);
        traded += Math.abs(target - (holdings[a] as number));
        holdings[a] = target;
      }
      let invested = 0;
      for (let a = 0; a < k; a++) invested += holdings[a] as number;
      cash = net - invested;
      tradedValue += traded;
      costs += value - net;
      rebalances.push({ day: i, time: panel.time[i] as number, weights, tradedValue: traded, cost: value - net });
      value = net;
    }
    equity[i] = value;
    for (let a = 0; a < k; a++) {
      if ((holdings[a] as number) !== 0 && (panel.exposed[a] as Uint8Array)[i] === 1) {
        exposed[i] = 1;
        break;
      }
    }
  }
  return { time: panel.time, equity, exposed, tradedValue, costs, rebalances, initialCash, finalEquity: n === 0 ? initialCash : (equity[n - 1] as number) };
}

/** The value after commission: the fixed point of V' = V − rate × Σ |V'·w − h|. */
export function netValue(value: number, weights: Float64Array, holdings: Float64Array, rate: number): number {
  if (rate === 0) return value;
  let net = value;
  for (let step = 0; step < 200; step++) {
    let traded = 0;
    for (let a = 0; a < weights.length; a++) traded += Math.abs(net * (weights[a] as number) - (holdings[a] as number));
    const next = value - rate * traded;
    const done = Math.abs(next - net) <= 1e-15 * Math.abs(value);
    net = next;
    if (done) break;
  }
  return net;
}
