// Runs a declared portfolio and records it as one run. Input: a validated plan, the
// portfolio name, options, an open store. Output: a PortfolioOutcome (portfolio,
// sleeves, baselines, strategy members, each with its metrics) or a RunFailure; once the
// run is begun, a failure marks it failed in the store, so nothing is silently lost.
// Steps: resolve the layout; load bars (ticker members from the sleeve's data, else the
// portfolio's, else --data; strategies from their own data unless --data; baselines from
// the portfolio's data, or any bars already loaded for that ticker); backtest strategy
// members; align every asset on the members' daily calendar; simulate sleeves,
// portfolio and baselines (runtime/allocation); compute metrics; record.

import type { Plan, StrategyPlan } from "../../specs/generated/plan.js";
import { buildPanel, type AssetPanel, type AssetSeries } from "../allocation/panel.js";
import { rebalanceDays, type RebalancePeriod } from "../allocation/rebalance.js";
import { allocateEqual, allocatePortfolio, type SleeveSpec } from "../allocation/sleeves.js";
import type { AllocationResult } from "../allocation/simulate.js";
import type { Bars } from "../data/bars.js";
import { inferPeriodsPerYear } from "../engine/metric-input.js";
import type { Trade } from "../engine/result.js";
import type { Lineage, QualityReport } from "../providers/data/types.js";
import { computeMetrics } from "../../stdlib/metrics/index.js";
import type { PortfolioScopeRecord, Store, StoredRebalance } from "../store/index.js";
import { RunFailure, storeOrFail, type RunSettings } from "./execute.js";
import { layoutPortfolio, type PortfolioLayout } from "./portfolio-assets.js";
import { BarsCache, csvSource, type DataSource } from "./portfolio-data.js";
import { runStrategyMember, type MemberModel, type StrategyMember } from "./portfolio-members.js";

/** How to run a portfolio: `dataPath` replaces every data source (universes are kept), `cash` is the portfolio's capital (default $100k), `commission` the rate on rebalancing trades (default 0). */
export interface PortfolioRunOptions extends RunSettings {
  readonly portfolio: string;
}

/** One scope's curve and metrics: the portfolio, a sleeve or a baseline. */
export interface ScopeOutcome {
  readonly scope: string;
  readonly label: string;
  readonly result: AllocationResult;
  readonly metrics: Record<string, number | null>;
}

/** A sleeve's outcome. */
export interface SleeveOutcome extends ScopeOutcome {
  readonly bucket: string;
  readonly cap: number;
  readonly weight: number;
  readonly weighting: string;
  readonly members: readonly string[];
}

/** A completed portfolio run. */
export interface PortfolioOutcome {
  readonly runId: string;
  readonly portfolio: string;
  readonly rebalance: RebalancePeriod;
  readonly planHash: string;
  readonly dataHash: string | null;
  readonly initialCash: number;
  readonly commission: number;
  readonly periodsPerYear: number;
  readonly cashWeight: number;
  readonly total: ScopeOutcome;
  readonly sleeves: readonly SleeveOutcome[];
  readonly baselines: readonly ScopeOutcome[];
  readonly members: readonly { readonly id: string; readonly metrics: Record<string, number | null>; readonly trades: readonly Trade[] }[];
  readonly strategies: readonly StrategyMember[];
  readonly assets: readonly string[];
  readonly lineage: readonly Lineage[];
  readonly quality: readonly QualityReport[];
  readonly models: readonly MemberModel[];
}

const DEFAULT_CASH = 100_000;

