// Comparison and margin of one rule: the only arithmetic a gate does besides metrics.
// Margin is in the rule's unit and positive on the passing side:
//   >= and >: value - threshold;  <= and <: threshold - value;
//   ==: -|value - threshold| (0 when exactly on it);  !=: |value - threshold|.
// Comparisons are exact: thresholds are plan literals, no tolerance is invented here.

import type { GateRule } from "../../specs/generated/plan.js";

/** A rule's comparison operator. */
export type Operator = GateRule["operator"];

/** Whether `value operator threshold` holds. */
export function compare(operator: Operator, value: number, threshold: number): boolean {
  switch (operator) {
    case ">=":
      return value >= threshold;
    case ">":
      return value > threshold;
    case "<=":
      return value <= threshold;
    case "<":
      return value < threshold;
    case "==":
      return value === threshold;
    case "!=":
      return value !== threshold;
  }
}

/** Distance from the threshold in the rule's unit, positive on the passing side; null when undefined. */
export function margin(operator: Operator, value: number | null, threshold: number): number | null {
  if (value === null) return null;
  let m: number;
  switch (operator) {
    case ">=":
    case ">":
      m = value - threshold;
      break;
    case "<=":
    case "<":
      m = threshold - value;
      break;
    case "==":
      m = -Math.abs(value - threshold);
      break;
    case "!=":
      m = Math.abs(value - threshold);
      break;
  }
  return Number.isNaN(m) ? null : m;
}

/** Relative change of a metric against its baseline: value/baseline - 1, signed so a rise is positive for a negative baseline too; null when undefined. */
export function relativeChange(value: number | null, baseline: number | null): number | null {
  if (value === null || baseline === null || baseline === 0 || !Number.isFinite(baseline)) return null;
  const change = (value - baseline) / Math.abs(baseline);
  return Number.isNaN(change) ? null : change;
}
