import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import type * as A from "./ast.js";
import { compileSources } from "./compile.js";
import { SYNTAX_CODES } from "./diagnostics/codes-syntax.js";
import { parse } from "./parse.js";
import { SourceFile } from "./source.js";

const DESIGN = readFileSync(new URL("../examples/design.strat", import.meta.url), "utf8");
const parseText = (text: string, firstId = 0) => parse(new SourceFile("t.strat", text), firstId);

/** A compact s-expression of an AST, for goldens. */
function show(node: unknown): string {
  if (node === null) return "_";
  if (Array.isArray(node)) return `[${node.map(show).join(" ")}]`;
  const n = node as A.Node;
  switch (n.kind) {
    case "Ident":
      return n.name === "" ? "<missing>" : n.name;
    case "Name":
      return n.name.name;
    case "NumberLit":
      return `${n.raw}{${n.unit}=${n.value}}`;
    case "StringLit":
      return JSON.stringify(n.value);
    case "DateLit":
      return `#${n.value}`;
    case "BoolLit":
      return String(n.value);
    case "ErrorExpr":
      return "<error>";
    default: {
      const parts = Object.entries(n)
        .filter(([k, v]) => !["kind", "id", "span", "keywordSpan", "file"].includes(k) && !(k === "doc" && v === null))
        .map(([k, v]) => (typeof v === "string" || typeof v === "boolean" ? `${k}=${JSON.stringify(v)}` : `${k}=${show(v)}`));
      return `(${n.kind} ${parts.join(" ")})`;
    }
  }
}

function allNodes(root: A.Node): A.Node[] {
  const out: A.Node[] = [];
  const visit = (v: unknown): void => {
    if (Array.isArray(v)) v.forEach(visit);
    else if (v !== null && typeof v === "object" && "kind" in v && "id" in v) {
      out.push(v as A.Node);
      for (const [k, child] of Object.entries(v)) if (k !== "span" && k !== "keywordSpan") visit(child);
    }
  };
  visit(root);
  return out;
}

const firstItem = (text: string): A.Item => {
  const decl = parseText(text).value.decls[0];
  if (decl?.kind !== "Block" || decl.items[0] === undefined) throw new Error("no item");
  return decl.items[0];
};

describe("parse: the design example", () => {
  it("parses with no diagnostics", () => {
    const result = parseText(DESIGN);
    expect(result.diagnostics).toEqual([]);
    expect(result.value.decls.map((d) => `${d.kind === "Block" ? d.declKind : "const"} ${d.name.name}`)).toEqual([
      "strategy ts_threshold",
      "gate quant_validation",
      "sweep ts_thresholds",
      "sleeve safe",
      "sleeve core",
      "sleeve spec",
      "portfolio barbell",
      "promotion sleeves",
      "schedule nightly",
    ]);
  });

  it("builds the expected tree", async () => {
    const tree = parseText(DESIGN)
      .value.decls.map((d) => (d.kind === "Block" ? [`(Block ${d.declKind} ${d.name.name} doc=${JSON.stringify(d.doc)}`, ...d.items.map((i) => `  ${show(i)}`)].join("\n") + ")" : show(d)))
      .join("\n\n");
    await expect(tree).toMatchFileSnapshot("./__golden__/design.ast.txt");
  });

  it("numbers nodes from firstId in pre-order, each id once", () => {
    const result = parseText(DESIGN, 100);
    const nodes = allNodes(result.value);
    const ids = nodes.map((n) => n.id);
    expect(ids[0]).toBe(100);
    expect(new Set(ids).size).toBe(ids.length);
    expect(Math.max(...ids) + 1).toBe(result.nextId);
    expect([...ids].sort((a, b) => a - b)).toEqual(ids);
  });

  it("gives every node a span inside the file, children inside their parents' spans", () => {
    const result = parseText(DESIGN);
    const check = (v: unknown, parent: A.Node | null): void => {
      if (Array.isArray(v)) return v.forEach((c) => check(c, parent));
      if (v === null || typeof v !== "object" || !("kind" in v)) return;
      const node = v as A.Node;
      expect(node.span.start).toBeLessThanOrEqual(node.span.end);
      if (parent !== null) {
        expect(node.span.start).toBeGreaterThanOrEqual(parent.span.start);
        expect(node.span.end).toBeLessThanOrEqual(parent.span.end);
      }
      for (const [k, child] of Object.entries(node)) if (k !== "span" && k !== "keywordSpan") check(child, node);
    };
    check(result.value, null);
    expect(result.value.span).toEqual({ file: "t.strat", start: 0, end: DESIGN.length });
  });

  it("keeps the comments and attaches the doc comments", () => {
    const result = parseText(DESIGN);
    expect(result.comments.map((c) => c.text)).toEqual([
      "/// Time-series threshold strategy: trade when the forecast clears both thresholds.",
      "// a model provider",
      "/// Release gate: real data only, enough observations, then the quality bars.",
      "// or grid, random(trials, seed)",
    ]);
    const docs = result.value.decls.map((d) => d.doc);
    expect(docs[0]).toBe("Time-series threshold strategy: trade when the forecast clears both thresholds.");
    expect(docs[1]).toBe("Release gate: real data only, enough observations, then the quality bars.");
    expect(docs.slice(2).every((d) => d === null)).toBe(true);
  });
});

