// The Store: the one object the rest of the runtime talks to. Every method returns a
// StoreError instead of throwing for user-caused failures (locked, read-only, corrupt,
// disk full, unknown run); exceptions that escape are bugs. Writes that must be atomic
// run inside one IMMEDIATE transaction (db.transaction(fn).immediate, never raw BEGIN).

import type Database from "better-sqlite3";
import type { ExecutionEvent, OpenPosition, TickerResult, Trade } from "../engine/result.js";
import type { StoreContext } from "./context.js";
import { guard, isStoreError, type StoreError } from "./errors.js";
import { selectExecutionLog } from "./execution-log.js";
import {
  insertGateEvaluation,
  selectGateEvaluations,
  type GateEvaluationFilter,
  type GateEvaluationInput,
  type GateEvaluationRecord,
} from "./gate-evaluations.js";
import { appendLedgerRecord, selectLedger, verifyLedgerRecords, type LedgerFilter, type LedgerRecord, type LedgerVerification } from "./ledger.js";
import { selectMetrics, type MetricValues, type StoredMetric } from "./metrics.js";
import type { RecoveredRun } from "./recover.js";
import { loadRunResults, type RunData } from "./run-data.js";
import { requireRunning, writeCompletedRun, type RunSummary, type StagedTicker } from "./run-writer.js";
import { finishRun, insertRun, selectRun, selectRuns, type RunFilter, type RunMeta, type RunRecord } from "./runs.js";
import { selectOpenPositions, selectTrades } from "./trades.js";
import { insertPortfolioRun, selectPortfolioRun, type PortfolioRunRecord } from "./portfolio-runs.js";

/** An open strat store. */
export interface Store {
  /** The path given to openStore. */
  readonly path: string;
  readonly readonly: boolean;
  /** The schema version after migrations. */
  readonly schemaVersion: number;
  /** Runs found running with a dead process when the store was opened, now interrupted. */
  readonly recovered: readonly RecoveredRun[];
  /** The raw connection, for store extensions (sweeps, promotion) that read their own tables. */
  readonly db: Database.Database;

  /** Starts a run (status running, this pid) and returns its id (r-000001 ...). */
  beginRun(meta: RunMeta): string | StoreError;
  /** Stages one ticker's result and metrics; nothing is written until completeRun. */
  recordTickerResult(runId: string, result: TickerResult, metrics: MetricValues): StoreError | null;
  /** Writes every staged result and marks the run completed, in one transaction. */
  completeRun(runId: string, summary?: RunSummary): RunRecord | StoreError;
  /** Marks a run failed with its error; staged results are dropped. */
  failRun(runId: string, error: string): RunRecord | StoreError;
  /** Marks a run interrupted (Ctrl-C, shutdown); staged results are dropped. */
  interruptRun(runId: string, reason: string): RunRecord | StoreError;

  /** Runs matching the filter, newest first. */
  listRuns(filter?: RunFilter): readonly RunRecord[] | StoreError;
  /** The run with this id, or null. */
  getRun(id: string): RunRecord | null | StoreError;
  /** The newest run matching the filter, or null. */
  latestRun(filter?: RunFilter): RunRecord | null | StoreError;
  /** A run's results as metric input: the portfolio, or one ticker. */
  loadRunData(runId: string, ticker?: string): RunData | StoreError;
  /** A run's stored metrics, portfolio first. */
  runMetrics(runId: string): readonly StoredMetric[] | StoreError;
  /** A run's closed trades (of one ticker when given). */
  runTrades(runId: string, ticker?: string): readonly Trade[] | StoreError;
  /** A run's positions open at the end of data. */
  runOpenPositions(runId: string, ticker?: string): readonly OpenPosition[] | StoreError;
  /** A run's fills and skipped signals. */
  executionLog(runId: string, ticker?: string): readonly ExecutionEvent[] | StoreError;

  /** Appends a record to the hash-chained ledger. */
  appendLedger(kind: string, payload: unknown): LedgerRecord | StoreError;
  /** Checks the whole chain; reports the first edited, deleted or reordered record. */
  verifyLedger(): LedgerVerification | StoreError;
  /** Ledger records in seq order. */
  ledger(filter?: LedgerFilter): readonly LedgerRecord[] | StoreError;
  /** Stores a gate evaluation and its gate_evaluation ledger record, atomically. */
  recordGateEvaluation(input: GateEvaluationInput): { readonly id: number; readonly ledger: LedgerRecord } | StoreError;
  /** Gate evaluations, newest first. */
  gateEvaluations(filter?: GateEvaluationFilter): readonly GateEvaluationRecord[] | StoreError;

  /** Folds the WAL back into the database (after a sweep, long readers starve checkpoints). */
  checkpoint(): StoreError | null;
  /** Closes the connection; staged results of unfinished runs are dropped. */
  close(): void;

