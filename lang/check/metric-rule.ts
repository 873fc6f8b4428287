// `metric OP literal` rules, shared by gate `require`, promotion triggers and
// sweep `select`. The metric is a stdlib metric (`trades`, `sharpe(daily)`) or
// `change(metric)` against a baseline; the literal has the metric's unit and
// lies in the metric's range, so `max_drawdown <= 15` is an error whose hint
// is "did you mean 15%?". A literal on the left is accepted and flipped.

import type { Expr } from "../ast.js";
import { makeDiagnostic, missingUnit, showDomain, showNumber } from "../diagnostics/problems.js";
import { didYouMean } from "../diagnostics/suggest.js";
import { builtinNames, lookupBuiltin } from "../../stdlib/registry.js";
import type { BuiltinSig, NumericDomain, ScalarUnit } from "../../stdlib/signature.js";
import { bindCall, misplacedBuiltin } from "./calls.js";
import type { BoundCall, CheckState, Env, MetricRule } from "./context.js";
import { evaluate } from "./evaluate.js";
import { checkExpr } from "./expr.js";
import { printExpr } from "./print.js";
import { Ty } from "./types.js";
import { isComparison } from "./units.js";

/** A resolved metric reference. */
export interface MetricRef {
  readonly sig: BuiltinSig;
  readonly args: readonly (number | string | boolean)[];
  readonly compare: "value" | "change";
  readonly unit: ScalarUnit;
  readonly domain: NumericDomain;
}

const FLIP: Readonly<Record<string, MetricRule["operator"]>> = { "<": ">", "<=": ">=", ">": "<", ">=": "<=", "==": "==", "!=": "!=" };

function strip(expr: Expr): Expr {
  return expr.kind === "Paren" ? strip(expr.inner) : expr;
}

function looksLikeMetric(expr: Expr): boolean {
  const e = strip(expr);
  return e.kind === "Call" || e.kind === "Name";
}

/** A number or a const; with `unknown`, also a name bound to nothing (most likely a misspelt const). */
function isLiteralLike(state: CheckState, env: Env, expr: Expr, unknown = false): boolean {
  const e = strip(expr);
  if (e.kind === "NumberLit") return true;
  if (e.kind === "Unary" && e.op === "-") return isLiteralLike(state, env, e.operand, unknown);
  if (e.kind === "Name") {
    const decl = state.program.visible.get(env.file)?.get(e.name.name);
    if (decl !== undefined) return decl.kind === "Const";
    return unknown && lookupBuiltin(e.name.name) === undefined && env.locals?.get(e.name.name) === undefined;
  }
  return false;
}

/** Checks `metric OP literal`; `baseline` says whether `change(...)` may be used (null: never). */
export function checkMetricRule(state: CheckState, env: Env, condition: Expr, baseline: { readonly present: boolean } | null, where: string): MetricRule | null {
  // a syntax error inside the rule was reported already
  if (containsErrorExpr(condition)) return null;
  const e = strip(condition);
  if (e.kind !== "Binary" || !isComparison(e.op)) {
    state.report(ruleForm(condition, where));
    return null;
  }
  let metricExpr = e.left;
  let literalExpr = e.right;
  let operator = e.op as MetricRule["operator"];
  if (!isLiteralLike(state, env, e.right) && isLiteralLike(state, env, e.left, true) && looksLikeMetric(e.right)) {
    metricExpr = e.right;
    literalExpr = e.left;
    operator = FLIP[e.op] ?? operator;
  }
  if (!looksLikeMetric(metricExpr) || !isLiteralLike(state, env, literalExpr, true)) {
    state.report(ruleForm(condition, where));
    return null;
  }
  const metric = resolveMetric(state, env, metricExpr, baseline);
  if (metric === null) return null;
  const threshold = checkThreshold(state, env, literalExpr, metric, printExpr(strip(metricExpr)));
  if (threshold === null) return null;
  const metricText = printExpr(strip(metricExpr));
  return {
    text: `${metricText} ${operator} ${printExpr(strip(literalExpr))}`,
    metric: metric.sig.name,
    args: metric.args,
    compare: metric.compare,
    operator,
    threshold,
    unit: metric.unit,
  };
}

function containsErrorExpr(expr: Expr): boolean {
  switch (expr.kind) {
    case "ErrorExpr":
      return true;
    case "Binary":
      return containsErrorExpr(expr.left) || containsErrorExpr(expr.right);
    case "Unary":
      return containsErrorExpr(expr.operand);
    case "Paren":
      return containsErrorExpr(expr.inner);
    case "Call":
      return expr.args.some((a) => containsErrorExpr(a.value));
    default:
      return false;
  }
}

