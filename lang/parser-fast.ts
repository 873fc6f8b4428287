// Fast path of the parser: a hand-written recursive descent over the same
// grammar as parser.ts, for files without syntax errors.
// Input: tokens from lexer.ts. Output: the same ParserOutput chevrotain's parser
// gives for that file, or null at the first token chevrotain would not accept
// without recovery; parser.ts then parses the file again with chevrotain, which
// reports and recovers.
// Invariants: every decision mirrors chevrotain's lookahead for that rule (the
// same first tokens, LL(2) where parser.ts needs two tokens), and builder calls
// happen in the same order as the grammar's actions, so a file that parses here
// gets the same tree, spans and builder diagnostics. parse-property.test.ts checks both
// paths agree. Chevrotain's per-token bookkeeping (rule stacks, recovery,
// lookahead closures) was most of parse time.

import { createTokenInstance, EOF, tokenMatcher, type IToken, type TokenType } from "chevrotain";
import type * as A from "./ast.js";
import { AstBuilder, type Parts, type PartsKind } from "./build-ast.js";
import type { Operand, Suffix } from "./build-expr.js";
import { ALL_TOKENS, BinOp, BpsLit, CKW, DateLit, DurationLit, Identifier, KW, MoneyLit, P, PercentLit, PlainNumber, ReservedWord, StringLit } from "./lexer.js";
import { SourceFile } from "./source.js";

/** What a clean parse produced: the module and the builder's side outputs. */
export interface CleanParse {
  readonly module: A.Module;
  readonly headers: AstBuilder["headers"];
  readonly declEnds: readonly number[];
  readonly diagnostics: AstBuilder["diagnostics"];
}

// Thrown (preallocated, so no stack is captured) where chevrotain would recover.
const BAIL = new Error("not a clean parse");
const END: IToken = createTokenInstance(EOF, "", NaN, NaN, NaN, NaN, NaN, NaN);
const BLOCK_KEYWORDS: ReadonlySet<TokenType> = new Set([KW.strategy, KW.gate, KW.sweep, KW.sleeve, KW.portfolio, KW.promotion, KW.schedule]);
const SIMPLE_ATOMS: ReadonlySet<TokenType> = new Set([PercentLit, BpsLit, MoneyLit, DurationLit, DateLit, KW.true, KW.false, KW.grid]);
const builder = new AstBuilder(new SourceFile("", ""));
// Shared by every operand without prefixes; never written to.
const NO_PREFIXES: IToken[] = [];

// Category tests by token type index, precomputed: tokenMatcher per operand was
// a visible share of the fast path.
function table(accepts: (type: TokenType) => boolean): Uint8Array {
  const out = new Uint8Array(Math.max(...ALL_TOKENS.map((t) => t.tokenTypeIdx ?? 0)) + 2);
  for (const type of ALL_TOKENS) {
    const idx = type.tokenTypeIdx ?? 0;
    out[idx] = accepts(type) ? 1 : 0;
  }
  return out;
}
const sample = (type: TokenType): IToken => ({ image: "", startOffset: 0, tokenType: type, tokenTypeIdx: type.tokenTypeIdx ?? 0 }) as IToken;
const IS_NUMBER = table((t) => tokenMatcher(sample(t), PlainNumber));
const IS_IDENTIFIER = table((t) => tokenMatcher(sample(t), Identifier));
const IS_BINOP = table((t) => tokenMatcher(sample(t), BinOp));
const IS_SIMPLE_ATOM = table((t) => SIMPLE_ATOMS.has(t) || tokenMatcher(sample(t), StringLit) || tokenMatcher(sample(t), Identifier));

/** Parses a file with no syntax errors; null when chevrotain's recovery would be needed. */
export function parseClean(tokens: readonly IToken[], file: SourceFile, docs: ReadonlyMap<number, string>): CleanParse | null {
  builder.start(file, docs);
  try {
    const module = new FastParser(tokens, builder).module();
    return { module, headers: builder.headers, declEnds: builder.declEnds, diagnostics: builder.diagnostics };
  } catch (error) {
    if (error === BAIL) return null;
    throw error;
  }
}

class FastParser {
  private pos = 0;

  constructor(
    private readonly toks: readonly IToken[],
    private readonly b: AstBuilder,
  ) {}

