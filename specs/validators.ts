// Schema validation: the plan's precompiled validator (plan-validation.ts,
// re-exported here) and one shared Ajv instance for the other schemas, created
// on first use. Importing this module loads Ajv; the compiler imports
// plan-validation.ts instead, so `strat check` never does.

import { Ajv } from "ajv";
import { isIsoDate } from "./plan-validation.js";

export { formatAjvErrors, isIsoDate, isPlan, validatePlan, type ValidationResult } from "./plan-validation.js";

let shared: Ajv | null = null;

/** The shared Ajv instance, created on first use (creating one costs start-up time `strat check` does not need); add other schemas to it rather than creating another. */
export function sharedAjv(): Ajv {
  if (shared === null) {
    shared = new Ajv({ allErrors: false, strict: true, allowUnionTypes: true });
    shared.addFormat("date", { type: "string", validate: isIsoDate });
  }
  return shared;
}
