// Lowering of checked expressions to plan expressions. Lets are inlined,
// params become `{op: "param"}`, consts their values, calls take positional
// arguments in signature order with defaults filled, literals carry their
// normalised unit (the unit the checker settled on in context).
// Plan objects are built with their keys in sorted order (here and in the
// other lower/ files): canonicalJson then reuses them instead of copying,
// which makes hashing a large plan several times cheaper.

import type { Expr } from "../ast.js";
import type { BoundCall, CheckState, Value } from "../check/context.js";
import { alternatives, fromSig, type Ty } from "../check/types.js";
import type { Expr as PlanExpr, RuleCall, Scalar, Unit } from "../../specs/generated/plan.js";
import type { ParamSig, ScalarUnit } from "../../stdlib/signature.js";

/** A lowering bug: the checker let something through that cannot be lowered. */
export class LoweringBug extends Error {}

/** The plan unit of a checker unit. */
export function planUnit(unit: ScalarUnit | "enum"): Unit {
  return unit === "duration" ? "seconds" : unit;
}

/** The plan unit of a checked type (scalars, series, enums; lists give their items' unit). */
export function unitOfType(ty: Ty | undefined, fallback: Unit): Unit {
  if (ty === undefined) return fallback;
  if (ty.kind === "scalar" || ty.kind === "series") return planUnit(ty.unit);
  if (ty.kind === "enum") return "enum";
  if (ty.kind === "list") return unitOfType(ty.of, fallback);
  return fallback;
}

function lit(value: Scalar, unit: Unit): PlanExpr {
  return { op: "lit", unit, value };
}

function valueExpr(value: Value, unit: Unit): PlanExpr {
  if (Array.isArray(value)) return { items: value.map((v: Value) => valueExpr(v, unit)), op: "list" };
  return lit(value as Scalar, unit);
}

function literalFallback(expr: Expr): Unit {
  if (expr.kind === "NumberLit") {
    if (expr.unit === "percent" || expr.unit === "bps") return "ratio";
    if (expr.unit === "duration") return "seconds";
    if (expr.unit === "number") return expr.integral ? "int" : "number";
    return expr.unit;
  }
  if (expr.kind === "DateLit") return "date";
  if (expr.kind === "BoolLit") return "bool";
  return "string";
}

/** Lowers an expression. */
export function lowerExpr(state: CheckState, expr: Expr): PlanExpr {
  switch (expr.kind) {
    case "NumberLit":
    case "StringLit":
    case "DateLit":
    case "BoolLit":
      return lit(expr.value, unitOfType(state.types.get(expr.id), literalFallback(expr)));
    case "Paren":
      return lowerExpr(state, expr.inner);
    case "List":
      return { items: expr.items.map((item) => lowerExpr(state, item)), op: "list" };
    case "Name":
      return lowerName(state, expr);
    case "Call": {
      const bound = state.calls.get(expr.id);
      if (bound === undefined) throw new LoweringBug(`call '${expr.callee.name}' was not bound`);
      return { args: lowerArgs(state, bound), fn: bound.sig.name, op: "call" };
    }
    case "Index":
      return { bars: lowerExpr(state, expr.index), of: lowerExpr(state, expr.target), op: "lag" };
    case "Member": {
      const target = expr.target.kind === "Paren" ? expr.target.inner : expr.target;
      const meaning = target.kind === "Name" ? state.names.get(target.id) : undefined;
      if (meaning?.kind === "model") {
        const field = expr.field.name;
        if (field !== "expected_return" && field !== "confidence" && field !== "volatility") throw new LoweringBug(`model field ${field}`);
        return { field, model: meaning.item.name.name, op: "model" };
      }
      return { name: expr.field.name, of: lowerExpr(state, expr.target), op: "field" };
    }
    case "Unary":
      return { op: "unary", operand: lowerExpr(state, expr.operand), operator: expr.op };
    case "Binary":
      return { left: lowerExpr(state, expr.left), op: "binary", operator: expr.op, right: lowerExpr(state, expr.right) };
    case "Range":
    case "ErrorExpr":
      throw new LoweringBug(`cannot lower ${expr.kind}`);
  }
}

function lowerName(state: CheckState, expr: Extract<Expr, { kind: "Name" }>): PlanExpr {
  const meaning = state.names.get(expr.id);
  if (meaning === undefined) throw new LoweringBug(`name '${expr.name.name}' was not resolved`);
  switch (meaning.kind) {
    case "enum":
      return lit(meaning.value, "enum");
    case "param":
      return { name: meaning.item.name.name, op: "param" };
    case "let":
      return lowerExpr(state, meaning.item.value);
    case "const": {
      const value = state.consts.get(meaning.decl.id)?.value;
      if (value === null || value === undefined) throw new LoweringBug(`const '${expr.name.name}' has no value`);
      return valueExpr(value, unitOfType(state.types.get(expr.id), unitOfType(state.consts.get(meaning.decl.id)?.ty, "number")));
    }
    case "series": {
      const name = meaning.sig.name;
      if (name !== "open" && name !== "high" && name !== "low" && name !== "close" && name !== "volume") throw new LoweringBug(`series ${name}`);
      return { name, op: "series" };
    }
    case "builtin":
      return { args: lowerArgs(state, meaning.call), fn: meaning.call.sig.name, op: "call" };
    case "model":
    case "decl":
      throw new LoweringBug(`'${expr.name.name}' is not a value`);
  }
}

/** Positional arguments in signature order, defaults filled. */
export function lowerArgs(state: CheckState, bound: BoundCall): PlanExpr[] {
  return bound.sig.params.map((param, i) => {
    const arg = bound.args[i];
    return arg === null || arg === undefined ? defaultExpr(param) : lowerExpr(state, arg);
  });
}

// a signature's default unit never changes: work it out once per parameter, not once per call
const DEFAULT_UNITS = new WeakMap<ParamSig, Unit>();

/** A parameter's default as a plan expression. */
export function defaultExpr(param: ParamSig): PlanExpr {
  const d = param.default;
  if (d === undefined) throw new LoweringBug(`no default for ${param.name}`);
  let unit = DEFAULT_UNITS.get(param);
  if (unit === undefined) {
    unit = defaultUnit(fromSig(param.type));
    DEFAULT_UNITS.set(param, unit);
  }
  if (Array.isArray(d)) return { items: d.map((x) => lit(x, unit)), op: "list" };
  return lit(d as Scalar, unit);
}

function defaultUnit(ty: Ty): Unit {
  const alts = alternatives(ty);
  // defaults are normalised: a duration-or-bars default is in seconds
  const duration = alts.find((a) => (a.kind === "scalar" || a.kind === "series") && a.unit === "duration");
  return unitOfType(duration ?? alts[0], "number");
}

/** A rule value (a call or a builtin written bare) as a RuleCall. */
export function lowerRule(state: CheckState, expr: Expr): RuleCall {
  const e = expr.kind === "Paren" ? expr.inner : expr;
  const bound = e.kind === "Call" ? state.calls.get(e.id) : (() => {
    const m = state.names.get(e.id);
    return m?.kind === "builtin" ? m.call : undefined;
  })();
  if (bound === undefined) throw new LoweringBug(`rule at ${e.span.start} was not bound`);
  return { args: lowerArgs(state, bound), rule: bound.sig.name };
}

/** The bound call of a rule expression, if any. */
export function boundRule(state: CheckState, expr: Expr): BoundCall | undefined {
  const e = expr.kind === "Paren" ? expr.inner : expr;
  if (e.kind === "Call") return state.calls.get(e.id);
  const m = state.names.get(e.id);
  return m?.kind === "builtin" ? m.call : undefined;
}
