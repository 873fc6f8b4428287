// Migration 4: compact equity blobs. Rows written before it keep their plain blobs and the
// default formats; new rows say how their time and exposed blobs are encoded
// (runtime/store/equity-formats.ts). A strat that predates it refuses the store (newer
// schema) instead of misreading the compact blobs.

import type { Migration } from "./migration.js";

/** time_format and exposed_format on equity. */
export const migration004: Migration = {
  version: 4,
  name: "equity_formats",
  sql: `
ALTER TABLE equity ADD COLUMN time_format TEXT NOT NULL DEFAULT 'f64' CHECK (time_format IN ('f64', 'f64_runs'));
ALTER TABLE equity ADD COLUMN exposed_format TEXT NOT NULL DEFAULT 'u8' CHECK (exposed_format IN ('u8', 'bits'));
`,
};
