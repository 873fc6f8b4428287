// A child process writing large runs is SIGKILLed in the middle of a commit; the store
// must come back consistent: integrity ok, no half-written run, the killed run interrupted
// (or never begun), earlier runs and the ledger intact.

import Database from "better-sqlite3";
import { spawn } from "node:child_process";
import { rmSync } from "node:fs";
import { join, resolve } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { meta, tickerResult } from "./__fixtures__/build-results.js";
import { ok, openTestStore } from "./__fixtures__/open-temp.js";
import { tempDir } from "./__fixtures__/temp-store.js";
import { transpileTree } from "./__fixtures__/transpile.js";
import type { Store } from "./store.js";

const ROOT = resolve(import.meta.dirname, "../..");
const OUT = join(ROOT, "node_modules", ".cache", `strat-kill-test-${process.pid}`);
const POINTS = 500_000;
const LOG_LINES = 50_000;

let dir: string;
let cleanup: () => void;
let entry: string;
beforeAll(() => {
  ({ dir, cleanup } = tempDir());
  entry = transpileTree(join(ROOT, "runtime/store/__fixtures__/write-runs-child.ts"), ROOT, OUT);
});
afterAll(() => {
  cleanup();
  rmSync(OUT, { recursive: true, force: true });
});

/** Starts the child and SIGKILLs it `delayMs` after its `commits`-th "commit" line; resolves with its output. */
function runAndKill(storePath: string, commits: number, delayMs: number): Promise<string> {
  return new Promise((done, fail) => {
    const child = spawn(process.execPath, [entry, storePath, String(POINTS), String(LOG_LINES), "20"], { stdio: ["ignore", "pipe", "pipe"] });
    let output = "";
    let seen = 0;
    child.stdout.setEncoding("utf8");
    child.stdout.on("data", (chunk: string) => {
      output += chunk;
      for (const line of chunk.split("\n")) {
        if (!line.startsWith("commit ")) continue;
        seen++;
        if (seen === commits) setTimeout(() => child.kill("SIGKILL"), delayMs);
      }
    });
    child.stderr.on("data", (chunk: Buffer) => (output += chunk.toString()));
    child.on("error", fail);
    child.on("exit", (_code, signal) => (signal === "SIGKILL" ? done(output) : fail(new Error(`child was not killed:\n${output}`))));
  });
}

/** Everything stored for a run, reduced to numbers that change if any row changes. */
function fingerprint(store: Store, runId: string): string {
  const data = ok(store.loadRunData(runId));
  const sum = data.equity.reduce((a, b) => a + b, 0);
  return JSON.stringify({ run: ok(store.getRun(runId)), metrics: ok(store.runMetrics(runId)), trades: data.trades, sum, log: ok(store.executionLog(runId)).length });
}

describe("a run killed mid-commit", () => {
  it("leaves the store consistent, the killed run interrupted and earlier runs intact", async () => {
    const storePath = join(dir, "store.db");
    const setup = openTestStore(dir);
    const earlier = [ok(setup.beginRun(meta())), ok(setup.beginRun(meta({ strategy: "rsi_reversion" })))];
    for (const [i, id] of earlier.entries()) {
      setup.recordTickerResult(id, tickerResult("AAPL", [100_000, 100_000 + i * 10, 100_500], [12.5, -3]), { trades: 2, "sharpe(daily)": 0.5 + i });
      ok(setup.completeRun(id));
    }
    ok(setup.appendLedger("gate_evaluation", { gate: "g", status: "pass" }));
    const before = earlier.map((id) => fingerprint(setup, id));
    setup.close();

    const outputs: string[] = [];
    // Kill at the second commit (after one full large run) with different delays into the transaction.
    for (const delayMs of [0, 15, 60]) outputs.push(await runAndKill(storePath, 2, delayMs));
    expect(outputs.every((o) => o.includes("done "))).toBe(true);

    const raw = new Database(storePath);
    expect(raw.pragma("integrity_check", { simple: true })).toBe("ok");
    expect(raw.pragma("foreign_key_check")).toEqual([]);
    raw.close();

    const store = openTestStore(dir);
    const runs = ok(store.listRuns());
    expect(runs.filter((r) => r.status === "running")).toEqual([]);
    const interrupted = runs.filter((r) => r.status === "interrupted");
    expect(interrupted.length).toBeGreaterThanOrEqual(1);
    // Each child's open recovered the previous child's run; this open recovers the last one.
    expect(store.recovered.every((r) => interrupted.some((i) => i.id === r.id))).toBe(true);
    for (const run of interrupted) {
      expect(run.error).toMatch(/^interrupted: process \d+ ended without completing the run/);
      for (const table of ["equity", "trades", "trade_blocks", "open_positions", "execution_log", "execution_log_blocks", "metrics"]) {
        expect(store.db.prepare(`SELECT count(*) FROM ${table} WHERE run_id = ?`).pluck().get(run.id)).toBe(0);
      }
    }
    for (const run of runs.filter((r) => r.status === "completed" && r.runSource === "smoke")) {
      const data = ok(store.loadRunData(run.id));
      expect(data.equity).toHaveLength(POINTS);
      expect(data.trades).toHaveLength(3);
      expect(ok(store.executionLog(run.id))).toHaveLength(LOG_LINES);
    }
    expect(earlier.map((id) => fingerprint(store, id))).toEqual(before);
    expect(store.verifyLedger()).toEqual({ ok: true, count: 1 });
    // The store still takes new runs after recovery.
    expect(ok(store.beginRun(meta()))).toMatch(/^r-\d{6}$/);
    store.close();
  }, 120_000);
});
