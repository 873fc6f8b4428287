// Compile-time evaluation of checked expressions: literals (already
// normalised by the parser: 0.2% is 0.002, 10d is 864000), enum members,
// consts, lists, unary minus and `not`, arithmetic, comparisons and `and`/`or`.
// Params have no value at compile time unless the caller supplies one (sweep
// constraints are evaluated at every grid point, model options with defaults).
// Anything else (series, calls) is not a constant: the result is undefined.

import type { Expr, ParamItem } from "../ast.js";
import type { CheckState, Value } from "./context.js";

/** Supplies a param's value while evaluating, or undefined when it has none. */
export type ParamValues = (item: ParamItem) => Value | undefined;

/** The value of an expression known at compile time, or undefined. */
export function evaluate(state: CheckState, expr: Expr, params?: ParamValues): Value | undefined {
  switch (expr.kind) {
    case "NumberLit":
      return expr.value;
    case "StringLit":
      return expr.value;
    case "DateLit":
      return expr.value;
    case "BoolLit":
      return expr.value;
    case "Paren":
      return evaluate(state, expr.inner, params);
    case "Name": {
      const meaning = state.names.get(expr.id);
      if (meaning === undefined) return undefined;
      if (meaning.kind === "enum") return meaning.value;
      if (meaning.kind === "const") return state.consts.get(meaning.decl.id)?.value ?? undefined;
      if (meaning.kind === "param") return params?.(meaning.item);
      if (meaning.kind === "let") return evaluate(state, meaning.item.value, params);
      return undefined;
    }
    case "List": {
      const out: Value[] = [];
      for (const item of expr.items) {
        const v = evaluate(state, item, params);
        if (v === undefined) return undefined;
        out.push(v);
      }
      return out;
    }
    case "Unary": {
      const v = evaluate(state, expr.operand, params);
      if (expr.op === "-") return typeof v === "number" ? -v : undefined;
      return typeof v === "boolean" ? !v : undefined;
    }
    case "Binary":
      return binary(state, expr.op, expr.left, expr.right, params);
    default:
      return undefined;
  }
}

function binary(state: CheckState, op: string, leftExpr: Expr, rightExpr: Expr, params?: ParamValues): Value | undefined {
  const left = evaluate(state, leftExpr, params);
  if (op === "and" && left === false) return false;
  if (op === "or" && left === true) return true;
  const right = evaluate(state, rightExpr, params);
  if (left === undefined || right === undefined) return undefined;
  switch (op) {
    case "and":
    case "or":
      return typeof right === "boolean" && typeof left === "boolean" ? right : undefined;
    case "==":
      return sameValue(left, right);
    case "!=":
      return !sameValue(left, right);
  }
  if (typeof left === "number" && typeof right === "number") {
    switch (op) {
      case "+":
        return left + right;
      case "-":
        return left - right;
      case "*":
        return left * right;
      case "/":
        return right === 0 ? undefined : left / right;
    }
    return ordered(op, left, right);
  }
  // dates (YYYY-MM-DD) and times (HH:MM) order as strings
  if (typeof left === "string" && typeof right === "string") return ordered(op, left, right);
  return undefined;
}

/** The comparison `op` of two numbers or two strings; undefined for any other operator. */
function ordered<T extends number | string>(op: string, left: T, right: T): boolean | undefined {
  switch (op) {
    case "<":
      return left < right;
    case "<=":
      return left <= right;
    case ">":
      return left > right;
    case ">=":
      return left >= right;
  }
  return undefined;
}

/** Structural equality of values. */
export function sameValue(a: Value, b: Value): boolean {
  if (Array.isArray(a) || Array.isArray(b)) {
    if (!Array.isArray(a) || !Array.isArray(b) || a.length !== b.length) return false;
    return a.every((x: Value, i: number) => sameValue(x, b[i] as Value));
  }
  return a === b;
}

/** Rounds away binary noise (0.1 + 0.2) so grid values print and compare as written. */
export function tidy(x: number): number {
  return Number(x.toPrecision(12));
}
