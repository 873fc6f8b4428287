// Builtin arguments evaluated to scalars, by parameter name: the `options` of
// models and data sources in the plan (params take their defaults).

import type { BoundCall, CheckState, Value } from "../check/context.js";
import { evaluate } from "../check/evaluate.js";
import type { Scalar } from "../../specs/generated/plan.js";

/** Evaluates a bound call's arguments by name; params are replaced by their defaults; non-scalars are left out. */
export function callOptions(state: CheckState, bound: BoundCall): Record<string, Scalar> {
  const out: Record<string, Scalar> = {};
  const defaults = (item: { id: number }): Value | undefined => state.params.get(item.id)?.default ?? undefined;
  // keys in sorted order, so canonicalJson need not copy the object
  const order = bound.sig.params.map((param, i) => ({ param, i })).sort((a, b) => (a.param.name < b.param.name ? -1 : 1));
  for (const { param, i } of order) {
    const arg = bound.args[i];
    const value: Value | undefined = arg === null || arg === undefined ? (param.default as Value | undefined) : evaluate(state, arg, defaults);
    if (typeof value === "number" || typeof value === "string" || typeof value === "boolean") out[param.name] = value;
  }
  return out;
}
