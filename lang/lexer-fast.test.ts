import { readdirSync, readFileSync } from "node:fs";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { tokenize } from "./lexer.js";
import { scanClean } from "./lexer-fast.js";
import { SourceFile } from "./source.js";

const file = (text: string): SourceFile => new SourceFile("l.strat", text);
const DESIGN = readFileSync(new URL("../examples/design.strat", import.meta.url), "utf8");

/** Lexes with the fast path and with chevrotain; both must give the same output. Returns whether the fast path took it. */
function bothLexers(text: string): boolean {
  const slow = tokenize(file(text), false);
  const fast = tokenize(file(text), true);
  expect(fast).toEqual(slow);
  const clean = scanClean(text) !== null;
  // the fast path steps aside exactly when chevrotain reports something (escapes are checked after lexing)
  const lexical = slow.diagnostics.filter((d) => d.code !== "E0104");
  expect(clean).toBe(lexical.length === 0);
  return clean;
}

// Fragments around every token boundary the patterns care about: digits before
// units and dots, words after numbers, escapes, comment openers, two-character marks.
const fragment = fc.constantFrom(
  ..."0123456789".split(""),
  "2019-01-01",
  "2019-01-0",
  "12",
  "1.5",
  "1.",
  ".5",
  "..",
  "e",
  "E",
  "e-3",
  "%",
  "bps",
  "bpsx",
  "$",
  "$25k",
  "k",
  "m",
  "b",
  "d",
  "y",
  "s",
  "x",
  "_",
  "strategy",
  "then",
  "or",
  "close",
  '"',
  '"a"',
  "\\",
  '\\"',
  "\\n",
  "\\q",
  "/",
  "//",
  "///",
  "/*",
  "*/",
  "*",
  "!",
  "!=",
  "=",
  "<",
  ">",
  "-",
  "->",
  "+",
  "{",
  "}",
  "(",
  ")",
  "[",
  "]",
  ",",
  ":",
  " ",
  "\t",
  "\n",
  "\r\n",
  "\f",
  "\v",
  "\u00a0",
  "\u2028",
  "é",
  "@",
  "#",
);

describe("the lexer's fast path", () => {
  it("gives chevrotain's tokens on the design example and every case file", () => {
    expect(bothLexers(DESIGN)).toBe(true);
    const cases = new URL("./__cases__/", import.meta.url);
    const paths = readdirSync(cases, { recursive: true, encoding: "utf8" }).filter((p) => p.endsWith(".strat"));
    expect(paths.length).toBeGreaterThan(50);
    for (const path of paths) bothLexers(readFileSync(new URL(path, cases), "utf8"));
  });

  it("gives chevrotain's tokens, or steps aside, on random fragments", () => {
    fc.assert(fc.property(fc.array(fragment, { maxLength: 40 }), (parts) => void bothLexers(parts.join(""))), { numRuns: 2000 });
  });

  it("gives chevrotain's tokens, or steps aside, on random strings", () => {
    fc.assert(fc.property(fc.string({ maxLength: 100 }), (text) => void bothLexers(text)), { numRuns: 500 });
    fc.assert(fc.property(fc.string({ unit: "binary", maxLength: 60 }), (text) => void bothLexers(text)), { numRuns: 300 });
  });

  it("takes most clean fragment soups (so the equality above is exercised)", () => {
    const samples = fc.sample(fc.array(fragment, { maxLength: 10 }), { numRuns: 300, seed: 7 });
    const taken = samples.filter((parts) => scanClean(parts.join("")) !== null).length;
    expect(taken).toBeGreaterThan(60);
  });
});

describe("the fast lexer's word table", () => {
  it("still types keywords and names right once the table is full", () => {
    const names = Array.from({ length: 9000 }, (_, i) => `name_${i}`).join(" ");
    expect(bothLexers(`${names} strategy then x_1 const`)).toBe(true);
    const kinds = tokenize(file(`${names} strategy then zz_new`)).tokens.slice(-3).map((t) => `${t.tokenType.name}:${t.image}`);
    expect(kinds).toEqual(["Strategy:strategy", "Then:then", "Identifier:zz_new"]);
  });
});
