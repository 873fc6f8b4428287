// Reading the arguments of rule calls (exit, sizing, cap): scalars evaluated with
// the run's params, checked for type, with messages that name the rule.

import type { Expr, RuleCall, StrategyPlan } from "../../../specs/generated/plan.js";
import type { ExecutionResult } from "./types.js";

/** Evaluates a scalar expression with the run's params (the evaluator's evaluateScalar). */
export type ScalarReader = (expr: Expr) => { readonly ok: true; readonly value: number | string | boolean } | { readonly ok: false; readonly error: { readonly message: string } };

/** Reads argument `index` of `call` as a finite number. */
export function numberArg(call: RuleCall, index: number, read: ScalarReader): ExecutionResult<number> {
  const expr = call.args[index];
  if (expr === undefined) return bad(`\`${call.rule}\` is missing argument ${index + 1}; recompile the plan`);
  const v = read(expr);
  if (!v.ok) return bad(`\`${call.rule}\`: ${v.error.message}`);
  if (typeof v.value !== "number" || !Number.isFinite(v.value)) return bad(`argument ${index + 1} of \`${call.rule}\` must be a number, got ${String(v.value)}`);
  return { ok: true, value: v.value };
}

/** Reads argument `index` of `call` as a list of numbers (a single number is a list of one). */
export function numberListArg(call: RuleCall, index: number, read: ScalarReader): ExecutionResult<number[]> {
  const expr = call.args[index];
  if (expr === undefined) return { ok: true, value: [] };
  if (expr.op !== "list") {
    const one = numberArg(call, index, read);
    return one.ok ? { ok: true, value: [one.value] } : one;
  }
  const out: number[] = [];
  for (const item of expr.items) {
    const v = read(item);
    if (!v.ok) return bad(`\`${call.rule}\`: ${v.error.message}`);
    if (typeof v.value !== "number" || !Number.isFinite(v.value)) return bad(`\`${call.rule}\` needs numbers in its list, got ${String(v.value)}`);
    out.push(v.value);
  }
  return { ok: true, value: out };
}

/** The unit of argument `index` as written: a literal's unit, or the declared unit of a param. */
export function argUnit(call: RuleCall, index: number, strategy: StrategyPlan): string {
  const expr = call.args[index];
  if (expr === undefined) return "number";
  if (expr.op === "lit") return expr.unit;
  if (expr.op === "param") return strategy.params.find((p) => p.name === expr.name)?.unit ?? "number";
  return "number";
}

/** A bad_rule failure. */
export function bad<T>(message: string): ExecutionResult<T> {
  return { ok: false, error: { kind: "bad_rule", message } };
}
