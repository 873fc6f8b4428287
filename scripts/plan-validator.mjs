// Precompiles the plan schema (and strat.yaml's) into standalone validator modules
// (specs/generated/plan-validator.ts, strat-yaml-validator.ts), so that loading a plan or compiling
// sources never pays Ajv's schema compilation (~200 ms on a cold process).
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

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  writeFileSync(new URL("../specs/generated/plan-validator.ts", import.meta.url), generatePlanValidator());
  console.log("wrote specs/generated/plan-validator.ts");
  writeFileSync(new URL("../specs/generated/strat-yaml-validator.ts", import.meta.url), generateStratYamlValidator());
  console.log("wrote specs/generated/strat-yaml-validator.ts");
}