function ruleForm(condition: Expr, where: string) {
  const e = strip(condition);
  const joined = e.kind === "Binary" && (e.op === "and" || e.op === "or");
  return makeDiagnostic("E0512", condition.span, `${where} must compare a metric with a value`, {
    label: joined ? `one rule per line, not joined with \`${e.op}\`` : "expected `metric OP value`",
    hints: [
      joined && e.op === "and"
        ? "write each comparison as its own rule: every rule must hold"
        : "write e.g. `profit_factor >= 1.1`, `sharpe(daily) >= 1.0` or `change(profit_factor) >= 3%`",
    ],
  });
}

/** Resolves a metric reference (`trades`, `sharpe(daily)`, `change(profit_factor)`). */
export function resolveMetric(state: CheckState, env: Env, expr: Expr, baseline: { readonly present: boolean } | null): MetricRef | null {
  const e = strip(expr);
  if (e.kind === "Call" && e.callee.name === "change") {
    if (baseline === null) {
      state.report(makeDiagnostic("E0513", e.callee.span, "change(...) can only be used in a gate rule", { label: "no baseline here", hints: ["compare the metric itself"] }));
      return null;
    }
    const inner = e.args.length === 1 && e.args[0]?.name === null ? e.args[0].value : null;
    if (inner === null) {
      state.report(makeDiagnostic("E0313", e.span, "change(...) takes one metric", { label: "expected change(metric)", hints: ["write e.g. change(profit_factor)"] }));
      return null;
    }
    const stripped = strip(inner);
    if (stripped.kind === "Call" && stripped.callee.name === "change") {
      state.report(makeDiagnostic("E0512", inner.span, "change(...) cannot be nested", { label: "a change of a change" }));
      return null;
    }
    const base = resolveMetric(state, env, inner, baseline);
    if (base === null) return null;
    if (!baseline.present) {
      state.report(
        makeDiagnostic("E0513", e.callee.span, "change(...) needs a baseline to compare with", {
          label: "no `baseline` in this gate",
          hints: ["add `baseline <strategy>` to the gate: its latest run is what the change is measured against"],
        }),
      );
      return null;
    }
    const sig = lookupBuiltin("change", ["comparative"]);
    if (sig === undefined) return null;
    return { sig: base.sig, args: base.args, compare: "change", unit: "ratio", domain: { min: -1 } };
  }
  if (e.kind !== "Call" && e.kind !== "Name") {
    state.report(makeDiagnostic("E0512", e.span, "expected a metric", { label: "not a metric", hints: ["metrics are names such as trades, win_rate, sharpe(daily)"] }));
    return null;
  }
  const name = e.kind === "Call" ? e.callee.name : e.name.name;
  const nameSpan = e.kind === "Call" ? e.callee.span : e.span;
  const sig = lookupBuiltin(name, ["metric"]);
  if (sig === undefined) {
    const other = lookupBuiltin(name);
    if (other !== undefined) state.report(misplacedBuiltin(other, { ...env, place: "a metric rule" }, nameSpan));
    else
      state.report(
        makeDiagnostic("E0514", nameSpan, `unknown metric '${name}'`, {
          label: "not a metric",
          hints: [didYouMean(name, builtinNames(["metric"])) ?? `the metrics are ${builtinNames(["metric"]).join(", ")}`],
        }),
      );
    return null;
  }
  const bound = bindCall(state, { ...env, place: `the arguments of '${name}'` }, sig, e.kind === "Call" ? e.args : [], e.span, name);
  if (bound === null) return null;
  if (e.kind === "Call") state.calls.set(e.id, bound);
  else state.names.set(e.id, { kind: "builtin", call: bound });
  state.types.set(e.id, Ty.metric(sig.result.kind === "metric" ? sig.result.unit : "number"));
  const args = metricArgs(state, bound);
  if (args === null) return null;
  return { sig, args, compare: "value", unit: sig.result.kind === "metric" ? sig.result.unit : "number", domain: sig.domain ?? {} };
}

function metricArgs(state: CheckState, bound: BoundCall): (number | string | boolean)[] | null {
  const out: (number | string | boolean)[] = [];
  for (let i = 0; i < bound.sig.params.length; i++) {
    const arg = bound.args[i];
    const param = bound.sig.params[i];
    if (arg === null || arg === undefined) {
      const d = param?.default;
      if (typeof d === "number" || typeof d === "string" || typeof d === "boolean") out.push(d);
      continue;
    }
    const v = evaluate(state, arg);
    if (state.types.get(arg.id)?.kind === "error") return null;
    if (typeof v !== "number" && typeof v !== "string" && typeof v !== "boolean") {
      state.report(makeDiagnostic("E0324", arg.span, "a metric's argument must be known at compile time", { label: "not a constant" }));
      return null;
    }
    out.push(v);
  }
  return out;
}

