// The rebalance calendar. Input: the panel's day times and a period. Output: the
// days (indices) whose close is a rebalance: the first day (the initial
// allocation) and the last day of every period (week Monday–Sunday, calendar
// month, quarter, year; every day for `daily`), except the last day of the data,
// after which no return follows. Periods are taken in UTC.

/** How often weights are restored. */
export type RebalancePeriod = "daily" | "weekly" | "monthly" | "quarterly" | "yearly";

const DAY_MS = 86_400_000;

/** The period a day falls in, as a number that changes exactly when the period does. */
export function periodKey(timeMs: number, period: RebalancePeriod): number {
  const day = Math.floor(timeMs / DAY_MS);
  if (period === "daily") return day;
  // 1970-01-01 was a Thursday: shifting by 3 days makes weeks start on Monday.
  if (period === "weekly") return Math.floor((day + 3) / 7);
  const date = new Date(day * DAY_MS);
  const month = date.getUTCFullYear() * 12 + date.getUTCMonth();
  if (period === "monthly") return month;
  if (period === "quarterly") return Math.floor(month / 3);
  return date.getUTCFullYear();
}

/** 1 on each rebalance day (the first day, then each period's last day but the data's last). */
export function rebalanceDays(time: Float64Array, period: RebalancePeriod): Uint8Array {
  const n = time.length;
  const flags = new Uint8Array(n);
  if (n === 0) return flags;
  flags[0] = 1;
  for (let i = 0; i + 1 < n; i++) {
    if (periodKey(time[i] as number, period) !== periodKey(time[i + 1] as number, period)) flags[i] = 1;
  }
  flags[n - 1] = 0;
  return flags;
}
