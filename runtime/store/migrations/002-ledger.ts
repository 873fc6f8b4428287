// Migration 2: the hash-chained ledger and gate evaluations.
// Triggers make the ledger append-only for anyone going through SQLite normally; a
// determined edit (dropping the triggers) is what `verifyLedger` is for. ledger_head
// holds the last seq and hash, so truncating the tail is detected too.

import type { Migration } from "./migration.js";

/** Ledger, ledger head, gate evaluations. */
export const migration002: Migration = {
  version: 2,
  name: "ledger",
  sql: `
CREATE TABLE ledger (
  seq INTEGER PRIMARY KEY,
  kind TEXT NOT NULL,
  payload TEXT NOT NULL,
  prev_hash TEXT NOT NULL,
  hash TEXT NOT NULL,
  created_at TEXT NOT NULL
) STRICT;
CREATE TRIGGER ledger_no_update BEFORE UPDATE ON ledger
BEGIN SELECT RAISE(ABORT, 'the ledger is append-only'); END;
CREATE TRIGGER ledger_no_delete BEFORE DELETE ON ledger
BEGIN SELECT RAISE(ABORT, 'the ledger is append-only'); END;

CREATE TABLE ledger_head (
  id INTEGER PRIMARY KEY CHECK (id = 1),
  seq INTEGER NOT NULL,
  hash TEXT NOT NULL
) STRICT;

CREATE TABLE gate_evaluations (
  id INTEGER PRIMARY KEY,
  gate TEXT NOT NULL,
  status TEXT NOT NULL CHECK (status IN ('pass', 'fail', 'insufficient_observation')),
  run_id TEXT REFERENCES runs (id),
  baseline_run_id TEXT REFERENCES runs (id),
  plan_hash TEXT,
  data_hash TEXT,
  result TEXT NOT NULL,
  ledger_seq INTEGER NOT NULL REFERENCES ledger (seq),
  created_at TEXT NOT NULL
) STRICT;
CREATE INDEX gate_evaluations_by_gate ON gate_evaluations (gate, id);
`,
};
