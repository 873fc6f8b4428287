// Params: `param name: type (in domain)? (= default)?`. The type must be a
// known scalar type (percent and bps are ratios written differently; enum
// params list their members in a set domain); a range domain needs lo <= hi
// and a numeric type; the default is required, of the type and inside the
// domain. Checked once per param, on first use or in declaration order.

import type { Expr, ParamItem, TypeRef } from "../ast.js";
import { makeDiagnostic, missingUnit, showDomain, showNumber } from "../diagnostics/problems.js";
import { didYouMean } from "../diagnostics/suggest.js";
import type { ScalarUnit } from "../../stdlib/signature.js";
import { makeEnv, type CheckState, type Env, type ParamInfo, type Value } from "./context.js";
import { evaluate, sameValue } from "./evaluate.js";
import { checkExpr } from "./expr.js";
import { Ty } from "./types.js";

/** Scalar types a param or const may be declared with, by written name. */
export const SCALAR_TYPES: Readonly<Record<string, ScalarUnit>> = {
  int: "int",
  number: "number",
  ratio: "ratio",
  percent: "ratio",
  bps: "ratio",
  money: "money",
  duration: "duration",
  bars: "bars",
  bool: "bool",
  string: "string",
  ticker: "ticker",
  date: "date",
  time: "time",
};

const RANGE_UNITS: ReadonlySet<ScalarUnit> = new Set<ScalarUnit>(["int", "number", "ratio", "money", "duration", "bars"]);

/** Resolves a written scalar type; reports an unknown one (E0323) and returns null. */
export function scalarType(state: CheckState, ref: TypeRef, allowEnum: boolean): ScalarUnit | "enum" | null {
  const name = ref.name.name;
  if (ref.args.length > 0) {
    state.report(
      makeDiagnostic("E0323", ref.span, `'${name}<...>' cannot be the type of a param or const`, {
        label: "params and consts are single values",
        hints: ["declare a scalar type such as int, ratio, percent, money or duration"],
      }),
    );
    return null;
  }
  const unit = SCALAR_TYPES[name];
  if (unit !== undefined) return unit;
  if (allowEnum && name === "enum") return "enum";
  const known = [...Object.keys(SCALAR_TYPES), ...(allowEnum ? ["enum"] : [])];
  state.report(
    makeDiagnostic("E0323", ref.name.span, `unknown type '${name}'`, {
      label: "not a param type",
      hints: [didYouMean(name, known) ?? `the types are ${known.join(", ")}`],
    }),
  );
  return null;
}

/** The checked form of a param (memoised). */
export function paramInfo(state: CheckState, item: ParamItem, file: string): ParamInfo {
  const known = state.params.get(item.id);
  if (known !== undefined) return known;
  // a placeholder breaks cycles such as a default that names its own param
  const placeholder: ParamInfo = { item, written: item.type.name.name, ty: Ty.error, unit: "number", domain: null, default: null };
  state.params.set(item.id, placeholder);
  const info = computeParam(state, item, file);
  state.params.set(item.id, info);
  return info;
}

function computeParam(state: CheckState, item: ParamItem, file: string): ParamInfo {
  const written = item.type.name.name;
  const unit = scalarType(state, item.type, true);
  // every ParamInfo is written as one literal in the same key order (one shape):
  // spreading a shared base into it was ~10 µs per param
  if (unit === null) return { item, written, ty: Ty.error, unit: "number", domain: null, default: null };
  const env: Env = makeEnv(file, null, false, `the domain of param '${item.name.name}'`);
  if (unit === "enum") return enumParam(state, item, env);

  const ty = Ty.scalar(unit);
  let domain: ParamInfo["domain"] = null;
  if (item.domain?.kind === "RangeDomain") {
    if (!RANGE_UNITS.has(unit)) {
      state.report(
        makeDiagnostic("E0405", item.domain.span, `a range domain needs a numeric type, and '${written}' is not one`, {
          label: "not orderable as a number",
          hints: unit === "bool" ? ["a bool param needs no domain"] : [`list the allowed values instead: \`in {a, b}\``],
        }),
      );
    } else {
      const loPlain = plainPercent(state, item.domain.lo, written);
      const hiPlain = plainPercent(state, item.domain.hi, written);
      const lo = loPlain ? null : constNumber(state, env, item.domain.lo, ty);
      const hi = hiPlain ? null : constNumber(state, env, item.domain.hi, ty);
      if (lo !== null && hi !== null) {
        if (lo > hi) {
          state.report(
            makeDiagnostic("E0403", item.domain.span, `the domain of param '${item.name.name}' is empty: ${showNumber(lo, unit)} is above ${showNumber(hi, unit)}`, {
              label: "lower bound above upper bound",
              hints: ["write the smaller bound first: `in [lo, hi]`"],
            }),
          );
        } else {
          domain = { min: lo, max: hi };
        }
      }
    }
  } else if (item.domain?.kind === "SetDomain") {
    const values: Value[] = [];
    for (const v of item.domain.values) {
      if (plainPercent(state, v, written)) continue;
      checkExpr(state, env, v, ty);
      const value = evaluate(state, v);
      if (value === undefined) continue;
      if (values.some((x) => sameValue(x, value))) {
        state.report(makeDiagnostic("E0405", v.span, `value listed twice in the domain of param '${item.name.name}'`, { label: "duplicate" }));
        continue;
      }
      values.push(value);
    }
    domain = { values };
  }

  let dflt: Value | null = null;
  if (item.default === null) {
    state.report(missingDefault(item, domain, unit));
  } else if (!plainPercent(state, item.default, written)) {
    const t = checkExpr(state, { ...env, place: `the default of param '${item.name.name}'` }, item.default, ty);
    const value = t.kind === "error" ? undefined : evaluate(state, item.default);
    if (t.kind !== "error" && value === undefined) {
      state.report(notConstant(item.default, `the default of param '${item.name.name}'`));
    } else if (value !== undefined) {
      dflt = value;
      checkInDomain(state, item, value, domain, unit);
    }
  }
  return { item, written, ty, unit, domain, default: dflt };
}

