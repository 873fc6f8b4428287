// Regenerates specs/generated/*.ts from the JSON Schemas in specs/.
// The staleness test (specs/generated.test.ts) runs the same generation in memory.
import { writeFileSync } from "node:fs";
import { generateSpecTypes, SPEC_FILES } from "./spec-types.mjs";

for (const spec of SPEC_FILES) {
  const out = await generateSpecTypes(spec);
  writeFileSync(new URL(`../specs/generated/${spec.output}`, import.meta.url), out);
  console.log(`wrote specs/generated/${spec.output}`);
}
