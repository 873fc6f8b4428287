// The item half of the grammar: every form that can appear inside a block, as a
// layer between the expression rules (parser-expr.ts) and the declarations
// (parser.ts). Each item rule fills a Parts record (build-ast.ts) as it reads;
// `recoverParts` turns a record cut short by an error into a node.
// Invariants: every item is chosen by its first token (LL(1)); `model` decides
// between `model NAME = call` and the setting `model <expr>` itself.

import type { IToken, TokenType } from "chevrotain";
import type * as A from "./ast.js";
import { scratchParts, type Parts, type PartsKind } from "./build-ast.js";
import { CKW, Identifier, KW, P } from "./lexer.js";
import { ExprRules } from "./parser-expr.js";

/** Reserved words that may be a setting key inside a block (`bars daily`, `strategy x` in a sweep); `model` is handled by modelItem. */
const KEYWORD_KEYS: readonly TokenType[] = [KW.bars, KW.strategy, KW.gate, KW.sweep];

/** Block items; parser.ts adds the declarations around them. */
export class ItemRules extends ExprRules {
  /** Starts the parts of an import, const or item (a scratch record while recording). */
  protected begin(kind: PartsKind, first: IToken): Parts {
    return this.RECORDING_PHASE ? scratchParts(first) : this.b.beginParts(kind, first);
  }

  /** Ends the current parts at the last token read. */
  protected end(): void {
    if (!this.RECORDING_PHASE) this.b.endParts(this.LA(0), false);
  }

  /** An item cut short by an error becomes a node from its parts. */
  protected readonly recoverParts = { recoveryValueFunc: (): void => this.b.endParts(this.LA(0), true) };

  // ------------------------------------------------------------ items

  paramItem = this.RULE(
    "paramItem",
    (): void => {
      const p = this.begin("Param", this.CONSUME(KW.param));
      p.name = this.CONSUME(Identifier);
      this.CONSUME(P.Colon);
      p.type = this.SUBRULE(this.typeRef);
      this.OPTION(() => {
        this.CONSUME(KW.in);
        p.domain = this.SUBRULE(this.domain);
      });
      this.OPTION2(() => {
        this.CONSUME(P.Equals);
        p.expecting = "value";
        p.value = this.SUBRULE(this.expression);
      });
      this.end();
    },
    this.recoverParts,
  );

  domain = this.RULE(
    "domain",
    (): A.Domain =>
      this.OR([
        {
          ALT: () => {
            const open = this.CONSUME(P.LBrack);
            const lo = this.SUBRULE(this.expression);
            this.CONSUME(P.Comma);
            const hi = this.SUBRULE2(this.expression);
            const close = this.CONSUME(P.RBrack);
            return this.RECORDING_PHASE ? (undefined as unknown as A.Domain) : this.b.rangeDomain(open, lo, hi, close);
          },
        },
        {
          ALT: () => {
            const values: A.Expr[] = [];
            const open = this.CONSUME(P.LCurly);
            this.AT_LEAST_ONE_SEP({
              SEP: P.Comma,
              DEF: () => {
                values.push(this.SUBRULE3(this.expression));
              },
            });
            const close = this.CONSUME(P.RCurly);
            return this.RECORDING_PHASE ? (undefined as unknown as A.Domain) : this.b.setDomain(open, values, close);
          },
        },
      ]),
    { recoveryValueFunc: () => this.b.missingDomain() },
  );

  // `model NAME = call` or the setting `model <expr>`: decided here, two tokens in,
  // so every other item is chosen by its first token alone (LL(1) is the fast path).
  modelItem = this.RULE(
    "modelItem",
    (): void => {
      const p = this.begin("Model", this.CONSUME(KW.model));
      this.OR([
        {
          ALT: () => {
            p.name = this.CONSUME(Identifier);
            this.CONSUME(P.Equals);
            p.expecting = "value";
            p.value = this.SUBRULE(this.expression);
          },
        },
        {
          ALT: () => {
            p.kind = "Setting";
            p.expecting = "value";
            p.value = this.SUBRULE2(this.expression);
            this.MANY(() => {
              p.modifiers.push(this.SUBRULE(this.modifier));
            });
          },
        },
      ]);
      this.end();
    },
    this.recoverParts,
  );

