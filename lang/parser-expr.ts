// The expression half of the grammar (and types), as a base class of the parser.
// Rules build AST nodes through the builder (build-expr.ts) in their actions.
// An expression is read as a flat `operand (op operand)*`: build-expr.ts applies
// precedence, so chains like `a < b < c` parse and can be explained (E0114).
// An operand is prefix operators (`not`, `-`), an atom, then suffixes; calls
// parse after any atom so `a.b(x)` can be explained (E0116).
// Invariants: no node is built while chevrotain records the grammar
// (RECORDING_PHASE); when an error unwinds an expression, the partial tree is
// left in `b.partialExpr` for the rule that recovers.

import { EmbeddedActionsParser, tokenLabel, type IParserErrorMessageProvider, type IToken } from "chevrotain";
import type * as A from "./ast.js";
import { AstBuilder } from "./build-ast.js";
import type { Operand, Suffix } from "./build-expr.js";
import { ALL_TOKENS, BinOp, BpsLit, DateLit, DurationLit, Identifier, KW, MoneyLit, P, PercentLit, PlainNumber, ReservedWord, StringLit } from "./lexer.js";
import { SourceFile } from "./source.js";

// Only the expected token's label is kept: parse-errors.ts writes the sentence,
// because it knows the construct and what was found.
const messages: IParserErrorMessageProvider = {
  buildMismatchTokenMessage: ({ expected }) => tokenLabel(expected),
  buildNotAllInputParsedMessage: () => "",
  buildNoViableAltMessage: () => "",
  buildEarlyExitMessage: () => "",
};

// Returned instead of a node while the grammar is being recorded.
const RECORDING = undefined as unknown as A.ErrorExpr;

/** Expression and type rules; parser.ts adds declarations and items. */
export class ExprRules extends EmbeddedActionsParser {
  /** Builds the nodes; reset for each file. */
  readonly b = new AstBuilder(new SourceFile("", ""));

  /** `validateGrammar` runs chevrotain's grammar checks; the shipped parser skips them (a test runs them). */
  constructor(validateGrammar: boolean) {
    super([...ALL_TOKENS], { recoveryEnabled: true, maxLookahead: 2, errorMessageProvider: messages, skipValidations: !validateGrammar });
  }

  /** A placeholder for a rule that recovered from an error inside an expression. */
  protected readonly recoverExpr = (): A.Expr => {
    this.b.partialExpr = null;
    return this.b.errorExpr();
  };

  expression = this.RULE(
    "expression",
    (): A.Expr => {
      const operands: Operand[] = [];
      const ops: IToken[] = [];
      try {
        operands.push(this.operand(0));
        this.MANY(() => {
          ops.push(this.CONSUME(BinOp));
          operands.push(this.operand(1));
        });
      } catch (e) {
        // Keep what was read for the rule that recovers (an item, a list, an argument).
        if (!this.RECORDING_PHASE) this.b.partialExpr = this.b.climb(operands, ops);
        throw e;
      }
      return this.RECORDING_PHASE ? RECORDING : this.b.climb(operands, ops);
    },
    { recoveryValueFunc: () => this.b.takePartialExpr() },
  );

  private atomAlts?: { ALT: () => IToken | A.Expr }[][];
  private suffixAlts?: { ALT: () => Suffix }[][];
  private bars: IToken | undefined;

  // An operand, inlined into `expression` at two sites (`site` keeps chevrotain's
  // occurrence indexes apart) rather than a rule of its own: a rule invocation
  // per operand was a tenth of parse time.
  private operand(site: 0 | 1): Operand {
    const prefixes: IToken[] = [];
    this.many(2 + site, () => {
      prefixes.push(this.or(2 + site, [{ ALT: () => this.consume(2 + site, KW.not) }, { ALT: () => this.consume(2 + site, P.Minus) }]));
    });
    this.bars = undefined;
    // Cached alternatives: building 13 closures per operand would dominate.
    const atom = this.or(4 + site, ((this.atomAlts ??= [])[site] ??= this.atomAlternatives(site)));
    let expr = this.RECORDING_PHASE ? RECORDING : this.b.atom(atom, this.bars);
    this.many(4 + site, () => {
      const suffix = this.or(
        6 + site,
        ((this.suffixAlts ??= [])[site] ??= [
          { ALT: () => this.subrule(2 + site, this.callSuffix) },
          { ALT: () => this.subrule(2 + site, this.indexSuffix) },
          { ALT: () => this.subrule(2 + site, this.memberSuffix) },
        ]),
      );
      if (!this.RECORDING_PHASE) expr = this.b.applySuffix(expr, suffix);
    });
    return { prefixes, expr };
  }

