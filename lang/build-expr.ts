// Expression nodes, built by the grammar's actions (parser.ts), and the builder
// state shared with build-ast.ts.
// The grammar reads an expression as a flat `operand (op operand)*`; `climb`
// applies precedence (loosest first: or, and, not, comparisons, `..`, + -, * /,
// unary -, postfix).
// Codes: E0106 invalid date, E0107 number out of range, E0114 chained comparison
// or range, E0116 non-name callee.
// Invariants: nodes are created with id 0; number-ids.ts numbers the finished
// tree. Tokens inserted by recovery (NaN offsets) never reach a span: spans
// anchor to the end of the last real token seen.

import type { IToken } from "chevrotain";
import type * as A from "./ast.js";
import type { Diagnostic } from "./diagnostics/diagnostic.js";
import { chainedComparison, invalidDate, notCallable, numberOutOfRange } from "./diagnostics/syntax-errors.js";
import { decodeString } from "./lexer.js";
import { isCalendarDate, parseNumericLiteral } from "./literals.js";
import type { SourceFile, Span } from "./source.js";

/** True for a token that was really read (not inserted by recovery, not EOF). */
export function isReal(tok: IToken | undefined): tok is IToken {
  return tok !== undefined && tok.isInsertedInRecovery !== true && Number.isFinite(tok.startOffset) && tok.tokenType.name !== "EOF";
}

/** One operand of an expression: its prefix operators (`not`, `-`) and its atom with suffixes applied. */
export interface Operand {
  readonly prefixes: readonly IToken[];
  readonly expr: A.Expr;
}

/** A parsed suffix: `(args)`, `[index]` or `.field`, with its closing token. */
export type Suffix =
  | { readonly kind: "call"; readonly args: readonly A.Arg[]; readonly end: IToken | undefined }
  | { readonly kind: "index"; readonly index: A.Expr; readonly end: IToken | undefined }
  | { readonly kind: "member"; readonly field: IToken | undefined };

const CMP = 3;
const RANGE = 4;
const PRECEDENCE: Readonly<Record<string, number>> = {
  or: 1,
  and: 2,
  "<": CMP,
  "<=": CMP,
  ">": CMP,
  ">=": CMP,
  "==": CMP,
  "!=": CMP,
  "..": RANGE,
  "+": 5,
  "-": 5,
  "*": 6,
  "/": 6,
};

/** Builder state and expression nodes; build-ast.ts adds declarations and items. */
export class ExprBuilder {
  diagnostics: Diagnostic[] = [];
  /** End of the last real token turned into a node: where placeholders anchor. */
  lastEnd = 0;
  /** The expression that was being parsed when an error unwound it, for the recovering rule. */
  partialExpr: A.Expr | null = null;

  constructor(public file: SourceFile) {}

  /** Starts a new file. */
  reset(file: SourceFile): void {
    this.file = file;
    this.diagnostics = [];
    this.lastEnd = 0;
    this.partialExpr = null;
  }

  // ------------------------------------------------------------ tokens and spans

  /** The span of a real token; records it as the anchor for placeholders. */
  tokSpan(tok: IToken): Span {
    const end = tok.startOffset + tok.image.length;
    if (end > this.lastEnd) this.lastEnd = end;
    return { file: this.file.path, start: tok.startOffset, end };
  }

  /** A zero-width span after the last real token seen. */
  anchor(): Span {
    return { file: this.file.path, start: this.lastEnd, end: this.lastEnd };
  }

  /** From `start` to the end of `last` (or to the anchor when `last` is not real). */
  spanFrom(start: number, last: IToken | undefined): Span {
    const end = isReal(last) ? Math.max(last.startOffset + last.image.length, this.lastEnd) : this.lastEnd;
    if (end > this.lastEnd) this.lastEnd = end;
    return { file: this.file.path, start, end: Math.max(start, end) };
  }

  /** A name; an Ident with an empty name when the token is missing. */
  ident(tok: IToken | undefined): A.Ident {
    if (!isReal(tok)) return { kind: "Ident", id: 0, span: this.anchor(), name: "" };
    return { kind: "Ident", id: 0, span: this.tokSpan(tok), name: tok.image };
  }

  /** A placeholder where an expression could not be read. */
  errorExpr(span: Span = this.anchor()): A.ErrorExpr {
    return { kind: "ErrorExpr", id: 0, span };
  }

