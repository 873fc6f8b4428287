// Top-level consts: `const NAME (: type)? = expr`. The value must be known at
// compile time (literals, other consts, arithmetic on them, lists of them); a
// written type is checked like a param's. Consts are checked once, on first
// use or in declaration order, so a const may be used before its declaration.

import type { ConstDecl, NameExpr } from "../ast.js";
import { makeDiagnostic } from "../diagnostics/problems.js";
import { makeEnv, type CheckState, type Env } from "./context.js";
import { evaluate } from "./evaluate.js";
import { checkExpr } from "./expr.js";
import { notConstant, scalarType } from "./params.js";
import { isTicker, isTimeOfDay, isTimeZone } from "./formats.js";
import { expectedUnits } from "./literals.js";
import { alternatives, showType, Ty, unitName } from "./types.js";

/** The type of a const (memoised). */
export function constType(state: CheckState, decl: ConstDecl, ref: NameExpr | null): Ty {
  const known = state.consts.get(decl.id);
  if (known !== undefined) return known.ty;
  if (state.constsPending.has(decl.id)) {
    state.report(
      makeDiagnostic("E0213", ref?.span ?? decl.name.span, `const '${decl.name.name}' depends on itself`, {
        label: "this reference closes the cycle",
        secondary: [{ span: decl.name.span, message: "declared here" }],
      }),
    );
    return Ty.error;
  }
  state.constsPending.add(decl.id);
  const env: Env = makeEnv(decl.span.file, null, false, `const '${decl.name.name}'`);
  let expected: Ty | null = null;
  if (decl.type !== null) {
    const unit = scalarType(state, decl.type, false);
    expected = unit === null || unit === "enum" ? Ty.error : Ty.scalar(unit);
  }
  let ty = checkExpr(state, env, decl.value, expected?.kind === "error" ? null : expected);
  let value = ty.kind === "error" ? null : (evaluate(state, decl.value) ?? null);
  if (ty.kind !== "error" && value === null) {
    state.report(notConstant(decl.value, `the value of const '${decl.name.name}'`));
    ty = Ty.error;
  }
  if (Array.isArray(value) && value.some((v) => Array.isArray(v))) {
    state.report(makeDiagnostic("E0301", decl.value.span, "a const list holds single values, not lists", { label: "nested list" }));
    ty = Ty.error;
    value = null;
  }
  state.constsPending.delete(decl.id);
  state.consts.set(decl.id, { ty, value });
  return ty;
}

/**
 * The type of a reference to a const in its context. An untyped const of a
 * plain number or of strings behaves like the literal it names: `const RISK =
 * 0.02` is a ratio where a ratio is expected, `const TECH = ["AAPL"]` a list of
 * tickers in a universe (each string is validated at the reference).
 */
export function constRefType(state: CheckState, decl: ConstDecl, ref: NameExpr, expected: Ty | null): Ty {
  const natural = constType(state, decl, ref);
  if (expected === null || natural.kind === "error" || decl.type !== null) return natural;
  const value = state.consts.get(decl.id)?.value;
  if (value === null || value === undefined) return natural;
  const units = expectedUnits(expected);
  if (typeof value === "number" && natural.kind === "scalar" && (natural.unit === "int" || natural.unit === "number") && isPlainNumber(decl.value)) {
    if (units.has("number") || units.size === 0) return natural;
    if (units.has("int") && Number.isInteger(value)) return Ty.scalar("int");
    if (units.has("ratio")) {
      if (Math.abs(value) <= 1) return Ty.scalar("ratio");
      state.report(
        makeDiagnostic("E0303", ref.span, `const '${decl.name.name}' is the plain number ${String(value)}, but a percentage is expected`, {
          label: "a plain number has no unit",
          secondary: [{ span: decl.value.span, message: "value given here" }],
          hints: [`did you mean ${String(value)}%? write it in the const: \`const ${decl.name.name} = ${String(value)}%\``],
        }),
      );
      return Ty.error;
    }
    if (units.has("bars") && !units.has("duration") && Number.isInteger(value)) return Ty.scalar("bars");
    return natural;
  }
  const stringUnit = (["ticker", "time", "timezone"] as const).find((u) => units.has(u) || listOf(expected, u));
  if (stringUnit !== undefined) {
    const strings = typeof value === "string" ? [value] : Array.isArray(value) ? value : [];
    const valid = stringUnit === "ticker" ? isTicker : stringUnit === "time" ? isTimeOfDay : isTimeZone;
    const bad = strings.find((s) => typeof s !== "string" || !valid(s));
    if (bad !== undefined) {
      state.report(
        makeDiagnostic("E0301", ref.span, `const '${decl.name.name}' holds ${JSON.stringify(bad)}, which is not a valid ${unitName(stringUnit)}`, {
          label: `expected ${showType(expected)}`,
          secondary: [{ span: decl.value.span, message: "value given here" }],
        }),
      );
      return Ty.error;
    }
    return Array.isArray(value) ? Ty.list(Ty.scalar(stringUnit)) : Ty.scalar(stringUnit);
  }
  return natural;
}

function listOf(expected: Ty, unit: string): boolean {
  return alternatives(expected).some((a) => a.kind === "list" && (a.of.kind === "scalar" || a.of.kind === "series") && a.of.unit === unit);
}

function isPlainNumber(expr: ConstDecl["value"]): boolean {
  if (expr.kind === "NumberLit") return expr.unit === "number";
  if (expr.kind === "Unary" && expr.op === "-") return isPlainNumber(expr.operand);
  if (expr.kind === "Paren") return isPlainNumber(expr.inner);
  return false;
}