  private atomAlternatives(site: 0 | 1): { ALT: () => IToken | A.Expr }[] {
    const k = 4 + site;
    return [
      {
        ALT: () => {
          const n = this.consume(k, PlainNumber);
          this.option(k, () => {
            this.bars = this.consume(k, KW.bars);
          });
          return n;
        },
      },
      { ALT: () => this.consume(k, PercentLit) },
      { ALT: () => this.consume(k, BpsLit) },
      { ALT: () => this.consume(k, MoneyLit) },
      { ALT: () => this.consume(k, DurationLit) },
      { ALT: () => this.consume(k, StringLit) },
      { ALT: () => this.consume(k, DateLit) },
      { ALT: () => this.consume(k, KW.true) },
      { ALT: () => this.consume(k, KW.false) },
      { ALT: () => this.consume(k, Identifier) },
      { ALT: () => this.consume(k, KW.grid) },
      { ALT: () => this.subrule(k, this.listExpr) },
      { ALT: () => this.subrule(k, this.parenExpr) },
    ];
  }

  callSuffix = this.RULE(
    "callSuffix",
    (): Suffix => {
      const args: A.Arg[] = [];
      this.CONSUME(P.LParen);
      this.OPTION(() => {
        args.push(this.SUBRULE(this.arg));
        this.MANY(() => {
          this.CONSUME(P.Comma);
          args.push(this.SUBRULE2(this.arg));
        });
      });
      const end = this.CONSUME(P.RParen);
      return { kind: "call", args, end };
    },
    { recoveryValueFunc: (): Suffix => ({ kind: "call", args: [], end: undefined }) },
  );

  arg = this.RULE(
    "arg",
    (): A.Arg => {
      let name: IToken | undefined;
      this.OPTION(() => {
        name = this.OR([{ ALT: () => this.CONSUME(Identifier) }, { ALT: () => this.CONSUME(ReservedWord) }]);
        this.CONSUME(P.Colon);
      });
      const value = this.SUBRULE(this.expression);
      return this.RECORDING_PHASE ? (RECORDING as unknown as A.Arg) : this.b.arg(name, value);
    },
    { recoveryValueFunc: () => this.b.arg(undefined, this.b.takePartialExpr()) },
  );

  indexSuffix = this.RULE(
    "indexSuffix",
    (): Suffix => {
      this.CONSUME(P.LBrack);
      const index = this.SUBRULE(this.expression);
      const end = this.CONSUME(P.RBrack);
      return { kind: "index", index, end };
    },
    { recoveryValueFunc: (): Suffix => ({ kind: "index", index: this.recoverExpr(), end: undefined }) },
  );

  memberSuffix = this.RULE(
    "memberSuffix",
    (): Suffix => {
      this.CONSUME(P.Dot);
      return { kind: "member", field: this.CONSUME(Identifier) };
    },
    { recoveryValueFunc: (): Suffix => ({ kind: "member", field: undefined }) },
  );

  listExpr = this.RULE(
    "listExpr",
    (): A.Expr => {
      const items: A.Expr[] = [];
      const open = this.CONSUME(P.LBrack);
      this.OPTION(() => {
        items.push(this.SUBRULE(this.expression));
        this.MANY(() => {
          this.CONSUME(P.Comma);
          items.push(this.SUBRULE2(this.expression));
        });
      });
      const close = this.CONSUME(P.RBrack);
      return this.RECORDING_PHASE ? RECORDING : this.b.list(open, items, close);
    },
    { recoveryValueFunc: this.recoverExpr },
  );

  parenExpr = this.RULE(
    "parenExpr",
    (): A.Expr => {
      const open = this.CONSUME(P.LParen);
      const inner = this.SUBRULE(this.expression);
      const close = this.CONSUME(P.RParen);
      return this.RECORDING_PHASE ? RECORDING : this.b.paren(open, inner, close);
    },
    { recoveryValueFunc: this.recoverExpr },
  );

  typeRef = this.RULE(
    "typeRef",
    (): A.TypeRef => {
      const name = this.CONSUME(Identifier);
      const args: A.TypeRef[] = [];
      this.OPTION(() => {
        this.CONSUME(P.Lt);
        this.AT_LEAST_ONE_SEP({
          SEP: P.Comma,
          DEF: () => {
            args.push(this.SUBRULE(this.typeRef));
          },
        });
        this.CONSUME(P.Gt);
      });
      return this.RECORDING_PHASE ? (RECORDING as unknown as A.TypeRef) : this.b.typeRef(name, args);
    },
    { recoveryValueFunc: () => this.b.typeRef(undefined, []) },
  );
}
