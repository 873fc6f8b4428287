// Migration 7: what a run is — a strategy run or a portfolio run — recorded when it begins,
// so a portfolio run that fails or is interrupted (and so has no portfolio_runs row) is still
// listed as one. Runs recorded earlier are portfolio runs exactly when they have that row.

import type { Migration } from "./migration.js";

/** runs.kind. */
export const migration007: Migration = {
  version: 7,
  name: "run_kind",
  sql: `
ALTER TABLE runs ADD COLUMN kind TEXT NOT NULL DEFAULT 'strategy' CHECK (kind IN ('strategy', 'portfolio'));
UPDATE runs SET kind = 'portfolio' WHERE id IN (SELECT run_id FROM portfolio_runs);
`,
};
