// The portfolio tables (migration 003): a portfolio run's settings and rebalances, and
// each sleeve's and baseline's curve, weight and rebalance history. Written inside the
// run's completing transaction (store.completePortfolioRun), so a portfolio run is all
// there or not at all. Curves are little-endian blobs, as in equity.ts.

import type { EquityCurve } from "../engine/result.js";
import { canonicalJson } from "./canonical.js";
import type { StoreContext } from "./context.js";
import { decodeFloat64, encodeFloat64 } from "./equity.js";
import { insertMetrics, type MetricValues } from "./metrics.js";

/** The weights set at one rebalance: asset id → weight (the rest is cash). */
export interface StoredRebalance {
  /** Epoch ms UTC of the rebalance day's close. */
  readonly time: number;
  readonly weights: Readonly<Record<string, number>>;
  readonly tradedValue: number;
  readonly cost: number;
}

/** One sleeve or baseline of a portfolio run. */
export interface PortfolioScopeRecord {
  /** `sleeve:NAME` or `baseline:LABEL`; also the metrics scope. */
  readonly scope: string;
  readonly kind: "sleeve" | "baseline";
  readonly name: string;
  /** safe / core / spec; null for baselines. */
  readonly bucket: string | null;
  /** The declared cap; null for baselines. */
  readonly cap: number | null;
  /** Share of the portfolio's capital (cap × min(1, 1 / Σ caps)); 1 for baselines. */
  readonly weight: number;
  readonly weighting: string;
  /** Asset ids: tickers, or strategy/TICKER. */
  readonly members: readonly string[];
  readonly rebalances: readonly StoredRebalance[];
  readonly initialCash: number;
  readonly finalEquity: number;
  readonly tradedValue: number;
  readonly costs: number;
  /** The curve; empty arrays when read without curves. */
  readonly curve: EquityCurve;
  readonly metrics: MetricValues;
}

/** A portfolio run's own settings. */
export interface PortfolioRunRecord {
  readonly runId: string;
  readonly portfolio: string;
  readonly rebalance: string;
  /** Commission rate charged on rebalancing trades. */
  readonly commission: number;
  /** Share of capital no sleeve holds. */
  readonly cashWeight: number;
  /** Each strategy member with the params it ran with. */
  readonly strategies: readonly { readonly name: string; readonly params: Readonly<Record<string, unknown>> }[];
  readonly rebalances: readonly StoredRebalance[];
  /** Sleeves in portfolio order, then baselines in declared order. */
  readonly scopes: readonly PortfolioScopeRecord[];
}

/** Inserts a portfolio run's tables and its sleeve and baseline metrics. Call inside the run's write transaction. */
export function insertPortfolioRun(ctx: StoreContext, record: PortfolioRunRecord): void {
  ctx.db
    .prepare("INSERT INTO portfolio_runs (run_id, portfolio, rebalance, commission, cash_weight, strategies, rebalances) VALUES (?, ?, ?, ?, ?, ?, ?)")
    .run(record.runId, record.portfolio, record.rebalance, record.commission, record.cashWeight, JSON.stringify(record.strategies), JSON.stringify(record.rebalances));
  const stmt = ctx.db.prepare(
    `INSERT INTO portfolio_scopes (run_id, seq, scope, kind, name, bucket, cap, weight, weighting, members, rebalances,
       initial_cash, final_equity, traded_value, costs, points, time, equity, exposed)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  record.scopes.forEach((s, i) => {
    const { curve } = s;
    stmt.run(
      record.runId, i + 1, s.scope, s.kind, s.name, s.bucket, s.cap, s.weight, s.weighting, canonicalJson(s.members), JSON.stringify(s.rebalances),
      s.initialCash, s.finalEquity, s.tradedValue, s.costs, curve.equity.length,
      encodeFloat64(curve.time), encodeFloat64(curve.equity), Buffer.from(curve.exposed.buffer, curve.exposed.byteOffset, curve.exposed.byteLength),
    );
    insertMetrics(ctx, record.runId, s.scope, s.metrics);
  });
}

interface ScopeRow {
  scope: string;
  kind: "sleeve" | "baseline";
  name: string;
  bucket: string | null;
  cap: number | null;
  weight: number;
  weighting: string;
  members: string;
  rebalances: string;
  initial_cash: number;
  final_equity: number;
  traded_value: number;
  costs: number;
  time: Buffer | null;
  equity: Buffer | null;
  exposed: Buffer | null;
}

const EMPTY: EquityCurve = { time: new Float64Array(0), equity: new Float64Array(0), exposed: new Uint8Array(0) };

/** A portfolio run's record (curves included when asked), or null for a strategy run. */
export function selectPortfolioRun(ctx: StoreContext, runId: string, withCurves: boolean): PortfolioRunRecord | null {
  const run = ctx.db.prepare("SELECT * FROM portfolio_runs WHERE run_id = ?").get(runId) as
    | { portfolio: string; rebalance: string; commission: number; cash_weight: number; strategies: string; rebalances: string }
    | undefined;
  if (run === undefined) return null;
  const blobs = withCurves ? "time, equity, exposed" : "NULL AS time, NULL AS equity, NULL AS exposed";
  const rows = ctx.db
    .prepare(`SELECT scope, kind, name, bucket, cap, weight, weighting, members, rebalances, initial_cash, final_equity, traded_value, costs, ${blobs} FROM portfolio_scopes WHERE run_id = ? ORDER BY seq`)
    .all(runId) as ScopeRow[];
  const metrics = ctx.db.prepare("SELECT scope, key, value FROM metrics WHERE run_id = ? AND (scope LIKE 'sleeve:%' OR scope LIKE 'baseline:%')").all(runId) as { scope: string; key: string; value: number | null }[];
  return {
    runId,
    portfolio: run.portfolio,
    rebalance: run.rebalance,
    commission: run.commission,
    cashWeight: run.cash_weight,
    strategies: JSON.parse(run.strategies) as PortfolioRunRecord["strategies"],
    rebalances: JSON.parse(run.rebalances) as StoredRebalance[],
    scopes: rows.map((r) => ({
      scope: r.scope,
      kind: r.kind,
      name: r.name,
      bucket: r.bucket,
      cap: r.cap,
      weight: r.weight,
      weighting: r.weighting,
      members: JSON.parse(r.members) as string[],
      rebalances: JSON.parse(r.rebalances) as StoredRebalance[],
      initialCash: r.initial_cash,
      finalEquity: r.final_equity,
      tradedValue: r.traded_value,
      costs: r.costs,
      curve:
        r.time === null || r.equity === null || r.exposed === null
          ? EMPTY
          : { time: decodeFloat64(r.time), equity: decodeFloat64(r.equity), exposed: new Uint8Array(r.exposed) },
      metrics: Object.fromEntries(metrics.filter((m) => m.scope === r.scope).map((m) => [m.key, m.value])),
    })),
  };
}
