// ridge(lags, window, refit, alpha, horizon): walk-forward ridge regression, no lookahead.
// Sample s: features r[s], r[s − 1], …, r[s − lags + 1] (one-bar simple returns, s ≥ lags);
// target y[s] = close[s + H] / close[s] − 1, the return over the horizon H (bars), known only at s + H.
// A fit at bar t uses the `window` most recent samples whose target is known at t:
// s = t − H − window + 1 … t − H. Fits happen at t0 = lags + H + window − 1 and every `refit` bars
// after (a schedule fixed by the options, never by the data). The prediction at bar t ≥ t0 applies
// the latest fit (made at or before t) to the features at t, so it reads closes up to t only.
//   expected_return = fitted forward return over H bars
//   volatility      = sample standard deviation of the fit's in-sample residuals (horizon units)
//   confidence      = Φ(|expected_return| / volatility), in [0.5, 1) (stats.ts)
// Bars before t0 are NaN. A fit that fails (alpha = 0 with collinear features) keeps the previous one.
import type { Bars } from "../../data/bars.js";
import type { ModelPredictions } from "../../engine/predictions.js";
import { allocatePredictions, defineModel, type ComputeInput } from "./define.js";
import { RidgeFitter } from "./ridge-fit.js";
import { confidenceFromStat, simpleReturns } from "./stats.js";

/** Computes walk-forward ridge predictions (exported for tests and benchmarks). */
export function computeRidge(bars: Bars, { options, horizonBars: h }: ComputeInput): ModelPredictions {
  const n = bars.close.length;
  const lags = Number(options.lags), window = Number(options.window), refit = Number(options.refit), alpha = Number(options.alpha);
  const out = allocatePredictions(n);
  const first = lags + h + window - 1;
  if (first >= n) return out;
  const close = bars.close;
  const returns = new Float64Array(n);
  simpleReturns(close, returns);
  const fitter = new RidgeFitter(lags, window);
  let fitted = false;
  for (let t = first; t < n; t++) {
    if ((t - first) % refit === 0) {
      const start = t - h - window + 1;
      for (let i = 0; i < window; i++) {
        const s = start + i;
        for (let j = 0; j < lags; j++) fitter.x[i * lags + j] = returns[s - j] ?? NaN;
        fitter.y[i] = (close[s + h] ?? NaN) / (close[s] ?? NaN) - 1;
      }
      fitted = fitter.fit(window, alpha) || fitted;
    }
    if (!fitted) continue;
    const expected = fitter.predictFrom(returns, t);
    const volatility = fitter.residualStd;
    out.expected_return[t] = expected;
    out.volatility[t] = volatility;
    out.confidence[t] = confidenceFromStat(volatility > 0 ? expected / volatility : expected === 0 ? 0 : expected * Infinity);
  }
  return out;
}

/** Ridge regression of the forward return on lagged returns, refit walk-forward. */
export const ridgeModel = defineModel("ridge", "1", "model-ridge", computeRidge, (options) =>
  Number(options.window) >= Number(options.lags) + 2 ? null : `\`window\` (${String(options.window)}) must be at least lags + 2 (${Number(options.lags) + 2}) to fit ${String(options.lags)} coefficients`,
);
