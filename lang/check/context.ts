// The checker's state: the resolved program, the diagnostics found so far and
// the side tables later phases read (types, name meanings, bound calls,
// compile-time values, per-declaration facts). Everything is keyed by NodeId;
// the AST itself is never changed.

import type { BlockDecl, Expr, GridItem, NodeId, ParamItem, Setting } from "../ast.js";
import type { Diagnostic } from "../diagnostics/diagnostic.js";
import type { Binding, LocalBinding, ResolvedProgram } from "../resolve.js";
import type { BuiltinSig, ScalarUnit } from "../../stdlib/signature.js";
import { IdMap } from "./id-map.js";
import type { Ty } from "./types.js";

/** A compile-time value: numbers are normalised (ratios as fractions, durations in seconds). */
export type Value = number | string | boolean | readonly Value[];

/** What a name expression finally means, in its context. */
export type NameMeaning =
  | Binding
  | { readonly kind: "enum"; readonly value: string }
  /** A builtin written without parentheses (`raw_pool_ew`, `trades`, `grid`, `shadow`). */
  | { readonly kind: "builtin"; readonly call: BoundCall };

/** A call bound to its builtin: arguments in parameter order, null where the default applies. */
export interface BoundCall {
  readonly sig: BuiltinSig;
  readonly args: readonly (Expr | null)[];
}

/** A param's checked declaration. */
export interface ParamInfo {
  readonly item: ParamItem;
  /** The type as written (int, percent, enum, ...). */
  readonly written: string;
  readonly ty: Ty;
  readonly unit: ScalarUnit | "enum";
  readonly domain: { readonly min: number; readonly max: number } | { readonly values: readonly Value[] } | null;
  readonly default: Value | null;
}

/** A checked `metric OP literal` rule (gates, promotion triggers). */
export interface MetricRule {
  readonly text: string;
  readonly metric: string;
  readonly args: readonly (number | string | boolean)[];
  readonly compare: "value" | "change";
  readonly operator: "<" | "<=" | ">" | ">=" | "==" | "!=";
  readonly threshold: number;
  readonly unit: ScalarUnit;
}

/** A checked sweep: the expanded grid and the trial counts. */
export interface SweepFacts {
  readonly strategy: BlockDecl | null;
  readonly grid: readonly { readonly item: GridItem; readonly param: string; readonly values: readonly Value[] }[];
  readonly gridSize: number;
  readonly trials: number;
  readonly totalTrials: number;
  readonly sampler: { readonly kind: "grid" | "random" | "tpe"; readonly trials: number; readonly seed: number };
}

/** Where an expression sits: which names it sees and what it may use. */
export interface Env {
  readonly file: string;
  /** The enclosing block's params, lets and models (the sweep's strategy's, in a constraint). */
  readonly locals: ReadonlyMap<string, LocalBinding> | null;
  /** Price series, indicators, models and lookback reads are allowed (strategy expressions). */
  readonly series: boolean;
  /** How the place reads in messages: "an entry condition", "a setting". */
  readonly place: string;
  /** Set while checking the operands of `exit when`, where exit rules are allowed. */
  readonly exitRules: boolean;
  /** Set inside a sweep constraint: only params (and consts) are allowed. */
  readonly paramsOnly: boolean;
}

/** A fresh environment. Every Env has the same fields in the same order (one shape for the engine's inline caches). */
export function makeEnv(file: string, locals: ReadonlyMap<string, LocalBinding> | null, series: boolean, place: string): Env {
  return { file, locals, series, place, exitRules: false, paramsOnly: false };
}

/** The checker's state and side tables. */
export class CheckState {
  readonly diagnostics: Diagnostic[] = [];
  /** Type of every checked expression (literals: after coercion to the expected unit). */
  readonly types = new IdMap<Ty>();
  readonly names = new IdMap<NameMeaning>();
  readonly calls = new IdMap<BoundCall>();
  /** Compile-time values of expressions the checker evaluated. */
  readonly values = new Map<NodeId, Value>();
  readonly params = new Map<NodeId, ParamInfo>();
  readonly consts = new Map<NodeId, { readonly ty: Ty; readonly value: Value | null }>();
  readonly lets = new Map<NodeId, Ty | "pending">();
  readonly constsPending = new Set<NodeId>();
  readonly settings = new Map<NodeId, ReadonlyMap<string, readonly Setting[]>>();
  readonly metricRules = new Map<NodeId, MetricRule>();
  readonly streaks = new Map<NodeId, number>();
  readonly sweeps = new Map<NodeId, SweepFacts>();
  /** Sweep select items → the metric and its arguments (defaults filled). */
  readonly selects = new Map<NodeId, { readonly metric: string; readonly args: readonly (number | string | boolean)[] }>();
  readonly universes = new Map<NodeId, readonly string[]>();
  /** Ids of params and lets some expression reads, for unused warnings. */
  readonly used = new Set<NodeId>();

  constructor(readonly program: ResolvedProgram) {}

  /** Records a diagnostic. */
  report(diagnostic: Diagnostic): void {
    this.diagnostics.push(diagnostic);
  }
}
