// From a backtest result to the input of the metrics (stdlib/metrics), and the
// annualisation factor a calendar implies.

import type { MetricInput } from "../../stdlib/metrics/input.js";
import type { TickerResult } from "./result.js";
import { LOOP_RANGE } from "../../stdlib/loop-range.js";

const DAY_MS = 86_400_000;

/** The metric input of a ticker or portfolio result, annualised with `periodsPerYear`. */
export function toMetricInput(result: TickerResult, periodsPerYear: number): MetricInput {
  return {
    initialCash: result.initialCash,
    time: result.equity.time,
    equity: result.equity.equity,
    exposed: result.equity.exposed,
    // The engine's columns when it recorded them: building a Trade object per trade costs more than the metrics.
    trades: result.books?.trades ?? result.trades,
    tradedValue: result.tradedValue,
    periodsPerYear,
  };
}

/**
 * 365 for calendars that trade every day (more than 330 distinct UTC days with bars
 * per calendar year, e.g. crypto), else 252 (exchange trading days; forex with its
 * Sunday-evening bars has about 310). Spans shorter than 30 days give 252.
 */
export function inferPeriodsPerYear(time: Float64Array): number {
  const n = time.length;
  if (n < 2) return 252;
  const spanDays = ((time[n - 1] as number) - (time[0] as number)) / DAY_MS;
  if (spanDays < 30) return 252;
  let days = 1;
  for (let from = 1; from < n; from += LOOP_RANGE) days += newDays(time, from, Math.min(n, from + LOOP_RANGE));
  return (days / (spanDays + 1)) * 365.25 > 330 ? 365 : 252;
}


/** How many bars in [from, to) (from >= 1) fall on another UTC day than the bar before. */
function newDays(time: Float64Array, from: number, to: number): number {
  let days = 0;
  let last = Math.floor((time[from - 1] as number) / DAY_MS);
  for (let i = from; i < to; i++) {
    const day = Math.floor((time[i] as number) / DAY_MS);
    days += day !== last ? 1 : 0;
    last = day;
  }
  return days;
}