/** The literal's unit as written: ratio for 5% and 5bps, plain for 5. */
function writtenUnit(state: CheckState, env: Env, expr: Expr): "plain" | "ratio" | "money" | "duration" | "bars" | null {
  const e = strip(expr);
  if (e.kind === "NumberLit") return e.unit === "percent" || e.unit === "bps" ? "ratio" : e.unit === "number" ? "plain" : e.unit;
  if (e.kind === "Unary") return writtenUnit(state, env, e.operand);
  if (e.kind === "Name") {
    const decl = state.program.visible.get(env.file)?.get(e.name.name);
    if (decl?.kind !== "Const") return null;
    if (decl.type !== null) {
      const t = decl.type.name.name;
      return t === "percent" || t === "bps" || t === "ratio" ? "ratio" : t === "money" ? "money" : t === "duration" ? "duration" : t === "bars" ? "bars" : "plain";
    }
    return writtenUnit(state, env, decl.value);
  }
  return null;
}

/** Checks the compared value's unit and range against the metric; returns it normalised, or null. */
function checkThreshold(state: CheckState, env: Env, expr: Expr, metric: MetricRef, metricText: string): number | null {
  // binds a const used as the threshold, so that it can be evaluated
  if (checkExpr(state, env, expr, null).kind === "error") return null;
  const value = evaluate(state, expr);
  const written = writtenUnit(state, env, expr);
  if (typeof value !== "number" || written === null) {
    state.report(makeDiagnostic("E0512", expr.span, "the value compared with a metric must be a number known at compile time", { label: "not a number" }));
    return null;
  }
  const raw = printExpr(strip(expr));
  const unit = metric.unit;
  const domain = metric.domain;
  const wrongUnit = (hint: string) =>
    makeDiagnostic("E0301", expr.span, `${metricText} is ${unitWords(unit)}, but ${raw} is ${writtenWords(written)}`, {
      label: "wrong unit",
      hints: [hint],
    });
  if (unit === "ratio") {
    if (written === "plain") {
      const lo = domain.min ?? -1;
      const hi = domain.max ?? 1;
      if (value < lo || value > hi) {
        state.report(outOfRange(expr, metricText, value, "plain", { min: domain.min ?? -1, max: domain.max ?? 1 }, `did you mean ${raw.replace(/^-/, "-")}%?`));
        return null;
      }
    } else if (written !== "ratio") {
      state.report(wrongUnit(`compare ${metricText} with a percentage, e.g. 15%`));
      return null;
    }
  } else if (unit === "money") {
    if (written === "plain") {
      state.report(missingUnit(raw, "money", expr.span));
      return null;
    }
    if (written !== "money") {
      state.report(wrongUnit(`compare ${metricText} with an amount, e.g. $10k`));
      return null;
    }
  } else if (unit === "int" || unit === "number") {
    if (written !== "plain") {
      const hint = written === "ratio" ? `${metricText} is a plain number: write ${String(Number(value.toPrecision(12)))}` : `write a plain number`;
      state.report(wrongUnit(hint));
      return null;
    }
    if (unit === "int" && !Number.isInteger(value)) {
      state.report(makeDiagnostic("E0409", expr.span, `${metricText} counts whole units, but ${raw} is not a whole number`, { label: "not a whole number", hints: [`write ${Math.ceil(value)}`] }));
      return null;
    }
  }
  if ((domain.min !== undefined && value < domain.min) || (domain.max !== undefined && value > domain.max)) {
    state.report(outOfRange(expr, metricText, value, unit, domain, null));
    return null;
  }
  return value;
}

function outOfRange(expr: Expr, metricText: string, value: number, unit: string, domain: NumericDomain, hint: string | null) {
  const shownUnit = unit === "plain" ? "ratio" : unit;
  const valueText = unit === "plain" ? String(value) : showNumber(value, shownUnit);
  return makeDiagnostic("E0407", expr.span, `${valueText} is outside the range of ${metricText}, ${showDomain(domain.min, domain.max, shownUnit)}`, {
    label: unit === "plain" ? `a plain ${valueText} is the ratio ${showNumber(value, "ratio")}` : "can never be reached",
    hints: [hint],
  });
}

function unitWords(unit: ScalarUnit): string {
  return unit === "ratio" ? "a ratio" : unit === "money" ? "an amount of money" : unit === "int" ? "a count" : "a plain number";
}

function writtenWords(written: string): string {
  return written === "ratio" ? "a percentage" : written === "plain" ? "a plain number" : written === "money" ? "money" : written === "duration" ? "a duration" : "a bar count";
}
