/* Generated from specs/plan.schema.json by npm run gen:types. DO NOT EDIT. */

/**
 * This interface was referenced by `Plan`'s JSON-Schema
 * via the `definition` "Scalar".
 */
export type Scalar = number | string | boolean;
/**
 * The unit of a normalised scalar.
 *
 * This interface was referenced by `Plan`'s JSON-Schema
 * via the `definition` "Unit".
 */
export type Unit =
  | "number"
  | "int"
  | "ratio"
  | "money"
  | "seconds"
  | "bars"
  | "bool"
  | "string"
  | "date"
  | "time"
  | "timezone"
  | "ticker"
  | "enum";
/**
 * The /// doc comment attached to the declaration, lines joined by \n.
 *
 * This interface was referenced by `Plan`'s JSON-Schema
 * via the `definition` "Doc".
 */
export type Doc = string | null;
/**
 * An expression tree. Series are evaluated per bar; scalars once per run.
 *
 * This interface was referenced by `Plan`'s JSON-Schema
 * via the `definition` "Expr".
 */
export type Expr =
  | LitExpr
  | ListExprPlan
  | SeriesExpr
  | ParamExpr
  | CallExprPlan
  | FieldExpr
  | ModelExpr
  | LagExpr
  | UnaryExprPlan
  | BinaryExprPlan;
/**
 * This interface was referenced by `Plan`'s JSON-Schema
 * via the `definition` "Trigger".
 */
export type Trigger =
  | {
      kind: "gate_streak";
      gate: string;
      outcome: "pass" | "fail";
      consecutive: number;
    }
  | {
      kind: "metric_over";
      metric: string;
      args: Scalar[];
      operator: "<" | "<=" | ">" | ">=" | "==" | "!=";
      threshold: number;
      windowSeconds: number;
    };

/**
 * The canonical execution plan compiled from .strat sources. The runtime reads only this. Units are normalised: ratios and percents are fractions (0.2% = 0.002), bps are fractions (5bps = 0.0005), durations are seconds, money is currency units, bar counts are integers.
 */
export interface Plan {
  /**
   * Format version; the runtime refuses newer plans.
   */
  planVersion: 1;
  /**
   * sha256 of the canonical JSON of this plan without `hash` and `sources`.
   */
  hash: string;
  /**
   * Every compiled source file, sorted by path.
   */
  sources: {
    /**
     * Project-relative path with / separators.
     */
    path: string;
    sha256: string;
  }[];
  consts: ConstPlan[];
  strategies: StrategyPlan[];
  gates: GatePlan[];
  sweeps: SweepPlan[];
  sleeves: SleevePlan[];
  portfolios: PortfolioPlan[];
  promotions: PromotionPlan[];
  schedules: SchedulePlan[];
}
/**
 * This interface was referenced by `Plan`'s JSON-Schema
 * via the `definition` "ConstPlan".
 */
export interface ConstPlan {
  name: string;
  value: Scalar | Scalar[];
  unit: Unit;
}
/**
 * This interface was referenced by `Plan`'s JSON-Schema
 * via the `definition` "StrategyPlan".
 */
export interface StrategyPlan {
  name: string;
  doc: Doc;
  origin: Origin;
  universe: string[];
  data: null | DataPlan;
  /**
   * Bar size as written: daily, weekly, 1h, 15m ...
   */
  bars: string;
  barSeconds: number;
  lookback:
    | null
    | {
        seconds: number;
      }
    | {
        bars: number;
      };
  params: ParamPlan[];
  models: ModelPlan[];
  entries: {
    side: "long" | "short";
    when: Expr;
  }[];
  /**
   * Exit conditions; a signal closes the position at the fill price, a rule is managed intrabar.
   */
  exits: {
    side: "long" | "short" | "both";
    signal: null | Expr;
    rule: null | RuleCall;
  }[];
  sizing: {
    rule: RuleCall;
    caps: RuleCall[];
  };
  costs: {
    /**
     * An expression tree. Series are evaluated per bar; scalars once per run.
     */
    commission:
      | LitExpr
      | ListExprPlan
      | SeriesExpr
      | ParamExpr
      | CallExprPlan
      | FieldExpr
      | ModelExpr
      | LagExpr
      | UnaryExprPlan
      | BinaryExprPlan;
    /**
     * An expression tree. Series are evaluated per bar; scalars once per run.
     */
    slippage:
      | LitExpr
      | ListExprPlan
      | SeriesExpr
      | ParamExpr
      | CallExprPlan
      | FieldExpr
      | ModelExpr
      | LagExpr
      | UnaryExprPlan
      | BinaryExprPlan;
  };
  noTrade: NoTradeWindow[];
  execution: {
    /**
     * backtest | paper
     */
    provider: string;
    fill: "next_open" | "close";
    fractional: boolean;
    cash: number;
  };
}
/**
 * This interface was referenced by `Plan`'s JSON-Schema
 * via the `definition` "Origin".
 */
