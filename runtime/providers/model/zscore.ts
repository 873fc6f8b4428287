// zscore(window, horizon): mean reversion. At bar t ≥ window, with μ and σ the mean and sample
// standard deviation of the last `window` closes, z = (close[t] − μ) / σ (0 when σ = 0), s the
// sample standard deviation of the last `window` simple returns and H the horizon in bars:
//   expected_return = −z × s × √H   (a price one σ above its mean expects a one-σ fall over the horizon)
//   confidence      = Φ(|z|), in [0.5, 1) (stats.ts)
//   volatility      = s × √H
// Bars 0 .. window − 1 are warm-up (NaN). Uses closes up to t only.
import type { Bars } from "../../data/bars.js";
import type { ModelPredictions } from "../../engine/predictions.js";
import { allocatePredictions, defineModel, type ComputeInput } from "./define.js";
import { confidenceFromStat, rollingMeanStd, simpleReturns } from "./stats.js";

/** Computes z-score mean-reversion predictions (exported for tests and benchmarks). */
export function computeZscore(bars: Bars, { options, horizonBars }: ComputeInput): ModelPredictions {
  const n = bars.close.length;
  const window = Number(options.window);
  const out = allocatePredictions(n);
  const returns = new Float64Array(n);
  const priceMean = new Float64Array(n), priceStd = new Float64Array(n);
  const returnMean = new Float64Array(n), returnStd = new Float64Array(n);
  simpleReturns(bars.close, returns);
  rollingMeanStd(bars.close, 0, window, priceMean, priceStd);
  rollingMeanStd(returns, 1, window, returnMean, returnStd);
  const rootH = Math.sqrt(horizonBars);
  for (let t = window; t < n; t++) {
    const sigma = priceStd[t] ?? NaN;
    const z = sigma > 0 ? ((bars.close[t] ?? NaN) - (priceMean[t] ?? NaN)) / sigma : 0;
    const volatility = (returnStd[t] ?? NaN) * rootH;
    out.expected_return[t] = z === 0 ? 0 : -z * volatility;
    out.confidence[t] = confidenceFromStat(z);
    out.volatility[t] = volatility;
  }
  return out;
}

/** Mean reversion: minus the price z-score times the horizon volatility. */
export const zscoreModel = defineModel("zscore", "1", "model-zscore", computeZscore);
