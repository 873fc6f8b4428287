// A sleeve's member weights at one rebalance. Input: the panel, the member asset
// indices, the rebalance day, the weighting. Output: weights over the members,
// summing to 1 over the eligible ones (a member is eligible once it has a value on
// or before the day), or all 0 when none is eligible (the sleeve's capital then
// sits in cash at 0%).
// Estimation windows (see window.ts): inverse_vol 63 days, hrp / min_variance /
// max_sharpe 252 days, of common returns up to and including the day. Until the
// window holds 20 returns, or when a member's variance is 0 (a flat series), the
// weights are equal: the estimators are undefined there, and equal is the
// assumption-free choice. max_sharpe without any member of positive mean return
// falls back to min_variance (the tangency portfolio does not exist there).

import type { AssetPanel } from "../panel.js";
import { hrpWeights } from "./hrp.js";
import { minimiseQuadratic, projectHyperplane, projectSimplex } from "./simplex.js";
import { columnMeans, covariance, trailingWindow } from "./window.js";

/** A sleeve's weighting, as the plan lists it (barbell is refused by the checker). */
export type Weighting = "equal" | "inverse_vol" | "hrp" | "min_variance" | "max_sharpe" | "barbell";

/** Least number of common returns before an estimator is used. */
export const MIN_RETURNS = 20;
/** Trailing days for inverse_vol. */
export const INVERSE_VOL_DAYS = 63;
/** Trailing days for hrp, min_variance and max_sharpe. */
export const COVARIANCE_DAYS = 252;

/** Member weights of one sleeve at the close of `day`. */
export function memberWeights(panel: AssetPanel, members: readonly number[], day: number, weighting: Weighting): Float64Array {
  const out = new Float64Array(members.length);
  const eligible: number[] = [];
  members.forEach((m, i) => {
    if ((panel.first[m] as number) <= day) eligible.push(i);
  });
  if (eligible.length === 0) return out;
  const assets = eligible.map((i) => members[i] as number);
  const inner = eligible.length === 1 ? Float64Array.of(1) : estimate(panel, assets, day, weighting);
  eligible.forEach((i, j) => (out[i] = inner[j] as number));
  return out;
}

function equal(k: number): Float64Array {
  return new Float64Array(k).fill(1 / k);
}

function estimate(panel: AssetPanel, assets: readonly number[], day: number, weighting: Weighting): Float64Array {
  const k = assets.length;
  if (weighting === "equal" || weighting === "barbell") return equal(k);
  const window = trailingWindow(panel, assets, day, weighting === "inverse_vol" ? INVERSE_VOL_DAYS : COVARIANCE_DAYS);
  if (window.length < MIN_RETURNS) return equal(k);
  const cov = covariance(window);
  if (cov === null || cov.some((row, i) => !((row[i] as number) > 0) || !Number.isFinite(row[i] as number))) return equal(k);
  switch (weighting) {
    case "inverse_vol":
      return normalise(Float64Array.from(cov, (row, i) => 1 / Math.sqrt(row[i] as number)));
    case "hrp":
      return hrpWeights(cov);
    case "min_variance":
      return minimiseQuadratic(cov, equal(k), projectSimplex);
    case "max_sharpe":
      return maxSharpe(cov, columnMeans(window));
  }
}

/** Long-only tangency portfolio: min y'Σy s.t. μ'y = 1, y ≥ 0, then w = y / Σy. */
export function maxSharpe(cov: readonly Float64Array[], mean: Float64Array): Float64Array {
  const k = mean.length;
  if (!mean.some((m) => m > 0)) return minimiseQuadratic(cov, equal(k), projectSimplex);
  const start = projectHyperplane(equal(k), mean);
  return normalise(minimiseQuadratic(cov, start, (v) => projectHyperplane(v, mean)));
}

function normalise(w: Float64Array): Float64Array {
  const total = w.reduce((s, x) => s + x, 0);
  return Float64Array.from(w, (x) => x / total);
}
