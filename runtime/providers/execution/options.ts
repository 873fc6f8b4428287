// Resolving and validating the backtest provider's options. The options come from
// the strategy plan (execution.fill / fractional / cash, costs, no_trade) with the
// run's params, then CLI overrides (--cash, --commission, --slippage) win. The
// result is checked against specs/providers/execution-backtest.schema.json by
// the validator Ajv precompiled from it, plus the time zones with Intl.

import type { Expr, StrategyPlan } from "../../../specs/generated/plan.js";
import schema from "../../../specs/providers/execution-backtest.schema.json" with { type: "json" };
import type { ErrorObject } from "ajv";
import { validate as generatedValidate } from "../../../specs/generated/execution-options-validator.js";
import { formatAjvErrors } from "../../../specs/plan-validation.js";
import { isValidTimeZone } from "./no-trade.js";
import type { ScalarReader } from "./rule-args.js";
import type { ExecutionOptions, ExecutionResult } from "./types.js";

/** Values given on the command line that replace the plan's. */
export interface ExecutionOverrides {
  readonly cash?: number;
  readonly commission?: number;
  readonly slippage?: number;
}

/** The options schema, as an object (for provider registries and docs). */
export const EXECUTION_BACKTEST_SCHEMA: object = schema;

const validateSchema = generatedValidate as ((data: unknown) => data is ExecutionOptions) & { errors?: ErrorObject[] | null };

/** Checks a value against the backtest options schema and its time zones. */
export function validateExecutionOptions(value: unknown): ExecutionResult<ExecutionOptions> {
  if (!validateSchema(value)) return badOptions(formatAjvErrors(validateSchema.errors).join("; "));
  const badZone = value.noTrade.find((w) => !isValidTimeZone(w.tz));
  if (badZone !== undefined) return badOptions(`unknown time zone "${badZone.tz}" in no_trade; use an IANA name such as America/New_York`);
  return { ok: true, value };
}

/** Builds the options of one strategy run (params applied, overrides last) and validates them. */
export function resolveExecutionOptions(strategy: StrategyPlan, read: ScalarReader, overrides: ExecutionOverrides = {}): ExecutionResult<ExecutionOptions> {
  const commission = overrides.commission ?? readCost(strategy.costs.commission, "commission", read);
  if (typeof commission === "string") return badOptions(commission);
  const slippage = overrides.slippage ?? readCost(strategy.costs.slippage, "slippage", read);
  if (typeof slippage === "string") return badOptions(slippage);
  return validateExecutionOptions({
    fill: strategy.execution.fill,
    fractional: strategy.execution.fractional,
    cash: overrides.cash ?? strategy.execution.cash,
    commission,
    slippage,
    noTrade: strategy.noTrade.map((w) => ({ from: w.from, to: w.to, tz: w.tz })),
  });
}

/** A cost as a number, or a message. Accepts `commission(x)` / `slippage(x)` calls as well as plain values. */
function readCost(expr: Expr, name: string, read: ScalarReader): number | string {
  const inner = expr.op === "call" && expr.fn === name && expr.args[0] !== undefined ? expr.args[0] : expr;
  const v = read(inner);
  if (!v.ok) return `${name}: ${v.error.message}`;
  if (typeof v.value !== "number") return `${name} must be a number, got ${String(v.value)}`;
  return v.value;
}

function badOptions<T>(message: string): ExecutionResult<T> {
  return { ok: false, error: { kind: "bad_options", message: `invalid execution options: ${message}` } };
}