describe("parse: constructs", () => {
  it("joins doc lines, attaches them to items, and ignores trailing `///` comments", () => {
    const result = parseText("/// one\n///two\nstrategy s {\n  /// the window\n  param w: int = 3  /// not a doc\n  bars daily\n}");
    const block = result.value.decls[0] as A.BlockDecl;
    expect(block.doc).toBe("one\ntwo");
    expect(block.items.map((i) => i.doc)).toEqual(["the window", null]);
  });

  it("reads settings keyed by reserved words and `grid` as a name", () => {
    const block = parseText("sweep s { strategy ts  bars daily  gate g  sweep t  model m  search grid }").value.decls[0] as A.BlockDecl;
    expect(block.items.map(show)).toEqual([
      "(Setting key=strategy value=ts modifiers=[])",
      "(Setting key=bars value=daily modifiers=[])",
      "(Setting key=gate value=g modifiers=[])",
      "(Setting key=sweep value=t modifiers=[])",
      "(Setting key=model value=m modifiers=[])",
      "(Setting key=search value=grid modifiers=[])",
    ]);
  });

  it("tells a model item from a `model` setting by the `=`", () => {
    expect(show(firstItem("strategy s { model f = momentum(window: 20) }"))).toBe("(Model name=f call=(Call callee=momentum args=[(Arg name=window value=20{number=20})]))");
    expect(show(firstItem('strategy s { model f tz "UTC" }'))).toBe('(Setting key=model value=f modifiers=[(Modifier key=tz value="UTC")])');
  });

  it("accepts reserved words as argument names", () => {
    const result = parseText("strategy s { data synthetic(seed: 7, bars: 2520) }");
    expect(result.diagnostics).toEqual([]);
    expect(show((result.value.decls[0] as A.BlockDecl).items[0])).toBe(
      "(Setting key=data value=(Call callee=synthetic args=[(Arg name=seed value=7{number=7}) (Arg name=bars value=2520{number=2520})]) modifiers=[])",
    );
  });

  it("accepts contextual keywords as names", () => {
    const item = firstItem("strategy s { let step = then + over * per }");
    expect(show(item)).toBe("(Let name=step value=(Binary op=\"+\" left=then right=(Binary op=\"*\" left=over right=per)))");
  });

  it("ends an item where its grammar cannot continue", () => {
    const block = parseText('sleeve x { bucket safe  cap 80%  members ["SHY", "IEF"]  weighting equal }').value.decls[0] as A.BlockDecl;
    expect(block.items.map((i) => (i.kind === "Setting" ? i.key.name : i.kind))).toEqual(["bucket", "cap", "members", "weighting"]);
  });

  it("binds operators loosest first: or, and, not, comparison, range, + -, * /, unary, postfix", () => {
    const item = firstItem("strategy s { x not a or b and -c.d[1] * 2 + 3 >= 4 }");
    expect(show(item)).toBe(
      '(Setting key=x value=(Binary op="or" left=(Unary op="not" operand=a) right=(Binary op="and" left=b right=(Binary op=">=" left=(Binary op="+" left=(Binary op="*" left=(Unary op="-" operand=(Index target=(Member target=c field=d) index=1{number=1})) right=2{number=2}) right=3{number=3}) right=4{number=4}))) modifiers=[])',
    );
  });

  it("reads ranges, bar counts, parens, lists, modifiers", () => {
    const item = firstItem('strategy s { no_trade "09:30".."09:45" tz "UTC" capped f((1 + 2), 10 bars, [1, 2]) }');
    expect(show(item)).toBe(
      '(Setting key=no_trade value=(Range from="09:30" to="09:45") modifiers=[(Modifier key=tz value="UTC") (Modifier key=capped value=(Call callee=f args=[(Arg name=_ value=(Paren inner=(Binary op="+" left=1{number=1} right=2{number=2}))) (Arg name=_ value=10 bars{bars=10}) (Arg name=_ value=(List items=[1{number=1} 2{number=2}]))]))])',
    );
  });

  it("reads params with type arguments and both domain forms", () => {
    const block = parseText("strategy s { param a: series<list<number>> in {x, y} = x  param b: percent in [0%, 5%]  param c: int }").value.decls[0] as A.BlockDecl;
    expect(block.items.map(show)).toEqual([
      "(Param name=a type=(TypeRef name=series args=[(TypeRef name=list args=[(TypeRef name=number args=[])])]) domain=(SetDomain values=[x y]) default=x)",
      "(Param name=b type=(TypeRef name=percent args=[]) domain=(RangeDomain lo=0%{percent=0} hi=5%{percent=0.05}) default=_)",
      "(Param name=c type=(TypeRef name=int args=[]) domain=_ default=_)",
    ]);
  });

  it("reads imports and consts", () => {
    const result = parseText('import "a.strat"\nimport { x, y } from "b.strat"\nconst k: percent = 5%\nconst j = 2');
    expect(result.diagnostics).toEqual([]);
    expect(result.value.imports.map(show)).toEqual(['(Import path="a.strat" names=_)', '(Import path="b.strat" names=[x y])']);
    expect(result.value.decls.map(show)).toEqual(["(Const name=k type=(TypeRef name=percent args=[]) value=5%{percent=0.05})", "(Const name=j type=_ value=2{number=2})"]);
  });

  it("reads both trigger forms, adjust, rollout, rollback, run, exit sides, grid steps, constraints", () => {
    const block = parseText(
      "promotion p { promote a -> b when g passes 3 consecutive runs  demote b -> a when pf < 1 over 60d  adjust params toward sweep s by at most 5% per cycle  rollout x -> y(1) -> z  rollback when g fails 2 consecutive runs  run a then b  exit short when x  grid n = 1..9 step 2  constraint a < b }",
    ).value.decls[0] as A.BlockDecl;
    expect(block.items.map(show)).toEqual([
      '(Move direction=promote from=a to=b when=(GateStreak gate=g outcome=passes count=3{number=3}))',
      '(Move direction=demote from=b to=a when=(MetricOver condition=(Binary op="<" left=pf right=1{number=1}) window=60d{duration=5184000}))',
      "(Adjust sweep=s maxStep=5%{percent=0.05})",
      "(Rollout stages=[x (Call callee=y args=[(Arg name=_ value=1{number=1})]) z])",
      "(Rollback when=(GateStreak gate=g outcome=fails count=2{number=2}))",
      "(Run steps=[a b])",
      "(Exit side=short when=x)",
      "(Grid param=n values=(Range from=1{number=1} to=9{number=9}) step=2{number=2})",
      '(Constraint condition=(Binary op="<" left=a right=b))',
    ]);
  });

  it("normalises literal values", () => {
    const item = firstItem("strategy s { x [1e-3, 5bps, $25k, $1.5m, $2b, 15m, 2w, 1y, 0.2%] }");
    expect(show(item)).toContain(
      "1e-3{number=0.001} 5bps{bps=0.0005} $25k{money=25000} $1.5m{money=1500000} $2b{money=2000000000} 15m{duration=900} 2w{duration=1209600} 1y{duration=31536000} 0.2%{percent=0.002}",
    );
  });
});

