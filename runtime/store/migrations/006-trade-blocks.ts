// Migration 6: closed trades as columnar blocks, like the execution log (migration 5):
// one blob per staged ticker instead of a row per trade, because a long run's tens of
// thousands of trades cost more to insert as rows than the rest of its results. Runs
// recorded before this migration keep their rows in trades and are read from there.

import type { Migration } from "./migration.js";

/** trade_blocks. */
export const migration006: Migration = {
  version: 6,
  name: "trade_blocks",
  sql: `
CREATE TABLE trade_blocks (
  run_id TEXT NOT NULL REFERENCES runs (id) ON DELETE CASCADE,
  first_seq INTEGER NOT NULL,
  trades INTEGER NOT NULL,
  columns BLOB NOT NULL,
  PRIMARY KEY (run_id, first_seq)
) STRICT;
`,
};
