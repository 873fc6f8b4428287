import { readdirSync, readFileSync } from "node:fs";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { format } from "./format.js";
import { tokenize } from "./lexer.js";
import { parse } from "./parse.js";
import { parseTokens } from "./parser.js";
import { parseClean } from "./parser-fast.js";
import { SourceFile } from "./source.js";

const DESIGN = readFileSync(new URL("../examples/design.strat", import.meta.url), "utf8");
const file = (text: string): SourceFile => new SourceFile("p.strat", text);

/** The tree without ids and spans: what must survive formatting. */
function shape(text: string): string {
  return JSON.stringify(parse(file(text)).value, (key, value: unknown) => (key === "id" || key === "span" || key === "keywordSpan" ? undefined : value));
}

// ---------------------------------------------------------------- random programs as token lists

type Tokens = string[];
const join = (...parts: (Tokens | string)[]): Tokens => parts.flatMap((p) => (typeof p === "string" ? [p] : p));

const name = fc.constantFrom("a", "b", "close", "forecast", "x1", "then", "over", "per", "step", "long");
const literal = fc.constantFrom<Tokens>(["12"], ["0.55"], ["1e-3"], ["3%"], ["0.2%"], ["5bps"], ["$25k"], ["10d"], ["15m"], ["10", "bars"], ['"AAPL"'], ['"a\\"b"'], ["2019-01-01"], ["true"], ["false"]);
const binop = fc.constantFrom("or", "and", "<", ">=", "==", "+", "-", "*", "/", "..");

const { expr } = fc.letrec<{ expr: Tokens; atom: Tokens }>((tie) => ({
  atom: fc.oneof(
    { depthSize: "small", withCrossShrink: true },
    name.map((n) => [n]),
    literal,
    fc.tuple(name, fc.array(fc.tuple(fc.option(name, { nil: undefined }), tie("expr")), { maxLength: 3 })).map(([callee, args]) =>
      join(callee, "(", ...args.flatMap(([argName, value], i) => join(i > 0 ? "," : [], argName === undefined ? [] : [argName, ":"], value)), ")"),
    ),
    fc.array(tie("expr"), { maxLength: 3 }).map((items) => join("[", ...items.flatMap((item, i) => join(i > 0 ? "," : [], item)), "]")),
    tie("expr").map((e) => join("(", e, ")")),
    fc.tuple(tie("atom"), name).map(([target, field]) => join(target, ".", field)),
    fc.tuple(tie("atom"), tie("expr")).map(([target, index]) => join(target, "[", index, "]")),
  ),
  expr: fc.oneof(
    { depthSize: "small", withCrossShrink: true },
    tie("atom"),
    fc.tuple(tie("atom"), binop, tie("atom")).map(([l, op, r]) => join(l, op, r)),
    fc.tuple(tie("atom"), fc.array(tie("atom"), { minLength: 1, maxLength: 4 })).map(([first, rest]) => join(first, ...rest.flatMap((r) => join("or", r)))),
    fc.tuple(fc.constantFrom("not", "-"), tie("atom")).map(([op, e]) => join(op, e)),
  ),
}));