describe("parse: errors", () => {
  it("reports five independent errors as five diagnostics, each with a real span", () => {
    const text = [
      "strategy s {",
      '  universe ["AAPL" "MSFT"]',
      "  param w: int in [1, 10] =",
      "  entry long when close >",
      "  bars daily",
      "}",
      "gate g {",
      "  require trades >= 30 else",
      "  require win_rate >= 50% 60%",
      "}",
    ].join("\n");
    const result = parseText(text);
    expect(result.diagnostics.map((d) => [d.code, new SourceFile("t", text).lineCol(d.span.start).line])).toEqual([
      ["E0110", 2],
      ["E0111", 3],
      ["E0111", 4],
      ["E0110", 8],
      ["E0115", 9],
    ]);
    for (const d of result.diagnostics) {
      expect(Number.isFinite(d.span.start) && d.span.end <= text.length && d.span.start <= d.span.end).toBe(true);
    }
    // The parts that parsed are still in the tree, with placeholders where values are missing.
    const block = result.value.decls[0] as A.BlockDecl;
    expect(block.items.map((i) => i.kind)).toEqual(["Setting", "Param", "Entry", "Setting"]);
    expect(show(block.items[2])).toBe('(Entry side=long when=(Binary op=">" left=close right=<error>))');
  });

  it("recovers a missing `}` before the next declaration and parses that declaration", () => {
    const result = parseText("strategy a {\n  bars daily\n\nstrategy b {\n  bars weekly\n}\n");
    expect(result.diagnostics.map((d) => [d.code, d.message, d.secondary.map((s) => s.message)])).toEqual([
      ["E0112", "expected '}' to close strategy 'a'", ["block opened here"]],
    ]);
    expect(result.value.decls.map((d) => d.name.name)).toEqual(["a", "b"]);
  });

  it("anchors an error at the end of the file to the last real token", () => {
    const text = "gate g {\n  require trades >= 30\n";
    const d = parseText(text).diagnostics[0];
    expect(d?.code).toBe("E0112");
    expect(d?.span).toEqual({ file: "t.strat", start: text.length - 1, end: text.length - 1 });
  });

  it("explains a chained comparison with the rewrite", () => {
    const d = parseText("sweep s { constraint 2 < fast < slow }").diagnostics;
    expect(d.map((x) => [x.code, x.hints[0]])).toEqual([["E0114", "write `2 < fast and fast < slow`"]]);
  });

  it("reports one error for one lexical mistake", () => {
    expect(parseText("gate g { require a > 1 && b > 2 }").diagnostics.map((d) => d.code)).toEqual(["E0101"]);
    expect(parseText('strategy s {\n  universe ["AAPL]\n  bars daily\n}').diagnostics.map((d) => d.code)).toEqual(["E0102"]);
  });

  it("never leaves an ErrorExpr without a diagnostic", () => {
    const inputs = ["strategy s { x }", "strategy s { x f(, ) }", "strategy s { model m = }", "promotion p { promote a -> b when }"];
    for (const text of inputs) {
      const result = parseText(text);
      const errors = allNodes(result.value).filter((n) => n.kind === "ErrorExpr");
      expect(errors.length === 0 || result.diagnostics.length > 0, text).toBe(true);
    }
  });
});