  /** completeRun for a portfolio run: also writes its sleeves, baselines and rebalances, in the same transaction. */
  completePortfolioRun(runId: string, summary: RunSummary, portfolio: Omit<PortfolioRunRecord, "runId">): RunRecord | StoreError;
  /** The portfolio part of a run (sleeves, baselines, rebalances; curves when asked), or null for a strategy run. */
  portfolioRun(runId: string, options?: { readonly curves?: boolean }): PortfolioRunRecord | null | StoreError;
}

/** What createStore needs from openStore. */
export interface StoreInit {
  readonly ctx: StoreContext;
  readonly readonly: boolean;
  readonly schemaVersion: number;
  readonly recovered: readonly RecoveredRun[];
}

/** Builds the Store over an open, migrated connection. */
export function createStore(init: StoreInit): Store {
  const { ctx } = init;
  const { db, path } = ctx;
  const staged = new Map<string, Map<string, StagedTicker>>();
  const run = <T>(fn: () => T): T | StoreError => guard(path, fn);
  const immediate = <T>(fn: () => T): T | StoreError => guard(path, () => db.transaction(fn).immediate());
  const mustGet = (id: string): RunRecord => {
    const record = selectRun(ctx, id);
    if (record === null) throw new Error(`bug: run ${id} vanished inside its own transaction`);
    return record;
  };
  const finish = (runId: string, status: "failed" | "interrupted", error: string): RunRecord | StoreError => {
    staged.delete(runId);
    return immediate(() => {
      requireRunning(ctx, runId);
      finishRun(ctx, runId, status, { error });
      return mustGet(runId);
    });
  };

  return {
    path,
    readonly: init.readonly,
    schemaVersion: init.schemaVersion,
    recovered: init.recovered,
    db,
    beginRun: (meta) => immediate(() => insertRun(ctx, meta)),
    recordTickerResult: (runId, result, metrics) => {
      const checked = run(() => requireRunning(ctx, runId));
      if (isStoreError(checked)) return checked;
      const tickers = staged.get(runId) ?? new Map<string, StagedTicker>();
      tickers.set(result.ticker, { result, metrics });
      staged.set(runId, tickers);
      return null;
    },
    completeRun: (runId, summary = {}) => {
      const tickers = [...(staged.get(runId)?.values() ?? [])];
      const done = immediate(() => {
        writeCompletedRun(ctx, runId, tickers, summary);
        return mustGet(runId);
      });
      if (!isStoreError(done)) staged.delete(runId);
      return done;
    },
    failRun: (runId, error) => finish(runId, "failed", error),
    interruptRun: (runId, reason) => finish(runId, "interrupted", reason),
    listRuns: (filter) => run(() => selectRuns(ctx, filter)),
    getRun: (id) => run(() => selectRun(ctx, id)),
    latestRun: (filter = {}) => run(() => selectRuns(ctx, { ...filter, limit: 1 })[0] ?? null),
    loadRunData: (runId, ticker) => run(() => loadRunResults(ctx, runId, ticker)),
    runMetrics: (runId) => run(() => selectMetrics(ctx, runId)),
    runTrades: (runId, ticker) => run(() => selectTrades(ctx, runId, ticker)),
    runOpenPositions: (runId, ticker) => run(() => selectOpenPositions(ctx, runId, ticker)),
    executionLog: (runId, ticker) => run(() => selectExecutionLog(ctx, runId, ticker)),
    appendLedger: (kind, payload) => immediate(() => appendLedgerRecord(ctx, kind, payload)),
    verifyLedger: () => run(() => db.transaction(() => verifyLedgerRecords(ctx)).deferred()),
    ledger: (filter) => run(() => selectLedger(ctx, filter)),
    recordGateEvaluation: (input) =>
      immediate(() => {
        const ledger = appendLedgerRecord(ctx, "gate_evaluation", input.result);
        return { id: insertGateEvaluation(ctx, input, ledger.seq), ledger };
      }),
    gateEvaluations: (filter) => run(() => selectGateEvaluations(ctx, filter)),
    checkpoint: () => {
      const done = run(() => db.pragma("wal_checkpoint(RESTART)"));
      return isStoreError(done) ? done : null;
    },
    close: () => {
      staged.clear();
      if (db.open) db.close();
    },
    completePortfolioRun: (runId, summary, portfolio) => {
      const tickers = [...(staged.get(runId)?.values() ?? [])];
      const done = immediate(() => {
        writeCompletedRun(ctx, runId, tickers, summary);
        insertPortfolioRun(ctx, { ...portfolio, runId });
        return mustGet(runId);
      });
      if (!isStoreError(done)) staged.delete(runId);
      return done;
    },
    portfolioRun: (runId, options = {}) => run(() => selectPortfolioRun(ctx, runId, options.curves === true)),
  };
}
