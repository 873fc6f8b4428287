// The trailing estimation window of a rebalance: the last `size` days up to and
// including the rebalance day on which every eligible member has a return (days
// after each member's first day). Nothing after the rebalance day is read, which is
// what makes the weights free of lookahead.

import type { AssetPanel } from "../panel.js";

/** Returns of the eligible members over the common trailing window, one column per member. */
export interface ReturnWindow {
  /** Per member: its returns over the window (all of one length). */
  readonly columns: readonly Float64Array[];
  /** Number of days in the window. */
  readonly length: number;
}

/** The last `size` common returns of `members` up to and including `day`. */
export function trailingWindow(panel: AssetPanel, members: readonly number[], day: number, size: number): ReturnWindow {
  let start = day - size + 1;
  // A member's first day has no return (nothing before it): its returns start the day after.
  for (const m of members) start = Math.max(start, (panel.first[m] as number) + 1);
  const length = Math.max(0, day - start + 1);
  const columns = members.map((m) => (panel.returns[m] as Float64Array).slice(start, start + length));
  return { columns, length };
}

/** Sample covariance matrix (divisor n − 1) of the window's columns; null with fewer than two days. */
export function covariance(window: ReturnWindow): Float64Array[] | null {
  const n = window.length;
  const k = window.columns.length;
  if (n < 2) return null;
  const means = window.columns.map((c) => {
    let s = 0;
    for (let i = 0; i < n; i++) s += c[i] as number;
    return s / n;
  });
  const cov = Array.from({ length: k }, () => new Float64Array(k));
  for (let a = 0; a < k; a++) {
    for (let b = a; b < k; b++) {
      const ca = window.columns[a] as Float64Array;
      const cb = window.columns[b] as Float64Array;
      const ma = means[a] as number;
      const mb = means[b] as number;
      let s = 0;
      for (let i = 0; i < n; i++) s += ((ca[i] as number) - ma) * ((cb[i] as number) - mb);
      const v = s / (n - 1);
      (cov[a] as Float64Array)[b] = v;
      (cov[b] as Float64Array)[a] = v;
    }
  }
  return cov;
}

/** Mean of each column. */
export function columnMeans(window: ReturnWindow): Float64Array {
  return Float64Array.from(window.columns, (c) => {
    let s = 0;
    for (let i = 0; i < window.length; i++) s += c[i] as number;
    return window.length === 0 ? 0 : s / window.length;
  });
}