  private la(k: number): IToken {
    return this.toks[this.pos + k - 1] ?? END;
  }

  private is(type: TokenType, k = 1): boolean {
    return this.la(k).tokenType === type;
  }

  private matches(type: TokenType, k = 1): boolean {
    const tok = this.toks[this.pos + k - 1];
    if (tok === undefined) return false;
    return type === Identifier ? IS_IDENTIFIER[tok.tokenTypeIdx] === 1 : tokenMatcher(tok, type);
  }

  private next(): IToken {
    const tok = this.toks[this.pos];
    if (tok === undefined) throw BAIL;
    this.pos++;
    return tok;
  }

  private consume(type: TokenType): IToken {
    const tok = this.toks[this.pos];
    if (tok === undefined || !tokenMatcher(tok, type)) throw BAIL;
    this.pos++;
    return tok;
  }

  module(): A.Module {
    for (;;) {
      const type = this.la(1).tokenType;
      if (type === KW.import) this.importDecl();
      else if (type === KW.const) this.constDecl();
      else if (BLOCK_KEYWORDS.has(type)) this.blockDecl();
      else break;
    }
    if (this.pos !== this.toks.length) throw BAIL;
    return this.b.module();
  }

  private begin(kind: PartsKind, first: IToken): Parts {
    return this.b.beginParts(kind, first);
  }

  private end(): void {
    this.b.endParts(this.toks[this.pos - 1], false);
  }

  private sep(separator: TokenType, each: () => void): void {
    each();
    while (this.is(separator)) {
      this.pos++;
      each();
    }
  }

  private importDecl(): void {
    const p = this.begin("Import", this.next());
    if (this.matches(StringLit)) p.path = this.next();
    else {
      const names: IToken[] = (p.names = []);
      this.consume(P.LCurly);
      this.sep(P.Comma, () => names.push(this.consume(Identifier)));
      this.consume(P.RCurly);
      this.consume(KW.from);
      p.path = this.consume(StringLit);
    }
    this.end();
  }

  private constDecl(): void {
    const p = this.begin("Const", this.next());
    p.name = this.consume(Identifier);
    if (this.is(P.Colon)) {
      this.pos++;
      p.type = this.typeRef();
    }
    this.consume(P.Equals);
    p.expecting = "value";
    p.value = this.expression();
    this.end();
  }

  private blockDecl(): void {
    const kw = this.next();
    this.b.beginBlock(kw);
    const name = this.consume(Identifier);
    const open = this.consume(P.LCurly);
    this.b.openBlock(name, open);
    while (!this.atDeclarationStart() && this.item()) {
      // each item consumed by `item`
    }
    this.b.endBlock(this.consume(P.RCurly));
  }

  private atDeclarationStart(): boolean {
    return BLOCK_KEYWORDS.has(this.la(1).tokenType) && this.matches(Identifier, 2) && this.is(P.LCurly, 3);
  }

  /** One item chosen by its first token; false when no item starts here. */
  private item(): boolean {
    const type = this.la(1).tokenType;
    switch (type) {
      case KW.param:
        return this.paramItem();
      case KW.model:
        return this.modelItem();
      case KW.let:
        return this.named("Let");
      case KW.entry: {
        const p = this.begin("Entry", this.next());
        p.side = this.consume(Identifier);
        this.consume(KW.when);
        return this.valueAndEnd(p);
      }
      case KW.exit: {
        const p = this.begin("Exit", this.next());
        if (this.matches(Identifier)) p.side = this.next();
        this.consume(KW.when);
        return this.valueAndEnd(p);
      }
      case KW.require: {
        const p = this.begin("Require", this.next());
        p.expecting = "value";
        p.value = this.expression();
        if (this.is(KW.else)) {
          this.pos++;
          p.hasElse = true;
          p.orElse = this.consume(Identifier);
        }
        this.end();
        return true;
      }
      case KW.grid:
        return this.gridItem();
      case KW.constraint:
        return this.valueAndEnd(this.begin("Constraint", this.next()));
      case KW.windows: {
        const p = this.begin("Windows", this.next());
        this.sep(P.Comma, () => p.windows.push(this.windowSpec()));
        this.end();
        return true;
      }
      case KW.select:
        return this.selectItem();
      case KW.promote:
      case KW.demote:
        return this.moveItem();
      case KW.adjust:
        return this.adjustItem();
      case KW.rollout: {
        const p = this.begin("Rollout", this.next());
        p.expecting = "stage";
        this.sep(P.Arrow, () => p.stages.push(this.expression()));
        p.expecting = undefined;
        this.end();
        return true;
      }
      case KW.rollback: {
        const p = this.begin("Rollback", this.next());
        this.consume(KW.when);
        p.trigger = this.trigger();
        this.end();
        return true;
      }
      case KW.run: {
        const p = this.begin("Run", this.next());
        this.sep(CKW.then, () => p.steps.push(this.consume(Identifier)));
        this.end();
        return true;
      }
      case KW.bars:
      case KW.strategy:
      case KW.gate:
      case KW.sweep:
        return this.setting();
      default:
        return this.matches(Identifier) ? this.setting() : false;
    }
  }

