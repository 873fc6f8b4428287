// Runs one strategy of a plan: load its data through the data provider,
// predict with its models, backtest each ticker, combine the portfolio,
// compute metrics, and record everything in the store as one run.
// Input: a validated plan, the strategy name, run options, an open store.
// Output: the run's results, or a RunFailure (the run is then recorded as
// failed, with its error, so nothing is silently lost).

import type { Plan, Scalar, StrategyPlan, Unit } from "../../specs/generated/plan.js";
import type { Bars } from "../data/bars.js";
import { sliceBarsByTime } from "../data/bars.js";
import { tryRunBacktest } from "../engine/backtest.js";
import { inferPeriodsPerYear, toMetricInput } from "../engine/metric-input.js";
import { combinePortfolio } from "../engine/portfolio.js";
import type { ModelPredictions } from "../engine/predictions.js";
import type { TickerResult } from "../engine/result.js";
import { loadData } from "../providers/data/load.js";
import type { DataLoadResult, Lineage, QualityReport } from "../providers/data/types.js";
import { runModel } from "../providers/model/run.js";
import { findProvider } from "../providers/registry.js";
import { computeMetrics } from "../../stdlib/metrics/index.js";
import type { Store, StoreError } from "../store/index.js";
import { isStoreError } from "../store/index.js";
import { modelOptions } from "./model-options.js";
import { resolveParams } from "./overrides.js";

/** Run settings shared by strategy and portfolio runs. */
export interface RunSettings {
  /** Replaces the data source: a CSV file or a folder of them (absolute path). */
  readonly dataPath?: string;
  readonly fromMs?: number;
  readonly toMs?: number;
  readonly cash?: number;
  readonly commission?: number;
  readonly runSource: "prod" | "paper" | "smoke" | "maintenance";
  readonly dataRegime: "prod_live" | "maintenance_replay" | "mixed";
  /** Annualisation periods; null infers 252 or 365 from the data's calendar. */
  readonly periodsPerYear: number | null;
  /** Project root: relative data and model paths resolve against it. */
  readonly baseDir: string;
}

/** How to run a strategy (`dataPath` also replaces its universe). */
export interface RunOptions extends RunSettings {
  readonly strategy: string;
  /** Keep only these tickers of the universe. */
  readonly tickers?: readonly string[];
  /** `name=value` overrides. */
  readonly params?: readonly string[];
  readonly slippage?: number;
  readonly onProgress?: (ticker: string, done: number, total: number) => void;
}

/** One ticker's outcome. */
export interface TickerOutcome {
  readonly result: TickerResult;
  readonly metrics: Record<string, number | null>;
}

/** A completed run. */
export interface RunOutcome {
  readonly runId: string;
  readonly strategy: StrategyPlan;
  readonly planHash: string;
  readonly params: Readonly<Record<string, Scalar>>;
  readonly overrides: Readonly<Record<string, Scalar>>;
  readonly periodsPerYear: number;
  readonly initialCash: number;
  readonly tickers: readonly TickerOutcome[];
  readonly portfolio: TickerOutcome;
  readonly lineage: readonly Lineage[];
  readonly quality: readonly QualityReport[];
  readonly models: readonly { name: string; model: string; version: string; lineageId: string }[];
  readonly dataHash: string | null;
}

/** Why a run did not complete; `runId` is set when the failure was recorded in the store. */
export class RunFailure extends Error {
  constructor(
    message: string,
    readonly hint: string,
    readonly code: string,
    readonly runId: string | null = null,
  ) {
    super(message);
  }
}

function pickStrategy(plan: Plan, name: string): StrategyPlan {
  const strategy = plan.strategies.find((s) => s.name === name);
  if (!strategy) {
    const names = plan.strategies.map((s) => s.name).join(", ") || "(none)";
    throw new RunFailure(`the plan has no strategy '${name}'`, `strategies in the plan: ${names}`, "R0320");
  }
  return strategy;
}

async function loadBars(strategy: StrategyPlan, options: RunOptions): Promise<DataLoadResult> {
  const source = options.dataPath !== undefined ? { provider: "csv", options: { path: options.dataPath } as Record<string, Scalar> } : strategy.data;
  if (source === null) {
    throw new RunFailure(`strategy ${strategy.name} declares no data source`, "add `data csv(\"path\")` to the strategy, or pass --data FILE_OR_FOLDER", "R0321");
  }
  const provider = findProvider("data", source.provider);
  if (!provider.ok) throw new RunFailure(provider.error.message, provider.error.hint, provider.error.code);
  const universe = options.dataPath !== undefined ? [] : strategy.universe;
  const tickers = options.tickers && options.tickers.length > 0 ? options.tickers : universe;
  const request = { tickers, ...(options.fromMs === undefined ? {} : { fromMs: options.fromMs }), ...(options.toMs === undefined ? {} : { toMs: options.toMs }) };
  const loaded = await loadData(provider.value, request, { ...source.options }, { baseDir: options.baseDir });
  if (!loaded.ok) throw new RunFailure(loaded.error.message, loaded.error.hint, loaded.error.code);
  let series = loaded.value.series;
  if (options.tickers && options.tickers.length > 0 && options.dataPath !== undefined) {
    const wanted = new Set(options.tickers.map((t) => t.toUpperCase()));
    series = series.filter((b) => wanted.has(b.ticker.toUpperCase()));
  }
  if (series.length === 0 || series.every((b) => b.close.length === 0)) {
    throw new RunFailure("no bars left to run on", "check --ticker, --from and --to against the data's tickers and dates", "R0322");
  }
  return { ...loaded.value, series };
}

