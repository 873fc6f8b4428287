// Builders for hand-made strategy plans and bars, used by tests and benchmarks.
// They build exactly what the compiler's lowering would emit for the same source,
// so engine tests do not depend on the compiler.

import type { Expr, RuleCall, StrategyPlan, Unit } from "../../specs/generated/plan.js";
import { allocateBars, type Bars } from "../data/bars.js";
import type { ModelPredictions } from "./predictions.js";

/** A literal expression. */
export function lit(value: number | string | boolean, unit: Unit = "number"): Expr {
  return { op: "lit", value, unit };
}

/** A param reference. */
export function param(name: string): Expr {
  return { op: "param", name };
}

/** A bar field: open, high, low, close or volume. */
export function series(name: "open" | "high" | "low" | "close" | "volume"): Expr {
  return { op: "series", name };
}

/** An indicator call with positional args. */
export function call(fn: string, ...args: Expr[]): Expr {
  return { op: "call", fn, args };
}

/** A binary expression. */
export function binary(operator: Extract<Expr, { op: "binary" }>["operator"], left: Expr, right: Expr): Expr {
  return { op: "binary", operator, left, right };
}

/** A rule call (exit, sizing, cap) with positional args. */
export function rule(name: string, ...args: Expr[]): RuleCall {
  return { rule: name, args };
}

/** A strategy plan with neutral defaults (daily bars, all_in, no costs, next_open, cash 100,000), overridden by `parts`. */
export function strategyPlan(parts: Partial<StrategyPlan> = {}): StrategyPlan {
  return {
    name: "test",
    doc: null,
    origin: { file: "test.strat" },
    universe: ["TEST"],
    data: null,
    bars: "daily",
    barSeconds: 86_400,
    lookback: null,
    params: [],
    models: [],
    entries: [],
    exits: [],
    sizing: { rule: rule("all_in"), caps: [] },
    costs: { commission: lit(0, "ratio"), slippage: lit(0, "ratio") },
    noTrade: [],
    execution: { provider: "backtest", fill: "next_open", fractional: false, cash: 100_000 },
    ...parts,
  };
}

/** One OHLC row; volume defaults to 0 and time to day i (00:00 UTC from 2020-01-01). */
export interface BarRow {
  readonly open: number;
  readonly high: number;
  readonly low: number;
  readonly close: number;
  readonly time?: number;
}

const START_MS = Date.UTC(2020, 0, 1);
const DAY_MS = 86_400_000;

/** Columnar bars from rows. */
export function barsFrom(rows: readonly BarRow[], ticker = "TEST"): Bars {
  const bars = allocateBars(ticker, rows.length);
  rows.forEach((r, i) => {
    bars.time[i] = r.time ?? START_MS + i * DAY_MS;
    bars.open[i] = r.open;
    bars.high[i] = r.high;
    bars.low[i] = r.low;
    bars.close[i] = r.close;
  });
  return bars;
}

/** Bars whose open, high, low and close all equal the given closes. */
export function flatBars(closes: readonly number[], ticker = "TEST"): Bars {
  return barsFrom(closes.map((c) => ({ open: c, high: c, low: c, close: c })), ticker);
}

/** Signals injected through a model named "sig": entry fires where expected_return > 0, exit where confidence > 0. */
export function injectedSignals(n: number, entryBars: readonly number[], exitBars: readonly number[]): Map<string, ModelPredictions> {
  const expected_return = new Float64Array(n);
  const confidence = new Float64Array(n);
  for (const b of entryBars) expected_return[b] = 1;
  for (const b of exitBars) confidence[b] = 1;
  return new Map([["sig", { expected_return, confidence, volatility: new Float64Array(n) }]]);
}

/** The entry condition reading injectedSignals. */
export const INJECTED_ENTRY: Expr = { op: "binary", operator: ">", left: { op: "model", model: "sig", field: "expected_return" }, right: { op: "lit", value: 0, unit: "number" } };

/** The exit condition reading injectedSignals. */
export const INJECTED_EXIT: Expr = { op: "binary", operator: ">", left: { op: "model", model: "sig", field: "confidence" }, right: { op: "lit", value: 0, unit: "number" } };