export interface Origin {
  /**
   * Project-relative source path of the declaration.
   */
  file: string;
}
/**
 * This interface was referenced by `Plan`'s JSON-Schema
 * via the `definition` "DataPlan".
 */
export interface DataPlan {
  /**
   * csv | sqlite | synthetic
   */
  provider: string;
  options: {
    [k: string]: Scalar;
  };
}
/**
 * This interface was referenced by `Plan`'s JSON-Schema
 * via the `definition` "ParamPlan".
 */
export interface ParamPlan {
  name: string;
  /**
   * The type as written: int, number, ratio, percent, bps, money, duration, bars, bool, string, enum.
   */
  type: string;
  unit: Unit;
  default: Scalar;
  domain:
    | null
    | {
        min: number;
        max: number;
      }
    | {
        values: Scalar[];
      };
  doc: Doc;
}
/**
 * This interface was referenced by `Plan`'s JSON-Schema
 * via the `definition` "ModelPlan".
 */
export interface ModelPlan {
  name: string;
  /**
   * momentum | zscore | ridge | ewma_vol | external
   */
  provider: string;
  args: Expr[];
  /**
   * The same arguments by parameter name, evaluated with default params, for display and provider option validation.
   */
  options: {
    [k: string]: Scalar;
  };
}
/**
 * This interface was referenced by `Plan`'s JSON-Schema
 * via the `definition` "LitExpr".
 */
export interface LitExpr {
  op: "lit";
  value: Scalar;
  unit: Unit;
}
/**
 * This interface was referenced by `Plan`'s JSON-Schema
 * via the `definition` "ListExprPlan".
 */
export interface ListExprPlan {
  op: "list";
  items: Expr[];
}
/**
 * This interface was referenced by `Plan`'s JSON-Schema
 * via the `definition` "SeriesExpr".
 */
export interface SeriesExpr {
  op: "series";
  name: "open" | "high" | "low" | "close" | "volume";
}
/**
 * This interface was referenced by `Plan`'s JSON-Schema
 * via the `definition` "ParamExpr".
 */
export interface ParamExpr {
  op: "param";
  name: string;
}
/**
 * This interface was referenced by `Plan`'s JSON-Schema
 * via the `definition` "CallExprPlan".
 */
export interface CallExprPlan {
  op: "call";
  /**
   * A stdlib builtin name.
   */
  fn: string;
  /**
   * Positional, in the builtin's parameter order, defaults filled in.
   */
  args: Expr[];
}
/**
 * This interface was referenced by `Plan`'s JSON-Schema
 * via the `definition` "FieldExpr".
 */
export interface FieldExpr {
  op: "field";
  of: Expr;
  name: string;
}
/**
 * This interface was referenced by `Plan`'s JSON-Schema
 * via the `definition` "ModelExpr".
 */
export interface ModelExpr {
  op: "model";
  /**
   * Name of a model in the strategy.
   */
  model: string;
  field: "expected_return" | "confidence" | "volatility";
}
/**
 * This interface was referenced by `Plan`'s JSON-Schema
 * via the `definition` "LagExpr".
 */
export interface LagExpr {
  op: "lag";
  of: Expr;
  /**
   * A non-negative integer scalar: 1 reads the previous bar.
   */
  bars:
    | LitExpr
    | ListExprPlan
    | SeriesExpr
    | ParamExpr
    | CallExprPlan
    | FieldExpr
    | ModelExpr
    | LagExpr
    | UnaryExprPlan
    | BinaryExprPlan;
}
/**
 * This interface was referenced by `Plan`'s JSON-Schema
 * via the `definition` "UnaryExprPlan".
 */
export interface UnaryExprPlan {
  op: "unary";
  operator: "-" | "not";
  operand: Expr;
}
/**
 * This interface was referenced by `Plan`'s JSON-Schema
 * via the `definition` "BinaryExprPlan".
 */
export interface BinaryExprPlan {
  op: "binary";
  operator: "or" | "and" | "<" | "<=" | ">" | ">=" | "==" | "!=" | "+" | "-" | "*" | "/";
  left: Expr;
  right: Expr;
}
/**
 * A call of a stdlib rule (exit, sizing, cap, model, data, sampler, baseline); args are scalar expressions in the builtin's parameter order, defaults filled in.
 *
 * This interface was referenced by `Plan`'s JSON-Schema
 * via the `definition` "RuleCall".
 */
export interface RuleCall {
  rule: string;
  args: Expr[];
}
/**
 * This interface was referenced by `Plan`'s JSON-Schema
 * via the `definition` "NoTradeWindow".
 */
