// Provider options are validated against their JSON Schemas (specs/providers/*.schema.json) by
// validators Ajv precompiled from them (specs/generated/provider-options-validator.ts, kept fresh by
// specs/generated.test.ts), so a run never compiles a schema. Validation fills defaults into a copy,
// so a provider always sees complete options and the caller's object is never changed.
import type { ErrorObject } from "ajv";
import * as generated from "../../specs/generated/provider-options-validator.js";
import csvSchema from "../../specs/providers/data-csv.schema.json" with { type: "json" };
import sqliteSchema from "../../specs/providers/data-sqlite.schema.json" with { type: "json" };
import syntheticSchema from "../../specs/providers/data-synthetic.schema.json" with { type: "json" };
import momentumSchema from "../../specs/providers/model-momentum.schema.json" with { type: "json" };
import zscoreSchema from "../../specs/providers/model-zscore.schema.json" with { type: "json" };
import ridgeSchema from "../../specs/providers/model-ridge.schema.json" with { type: "json" };
import ewmaVolSchema from "../../specs/providers/model-ewma-vol.schema.json" with { type: "json" };
import externalSchema from "../../specs/providers/model-external.schema.json" with { type: "json" };
import { ProviderOptionsError, type ProviderResult } from "./errors.js";

/** Every provider options schema, by schema file stem. */
export const OPTION_SCHEMAS = {
  "data-csv": csvSchema,
  "data-sqlite": sqliteSchema,
  "data-synthetic": syntheticSchema,
  "model-momentum": momentumSchema,
  "model-zscore": zscoreSchema,
  "model-ridge": ridgeSchema,
  "model-ewma-vol": ewmaVolSchema,
  "model-external": externalSchema,
} as const satisfies Record<string, object>;

/** The stem of a schema file in specs/providers/. */
export type OptionSchemaId = keyof typeof OPTION_SCHEMAS;

/** A precompiled validator: true when valid, else its errors are on `.errors`. */
type Validator = ((data: unknown) => boolean) & { errors?: ErrorObject[] | null };

const VALIDATORS: Readonly<Record<OptionSchemaId, Validator>> = {
  "data-csv": generated.dataCsv,
  "data-sqlite": generated.dataSqlite,
  "data-synthetic": generated.dataSynthetic,
  "model-momentum": generated.modelMomentum,
  "model-zscore": generated.modelZscore,
  "model-ridge": generated.modelRidge,
  "model-ewma-vol": generated.modelEwmaVol,
  "model-external": generated.modelExternal,
};

/** One readable line per Ajv error, naming the option. */
function describe(error: ErrorObject): string {
  const option = error.instancePath.replace(/^\//, "");
  const params = error.params as Record<string, unknown>;
  switch (error.keyword) {
    case "additionalProperties":
      return `unknown option \`${String(params.additionalProperty)}\``;
    case "required":
      return `missing option \`${String(params.missingProperty)}\``;
    case "enum":
      return `\`${option}\` must be one of ${(params.allowedValues as unknown[]).map((v) => JSON.stringify(v)).join(", ")}`;
    default:
      return `\`${option || "options"}\` ${error.message ?? "is invalid"}`;
  }
}

/** Validates options against a provider's schema; on success returns a copy with defaults filled in. */
export function checkOptions(id: OptionSchemaId, options: Readonly<Record<string, unknown>>): ProviderResult<Record<string, unknown>, ProviderOptionsError> {
  const validate = VALIDATORS[id];
  const copy: Record<string, unknown> = { ...options };
  if (validate(copy)) return { ok: true, value: copy };
  const problems = [...new Set((validate.errors ?? []).map(describe))];
  return { ok: false, error: new ProviderOptionsError(id, problems) };
}
