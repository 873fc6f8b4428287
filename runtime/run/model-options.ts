// Turns a plan's model call into provider options: arguments by the names of
// the builtin's parameters, evaluated with the run's params. A horizon written
// as a bar count is passed with horizon_unit "bars"; a duration as seconds.

import type { ModelPlan, Scalar, Unit } from "../../specs/generated/plan.js";
import { lookupBuiltin } from "../../stdlib/registry.js";
import { evaluateScalarExpr } from "./scalar.js";

/** Provider options of one model, or why they could not be built. */
export type ModelOptionsResult = { readonly ok: true; readonly options: Record<string, number | string | boolean> } | { readonly ok: false; readonly message: string };

/** Builds the options of a model for one run. */
export function modelOptions(model: ModelPlan, params: ReadonlyMap<string, Scalar>, paramUnits: ReadonlyMap<string, Unit>): ModelOptionsResult {
  const signature = lookupBuiltin(model.provider, ["model"]);
  if (!signature) return { ok: false, message: `unknown model provider '${model.provider}'` };
  const options: Record<string, number | string | boolean> = {};
  for (let i = 0; i < model.args.length; i++) {
    const param = signature.params[i];
    const arg = model.args[i];
    if (!param || !arg) continue;
    const value = evaluateScalarExpr(arg, params, paramUnits);
    if (value === null || Array.isArray(value.value)) return { ok: false, message: `model ${model.name}: argument ${param.name} is not a single value` };
    const scalar = value.value as Scalar;
    if (param.name === "timeout" && typeof scalar === "number") {
      options["timeout"] = scalar;
      continue;
    }
    options[param.name] = scalar;
    if (param.name === "horizon") options["horizon_unit"] = value.unit === "bars" || value.unit === "int" ? "bars" : "seconds";
  }
  return { ok: true, options };
}
