// Applies `--param name=value` overrides to a strategy's params: each value is
// checked against the param's type and domain, with an error that says what
// the param accepts.

import type { ParamPlan, Scalar, StrategyPlan } from "../../specs/generated/plan.js";
import { formatParamValue } from "../plan/preview.js";
import { parseCliLiteral } from "./literal.js";

/** A bad override, with what to do. */
export class OverrideError extends Error {
  constructor(
    message: string,
    readonly hint: string,
  ) {
    super(message);
  }
}

function expectation(param: ParamPlan): string {
  const domain = param.domain === null ? "" : "min" in param.domain ? ` in [${formatParamValue(param, param.domain.min)}, ${formatParamValue(param, param.domain.max)}]` : ` in {${param.domain.values.map((v) => formatParamValue(param, v)).join(", ")}}`;
  return `${param.name} is ${param.type}${domain} (default ${formatParamValue(param, param.default)})`;
}

/** Converts one override to the param's normalised value. */
export function convertOverride(param: ParamPlan, raw: string): Scalar {
  const lit = parseCliLiteral(raw);
  const bad = (why: string): never => {
    throw new OverrideError(`--param ${param.name}=${raw}: ${why}`, expectation(param));
  };
  let value: Scalar;
  switch (param.unit) {
    case "bool":
      if (lit.kind !== "bool") bad("expected true or false");
      value = lit.value as boolean;
      break;
    case "string":
    case "enum":
    case "ticker":
    case "timezone":
    case "time":
    case "date":
      value = lit.kind === "string" ? lit.value : String(lit.value);
      break;
    case "ratio":
      if (lit.kind !== "number" || (lit.unit !== "ratio" && lit.unit !== "number")) bad("expected a percent like 5% (or a ratio like 0.05)");
      value = lit.value as number;
      break;
    case "int":
    case "bars":
      if (lit.kind !== "number" || !(lit.unit === "number" || lit.unit === "bars") || !Number.isInteger(lit.value)) bad("expected a whole number");
      value = lit.value as number;
      break;
    case "money":
      if (lit.kind !== "number" || (lit.unit !== "money" && lit.unit !== "number")) bad("expected an amount like $25k or 25000");
      value = lit.value as number;
      break;
    case "seconds":
      if (lit.kind !== "number" || lit.unit !== "seconds") bad("expected a duration like 10d or 4h");
      value = lit.value as number;
      break;
    default:
      if (lit.kind !== "number" || lit.unit !== "number") bad("expected a number");
      value = lit.value as number;
  }
  const domain = param.domain;
  if (domain && "min" in domain && typeof value === "number" && (value < domain.min || value > domain.max)) bad("outside the param's domain");
  if (domain && "values" in domain && !domain.values.includes(value)) bad("not one of the allowed values");
  return value;
}

/** Merges defaults with `name=value` overrides; unknown names are errors with the known names listed. */
export function resolveParams(strategy: StrategyPlan, overrides: readonly string[]): Map<string, Scalar> {
  const values = new Map<string, Scalar>(strategy.params.map((p) => [p.name, p.default]));
  for (const entry of overrides) {
    const eq = entry.indexOf("=");
    if (eq <= 0) throw new OverrideError(`--param '${entry}' is not name=value`, "write it like --param stop_loss=5%");
    const name = entry.slice(0, eq).trim();
    const param = strategy.params.find((p) => p.name === name);
    if (!param) {
      const known = strategy.params.map((p) => p.name).join(", ") || "(none)";
      throw new OverrideError(`strategy ${strategy.name} has no param '${name}'`, `its params are: ${known}`);
    }
    values.set(name, convertOverride(param, entry.slice(eq + 1)));
  }
  return values;
}
