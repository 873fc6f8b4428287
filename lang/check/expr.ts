// Expression typing. Bidirectional: the context's expected type (or null)
// flows into literals, enum members, builtins written without parentheses and
// list items; every other form is inferred and then compared with the
// expectation. Each checked expression's type goes into `state.types`.
// Lookahead is a type error here: `x[i]` needs a series and a bar offset
// that is provably a non-negative integer.

import type { BinaryExpr, Expr, IndexExpr, ListExpr, MemberExpr, RangeExpr, UnaryExpr } from "../ast.js";
import { makeDiagnostic, typeMismatch, unitMismatch, wrongKind } from "../diagnostics/problems.js";
import { didYouMean } from "../diagnostics/suggest.js";
import { MODEL_OUTPUT } from "../../stdlib/signatures/models.js";
import type { CheckState, Env } from "./context.js";
import { checkCall } from "./calls.js";
import { evaluate } from "./evaluate.js";
import { checkDateLit, checkNumberLit, checkStringLit } from "./literals.js";
import { checkName, isContextual } from "./names.js";
import { printExpr } from "./print.js";
import { alternatives, fromSig, showType, Ty, unitOf } from "./types.js";
import { arithmeticUnit, comparable, isArithmetic, isComparison, isNumeric, unitAssignable } from "./units.js";

/** Checks an expression against an expected type (null: infer). Returns its type; `error` when a diagnostic was reported. */
export function checkExpr(state: CheckState, env: Env, expr: Expr, expected: Ty | null, modelAllowed = false): Ty {
  let actual = infer(state, env, expr, expected);
  if (actual.kind === "model" && !modelAllowed) {
    state.report(modelAsValue(expr));
    actual = Ty.error;
  }
  if (expected !== null && !accepts(expected, actual)) {
    state.report(mismatch(expected, actual, expr));
    actual = Ty.error;
  }
  state.types.set(expr.id, actual);
  return actual;
}

function modelAsValue(expr: Expr) {
  const fields = Object.keys((MODEL_OUTPUT as { fields: Record<string, unknown> }).fields);
  return makeDiagnostic("E0321", expr.span, `model '${printExpr(expr)}' is not a value`, {
    label: "a model yields several series",
    hints: [`read one of its fields: ${fields.map((f) => `${printExpr(expr)}.${f}`).join(", ")}`],
  });
}

function mismatch(expected: Ty, actual: Ty, expr: Expr) {
  const wantedDecls = alternatives(expected).flatMap((a) => (a.kind === "decl" ? [a.declKind] : []));
  if (actual.kind === "decl" && wantedDecls.length > 0) {
    const name = printExpr(expr);
    return wrongKind(name, expr.span, wantedDecls.map((k) => `a ${k}`).join(" or "), `a ${actual.declKind}`, null);
  }
  const hints: (string | null)[] = [];
  if (actual.kind === "series" && alternatives(expected).some((a) => a.kind === "scalar")) {
    hints.push("a per-bar series has a different value at every bar; a single value is needed here");
  }
  if (actual.kind === "scalar" && actual.unit === "bool" && alternatives(expected).some((a) => a.kind === "rule" && a.rule === "exit")) {
    hints.push("exit rules are calls such as stop_loss(2%), trailing_stop(3%), time_exit(10 bars)");
  }
  return typeMismatch(showType(expected), showType(actual), expr.span, hints);
}

/** Whether a value of type `actual` may be used where `expected` is wanted. */
export function accepts(expected: Ty, actual: Ty): boolean {
  if (actual.kind === "error" || expected.kind === "error") return true;
  if (expected.kind === "oneOf") return expected.types.some((t) => accepts(t, actual));
  switch (expected.kind) {
    case "scalar":
      return actual.kind === "scalar" && unitAssignable(actual.unit, expected.unit);
    case "series":
      return (actual.kind === "scalar" || actual.kind === "series") && unitAssignable(actual.unit, expected.unit);
    case "list":
      return actual.kind === "list" && accepts(expected.of, actual.of);
    case "enum":
      return actual.kind === "enum" && actual.values.every((v) => expected.values.includes(v));
    case "range":
      return actual.kind === "range" && accepts(expected.of, actual.of);
    case "rule":
      return actual.kind === "rule" && actual.rule === expected.rule;
    case "metric":
      return actual.kind === "metric";
    case "decl":
      return actual.kind === "decl" && actual.declKind === expected.declKind;
    case "record":
      return actual.kind === "record";
    case "model":
      return actual.kind === "model";
  }
}

