// Test helpers for the models: bars from closes, and a seeded random walk.
import { allocateBars, type Bars } from "../../data/bars.js";
import { seededRandom } from "../data/prng.js";

/** Daily bars (from 2020-01-01) whose open, high, low and close all equal the given closes. */
export function barsFromCloses(closes: readonly number[], ticker = "TEST"): Bars {
  const bars = allocateBars(ticker, closes.length);
  closes.forEach((c, i) => {
    bars.time[i] = Date.UTC(2020, 0, 1) + i * 86_400_000;
    bars.open[i] = c;
    bars.high[i] = c;
    bars.low[i] = c;
    bars.close[i] = c;
    bars.volume[i] = 1000;
  });
  return bars;
}

/** Closes of a seeded random walk with 1% daily moves. */
export function randomCloses(n: number, seed: number): number[] {
  const rng = seededRandom(seed);
  const closes = [100];
  for (let i = 1; i < n; i++) closes.push((closes[i - 1] ?? 100) * (1 + 0.02 * (rng() - 0.5)));
  return closes;
}
