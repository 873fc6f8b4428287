// Daily statistics when every bar is its own UTC day, the common case of daily bars:
// the daily returns are then exactly the per-bar returns r_i = equity_i /
// equity_(i−1) − 1 (the first against the initial cash), so no array of them is made.
//
// Input: the bar times and equity, the equity pass (equity-pass.ts: Σ r and the sign
// tallies), the VaR level to gather. Output: the daily statistics and the worst days,
// or null when some bar does not end its own day (then the general path,
// daily-returns.ts, runs). One pass here steps the UTC midnights exactly as the
// general path does (so "own day" means it would make one return per bar), sums the
// squared deviations from the mean and gathers the worst days (tail-select.ts).
// Invariant: every value is bit-identical to the general path's, the same
// expressions on the same values in the same order.

import type { DailyStats } from "./daily-returns.js";
import type { EquityPass } from "./equity-pass.js";
import { finishGather, planGather, tailCount } from "./tail-select.js";
import { DAY_MS, EXACT_MIDNIGHTS } from "./utc-days.js";
import { LOOP_RANGE } from "../loop-range.js";

/** Daily statistics of a one-bar-per-day curve, and the worst days at `tailLevel` when they could be gathered on the way. */
export interface OwnDayStats {
  readonly stats: DailyStats;
  /** The k worst days, k-th last (as worstDays returns them); null when not gathered. */
  readonly tail: Float64Array | null;
}

/** Per-bar return i of the curve. */
function barReturn(equity: Float64Array, initialCash: number, i: number): number {
  return (equity[i] as number) / (i === 0 ? initialCash : (equity[i - 1] as number)) - 1;
}

const NO_ROOM = new Float64Array(0);

/** The daily statistics of a curve (n >= 1 bars, as many times) if its every bar is its own UTC day, else null; gathers the worst days at `tailLevel` if given. */
export function ownDayStats(time: Float64Array, equity: Float64Array, initialCash: number, pass: EquityPass, tailLevel: number | undefined): OwnDayStats | null {
  const n = equity.length;
  const t = pass.returns;
  const mean = t.sum / n;
  const plan = tailLevel === undefined ? null : planGather(n, tailCount(tailLevel, n), (i) => barReturn(equity, initialCash, i));
  const room = plan === null ? NO_ROOM : new Float64Array(plan.room);
  // NaN gathers nothing: r <= NaN is false.
  const { squares, count } = ownDayPass(time, equity, initialCash, mean, plan === null ? NaN : plan.threshold, room);
  if (count < 0) return null;
  const stats: DailyStats = {
    count: n,
    mean,
    stdev: n < 2 ? NaN : Math.sqrt(squares / (n - 1)),
    downsideSquares: t.downsideSquares,
    gains: t.gains,
    losses: t.losses,
    upDays: t.upDays,
    movedDays: t.movedDays,
  };
  return { stats, tail: plan === null ? null : finishGather(room, count, plan.k) };
}

/** The pass's running state between ranges: Σ squares, candidates seen, the previous equity, the next UTC midnight. */
const state = new Float64Array(4);
const SQUARES = 0, COUNT = 1, PREV = 2, MIDNIGHT = 3;

/**
 * Σ (r − mean)² over the per-bar returns in bar order, and the returns <= threshold
 * copied into `room` in bar order; count is room.length + 1 once they overflow it,
 * and −1 as soon as a bar is not on a later UTC day than the one before (the pass
 * stops there). One pass, not two: on millions of bars each loop's first-call
 * warm-up costs more than its arithmetic. The bars go through passRange in ranges
 * of LOOP_RANGE: a loop with branches that runs once, optimised mid-run (on-stack
 * replacement), boxed its doubles into fresh heap numbers on every bar (~47 young
 * GCs on 2M bars); from its second call the range function runs fully optimised.
 */
function ownDayPass(time: Float64Array, equity: Float64Array, initialCash: number, mean: number, threshold: number, room: Float64Array): { squares: number; count: number } {
  const n = equity.length;
  state[SQUARES] = 0;
  state[COUNT] = 0;
  state[PREV] = initialCash;
  state[MIDNIGHT] = (Math.floor((time[0] as number) / DAY_MS) + 1) * DAY_MS;
  for (let from = 0; from < n; from += LOOP_RANGE) {
    if (!passRange(time, equity, mean, threshold, room, from, Math.min(n, from + LOOP_RANGE))) return { squares: state[SQUARES] as number, count: -1 };
  }
  return { squares: state[SQUARES] as number, count: Math.min(state[COUNT] as number, room.length + 1) };
}

/** Bars [from, to) of ownDayPass, continuing `state`; false at a bar not on a later UTC day. */
function passRange(time: Float64Array, equity: Float64Array, mean: number, threshold: number, room: Float64Array, from: number, to: number): boolean {
  const limit = room.length;
  let squares = state[SQUARES] as number;
  let count = state[COUNT] as number;
  let prev = state[PREV] as number;
  let m = state[MIDNIGHT] as number;
  for (let i = from; i < to; i++) {
    if (i > 0) {
      const t = time[i] as number;
      if (!(t >= m)) return false;
      m = t <= m + (DAY_MS - 1) && m < EXACT_MIDNIGHTS && m > -EXACT_MIDNIGHTS ? m + DAY_MS : (Math.floor(t / DAY_MS) + 1) * DAY_MS;
    }
    const v = equity[i] as number;
    const r = v / prev - 1;
    prev = v;
    const d = r - mean;
    squares += d * d;
    if (r <= threshold) {
      if (count < limit) room[count] = r;
      count++;
    }
  }
  state[SQUARES] = squares;
  state[COUNT] = count;
  state[PREV] = prev;
  state[MIDNIGHT] = m;
  return true;
}
