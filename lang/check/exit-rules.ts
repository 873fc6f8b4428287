// Hints for an exit rule misused inside an exit condition (E0322): the rule
// under `not` (remove the `not`) or under `and` (an exit rule closes the
// position on its own, so the likely intent is `or`). The hint is built from
// the user's own expression, so it can be pasted back.

import type { Expr } from "../ast.js";
import type { Diagnostic } from "../diagnostics/diagnostic.js";
import { printExpr } from "./print.js";

/** The node directly above the call whose callee starts at `start`, with the call; null when not found. */
function parentOfCallee(expr: Expr, start: number, parent: Expr | null): { parent: Expr | null; call: Expr } | null {
  if (expr.kind === "Call" && expr.callee.span.start === start) return { parent, call: expr };
  const children: Expr[] =
    expr.kind === "Binary" ? [expr.left, expr.right] : expr.kind === "Unary" ? [expr.operand] : expr.kind === "Paren" ? [expr.inner] : [];
  for (const child of children) {
    const found = parentOfCallee(child, start, expr.kind === "Paren" ? parent : expr);
    if (found !== null) return found;
  }
  return null;
}

/** Rewrites the hint of an E0322 reported inside `operand` of `exit when`. */
export function exitRuleHint(diagnostic: Diagnostic, operand: Expr): Diagnostic {
  if (diagnostic.code !== "E0322") return diagnostic;
  const found = parentOfCallee(operand, diagnostic.span.start, null);
  if (found === null || found.parent === null) return diagnostic;
  const { parent, call } = found;
  if (parent.kind === "Unary" && parent.op === "not") {
    return { ...diagnostic, hints: [`an exit rule cannot be negated: remove \`not\` and write \`exit when ${printExpr(call)}\``] };
  }
  if (parent.kind === "Binary" && parent.op === "and") {
    const other = parent.left === call || (parent.left.kind === "Paren" && parent.left.inner === call) ? parent.right : parent.left;
    return {
      ...diagnostic,
      hints: [`to exit when either holds, join them with \`or\`: \`exit when ${printExpr(call)} or ${printExpr(other)}\``],
    };
  }
  return diagnostic;
}
