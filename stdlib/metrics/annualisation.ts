// Annualisation factors, disclosed beside every return-based figure.
// - Daily metrics (volatility, sharpe(daily), sortino) scale by periodsPerYear
//   (MetricInput: 252 trading days by default, 365 for calendars that trade every day).
// - sharpe(step) uses per-bar returns scaled by the bars per year estimated from
//   the median bar spacing: 365.25 days / median spacing. It is a diagnostic: for
//   daily bars on a trading calendar it assumes 365 bars a year, not 252, which is
//   exactly the distortion sharpe(daily) exists to avoid.

import type { MetricInput } from "./input.js";
import { selectKth } from "./stats.js";
import { YEAR_MS } from "./utc-days.js";
import { LOOP_RANGE } from "../loop-range.js";

/** The factors used for one input. */
export interface Annualisation {
  /** Periods per year for daily returns (sqrt of it scales Sharpe and Sortino). */
  readonly dailyPeriodsPerYear: number;
  /** Bars per year for sharpe(step); null with fewer than two bars. */
  readonly stepPeriodsPerYear: number | null;
  /** Median spacing between consecutive bars, ms; null with fewer than two bars. */
  readonly medianBarSpacingMs: number | null;
}

/**
 * Median spacing of consecutive bar times in ms; null with fewer than two bars.
 * Bar spacings take few distinct values (1 day, a weekend, a holiday), so they are
 * counted per value in runs, exactly and without sorting; beyond 256 distinct values
 * it falls back to quickselect on a copy.
 */
export function medianBarSpacingMs(time: Float64Array): number | null {
  const n = time.length - 1;
  if (n < 1) return null;
  const counts = new Map<number, number>();
  let run = (time[1] as number) - (time[0] as number);
  let runLength = 0;
  for (let i = 0; i < n; ) {
    const limit = Math.min(n, i + LOOP_RANGE);
    const end = sameGapUntil(time, i, limit, run);
    runLength += end - i;
    i = end;
    if (i === limit) continue;
    counts.set(run, (counts.get(run) ?? 0) + runLength);
    if (counts.size > 256) return medianBySelection(time);
    run = (time[i + 1] as number) - (time[i] as number);
    runLength = 1;
    i++;
  }
  counts.set(run, (counts.get(run) ?? 0) + runLength);
  const sorted = [...counts.entries()].sort((a, b) => a[0] - b[0]);
  const at = (k: number): number => {
    let seen = 0;
    for (const [gap, count] of sorted) {
      seen += count;
      if (k < seen) return gap;
    }
    return NaN;
  };
  return n % 2 === 1 ? at(n >> 1) : (at((n >> 1) - 1) + at(n >> 1)) / 2;
}


/** The first i in [from, to) whose spacing time[i + 1] − time[i] is not `run` (NaN never is); `to` when all are. */
function sameGapUntil(time: Float64Array, from: number, to: number, run: number): number {
  for (let i = from; i < to; i++) if ((time[i + 1] as number) - (time[i] as number) !== run) return i;
  return to;
}

function medianBySelection(time: Float64Array): number {
  const n = time.length - 1;
  const gaps = new Float64Array(n);
  for (let i = 0; i < n; i++) gaps[i] = (time[i + 1] as number) - (time[i] as number);
  const upper = selectKth(gaps, n >> 1);
  if (n % 2 === 1) return upper;
  let lower = -Infinity;
  for (let i = 0; i < n >> 1; i++) if ((gaps[i] as number) > lower) lower = gaps[i] as number;
  return (lower + upper) / 2;
}

/** The annualisation factors used for `input`. */
export function annualisation(input: MetricInput): Annualisation {
  return annualisationWith(input.periodsPerYear, medianBarSpacingMs(input.time));
}

/** The factors for `periodsPerYear` and a median bar spacing already measured (null with fewer than two bars). */
export function annualisationWith(periodsPerYear: number, spacing: number | null): Annualisation {
  return {
    dailyPeriodsPerYear: periodsPerYear,
    stepPeriodsPerYear: spacing === null || spacing <= 0 ? null : YEAR_MS / spacing,
    medianBarSpacingMs: spacing,
  };
}

/** One line disclosing the factors, e.g. "daily returns × 252 periods/year; sharpe(step) × 365.25 bars/year (median bar 1d)". */
export function annualisationNote(input: MetricInput): string {
  const a = annualisation(input);
  const daily = `daily returns annualised with ${a.dailyPeriodsPerYear} periods/year`;
  if (a.stepPeriodsPerYear === null || a.medianBarSpacingMs === null) return `${daily}; sharpe(step) undefined (fewer than two bars)`;
  return `${daily}; sharpe(step) with ${round(a.stepPeriodsPerYear)} bars/year (median bar spacing ${formatSpan(a.medianBarSpacingMs)})`;
}

function round(x: number): string {
  return String(Math.round(x * 100) / 100);
}

function formatSpan(ms: number): string {
  const units: readonly [number, string][] = [
    [86_400_000, "d"],
    [3_600_000, "h"],
    [60_000, "m"],
    [1000, "s"],
  ];
  for (const [size, label] of units) if (ms >= size && ms % size === 0) return `${ms / size}${label}`;
  return `${ms}ms`;
}
