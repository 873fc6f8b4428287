// Hand-built runs stored for gate tests, and gates written as GatePlan literals.

import type { GatePlan, GateRule, ScopeClause } from "../../../specs/generated/plan.js";
import { meta, tickerResult } from "../../store/__fixtures__/build-results.js";
import { ok } from "../../store/__fixtures__/open-temp.js";
import type { RunMeta, Store } from "../../store/index.js";

/** Stores a completed single-ticker run with this equity curve and these trade pnls; returns its id. */
export function storeRun(store: Store, equity: readonly number[], pnls: readonly number[], overrides: Partial<RunMeta> = {}): string {
  const runMeta = meta({ initialCash: equity[0] ?? 100_000, ...overrides });
  const id = ok(store.beginRun(runMeta));
  const ticker = runMeta.tickers[0] ?? "AAPL";
  ok(store.recordTickerResult(id, tickerResult(ticker, equity, pnls), {}));
  ok(store.completeRun(id));
  return id;
}

/** The usual scope: real runs on live data. */
export const PROD_LIVE: ScopeClause[] = [
  { field: "run_source", operator: "==", value: "prod" },
  { field: "data_regime", operator: "==", value: "prod_live" },
];

/** A `require metric op threshold [else insufficient_observation]` rule. */
export function rule(text: string, metric: string, operator: GateRule["operator"], threshold: number, unit: GateRule["unit"], more: Partial<GateRule> = {}): GateRule {
  return { text, metric, args: [], compare: "value", operator, threshold, unit, orElse: "fail", ...more };
}

/** A gate literal. */
export function gate(name: string, rules: GateRule[], scope: ScopeClause[] = PROD_LIVE, baseline: string | null = null): GatePlan {
  return { name, doc: null, origin: { file: `gates/${name}.strat` }, scope, baseline, rules };
}