function infer(state: CheckState, env: Env, expr: Expr, expected: Ty | null): Ty {
  switch (expr.kind) {
    case "NumberLit":
      return checkNumberLit(state, expr, expected);
    case "StringLit":
      return checkStringLit(state, expr, expected);
    case "DateLit":
      return checkDateLit();
    case "BoolLit":
      return Ty.bool;
    case "Name":
      return checkName(state, env, expr, expected);
    case "List":
      return checkList(state, env, expr, expected);
    case "Call":
      return checkCall(state, env, expr, expected);
    case "Index":
      return checkIndex(state, env, expr);
    case "Member":
      return checkMember(state, env, expr);
    case "Unary":
      return checkUnary(state, env, expr, expected);
    case "Binary":
      return checkBinary(state, env, expr);
    case "Range":
      return checkRange(state, env, expr, expected);
    case "Paren":
      return checkExpr(state, env, expr.inner, expected);
    case "ErrorExpr":
      return Ty.error;
  }
}

function checkList(state: CheckState, env: Env, expr: ListExpr, expected: Ty | null): Ty {
  const listAlt = expected === null ? undefined : alternatives(expected).find((a) => a.kind === "list");
  if (listAlt?.kind === "list") {
    for (const item of expr.items) checkExpr(state, env, item, listAlt.of);
    return listAlt;
  }
  if (expected !== null && expected.kind !== "oneOf" && expr.items.length > 0) {
    // a list where a single value is expected: type the items alone, then report the list once
    for (const item of expr.items) checkExpr(state, env, item, null);
    return Ty.list(Ty.error);
  }
  let itemTy: Ty | null = null;
  for (const item of expr.items) {
    const t = checkExpr(state, env, item, itemTy);
    if (itemTy === null && t.kind !== "error") itemTy = t.kind === "scalar" && t.unit === "int" ? Ty.scalar("number") : t;
  }
  return Ty.list(itemTy ?? Ty.error);
}

function checkRange(state: CheckState, env: Env, expr: RangeExpr, expected: Ty | null): Ty {
  const rangeAlt = expected === null ? undefined : alternatives(expected).find((a) => a.kind === "range");
  const of = rangeAlt?.kind === "range" ? rangeAlt.of : null;
  const from = checkExpr(state, env, expr.from, of);
  const to = checkExpr(state, env, expr.to, of ?? (from.kind === "error" ? null : from));
  return Ty.range(of ?? (from.kind === "error" ? to : from));
}

function checkIndex(state: CheckState, env: Env, expr: IndexExpr): Ty {
  const target = checkExpr(state, env, expr.target, null);
  const index = checkExpr(state, env, expr.index, Ty.scalar("int"));
  if (target.kind !== "series" && target.kind !== "error") {
    state.report(
      makeDiagnostic("E0306", expr.target.span, `only a series can be read at an earlier bar; '${printExpr(expr.target)}' is ${showType(target)}`, {
        label: "not a series",
        hints: ["indexing reads a per-bar value `n` bars back, e.g. close[1] is the previous close"],
      }),
    );
  }
  if (index.kind !== "error") checkOffset(state, expr);
  return target.kind === "series" ? target : Ty.error;
}

