// The metrics table: a run's computed metrics, per scope ('portfolio' or 'ticker:X'),
// keyed as stdlib's metricKey writes them ("sharpe(daily)", "var(0.95)"). A null value
// means the metric is undefined for the run (no trades for win_rate, ...); NaN is stored
// as null too; ±Infinity (profit_factor without losses) is kept, SQLite REAL holds it. The unit comes from the metric's stdlib signature, so reports can format it.

import { METRICS } from "../../stdlib/signatures/metrics.js";
import type { StoreContext } from "./context.js";

/** Metric values keyed by metric key; null where undefined for the run. */
export type MetricValues = Readonly<Record<string, number | null>>;

/** The scope key of portfolio-level metrics. */
export const PORTFOLIO_SCOPE = "portfolio";

/** The scope key of one ticker's metrics. */
export function tickerScope(ticker: string): string {
  return `ticker:${ticker}`;
}

/** One stored metric. */
export interface StoredMetric {
  /** 'portfolio' or 'ticker:X'. */
  readonly scope: string;
  readonly key: string;
  readonly value: number | null;
  /** The stdlib result unit: int, ratio, number, money. */
  readonly unit: string;
}

const UNITS: ReadonlyMap<string, string> = new Map(METRICS.map((m) => [m.name, m.result.kind === "metric" ? m.result.unit : "number"]));

/** The unit of a metric key, from its stdlib signature ("number" when unknown). */
export function metricUnit(key: string): string {
  const paren = key.indexOf("(");
  return UNITS.get(paren < 0 ? key : key.slice(0, paren)) ?? "number";
}

/** Inserts one scope's metrics, sorted by key. Call inside a write transaction. */
export function insertMetrics(ctx: StoreContext, runId: string, scope: string, values: MetricValues): void {
  const stmt = ctx.db.prepare("INSERT INTO metrics (run_id, scope, key, value, unit) VALUES (?, ?, ?, ?, ?)");
  for (const key of Object.keys(values).sort()) {
    const value = values[key];
    stmt.run(runId, scope, key, value === undefined || value === null || Number.isNaN(value) ? null : value, metricUnit(key));
  }
}

/** A run's metrics, portfolio first, then tickers, each sorted by key. */
export function selectMetrics(ctx: StoreContext, runId: string): StoredMetric[] {
  return ctx.db
    .prepare("SELECT scope, key, value, unit FROM metrics WHERE run_id = ? ORDER BY scope <> 'portfolio', scope, key")
    .all(runId) as StoredMetric[];
}