/** Runs every model of the strategy on one ticker's bars; throws RunFailure on a model failure. */
export async function predict(strategy: StrategyPlan, bars: Bars, params: ReadonlyMap<string, Scalar>, paramUnits: ReadonlyMap<string, Unit>, baseDir: string) {
  const predictions = new Map<string, ModelPredictions>();
  const versions: { name: string; model: string; version: string; lineageId: string }[] = [];
  for (const model of strategy.models) {
    const provider = findProvider("model", model.provider);
    if (!provider.ok) throw new RunFailure(provider.error.message, provider.error.hint, provider.error.code);
    const opts = modelOptions(model, params, paramUnits);
    if (!opts.ok) throw new RunFailure(opts.message, "recompile the plan from its sources", "R0323");
    const run = await runModel(provider.value, bars, opts.options, { barSeconds: strategy.barSeconds, baseDir, modelName: model.name });
    if (!run.ok) throw new RunFailure(`model ${model.name} on ${bars.ticker}: ${run.error.message}`, run.error.hint, run.error.code);
    predictions.set(model.name, run.value.predictions);
    versions.push({ name: model.name, model: run.value.model, version: run.value.version, lineageId: run.value.lineageId });
  }
  return { predictions, versions };
}

/** A store value, or a RunFailure carrying the store error. */
export function storeOrFail<T>(value: T | StoreError): T {
  if (isStoreError(value)) throw new RunFailure(value.message, value.hint, value.code);
  return value as T;
}

/** Runs a strategy of the plan and records it; throws RunFailure on user-fixable problems. */
export async function executeRun(plan: Plan, options: RunOptions, store: Store): Promise<RunOutcome> {
  const strategy = pickStrategy(plan, options.strategy);
  const params = (() => {
    try {
      return resolveParams(strategy, options.params ?? []);
    } catch (error) {
      const e = error as Error & { hint?: string };
      throw new RunFailure(e.message, e.hint ?? "", "R0324");
    }
  })();
  const paramUnits = new Map(strategy.params.map((p) => [p.name, p.unit]));
  const overrides = Object.fromEntries((options.params ?? []).map((p) => p.slice(0, p.indexOf("=")).trim()).map((name) => [name, params.get(name) as Scalar]));
  const data = await loadBars(strategy, options);
  const series = data.series.map((b) => (options.fromMs !== undefined || options.toMs !== undefined ? sliceBarsByTime(b, options.fromMs ?? -Infinity, options.toMs ?? Infinity) : b));
  const initialCash = options.cash ?? strategy.execution.cash;
  const periodsPerYear = options.periodsPerYear ?? inferPeriodsPerYear(series[0]?.time ?? new Float64Array());
  const lineage = data.lineage;

  const runId = storeOrFail(
    store.beginRun({
      planHash: plan.hash,
      sourceHashes: plan.sources,
      strategy: strategy.name,
      tickers: series.map((b) => b.ticker),
      params: Object.fromEntries(params),
      overrides,
      runSource: options.runSource,
      dataRegime: options.dataRegime,
      lineage: { data: lineage, quality: data.quality },
      initialCash,
      periodsPerYear,
    }),
  );

  try {
    const tickers: TickerOutcome[] = [];
    const models: { name: string; model: string; version: string; lineageId: string }[] = [];
    const perTickerCash = initialCash / series.length;
    for (const bars of series) {
      const { predictions, versions } = await predict(strategy, bars, params, paramUnits, options.baseDir);
      models.push(...versions);
      const outcome = tryRunBacktest({
        strategy,
        params,
        bars,
        predictions,
        overrides: {
          cash: series.length === 1 ? initialCash : perTickerCash,
          ...(options.commission === undefined ? {} : { commission: options.commission }),
          ...(options.slippage === undefined ? {} : { slippage: options.slippage }),
        },
        ...(options.onProgress === undefined ? {} : { onProgress: (done: number, total: number) => options.onProgress?.(bars.ticker, done, total) }),
      });
      if (!outcome.ok) throw new RunFailure(`${bars.ticker}: ${outcome.error.message}`, "check the strategy's params and rules with `strat check`", "R0325");
      const metrics = computeMetrics(toMetricInput(outcome.value, periodsPerYear));
      storeOrFail(store.recordTickerResult(runId, outcome.value, metrics));
      tickers.push({ result: outcome.value, metrics });
    }
    const first = tickers[0];
    if (!first) throw new RunFailure("no tickers ran", "check the data source", "R0322");
    const portfolio: TickerOutcome =
      tickers.length === 1
        ? first
        : (() => {
            const combined = combinePortfolio(
              tickers.map((t) => t.result),
              initialCash,
            );
            return { result: combined, metrics: computeMetrics(toMetricInput(combined, periodsPerYear)) };
          })();
    const modelLineage = models.map((m) => ({ model: m.model, version: m.version, lineageId: m.lineageId }));
    const record = storeOrFail(
      store.completeRun(runId, {
        ...(tickers.length > 1
          ? {
              portfolio: { equity: portfolio.result.equity, tradedValue: portfolio.result.tradedValue, finalEquity: portfolio.result.finalEquity },
              metrics: portfolio.metrics,
            }
          : {}),
        lineage: { data: lineage, quality: data.quality, models: modelLineage },
      }),
    );
    return {
      runId,
      strategy,
      planHash: plan.hash,
      params: Object.fromEntries(params),
      overrides,
      periodsPerYear,
      initialCash,
      tickers,
      portfolio,
      lineage,
      quality: data.quality,
      models,
      dataHash: record.dataHash ?? null,
    };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    store.failRun(runId, message);
    if (error instanceof RunFailure) throw new RunFailure(error.message, error.hint, error.code, runId);
    throw error;
  }
}
