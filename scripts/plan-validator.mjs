// Precompiles the plan schema (and strat.yaml's and the providers' option schemas) into standalone
// validator modules (specs/generated/plan-validator.ts, strat-yaml-validator.ts,
// provider-options-validator.ts, execution-options-validator.ts), so that loading a plan, compiling
// sources or starting a run never pays Ajv's schema compilation (~100-200 ms on a cold process).
// The staleness test (specs/generated.test.ts) runs the same generation in
// memory. Run `node scripts/plan-validator.mjs` after changing the schema.
//
// The compiled copy differs from specs/plan.schema.json in one way that keeps
// the accepted plans identical: `Expr` (a oneOf over node shapes told apart by
// `op`) gets a discriminator on `op`, so each node is checked against its one
// shape instead of all ten.
import { readFileSync, writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { Ajv } from "ajv";
import standalone from "ajv/dist/standalone/index.js";

const BANNER = "/* Generated from specs/plan.schema.json by scripts/plan-validator.mjs. DO NOT EDIT. */\n// @ts-nocheck -- Ajv standalone output\n";

/** The plan schema as compiled: plain JSON Schema plus a discriminator on Expr.op. */
export function compiledPlanSchema() {
  const schema = JSON.parse(readFileSync(new URL("../specs/plan.schema.json", import.meta.url), "utf8"));
  schema.definitions.Expr = { ...schema.definitions.Expr, type: "object", discriminator: { propertyName: "op" } };
  return schema;
}

/** Generates the TypeScript source of the standalone plan validator. */
export function generatePlanValidator() {
  const ajv = new Ajv({ allErrors: false, strict: true, allowUnionTypes: true, discriminator: true, code: { source: true, esm: true } });
  // YYYY-MM-DD; calendar validity is checked where dates are read (the lexer, the runtime)
  ajv.addFormat("date", /^\d{4}-\d{2}-\d{2}$/);
  const validate = ajv.compile(compiledPlanSchema());
  const toCode = typeof standalone === "function" ? standalone : standalone.default;
  return BANNER + toCode(ajv, validate) + "\n";
}

/** Generates the standalone validator of strat.yaml (read by every command, so it must cost nothing to load). */
export function generateStratYamlValidator() {
  const schema = JSON.parse(readFileSync(new URL("../specs/strat-yaml.schema.json", import.meta.url), "utf8"));
  const ajv = new Ajv({ allErrors: true, strict: true, code: { source: true, esm: true } });
  const validate = ajv.compile(schema);
  const toCode = typeof standalone === "function" ? standalone : standalone.default;
  return BANNER.replace("specs/plan.schema.json", "specs/strat-yaml.schema.json") + toCode(ajv, validate) + "\n";
}

/** The provider option schemas (specs/providers/data-*, model-*), by file stem: what runtime/providers/options.ts validates. */
export const PROVIDER_OPTION_SCHEMAS = ["data-csv", "data-sqlite", "data-synthetic", "model-momentum", "model-zscore", "model-ridge", "model-ewma-vol", "model-external"];

/** The export name of a schema's validator: its file stem in camelCase (`data-csv` → `dataCsv`). */
function exportName(stem) {
  return stem.replace(/-([a-z])/g, (_, c) => c.toUpperCase());
}

function providerSchema(stem) {
  return JSON.parse(readFileSync(new URL(`../specs/providers/${stem}.schema.json`, import.meta.url), "utf8"));
}

/**
 * Generates one module with a validator per provider options schema (every error reported,
 * defaults filled in), and the backtest execution options validator, so a run loads no Ajv.
 */
export function generateProviderValidators() {
  // unicode: false measures strings in UTF-16 units (only `minLength: 1` is used, where the two agree)
  // and keeps the generated module free of require() calls, which ES modules do not have.
  const options = new Ajv({ allErrors: true, useDefaults: true, strict: true, unicode: false, logger: false, code: { source: true, esm: true } });
  const exports = {};
  for (const stem of PROVIDER_OPTION_SCHEMAS) {
    options.addSchema(providerSchema(stem), stem);
    exports[exportName(stem)] = stem;
  }
  const toCode = typeof standalone === "function" ? standalone : standalone.default;
  return BANNER.replace("specs/plan.schema.json", "specs/providers/*.schema.json") + toCode(options, exports) + "\n";
}

/** Generates the backtest execution options validator (first error only, as the shared Ajv instance reports it). */
export function generateExecutionValidator() {
  const ajv = new Ajv({ allErrors: false, strict: true, allowUnionTypes: true, unicode: false, logger: false, code: { source: true, esm: true } });
  const validate = ajv.compile(providerSchema("execution-backtest"));
  const toCode = typeof standalone === "function" ? standalone : standalone.default;
  return BANNER.replace("specs/plan.schema.json", "specs/providers/execution-backtest.schema.json") + toCode(ajv, validate) + "\n";
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  writeFileSync(new URL("../specs/generated/plan-validator.ts", import.meta.url), generatePlanValidator());
  console.log("wrote specs/generated/plan-validator.ts");
  writeFileSync(new URL("../specs/generated/strat-yaml-validator.ts", import.meta.url), generateStratYamlValidator());
  console.log("wrote specs/generated/strat-yaml-validator.ts");
  writeFileSync(new URL("../specs/generated/provider-options-validator.ts", import.meta.url), generateProviderValidators());
  console.log("wrote specs/generated/provider-options-validator.ts");
  writeFileSync(new URL("../specs/generated/execution-options-validator.ts", import.meta.url), generateExecutionValidator());
  console.log("wrote specs/generated/execution-options-validator.ts");
}
