// From a backtest result to the input of the metrics (stdlib/metrics), and the
// annualisation factor a calendar implies.

import type { MetricInput } from "../../stdlib/metrics/input.js";
import type { TickerResult } from "./result.js";

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
  let days = 0;
  let last = NaN;
  for (let i = 0; i < n; i++) {
    const d = Math.floor((time[i] as number) / DAY_MS);
    if (d !== last) {
      days++;
      last = d;
    }
  }
  return (days / (spanDays + 1)) * 365.25 > 330 ? 365 : 252;
}
