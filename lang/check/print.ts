// Canonical one-line text of an expression, for messages (`close[-1]`) and the
// plan's rule texts (`sharpe(daily) >= 1.0`). Literals print as written, so a
// whitespace change in the source never changes the text.

import type { Expr } from "../ast.js";

/** Prints an expression with single spaces around binary operators and raw literals. */
export function printExpr(expr: Expr): string {
  switch (expr.kind) {
    case "NumberLit":
      return expr.raw;
    case "StringLit":
      return expr.raw;
    case "DateLit":
      return expr.value;
    case "BoolLit":
      return expr.value ? "true" : "false";
    case "Name":
      return expr.name.name;
    case "List":
      return `[${expr.items.map(printExpr).join(", ")}]`;
    case "Call":
      return `${expr.callee.name}(${expr.args.map((a) => (a.name === null ? "" : `${a.name.name}: `) + printExpr(a.value)).join(", ")})`;
    case "Index":
      return `${printExpr(expr.target)}[${printExpr(expr.index)}]`;
    case "Member":
      return `${printExpr(expr.target)}.${expr.field.name}`;
    case "Unary":
      return expr.op === "not" ? `not ${printExpr(expr.operand)}` : `-${printExpr(expr.operand)}`;
    case "Binary":
      return `${printExpr(expr.left)} ${expr.op} ${printExpr(expr.right)}`;
    case "Range":
      return `${printExpr(expr.from)}..${printExpr(expr.to)}`;
    case "Paren":
      return `(${printExpr(expr.inner)})`;
    case "ErrorExpr":
      return "<error>";
  }
}
