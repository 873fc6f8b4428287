// Applies versioned migrations. Input: an open connection. Output: the schema at
// LATEST_SCHEMA_VERSION, or a StoreError (R0203 foreign database, R0205 newer schema).
// Invariants: each migration runs in its own IMMEDIATE transaction together with its
// schema_migrations row, so two processes opening a fresh store cannot both apply it and a
// kill mid-migration leaves the previous version intact.

import type Database from "better-sqlite3";
import { nowIso, type StoreContext } from "../context.js";
import { STORE_CODES, storeError, type StoreError } from "../errors.js";
import { migration001 } from "./001-runs.js";
import { migration002 } from "./002-ledger.js";
import { migrationPortfolioRuns } from "./003-portfolio-runs.js";
import { migration004 } from "./004-equity-formats.js";
import { migration005 } from "./005-execution-log-blocks.js";
import { migration006 } from "./006-trade-blocks.js";
import { migration007 } from "./007-run-kind.js";
import { migration008 } from "./008-equity-repeats.js";
import type { Migration } from "./migration.js";

/** Every migration, in version order. Adding one is a new file and one entry here. */
export const MIGRATIONS: readonly Migration[] = [migration001, migration002, migrationPortfolioRuns, migration004, migration005, migration006, migration007, migration008];

/** The schema version this code writes. */
export const LATEST_SCHEMA_VERSION: number = MIGRATIONS.length;

/** The applied schema version: 0 for an empty database, null for an SQLite file that is not a strat store. */
export function readSchemaVersion(db: Database.Database): number | null {
  const tables = db.prepare("SELECT name FROM sqlite_schema WHERE type = 'table'").pluck().all() as string[];
  if (!tables.includes("schema_migrations")) return tables.length === 0 ? 0 : null;
  const row = db.prepare("SELECT max(version) FROM schema_migrations").pluck().get() as number | null;
  return row ?? 0;
}

/** Migrates the store to LATEST_SCHEMA_VERSION (or up to `target`, for tests of upgrades). */
export function migrate(ctx: StoreContext, target: number = LATEST_SCHEMA_VERSION): StoreError | null {
  const { db } = ctx;
  const version = readSchemaVersion(db);
  const checked = checkVersion(ctx.path, version);
  if (checked !== null) return checked;
  if (version === target) return null;
  const step = db.transaction((migration: Migration) => {
    // Re-read inside the write lock: another process may have migrated meanwhile.
    db.exec("CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL) STRICT");
    const current = readSchemaVersion(db) ?? 0;
    if (current >= migration.version) return;
    db.exec(migration.sql);
    db.prepare("INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)").run(migration.version, migration.name, nowIso(ctx));
  });
  for (const migration of MIGRATIONS) {
    if (migration.version > (version ?? 0) && migration.version <= target) step.immediate(migration);
  }
  return null;
}

/** Rejects a foreign database or one written by a newer strat. */
export function checkVersion(path: string, version: number | null): StoreError | null {
  if (version === null) {
    return storeError(
      STORE_CODES.corrupt,
      `${path} is an SQLite database but not a strat store`,
      "the file is not a strat store or is corrupt: move it aside; nothing was written",
    );
  }
  if (version > LATEST_SCHEMA_VERSION) {
    return storeError(
      STORE_CODES.newerSchema,
      `the store ${path} has schema version ${version}; this strat knows up to ${LATEST_SCHEMA_VERSION}`,
      "upgrade strat to use this store, or pass --store with another path",
    );
  }
  return null;
}
