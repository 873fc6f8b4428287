// Migration 8: the equity blob may flag repeated values instead of storing them (f64_repeats in
// runtime/store/equity-formats.ts). Rows written before it keep plain doubles and the default
// format. A strat that predates it refuses the store (newer schema) instead of misreading a blob.

import type { Migration } from "./migration.js";

/** equity_format on equity. */
export const migration008: Migration = {
  version: 8,
  name: "equity_repeats",
  sql: `
ALTER TABLE equity ADD COLUMN equity_format TEXT NOT NULL DEFAULT 'f64' CHECK (equity_format IN ('f64', 'f64_repeats'));
`,
};
