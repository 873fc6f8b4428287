// Validates strat.yaml against specs/strat-yaml.schema.json, with the validator
// Ajv precompiled from it (specs/generated/strat-yaml-validator.ts): every
// command reads strat.yaml, and compiling the schema at start-up cost ~40 ms.

import type { ErrorObject } from "ajv";
import { validate as generated } from "../../specs/generated/strat-yaml-validator.js";

interface CompiledValidator {
  (data: unknown): boolean;
  errors?: ErrorObject[] | null;
}

const validate = generated as unknown as CompiledValidator;

/** Returns readable problems with a parsed strat.yaml; empty when valid. */
export function validateStratYaml(value: unknown): string[] {
  if (validate(value)) return [];
  return (validate.errors ?? []).map((e) => {
    const where = e.instancePath ? e.instancePath.slice(1).replace(/\//g, ".") : "(top level)";
    if (e.keyword === "additionalProperties") return `unknown key '${String(e.params["additionalProperty"])}'`;
    if (e.keyword === "enum") return `${where} must be one of ${(e.params["allowedValues"] as unknown[]).join(", ")}`;
    return `${where} ${e.message ?? "is invalid"}`;
  });
}
