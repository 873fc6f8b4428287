// The k smallest of many values without copying or reordering all of them, for
// historical VaR / CVaR on millions of daily returns. A deterministic sample
// (every m-th value) gives a threshold a little above the k-th smallest; one pass
// gathers the values at or below it, and quickselect finishes on that small set.
// When the sample misjudges (too few or too many gathered) it falls back to a full
// copy and quickselect: same result, just slower. The plan (threshold, room) and
// the finish are separate so a pass that computes the values on the fly
// (daily-own-day.ts) can gather them without an array of all values.

import { selectKth } from "./stats.js";

const SAMPLE = 4096;

/** The k of the historical VaR at `level` among n daily returns: ceil((1 − level) × n), in [1, n]. */
export function tailCount(level: number, n: number): number {
  // The small epsilon keeps (1 − 0.95) × 100 = 5.000000000000004 from rounding up to 6.
  return Math.min(n, Math.max(1, Math.ceil((1 - level) * n - 1e-9)));
}

/** How to gather candidates for the k smallest of n values: those <= threshold, at most room of them. */
export interface TailGather {
  readonly k: number;
  readonly threshold: number;
  /** The most candidates a gather may keep; one more means the sample misjudged. */
  readonly room: number;
}

/**
 * The gather for the k smallest of n values, `at(i)` giving value i; null when the
 * k smallest come from a full copy instead (few values, or k above a quarter of them).
 */
export function planGather(n: number, k: number, at: (i: number) => number): TailGather | null {
  if (n <= SAMPLE * 4 || k * 4 > n) return null;
  const stride = Math.floor(n / SAMPLE);
  const sample = new Float64Array(SAMPLE);
  for (let i = 0; i < SAMPLE; i++) sample[i] = at(i * stride);
  const rank = Math.min(SAMPLE - 1, Math.ceil((k / n) * SAMPLE * 1.5) + 16);
  // Room for the most values the sample may let through (never more than all of them).
  return { k, threshold: selectKth(sample, rank), room: Math.min(n, k * 4 + 4096) };
}

/**
 * The k smallest, the k-th last, from `count` gathered candidates in `room` (in
 * input order); null when the gather overflowed (count > room.length) or found
 * fewer than k: select from a full copy then. Reorders `room` and returns a view
 * of its start (no copy: on millions of values fresh memory costs more than the copy).
 */
export function finishGather(room: Float64Array, count: number, k: number): Float64Array | null {
  if (count > room.length || count < k) return null;
  const picked = room.subarray(0, count);
  selectKth(picked, k - 1);
  return picked.subarray(0, k);
}

/** An array with the k smallest values of `xs` (1 <= k <= xs.length), the k-th smallest last; `xs` is left as it was. */
export function smallestK(xs: Float64Array, k: number): Float64Array {
  const n = xs.length;
  const plan = planGather(n, k, (i) => xs[i] as number);
  if (plan === null) return fullSelect(xs, k);
  const room = new Float64Array(plan.room);
  const count = gatherAtOrBelow(xs, plan.threshold, room);
  return finishGather(room, count, k) ?? fullSelect(xs, k);
}

/** Copies the values <= threshold into `room` in order; returns how many there are, room.length + 1 once they overflow it. */
function gatherAtOrBelow(xs: Float64Array, threshold: number, room: Float64Array): number {
  const limit = room.length;
  let count = 0;
  for (let i = 0; i < xs.length; i++) {
    const v = xs[i] as number;
    if (v <= threshold) {
      if (count === limit) return limit + 1;
      room[count++] = v;
    }
  }
  return count;
}

function fullSelect(xs: Float64Array, k: number): Float64Array {
  const copy = Float64Array.from(xs);
  selectKth(copy, k - 1);
  return copy.slice(0, k);
}
