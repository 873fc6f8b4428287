// The abstract syntax tree. Built from the CST by build-ast.ts; read by the
// resolver, checker, lowering and formatter. No chevrotain types leak here.
// Invariants: every node has a unique `id` (assigned in source order, so
// side tables keyed by id iterate deterministically) and a `span`.
// Items inside declaration blocks are either a dedicated form (param, entry,
// require, grid, promote, ...) or a generic `Setting` (`key value (modifier value)*`):
// which settings a declaration accepts is a table in the checker, so a new
// setting is a table entry, not a grammar change.

import type { Span } from "./source.js";

/** Identifies an AST node; ids follow source order within a compilation. */
export type NodeId = number;

interface NodeBase {
  readonly id: NodeId;
  readonly span: Span;
}

/** A name as written, with its span. */
export interface Ident extends NodeBase {
  readonly kind: "Ident";
  readonly name: string;
}

// ---------------------------------------------------------------- expressions

/** Units a numeric literal can carry in source. */
export type LiteralUnit =
  | "number" // 12, 0.55
  | "percent" // 0.2%  (value stored as the ratio 0.002)
  | "bps" // 5bps  (value stored as the ratio 0.0005)
  | "money" // $25k  (value stored in currency units: 25000)
  | "duration" // 15m 4h 10d 2w 1y (value stored in seconds)
  | "bars"; // 10 bars (value stored as the count)

/** A numeric literal. `value` is already normalised (percent → ratio, duration → seconds). */
export interface NumberLit extends NodeBase {
  readonly kind: "NumberLit";
  readonly value: number;
  readonly unit: LiteralUnit;
  /** The literal exactly as written, for the formatter and messages. */
  readonly raw: string;
  /** True when written without a decimal point or exponent (`10`, `10 bars`). */
  readonly integral: boolean;
}

/** A string literal; `value` has escapes resolved. */
export interface StringLit extends NodeBase {
  readonly kind: "StringLit";
  readonly value: string;
  readonly raw: string;
}

/** A calendar date literal, `2019-01-01`. */
export interface DateLit extends NodeBase {
  readonly kind: "DateLit";
  /** ISO form `YYYY-MM-DD` as written. */
  readonly value: string;
}

/** `true` or `false`. */
export interface BoolLit extends NodeBase {
  readonly kind: "BoolLit";
  readonly value: boolean;
}

/** A bare name in expression position: a param, let, const, model, builtin series, enum member, declaration. */
export interface NameExpr extends NodeBase {
  readonly kind: "Name";
  readonly name: Ident;
}

/** `[a, b, c]`. */
export interface ListExpr extends NodeBase {
  readonly kind: "List";
  readonly items: readonly Expr[];
}

/** An argument of a call; `name` is set for `name: value`. */
export interface Arg extends NodeBase {
  readonly kind: "Arg";
  readonly name: Ident | null;
  readonly value: Expr;
}

/** `callee(args)`; the callee is a name (builtins are looked up in stdlib). */
export interface CallExpr extends NodeBase {
  readonly kind: "Call";
  readonly callee: Ident;
  readonly args: readonly Arg[];
}

/** `target[index]`: a series read `index` bars back (`close[1]` is the previous close). */
export interface IndexExpr extends NodeBase {
  readonly kind: "Index";
  readonly target: Expr;
  readonly index: Expr;
}

/** `target.field`, e.g. `forecast.expected_return`, `bollinger(close, 20, 2).upper`. */
export interface MemberExpr extends NodeBase {
  readonly kind: "Member";
  readonly target: Expr;
  readonly field: Ident;
}

/** Unary operators. */
export type UnaryOp = "-" | "not";

/** `-x`, `not x`. */
export interface UnaryExpr extends NodeBase {
  readonly kind: "Unary";
  readonly op: UnaryOp;
  readonly operand: Expr;
}

/** Binary operators, loosest first: or, and, comparisons, .., + -, * /. */
export type BinaryOp = "or" | "and" | "<" | "<=" | ">" | ">=" | "==" | "!=" | "+" | "-" | "*" | "/";

/** `left op right`. */
export interface BinaryExpr extends NodeBase {
  readonly kind: "Binary";
  readonly op: BinaryOp;
  readonly left: Expr;
  readonly right: Expr;
}

/** `from..to`: a date range, a time-of-day window, an integer range. */
export interface RangeExpr extends NodeBase {
  readonly kind: "Range";
  readonly from: Expr;
  readonly to: Expr;
}