export interface NoTradeWindow {
  from: string;
  to: string;
  /**
   * IANA time zone.
   */
  tz: string;
}
/**
 * This interface was referenced by `Plan`'s JSON-Schema
 * via the `definition` "GatePlan".
 */
export interface GatePlan {
  name: string;
  doc: Doc;
  origin: Origin;
  /**
   * Conjunction of clauses a run must satisfy to count.
   */
  scope: ScopeClause[];
  /**
   * Strategy whose latest in-scope run is the baseline for `change` rules.
   */
  baseline: string | null;
  rules: GateRule[];
}
/**
 * This interface was referenced by `Plan`'s JSON-Schema
 * via the `definition` "ScopeClause".
 */
export interface ScopeClause {
  field: "run_source" | "data_regime" | "strategy" | "ticker";
  operator: "==" | "!=";
  value: string;
}
/**
 * This interface was referenced by `Plan`'s JSON-Schema
 * via the `definition` "GateRule".
 */
export interface GateRule {
  /**
   * The rule as written in canonical form, e.g. 'sharpe(daily) >= 1.0'.
   */
  text: string;
  /**
   * A stdlib metric name.
   */
  metric: string;
  /**
   * Metric arguments in parameter order, defaults filled (sharpe: ["daily"]).
   */
  args: Scalar[];
  /**
   * value: the run's metric; change: relative change against the baseline run, metric / baseline - 1.
   */
  compare: "value" | "change";
  operator: "<" | "<=" | ">" | ">=" | "==" | "!=";
  threshold: number;
  unit: Unit;
  orElse: "fail" | "insufficient_observation";
}
/**
 * This interface was referenced by `Plan`'s JSON-Schema
 * via the `definition` "SweepPlan".
 */
export interface SweepPlan {
  name: string;
  doc: Doc;
  origin: Origin;
  strategy: string;
  perTicker: boolean;
  grid: {
    param: string;
    values: Scalar[];
  }[];
  constraints: Expr[];
  sampler: {
    kind: "grid" | "random" | "tpe";
    trials: number;
    seed: number;
  };
  windows: {
    label: "search" | "validate" | "oos";
    from: string;
    to: string;
  }[];
  select: {
    direction: "maximize" | "minimize";
    metric: string;
    args: Scalar[];
    subjectTo: string | null;
  };
  /**
   * Points in the grid after constraints.
   */
  gridSize: number;
  /**
   * Trials per study (per ticker when perTicker).
   */
  trials: number;
  totalTrials: number;
}
/**
 * A sleeve. `data` (absent when the sleeve sets none) is where its ticker members get their bars; without it, the portfolio's data or the CLI's --data.
 *
 * This interface was referenced by `Plan`'s JSON-Schema
 * via the `definition` "SleevePlan".
 */
export interface SleevePlan {
  name: string;
  doc: Doc;
  origin: Origin;
  bucket: "safe" | "core" | "spec";
  cap: number;
  data?: DataPlan;
  members:
    | {
        tickers: string[];
      }
    | {
        strategy: string;
      };
  weighting: "equal" | "inverse_vol" | "hrp" | "min_variance" | "max_sharpe" | "barbell";
}
/**
 * A portfolio. `data` (absent when not set) is where ticker members and baselines get their bars when a sleeve sets no `data`.
 *
 * This interface was referenced by `Plan`'s JSON-Schema
 * via the `definition` "PortfolioPlan".
 */
export interface PortfolioPlan {
  name: string;
  doc: Doc;
  origin: Origin;
  sleeves: string[];
  rebalance: "daily" | "weekly" | "monthly" | "quarterly" | "yearly";
  baselines: RuleCall[];
  data?: DataPlan;
}
/**
 * This interface was referenced by `Plan`'s JSON-Schema
 * via the `definition` "PromotionPlan".
 */
export interface PromotionPlan {
  name: string;
  doc: Doc;
  origin: Origin;
  moves: {
    direction: "promote" | "demote";
    from: string;
    to: string;
    when: Trigger;
  }[];
  adjust: null | {
    sweep: string;
    maxStep: number;
  };
  rollout: {
    stage: "shadow" | "canary" | "staged" | "full";
    fraction: number;
  }[];
  rollback: null | Trigger;
}
/**
 * This interface was referenced by `Plan`'s JSON-Schema
 * via the `definition` "SchedulePlan".
 */
export interface SchedulePlan {
  name: string;
  doc: Doc;
  origin: Origin;
  cron: string;
  tz: string;
  steps: {
    kind: "strategy" | "sweep" | "gate" | "promotion" | "portfolio";
    name: string;
  }[];
}
/**
 * This interface was referenced by `Plan`'s JSON-Schema
 * via the `definition` "DateRange".
 */
export interface DateRange {
  from: string;
  to: string;
}
