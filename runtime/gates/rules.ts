// One gate rule on one run. Input: the rule, the run's metric input, and for `change`
// rules the baseline's. Output: a RuleOutcome with value, margin and outcome.
// A null value (metric undefined, no baseline) takes the rule's orElse outcome; a rule
// with `else insufficient_observation` that is not met is insufficient_observation too,
// because such a rule guards the amount of evidence, not its quality.

import { evaluateMetric, isKnownMetric, metricKey } from "../../stdlib/metrics/index.js";
import type { MetricInput } from "../../stdlib/metrics/input.js";
import type { GateRule } from "../../specs/generated/plan.js";
import { compare, margin, relativeChange } from "./margin.js";
import type { GateOutcome, RuleOutcome } from "./types.js";

/** The baseline of `change` rules: its metric input, or why there is none. */
export interface BaselineInput {
  readonly input: MetricInput | null;
  readonly note: string | null;
}

/** Evaluates one rule. */
export function evaluateRule(rule: GateRule, input: MetricInput, baseline: BaselineInput): RuleOutcome {
  const key = metricKey(rule.metric, rule.args);
  const measured = measure(rule, key, input, baseline);
  const value = measured.value;
  const outcome: GateOutcome =
    value !== null && compare(rule.operator, value, rule.threshold) ? "pass" : rule.orElse === "insufficient_observation" ? "insufficient_observation" : "fail";
  return {
    text: rule.text,
    metric: key,
    value,
    ...(rule.compare === "change" ? { baselineValue: measured.baselineValue } : {}),
    threshold: rule.threshold,
    unit: rule.unit,
    operator: rule.operator,
    margin: margin(rule.operator, value, rule.threshold),
    outcome,
    note: measured.note,
  };
}

function measure(rule: GateRule, key: string, input: MetricInput, baseline: BaselineInput): { value: number | null; baselineValue: number | null; note: string | null } {
  if (!isKnownMetric(rule.metric)) return { value: null, baselineValue: null, note: `${rule.metric} is not a metric this strat computes: recompile the gate` };
  const own = clean(evaluateMetric(rule.metric, rule.args, input));
  if (rule.compare === "value") return { value: own, baselineValue: null, note: own === null ? `${key} is undefined for this run` : null };
  if (baseline.input === null) return { value: null, baselineValue: null, note: baseline.note ?? "no baseline run" };
  const base = clean(evaluateMetric(rule.metric, rule.args, baseline.input));
  const change = relativeChange(own, base);
  let note: string | null = null;
  if (own === null) note = `${key} is undefined for this run`;
  else if (base === null) note = `${key} is undefined for the baseline run`;
  else if (change === null) note = `the baseline ${key} is ${base}: a relative change is undefined`;
  return { value: change, baselineValue: base, note };
}

function clean(value: number | null): number | null {
  return value === null || Number.isNaN(value) ? null : value;
}

/**
 * The gate's status from its rules. Precedence: any insufficient_observation →
 * insufficient_observation (too little evidence makes a quality verdict meaningless, so
 * it wins even over a failed plain rule); else any fail → fail; else pass.
 */
export function combineOutcomes(rules: readonly RuleOutcome[]): GateOutcome {
  if (rules.some((r) => r.outcome === "insufficient_observation")) return "insufficient_observation";
  if (rules.some((r) => r.outcome === "fail")) return "fail";
  return "pass";
}

/** Why the gate did not pass, naming every rule that decided it; null on pass. */
export function rulesReason(status: GateOutcome, rules: readonly RuleOutcome[]): string | null {
  if (status === "pass") return null;
  const deciding = rules.filter((r) => r.outcome === status);
  const parts = deciding.map((r) => `${r.text} (${r.value === null ? (r.note ?? "no value") : `${r.metric} = ${formatValue(r.value, r.unit)}`})`);
  return `${status === "fail" ? "failed" : "insufficient observation"}: ${parts.join("; ")}`;
}

/** A value for a sentence: ratios as percents, money with cents, other numbers to 4 decimals. */
export function formatValue(value: number, unit: string): string {
  if (!Number.isFinite(value)) return String(value);
  if (unit === "ratio") return `${trim((value * 100).toFixed(2))}%`;
  if (unit === "money") return value.toFixed(2);
  return trim(value.toFixed(4));
}

function trim(text: string): string {
  return text.includes(".") ? text.replace(/0+$/, "").replace(/\.$/, "") : text;
}
