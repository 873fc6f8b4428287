// The k smallest of many values without copying or reordering all of them, for
// historical VaR / CVaR on millions of daily returns. A deterministic sample
// (every m-th value) gives a threshold a little above the k-th smallest; one pass
// gathers the values at or below it, and quickselect finishes on that small set.
// When the sample misjudges (too few or too many gathered) it falls back to a full
// copy and quickselect: same result, just slower.

import { selectKth } from "./stats.js";

const SAMPLE = 4096;

/** A new array with the k smallest values of `xs` (1 <= k <= xs.length), the k-th smallest last. */
export function smallestK(xs: Float64Array, k: number): Float64Array {
  const n = xs.length;
  if (n <= SAMPLE * 4 || k * 4 > n) return fullSelect(xs, k);
  const stride = Math.floor(n / SAMPLE);
  const sample = new Float64Array(SAMPLE);
  for (let i = 0; i < SAMPLE; i++) sample[i] = xs[i * stride] as number;
  const rank = Math.min(SAMPLE - 1, Math.ceil((k / n) * SAMPLE * 1.5) + 16);
  const threshold = selectKth(sample, rank);
  // One pass gathers into room for the most values the sample may let through.
  const limit = k * 4 + 4096;
  const room = new Float64Array(Math.min(n, limit));
  let count = 0;
  for (let i = 0; i < n; i++) {
    const v = xs[i] as number;
    if (v <= threshold) {
      if (count === limit) return fullSelect(xs, k);
      room[count++] = v;
    }
  }
  if (count < k) return fullSelect(xs, k);
  const picked = room.subarray(0, count);
  selectKth(picked, k - 1);
  return picked.slice(0, k);
}

function fullSelect(xs: Float64Array, k: number): Float64Array {
  const copy = Float64Array.from(xs);
  selectKth(copy, k - 1);
  return copy.slice(0, k);
}
