// Canonical cache keys for expressions. Params are replaced by their values, so
// `sma(close, fast)` with fast = 10 and `sma(close, 10)` share one computation,
// across the entry and exit of one strategy and across sweep trials on the same
// bars. Literal units are left out: a value's unit never changes what a series
// computes. Keys are only meaningful for one set of bars and predictions.

import type { Expr } from "../../specs/generated/plan.js";

/** The canonical key of `expr` with params resolved through `params`; unknown params keep their name. */
export function exprKey(expr: Expr, params: ReadonlyMap<string, number | string | boolean>): string {
  switch (expr.op) {
    case "lit":
      return JSON.stringify(expr.value);
    case "param": {
      const v = params.get(expr.name);
      return v === undefined ? `$${expr.name}` : JSON.stringify(v);
    }
    case "list":
      return `[${expr.items.map((e) => exprKey(e, params)).join(",")}]`;
    case "series":
      return expr.name;
    case "call":
      return `${expr.fn}(${expr.args.map((e) => exprKey(e, params)).join(",")})`;
    case "field":
      return `${exprKey(expr.of, params)}.${expr.name}`;
    case "model":
      return `model:${expr.model}.${expr.field}`;
    case "lag":
      return `${exprKey(expr.of, params)}[${exprKey(expr.bars, params)}]`;
    case "unary":
      return `(${expr.operator} ${exprKey(expr.operand, params)})`;
    case "binary":
      return `(${exprKey(expr.left, params)} ${expr.operator} ${exprKey(expr.right, params)})`;
  }
}