  private valueAndEnd(p: Parts): true {
    p.expecting = "value";
    p.value = this.expression();
    this.end();
    return true;
  }

  private named(kind: "Let"): true {
    const p = this.begin(kind, this.next());
    p.name = this.consume(Identifier);
    this.consume(P.Equals);
    return this.valueAndEnd(p);
  }

  private paramItem(): true {
    const p = this.begin("Param", this.next());
    p.name = this.consume(Identifier);
    this.consume(P.Colon);
    p.type = this.typeRef();
    if (this.is(KW.in)) {
      this.pos++;
      p.domain = this.domain();
    }
    if (this.is(P.Equals)) {
      this.pos++;
      p.expecting = "value";
      p.value = this.expression();
    }
    this.end();
    return true;
  }

  private domain(): A.Domain {
    if (this.is(P.LBrack)) {
      const open = this.next();
      const lo = this.expression();
      this.consume(P.Comma);
      const hi = this.expression();
      return this.b.rangeDomain(open, lo, hi, this.consume(P.RBrack));
    }
    const open = this.consume(P.LCurly);
    const values: A.Expr[] = [];
    this.sep(P.Comma, () => values.push(this.expression()));
    return this.b.setDomain(open, values, this.consume(P.RCurly));
  }

  private modelItem(): true {
    const p = this.begin("Model", this.next());
    if (this.matches(Identifier) && this.is(P.Equals, 2)) {
      p.name = this.next();
      this.pos++;
      p.expecting = "value";
      p.value = this.expression();
    } else {
      p.kind = "Setting";
      p.expecting = "value";
      p.value = this.expression();
      this.modifiers(p);
    }
    this.end();
    return true;
  }

  private gridItem(): true {
    const p = this.begin("Grid", this.next());
    p.name = this.consume(Identifier);
    this.consume(P.Equals);
    p.expecting = "value";
    p.value = this.expression();
    if (this.is(CKW.step)) {
      this.pos++;
      p.expecting = "step";
      p.step = this.expression();
    }
    this.end();
    return true;
  }

  private windowSpec(): A.WindowSpec {
    const label = this.consume(Identifier);
    return this.b.window(label, this.expression());
  }

  private selectItem(): true {
    const p = this.begin("Select", this.next());
    p.side = this.consume(Identifier);
    p.expecting = "value";
    p.value = this.expression();
    if (this.is(CKW.subject)) {
      this.pos++;
      this.consume(CKW.to);
      p.hasSubject = true;
      p.subjectTo = this.consume(Identifier);
    }
    this.end();
    return true;
  }

  private moveItem(): true {
    const p = this.begin("Move", this.next());
    p.name = this.consume(Identifier);
    this.consume(P.Arrow);
    p.to = this.consume(Identifier);
    this.consume(KW.when);
    p.trigger = this.trigger();
    this.end();
    return true;
  }

  private trigger(): A.Trigger {
    if (this.matches(Identifier) && (this.is(CKW.passes, 2) || this.is(CKW.fails, 2))) {
      const gate = this.next();
      const outcome = this.next();
      const count = this.expression();
      this.consume(CKW.consecutive);
      return this.b.gateStreak(gate, outcome, count, this.consume(CKW.runs));
    }
    const condition = this.expression();
    this.consume(CKW.over);
    return this.b.metricOver(condition, this.expression());
  }

