// Data sources, sweep samplers, portfolio baselines and rollout stages.
import { T, type BuiltinSig } from "../signature.js";

/** Data source signatures. */
export const DATA: readonly BuiltinSig[] = [
  { name: "csv", kind: "data", params: [{ name: "path", type: T.scalar("string"), doc: "a CSV file or a folder of <TICKER>.csv files" }], result: T.rule("data"), doc: "Yahoo/Stooq-style OHLCV CSV files" },
  {
    name: "sqlite",
    kind: "data",
    params: [
      { name: "path", type: T.scalar("string"), doc: "database file" },
      { name: "table", type: T.scalar("string"), default: "bars", doc: "table with ticker, ts, open, high, low, close, volume" },
    ],
    result: T.rule("data"),
    doc: "an OHLCV table in a SQLite database",
  },
  {
    name: "synthetic",
    kind: "data",
    params: [
      { name: "seed", type: T.scalar("int"), default: 1, doc: "random seed" },
      { name: "bars", type: T.scalar("int"), default: 2520, domain: { min: 2 }, doc: "bars per ticker" },
      { name: "start", type: T.scalar("date"), default: "2015-01-02", doc: "first bar's date" },
    ],
    result: T.rule("data"),
    doc: "seeded geometric random walk, deterministic",
  },
];

/** Sweep samplers. */
export const SAMPLERS: readonly BuiltinSig[] = [
  { name: "grid", kind: "sampler", params: [], result: T.rule("sampler"), doc: "every grid point once" },
  {
    name: "random",
    kind: "sampler",
    params: [{ name: "trials", type: T.scalar("int"), domain: { min: 1 }, doc: "trials to sample" }, { name: "seed", type: T.scalar("int"), default: 0, doc: "random seed" }],
    result: T.rule("sampler"),
    doc: "grid points sampled uniformly",
  },
  {
    name: "tpe",
    kind: "sampler",
    params: [{ name: "trials", type: T.scalar("int"), domain: { min: 1 }, doc: "trials to run" }, { name: "seed", type: T.scalar("int"), default: 0, doc: "random seed" }],
    result: T.rule("sampler"),
    doc: "tree-structured Parzen estimator over the grid",
  },
];

/** Portfolio baselines. */
export const BASELINES: readonly BuiltinSig[] = [
  { name: "market", kind: "baseline", params: [{ name: "tickers", type: T.list(T.scalar("ticker")), doc: "market proxy, equally weighted" }], result: T.rule("baseline"), doc: "buy and hold the market proxy" },
  { name: "benchmark", kind: "baseline", params: [{ name: "ticker", type: T.scalar("ticker"), doc: "benchmark ticker" }], result: T.rule("baseline"), doc: "buy and hold one benchmark" },
  { name: "raw_pool_ew", kind: "baseline", params: [], result: T.rule("baseline"), doc: "equal weight over every member of every sleeve" },
];

/** Rollout stages. */
export const ROLLOUT: readonly BuiltinSig[] = [
  { name: "shadow", kind: "rollout", params: [], result: T.rule("rollout"), doc: "run beside production, trade nothing" },
  { name: "canary", kind: "rollout", params: [{ name: "fraction", type: T.scalar("ratio"), domain: { min: 0, max: 1 }, doc: "share of capital" }], result: T.rule("rollout"), doc: "trade a fraction of capital" },
  { name: "staged", kind: "rollout", params: [{ name: "fraction", type: T.scalar("ratio"), domain: { min: 0, max: 1 }, doc: "share of capital" }], result: T.rule("rollout"), doc: "a later, larger fraction" },
  { name: "full", kind: "rollout", params: [], result: T.rule("rollout"), doc: "all capital" },
];
