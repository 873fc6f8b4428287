// Renders plan expressions and scalars back to readable strat-like text, for
// `strat plan`, reports and gate explanations. Units were normalised by the
// compiler, so ratios print as percents and seconds as durations.

import type { Expr, Scalar, Unit } from "../../specs/generated/plan.js";

/** Formats a number without float noise (0.1 + 0.2 prints 0.3). */
export function formatNumber(value: number): string {
  if (!Number.isFinite(value)) return value > 0 ? "inf" : value < 0 ? "-inf" : "NaN";
  const rounded = Number(value.toPrecision(12));
  return String(rounded);
}

/** Formats a ratio as a percent: 0.002 → "0.2%". */
export function formatPercent(ratio: number): string {
  return `${formatNumber(ratio * 100)}%`;
}

/** Formats money: 100000 → "$100,000". */
export function formatMoney(value: number): string {
  const sign = value < 0 ? "-" : "";
  const abs = Math.abs(value);
  const [whole, frac] = formatNumber(abs).split(".");
  const grouped = (whole ?? "0").replace(/\B(?=(\d{3})+(?!\d))/g, ",");
  return `${sign}$${grouped}${frac ? "." + frac.slice(0, 2).padEnd(2, "0") : ""}`;
}

const DURATION_UNITS: readonly [number, string][] = [
  [365 * 86400, "y"],
  [7 * 86400, "w"],
  [86400, "d"],
  [3600, "h"],
  [60, "m"],
  [1, "s"],
];

/** Formats seconds as the largest whole duration unit: 864000 → "10d". */
export function formatDuration(seconds: number): string {
  for (const [size, suffix] of DURATION_UNITS) {
    if (seconds >= size && seconds % size === 0) return `${seconds / size}${suffix}`;
  }
  return `${formatNumber(seconds)}s`;
}

/** Formats a scalar in its unit. */
export function formatScalar(value: Scalar, unit: Unit): string {
  if (typeof value === "boolean") return String(value);
  if (typeof value === "string") return unit === "string" || unit === "time" || unit === "timezone" || unit === "ticker" ? JSON.stringify(value) : value;
  switch (unit) {
    case "ratio":
      return formatPercent(value);
    case "money":
      return formatMoney(value);
    case "seconds":
      return formatDuration(value);
    case "bars":
      return `${formatNumber(value)} bars`;
    default:
      return formatNumber(value);
  }
}

const PRECEDENCE: Readonly<Record<string, number>> = {
  or: 1,
  and: 2,
  "<": 4,
  "<=": 4,
  ">": 4,
  ">=": 4,
  "==": 4,
  "!=": 4,
  "+": 5,
  "-": 5,
  "*": 6,
  "/": 6,
};

/** Renders an expression as strat text with the fewest parentheses that keep its meaning. */
export function exprText(expr: Expr, parentPrecedence = 0): string {
  switch (expr.op) {
    case "lit":
      return formatScalar(expr.value, expr.unit);
    case "list":
      return `[${expr.items.map((e) => exprText(e)).join(", ")}]`;
    case "series":
    case "param":
      return expr.name;
    case "call":
      return `${expr.fn}(${expr.args.map((e) => exprText(e)).join(", ")})`;
    case "field":
      return `${exprText(expr.of, 9)}.${expr.name}`;
    case "model":
      return `${expr.model}.${expr.field}`;
    case "lag":
      return `${exprText(expr.of, 9)}[${exprText(expr.bars)}]`;
    case "unary": {
      const inner = exprText(expr.operand, expr.operator === "not" ? 3 : 7);
      const text = expr.operator === "not" ? `not ${inner}` : `-${inner}`;
      return parentPrecedence > (expr.operator === "not" ? 3 : 7) ? `(${text})` : text;
    }
    case "binary": {
      const own = PRECEDENCE[expr.operator] ?? 0;
      const text = `${exprText(expr.left, own)} ${expr.operator} ${exprText(expr.right, own + 1)}`;
      return parentPrecedence > own ? `(${text})` : text;
    }
  }
}