  letItem = this.RULE(
    "letItem",
    (): void => {
      const p = this.begin("Let", this.CONSUME(KW.let));
      p.name = this.CONSUME(Identifier);
      this.CONSUME(P.Equals);
      p.expecting = "value";
      p.value = this.SUBRULE(this.expression);
      this.end();
    },
    this.recoverParts,
  );

  entryItem = this.RULE(
    "entryItem",
    (): void => {
      const p = this.begin("Entry", this.CONSUME(KW.entry));
      p.side = this.CONSUME(Identifier);
      this.CONSUME(KW.when);
      p.expecting = "value";
      p.value = this.SUBRULE(this.expression);
      this.end();
    },
    this.recoverParts,
  );

  exitItem = this.RULE(
    "exitItem",
    (): void => {
      const p = this.begin("Exit", this.CONSUME(KW.exit));
      this.OPTION(() => {
        p.side = this.CONSUME(Identifier);
      });
      this.CONSUME(KW.when);
      p.expecting = "value";
      p.value = this.SUBRULE(this.expression);
      this.end();
    },
    this.recoverParts,
  );

  requireItem = this.RULE(
    "requireItem",
    (): void => {
      const p = this.begin("Require", this.CONSUME(KW.require));
      p.expecting = "value";
      p.value = this.SUBRULE(this.expression);
      this.OPTION(() => {
        this.CONSUME(KW.else);
        p.hasElse = true;
        p.orElse = this.CONSUME(Identifier);
      });
      this.end();
    },
    this.recoverParts,
  );

  gridItem = this.RULE(
    "gridItem",
    (): void => {
      const p = this.begin("Grid", this.CONSUME(KW.grid));
      p.name = this.CONSUME(Identifier);
      this.CONSUME(P.Equals);
      p.expecting = "value";
      p.value = this.SUBRULE(this.expression);
      this.OPTION(() => {
        this.CONSUME(CKW.step);
        p.expecting = "step";
        p.step = this.SUBRULE2(this.expression);
      });
      this.end();
    },
    this.recoverParts,
  );

  constraintItem = this.RULE(
    "constraintItem",
    (): void => {
      const p = this.begin("Constraint", this.CONSUME(KW.constraint));
      p.expecting = "value";
      p.value = this.SUBRULE(this.expression);
      this.end();
    },
    this.recoverParts,
  );

  windowsItem = this.RULE(
    "windowsItem",
    (): void => {
      const p = this.begin("Windows", this.CONSUME(KW.windows));
      this.AT_LEAST_ONE_SEP({
        SEP: P.Comma,
        DEF: () => {
          p.windows.push(this.SUBRULE(this.windowSpec));
        },
      });
      this.end();
    },
    this.recoverParts,
  );

  windowSpec = this.RULE(
    "windowSpec",
    (): A.WindowSpec => {
      const label = this.CONSUME(Identifier);
      const range = this.SUBRULE(this.expression);
      return this.RECORDING_PHASE ? (undefined as unknown as A.WindowSpec) : this.b.window(label, range);
    },
    { recoveryValueFunc: () => this.b.window(undefined, this.b.takePartialExpr()) },
  );

  selectItem = this.RULE(
    "selectItem",
    (): void => {
      const p = this.begin("Select", this.CONSUME(KW.select));
      p.side = this.CONSUME(Identifier);
      p.expecting = "value";
      p.value = this.SUBRULE(this.expression);
      this.OPTION(() => {
        this.CONSUME(CKW.subject);
        this.CONSUME(CKW.to);
        p.hasSubject = true;
        p.subjectTo = this.CONSUME2(Identifier);
      });
      this.end();
    },
    this.recoverParts,
  );

  moveItem = this.RULE(
    "moveItem",
    (): void => {
      const p = this.begin("Move", this.OR([{ ALT: () => this.CONSUME(KW.promote) }, { ALT: () => this.CONSUME(KW.demote) }]));
      p.name = this.CONSUME(Identifier);
      this.CONSUME(P.Arrow);
      p.to = this.CONSUME2(Identifier);
      this.CONSUME(KW.when);
      p.trigger = this.SUBRULE(this.trigger);
      this.end();
    },
    this.recoverParts,
  );

