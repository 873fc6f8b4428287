// Fails when a file in specs/generated/ no longer matches its schema: the
// types and the precompiled plan validator are regenerated in memory with the
// same code `npm run gen:types` and `node scripts/plan-validator.mjs` run.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
// @ts-expect-error -- plain .mjs build script without type declarations
import { generateSpecTypes, SPEC_FILES } from "../scripts/spec-types.mjs";
// @ts-expect-error -- plain .mjs build script without type declarations
import { generateExecutionValidator, generatePlanValidator, generateProviderValidators, generateStratYamlValidator } from "../scripts/plan-validator.mjs";

interface SpecFile {
  readonly schema: string;
  readonly name: string;
  readonly output: string;
}

const generated = (name: string): string => readFileSync(new URL(`./generated/${name}`, import.meta.url), "utf8");

describe("generated spec files", () => {
  for (const spec of SPEC_FILES as SpecFile[]) {
    it(`specs/generated/${spec.output} is up to date with specs/${spec.schema}`, async () => {
      const expected = (await generateSpecTypes(spec)) as string;
      expect(generated(spec.output), "stale generated types: run `npm run gen:types`").toBe(expected);
    });
  }

  it("specs/generated/plan-validator.ts is up to date with specs/plan.schema.json", () => {
    expect(generated("plan-validator.ts"), "stale plan validator: run `node scripts/plan-validator.mjs`").toBe(generatePlanValidator() as string);
  });

  it("specs/generated/strat-yaml-validator.ts is up to date with specs/strat-yaml.schema.json", () => {
    expect(generated("strat-yaml-validator.ts"), "stale strat.yaml validator: run `npm run gen:types`").toBe(generateStratYamlValidator() as string);
  });

  it("specs/generated/provider-options-validator.ts is up to date with specs/providers/*.schema.json", () => {
    expect(generated("provider-options-validator.ts"), "stale provider validators: run `npm run gen:types`").toBe(generateProviderValidators() as string);
  });

  it("specs/generated/execution-options-validator.ts is up to date with specs/providers/execution-backtest.schema.json", () => {
    expect(generated("execution-options-validator.ts"), "stale execution validator: run `npm run gen:types`").toBe(generateExecutionValidator() as string);
  });
});
