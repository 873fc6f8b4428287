// Gate blocks: `scope` (a conjunction of run_source / data_regime / strategy /
// ticker clauses with == or !=), `baseline` (a strategy), and `require` rules
// (`metric OP literal` or `change(metric) OP literal`, the latter only with a
// baseline) with `else fail | insufficient_observation`. A gate without a
// rule is an error (E0521).

import type { BlockDecl, Expr } from "../ast.js";
import { bareName, makeDiagnostic } from "../diagnostics/problems.js";
import { didYouMean } from "../diagnostics/suggest.js";
import { checkSettings } from "./check-settings.js";
import { makeEnv, type CheckState, type Env } from "./context.js";
import { checkExpr } from "./expr.js";
import { checkMetricRule } from "./metric-rule.js";
import { lookupBinding } from "./names.js";
import { Ty } from "./types.js";

/** The scope fields and the type of the value each is compared with. */
export const SCOPE_FIELDS: Readonly<Record<string, Ty>> = {
  run_source: Ty.enumOf("run_source", ["prod", "paper", "smoke", "maintenance"]),
  data_regime: Ty.enumOf("data_regime", ["prod_live", "maintenance_replay", "mixed"]),
  strategy: Ty.decl("strategy"),
  ticker: Ty.scalar("ticker"),
};

/** The clauses of a top-level `and` chain. */
export function andOperands(expr: Expr): Expr[] {
  if (expr.kind === "Binary" && expr.op === "and") return [...andOperands(expr.left), ...andOperands(expr.right)];
  return [expr];
}

/** Checks one gate block. */
export function checkGate(state: CheckState, block: BlockDecl): void {
  const env: Env = makeEnv(block.span.file, null, false, `gate '${block.name.name}'`);
  const settings = checkSettings(state, block, env);
  const scope = settings.get("scope")?.[0];
  if (scope !== undefined) for (const clause of andOperands(scope.value)) checkScopeClause(state, env, clause);
  const baseline = { present: settings.has("baseline") };
  let rules = 0;
  for (const item of block.items) {
    if (item.kind !== "Require") continue;
    rules++;
    const rule = checkMetricRule(state, env, item.condition, baseline, "a gate rule");
    if (rule !== null) state.metricRules.set(item.id, rule);
    if (item.orElse !== null && item.orElse.name !== "" && item.orElse.name !== "fail" && item.orElse.name !== "insufficient_observation") {
      state.report(
        makeDiagnostic("E0525", item.orElse.span, `unknown outcome '${item.orElse.name}' after else`, {
          label: "not an outcome",
          hints: [didYouMean(item.orElse.name, ["fail", "insufficient_observation"]) ?? "write `else fail` or `else insufficient_observation`"],
        }),
      );
    }
  }
  if (rules === 0) {
    state.report(
      makeDiagnostic("E0521", block.name.span, `gate '${block.name.name}' has no rules`, {
        label: "would pass every run",
        hints: ["add a rule, e.g. `require trades >= 30 else insufficient_observation`"],
      }),
    );
  }
}

function checkScopeClause(state: CheckState, env: Env, clause: Expr): void {
  const e = clause.kind === "Paren" ? clause.inner : clause;
  if (e.kind !== "Binary" || (e.op !== "==" && e.op !== "!=") || e.left.kind !== "Name") {
    state.report(
      makeDiagnostic("E0522", clause.span, "a scope clause is `field == value` or `field != value`, joined with `and`", {
        label: "not a scope clause",
        hints: ["write e.g. `scope run_source == prod and data_regime == prod_live`"],
      }),
    );
    return;
  }
  const field = e.left.name.name;
  const expected = SCOPE_FIELDS[field];
  if (expected === undefined) {
    state.report(
      makeDiagnostic("E0522", e.left.span, `unknown scope field '${field}'`, {
        label: "not a scope field",
        hints: [didYouMean(field, Object.keys(SCOPE_FIELDS)) ?? `the fields are ${Object.keys(SCOPE_FIELDS).join(", ")}`],
      }),
    );
    return;
  }
  state.types.set(e.left.id, expected);
  if (field === "ticker" && e.right.kind === "Name" && lookupBinding(state, env, e.right) === undefined) {
    const ticker = e.right.name.name;
    state.report(bareName(ticker, e.right.span, "a ticker", `a ticker is a string: write \`ticker ${e.op} "${ticker}"\``));
    return;
  }
  checkExpr(state, { ...env, place: `a scope clause on ${field}` }, e.right, expected);
}