  trigger = this.RULE(
    "trigger",
    (): A.Trigger =>
      this.OR([
        {
          ALT: () => {
            const gate = this.CONSUME(Identifier);
            const outcome = this.OR2([{ ALT: () => this.CONSUME(CKW.passes) }, { ALT: () => this.CONSUME(CKW.fails) }]);
            const count = this.SUBRULE(this.expression);
            this.CONSUME(CKW.consecutive);
            const last = this.CONSUME(CKW.runs);
            return this.RECORDING_PHASE ? (undefined as unknown as A.Trigger) : this.b.gateStreak(gate, outcome, count, last);
          },
        },
        {
          ALT: () => {
            const condition = this.SUBRULE2(this.expression);
            this.CONSUME(CKW.over);
            const window = this.SUBRULE3(this.expression);
            return this.RECORDING_PHASE ? (undefined as unknown as A.Trigger) : this.b.metricOver(condition, window);
          },
        },
      ]),
    {
      recoveryValueFunc: () => {
        this.b.partialExpr = null;
        return this.b.missingTrigger();
      },
    },
  );

  adjustItem = this.RULE(
    "adjustItem",
    (): void => {
      const p = this.begin("Adjust", this.CONSUME(KW.adjust));
      p.name = this.CONSUME(Identifier);
      this.CONSUME(CKW.toward);
      this.CONSUME(KW.sweep);
      p.sweep = this.CONSUME2(Identifier);
      this.CONSUME(CKW.by);
      this.CONSUME(CKW.at);
      this.CONSUME(CKW.most);
      p.expecting = "value";
      p.value = this.SUBRULE(this.expression);
      this.CONSUME(CKW.per);
      this.CONSUME(CKW.cycle);
      this.end();
    },
    this.recoverParts,
  );

  rolloutItem = this.RULE(
    "rolloutItem",
    (): void => {
      const p = this.begin("Rollout", this.CONSUME(KW.rollout));
      p.expecting = "stage";
      this.AT_LEAST_ONE_SEP({
        SEP: P.Arrow,
        DEF: () => {
          p.stages.push(this.SUBRULE(this.expression));
        },
      });
      p.expecting = undefined;
      this.end();
    },
    this.recoverParts,
  );

  rollbackItem = this.RULE(
    "rollbackItem",
    (): void => {
      const p = this.begin("Rollback", this.CONSUME(KW.rollback));
      this.CONSUME(KW.when);
      p.trigger = this.SUBRULE(this.trigger);
      this.end();
    },
    this.recoverParts,
  );

  runItem = this.RULE(
    "runItem",
    (): void => {
      const p = this.begin("Run", this.CONSUME(KW.run));
      this.AT_LEAST_ONE_SEP({
        SEP: CKW.then,
        DEF: () => {
          p.steps.push(this.CONSUME(Identifier));
        },
      });
      this.end();
    },
    this.recoverParts,
  );

  private settingKeyAlts?: { ALT: () => IToken }[];

  setting = this.RULE(
    "setting",
    (): void => {
      const key = this.OR((this.settingKeyAlts ??= [Identifier, ...KEYWORD_KEYS].map((tok) => ({ ALT: () => this.CONSUME(tok) }))));
      const p = this.begin("Setting", key);
      p.expecting = "value";
      p.value = this.SUBRULE(this.expression);
      this.MANY(() => {
        p.modifiers.push(this.SUBRULE(this.modifier));
      });
      this.end();
    },
    this.recoverParts,
  );

  modifier = this.RULE(
    "modifier",
    (): A.Modifier => {
      const key = this.OR([{ ALT: () => this.CONSUME(KW.tz) }, { ALT: () => this.CONSUME(KW.capped) }]);
      const value = this.SUBRULE(this.expression);
      return this.RECORDING_PHASE ? (undefined as unknown as A.Modifier) : this.b.modifier(key, value);
    },
    { recoveryValueFunc: () => this.b.modifier(undefined, this.b.takePartialExpr()) },
  );
}
