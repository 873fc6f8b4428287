// momentum(window, horizon). At bar t ≥ window, with m and s the mean and sample standard deviation
// of the last `window` simple returns (r[t − window + 1 .. t]) and H the horizon in bars:
//   expected_return = m × H
//   confidence      = Φ(|m / (s / √window)|), the t-statistic mapped into [0.5, 1) (stats.ts)
//   volatility      = s × √H
// Bars 0 .. window − 1 are warm-up (NaN). Uses closes up to t only.
import type { Bars } from "../../data/bars.js";
import type { ModelPredictions } from "../../engine/predictions.js";
import { allocatePredictions, defineModel, type ComputeInput } from "./define.js";
import { confidenceFromStat, rollingMeanStd, simpleReturns } from "./stats.js";

/** Computes momentum predictions (exported for tests and benchmarks). */
export function computeMomentum(bars: Bars, { options, horizonBars }: ComputeInput): ModelPredictions {
  const n = bars.close.length;
  const window = Number(options.window);
  const out = allocatePredictions(n);
  const returns = new Float64Array(n);
  const mean = new Float64Array(n);
  const std = new Float64Array(n);
  simpleReturns(bars.close, returns);
  rollingMeanStd(returns, 1, window, mean, std);
  const rootH = Math.sqrt(horizonBars);
  const rootW = Math.sqrt(window);
  for (let t = window; t < n; t++) {
    const m = mean[t] ?? NaN, s = std[t] ?? NaN;
    const stat = s > 0 ? m / (s / rootW) : m === 0 ? 0 : m * Infinity;
    out.expected_return[t] = m * horizonBars;
    out.confidence[t] = confidenceFromStat(stat);
    out.volatility[t] = s * rootH;
  }
  return out;
}

/** Trailing mean return scaled to the horizon; confidence from its t-statistic. */
export const momentumModel = defineModel("momentum", "1", "model-momentum", computeMomentum);