/** The bar offset must be a whole number >= 0 known before the run. */
function checkOffset(state: CheckState, expr: IndexExpr): void {
  const value = evaluate(state, expr.index);
  const text = printExpr(expr);
  if (typeof value === "number") {
    if (value < 0) {
      const later = -value;
      state.report(
        makeDiagnostic("E0304", expr.index.span, `\`${text}\` reads ${later === 1 ? "the next bar" : `${later} bars ahead`}, which is not known at bar t`, {
          label: "a negative offset looks ahead",
          hints: [`offsets count bars back: \`${printExpr(expr.target)}[${later}]\` is ${later === 1 ? "the previous bar" : `${later} bars ago`}, and \`${printExpr(expr.target)}\` alone is the current bar`],
        }),
      );
    } else if (!Number.isInteger(value)) {
      state.report(makeDiagnostic("E0409", expr.index.span, `bar offset ${value} is not a whole number`, { label: "not a whole number of bars", hints: [`write ${Math.floor(value)} or ${Math.ceil(value)}`] }));
    }
    return;
  }
  const meaning = unwrapName(state, expr.index);
  if (meaning?.kind === "param") {
    const info = state.params.get(meaning.item.id);
    const domain = info?.domain;
    const min = domain !== null && domain !== undefined && "min" in domain ? domain.min : null;
    if (min === null || min < 0) {
      const name = meaning.item.name.name;
      state.report(
        makeDiagnostic("E0305", expr.index.span, `bar offset '${name}' may be negative, which would read a later bar`, {
          label: min === null ? "the param has no domain" : `the domain allows ${min}`,
          secondary: [{ span: meaning.item.name.span, message: "declared here" }],
          hints: [`give it a non-negative domain: \`param ${name}: int in [0, 10] = 1\``],
        }),
      );
    }
    return;
  }
  state.report(
    makeDiagnostic("E0305", expr.index.span, `bar offset \`${printExpr(expr.index)}\` is not known before the run`, {
      label: "must be a literal, a const or an int param",
      hints: ["a bar offset must be provably >= 0 so that no bar reads the future; use a literal such as 1 or an int param with a domain"],
    }),
  );
}

function unwrapName(state: CheckState, expr: Expr) {
  if (expr.kind === "Paren") return unwrapName(state, expr.inner);
  return expr.kind === "Name" ? state.names.get(expr.id) : undefined;
}

function checkMember(state: CheckState, env: Env, expr: MemberExpr): Ty {
  const target = checkExpr(state, env, expr.target, null, true);
  const field = expr.field.name;
  if (target.kind === "error") return Ty.error;
  if (target.kind === "model" || target.kind === "record") {
    const fields = target.kind === "model" ? (MODEL_OUTPUT as { fields: Record<string, Parameters<typeof fromSig>[0]> }).fields : null;
    const ty = fields !== null ? (fields[field] === undefined ? undefined : fromSig(fields[field])) : target.kind === "record" ? target.fields[field] : undefined;
    if (ty !== undefined) return ty;
    const names = fields !== null ? Object.keys(fields) : target.kind === "record" ? Object.keys(target.fields) : [];
    state.report(
      makeDiagnostic("E0211", expr.field.span, `${target.kind === "model" ? "model" : "value"} '${printExpr(expr.target)}' has no field '${field}'`, {
        label: "unknown field",
        hints: [didYouMean(field, names) ?? `its fields are ${names.join(", ")}`],
      }),
    );
    return Ty.error;
  }
  state.report(makeDiagnostic("E0211", expr.field.span, `'${printExpr(expr.target)}' has no fields`, { label: `${showType(target)} has no field '${field}'` }));
  return Ty.error;
}

function checkUnary(state: CheckState, env: Env, expr: UnaryExpr, expected: Ty | null): Ty {
  if (expr.op === "not") {
    // inferred first, so that `not close` says what `not` needs rather than a type mismatch
    const inferred = isContextual(state, env, expr.operand) ? null : checkExpr(state, env, expr.operand, null);
    if (inferred !== null && inferred.kind !== "error" && unitOf(inferred) !== "bool") {
      state.report(
        makeDiagnostic("E0326", expr.span, `'not' needs a condition, found ${showType(inferred)}`, {
          label: `${printExpr(expr.operand)} is ${showType(inferred)}`,
          hints: ["negate a comparison, e.g. `not (close > open)`"],
        }),
      );
      return Ty.error;
    }
    const t = inferred ?? checkExpr(state, env, expr.operand, Ty.boolSeries);
    return t.kind === "series" ? Ty.boolSeries : t.kind === "error" ? Ty.error : Ty.bool;
  }
  const t = checkExpr(state, env, expr.operand, expected === null ? null : numericPart(expected));
  const unit = unitOf(t);
  if (t.kind === "error") return t;
  if (unit === null || !isNumeric(unit)) {
    state.report(makeDiagnostic("E0326", expr.span, `cannot negate ${showType(t)}`, { label: "'-' needs a number" }));
    return Ty.error;
  }
  return t;
}

