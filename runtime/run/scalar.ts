// Evaluates the scalar expressions of rule and model arguments (literals,
// params, lists) once per run, keeping the unit the compiler normalised to.

import type { Expr, Scalar, Unit } from "../../specs/generated/plan.js";

/** A scalar value with its unit. */
export interface UnitValue {
  readonly value: Scalar | readonly Scalar[];
  readonly unit: Unit | null;
}

/** Evaluates a scalar expression; series expressions are not scalars and yield null. */
export function evaluateScalarExpr(expr: Expr, params: ReadonlyMap<string, Scalar>, paramUnits: ReadonlyMap<string, Unit>): UnitValue | null {
  switch (expr.op) {
    case "lit":
      return { value: expr.value, unit: expr.unit };
    case "param": {
      const value = params.get(expr.name);
      return value === undefined ? null : { value, unit: paramUnits.get(expr.name) ?? null };
    }
    case "list": {
      const items = expr.items.map((e) => evaluateScalarExpr(e, params, paramUnits));
      if (items.some((i) => i === null || Array.isArray(i.value))) return null;
      return { value: items.map((i) => i?.value as Scalar), unit: items[0]?.unit ?? null };
    }
    case "unary": {
      const inner = evaluateScalarExpr(expr.operand, params, paramUnits);
      if (inner === null) return null;
      if (expr.operator === "-" && typeof inner.value === "number") return { value: -inner.value, unit: inner.unit };
      if (expr.operator === "not" && typeof inner.value === "boolean") return { value: !inner.value, unit: "bool" };
      return null;
    }
    default:
      return null;
  }
}