  /** The partial expression an error left behind (or a placeholder), clearing it. */
  takePartialExpr(): A.Expr {
    const partial = this.partialExpr;
    this.partialExpr = null;
    return partial ?? this.errorExpr();
  }

  // ------------------------------------------------------------ atoms

  /** A literal or name token, or a list/paren already built. */
  atom(value: IToken | A.Expr | undefined, bars: IToken | undefined): A.Expr {
    if (value === undefined) return this.errorExpr();
    if (!("tokenType" in value)) return value;
    if (!isReal(value)) return this.errorExpr();
    const span = this.tokSpan(value);
    switch (value.tokenType.name) {
      case "StringLit":
      case "UnterminatedString":
        return this.stringLit(value);
      case "DateLit":
        if (!isCalendarDate(value.image)) {
          this.diagnostics.push(invalidDate(span, value.image));
          return this.errorExpr(span);
        }
        return { kind: "DateLit", id: 0, span, value: value.image };
      case "True":
      case "False":
        return { kind: "BoolLit", id: 0, span, value: value.image === "true" };
      case "BadNumber":
        return this.errorExpr(span); // reported by the lexer (E0105)
      case "PlainNumber":
      case "PercentLit":
      case "BpsLit":
      case "MoneyLit":
      case "DurationLit":
        return this.numberLit(value, span, bars);
      default: // a name, a contextual keyword used as a name, or `grid`
        return { kind: "Name", id: 0, span, name: { kind: "Ident", id: 0, span, name: value.image } };
    }
  }

  private numberLit(tok: IToken, span: Span, bars: IToken | undefined): A.Expr {
    if (isReal(bars) && tok.tokenType.name === "PlainNumber") {
      const full = { file: this.file.path, start: span.start, end: this.tokSpan(bars).end };
      return { kind: "NumberLit", id: 0, span: full, value: Number(tok.image), unit: "bars", raw: `${tok.image} bars`, integral: !/[.eE]/.test(tok.image) };
    }
    const lit = parseNumericLiteral(tok.image);
    if (!Number.isFinite(lit.value)) {
      this.diagnostics.push(numberOutOfRange(span, tok.image));
      return this.errorExpr(span);
    }
    return { kind: "NumberLit", id: 0, span, value: lit.value, unit: lit.unit, raw: tok.image, integral: lit.integral };
  }

  /** A string literal token. */
  stringLit(tok: IToken): A.StringLit {
    return { kind: "StringLit", id: 0, span: this.tokSpan(tok), value: decodeString(tok.image), raw: tok.image };
  }

  /** `[a, b]` from its brackets. */
  list(open: IToken, items: readonly A.Expr[], close: IToken | undefined): A.ListExpr {
    return { kind: "List", id: 0, span: this.spanFrom(open.startOffset, close), items };
  }

  /** `( inner )`. */
  paren(open: IToken, inner: A.Expr, close: IToken | undefined): A.ParenExpr {
    return { kind: "Paren", id: 0, span: this.spanFrom(open.startOffset, close), inner };
  }

  /** `name: value` or `value`. */
  arg(name: IToken | undefined, value: A.Expr): A.Arg {
    const start = isReal(name) ? name.startOffset : value.span.start;
    return { kind: "Arg", id: 0, span: { file: this.file.path, start, end: Math.max(value.span.end, start) }, name: name === undefined ? null : this.ident(name), value };
  }

  /** Applies a call, index or member suffix; only a plain name can be called (E0116). */
  applySuffix(target: A.Expr, suffix: Suffix): A.Expr {
    const start = target.span.start;
    switch (suffix.kind) {
      case "call": {
        const span = this.spanFrom(start, suffix.end);
        if (target.kind !== "Name") {
          if (target.kind !== "ErrorExpr") this.diagnostics.push(notCallable(target.span));
          return this.errorExpr(span);
        }
        return { kind: "Call", id: 0, span, callee: target.name, args: suffix.args };
      }
      case "index":
        return { kind: "Index", id: 0, span: this.spanFrom(start, suffix.end), target, index: suffix.index };
      case "member": {
        const field = this.ident(suffix.field);
        return { kind: "Member", id: 0, span: { file: this.file.path, start, end: Math.max(field.span.end, target.span.end) }, target, field };
      }
    }
  }