/** `( expr )`, kept so the formatter can reproduce it and spans stay exact. */
export interface ParenExpr extends NodeBase {
  readonly kind: "Paren";
  readonly inner: Expr;
}

/** A placeholder where the parser recovered from a syntax error; the checker stays silent on it. */
export interface ErrorExpr extends NodeBase {
  readonly kind: "ErrorExpr";
}

/** Every expression form. */
export type Expr =
  | NumberLit
  | StringLit
  | DateLit
  | BoolLit
  | NameExpr
  | ListExpr
  | CallExpr
  | IndexExpr
  | MemberExpr
  | UnaryExpr
  | BinaryExpr
  | RangeExpr
  | ParenExpr
  | ErrorExpr;

// ---------------------------------------------------------------- types in source

/** A written type: `int`, `percent`, `series<number>`, `list<ticker>`. */
export interface TypeRef extends NodeBase {
  readonly kind: "TypeRef";
  readonly name: Ident;
  readonly args: readonly TypeRef[];
}

/** `in [lo, hi]`: an inclusive interval. */
export interface RangeDomain extends NodeBase {
  readonly kind: "RangeDomain";
  readonly lo: Expr;
  readonly hi: Expr;
}

/** `in {a, b, c}`: an enumerated set (enum members are names, or literals). */
export interface SetDomain extends NodeBase {
  readonly kind: "SetDomain";
  readonly values: readonly Expr[];
}

/** A param's domain. */
export type Domain = RangeDomain | SetDomain;

// ---------------------------------------------------------------- block items

/**
 * `key value (modifier value)*`, e.g. `bars daily`, `universe ["AAPL"]`,
 * `no_trade "09:30".."09:45" tz "America/New_York"`, `sizing all_in capped max_symbol_exposure(10%)`,
 * `cron "0 6 * * 1-5" tz "UTC"`, `strategy ts_threshold` (in a sweep), `per ticker`, `search tpe(trials: 200)`.
 */
export interface Setting extends NodeBase {
  readonly kind: "Setting";
  readonly key: Ident;
  readonly value: Expr;
  readonly modifiers: readonly Modifier[];
  readonly doc: string | null;
}

/** A trailing `modifier value` on a setting: `tz "UTC"`, `capped max_symbol_exposure(10%)`. */
export interface Modifier extends NodeBase {
  readonly kind: "Modifier";
  readonly key: Ident;
  readonly value: Expr;
}

/** `param name: type (in domain)? (= default)?`. */
export interface ParamItem extends NodeBase {
  readonly kind: "Param";
  readonly name: Ident;
  readonly type: TypeRef;
  readonly domain: Domain | null;
  readonly default: Expr | null;
  readonly doc: string | null;
}

/** `model name = provider(args)`. */
export interface ModelItem extends NodeBase {
  readonly kind: "Model";
  readonly name: Ident;
  readonly call: CallExpr;
  readonly doc: string | null;
}

/** `let name = expr`: a named intermediate series or value, inlined by lowering. */
export interface LetItem extends NodeBase {
  readonly kind: "Let";
  readonly name: Ident;
  readonly value: Expr;
  readonly doc: string | null;
}

/** `entry long when expr` / `entry short when expr`. */
export interface EntryItem extends NodeBase {
  readonly kind: "Entry";
  readonly side: Ident;
  readonly when: Expr;
  readonly doc: string | null;
}

/** `exit (long|short)? when expr`; expr is an `or` of exit rules and boolean series. */
export interface ExitItem extends NodeBase {
  readonly kind: "Exit";
  readonly side: Ident | null;
  readonly when: Expr;
  readonly doc: string | null;
}

/** `require expr (else outcome)?` in a gate; outcome is `fail` (default) or `insufficient_observation`. */
export interface RequireItem extends NodeBase {
  readonly kind: "Require";
  readonly condition: Expr;
  readonly orElse: Ident | null;
  readonly doc: string | null;
}

/** `grid name = [values]` or `grid name = lo..hi step s` in a sweep. */
export interface GridItem extends NodeBase {
  readonly kind: "Grid";
  readonly param: Ident;
  readonly values: Expr;
  readonly step: Expr | null;
  readonly doc: string | null;
}

/** `constraint expr` in a sweep, e.g. `constraint fast < slow`. */
export interface ConstraintItem extends NodeBase {
  readonly kind: "Constraint";
  readonly condition: Expr;
  readonly doc: string | null;
}

