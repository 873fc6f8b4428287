// Opening the store. Input: a path and options. Output: a migrated Store, or a StoreError
// (R0201 locked, R0202 read-only, R0203 not a store / corrupt, R0204 missing directory,
// R0205 newer schema, R0206 missing store for a read-only open, R0207 cannot open,
// R0211 older schema for a read-only open). Never throws for user-caused problems.
// Invariants: WAL, busy_timeout and foreign keys are set before anything else runs;
// a failed open closes its connection and has written nothing to a file that is not a
// strat store; runs left `running` by dead processes are marked `interrupted`.

import Database from "better-sqlite3";
import { existsSync } from "node:fs";
import { dirname, resolve } from "node:path";
import type { StoreContext } from "./context.js";
import { guard, isStoreError, missingDirectory, STORE_CODES, storeError, type StoreError } from "./errors.js";
import { checkVersion, LATEST_SCHEMA_VERSION, migrate, readSchemaVersion } from "./migrations/index.js";
import { isProcessAlive, recoverInterruptedRuns, type RecoveredRun } from "./recover.js";
import { selectRunningRuns } from "./runs.js";
import { createStore, type Store } from "./store.js";

/** Options for openStore. */
export interface OpenStoreOptions {
  /** Open without writing: no migrations, no recovery; writes return R0202. */
  readonly readonly?: boolean;
  /** Source of created_at/finished_at; defaults to the system clock. */
  readonly clock?: () => Date;
  /** How long to wait for another process's write lock before R0201 (default 5000). */
  readonly busyTimeoutMs?: number;
  /** The pid recorded on runs this store begins (default process.pid). */
  readonly pid?: number;
  /** Liveness probe for interrupted-run recovery (default: signal 0). */
  readonly isProcessAlive?: (pid: number) => boolean;
}

/** The default busy timeout: long enough to outwait another run's final commit. */
export const DEFAULT_BUSY_TIMEOUT_MS = 5000;

/** The page size of a new store: SQLite's largest, as most of a store's bytes are equity blobs. */
export const PAGE_SIZE = 65536;

/** Opens (creating and migrating when needed) the store at `path`; ":memory:" gives a private in-memory store. */
export function openStore(path: string, options: OpenStoreOptions = {}): Store | StoreError {
  const readonly = options.readonly ?? false;
  const busyTimeoutMs = Math.max(0, Math.floor(options.busyTimeoutMs ?? DEFAULT_BUSY_TIMEOUT_MS));
  if (path !== ":memory:") {
    if (!existsSync(dirname(resolve(path)))) return missingDirectory(path);
    if (readonly && !existsSync(path)) {
      return storeError(STORE_CODES.missingStore, `there is no store at ${path}`, "run `strat run` once to create it, or pass --store with an existing store");
    }
  }
  const db = guard(path, () => new Database(path, { readonly, fileMustExist: readonly, timeout: busyTimeoutMs }));
  if (isStoreError(db)) return db;
  const ctx: StoreContext = { db, path, clock: options.clock ?? (() => new Date()), pid: options.pid ?? process.pid };
  const ready = guard(path, () => prepare(ctx, readonly, busyTimeoutMs, options.isProcessAlive ?? isProcessAlive));
  if (isStoreError(ready)) {
    db.close();
    return ready;
  }
  return createStore({ ctx, readonly, schemaVersion: ready.schemaVersion, recovered: ready.recovered });
}

function prepare(
  ctx: StoreContext,
  readonly: boolean,
  busyTimeoutMs: number,
  isAlive: (pid: number) => boolean,
): { schemaVersion: number; recovered: RecoveredRun[] } | StoreError {
  const { db, path } = ctx;
  db.pragma(`busy_timeout = ${busyTimeoutMs}`);
  db.pragma("foreign_keys = ON");
  if (readonly) {
    const version = readSchemaVersion(db);
    const rejected = checkVersion(path, version);
    if (rejected !== null) return rejected;
    if (version !== LATEST_SCHEMA_VERSION) {
      return storeError(STORE_CODES.olderSchema, `the store ${path} has schema version ${version ?? 0}; this strat needs ${LATEST_SCHEMA_VERSION}`, "open it once without --readonly to upgrade it");
    }
    return { schemaVersion: LATEST_SCHEMA_VERSION, recovered: [] };
  }
  // Reading the header first means a non-database file fails here, before WAL mode is written.
  readSchemaVersion(db);
  // Only takes effect when the file is still empty (a new store). A run stores its equity curves
  // as multi-MB blobs; 64 KiB pages write them as 16x fewer overflow pages and WAL frames,
  // which cut the commit of a 2M-bar run by ~40%. Existing stores keep their page size.
  db.pragma(`page_size = ${PAGE_SIZE}`);
  // In WAL mode NORMAL never corrupts the file and keeps every commit across a
  // killed process; only an OS crash or power loss may roll back the last
  // commits. FULL would fsync on every commit, doubling the cost of storing a run.
  // Set before the switch to WAL, which a new store makes through a rollback
  // journal: it then syncs less (a new store is empty, so nothing can be lost).
  db.pragma("synchronous = NORMAL");
  db.pragma("journal_mode = WAL");
  const migrated = migrate(ctx);
  if (migrated !== null) return migrated;
  const stale = selectRunningRuns(ctx).filter((r) => r.pid !== ctx.pid && !isAlive(r.pid));
  const recovered = stale.length === 0 ? [] : db.transaction(() => recoverInterruptedRuns(ctx, isAlive)).immediate();
  return { schemaVersion: LATEST_SCHEMA_VERSION, recovered };
}