const typeRef = fc.constantFrom<Tokens>(["int"], ["percent"], ["series", "<", "number", ">"], ["list", "<", "ticker", ">"]);
const item: fc.Arbitrary<Tokens> = fc.oneof(
  fc.tuple(fc.constantFrom("universe", "lookback", "per", "sizing", "no_trade", "bars", "strategy"), expr, fc.option(fc.tuple(fc.constantFrom("tz", "capped"), expr), { nil: undefined })).map(
    ([key, value, mod]) => join(key, value, mod === undefined ? [] : join(mod[0], mod[1])),
  ),
  fc.tuple(name, typeRef, fc.option(fc.tuple(expr, expr), { nil: undefined }), fc.option(expr, { nil: undefined })).map(([n, t, dom, init]) =>
    join("param", n, ":", t, dom === undefined ? [] : join("in", "[", dom[0], ",", dom[1], "]"), init === undefined ? [] : join("=", init)),
  ),
  fc.tuple(name, expr).map(([n, e]) => join("let", n, "=", e)),
  name.map((n) => ["model", n, "=", "momentum", "(", "window", ":", "20", ")"]),
  fc.tuple(fc.constantFrom("long", "short"), expr).map(([side, e]) => join("entry", side, "when", e)),
  fc.tuple(fc.option(fc.constantFrom("long", "short"), { nil: undefined }), expr).map(([side, e]) => join("exit", side ?? [], "when", e)),
  fc.tuple(expr, fc.option(name, { nil: undefined })).map(([e, orElse]) => join("require", e, orElse === undefined ? [] : ["else", orElse])),
  fc.tuple(name, expr, fc.option(expr, { nil: undefined })).map(([n, e, step]) => join("grid", n, "=", e, step === undefined ? [] : join("step", step))),
  expr.map((e) => join("constraint", e)),
  fc.array(fc.tuple(name, expr), { minLength: 1, maxLength: 3 }).map((ws) => join("windows", ...ws.flatMap(([label, range], i) => join(i > 0 ? "," : [], label, range)))),
  fc.tuple(fc.constantFrom("maximize", "minimize"), expr, fc.option(name, { nil: undefined })).map(([dir, e, gate]) => join("select", dir, e, gate === undefined ? [] : ["subject", "to", gate])),
  fc.tuple(fc.constantFrom("promote", "demote"), name, name, fc.boolean(), expr, expr).map(([dir, from, to, streak, a, b]) =>
    join(dir, from, "->", to, "when", streak ? join("g", "passes", "3", "consecutive", "runs") : join("(", a, ")", "over", b)),
  ),
  fc.tuple(name, expr).map(([sweep, e]) => join("adjust", "params", "toward", "sweep", sweep, "by", "at", "most", e, "per", "cycle")),
  fc.array(expr, { minLength: 1, maxLength: 3 }).map((stages) => join("rollout", ...stages.flatMap((s, i) => join(i > 0 ? "->" : [], s)))),
  fc.array(name, { minLength: 1, maxLength: 3 }).map((steps) => join("run", ...steps.flatMap((s, i) => (i > 0 ? ["then", s] : [s])))),
);
const decl: fc.Arbitrary<Tokens> = fc.oneof(
  fc.tuple(fc.constantFrom("strategy", "gate", "sweep", "sleeve", "portfolio", "promotion", "schedule"), name, fc.array(item, { maxLength: 5 })).map(([kind, n, items]) =>
    join(kind, n, "{", ...items, "}"),
  ),
  fc.tuple(name, fc.option(typeRef, { nil: undefined }), expr).map(([n, t, e]) => join("const", n, t === undefined ? [] : join(":", t), "=", e)),
  fc.constantFrom<Tokens>(["import", '"lib.strat"'], ["import", "{", "a", ",", "b", "}", "from", '"lib.strat"']),
);

// Separators: whitespace, or a comment. Comments get unique numbers so the test can find each one.
const separator = fc.constantFrom(" ", " ", " ", "\n", "\n\n", "  ", "\t", "LINE", "BLOCK", "DOC", "OWNLINE", "\n\n\nBLOCK\n");
const program = fc.tuple(fc.array(decl, { maxLength: 4 }), fc.infiniteStream(separator)).map(([decls, seps]) => {
  const tokens = decls.flat();
  let n = 0;
  const render = (sep: string): string =>
    sep
      .replace("OWNLINE", () => `\n// c${n++}\n`)
      .replace("LINE", () => ` // c${n++}\n`)
      .replace("BLOCK", () => ` /* c${n++} */ `)
      .replace("DOC", () => `\n/// c${n++}\n`);
  return tokens.map((t) => t + render(seps.next().value as string)).join("");
});

describe("format properties", () => {
  it("is idempotent, keeps the tree, keeps every comment", () => {
    fc.assert(
      fc.property(program, (text) => {
        const parsed = parse(file(text));
        fc.pre(parsed.diagnostics.length === 0);
        const out = format(file(text));
        expect(out.diagnostics).toEqual([]);
        expect(format(file(out.value)).value).toBe(out.value);
        expect(shape(out.value)).toBe(shape(text));
        for (const c of parsed.comments) expect(out.value).toContain(c.text.trimEnd());
      }),
      { numRuns: 400 },
    );
  });

  it("generates mostly valid programs (so the property above is exercised)", () => {
    const samples = fc.sample(program, { numRuns: 200, seed: 42 });
    const invalid = samples.map((t) => parse(file(t)).diagnostics).filter((d) => d.length > 0);
    expect(invalid.length).toBeLessThan(20);
  });
});

// ---------------------------------------------------------------- robustness

const DESIGN_TOKENS = tokenize(file(DESIGN)).tokens.map((t) => t.image);

const mutation = fc.oneof(
  fc.record({ kind: fc.constant("delete" as const), at: fc.nat() }),
  fc.record({ kind: fc.constant("duplicate" as const), at: fc.nat() }),
  fc.record({ kind: fc.constant("insert" as const), at: fc.nat(), token: fc.oneof(fc.constantFrom(...DESIGN_TOKENS), fc.string({ maxLength: 3 })) }),
);

