// Expression evaluator over columnar bars.
//
// Input: a plan Expr, the bars of one ticker, the param values (defaults merged
// with overrides) and the model predictions by model name.
// Output: a Value (scalar, series, record, list) or an EvalError; bad plans never
// throw. Invariants: every series has one value per bar and every element of a
// computed series is written (so pooled buffers may be reused); identical subexpressions
// (same canonical key, params resolved, see key.ts) are computed once per cache, and
// a cache may be shared by evaluators over the same bars and predictions (sweeps).
// Semantics of operators are in ops.ts; indicator conventions in stdlib/indicators.

import type { Expr } from "../../specs/generated/plan.js";
import type { Bars } from "../data/bars.js";
import type { ModelPredictions } from "../engine/predictions.js";
import { crossBars } from "../../stdlib/indicators/cross.js";
import { lookupIndicator, type IndicatorArg, type IndicatorArgKind } from "../../stdlib/indicators/index.js";
import { exprKey } from "./key.js";
import { applyBinary, applyUnary, asSeries, type Allocate } from "./ops.js";
import { describeValue, fail, ok, type EvalResult, type Value } from "./value.js";

/** Computed series by canonical key; share one only between evaluations over the same bars and predictions. */
export type SeriesCache = Map<string, Value>;

/** What expressions are evaluated against. */
export interface EvalContext {
  readonly bars: Bars;
  /** Every param's value, defaults already merged with overrides. */
  readonly params: ReadonlyMap<string, number | string | boolean>;
  /** Per-bar predictions by model name. */
  readonly predictions: ReadonlyMap<string, ModelPredictions>;
  /** Cache to reuse; a fresh one is made when absent. */
  readonly cache?: SeriesCache;
  /** Where computed series get their buffers (a BufferPool lease); fresh arrays when absent. */
  readonly alloc?: Allocate;
}

/** Evaluates plan expressions against one context. */
export interface Evaluator {
  /** Evaluates any expression. */
  evaluate(expr: Expr): EvalResult<Value>;
  /** Evaluates an expression that must be a scalar (a rule argument, a cost). */
  evaluateScalar(expr: Expr): EvalResult<number | string | boolean>;
  /** Evaluates a condition into one value per bar (1 fires; 0 and NaN do not). */
  evaluateSignal(expr: Expr): EvalResult<Float64Array>;
  /**
   * The bars where a condition fires (neither 0 nor NaN), ascending. A crossover or
   * crossunder of two series is scanned straight from its operands, without the
   * per-bar series (on millions of bars a fresh array costs more than the scan).
   */
  evaluateFiring(expr: Expr): EvalResult<Int32Array>;
}

