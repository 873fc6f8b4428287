// crossover(a, b): 1 on bar t when a[t−1] <= b[t−1] and a[t] > b[t] (cross.ts).

import { cross } from "./cross.js";

/** Fills `out` with 1 where `a` crosses above `b`, 0 elsewhere, NaN where unknown; returns `out`. */
export function crossover(a: Float64Array, b: Float64Array, out: Float64Array): Float64Array {
  return cross(a, b, 1, out);
}