function mutateTokens(mutations: readonly { kind: "delete" | "duplicate" | "insert"; at: number; token?: string }[]): string {
  const tokens = [...DESIGN_TOKENS];
  for (const m of mutations) {
    const at = m.at % (tokens.length + 1);
    if (m.kind === "delete") tokens.splice(at, 1);
    else if (m.kind === "duplicate") tokens.splice(at, 0, tokens[at] ?? "}");
    else tokens.splice(at, 0, m.token ?? "");
  }
  return tokens.join(" ");
}

function mutateChars(text: string, edits: readonly [number, number, string][]): string {
  let out = text;
  for (const [at, del, ins] of edits) {
    const i = at % (out.length + 1);
    out = out.slice(0, i) + ins + out.slice(i + del);
  }
  return out;
}

function neverThrows(text: string): void {
  const result = parse(file(text));
  expect(Array.isArray(result.diagnostics)).toBe(true);
  for (const d of result.diagnostics) {
    expect(Number.isFinite(d.span.start) && Number.isFinite(d.span.end)).toBe(true);
    expect(d.span.start).toBeGreaterThanOrEqual(0);
    expect(d.span.end).toBeLessThanOrEqual(text.length);
    expect(d.message).not.toContain("-->");
  }
  format(file(text));
}

describe("parse never throws", () => {
  it("on random strings", () => {
    fc.assert(fc.property(fc.string({ maxLength: 200 }), neverThrows), { numRuns: 300 });
    fc.assert(fc.property(fc.string({ unit: "binary", maxLength: 100 }), neverThrows), { numRuns: 200 });
  });

  it("on random token soup", () => {
    fc.assert(fc.property(fc.array(fc.constantFrom(...DESIGN_TOKENS, "{", "}", "(", ")", "..", "->"), { maxLength: 60 }), (ts) => neverThrows(ts.join(" "))), { numRuns: 300 });
  });

  it("on the design example with tokens deleted, inserted and duplicated", () => {
    fc.assert(
      fc.property(fc.array(mutation, { minLength: 1, maxLength: 6 }), (ms) => neverThrows(mutateTokens(ms))),
      { numRuns: 400 },
    );
  });

  it("on the design example with characters deleted and inserted", () => {
    const edit = fc.tuple(fc.nat(), fc.nat({ max: 3 }), fc.string({ maxLength: 3 }));
    fc.assert(
      fc.property(fc.array(edit, { minLength: 1, maxLength: 5 }), (edits) => neverThrows(mutateChars(DESIGN, edits))),
      { numRuns: 400 },
    );
  });

  it("reports at least one error for every mutation that breaks the example", () => {
    fc.assert(
      fc.property(fc.array(mutation, { minLength: 1, maxLength: 3 }), (ms) => {
        const text = mutateTokens(ms);
        const result = parse(file(text));
        const hasErrorNode = JSON.stringify(result.value).includes('"ErrorExpr"');
        if (hasErrorNode) expect(result.diagnostics.length).toBeGreaterThan(0);
      }),
      { numRuns: 300 },
    );
  });
});

// ---------------------------------------------------------------- fast path = chevrotain

/** Parses with the hand-written fast path and with chevrotain; both must give the same output. */
function bothPaths(text: string): boolean {
  const f = file(text);
  const tokens = tokenize(f).tokens;
  const docs = new Map([[tokens[0]?.startOffset ?? 0, "doc"]]);
  const slow = parseTokens(tokens, f, docs, false);
  const fast = parseTokens(tokens, f, docs, true);
  expect(fast).toEqual(slow);
  // the fast path steps aside exactly when chevrotain had to recover
  expect(parseClean(tokens, f, docs) !== null).toBe(slow.errors.length === 0);
  return slow.errors.length === 0;
}

describe("the parser's fast path", () => {
  it("gives chevrotain's output on the design example and the generated benchmark-like programs", () => {
    expect(bothPaths(DESIGN)).toBe(true);
    const cases = new URL("./__cases__/", import.meta.url);
    const paths = readdirSync(cases, { recursive: true, encoding: "utf8" }).filter((p) => p.endsWith(".strat"));
    expect(paths.length).toBeGreaterThan(50);
    for (const path of paths) bothPaths(readFileSync(new URL(path, cases), "utf8"));
    fc.assert(fc.property(program, (text) => void bothPaths(text)), { numRuns: 400 });
  });

  it("gives chevrotain's output (or steps aside) on broken input", () => {
    fc.assert(fc.property(fc.array(mutation, { minLength: 1, maxLength: 4 }), (ms) => void bothPaths(mutateTokens(ms))), { numRuns: 400 });
    fc.assert(fc.property(fc.array(fc.constantFrom(...DESIGN_TOKENS, "{", "}", "(", ")", "..", "->"), { maxLength: 60 }), (ts) => void bothPaths(ts.join(" "))), { numRuns: 300 });
  });
});