describe("parse: error wording", () => {
  // Each line: a bad input, then every diagnostic as code, line:col-range, message, label, hints.
  const CASES = [
    "strategy a { require trades >= }",
    "strategy a {\n  bars daily",
    "strategy a { bars daily = 5 }",
    "strategy a { model }",
    "strategy a { model forecast momentum(window: 20) }",
    "strategy a { entry long when a < b < c }",
    "strategy a { x 1..2..3 }",
    "junk strategy a { }",
    "}",
    "strategy { x 1 }",
    "gate g { require a.b(1) > 2 }",
    'strategy a {\n  universe ["AAPL]\n}',
    "strategy a { x @ 1 }",
    "gate g { require a > 1 || b > 2 }",
    "strategy a { lookback 10days }",
    "strategy a { x 10bars }",
    "/* open",
    'strategy a { data csv("a\\q") }',
    "promotion p { promote a -> b when }",
    "promotion p { rollback when g failed }",
    "strategy a { param x ratio = 1 }",
    "strategy a { param x: in [1, 2] }",
    "strategy a { x f(1, 2 }",
    "strategy a { x [1, 2\n  y 3\n}",
    "strategy a { x a[1 }",
    "strategy a { model x = 5 }",
    "promotion p { adjust weights toward sweep s by at most 5% per cycle }",
    "strategy a { d 2019-02-30 }",
    "const big = 1e999",
    "const = 5",
    "import",
    'import { a, } from "x.strat"',
    "strategy a { windows }",
    "strategy a { run }",
    "gate g {\n  require trades >= 30\n\ngate h {\n  require win_rate >= 50%\n}",
  ];

  it("names the construct, never chevrotain's wording", async () => {
    const out = CASES.map((text) => {
      const source = new SourceFile("t.strat", text);
      const lines = parse(source).diagnostics.map((d) => {
        const at = source.lineCol(d.span.start);
        const parts = [`${d.code} ${at.line}:${at.column} [${d.span.start},${d.span.end}) ${d.message}`];
        if (d.label !== undefined) parts.push(`label: ${d.label}`);
        for (const h of d.hints) parts.push(`hint: ${h}`);
        for (const l of d.secondary) parts.push(`also [${l.span.start},${l.span.end}) ${l.message}`);
        return parts.join("\n    ");
      });
      for (const line of lines) expect(line).not.toMatch(/-->|<--|Expecting|EOF/);
      return [`> ${JSON.stringify(text)}`, ...lines.map((l) => `  ${l}`)].join("\n");
    });
    await expect(out.join("\n\n") + "\n").toMatchFileSnapshot("./__golden__/syntax-errors.txt");
  });
});

