// Every semantic code's explain page: its erroneous example reports the code,
// its fixed example compiles without errors, and every code the compiler
// sources emit is in the catalogue.
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { compileSources } from "../compile.js";
import { CODES, lookupCode } from "./codes.js";
import { SEMANTIC_CODES } from "./codes-semantic.js";

/** Splits an example into files at `// file: <path>` lines; a block without them is one file, main.strat. */
export function exampleFiles(block: string): Record<string, string> {
  const files: Record<string, string> = {};
  let current = "main.strat";
  let lines: string[] = [];
  for (const line of block.split("\n")) {
    const marker = /^\/\/ file: (\S+)\s*$/.exec(line);
    if (marker !== null) {
      if (lines.some((l) => l.trim().length > 0)) files[current] = lines.join("\n") + "\n";
      current = marker[1] ?? current;
      lines = [];
      continue;
    }
    lines.push(line);
  }
  files[current] = lines.join("\n") + "\n";
  return files;
}

function blocks(markdown: string): string[] {
  return [...markdown.matchAll(/```strat\n([\s\S]*?)```/g)].map((m) => m[1] ?? "");
}

describe("semantic explain pages", () => {
  it("codes are unique, sorted and titled in lowercase", () => {
    const codes = SEMANTIC_CODES.map((c) => c.code);
    expect(new Set(codes).size).toBe(codes.length);
    expect([...codes].sort()).toEqual(codes);
    for (const c of SEMANTIC_CODES) {
      expect(c.code).toMatch(/^[EW]0[2-6]\d\d$/);
      expect(c.title.replace(/`[^`]*`/g, "")).toBe(c.title.replace(/`[^`]*`/g, "").toLowerCase());
      expect(c.title.endsWith(".")).toBe(false);
    }
  });

  for (const entry of SEMANTIC_CODES) {
    const [wrong, right] = blocks(entry.explain);
    if (wrong === undefined || right === undefined) {
      it(`${entry.code} is a compiler bug code without examples`, () => {
        expect(entry.code).toMatch(/^E06/);
      });
      continue;
    }
    it(`${entry.code}: the erroneous example reports it`, () => {
      const out = compileSources(exampleFiles(wrong));
      expect(out.diagnostics.map((d) => d.code)).toContain(entry.code);
    });
    it(`${entry.code}: the fixed example compiles cleanly`, () => {
      const out = compileSources(exampleFiles(right));
      expect(out.diagnostics.map((d) => `${d.code} ${d.message}`)).toEqual([]);
      expect(out.plan).not.toBeNull();
    });
  }
});

describe("code catalogue", () => {
  it("knows every code the semantic phases can emit", () => {
    const root = fileURLToPath(new URL("..", import.meta.url));
    const used = new Set<string>();
    const walk = (dir: string): void => {
      for (const name of readdirSync(dir)) {
        const path = join(dir, name);
        if (statSync(path).isDirectory()) {
          if (name !== "__golden__" && name !== "__cases__") walk(path);
        } else if (name.endsWith(".ts") && !name.endsWith(".test.ts") && !name.startsWith("codes")) {
          for (const m of readFileSync(path, "utf8").matchAll(/"([EW]0[2-6]\d\d)"/g)) used.add(m[1] ?? "");
        }
      }
    };
    walk(root);
    expect(used.size).toBeGreaterThan(50);
    for (const code of used) expect(lookupCode(code), code).toBeDefined();
    expect(CODES.length).toBeGreaterThan(SEMANTIC_CODES.length);
  });
});