/** Runs a portfolio of the plan and records it; throws RunFailure on user-fixable problems. */
export async function executePortfolioRun(plan: Plan, options: PortfolioRunOptions, store: Store): Promise<PortfolioOutcome> {
  const override = options.dataPath === undefined ? null : csvSource(options.dataPath);
  const layout = layoutPortfolio(plan, options.portfolio, override);
  const cache = new BarsCache({ baseDir: options.baseDir, ...(options.fromMs === undefined ? {} : { fromMs: options.fromMs }), ...(options.toMs === undefined ? {} : { toMs: options.toMs }) });
  const { memberSeries, strategyBars, baselineSeries } = await loadAll(layout, cache, override);
  const initialCash = options.cash ?? DEFAULT_CASH;
  const commission = options.commission ?? 0;
  const calendarTimes = memberSeries.flatMap((s) => [...s.time]).sort((a, b) => a - b);
  const periodsPerYear = options.periodsPerYear ?? inferPeriodsPerYear(Float64Array.from(calendarTimes));

  const runId = storeOrFail(
    store.beginRun({
      kind: "portfolio",
      planHash: plan.hash,
      sourceHashes: plan.sources,
      strategy: layout.portfolio.name,
      tickers: layout.pool,
      params: {},
      overrides: {},
      runSource: options.runSource,
      dataRegime: options.dataRegime,
      lineage: { data: cache.lineage, quality: cache.quality },
      initialCash,
      periodsPerYear,
    }),
  );
  try {
    const strategies: StrategyMember[] = [];
    for (const strategy of layout.strategies) strategies.push(await runStrategyMember(strategy, strategyBars.get(strategy) ?? [], options.baseDir));
    const memberAssets: AssetSeries[] = [...memberSeries, ...strategies.flatMap((s) => s.assets)];
    const extra = baselineSeries.filter((b) => !memberAssets.some((m) => m.id === b.id));
    const panel = buildPanel([...memberAssets, ...extra], memberAssets.length);
    const index = new Map(panel.ids.map((id, i) => [id, i]));
    const rebalance = rebalanceDays(panel.time, layout.portfolio.rebalance);
    const specs: SleeveSpec[] = layout.sleeves.map((s) => ({ name: s.plan.name, bucket: s.plan.bucket, cap: s.plan.cap, weighting: s.plan.weighting, members: s.assets.map((id) => index.get(id) as number) }));
    const allocation = allocatePortfolio(panel, specs, rebalance, commission, initialCash);

    const tradesOf = (names: readonly string[]): Trade[] => strategies.filter((s) => names.includes(s.strategy.name)).flatMap((s) => s.results.flatMap((r) => r.trades));
    const metricsOf = (result: AllocationResult, trades: readonly Trade[]) =>
      computeMetrics({ initialCash: result.initialCash, time: result.time, equity: result.equity, exposed: result.exposed, trades, tradedValue: result.tradedValue, periodsPerYear });
    const allTrades = tradesOf(layout.strategies.map((s) => s.name));
    const total: ScopeOutcome = { scope: "portfolio", label: layout.portfolio.name, result: allocation.portfolio, metrics: metricsOf(allocation.portfolio, allTrades) };
    const sleeves: SleeveOutcome[] = allocation.sleeves.map((s, i) => {
      const sleeve = layout.sleeves[i] as PortfolioLayout["sleeves"][number];
      const strategyName = "strategy" in sleeve.plan.members ? [sleeve.plan.members.strategy] : [];
      return {
        scope: `sleeve:${s.spec.name}`,
        label: s.spec.name,
        result: s.result,
        metrics: metricsOf(s.result, tradesOf(strategyName)),
        bucket: s.spec.bucket,
        cap: s.spec.cap,
        weight: s.weight,
        weighting: s.spec.weighting,
        members: sleeve.assets,
      };
    });
    const baselines: ScopeOutcome[] = layout.baselines.map((b) => {
      const result = allocateEqual(panel, b.tickers.map((t) => index.get(t) as number), rebalance, commission, initialCash);
      return { scope: `baseline:${b.label}`, label: b.label, result, metrics: metricsOf(result, []) };
    });
    const members = strategies.flatMap((s) =>
      s.results.map((r) => {
        const metrics = computeMetrics({ initialCash: r.initialCash, time: r.equity.time, equity: r.equity.equity, exposed: r.equity.exposed, trades: r.trades, tradedValue: r.tradedValue, periodsPerYear });
        storeOrFail(store.recordTickerResult(runId, r, metrics));
        return { id: r.ticker, metrics, trades: r.trades };
      }),
    );
    const models = strategies.flatMap((s) => s.models);
    const lineage = { data: cache.lineage, quality: cache.quality, models: models.map((m) => ({ model: m.model, version: m.version, lineageId: m.lineageId })) };
    const record = storeOrFail(
      store.completePortfolioRun(
        runId,
        { portfolio: { equity: curveOf(total.result), tradedValue: total.result.tradedValue, finalEquity: total.result.finalEquity }, metrics: total.metrics, lineage },
        {
          portfolio: layout.portfolio.name,
          rebalance: layout.portfolio.rebalance,
          commission,
          cashWeight: allocation.cashWeight,
          strategies: strategies.map((s) => ({ name: s.strategy.name, params: s.params })),
          rebalances: storedRebalances(panel, total.result),
          scopes: [
            ...sleeves.map((s): PortfolioScopeRecord => scopeRecord(panel, s, "sleeve", { bucket: s.bucket, cap: s.cap, weight: s.weight, weighting: s.weighting, members: s.members })),
            ...baselines.map((b, i): PortfolioScopeRecord => scopeRecord(panel, b, "baseline", { bucket: null, cap: null, weight: 1, weighting: "equal", members: layout.baselines[i]?.tickers ?? [] })),
          ],
        },
      ),
    );
    return {
      runId,
      portfolio: layout.portfolio.name,
      rebalance: layout.portfolio.rebalance,
      planHash: plan.hash,
      dataHash: record.dataHash ?? null,
      initialCash,
      commission,
      periodsPerYear,
      cashWeight: allocation.cashWeight,
      total,
      sleeves,
      baselines,
      members,
      strategies,
      assets: panel.ids,
      lineage: cache.lineage,
      quality: cache.quality,
      models,
    };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    store.failRun(runId, message);
    if (error instanceof RunFailure) throw new RunFailure(error.message, error.hint, error.code, runId);
    throw error;
  }
}

