// Settings tables: which `key value (modifier value)*` items each block kind
// accepts, their types, whether they are required or repeatable, their
// modifiers, and whether their value must be known at compile time. A new
// setting is a row here plus its use in lowering; the grammar does not change.
// Defaults are applied by lowering and listed here for `strat explain` and docs.

import type { BlockKind } from "../ast.js";
import { Ty } from "./types.js";

/** A modifier of a setting: `tz "UTC"`, `capped max_units(100)`. */
export interface ModifierSpec {
  readonly expected: Ty;
  readonly repeatable?: boolean;
  readonly doc: string;
}

/** One setting of a block kind. */
export interface SettingSpec {
  readonly key: string;
  /** The value's type; null when the block checker types the value itself (costs, scope, bars). */
  readonly expected: Ty | null;
  readonly required?: boolean;
  readonly repeatable?: boolean;
  /** The value must be known at compile time (params are not allowed). */
  readonly constant?: boolean;
  readonly modifiers?: Readonly<Record<string, ModifierSpec>>;
  /** Written form of the default, for docs; absent when there is none. */
  readonly default?: string;
  /** For string settings: what the string is and an example, for a bare name written instead (`cron daily`). */
  readonly quoted?: { readonly what: string; readonly example: string };
  /** An example line for "add ..." hints. */
  readonly example: string;
  readonly doc: string;
}

/** Bar sizes accepted by name; any duration is accepted too. */
export const BAR_NAMES: Readonly<Record<string, number>> = { daily: 86400, weekly: 604800, hourly: 3600 };

const tz: ModifierSpec = { expected: Ty.scalar("timezone"), doc: "IANA time zone of the times" };

const STRATEGY: readonly SettingSpec[] = [
  { key: "universe", expected: Ty.list(Ty.scalar("ticker")), required: true, constant: true, example: 'universe ["SPY"]', doc: "the tickers the strategy trades" },
  { key: "data", expected: Ty.rule("data"), constant: true, example: 'data csv("data/spy.csv")', doc: "where bars come from (csv, sqlite, synthetic); the runtime's default source when absent" },
  { key: "bars", expected: null, constant: true, default: "daily", example: "bars daily", doc: "bar size: daily, weekly, hourly or a duration such as 15m" },
  { key: "lookback", expected: Ty.oneOf(Ty.scalar("duration"), Ty.scalar("bars")), constant: true, example: "lookback 365d", doc: "history loaded before the first signal (a duration or a bar count)" },
  {
    key: "sizing",
    expected: Ty.rule("sizing"),
    default: "all_in",
    modifiers: { capped: { expected: Ty.rule("cap"), repeatable: true, doc: "a cap applied after sizing" } },
    example: "sizing risk_per_trade(1%)",
    doc: "how many units an entry buys",
  },
  { key: "costs", expected: null, default: "none", example: "costs commission(1bps) + slippage(5bps)", doc: "commission and slippage, joined with +" },
  { key: "no_trade", expected: Ty.range(Ty.scalar("time")), repeatable: true, constant: true, modifiers: { tz }, example: 'no_trade "09:30".."09:45" tz "America/New_York"', doc: "a time-of-day window in which no entry fills (tz defaults to UTC)" },
  { key: "fill", expected: Ty.enumOf("fill", ["next_open", "close"]), constant: true, default: "next_open", example: "fill next_open", doc: "when a signal on bar t fills" },
  { key: "cash", expected: Ty.scalar("money"), constant: true, default: "$100k", example: "cash $100k", doc: "starting cash" },
  { key: "units", expected: Ty.enumOf("units", ["whole", "fractional"]), constant: true, default: "whole", example: "units whole", doc: "whole or fractional units" },
  { key: "execution", expected: Ty.enumOf("execution", ["backtest", "paper"]), constant: true, default: "backtest", example: "execution backtest", doc: "the execution provider" },
];

const GATE: readonly SettingSpec[] = [
  { key: "scope", expected: null, constant: true, example: "scope run_source == prod and data_regime == prod_live", doc: "which runs count: a conjunction of run_source, data_regime, strategy and ticker clauses" },
  { key: "baseline", expected: Ty.decl("strategy"), constant: true, example: "baseline ts_threshold", doc: "the strategy whose latest run `change(...)` rules compare against" },
];