function numericPart(expected: Ty): Ty | null {
  const alts = alternatives(expected).filter((a) => (a.kind === "scalar" || a.kind === "series") && isNumeric(a.unit));
  return alts.length === 0 ? null : alts.length === 1 ? (alts[0] ?? null) : Ty.oneOf(...alts);
}

/** The expectation a contextual operand gets from the other side of a comparison. */
function asExpectation(t: Ty): Ty | null {
  if (t.kind === "scalar" || t.kind === "series") return Ty.scalar(t.unit);
  if (t.kind === "enum") return t;
  return null;
}

function silenced(state: CheckState, expr: Expr): Ty {
  state.types.set(expr.id, Ty.error);
  return Ty.error;
}

function checkBinary(state: CheckState, env: Env, expr: BinaryExpr): Ty {
  const { op } = expr;
  if (op === "and" || op === "or") {
    const l = checkExpr(state, env, expr.left, Ty.boolSeries);
    const r = checkExpr(state, env, expr.right, Ty.boolSeries);
    if (l.kind === "error" && r.kind === "error") return Ty.error;
    return l.kind === "series" || r.kind === "series" ? Ty.boolSeries : Ty.bool;
  }
  // a plain literal or an enum member takes its unit from the other side (+, -, comparisons)
  const leftContextual = op !== "*" && op !== "/" && isContextual(state, env, expr.left);
  const rightContextual = op !== "*" && op !== "/" && isContextual(state, env, expr.right);
  let l: Ty;
  let r: Ty;
  // a contextual operand beside an operand already in error has no context: stay silent on it
  if (leftContextual && !rightContextual) {
    r = checkExpr(state, env, expr.right, null);
    if (r.kind === "error") return silenced(state, expr.left);
    l = checkExpr(state, env, expr.left, asExpectation(r));
  } else {
    l = checkExpr(state, env, expr.left, null);
    if (rightContextual && l.kind === "error") return silenced(state, expr.right);
    r = checkExpr(state, env, expr.right, rightContextual ? asExpectation(l) : null);
  }
  if (l.kind === "error" || r.kind === "error") return Ty.error;
  const series = l.kind === "series" || r.kind === "series";
  if (isComparison(op)) {
    if (l.kind === "enum" && r.kind === "enum" && (op === "==" || op === "!=")) return Ty.bool;
    const lu = unitOf(l);
    const ru = unitOf(r);
    if (lu === null || ru === null || !comparable(op, lu, ru)) {
      state.report(unitMismatch(op, showType(l), showType(r), expr.left.span, expr.right.span, compareHint(l, r)));
      return Ty.error;
    }
    return series ? Ty.boolSeries : Ty.bool;
  }
  if (isArithmetic(op)) {
    const lu = unitOf(l);
    const ru = unitOf(r);
    const unit = lu === null || ru === null ? null : arithmeticUnit(op, lu, ru);
    if (unit === null) {
      state.report(unitMismatch(op, showType(l), showType(r), expr.left.span, expr.right.span, arithmeticHint(op, l, r)));
      return Ty.error;
    }
    return series ? Ty.series(unit) : Ty.scalar(unit);
  }
  return Ty.error;
}

function compareHint(l: Ty, r: Ty): string | undefined {
  const units = [unitOf(l), unitOf(r)];
  if (units.includes("money") && units.includes("ratio")) return "money is an amount and a ratio is a fraction; compare money with money (e.g. $10k) or a ratio with a percentage";
  if (units.includes("duration") && (units.includes("number") || units.includes("int"))) return "give the number a duration unit, e.g. 10d";
  if (units.includes("bool")) return "booleans can only be compared with == and !=";
  return undefined;
}

function arithmeticHint(op: string, l: Ty, r: Ty): string | undefined {
  const units = [unitOf(l), unitOf(r)];
  if (units.includes("bool")) return "booleans combine with `and`, `or` and `not`";
  if (op === "*" || op === "/") return "scale an amount by a plain number or a ratio, e.g. 50% * cash";
  return "add and subtract values of one unit: money with money, a duration with a duration";
}
