// Unary and binary operators over evaluated values.
//
// Arithmetic follows IEEE 754 (NaN propagates; x / 0 is ±Infinity, 0 / 0 NaN).
// Comparisons give 1 / 0, and NaN when either side is NaN: a comparison that
// reads a warm-up bar is unknown, so it never fires a signal ("comparisons with
// NaN are false" at the signal). Logic is three-valued (Kleene), so unknown stays
// unknown where it matters: `not unknown` is unknown (a warm-up bar never turns
// true by negation), `false and unknown` is false, `true or unknown` is true.
// Two scalars give a scalar; strings support only == and !=.

import type { BinaryExprPlan, UnaryExprPlan } from "../../specs/generated/plan.js";
import { describeValue, fail, ok, type EvalResult, type Value } from "./value.js";

/** Returns a buffer of n values whose contents the caller overwrites entirely. */
export type Allocate = (n: number) => Float64Array;

const fresh: Allocate = (n) => new Float64Array(n);

type BinaryOp = BinaryExprPlan["operator"];

/** Applies a binary operator; `n` is the bar count used to broadcast scalars; results go to buffers from `alloc`. */
export function applyBinary(op: BinaryOp, left: Value, right: Value, n: number, alloc: Allocate = fresh): EvalResult<Value> {
  if (left.kind === "scalar" && right.kind === "scalar") return scalarBinary(op, left.value, right.value);
  const a = asSeries(left, n, op, alloc);
  if (!a.ok) return a;
  const b = asSeries(right, n, op, alloc);
  if (!b.ok) return b;
  return ok({ kind: "series", data: seriesBinary(op, a.value, b.value, alloc(n)) });
}

/** Applies a unary operator; results go to buffers from `alloc`. */
export function applyUnary(op: UnaryExprPlan["operator"], operand: Value, n: number, alloc: Allocate = fresh): EvalResult<Value> {
  if (operand.kind === "scalar") {
    const v = operand.value;
    if (op === "-" && typeof v === "number") return ok({ kind: "scalar", value: -v });
    if (op === "not" && typeof v === "boolean") return ok({ kind: "scalar", value: !v });
    return fail("type_mismatch", `\`${op}\` cannot apply to ${describeValue(operand)}`);
  }
  const s = asSeries(operand, n, op, alloc);
  if (!s.ok) return s;
  const x = s.value;
  const out = alloc(x.length);
  if (op === "-") for (let t = 0; t < x.length; t++) out[t] = -(x[t] as number);
  else
    for (let t = 0; t < x.length; t++) {
      const v = x[t] as number;
      out[t] = v !== v ? NaN : v === 0 ? 1 : 0;
    }
  return ok({ kind: "series", data: out });
}

/** Converts a value to a series of length n: numbers and booleans broadcast (into a buffer from `alloc`), series pass through. */
export function asSeries(v: Value, n: number, context: string, alloc: Allocate = fresh): EvalResult<Float64Array> {
  if (v.kind === "series") {
    if (v.data.length !== n) return fail("length_mismatch", `a series has ${v.data.length} values but the bars have ${n}; every series must cover every bar`);
    return ok(v.data);
  }
  if (v.kind === "scalar" && typeof v.value !== "string") return ok(alloc(n).fill(typeof v.value === "boolean" ? (v.value ? 1 : 0) : v.value));
  return fail("type_mismatch", `\`${context}\` needs a number or a series, got ${describeValue(v)}`);
}

function scalarBinary(op: BinaryOp, a: number | string | boolean, b: number | string | boolean): EvalResult<Value> {
  const scalar = (value: number | string | boolean): EvalResult<Value> => ok({ kind: "scalar", value });
  if (op === "and" || op === "or") {
    if (typeof a !== "boolean" || typeof b !== "boolean") return fail("type_mismatch", `\`${op}\` needs two booleans, got ${typeof a} and ${typeof b}`);
    return scalar(op === "and" ? a && b : a || b);
  }
  if (op === "==" || op === "!=") {
    if (typeof a !== typeof b) return fail("type_mismatch", `cannot compare ${typeof a} with ${typeof b}`);
    if (typeof a === "number" && (a !== a || (b as number) !== (b as number))) return scalar(false);
    return scalar(op === "==" ? a === b : a !== b);
  }
  if (typeof a !== "number" || typeof b !== "number") return fail("type_mismatch", `\`${op}\` needs two numbers, got ${typeof a} and ${typeof b}`);
  switch (op) {
    case "<":
      return scalar(a < b);
    case "<=":
      return scalar(a <= b);
    case ">":
      return scalar(a > b);
    case ">=":
      return scalar(a >= b);
    case "+":
      return scalar(a + b);
    case "-":
      return scalar(a - b);
    case "*":
      return scalar(a * b);
    case "/":
      return scalar(a / b);
  }
}

function seriesBinary(op: BinaryOp, a: Float64Array, b: Float64Array, out: Float64Array): Float64Array {
  const n = a.length;
  switch (op) {
    case "+":
      for (let t = 0; t < n; t++) out[t] = (a[t] as number) + (b[t] as number);
      return out;
    case "-":
      for (let t = 0; t < n; t++) out[t] = (a[t] as number) - (b[t] as number);
      return out;
    case "*":
      for (let t = 0; t < n; t++) out[t] = (a[t] as number) * (b[t] as number);
      return out;
    case "/":
      for (let t = 0; t < n; t++) out[t] = (a[t] as number) / (b[t] as number);
      return out;
    case "and":
      for (let t = 0; t < n; t++) {
        const x = a[t] as number;
        const y = b[t] as number;
        out[t] = x === 0 || y === 0 ? 0 : x !== x || y !== y ? NaN : 1;
      }
      return out;
    case "or":
      for (let t = 0; t < n; t++) {
        const x = a[t] as number;
        const y = b[t] as number;
        out[t] = (x !== 0 && x === x) || (y !== 0 && y === y) ? 1 : x !== x || y !== y ? NaN : 0;
      }
      return out;
    default:
      return compare(op, a, b, out);
  }
}

function compare(op: "<" | "<=" | ">" | ">=" | "==" | "!=", a: Float64Array, b: Float64Array, out: Float64Array): Float64Array {
  for (let t = 0; t < a.length; t++) {
    const x = a[t] as number;
    const y = b[t] as number;
    if (x !== x || y !== y) {
      out[t] = NaN;
      continue;
    }
    let r: boolean;
    switch (op) {
      case "<":
        r = x < y;
        break;
      case "<=":
        r = x <= y;
        break;
      case ">":
        r = x > y;
        break;
      case ">=":
        r = x >= y;
        break;
      case "==":
        r = x === y;
        break;
      case "!=":
        r = x !== y;
        break;
    }
    out[t] = r ? 1 : 0;
  }
  return out;
}