function enumParam(state: CheckState, item: ParamItem, env: Env): ParamInfo {
  if (item.domain?.kind !== "SetDomain") {
    state.report(
      makeDiagnostic("E0405", item.domain?.span ?? item.type.span, `enum param '${item.name.name}' needs its members: \`in {a, b, c}\``, {
        label: item.domain === null ? "no members listed" : "a range cannot list members",
        hints: [`write \`param ${item.name.name}: enum in {fast, slow} = fast\``],
      }),
    );
    return { item, written: "enum", ty: Ty.error, unit: "enum", domain: null, default: null };
  }
  const values: string[] = [];
  for (const v of item.domain.values) {
    const member = v.kind === "Name" ? v.name.name : v.kind === "StringLit" ? v.value : null;
    if (member === null) {
      state.report(makeDiagnostic("E0405", v.span, "an enum member is a name or a string", { label: "not a member name" }));
      continue;
    }
    if (values.includes(member)) {
      state.report(makeDiagnostic("E0405", v.span, `'${member}' is listed twice in the members of '${item.name.name}'`, { label: "duplicate" }));
      continue;
    }
    if (v.kind === "Name") state.names.set(v.id, { kind: "enum", value: member });
    values.push(member);
  }
  const ty = Ty.enumOf(item.name.name, values);
  let dflt: Value | null = null;
  if (item.default === null) {
    state.report(missingDefault(item, { values }, "enum"));
  } else {
    const t = checkExpr(state, { ...env, place: `the default of param '${item.name.name}'` }, item.default, ty);
    const value = evaluate(state, item.default);
    if (t.kind !== "error" && typeof value === "string") dflt = value;
  }
  return { item, written: "enum", ty, unit: "enum", domain: { values }, default: dflt };
}

function missingDefault(item: ParamItem, domain: ParamInfo["domain"], unit: ScalarUnit | "enum") {
  const example =
    domain !== null && "min" in domain ? showNumber(domain.min, unit) : domain !== null && domain.values.length > 0 ? String(domain.values[0]) : null;
  return makeDiagnostic("E0404", item.name.span, `param '${item.name.name}' has no default value`, {
    label: "every param needs a default: it is the value used outside sweeps",
    hints: [example === null ? "add `= value` after the type" : `add a default, e.g. \`= ${example}\``],
  });
}

function checkInDomain(state: CheckState, item: ParamItem, value: Value, domain: ParamInfo["domain"], unit: ScalarUnit): void {
  if (domain === null || item.default === null) return;
  if ("min" in domain) {
    if (typeof value === "number" && (value < domain.min || value > domain.max)) {
      state.report(
        makeDiagnostic("E0402", item.default.span, `default ${showNumber(value, unit)} of param '${item.name.name}' is outside its domain ${showDomain(domain.min, domain.max, unit)}`, {
          label: "outside the domain",
          secondary: item.domain === null ? [] : [{ span: item.domain.span, message: "domain declared here" }],
        }),
      );
    }
  } else if (!domain.values.some((v) => sameValue(v, value))) {
    state.report(
      makeDiagnostic("E0402", item.default.span, `default of param '${item.name.name}' is not one of its allowed values`, {
        label: "not in the domain",
        secondary: item.domain === null ? [] : [{ span: item.domain.span, message: "domain declared here" }],
      }),
    );
  }
}

/**
 * Reports a plain number given to a param declared `percent` or `bps`. Plain
 * fractions are ratios elsewhere, so `[1, 10]` would silently read 1 as 100%
 * while rejecting 10: every plain bound and default (but 0) is flagged alike instead.
 */
function plainPercent(state: CheckState, expr: Expr, written: string): boolean {
  if (written !== "percent" && written !== "bps") return false;
  const lit = expr.kind === "Unary" && expr.op === "-" ? expr.operand : expr;
  // 0 reads the same in every unit
  if (lit.kind !== "NumberLit" || lit.unit !== "number" || lit.value === 0) return false;
  const raw = expr === lit ? lit.raw : `-${lit.raw}`;
  state.report(missingUnit(raw, written === "bps" ? "bps" : "percent", expr.span));
  state.types.set(expr.id, Ty.error);
  return true;
}

function constNumber(state: CheckState, env: Env, expr: Expr, ty: Ty): number | null {
  const t = checkExpr(state, env, expr, ty);
  if (t.kind === "error") return null;
  const value = evaluate(state, expr);
  if (typeof value === "number") return value;
  state.report(notConstant(expr, env.place));
  return null;
}

/** E0324: a value that must be known at compile time is not. */
export function notConstant(expr: Expr, place: string) {
  return makeDiagnostic("E0324", expr.span, `${place} must be known at compile time`, {
    label: "not a constant",
    hints: ["use a literal or a const here"],
  });
}
