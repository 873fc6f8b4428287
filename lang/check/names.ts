// Name expressions in context. Order: an enum member the context expects
// (`bars daily`, `bucket safe`: this wins over a declaration of the same name,
// as in `sleeve safe { bucket safe }`), a block-local name (param, let, model),
// a visible declaration or const, a price series, a builtin written without
// parentheses (`raw_pool_ew`, `grid`, `shadow`); anything else is unknown.

import type { NameExpr } from "../ast.js";
import { bareName, makeDiagnostic, notImported, unknownName } from "../diagnostics/problems.js";
import { importPathFrom } from "../load.js";
import { declBinding, seriesBinding, type Binding, type LocalBinding } from "../resolve.js";
import { didYouMean } from "../diagnostics/suggest.js";
import { builtinNames, lookupBuiltin } from "../../stdlib/registry.js";
import type { BuiltinKind, RuleKind } from "../../stdlib/signature.js";
import type { CheckState, Env } from "./context.js";
import { bindCall, misplacedBuiltin } from "./calls.js";
import { constRefType } from "./consts.js";
import { letType } from "./lets.js";
import { paramInfo } from "./params.js";
import { alternatives, showType, Ty } from "./types.js";

const RULE_KINDS = new WeakMap<Ty, readonly RuleKind[]>();
const NO_KINDS: readonly RuleKind[] = [];

/** The rule kinds an expected type accepts (memoised per type object). */
export function ruleKinds(expected: Ty | null): readonly RuleKind[] {
  if (expected === null) return NO_KINDS;
  let kinds = RULE_KINDS.get(expected);
  if (kinds === undefined) {
    kinds = alternatives(expected).flatMap((a) => (a.kind === "rule" ? [a.rule] : []));
    RULE_KINDS.set(expected, kinds);
  }
  return kinds;
}

/** What a name binds to before context is applied: a local, then a visible declaration, then a price series. */
export function lookupBinding(state: CheckState, env: Env, expr: NameExpr): Binding | undefined {
  const name = expr.name.name;
  const local = env.locals?.get(name);
  if (local !== undefined) return local;
  const resolved = state.program.refs.get(expr.id);
  if (resolved !== undefined && resolved.kind !== "param" && resolved.kind !== "let" && resolved.kind !== "model") return resolved;
  const decl = state.program.visible.get(env.file)?.get(name);
  if (decl !== undefined) return declBinding(decl);
  return seriesBinding(name) ?? undefined;
}

/** True for operands that take their type from the other side: plain numbers, strings, unbound names (enum members). */
export function isContextual(state: CheckState, env: Env, expr: import("../ast.js").Expr): boolean {
  switch (expr.kind) {
    case "NumberLit":
      return expr.unit === "number";
    case "StringLit":
      return true;
    case "Paren":
      return isContextual(state, env, expr.inner);
    case "Unary":
      return expr.op === "-" && isContextual(state, env, expr.operand);
    case "Name":
      return lookupBinding(state, env, expr) === undefined;
    default:
      return false;
  }
}