  private adjustItem(): true {
    const p = this.begin("Adjust", this.next());
    p.name = this.consume(Identifier);
    this.consume(CKW.toward);
    this.consume(KW.sweep);
    p.sweep = this.consume(Identifier);
    this.consume(CKW.by);
    this.consume(CKW.at);
    this.consume(CKW.most);
    p.expecting = "value";
    p.value = this.expression();
    this.consume(CKW.per);
    this.consume(CKW.cycle);
    this.end();
    return true;
  }

  private setting(): true {
    const p = this.begin("Setting", this.next());
    p.expecting = "value";
    p.value = this.expression();
    this.modifiers(p);
    this.end();
    return true;
  }

  private modifiers(p: Parts): void {
    while (this.is(KW.tz) || this.is(KW.capped)) {
      const key = this.next();
      p.modifiers.push(this.b.modifier(key, this.expression()));
    }
  }

  private typeRef(): A.TypeRef {
    const name = this.consume(Identifier);
    const args: A.TypeRef[] = [];
    if (this.is(P.Lt)) {
      this.pos++;
      this.sep(P.Comma, () => args.push(this.typeRef()));
      this.consume(P.Gt);
    }
    return this.b.typeRef(name, args);
  }

  // ------------------------------------------------------------ expressions

  private expression(): A.Expr {
    const first = this.operand();
    // one operand without prefixes is what `climb` would return as it is
    if (first.prefixes.length === 0 && IS_BINOP[this.la(1).tokenTypeIdx] !== 1) return first.expr;
    const operands: Operand[] = [first];
    const ops: IToken[] = [];
    while (IS_BINOP[this.la(1).tokenTypeIdx] === 1) {
      ops.push(this.next());
      operands.push(this.operand());
    }
    return this.b.climb(operands, ops);
  }

  private operand(): Operand {
    let prefixes: IToken[] = NO_PREFIXES;
    while (this.is(KW.not) || this.is(P.Minus)) {
      if (prefixes === NO_PREFIXES) prefixes = [];
      prefixes.push(this.next());
    }
    const tok = this.la(1);
    let bars: IToken | undefined;
    let atom: IToken | A.Expr;
    if (IS_NUMBER[tok.tokenTypeIdx] === 1) {
      atom = this.next();
      if (this.is(KW.bars)) bars = this.next();
    } else if (IS_SIMPLE_ATOM[tok.tokenTypeIdx] === 1) atom = this.next();
    else if (tok.tokenType === P.LBrack) atom = this.listExpr();
    else if (tok.tokenType === P.LParen) atom = this.parenExpr();
    else throw BAIL;
    let expr = this.b.atom(atom, bars);
    for (;;) {
      const type = this.la(1).tokenType;
      let suffix: Suffix;
      if (type === P.LParen) suffix = this.callSuffix();
      else if (type === P.LBrack) {
        this.pos++;
        const index = this.expression();
        suffix = { kind: "index", index, end: this.consume(P.RBrack) };
      } else if (type === P.Dot) {
        this.pos++;
        suffix = { kind: "member", field: this.consume(Identifier) };
      } else break;
      expr = this.b.applySuffix(expr, suffix);
    }
    return { prefixes, expr };
  }

  private callSuffix(): Suffix {
    this.pos++;
    const args: A.Arg[] = [];
    if (!this.is(P.RParen)) {
      args.push(this.arg());
      while (this.is(P.Comma)) {
        this.pos++;
        args.push(this.arg());
      }
    }
    return { kind: "call", args, end: this.consume(P.RParen) };
  }

  private arg(): A.Arg {
    let name: IToken | undefined;
    if ((this.matches(Identifier) || this.matches(ReservedWord)) && this.is(P.Colon, 2)) {
      name = this.next();
      this.pos++;
    }
    return this.b.arg(name, this.expression());
  }

  private listExpr(): A.Expr {
    const open = this.next();
    const items: A.Expr[] = [];
    if (!this.is(P.RBrack)) {
      items.push(this.expression());
      while (this.is(P.Comma)) {
        this.pos++;
        items.push(this.expression());
      }
    }
    return this.b.list(open, items, this.consume(P.RBrack));
  }

  private parenExpr(): A.Expr {
    const open = this.next();
    const inner = this.expression();
    return this.b.paren(open, inner, this.consume(P.RParen));
  }
}
