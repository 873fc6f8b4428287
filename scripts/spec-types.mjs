// Shared by gen-plan-types.mjs and the staleness test: schema → TypeScript text.
import { readFileSync } from "node:fs";
import { compile } from "json-schema-to-typescript";

/** The schemas that get generated types, and where the types go. */
export const SPEC_FILES = [
  { schema: "plan.schema.json", name: "Plan", output: "plan.ts" },
];

/** Generates the TypeScript source for one spec entry. */
export async function generateSpecTypes(spec) {
  const schema = JSON.parse(readFileSync(new URL(`../specs/${spec.schema}`, import.meta.url), "utf8"));
  return compile(schema, spec.name, {
    bannerComment: `/* Generated from specs/${spec.schema} by npm run gen:types. DO NOT EDIT. */`,
    additionalProperties: false,
    unreachableDefinitions: true,
    style: { singleQuote: false },
    format: true,
  });
}