/** Types a name expression in its context. */
export function checkName(state: CheckState, env: Env, expr: NameExpr, expected: Ty | null): Ty {
  const name = expr.name.name;
  const alts = expected === null ? [] : alternatives(expected);
  for (const alt of alts) {
    if (alt.kind === "enum" && alt.values.includes(name)) {
      state.names.set(expr.id, { kind: "enum", value: name });
      return Ty.enumOf(alt.name, [name]);
    }
  }
  const binding = lookupBinding(state, env, expr);
  const enumOnly = alts.length > 0 && alts.every((a) => a.kind === "enum");
  // `bucket risky` where `risky` is also a sleeve: the context wants an enum member, so say which
  if (binding !== undefined && !(enumOnly && binding.kind === "decl")) return bound(state, env, expr, binding, expected);

  const kinds: readonly BuiltinKind[] = ruleKinds(expected);
  const builtin = kinds.length > 0 ? lookupBuiltin(name, kinds) : undefined;
  if (builtin !== undefined) {
    const call = bindCall(state, env, builtin, [], expr.span, name);
    if (call === null) return Ty.error;
    state.names.set(expr.id, { kind: "builtin", call });
    return Ty.rule(builtin.result.kind === "rule" ? builtin.result.rule : "exit");
  }
  const any = lookupBuiltin(name);
  if (any !== undefined) {
    state.report(misplacedBuiltin(any, env, expr.span));
    return Ty.error;
  }
  const local = state.program.refs.get(expr.id);
  if (local !== undefined && (local.kind === "param" || local.kind === "let" || local.kind === "model")) {
    state.report(
      makeDiagnostic("E0324", expr.span, `${local.kind} '${name}' cannot be used in ${env.place}`, {
        label: "needs a value known at compile time",
        hints: ["use a literal or a const here"],
      }),
    );
    return Ty.error;
  }
  const elsewhere = binding === undefined ? state.program.globals.get(name) : undefined;
  if (elsewhere !== undefined) {
    state.report(notImported(name, expr.span, elsewhere.span.file, importPathFrom(env.file, elsewhere.span.file)));
    return Ty.error;
  }
  const enumValues = alts.flatMap((a) => (a.kind === "enum" ? a.values : []));
  if (enumValues.length > 0 && enumOnly) {
    state.report(
      makeDiagnostic("E0311", expr.span, `'${name}' is not a valid value in ${env.place}`, {
        label: `expected ${enumValues.length === 1 ? (enumValues[0] ?? "") : enumValues.length <= 8 ? `one of ${enumValues.join(", ")}` : "a listed value"}`,
        hints: [didYouMean(name, enumValues) ?? (enumValues.length === 1 ? `the only value allowed here is ${enumValues[0] ?? ""}` : null)],
      }),
    );
    return Ty.error;
  }
  const text = alts.find((a) => a.kind === "scalar" && STRING_UNITS.has(a.unit));
  if (text !== undefined && binding === undefined && didYouMean(name, candidates(state, env, alts, kinds)) === null) {
    const what = `a ${showType(text)}`;
    state.report(bareName(name, expr.span, what, `${what} is a string: write "${name}"`));
    return Ty.error;
  }
  state.report(unknownName(name, expr.span, "name", candidates(state, env, alts, kinds), enumHint(alts)));
  return Ty.error;
}

const STRING_UNITS: ReadonlySet<string> = new Set(["string", "ticker", "timezone"]);

function enumHint(alts: readonly Ty[]): string | undefined {
  const values = alts.flatMap((a) => (a.kind === "enum" ? a.values : []));
  return values.length > 0 && values.length <= 8 ? `expected one of ${values.join(", ")}` : undefined;
}

function candidates(state: CheckState, env: Env, alts: readonly Ty[], kinds: readonly BuiltinKind[]): string[] {
  const out: string[] = [];
  for (const alt of alts) if (alt.kind === "enum") out.push(...alt.values);
  if (env.locals !== null) out.push(...env.locals.keys());
  if (!env.paramsOnly) {
    for (const name of state.program.visible.get(env.file)?.keys() ?? []) out.push(name);
    if (env.series) out.push(...builtinNames(["series"]));
    if (kinds.length > 0) out.push(...builtinNames(kinds));
  }
  return out;
}

function bound(state: CheckState, env: Env, expr: NameExpr, binding: Binding, expected: Ty | null): Ty {
  const name = expr.name.name;
  if (env.paramsOnly === true && binding.kind !== "param" && binding.kind !== "const") {
    state.report(
      makeDiagnostic("E0505", expr.span, `a constraint can only use the strategy's params; '${name}' is ${binding.kind === "decl" ? `a ${binding.decl.declKind}` : `a ${binding.kind}`}`, {
        label: "not a param",
        hints: [constraintHint(env)],
      }),
    );
    return Ty.error;
  }
  state.names.set(expr.id, binding);
  switch (binding.kind) {
    case "param":
      state.used.add(binding.item.id);
      return paramInfo(state, binding.item, env.file).ty;
    case "let":
      state.used.add(binding.item.id);
      return letType(state, env, binding.item, expr);
    case "model":
      state.used.add(binding.item.id);
      return Ty.model;
    case "const":
      return constRefType(state, binding.decl, expr, expected);
    case "decl":
      return Ty.decl(binding.decl.declKind);
    case "series":
      if (!env.series) {
        state.report(
          makeDiagnostic("E0210", expr.span, `price series '${name}' cannot be used in ${env.place}`, {
            label: "a per-bar value",
            hints: ["price series are read in strategy expressions: entry, exit, let and model arguments"],
          }),
        );
        return Ty.error;
      }
      return Ty.series("number");
  }
}

/** What a constraint may say, with the strategy's own params when it has two. */
function constraintHint(env: Env): string {
  const params = [...(env.locals ?? new Map<string, LocalBinding>()).entries()].filter(([, b]) => b.kind === "param").map(([n]) => n);
  const example = params.length >= 2 ? `constraint ${params[0] ?? ""} < ${params[1] ?? ""}` : "constraint fast < slow";
  return `a constraint relates the strategy's params and skips grid points, e.g. \`${example}\`; conditions on prices belong in the strategy's entry and exit`;
}
