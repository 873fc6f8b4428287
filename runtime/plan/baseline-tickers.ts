// The tickers a portfolio baseline names (`market(["SPY"])`, `benchmark("QQQ")`), read from
// its lowered argument. Shared by the plan preview and the portfolio runner.

import type { Expr } from "../../specs/generated/plan.js";

/** The tickers a baseline argument names: a ticker literal or a list of them. */
export function tickersOf(arg: Expr | undefined): string[] {
  if (arg === undefined) return [];
  if (arg.op === "lit") return [String(arg.value)];
  if (arg.op === "list") return arg.items.flatMap((item) => tickersOf(item));
  return [];
}
