// Evaluates a strategy's entry and exit conditions into per-bar signal series the
// bar loop reads. A condition fires on bar t when its value is neither 0 nor NaN
// (NaN is unknown, e.g. warm-up). Several conditions of one side OR together; exit
// signals apply to the side they name ("both" to either). A side with a single
// condition reads the evaluator's series as is (no copy: on millions of bars every
// fresh array costs page faults); a side without conditions is null.

import type { Expr, StrategyPlan } from "../../specs/generated/plan.js";
import type { Evaluator } from "../eval/evaluate.js";
import { ok, type EvalResult } from "../eval/value.js";

/** Per-bar signal series of a strategy (fires where > 0 or < 0), null where a side has none. */
export interface StrategySignals {
  readonly entryLong: Float64Array | null;
  readonly entryShort: Float64Array | null;
  readonly exitLong: Float64Array | null;
  readonly exitShort: Float64Array | null;
  /** The side of the first declared entry: it wins when both sides fire on one bar. */
  readonly firstSide: 1 | -1;
}

/** True where a signal value fires: neither 0 nor NaN. */
export function firesAt(series: Float64Array | null, t: number): boolean {
  if (series === null) return false;
  const v = series[t] as number;
  return v > 0 || v < 0;
}

/** Evaluates every entry and exit signal of `strategy` over `n` bars. */
export function evaluateSignals(strategy: StrategyPlan, evaluator: Evaluator, n: number): EvalResult<StrategySignals> {
  const side = (conditions: readonly Expr[]): EvalResult<Float64Array | null> => {
    const series: Float64Array[] = [];
    for (const c of conditions) {
      const r = evaluator.evaluateSignal(c);
      if (!r.ok) return r;
      series.push(r.value);
    }
    return ok(anyOf(series, n));
  };
  const entryLong = side(strategy.entries.filter((e) => e.side === "long").map((e) => e.when));
  if (!entryLong.ok) return entryLong;
  const entryShort = side(strategy.entries.filter((e) => e.side === "short").map((e) => e.when));
  if (!entryShort.ok) return entryShort;
  const exitSignals = (s: "long" | "short"): Expr[] => strategy.exits.flatMap((e) => (e.signal !== null && e.side !== s ? [e.signal] : []));
  const exitLong = side(exitSignals("short"));
  if (!exitLong.ok) return exitLong;
  const exitShort = side(exitSignals("long"));
  if (!exitShort.ok) return exitShort;
  const firstSide = strategy.entries[0]?.side === "short" ? -1 : 1;
  return ok({ entryLong: entryLong.value, entryShort: entryShort.value, exitLong: exitLong.value, exitShort: exitShort.value, firstSide });
}

/** One series that fires where any input fires; the input itself when there is one. */
function anyOf(series: readonly Float64Array[], n: number): Float64Array | null {
  if (series.length === 0) return null;
  if (series.length === 1) return series[0] as Float64Array;
  const out = new Float64Array(n);
  for (const s of series)
    for (let t = 0; t < n; t++) {
      const v = s[t] as number;
      if (v > 0 || v < 0) out[t] = 1;
    }
  return out;
}
