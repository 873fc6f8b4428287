// Parser: tokens → AST, with chevrotain error recovery.
// Input: tokens from lexer.ts. Output: a Module (ids still 0), chevrotain's
// recognition exceptions, the block headers and declaration ends parse.ts needs
// to word and de-duplicate errors, and the builder's diagnostics.
// Invariants: built once, on first use, with `performSelfAnalysis()`; recovery
// on, so a broken item still becomes a node from the parts that were read
// (build-ast.ts) and parsing continues with the next item.
// Whitespace is insignificant: an item ends where its grammar cannot continue,
// so no item may start with a token that can continue an expression.
// Why actions and not a CST: building a CST and then walking it cost two to three
// times the parse itself, and the workspace budget is tight (see parse.ts).

import { tokenMatcher, type IRecognitionException, type IToken, type TokenType } from "chevrotain";
import type * as A from "./ast.js";
import type { BlockHeader } from "./parse-errors.js";
import { Identifier, KW, P, StringLit } from "./lexer.js";
import { parseClean } from "./parser-fast.js";
import { ItemRules } from "./parser-items.js";
import type { Diagnostic } from "./diagnostics/diagnostic.js";
import type { SourceFile } from "./source.js";

/** Declaration keywords, in the order of `BlockKind`. */
export const BLOCK_KEYWORDS: readonly TokenType[] = [KW.strategy, KW.gate, KW.sweep, KW.sleeve, KW.portfolio, KW.promotion, KW.schedule];

/** The strat grammar; `validateGrammar` runs chevrotain's grammar checks during self-analysis. */
export class StratParser extends ItemRules {
  constructor(validateGrammar = false) {
    super(validateGrammar);
    this.performSelfAnalysis();
  }

  module = this.RULE(
    "module",
    (): A.Module => {
      this.MANY(() => this.OR([{ ALT: () => this.SUBRULE(this.importDecl) }, { ALT: () => this.SUBRULE(this.constDecl) }, { ALT: () => this.SUBRULE(this.blockDecl) }]));
      return this.RECORDING_PHASE ? (undefined as unknown as A.Module) : this.b.module();
    },
    { recoveryValueFunc: () => this.b.module() },
  );

  importDecl = this.RULE(
    "importDecl",
    (): void => {
      const p = this.begin("Import", this.CONSUME(KW.import));
      this.OR([
        {
          ALT: () => {
            p.path = this.CONSUME(StringLit);
          },
        },
        {
          ALT: () => {
            const names: IToken[] = (p.names = []);
            this.CONSUME(P.LCurly);
            this.AT_LEAST_ONE_SEP({
              SEP: P.Comma,
              DEF: () => {
                names.push(this.CONSUME(Identifier));
              },
            });
            this.CONSUME(P.RCurly);
            this.CONSUME(KW.from);
            p.path = this.CONSUME2(StringLit);
          },
        },
      ]);
      this.end();
    },
    this.recoverParts,
  );

  constDecl = this.RULE(
    "constDecl",
    (): void => {
      const p = this.begin("Const", this.CONSUME(KW.const));
      p.name = this.CONSUME(Identifier);
      this.OPTION(() => {
        this.CONSUME(P.Colon);
        p.type = this.SUBRULE(this.typeRef);
      });
      this.CONSUME(P.Equals);
      p.expecting = "value";
      p.value = this.SUBRULE(this.expression);
      this.end();
    },
    this.recoverParts,
  );

  private blockKeywordAlts?: { ALT: () => IToken }[];
  private itemAlts?: { ALT: () => void }[];

  blockDecl = this.RULE(
    "blockDecl",
    (): void => {
      const kw = this.OR((this.blockKeywordAlts ??= BLOCK_KEYWORDS.map((tok) => ({ ALT: () => this.CONSUME(tok) }))));
      if (!this.RECORDING_PHASE) this.b.beginBlock(kw);
      const name = this.CONSUME(Identifier);
      const open = this.CONSUME(P.LCurly);
      if (!this.RECORDING_PHASE) this.b.openBlock(name, open);
      // `strategy x {` inside a block is the next declaration (a `}` is missing),
      // not the setting `strategy x`: stop here so recovery inserts the `}`.
      this.MANY({
        GATE: () => !this.atDeclarationStart(),
        DEF: () =>
          this.OR2(
            (this.itemAlts ??= [
              { ALT: () => this.SUBRULE(this.paramItem) },
              { ALT: () => this.SUBRULE(this.modelItem) },
              { ALT: () => this.SUBRULE(this.letItem) },
              { ALT: () => this.SUBRULE(this.entryItem) },
              { ALT: () => this.SUBRULE(this.exitItem) },
              { ALT: () => this.SUBRULE(this.requireItem) },
              { ALT: () => this.SUBRULE(this.gridItem) },
              { ALT: () => this.SUBRULE(this.constraintItem) },
              { ALT: () => this.SUBRULE(this.windowsItem) },
              { ALT: () => this.SUBRULE(this.selectItem) },
              { ALT: () => this.SUBRULE(this.moveItem) },
              { ALT: () => this.SUBRULE(this.adjustItem) },
              { ALT: () => this.SUBRULE(this.rolloutItem) },
              { ALT: () => this.SUBRULE(this.rollbackItem) },
              { ALT: () => this.SUBRULE(this.runItem) },
              { ALT: () => this.SUBRULE(this.setting) },
            ]),
          ),
      });
      const close = this.CONSUME(P.RCurly);
      if (!this.RECORDING_PHASE) this.b.endBlock(close);
    },
    { recoveryValueFunc: () => this.b.endBlock(undefined) },
  );

  private atDeclarationStart(): boolean {
    return BLOCK_KEYWORDS.includes(this.LA(1).tokenType) && tokenMatcher(this.LA(2), Identifier) && this.LA(3).tokenType === P.LCurly;
  }
}

// Grammar validation costs ~50 ms of every cold start; parser.test.ts runs it instead.
// Self-analysis costs another ~70 ms, so the parser is only built the first time
// a file needs it: files without syntax errors take the fast path and never do.
let shared: StratParser | null = null;

/** What `parseTokens` returns. */
export interface ParserOutput {
  /** The module; node ids are all 0 until number-ids.ts numbers them. */
  readonly module: A.Module;
  readonly errors: readonly IRecognitionException[];
  readonly headers: readonly BlockHeader[];
  /** End offsets of declarations closed properly. */
  readonly declEnds: readonly number[];
  /** Diagnostics found while building nodes (E0106, E0107, E0114, E0116–E0118). */
  readonly diagnostics: readonly Diagnostic[];
}

/**
 * Parses a token stream into an AST. Never throws on bad input. A file without
 * syntax errors takes the hand-written fast path (parser-fast.ts); `fastPath`
 * false forces chevrotain, so tests can check both give the same output.
 */
export function parseTokens(tokens: IToken[], file: SourceFile, docs: ReadonlyMap<number, string>, fastPath = true): ParserOutput {
  const clean = fastPath ? parseClean(tokens, file, docs) : null;
  if (clean !== null) return { ...clean, errors: [] };
  const parser = (shared ??= new StratParser());
  parser.b.start(file, docs);
  parser.input = tokens;
  const module = parser.module() ?? parser.b.module();
  return { module, errors: parser.errors, headers: parser.b.headers, declEnds: parser.b.declEnds, diagnostics: parser.b.diagnostics };
}