/** One labelled window: `search 2019-01-01..2021-12-31`. */
export interface WindowSpec extends NodeBase {
  readonly kind: "Window";
  readonly label: Ident;
  readonly range: Expr;
}

/** `windows search a..b, validate c..d, oos e..f`. */
export interface WindowsItem extends NodeBase {
  readonly kind: "Windows";
  readonly windows: readonly WindowSpec[];
  readonly doc: string | null;
}

/** `select (maximize|minimize) metric (subject to gate)?`. */
export interface SelectItem extends NodeBase {
  readonly kind: "Select";
  readonly direction: Ident;
  readonly objective: Expr;
  readonly subjectTo: Ident | null;
  readonly doc: string | null;
}

/** `GATE passes N consecutive runs` / `GATE fails N consecutive runs`. */
export interface GateStreak extends NodeBase {
  readonly kind: "GateStreak";
  readonly gate: Ident;
  readonly outcome: Ident; // passes | fails
  readonly count: Expr;
}

/** `expr over duration`, e.g. `profit_factor < 1.0 over 60d`. */
export interface MetricOver extends NodeBase {
  readonly kind: "MetricOver";
  readonly condition: Expr;
  readonly window: Expr;
}

/** A promotion trigger. */
export type Trigger = GateStreak | MetricOver;

/** `promote A -> B when trigger` / `demote A -> B when trigger`. */
export interface MoveItem extends NodeBase {
  readonly kind: "Move";
  readonly direction: Ident; // promote | demote
  readonly from: Ident;
  readonly to: Ident;
  readonly when: Trigger;
  readonly doc: string | null;
}

/** `adjust params toward sweep NAME by at most P per cycle`. */
export interface AdjustItem extends NodeBase {
  readonly kind: "Adjust";
  readonly sweep: Ident;
  readonly maxStep: Expr;
  readonly doc: string | null;
}

/** `rollout shadow -> canary(10%) -> full`; each stage is a name or a call. */
export interface RolloutItem extends NodeBase {
  readonly kind: "Rollout";
  readonly stages: readonly Expr[];
  readonly doc: string | null;
}

/** `rollback when trigger`. */
export interface RollbackItem extends NodeBase {
  readonly kind: "Rollback";
  readonly when: Trigger;
  readonly doc: string | null;
}

/** `run a then b then c` in a schedule. */
export interface RunItem extends NodeBase {
  readonly kind: "Run";
  readonly steps: readonly Ident[];
  readonly doc: string | null;
}

/** Every block item form. */
export type Item =
  | Setting
  | ParamItem
  | ModelItem
  | LetItem
  | EntryItem
  | ExitItem
  | RequireItem
  | GridItem
  | ConstraintItem
  | WindowsItem
  | SelectItem
  | MoveItem
  | AdjustItem
  | RolloutItem
  | RollbackItem
  | RunItem;

// ---------------------------------------------------------------- declarations

/** The kinds of block declarations. */
export type BlockKind = "strategy" | "gate" | "sweep" | "sleeve" | "portfolio" | "promotion" | "schedule";

/** `strategy NAME { items }` and the other block declarations. */
export interface BlockDecl extends NodeBase {
  readonly kind: "Block";
  readonly declKind: BlockKind;
  /** Span of the declaration keyword. */
  readonly keywordSpan: Span;
  readonly name: Ident;
  readonly items: readonly Item[];
  /** `///` doc comment lines joined with "\n", or null. */
  readonly doc: string | null;
}

/** `const NAME (: type)? = expr`. */
export interface ConstDecl extends NodeBase {
  readonly kind: "Const";
  readonly name: Ident;
  readonly type: TypeRef | null;
  readonly value: Expr;
  readonly doc: string | null;
}

/** `import "path"` (every top-level name) or `import { a, b } from "path"`. */
export interface ImportDecl extends NodeBase {
  readonly kind: "Import";
  readonly path: StringLit;
  /** null for `import "path"`. */
  readonly names: readonly Ident[] | null;
}

/** A top-level declaration. */
export type Decl = BlockDecl | ConstDecl;

/** One parsed file. */
export interface Module extends NodeBase {
  readonly kind: "Module";
  /** The path as given to the compiler (project-relative, `/` separators). */
  readonly file: string;
  readonly imports: readonly ImportDecl[];
  readonly decls: readonly Decl[];
}

/** Any AST node. */
export type Node = Module | Decl | ImportDecl | Item | Expr | Arg | Ident | TypeRef | Domain | Modifier | WindowSpec | Trigger;
