import Database from "better-sqlite3";
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { steppingClock, tempDir } from "./__fixtures__/temp-store.js";
import { meta } from "./__fixtures__/build-results.js";
import type { StoreContext } from "./context.js";
import { isStoreError, mapStoreException, type StoreError } from "./errors.js";
import { LATEST_SCHEMA_VERSION, migrate, MIGRATIONS } from "./migrations/index.js";
import { openStore, PAGE_SIZE } from "./open.js";
import type { Store } from "./store.js";

let dir: string;
let cleanup: () => void;
beforeEach(() => ({ dir, cleanup } = tempDir()));
afterEach(() => cleanup());

function open(path: string, options: Parameters<typeof openStore>[1] = {}): Store {
  const store = openStore(path, { clock: steppingClock(), ...options });
  if (isStoreError(store)) throw new Error(`unexpected ${store.code}: ${store.message}`);
  return store;
}

function openError(path: string, options: Parameters<typeof openStore>[1] = {}): StoreError {
  const result = openStore(path, { clock: steppingClock(), ...options });
  if (!isStoreError(result)) {
    result.close();
    throw new Error("expected a StoreError");
  }
  return result;
}

/** A seeded byte stream (xorshift32), so the "corrupt file" is the same on every run. */
function seededBytes(length: number, seed: number): Buffer {
  const out = Buffer.alloc(length);
  let x = seed;
  for (let i = 0; i < length; i++) {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    out[i] = x & 0xff;
  }
  return out;
}