  // ------------------------------------------------------------ operators

  /** Applies precedence to `operands[0] ops[0] operands[1] ...`; a missing last operand becomes an ErrorExpr. */
  climb(operands: readonly Operand[], ops: readonly IToken[]): A.Expr {
    const first = operands[0];
    if (first === undefined) return this.errorExpr();
    if (ops.length === 0 && first.prefixes.length === 0) return first.expr;
    return new Climber(this, operands, ops).parse(0);
  }

  /** `a < b < c`: one E0114 and a placeholder for the whole chain. */
  chain(ops: readonly IToken[], operands: readonly A.Expr[]): A.Expr {
    const first = operands[0];
    const last = operands[operands.length - 1];
    const span = { file: this.file.path, start: first?.span.start ?? this.lastEnd, end: last?.span.end ?? this.lastEnd };
    const text = operands.map((o) => this.file.text.slice(o.span.start, o.span.end));
    const isRange = ops[0]?.image === "..";
    const pairs = ops.map((op, i) => `${text[i] ?? "?"}${isRange ? ".." : ` ${op.image} `}${text[i + 1] ?? "?"}`);
    this.diagnostics.push(chainedComparison(span, isRange ? "range" : "comparison", pairs.join(" and ")));
    return this.errorExpr(span);
  }

  /** `left op right`; `..` makes a Range. */
  binary(op: IToken, left: A.Expr, right: A.Expr): A.Expr {
    this.tokSpan(op);
    const span = { file: this.file.path, start: left.span.start, end: Math.max(right.span.end, left.span.end) };
    if (op.image === "..") return { kind: "Range", id: 0, span, from: left, to: right };
    return { kind: "Binary", id: 0, span, op: op.image as A.BinaryOp, left, right };
  }

  /** `not x`, `-x`. */
  unary(op: IToken, operand: A.Expr): A.Expr {
    const start = op.startOffset;
    return { kind: "Unary", id: 0, span: { file: this.file.path, start, end: Math.max(operand.span.end, start + op.image.length) }, op: op.image === "not" ? "not" : "-", operand };
  }
}

/** Precedence climbing over a flat operand/operator sequence. */
class Climber {
  private operandIndex = 0;
  private prefixIndex = 0;
  private opIndex = 0;

  constructor(
    private readonly b: ExprBuilder,
    private readonly operands: readonly Operand[],
    private readonly ops: readonly IToken[],
  ) {}

  /** Parses operators binding at least as tightly as `minPrec`. */
  parse(minPrec: number): A.Expr {
    let left = this.unary();
    for (let op = this.ops[this.opIndex]; op !== undefined; op = this.ops[this.opIndex]) {
      const prec = PRECEDENCE[op.image] ?? 0;
      if (prec < minPrec) break;
      this.opIndex++;
      const right = this.parse(prec + 1);
      const nonAssociative = prec === CMP || prec === RANGE;
      if (nonAssociative && PRECEDENCE[this.ops[this.opIndex]?.image ?? ""] === prec) {
        const ops = [op];
        const chained = [left, right];
        for (let next = this.ops[this.opIndex]; next !== undefined && PRECEDENCE[next.image] === prec; next = this.ops[this.opIndex]) {
          this.opIndex++;
          ops.push(next);
          chained.push(this.parse(prec + 1));
        }
        left = this.b.chain(ops, chained);
      } else {
        left = this.b.binary(op, left, right);
      }
    }
    return left;
  }

  private unary(): A.Expr {
    const operand = this.operands[this.operandIndex];
    if (operand === undefined) {
      this.operandIndex++;
      const op = this.ops[this.opIndex - 1];
      const after = op === undefined ? this.b.lastEnd : op.startOffset + op.image.length;
      return this.b.errorExpr({ file: this.b.file.path, start: after, end: after });
    }
    const prefix = operand.prefixes[this.prefixIndex];
    if (prefix !== undefined) {
      this.prefixIndex++;
      // `not` covers a whole comparison (`not a == b`); `-` only its operand.
      const inner = prefix.image === "not" ? this.parse(CMP) : this.unary();
      return this.b.unary(prefix, inner);
    }
    this.operandIndex++;
    this.prefixIndex = 0;
    return operand.expr;
  }
}