const SWEEP: readonly SettingSpec[] = [
  { key: "strategy", expected: Ty.decl("strategy"), required: true, constant: true, example: "strategy ts_threshold", doc: "the strategy whose params are swept" },
  { key: "per", expected: Ty.enumOf("per", ["ticker"]), constant: true, example: "per ticker", doc: "run one study per ticker of the universe" },
  { key: "search", expected: Ty.rule("sampler"), constant: true, default: "grid", example: "search tpe(trials: 200, seed: 7)", doc: "the sampler: grid, random(trials, seed) or tpe(trials, seed)" },
];

const SLEEVE: readonly SettingSpec[] = [
  { key: "bucket", expected: Ty.enumOf("bucket", ["safe", "core", "spec"]), required: true, constant: true, example: "bucket core", doc: "risk bucket" },
  { key: "cap", expected: Ty.scalar("ratio"), required: true, constant: true, example: "cap 60%", doc: "largest share of the portfolio" },
  { key: "members", expected: Ty.oneOf(Ty.list(Ty.scalar("ticker")), Ty.decl("strategy")), required: true, constant: true, example: 'members ["SPY"]', doc: "a list of tickers or a strategy" },
  { key: "data", expected: Ty.rule("data"), constant: true, example: 'data csv("examples/data")', doc: "where ticker members' bars come from; wins over the portfolio's data (strategy members use their own)" },
  {
    key: "weighting",
    expected: Ty.enumOf("weighting", ["equal", "inverse_vol", "hrp", "min_variance", "max_sharpe", "barbell"]),
    constant: true,
    default: "equal",
    example: "weighting equal",
    doc: "how members share the sleeve",
  },
];

const PORTFOLIO: readonly SettingSpec[] = [
  { key: "sleeves", expected: Ty.list(Ty.decl("sleeve")), required: true, constant: true, example: "sleeves [safe, core]", doc: "the sleeves, by name" },
  { key: "rebalance", expected: Ty.enumOf("rebalance", ["daily", "weekly", "monthly", "quarterly", "yearly"]), constant: true, default: "monthly", example: "rebalance monthly", doc: "how often weights are restored" },
  { key: "baselines", expected: Ty.list(Ty.rule("baseline")), constant: true, default: "[]", example: 'baselines [market(["SPY"])]', doc: "what results are reported against" },
  { key: "data", expected: Ty.rule("data"), constant: true, example: 'data csv("examples/data")', doc: "where ticker members and baselines get their bars when a sleeve names no data" },
];

const SCHEDULE: readonly SettingSpec[] = [
  {
    key: "cron",
    expected: Ty.scalar("string"),
    required: true,
    constant: true,
    modifiers: { tz },
    quoted: { what: "a cron string", example: 'cron "0 6 * * *"' },
    example: 'cron "0 6 * * 1-5" tz "America/New_York"',
    doc: "a five-field cron expression (tz defaults to UTC)",
  },
];

/** Settings accepted by each block kind. */
export const SETTINGS: Readonly<Record<BlockKind, readonly SettingSpec[]>> = {
  strategy: STRATEGY,
  gate: GATE,
  sweep: SWEEP,
  sleeve: SLEEVE,
  portfolio: PORTFOLIO,
  promotion: [],
  schedule: SCHEDULE,
};

/** Item kinds (other than settings) each block kind accepts, with how they are written. */
export const ITEMS: Readonly<Record<BlockKind, Readonly<Record<string, string>>>> = {
  strategy: { Param: "param", Model: "model", Let: "let", Entry: "entry", Exit: "exit" },
  gate: { Require: "require" },
  sweep: { Grid: "grid", Constraint: "constraint", Windows: "windows", Select: "select" },
  sleeve: {},
  portfolio: {},
  promotion: { Move: "promote/demote", Adjust: "adjust", Rollout: "rollout", Rollback: "rollback" },
  schedule: { Run: "run" },
};
