// Evaluates a strategy's entry and exit conditions into the bars where each side
// fires, the form the bar loop reads. A condition fires on bar t when its value is
// neither 0 nor NaN (NaN is unknown, e.g. warm-up). Several conditions of one side
// OR together (the union of their bars); exit signals apply to the side they name
// ("both" to either). Firing bars are sparse next to the bars (a crossover fires on
// a few percent of them): ascending index lists instead of per-bar series spare
// the multi-megabyte arrays and let the loop jump from one firing to the next.
// A side without conditions is null.

import type { Expr, StrategyPlan } from "../../specs/generated/plan.js";
import type { Evaluator } from "../eval/evaluate.js";
import { ok, type EvalResult } from "../eval/value.js";

/** The bars where each side of a strategy fires (ascending, no repeats), null where a side has no condition. */
export interface StrategySignals {
  readonly entryLong: Int32Array | null;
  readonly entryShort: Int32Array | null;
  readonly exitLong: Int32Array | null;
  readonly exitShort: Int32Array | null;
  /** The side of the first declared entry: it wins when both sides fire on one bar. */
  readonly firstSide: 1 | -1;
}

/** What FiringCursor.next returns when no firing bar is left: above any bar index, still a small integer. */
export const NO_FIRING = 0x3fffffff;

const EMPTY = new Int32Array(0);

/** Walks an ascending list of firing bars forward, for a reader whose bar never decreases (the bar loop). */
export class FiringCursor {
  private readonly bars: Int32Array;
  private i = 0;

  /** A cursor at the start of `bars`; null fires nowhere. */
  constructor(bars: Int32Array | null) {
    this.bars = bars ?? EMPTY;
  }

  /** The first firing bar at or after `t`, NO_FIRING when none; `t` is never below an earlier query's. */
  next(t: number): number {
    const bars = this.bars;
    let i = this.i;
    while (i < bars.length && (bars[i] as number) < t) i++;
    this.i = i;
    return i < bars.length ? (bars[i] as number) : NO_FIRING;
  }

  /** True when the list fires on bar `t` (same monotonic rule as next). */
  at(t: number): boolean {
    return this.next(t) === t;
  }
}

/** Evaluates every entry and exit signal of `strategy` into the bars where each side fires. */
export function evaluateSignals(strategy: StrategyPlan, evaluator: Evaluator): EvalResult<StrategySignals> {
  const side = (conditions: readonly Expr[]): EvalResult<Int32Array | null> => {
    const lists: Int32Array[] = [];
    for (const c of conditions) {
      const r = evaluator.evaluateFiring(c);
      if (!r.ok) return r;
      lists.push(r.value);
    }
    return ok(anyOf(lists));
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

/** The union of ascending bar lists; the list itself when there is one. */
function anyOf(lists: readonly Int32Array[]): Int32Array | null {
  let union = lists[0];
  if (union === undefined) return null;
  for (let k = 1; k < lists.length; k++) union = merge(union, lists[k] as Int32Array);
  return union;
}

/** Merges two ascending lists into one without repeats. */
function merge(a: Int32Array, b: Int32Array): Int32Array {
  const out = new Int32Array(a.length + b.length);
  let i = 0;
  let j = 0;
  let k = 0;
  while (i < a.length && j < b.length) {
    const x = a[i] as number;
    const y = b[j] as number;
    out[k++] = x <= y ? x : y;
    if (x <= y) i++;
    if (y <= x) j++;
  }
  while (i < a.length) out[k++] = a[i++] as number;
  while (j < b.length) out[k++] = b[j++] as number;
  return out.subarray(0, k);
}
