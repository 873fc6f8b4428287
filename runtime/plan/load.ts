// The runtime reads only plans. Every plan it is handed — compiled in-process
// or read from a file — is validated against specs/plan.schema.json and its
// planVersion checked before anything runs.

import { readFileSync } from "node:fs";
import type { Plan } from "../../specs/generated/plan.js";
import { validatePlan } from "../../specs/validators.js";

/** The plan format this runtime executes. */
export const SUPPORTED_PLAN_VERSION = 1;

/** Why a plan cannot be run, with what to do. */
export class PlanLoadError extends Error {
  constructor(
    message: string,
    readonly hint: string,
    readonly code: string,
  ) {
    super(message);
  }
}

/** Validates a parsed plan; throws PlanLoadError when it is not a plan this runtime can run. */
export function acceptPlan(value: unknown, origin: string): Plan {
  const version = typeof value === "object" && value !== null ? (value as { planVersion?: unknown }).planVersion : undefined;
  if (typeof version === "number" && version > SUPPORTED_PLAN_VERSION) {
    throw new PlanLoadError(`${origin} has planVersion ${version}; this strat runs planVersion ${SUPPORTED_PLAN_VERSION}`, "upgrade strat, or recompile the sources with this version (`strat compile`)", "R0311");
  }
  const result = validatePlan(value);
  if (!result.ok) {
    const shown = result.errors.slice(0, 5).join("; ");
    const more = result.errors.length > 5 ? ` (and ${result.errors.length - 5} more)` : "";
    throw new PlanLoadError(`${origin} is not a valid plan: ${shown}${more}`, "recompile it from the .strat sources with `strat compile`; plans are not meant to be edited by hand", "R0312");
  }
  return value as Plan;
}

/** Reads and validates a plan file. */
export function loadPlanFile(path: string): Plan {
  let text: string;
  try {
    text = readFileSync(path, "utf8");
  } catch (error) {
    throw new PlanLoadError(`cannot read plan ${path}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`, "check the path, or compile one with `strat compile -o plan.json`", "R0310");
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    throw new PlanLoadError(`${path} is not JSON: ${(error as Error).message}`, "compile a plan with `strat compile -o plan.json`", "R0312");
  }
  return acceptPlan(parsed, path);
}
