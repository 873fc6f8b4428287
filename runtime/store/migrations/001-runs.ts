// Migration 1: runs and their results.
// Equity curves are stored one row per (run, ticker) with little-endian Float64/Uint8 blobs
// (ticker '' is the portfolio): a row per bar would make a 2M-bar run 2M inserts and
// ~100 MB of row overhead; readers always want the whole curve anyway.
// Times are epoch ms UTC (REAL, exact up to 2^53); created_at/finished_at are ISO strings.

import type { Migration } from "./migration.js";

/** Runs, trades, open positions, equity, metrics, execution log. */
export const migration001: Migration = {
  version: 1,
  name: "runs",
  sql: `
CREATE TABLE runs (
  seq INTEGER PRIMARY KEY,
  id TEXT NOT NULL UNIQUE,
  plan_hash TEXT NOT NULL,
  source_hashes TEXT NOT NULL,
  strategy TEXT NOT NULL,
  tickers TEXT NOT NULL,
  params TEXT NOT NULL,
  overrides TEXT NOT NULL,
  run_source TEXT NOT NULL CHECK (run_source IN ('prod', 'paper', 'smoke', 'maintenance')),
  data_regime TEXT NOT NULL CHECK (data_regime IN ('prod_live', 'maintenance_replay', 'mixed')),
  status TEXT NOT NULL CHECK (status IN ('running', 'completed', 'failed', 'interrupted')),
  error TEXT,
  lineage TEXT NOT NULL,
  data_hash TEXT NOT NULL,
  initial_cash REAL NOT NULL,
  final_equity REAL,
  periods_per_year REAL NOT NULL,
  pid INTEGER NOT NULL,
  created_at TEXT NOT NULL,
  finished_at TEXT
) STRICT;
CREATE INDEX runs_by_strategy ON runs (strategy, status, seq);
CREATE INDEX runs_by_status ON runs (status, seq);

CREATE TABLE trades (
  run_id TEXT NOT NULL REFERENCES runs (id) ON DELETE CASCADE,
  seq INTEGER NOT NULL,
  ticker TEXT NOT NULL,
  side TEXT NOT NULL CHECK (side IN ('long', 'short')),
  entry_time REAL NOT NULL,
  entry_price REAL NOT NULL,
  exit_time REAL NOT NULL,
  exit_price REAL NOT NULL,
  quantity REAL NOT NULL,
  pnl REAL NOT NULL,
  costs REAL NOT NULL,
  exit_reason TEXT NOT NULL,
  bars INTEGER NOT NULL,
  PRIMARY KEY (run_id, seq)
) STRICT;

CREATE TABLE open_positions (
  run_id TEXT NOT NULL REFERENCES runs (id) ON DELETE CASCADE,
  seq INTEGER NOT NULL,
  ticker TEXT NOT NULL,
  side TEXT NOT NULL CHECK (side IN ('long', 'short')),
  entry_time REAL NOT NULL,
  entry_price REAL NOT NULL,
  quantity REAL NOT NULL,
  mark_price REAL NOT NULL,
  unrealized_pnl REAL NOT NULL,
  PRIMARY KEY (run_id, seq)
) STRICT;

CREATE TABLE equity (
  run_id TEXT NOT NULL REFERENCES runs (id) ON DELETE CASCADE,
  ticker TEXT NOT NULL,
  points INTEGER NOT NULL,
  initial_cash REAL NOT NULL,
  final_equity REAL NOT NULL,
  traded_value REAL NOT NULL,
  time BLOB NOT NULL,
  equity BLOB NOT NULL,
  exposed BLOB NOT NULL,
  PRIMARY KEY (run_id, ticker)
) STRICT;

CREATE TABLE metrics (
  run_id TEXT NOT NULL REFERENCES runs (id) ON DELETE CASCADE,
  scope TEXT NOT NULL,
  key TEXT NOT NULL,
  value REAL,
  unit TEXT NOT NULL,
  PRIMARY KEY (run_id, scope, key)
) STRICT;

CREATE TABLE execution_log (
  run_id TEXT NOT NULL REFERENCES runs (id) ON DELETE CASCADE,
  seq INTEGER NOT NULL,
  time REAL NOT NULL,
  ticker TEXT NOT NULL,
  kind TEXT NOT NULL CHECK (kind IN ('fill', 'skip')),
  action TEXT CHECK (action IN ('buy', 'sell')),
  quantity REAL NOT NULL,
  price REAL NOT NULL,
  commission REAL NOT NULL,
  slippage REAL NOT NULL,
  reason TEXT NOT NULL,
  PRIMARY KEY (run_id, seq)
) STRICT;
`,
};
