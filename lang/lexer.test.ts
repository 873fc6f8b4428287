import { describe, expect, it } from "vitest";
import { decodeString, tokenize } from "./lexer.js";
import { SourceFile } from "./source.js";

const lex = (text: string) => tokenize(new SourceFile("t.strat", text));
const kinds = (text: string) => lex(text).tokens.map((t) => `${t.tokenType.name}:${t.image}`);

describe("tokenize", () => {
  it("reads each literal kind, dates before numbers and units before plain numbers", () => {
    expect(kinds('2019-01-01 12% 0.2% 5bps $25k $1.5m $100000 15s 4h 10d 2w 1y 12 0.55 1e-3 "a"')).toEqual([
      "DateLit:2019-01-01",
      "PercentLit:12%",
      "PercentLit:0.2%",
      "BpsLit:5bps",
      "MoneyLit:$25k",
      "MoneyLit:$1.5m",
      "MoneyLit:$100000",
      "DurationLit:15s",
      "DurationLit:4h",
      "DurationLit:10d",
      "DurationLit:2w",
      "DurationLit:1y",
      "PlainNumber:12",
      "PlainNumber:0.55",
      "PlainNumber:1e-3",
      'StringLit:"a"',
    ]);
  });

  it("keeps a range's `..` apart from decimals", () => {
    expect(kinds("1..5 2019-01-01..2021-12-31")).toEqual(["PlainNumber:1", "DotDot:..", "PlainNumber:5", "DateLit:2019-01-01", "DotDot:..", "DateLit:2021-12-31"]);
  });

  it("prefers the longest keyword and falls back to a name for longer words", () => {
    expect(kinds("const constraint run runs to toward constx grid gridx")).toEqual([
      "Const:const",
      "Constraint:constraint",
      "Run:run",
      "Runs:runs",
      "To:to",
      "Toward:toward",
      "Identifier:constx",
      "Grid:grid",
      "Identifier:gridx",
    ]);
  });

  it("reads multi-character operators before their prefixes", () => {
    expect(kinds("<= >= == != -> .. < > = - .")).toEqual([
      "LtEq:<=",
      "GtEq:>=",
      "EqEq:==",
      "NotEq:!=",
      "Arrow:->",
      "DotDot:..",
      "Lt:<",
      "Gt:>",
      "Equals:=",
      "Minus:-",
      "Dot:.",
    ]);
  });

  it("keeps comments out of the token stream and flags doc comments", () => {
    const out = lex("/// doc\n// line\n//// not doc\nx /* block\n */ y");
    expect(out.tokens.map((t) => t.image)).toEqual(["x", "y"]);
    expect(out.comments.map((c) => [c.text, c.doc, c.span.start])).toEqual([
      ["/// doc", true, 0],
      ["// line", false, 8],
      ["//// not doc", false, 16],
      ["/* block\n */", false, 31],
    ]);
    expect(out.diagnostics).toEqual([]);
  });

  it("reports an unexpected character with its span and a hint", () => {
    const out = lex("a && b");
    expect(out.diagnostics.map((d) => [d.code, d.span.start, d.span.end, d.message, d.hints[0]])).toEqual([
      ["E0101", 2, 4, "unexpected characters '&&'", "write `and` to combine conditions"],
    ]);
    expect(kinds("a && b")).toEqual(["Identifier:a", "Identifier:b"]);
  });

  it("passes an unterminated string on as a string and reports it once", () => {
    const out = lex('x "abc\ny');
    expect(out.diagnostics.map((d) => [d.code, d.span.start, d.span.end])).toEqual([["E0102", 2, 6]]);
    expect(out.tokens.map((t) => t.tokenType.name)).toEqual(["Identifier", "UnterminatedString", "Identifier"]);
  });

  it("reports an unterminated block comment at its opening", () => {
    const out = lex("x /* never closed\n y");
    expect(out.diagnostics.map((d) => [d.code, d.span.start, d.span.end])).toEqual([["E0103", 2, 4]]);
    expect(out.tokens.map((t) => t.image)).toEqual(["x"]);
  });

  it("reports unknown string escapes", () => {
    const out = lex('"a\\qb\\n"');
    expect(out.diagnostics.map((d) => [d.code, d.span.start, d.span.end, d.message])).toEqual([["E0104", 2, 4, "unknown escape '\\q' in string"]]);
  });

  it("reports digits glued to letters as one malformed number, with a hint for the likely intent", () => {
    const cases: [string, string][] = [
      ["10days", "durations use one letter"],
      ["10bars", "write a bar count with a space: `10 bars`"],
      ["1.2.3", "at most one decimal point"],
    ];
    for (const [text, hint] of cases) {
      const out = lex(text);
      expect(out.tokens.map((t) => t.image)).toEqual([text]);
      expect(out.diagnostics.map((d) => d.code)).toEqual(["E0105"]);
      expect(out.diagnostics[0]?.hints[0]).toContain(hint);
    }
  });

  it("does not read a duration suffix followed by a name character", () => {
    expect(kinds("10d 10dx")).toEqual(["DurationLit:10d", "BadNumber:10dx"]);
  });
});

describe("decodeString", () => {
  it("resolves the four escapes and stops at the closing quote", () => {
    expect(decodeString('"a\\"b\\\\c\\nd\\te"')).toBe('a"b\\c\nd\te');
    expect(decodeString('"a\\\\"')).toBe("a\\");
  });

  it("decodes an unterminated string to the end of its text", () => {
    expect(decodeString('"abc')).toBe("abc");
  });
});
