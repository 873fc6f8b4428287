// Validates strat.yaml against specs/strat-yaml.schema.json (compiled once).

import { Ajv } from "ajv";
import { readSpec } from "../../specs/locate.js";

const validate = new Ajv({ allErrors: true }).compile(readSpec("strat-yaml.schema.json"));

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
