// A strategy member of a sleeve: the strategy backtested on each ticker of its
// universe with its defaults (params, cash, costs; the run's --commission is the
// rebalancing cost, not the strategy's), each ticker's equity curve becoming one
// asset `strategy/TICKER` of the portfolio. Input: the strategy, its bars. Output:
// the assets and the per-ticker results (trades, log, equity) to record.

import type { Scalar, StrategyPlan } from "../../specs/generated/plan.js";
import type { Bars } from "../data/bars.js";
import type { AssetSeries } from "../allocation/panel.js";
import { tryRunBacktest } from "../engine/backtest.js";
import type { TickerResult } from "../engine/result.js";
import { predict, RunFailure } from "./execute.js";
import { resolveParams } from "./overrides.js";

/** A model a member used, for the run's lineage. */
export interface MemberModel {
  readonly name: string;
  readonly model: string;
  readonly version: string;
  readonly lineageId: string;
}

/** One strategy's backtests, one per ticker of its universe. */
export interface StrategyMember {
  readonly strategy: StrategyPlan;
  readonly params: Readonly<Record<string, Scalar>>;
  /** Per ticker: the result, its ticker renamed to the asset id `strategy/TICKER`. */
  readonly results: readonly TickerResult[];
  readonly assets: readonly AssetSeries[];
  readonly models: readonly MemberModel[];
}

/** The asset id of a strategy's backtest on a ticker. */
export function memberAssetId(strategy: string, ticker: string): string {
  return `${strategy}/${ticker}`;
}

/** Backtests the strategy on each of its tickers' bars with its defaults. */
export async function runStrategyMember(strategy: StrategyPlan, series: readonly Bars[], baseDir: string): Promise<StrategyMember> {
  const params = resolveParams(strategy, []);
  const paramUnits = new Map(strategy.params.map((p) => [p.name, p.unit]));
  const results: TickerResult[] = [];
  const assets: AssetSeries[] = [];
  const models: MemberModel[] = [];
  for (const bars of series) {
    const { predictions, versions } = await predict(strategy, bars, params, paramUnits, baseDir);
    models.push(...versions);
    const outcome = tryRunBacktest({ strategy, params, bars, predictions, overrides: {} });
    if (!outcome.ok) throw new RunFailure(`${strategy.name} on ${bars.ticker}: ${outcome.error.message}`, "check the strategy's params and rules with `strat check`", "R0325");
    const id = memberAssetId(strategy.name, bars.ticker);
    const result: TickerResult = { ...outcome.value, ticker: id };
    results.push(result);
    assets.push({ id, time: result.equity.time, value: result.equity.equity, exposed: result.equity.exposed, traded: tradedPerBar(result) });
  }
  return { strategy, params: Object.fromEntries(params), results, assets, models };
}

/** |fill value| per bar of the result's equity curve, from its execution log. */
function tradedPerBar(result: TickerResult): Float64Array {
  const time = result.equity.time;
  const out = new Float64Array(time.length);
  let i = 0;
  for (const event of result.log) {
    if (event.kind !== "fill") continue;
    while (i + 1 < time.length && (time[i] as number) < event.time) i++;
    out[i] = (out[i] as number) + Math.abs(event.quantity * event.price);
  }
  return out;
}