describe("syntax explain pages", () => {
  const blocks = (markdown: string): string[] => [...markdown.matchAll(/```strat\n([\s\S]*?)```/g)].map((m) => m[1] ?? "");

  it("codes are unique, sorted, E01xx, titled in lowercase", () => {
    const codes = SYNTAX_CODES.map((c) => c.code);
    expect(new Set(codes).size).toBe(codes.length);
    expect([...codes].sort()).toEqual(codes);
    for (const c of SYNTAX_CODES) {
      expect(c.code).toMatch(/^E01\d\d$/);
      expect(c.title).toBe(c.title.toLowerCase());
    }
  });

  for (const entry of SYNTAX_CODES) {
    const [wrong = "", right = ""] = blocks(entry.explain);
    it(`${entry.code}: the erroneous example reports it, the fixed one compiles cleanly`, () => {
      expect(parse(new SourceFile("main.strat", wrong)).diagnostics.map((d) => d.code)).toContain(entry.code);
      const fixed = compileSources({ "main.strat": right });
      expect(fixed.diagnostics.map((d) => `${d.code} ${d.message}`)).toEqual([]);
    });
  }
});

describe("the grammar itself", () => {
  it("passes chevrotain's grammar validations (skipped in the shipped parser for start-up speed)", async () => {
    const { StratParser } = await import("./parser.js");
    expect(() => new StratParser(true)).not.toThrow();
  });
});
