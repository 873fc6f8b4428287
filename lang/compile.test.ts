import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { canonicalJson, sha256Hex } from "./canonical.js";
import { compile, compileSources } from "./compile.js";
import { validatePlan } from "../specs/validators.js";

const design = readFileSync(new URL("../examples/design.strat", import.meta.url), "utf8");

describe("examples/design.strat", () => {
  const out = compileSources({ "examples/design.strat": design });

  it("compiles exactly as written with zero diagnostics", () => {
    expect(out.diagnostics).toEqual([]);
    expect(out.plan).not.toBeNull();
  });

  it("produces a plan that validates against specs/plan.schema.json", () => {
    expect(validatePlan(out.plan)).toEqual({ ok: true, errors: [] });
  });

  it("produces the pinned plan", async () => {
    await expect(JSON.stringify(JSON.parse(canonicalJson(out.plan)), null, 2) + "\n").toMatchFileSnapshot("./__golden__/design.plan.json");
  });

  it("hashes the canonical plan without hash and sources", () => {
    const plan = out.plan;
    if (plan === null) throw new Error("no plan");
    const { hash, sources, ...body } = plan;
    expect(hash).toBe(sha256Hex(canonicalJson(body)));
    expect(sources).toEqual([{ path: "examples/design.strat", sha256: sha256Hex(design) }]);
  });

  it("reports phase timings", () => {
    expect(out.timings.map((t) => t.phase)).toEqual(["lex+parse", "resolve", "check", "lower", "validate"]);
  });

  it("skips only the schema self-check when asked (strat check), with the same plan and diagnostics", () => {
    const unchecked = compile({ roots: ["examples/design.strat"], host: { readFile: () => design }, validatePlan: false });
    expect(unchecked.timings.map((t) => t.phase)).toEqual(["lex+parse", "resolve", "check", "lower"]);
    expect(unchecked.diagnostics).toEqual(out.diagnostics);
    expect(unchecked.plan).toEqual(out.plan);
  });
});

describe("determinism", () => {
  const files = {
    "strategies/a.strat": `import "../gates/q.strat"\nstrategy zeta {\n  universe ["SPY"]\n  entry long when close > sma(close, 20)\n}\nstrategy alpha {\n  universe ["QQQ"]\n  entry long when close < sma(close, 5)\n}\n`,
    "gates/q.strat": "gate q { require trades >= 30 }\ngate b { require win_rate >= 50% }\n",
  };

  it("gives byte-identical plans for the same sources, whatever the root order", () => {
    const first = compileSources(files, ["strategies/a.strat", "gates/q.strat"]);
    const second = compileSources(files, ["gates/q.strat", "strategies/a.strat"]);
    expect(first.plan).not.toBeNull();
    expect(canonicalJson(second.plan)).toBe(canonicalJson(first.plan));
    expect(first.plan?.strategies.map((s) => s.name)).toEqual(["alpha", "zeta"]);
    expect(first.plan?.gates.map((g) => g.name)).toEqual(["b", "q"]);
  });

  it("keeps the hash across whitespace and comment changes, but not the source hashes", () => {
    const base = compileSources({ "d.strat": design }).plan;
    const reformatted = design.replace(/\n/g, "\n\n").replace(/  /g, "    ").replace("bars daily", "bars   daily   // one bar per day") + "\n// trailing comment\n";
    const changed = compileSources({ "d.strat": reformatted }).plan;
    expect(changed).not.toBeNull();
    expect(changed?.hash).toBe(base?.hash);
    expect(changed?.sources[0]?.sha256).not.toBe(base?.sources[0]?.sha256);
  });

  it("changes the hash when a doc comment or a value changes", () => {
    const base = compileSources({ "d.strat": design }).plan?.hash;
    expect(compileSources({ "d.strat": design.replace("/// Release gate", "/// The release gate") }).plan?.hash).not.toBe(base);
    expect(compileSources({ "d.strat": design.replace("= 0.55", "= 0.56") }).plan?.hash).not.toBe(base);
  });
});

describe("robustness", () => {
  it("never throws and never reports an internal error on mutated sources", () => {
    const tokens = design.split(/(\s+)/);
    fc.assert(
      fc.property(
        fc.array(fc.record({ at: fc.nat(), kind: fc.constantFrom("drop", "dup", "swap", "junk"), junk: fc.constantFrom("-", "[", "]", "(", ")", "..", "%", "$", "1", "x", "bars", "when", "{", "}", ",", "==", "\"", "not", "0", "-1") }), { maxLength: 6 }),
        (edits) => {
          const parts = [...tokens];
          for (const e of edits) {
            const i = e.at % Math.max(1, parts.length);
            if (e.kind === "drop") parts.splice(i, 1);
            else if (e.kind === "dup") parts.splice(i, 0, parts[i] ?? "");
            else if (e.kind === "swap") parts.splice(i, 2, parts[i + 1] ?? "", parts[i] ?? "");
            else parts.splice(i, 0, ` ${e.junk} `);
          }
          const out = compile({ roots: ["m.strat"], host: { readFile: (p) => (p === "m.strat" ? parts.join("") : undefined) } });
          expect(out.diagnostics.filter((d) => d.code.startsWith("E06"))).toEqual([]);
          if (out.plan !== null) expect(validatePlan(out.plan).ok).toBe(true);
        },
      ),
      { numRuns: 300 },
    );
  });

  it("turns a throwing host into a missing file", () => {
    const out = compile({
      roots: ["a.strat"],
      host: {
        readFile: () => {
          throw new Error("EACCES");
        },
      },
    });
    expect(out.diagnostics.map((d) => d.code)).toEqual(["E0201"]);
  });
});
