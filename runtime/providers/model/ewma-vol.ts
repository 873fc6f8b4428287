// ewma_vol(lambda, horizon): RiskMetrics volatility. With r the simple returns and
// k = min(250, ceil(1 / (1 − λ))) warm-up returns (17 for λ = 0.94):
//   σ²[k] = mean(r[1]², …, r[k]²)                (seed: zero-mean variance of the first k returns)
//   σ²[t] = λ σ²[t − 1] + (1 − λ) r[t]²  for t > k
// σ²[t] is the variance forecast for the next bar made at t. Outputs for t ≥ k:
//   expected_return = 0, confidence = 0.5, volatility = σ[t] × √H. Bars before k are NaN.
import type { Bars } from "../../data/bars.js";
import type { ModelPredictions } from "../../engine/predictions.js";
import { allocatePredictions, defineModel, type ComputeInput } from "./define.js";
import { simpleReturns } from "./stats.js";

/** Warm-up returns for a decay λ: the EWMA's mean lag, capped at 250. */
export function ewmaWarmup(lambda: number): number {
  return Math.min(250, Math.max(1, Math.ceil(1 / (1 - lambda))));
}

/** Computes EWMA volatility predictions (exported for tests and benchmarks). */
export function computeEwmaVol(bars: Bars, { options, horizonBars }: ComputeInput): ModelPredictions {
  const n = bars.close.length;
  const lambda = Number(options.lambda);
  const k = ewmaWarmup(lambda);
  const out = allocatePredictions(n);
  if (n <= k) return out;
  const returns = new Float64Array(n);
  simpleReturns(bars.close, returns);
  let variance = 0;
  for (let t = 1; t <= k; t++) variance += (returns[t] ?? 0) ** 2;
  variance /= k;
  const rootH = Math.sqrt(horizonBars);
  for (let t = k; t < n; t++) {
    if (t > k) variance = lambda * variance + (1 - lambda) * (returns[t] ?? 0) ** 2;
    out.expected_return[t] = 0;
    out.confidence[t] = 0.5;
    out.volatility[t] = Math.sqrt(variance) * rootH;
  }
  return out;
}

/** Exponentially weighted volatility forecast; expected return 0. */
export const ewmaVolModel = defineModel("ewma_vol", "1", "model-ewma-vol", computeEwmaVol);
