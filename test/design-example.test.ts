// The language example of DESIGN.md compiles exactly as written, with no
// diagnostics. examples/design.strat and test/fixtures/design.strat are copies
// of it; when the design document is present beside the project, they must
// still match it.

import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { compile } from "../lang/index.js";
import { validatePlan } from "../specs/validators.js";
import { packageRoot } from "../specs/locate.js";

const root = packageRoot();
const fixture = readFileSync(join(root, "test/fixtures/design.strat"), "utf8");

function compileText(text: string) {
  return compile({ roots: ["design.strat"], host: { readFile: (p: string) => (p === "design.strat" ? text : undefined) } });
}

describe("the DESIGN.md language example", () => {
  it("is the same text in examples/ and in the test fixtures", () => {
    expect(readFileSync(join(root, "examples/design.strat"), "utf8")).toBe(fixture);
  });

  const design = join(root, "../shared/DESIGN.md");
  it.runIf(existsSync(design))("still matches DESIGN.md", () => {
    const match = /```strat\n([\s\S]*?)```/.exec(readFileSync(design, "utf8"));
    expect(match?.[1]).toBe(fixture);
  });

  it("compiles with no diagnostics to a valid plan", () => {
    const out = compileText(fixture);
    expect(out.diagnostics.map((d) => `${d.code} ${d.message}`)).toEqual([]);
    expect(out.plan).not.toBeNull();
    expect(validatePlan(out.plan).ok).toBe(true);
    expect(out.plan?.strategies.map((s) => s.name)).toEqual(["ts_threshold"]);
    expect(out.plan?.sweeps[0]?.gridSize).toBe(9);
    // tpe asks for 200 trials but a 9-point grid has 9 distinct trials, per ticker.
    expect(out.plan?.sweeps[0]?.trials).toBe(9);
    expect(out.plan?.sweeps[0]?.totalTrials).toBe(27);
  });

  it("compiles to byte-identical plans", () => {
    expect(JSON.stringify(compileText(fixture).plan)).toBe(JSON.stringify(compileText(fixture).plan));
  });
});
