// Migration: portfolio runs. A portfolio run is a run (runs row, the portfolio's name in
// `strategy`, its curve under ticker '' in equity, its strategy members' results as
// tickers `strategy/TICKER`); these tables add what only portfolios have: the portfolio's
// settings and rebalances, and one row per sleeve and baseline with its curve (blobs as
// in equity), its weight and its rebalance history. Metrics of a sleeve or baseline go to
// the metrics table under the scope `sleeve:NAME` / `baseline:LABEL`.

import type { Migration } from "./migration.js";

/** portfolio_runs, portfolio_scopes. */
export const migrationPortfolioRuns: Migration = {
  version: 3,
  name: "portfolio_runs",
  sql: `
CREATE TABLE portfolio_runs (
  run_id TEXT PRIMARY KEY REFERENCES runs (id) ON DELETE CASCADE,
  portfolio TEXT NOT NULL,
  rebalance TEXT NOT NULL,
  commission REAL NOT NULL,
  cash_weight REAL NOT NULL,
  strategies TEXT NOT NULL,
  rebalances TEXT NOT NULL
) STRICT;

CREATE TABLE portfolio_scopes (
  run_id TEXT NOT NULL REFERENCES runs (id) ON DELETE CASCADE,
  seq INTEGER NOT NULL,
  scope TEXT NOT NULL,
  kind TEXT NOT NULL CHECK (kind IN ('sleeve', 'baseline')),
  name TEXT NOT NULL,
  bucket TEXT,
  cap REAL,
  weight REAL NOT NULL,
  weighting TEXT NOT NULL,
  members TEXT NOT NULL,
  rebalances TEXT NOT NULL,
  initial_cash REAL NOT NULL,
  final_equity REAL NOT NULL,
  traded_value REAL NOT NULL,
  costs REAL NOT NULL,
  points INTEGER NOT NULL,
  time BLOB NOT NULL,
  equity BLOB NOT NULL,
  exposed BLOB NOT NULL,
  PRIMARY KEY (run_id, scope)
) STRICT;
`,
};
