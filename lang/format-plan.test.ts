// strat fmt never changes what a program means: formatting any real source,
// or a re-spaced and commented variant of it, keeps the plan hash.

import { readdirSync, readFileSync } from "node:fs";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { compile } from "./compile.js";
import { format } from "./format.js";
import { SourceFile } from "./source.js";

const root = new URL("../", import.meta.url);
const read = (path: string): string => readFileSync(new URL(path, root), "utf8");
const sources = [
  "examples/design.strat",
  ...readdirSync(new URL("strategies/", root)).map((f) => `strategies/${f}`),
  ...readdirSync(new URL("gates/", root)).map((f) => `gates/${f}`),
];

function planHash(files: ReadonlyMap<string, string>, roots: readonly string[]): string | undefined {
  const out = compile({ roots, host: { readFile: (p) => files.get(p) ?? read(p) } });
  return out.plan?.hash;
}

/** Re-spaces a source: every run of spaces becomes `gap` spaces and some lines get a trailing comment. */
function respace(text: string, gap: number, commentEvery: number): string {
  return text
    .split("\n")
    .map((line, i) => {
      if (line.trim() === "" || line.includes("//") || line.includes('"')) return line;
      const spaced = line.replace(/(\S) +(?=\S)/g, (_m, c: string) => c + " ".repeat(gap));
      return commentEvery > 0 && i % commentEvery === 0 ? `${spaced}   // note ${i}` : spaced;
    })
    .join("\n");
}

describe("formatting keeps the plan hash", () => {
  for (const path of sources) {
    it(`${path}`, () => {
      const before = planHash(new Map(), [path]);
      expect(before).toBeDefined();
      const formatted = format(new SourceFile(path, read(path))).value;
      expect(planHash(new Map([[path, formatted]]), [path])).toBe(before);
    });
  }

  it("for re-spaced, commented variants of every real source (property)", () => {
    fc.assert(
      fc.property(fc.constantFrom(...sources), fc.integer({ min: 1, max: 4 }), fc.integer({ min: 0, max: 5 }), (path, gap, every) => {
        const before = planHash(new Map(), [path]);
        const variant = respace(read(path), gap, every);
        const formatted = format(new SourceFile(path, variant));
        expect(formatted.diagnostics).toEqual([]);
        expect(planHash(new Map([[path, formatted.value]]), [path])).toBe(before);
        expect(format(new SourceFile(path, formatted.value)).value).toBe(formatted.value);
      }),
      { numRuns: 60 },
    );
  });
});