describe("openStore", () => {
  it("creates a WAL store with foreign keys and every migration recorded", () => {
    const store = open(join(dir, "s.db"));
    expect(store.db.pragma("journal_mode", { simple: true })).toBe("wal");
    expect(store.db.pragma("foreign_keys", { simple: true })).toBe(1);
    expect(store.db.pragma("busy_timeout", { simple: true })).toBe(5000);
    const versions = store.db.prepare("SELECT version, name, applied_at FROM schema_migrations ORDER BY version").all();
    expect(versions).toEqual([
      { version: 1, name: "runs", applied_at: "2024-06-01T00:00:00.000Z" },
      { version: 2, name: "ledger", applied_at: "2024-06-01T00:00:01.000Z" },
      { version: 3, name: "portfolio_runs", applied_at: "2024-06-01T00:00:02.000Z" },
      { version: 4, name: "equity_formats", applied_at: "2024-06-01T00:00:03.000Z" },
      { version: 5, name: "execution_log_blocks", applied_at: "2024-06-01T00:00:04.000Z" },
      { version: 6, name: "trade_blocks", applied_at: "2024-06-01T00:00:05.000Z" },
      { version: 7, name: "run_kind", applied_at: "2024-06-01T00:00:06.000Z" },
      { version: 8, name: "equity_repeats", applied_at: "2024-06-01T00:00:07.000Z" },
    ]);
    expect(store.schemaVersion).toBe(LATEST_SCHEMA_VERSION);
    store.close();
  });

  it("creates new stores with large pages but keeps the page size of an existing file", () => {
    const fresh = open(join(dir, "fresh.db"));
    expect(fresh.db.pragma("page_size", { simple: true })).toBe(PAGE_SIZE);
    fresh.close();
    const oldPath = join(dir, "old.db");
    const old = new Database(oldPath);
    old.pragma("page_size = 4096");
    expect(migrate({ db: old, path: oldPath, clock: steppingClock(), pid: process.pid })).toBeNull();
    old.close();
    const reopened = open(oldPath);
    expect(reopened.db.pragma("page_size", { simple: true })).toBe(4096);
    reopened.close();
  });

  it("numbers migrations 1..N without gaps", () => {
    expect(MIGRATIONS.map((m) => m.version)).toEqual(MIGRATIONS.map((_, i) => i + 1));
  });

  it("reopens without re-applying migrations", () => {
    const path = join(dir, "s.db");
    open(path).close();
    const store = open(path);
    expect(store.db.prepare("SELECT count(*) FROM schema_migrations").pluck().get()).toBe(MIGRATIONS.length);
    store.close();
  });

  it("upgrades a store written at an older schema version, keeping its runs", () => {
    const path = join(dir, "s.db");
    const db = new Database(path);
    const ctx: StoreContext = { db, path, clock: steppingClock(), pid: process.pid };
    expect(migrate(ctx, 1)).toBeNull();
    db.prepare(
      `INSERT INTO runs (seq, id, plan_hash, source_hashes, strategy, tickers, params, overrides, run_source, data_regime, status, lineage, data_hash, initial_cash, periods_per_year, pid, created_at)
       VALUES (1, 'r-000001', 'p', '[]', 's', '[]', '{}', '{}', 'prod', 'prod_live', 'failed', '{"data":[]}', 'd', 1000, 252, 1, 'then')`,
    ).run();
    db.close();
    const store = open(path);
    expect(store.schemaVersion).toBe(LATEST_SCHEMA_VERSION);
    const run = store.getRun("r-000001");
    expect(isStoreError(run) ? run : run?.status).toBe("failed");
    expect(store.appendLedger("note", { ok: true })).toMatchObject({ seq: 1 });
    store.close();
  });

  it("refuses a store written by a newer strat (R0205) and leaves it untouched", () => {
    const path = join(dir, "s.db");
    open(path).close();
    const db = new Database(path);
    db.prepare("INSERT INTO schema_migrations (version, name, applied_at) VALUES (99, 'future', 'x')").run();
    db.close();
    const error = openError(path);
    expect(error.code).toBe("R0205");
    expect(error.message).toBe(`the store ${path} has schema version 99; this strat knows up to ${LATEST_SCHEMA_VERSION}`);
    expect(error.hint).toMatch(/upgrade strat/);
    expect(openError(path, { readonly: true }).code).toBe("R0205");
  });

  it("reports a missing directory (R0204) without creating anything", () => {
    const error = openError(join(dir, "nope", "deeper", "s.db"));
    expect(error).toEqual({
      kind: "store_error",
      code: "R0204",
      message: `the directory for the store ${join(dir, "nope", "deeper", "s.db")} does not exist`,
      hint: "create the directory or pass --store with a path in an existing one",
    });
  });

  it("reports a missing store on a read-only open (R0206)", () => {
    expect(openError(join(dir, "s.db"), { readonly: true }).code).toBe("R0206");
  });

  it("reports a file of random bytes as not a store (R0203) and writes nothing to it", () => {
    const path = join(dir, "s.db");
    const bytes = seededBytes(64 * 1024, 7);
    writeFileSync(path, bytes);
    const error = openError(path);
    expect(error.code).toBe("R0203");
    expect(error.hint).toBe("the file is not a strat store or is corrupt: move it aside; nothing was written");
    expect(readFileSync(path).equals(bytes)).toBe(true);
    expect(openError(path, { readonly: true }).code).toBe("R0203");
  });

  it("reports an SQLite database that is not a strat store (R0203) without migrating it", () => {
    const path = join(dir, "other.db");
    const db = new Database(path);
    db.exec("CREATE TABLE prices (t INTEGER, close REAL)");
    db.close();
    const error = openError(path);
    expect(error.code).toBe("R0203");
    expect(error.message).toBe(`${path} is an SQLite database but not a strat store`);
    const check = new Database(path);
    expect(check.prepare("SELECT name FROM sqlite_schema WHERE type = 'table'").pluck().all()).toEqual(["prices"]);
    check.close();
  });

  it("reports damaged pages (R0203) when a store is overwritten in the middle", () => {
    const path = join(dir, "s.db");
    const store = open(path);
    for (let i = 0; i < 50; i++) store.appendLedger("note", { i, text: "x".repeat(500) });
    store.checkpoint();
    store.close();
    const bytes = readFileSync(path);
    // Keep the 100-byte header and the first page; trash every later page.
    seededBytes(bytes.length - 4096, 11).copy(bytes, 4096);
    writeFileSync(path, bytes);
    const reopened = openStore(path, { clock: steppingClock() });
    const result = isStoreError(reopened) ? reopened : reopened.verifyLedger();
    expect(isStoreError(result) ? result.code : result).toBe("R0203");
    if (!isStoreError(reopened)) reopened.close();
  });

  it("maps another process's write lock to R0201 once busy_timeout expires", () => {
    const path = join(dir, "s.db");
    open(path).close();
    const holder = new Database(path);
    holder.exec("BEGIN IMMEDIATE");
    const store = open(path, { busyTimeoutMs: 20 });
    const begun = store.beginRun(meta());
    expect(isStoreError(begun) && begun.code).toBe("R0201");
    expect(isStoreError(begun) && begun.hint).toBe("another strat process holds the store: wait or stop it");
    // Reads still work under WAL while the writer holds its lock.
    expect(store.listRuns()).toEqual([]);
    holder.exec("ROLLBACK");
    expect(store.beginRun(meta())).toBe("r-000001");
    holder.close();
    store.close();
  });

  it("maps an exclusive lock on open to R0201", () => {
    const path = join(dir, "s.db");
    open(path).close();
    const holder = new Database(path);
    holder.pragma("locking_mode = EXCLUSIVE");
    holder.exec("BEGIN EXCLUSIVE");
    expect(openError(path, { busyTimeoutMs: 20 }).code).toBe("R0201");
    holder.exec("COMMIT");
    holder.close();
  });

  it("returns R0202 for writes to a store opened read-only, and still reads it", () => {
    const path = join(dir, "s.db");
    const writer = open(path);
    writer.appendLedger("note", { n: 1 });
    writer.close();
    const store = open(path, { readonly: true });
    const begun = store.beginRun(meta());
    expect(isStoreError(begun) && begun.code).toBe("R0202");
    expect(isStoreError(begun) && begun.hint).toBe("the store is read-only: check permissions or pass --store");
    expect(store.verifyLedger()).toEqual({ ok: true, count: 1 });
    store.close();
  });

  it("asks for an upgrade before a read-only open of an older schema (R0211)", () => {
    const path = join(dir, "s.db");
    const db = new Database(path);
    migrate({ db, path, clock: steppingClock(), pid: process.pid }, 1);
    db.close();
    expect(openError(path, { readonly: true }).code).toBe("R0211");
  });

  it("maps file-system permission and disk errors, and leaves bugs unmapped", () => {
    const eacces = Object.assign(new Error("EACCES: permission denied"), { code: "EACCES" });
    expect(mapStoreException(eacces, "s.db")?.code).toBe("R0202");
    const full = Object.assign(new Error("database or disk is full"), { code: "SQLITE_FULL" });
    expect(mapStoreException(full, "s.db")?.code).toBe("R0208");
    const cantOpen = Object.assign(new Error("unable to open database file"), { code: "SQLITE_CANTOPEN" });
    expect(mapStoreException(cantOpen, "s.db")?.code).toBe("R0207");
    expect(mapStoreException(new TypeError("x is undefined"), "s.db")).toBeNull();
    const constraint = Object.assign(new Error("CHECK constraint failed"), { code: "SQLITE_CONSTRAINT_CHECK" });
    expect(mapStoreException(constraint, "s.db")).toBeNull();
  });

  it("reports a directory given as the store path (R0207)", () => {
    const error = openError(dir);
    expect(error.code).toBe("R0207");
    expect(error.hint).toBe("check that the path names a file you may write, or pass --store");
  });

  it("opens a private in-memory store", () => {
    const store = open(":memory:");
    expect(store.beginRun(meta())).toBe("r-000001");
    store.close();
  });
});
