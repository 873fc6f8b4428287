// Unit algebra for scalar and series values. Dimensionless units (int,
// number, ratio) mix freely; money, duration and bar counts only combine with
// themselves or are scaled by a dimensionless factor: ratio × money = money,
// money / money = ratio, duration + duration = duration, duration / duration
// = number. Everything else is a unit mismatch the checker reports.

import type { BinaryOp } from "../ast.js";
import type { ScalarUnit } from "../../stdlib/signature.js";

const DIMENSIONLESS: ReadonlySet<ScalarUnit> = new Set<ScalarUnit>(["int", "number", "ratio"]);
const SCALED: ReadonlySet<ScalarUnit> = new Set<ScalarUnit>(["money", "duration", "bars"]);
const ORDERED: ReadonlySet<ScalarUnit> = new Set<ScalarUnit>(["int", "number", "ratio", "money", "duration", "bars", "date", "time"]);

/** True for int, number and ratio. */
export function isDimensionless(unit: ScalarUnit): boolean {
  return DIMENSIONLESS.has(unit);
}

/** True for units a plain number can stand for after a unit suffix (percent, $, d, bars). */
export function isNumeric(unit: ScalarUnit): boolean {
  return DIMENSIONLESS.has(unit) || SCALED.has(unit);
}

/** Whether a value of unit `actual` may be used where `expected` is wanted (no literal coercion). */
export function unitAssignable(actual: ScalarUnit, expected: ScalarUnit): boolean {
  if (actual === expected) return true;
  if (expected === "number") return actual === "int" || actual === "ratio";
  // a bar count and an int count the same thing; only literals must say `bars`
  if (expected === "int") return actual === "bars";
  if (expected === "bars") return actual === "int";
  return false;
}

function joinDimensionless(a: ScalarUnit, b: ScalarUnit): ScalarUnit {
  if (a === b) return a;
  return "number";
}

/** The unit of `left op right` for arithmetic operators, or null when the units do not combine. */
export function arithmeticUnit(op: "+" | "-" | "*" | "/", left: ScalarUnit, right: ScalarUnit): ScalarUnit | null {
  const ld = DIMENSIONLESS.has(left);
  const rd = DIMENSIONLESS.has(right);
  if (op === "+" || op === "-") {
    if (ld && rd) return joinDimensionless(left, right);
    if (left === right && SCALED.has(left)) return left;
    return null;
  }
  if (op === "*") {
    if (ld && rd) return left === "int" && right === "int" ? "int" : left === "ratio" && right === "ratio" ? "ratio" : joinDimensionless(left, right);
    if (ld && SCALED.has(right)) return right;
    if (rd && SCALED.has(left)) return left;
    return null;
  }
  // division
  if (ld && rd) return "number";
  if (SCALED.has(left) && rd) return left;
  if (left === right && left === "money") return "ratio";
  if (left === right && SCALED.has(left)) return "number";
  return null;
}

/** Whether two units can be compared with `op` (ordering needs an ordered unit). */
export function comparable(op: BinaryOp, left: ScalarUnit, right: ScalarUnit): boolean {
  const sameFamily =
    left === right ||
    (DIMENSIONLESS.has(left) && DIMENSIONLESS.has(right)) ||
    (left === "bars" && right === "int") ||
    (left === "int" && right === "bars") ||
    (isStringLike(left) && isStringLike(right));
  if (!sameFamily) return false;
  if (op === "==" || op === "!=") return true;
  return ORDERED.has(left) && ORDERED.has(right);
}

function isStringLike(unit: ScalarUnit): boolean {
  return unit === "string" || unit === "ticker" || unit === "timezone";
}

/** Arithmetic operators. */
export function isArithmetic(op: BinaryOp): op is "+" | "-" | "*" | "/" {
  return op === "+" || op === "-" || op === "*" || op === "/";
}

/** Comparison operators. */
export function isComparison(op: BinaryOp): op is "<" | "<=" | ">" | ">=" | "==" | "!=" {
  return op === "<" || op === "<=" || op === ">" || op === ">=" || op === "==" || op === "!=";
}

/** The suffix that turns a plain number into the given unit, for "did you mean" hints. */
export function unitSuffixHint(value: string, unit: ScalarUnit): string | null {
  switch (unit) {
    case "ratio":
      return `${value}%`;
    case "money":
      return `$${value}`;
    case "duration":
      return `${value}d`;
    case "bars":
      return `${value} bars`;
    default:
      return null;
  }
}
