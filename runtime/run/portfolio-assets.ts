// What a portfolio holds, resolved against the plan: its sleeves in order, each
// sleeve's members as asset ids, the strategies to backtest, the ticker members with
// their data source, the baselines with their tickers, and the pool (every ticker of
// every sleeve and of its strategies' universes). Input: the plan, the portfolio name,
// the CLI's --data source. Output: a PortfolioLayout, or a RunFailure (R0330 no such
// portfolio, R0331 a ticker member without a data source, R0332 a baseline without data).

import type { Plan, PortfolioPlan, SleevePlan, StrategyPlan } from "../../specs/generated/plan.js";
import { tickersOf } from "../plan/baseline-tickers.js";
import type { DataSource } from "./portfolio-data.js";
import { memberAssetId } from "./portfolio-members.js";
import { RunFailure } from "./execute.js";

/** A baseline: its label (as written), the tickers held equally, buy-and-hold. */
export interface BaselineLayout {
  readonly label: string;
  readonly rule: string;
  readonly tickers: readonly string[];
}

/** A sleeve with its members' asset ids. */
export interface SleeveLayout {
  readonly plan: SleevePlan;
  /** Asset ids: tickers, or `strategy/TICKER` for each ticker of a strategy's universe. */
  readonly assets: readonly string[];
  /** The data source of its ticker members (null for a strategy sleeve). */
  readonly source: DataSource | null;
}

/** A portfolio resolved against its plan. */
export interface PortfolioLayout {
  readonly portfolio: PortfolioPlan;
  readonly sleeves: readonly SleeveLayout[];
  /** Distinct strategies of strategy sleeves, in first-listed order. */
  readonly strategies: readonly StrategyPlan[];
  readonly baselines: readonly BaselineLayout[];
  /** Every ticker of the sleeves and of their strategies' universes, first-seen order. */
  readonly pool: readonly string[];
  /** Where baselines (and tickers not held by a ticker sleeve) get their bars. */
  readonly baselineSource: DataSource | null;
}

/** Resolves the portfolio's sleeves, strategies, baselines and pool. */
export function layoutPortfolio(plan: Plan, name: string, dataOverride: DataSource | null): PortfolioLayout {
  const portfolio = plan.portfolios.find((p) => p.name === name);
  if (portfolio === undefined) {
    const names = plan.portfolios.map((p) => p.name).join(", ") || "(none)";
    throw new RunFailure(`the plan has no portfolio '${name}'`, `portfolios in the plan: ${names}`, "R0330");
  }
  const strategies: StrategyPlan[] = [];
  const pool: string[] = [];
  const addPool = (t: string) => {
    if (!pool.includes(t)) pool.push(t);
  };
  const sleeves = portfolio.sleeves.map((sleeveName): SleeveLayout => {
    const sleeve = plan.sleeves.find((s) => s.name === sleeveName);
    if (sleeve === undefined) throw new RunFailure(`portfolio ${name} lists sleeve '${sleeveName}', which the plan does not have`, "recompile the plan from its sources", "R0330");
    if ("strategy" in sleeve.members) {
      const strategyName = sleeve.members.strategy;
      const strategy = plan.strategies.find((s) => s.name === strategyName);
      if (strategy === undefined) throw new RunFailure(`sleeve ${sleeve.name} holds strategy '${strategyName}', which the plan does not have`, "recompile the plan from its sources", "R0330");
      if (!strategies.includes(strategy)) strategies.push(strategy);
      strategy.universe.forEach(addPool);
      return { plan: sleeve, assets: strategy.universe.map((t) => memberAssetId(strategy.name, t)), source: null };
    }
    const tickers = sleeve.members.tickers;
    tickers.forEach(addPool);
    const source = dataOverride ?? sleeve.data ?? portfolio.data ?? null;
    if (source === null) {
      throw new RunFailure(
        `sleeve ${sleeve.name} holds tickers (${tickers.join(", ")}) but no data source is set for them`,
        'add `data csv("examples/data")` to the sleeve or to the portfolio, or pass --data FOLDER',
        "R0331",
      );
    }
    return { plan: sleeve, assets: [...new Set(tickers)], source };
  });
  const baselines = portfolio.baselines.map((b): BaselineLayout => {
    if (b.rule === "raw_pool_ew") return { label: "raw_pool_ew", rule: b.rule, tickers: pool };
    const tickers = [...new Set(tickersOf(b.args[0]))];
    return { label: `${b.rule}(${tickers.join(",")})`, rule: b.rule, tickers };
  });
  return { portfolio, sleeves, strategies, baselines, pool, baselineSource: dataOverride ?? portfolio.data ?? null };
}