function curveOf(result: AllocationResult) {
  return { time: result.time, equity: result.equity, exposed: result.exposed };
}

/** Rebalances with weights keyed by asset id, zero weights left out. */
function storedRebalances(panel: AssetPanel, result: AllocationResult): StoredRebalance[] {
  return result.rebalances.map((r) => ({
    time: r.time,
    weights: Object.fromEntries(panel.ids.flatMap((id, i) => ((r.weights[i] as number) === 0 ? [] : [[id, r.weights[i] as number]]))),
    tradedValue: r.tradedValue,
    cost: r.cost,
  }));
}

function scopeRecord(panel: AssetPanel, s: ScopeOutcome, kind: "sleeve" | "baseline", fields: Pick<PortfolioScopeRecord, "bucket" | "cap" | "weight" | "weighting" | "members">): PortfolioScopeRecord {
  return {
    scope: s.scope,
    kind,
    name: s.label,
    ...fields,
    rebalances: storedRebalances(panel, s.result),
    initialCash: s.result.initialCash,
    finalEquity: s.result.finalEquity,
    tradedValue: s.result.tradedValue,
    costs: s.result.costs,
    curve: curveOf(s.result),
    metrics: s.metrics,
  };
}

/** Loads ticker members, strategy data and baseline tickers. */
async function loadAll(layout: PortfolioLayout, cache: BarsCache, override: DataSource | null) {
  const memberSeries: AssetSeries[] = [];
  const closes = new Map<string, Bars>();
  for (const sleeve of layout.sleeves) {
    if (sleeve.source === null) continue;
    const bars = await cache.load(sleeve.source, sleeve.assets);
    sleeve.assets.forEach((ticker, i) => {
      const b = bars[i] as Bars;
      if (!closes.has(ticker)) closes.set(ticker, b);
      if (!memberSeries.some((m) => m.id === ticker)) memberSeries.push({ id: ticker, time: b.time, value: b.close });
    });
  }
  const strategyBars = new Map<StrategyPlan, Bars[]>();
  for (const strategy of layout.strategies) {
    const source = override ?? strategy.data;
    if (source === null) {
      throw new RunFailure(`strategy ${strategy.name} (a sleeve member) declares no data source`, 'add `data csv("path")` to the strategy, or pass --data FOLDER', "R0321");
    }
    const bars = await cache.load(source, strategy.universe);
    strategyBars.set(strategy, bars);
    strategy.universe.forEach((t, i) => {
      if (!closes.has(t)) closes.set(t, bars[i] as Bars);
    });
  }
  const baselineSeries: AssetSeries[] = [];
  for (const baseline of layout.baselines) {
    const missing = baseline.tickers.filter((t) => !closes.has(t));
    if (missing.length > 0) {
      if (layout.baselineSource === null) {
        throw new RunFailure(
          `baseline ${baseline.label} needs bars for ${missing.join(", ")}, and the portfolio sets no data source`,
          'add `data csv("examples/data")` to the portfolio (or pass --data FOLDER) with those tickers, or change the baseline',
          "R0332",
        );
      }
      const bars = await cache.load(layout.baselineSource, missing, {
        code: "R0332",
        what: `baseline ${baseline.label} has no data`,
        hint: `add ${missing.join(", ")} to the portfolio's data source, or change the baseline to tickers the data holds`,
      });
      missing.forEach((t, i) => closes.set(t, bars[i] as Bars));
    }
    for (const t of baseline.tickers) {
      const b = closes.get(t) as Bars;
      if (!baselineSeries.some((s) => s.id === t)) baselineSeries.push({ id: t, time: b.time, value: b.close });
    }
  }
  return { memberSeries, strategyBars, baselineSeries };
}
