// Migration 5: the execution log as columnar blocks. A run's events are written as one
// blob per staged ticker (runtime/store/column-blob.ts) instead of a row each: a long
// intraday run logs hundreds of thousands of fills and skips, and SQLite's per-row cost
// made the log the slowest part of recording a run. Runs recorded before this migration
// keep their rows in execution_log and are read from there.

import type { Migration } from "./migration.js";

/** execution_log_blocks. */
export const migration005: Migration = {
  version: 5,
  name: "execution_log_blocks",
  sql: `
CREATE TABLE execution_log_blocks (
  run_id TEXT NOT NULL REFERENCES runs (id) ON DELETE CASCADE,
  first_seq INTEGER NOT NULL,
  events INTEGER NOT NULL,
  columns BLOB NOT NULL,
  PRIMARY KEY (run_id, first_seq)
) STRICT;
`,
};