/** Creates an evaluator; series results are cached in `context.cache` (or a private cache). */
export function createEvaluator(context: EvalContext): Evaluator {
  const { bars, params, predictions } = context;
  const n = bars.close.length;
  const cache: SeriesCache = context.cache ?? new Map();
  const keys = new WeakMap<Expr, string>();
  const alloc: Allocate = context.alloc ?? ((size) => new Float64Array(size));

  const keyOf = (expr: Expr): string => {
    let key = keys.get(expr);
    if (key === undefined) {
      key = exprKey(expr, params);
      keys.set(expr, key);
    }
    return key;
  };

  const evaluate = (expr: Expr): EvalResult<Value> => {
    switch (expr.op) {
      case "lit":
        return ok({ kind: "scalar", value: expr.value });
      case "param": {
        const v = params.get(expr.name);
        if (v === undefined) return fail("unknown_param", `param \`${expr.name}\` has no value; declare it in the strategy or pass it with --param ${expr.name}=...`);
        return ok({ kind: "scalar", value: v });
      }
      case "series":
        return ok({ kind: "series", data: bars[expr.name] });
      case "list": {
        const items: Value[] = [];
        for (const item of expr.items) {
          const r = evaluate(item);
          if (!r.ok) return r;
          items.push(r.value);
        }
        return ok({ kind: "list", items });
      }
      default:
        return cached(expr);
    }
  };

  const cached = (expr: Expr): EvalResult<Value> => {
    const key = keyOf(expr);
    const hit = cache.get(key);
    if (hit !== undefined) return ok(hit);
    const r = compute(expr);
    if (r.ok && r.value.kind !== "scalar") cache.set(key, r.value);
    return r;
  };

  const compute = (expr: Expr): EvalResult<Value> => {
    switch (expr.op) {
      case "model":
        return model(expr.model, expr.field);
      case "call":
        return call(expr.fn, expr.args);
      case "field": {
        const of = evaluate(expr.of);
        if (!of.ok) return of;
        if (of.value.kind !== "record") return fail("type_mismatch", `\`.${expr.name}\` reads a field of a record, got ${describeValue(of.value)}`);
        const data = Object.hasOwn(of.value.fields, expr.name) ? of.value.fields[expr.name] : undefined;
        if (data === undefined) return fail("unknown_field", `no field \`${expr.name}\`; the fields are ${Object.keys(of.value.fields).join(", ")}`);
        return ok({ kind: "series", data });
      }
      case "lag":
        return lag(expr.of, expr.bars);
      case "unary": {
        const operand = evaluate(expr.operand);
        return operand.ok ? applyUnary(expr.operator, operand.value, n, alloc) : operand;
      }
      case "binary": {
        const left = evaluate(expr.left);
        if (!left.ok) return left;
        const right = evaluate(expr.right);
        if (!right.ok) return right;
        return applyBinary(expr.operator, left.value, right.value, n, alloc);
      }
      default:
        return evaluate(expr);
    }
  };

  const model = (name: string, field: "expected_return" | "confidence" | "volatility"): EvalResult<Value> => {
    const p = predictions.get(name);
    if (p === undefined) return fail("unknown_model", `no predictions for model \`${name}\`; declare it with \`model ${name} = ...\` in the strategy`);
    const data = p[field];
    if (data.length !== n) return fail("length_mismatch", `model \`${name}\` gave ${data.length} ${field} values for ${n} bars; a model must predict every bar`);
    return ok({ kind: "series", data });
  };

  const call = (fn: string, argExprs: readonly Expr[]): EvalResult<Value> => {
    const impl = lookupIndicator(fn);
    if (impl === undefined) return fail("unknown_function", `\`${fn}\` is not an indicator the runtime knows`);
    if (argExprs.length !== impl.args.length) return fail("bad_argument", `\`${fn}\` takes ${impl.args.length} arguments, the plan gives ${argExprs.length}; recompile the plan`);
    const args: IndicatorArg[] = [];
    for (let i = 0; i < argExprs.length; i++) {
      const v = evaluate(argExprs[i] as Expr);
      if (!v.ok) return v;
      const arg = checkArg(fn, i, impl.args[i] as IndicatorArgKind, v.value);
      if (!arg.ok) return arg;
      args.push(arg.value);
    }
    const out = impl.compute(args, bars, alloc);
    return ok(out instanceof Float64Array ? { kind: "series", data: out } : { kind: "record", fields: out });
  };

  const checkArg = (fn: string, index: number, kind: IndicatorArgKind, v: Value): EvalResult<IndicatorArg> => {
    if (kind === "series") return asSeries(v, n, fn, alloc);
    if (v.kind !== "scalar" || typeof v.value !== "number" || !Number.isFinite(v.value))
      return fail("bad_argument", `argument ${index + 1} of \`${fn}\` must be a number, got ${describeValue(v)}`);
    if (kind === "period" && (!Number.isInteger(v.value) || v.value < 1))
      return fail("bad_argument", `argument ${index + 1} of \`${fn}\` is a bar count and must be a whole number >= 1, got ${v.value}`);
    return ok(v.value);
  };

  const lag = (ofExpr: Expr, barsExpr: Expr): EvalResult<Value> => {
    const k = evaluateScalar(barsExpr);
    if (!k.ok) return k;
    if (typeof k.value !== "number" || !Number.isInteger(k.value) || k.value < 0)
      return fail("bad_argument", `a lag must be a whole number of bars >= 0, got ${String(k.value)}; x[1] reads the previous bar`);
    const of = evaluate(ofExpr);
    if (!of.ok) return of;
    const v = of.value;
    if (v.kind === "scalar") return of;
    if (v.kind === "series") return ok({ kind: "series", data: shift(v.data, k.value, alloc(n)) });
    if (v.kind === "record") {
      const fields: Record<string, Float64Array> = {};
      for (const [name, data] of Object.entries(v.fields)) fields[name] = shift(data, k.value, alloc(n));
      return ok({ kind: "record", fields });
    }
    return fail("type_mismatch", "a list cannot be lagged");
  };

  const evaluateScalar = (expr: Expr): EvalResult<number | string | boolean> => {
    const r = evaluate(expr);
    if (!r.ok) return r;
    if (r.value.kind !== "scalar") return fail("type_mismatch", `expected a single value here, got ${describeValue(r.value)}`);
    return ok(r.value.value);
  };

  const evaluateSignal = (expr: Expr): EvalResult<Float64Array> => {
    const r = evaluate(expr);
    if (!r.ok) return r;
    return asSeries(r.value, n, "condition");
  };

  const evaluateFiring = (expr: Expr): EvalResult<Int32Array> => {
    if (expr.op === "call" && (expr.fn === "crossover" || expr.fn === "crossunder") && expr.args.length === 2 && !cache.has(keyOf(expr))) {
      // The same evaluations and checks, in the same order, as call() makes for two series arguments.
      const operands: Float64Array[] = [];
      for (const argExpr of expr.args) {
        const v = evaluate(argExpr);
        if (!v.ok) return v;
        if (v.value.kind !== "series") return firingOf(expr);
        const s = asSeries(v.value, n, expr.fn);
        if (!s.ok) return s;
        operands.push(s.value);
      }
      return ok(crossBars(operands[0] as Float64Array, operands[1] as Float64Array, expr.fn === "crossover" ? 1 : -1));
    }
    return firingOf(expr);
  };

  const firingOf = (expr: Expr): EvalResult<Int32Array> => {
    const r = evaluateSignal(expr);
    return r.ok ? ok(firingBars(r.value)) : r;
  };

  return { evaluate, evaluateScalar, evaluateSignal, evaluateFiring };
}

/** The indices where `series` is neither 0 nor NaN, ascending. */
function firingBars(series: Float64Array): Int32Array {
  let count = 0;
  for (let t = 0; t < series.length; t++) {
    const v = series[t] as number;
    if (v > 0 || v < 0) count++;
  }
  const bars = new Int32Array(count);
  for (let t = 0, k = 0; k < count; t++) {
    const v = series[t] as number;
    if (v > 0 || v < 0) bars[k++] = t;
  }
  return bars;
}

/** Shifts a series `k` bars later into `out`: out[t] = data[t − k], NaN for t < k. */
function shift(data: Float64Array, k: number, out: Float64Array): Float64Array {
  out.fill(NaN, 0, Math.min(k, data.length));
  if (k < data.length) out.set(data.subarray(0, data.length - k), k);
  return out;
}
