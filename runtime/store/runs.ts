// The runs table: one row per backtest, paper or maintenance run, with everything needed
// to say what was run (plan hash, sources, params), on what (data lineage, data hash) and
// how it ended (status, error). Ids are r-000001, r-000002 ... in creation order, never
// derived from the wall clock; only created_at/finished_at come from the injected clock.

import { canonicalJson, sha256Hex } from "./canonical.js";
import { nowIso, type StoreContext } from "./context.js";

/** Where a run came from; gates scope on it. */
export type RunSource = "prod" | "paper" | "smoke" | "maintenance";
/** Which data a run saw; gates scope on it. */
export type DataRegime = "prod_live" | "maintenance_replay" | "mixed";
/** A run's lifecycle state. */
export type RunStatus = "running" | "completed" | "failed" | "interrupted";
/** A param or override value as the plan carries it. */
export type ParamValue = number | string | boolean | readonly number[];

/** The sha256 of one compiled source, as in the plan's `sources`. */
export interface SourceHash {
  readonly path: string;
  readonly sha256: string;
}

/** Lineage of one data source a run loaded (the data providers' Lineage fits); extra fields are kept as JSON. */
export interface DataLineage {
  /** sha256 of the loaded content; data_hash is computed from these. */
  readonly sha256: string;
  readonly provider?: string;
  readonly ticker?: string;
  readonly source?: string;
}

/** Lineage of one model a run used (the model providers' ModelRun fits); extra fields are kept as JSON. */
export interface ModelLineage {
  /** Provider name: momentum, external, ... */
  readonly model: string;
  readonly version: string;
  readonly lineageId?: string;
}

/** Everything a run records about its inputs beyond the plan. */
export interface RunLineage {
  readonly data: readonly DataLineage[];
  /** Data quality reports, as the data providers produced them. */
  readonly quality?: readonly unknown[];
  readonly models?: readonly ModelLineage[];
}

/** What beginRun needs to know. */
export interface RunMeta {
  /** A strategy run (the default) or a portfolio run. */
  readonly kind?: RunKind;
  readonly planHash: string;
  readonly sourceHashes: readonly SourceHash[];
  readonly strategy: string;
  readonly tickers: readonly string[];
  /** Effective params (defaults merged with overrides). */
  readonly params: Readonly<Record<string, ParamValue>>;
  /** Only the params overridden on the command line or by a sweep. */
  readonly overrides: Readonly<Record<string, ParamValue>>;
  readonly runSource: RunSource;
  readonly dataRegime: DataRegime;
  readonly lineage: RunLineage;
  readonly initialCash: number;
  /** Annualisation factor the metrics of this run use (252 or 365). */
  readonly periodsPerYear: number;
}

/** What a run ran: one strategy, or a portfolio of sleeves. */
export type RunKind = "strategy" | "portfolio";

/** A stored run. */
export interface RunRecord {
  readonly id: string;
  readonly kind: RunKind;
  /** Creation order; the latest run has the highest seq. */
  readonly seq: number;
  readonly planHash: string;
  readonly sourceHashes: readonly SourceHash[];
  readonly strategy: string;
  readonly tickers: readonly string[];
  readonly params: Readonly<Record<string, ParamValue>>;
  readonly overrides: Readonly<Record<string, ParamValue>>;
  readonly runSource: RunSource;
  readonly dataRegime: DataRegime;
  readonly status: RunStatus;
  readonly error: string | null;
  readonly lineage: RunLineage;
  /** sha256 over the sorted content hashes of the data lineage. */
  readonly dataHash: string;
  readonly initialCash: number;
  readonly finalEquity: number | null;
  readonly periodsPerYear: number;
  /** The process that ran it; used to detect interrupted runs. */
  readonly pid: number;
  readonly createdAt: string;
  readonly finishedAt: string | null;
}

/** Filters for listing runs; every field narrows. */
export interface RunFilter {
  readonly strategy?: string;
  readonly status?: RunStatus;
  readonly runSource?: RunSource;
  readonly dataRegime?: DataRegime;
  /** Runs whose universe includes this ticker. */
  readonly ticker?: string;
  /** Newest first; at most this many. */
  readonly limit?: number;
}

interface RunRow {
  kind: RunKind;
  seq: number;
  id: string;
  plan_hash: string;
  source_hashes: string;
  strategy: string;
  tickers: string;
  params: string;
  overrides: string;
  run_source: RunSource;
  data_regime: DataRegime;
  status: RunStatus;
  error: string | null;
  lineage: string;
  data_hash: string;
  initial_cash: number;
  final_equity: number | null;
  periods_per_year: number;
  pid: number;
  created_at: string;
  finished_at: string | null;
}

/** sha256 over the data lineage's content hashes, sorted so load order does not matter. */
export function dataHashOf(lineage: RunLineage): string {
  return sha256Hex(canonicalJson(lineage.data.map((d) => d.sha256).sort()));
}

/** Inserts a running run and returns its id. Call inside a write transaction. */
export function insertRun(ctx: StoreContext, meta: RunMeta): string {
  const seq = (ctx.db.prepare("SELECT coalesce(max(seq), 0) + 1 FROM runs").pluck().get() as number);
  const id = formatRunId(seq);
  ctx.db
    .prepare(
      `INSERT INTO runs (seq, id, kind, plan_hash, source_hashes, strategy, tickers, params, overrides, run_source, data_regime,
         status, error, lineage, data_hash, initial_cash, final_equity, periods_per_year, pid, created_at, finished_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'running', NULL, ?, ?, ?, NULL, ?, ?, ?, NULL)`,
    )
    .run(
      seq,
      id,
      meta.kind ?? "strategy",
      meta.planHash,
      canonicalJson(meta.sourceHashes),
      meta.strategy,
      canonicalJson(meta.tickers),
      canonicalJson(meta.params),
      canonicalJson(meta.overrides),
      meta.runSource,
      meta.dataRegime,
      canonicalJson(meta.lineage),
      dataHashOf(meta.lineage),
      meta.initialCash,
      meta.periodsPerYear,
      ctx.pid,
      nowIso(ctx),
    );
  return id;
}

/** r-000001 for seq 1; wider seqs keep every digit. */
export function formatRunId(seq: number): string {
  return `r-${String(seq).padStart(6, "0")}`;
}

/** Moves a run out of `running`; returns false when it was not running. */
export function finishRun(
  ctx: StoreContext,
  id: string,
  status: Exclude<RunStatus, "running">,
  fields: { readonly error?: string | null; readonly finalEquity?: number | null; readonly lineage?: RunLineage },
): boolean {
  const lineage = fields.lineage === undefined ? null : canonicalJson(fields.lineage);
  const dataHash = fields.lineage === undefined ? null : dataHashOf(fields.lineage);
  const info = ctx.db
    .prepare(
      `UPDATE runs SET status = ?, error = ?, final_equity = ?, finished_at = ?,
         lineage = coalesce(?, lineage), data_hash = coalesce(?, data_hash)
       WHERE id = ? AND status = 'running'`,
    )
    .run(status, fields.error ?? null, fields.finalEquity ?? null, nowIso(ctx), lineage, dataHash, id);
  return info.changes === 1;
}

/** The run with this id, or null. */
export function selectRun(ctx: StoreContext, id: string): RunRecord | null {
  const row = ctx.db.prepare("SELECT * FROM runs WHERE id = ?").get(id) as RunRow | undefined;
  return row === undefined ? null : toRecord(row);
}

/** Runs matching the filter, newest first. */
export function selectRuns(ctx: StoreContext, filter: RunFilter = {}): RunRecord[] {
  const where: string[] = [];
  const args: (string | number)[] = [];
  const add = (clause: string, value: string | undefined): void => {
    if (value === undefined) return;
    where.push(clause);
    args.push(value);
  };
  add("strategy = ?", filter.strategy);
  add("status = ?", filter.status);
  add("run_source = ?", filter.runSource);
  add("data_regime = ?", filter.dataRegime);
  add("EXISTS (SELECT 1 FROM json_each(runs.tickers) WHERE json_each.value = ?)", filter.ticker);
  const limit = filter.limit === undefined ? "" : ` LIMIT ${Math.max(0, Math.floor(filter.limit))}`;
  const sql = `SELECT * FROM runs${where.length > 0 ? ` WHERE ${where.join(" AND ")}` : ""} ORDER BY seq DESC${limit}`;
  return (ctx.db.prepare(sql).all(...args) as RunRow[]).map(toRecord);
}

/** Runs still marked running, for interrupted-run recovery. */
export function selectRunningRuns(ctx: StoreContext): { readonly id: string; readonly pid: number }[] {
  return ctx.db.prepare("SELECT id, pid FROM runs WHERE status = 'running' ORDER BY seq").all() as { id: string; pid: number }[];
}

function toRecord(row: RunRow): RunRecord {
  return {
    id: row.id,
    kind: row.kind,
    seq: row.seq,
    planHash: row.plan_hash,
    sourceHashes: JSON.parse(row.source_hashes) as SourceHash[],
    strategy: row.strategy,
    tickers: JSON.parse(row.tickers) as string[],
    params: JSON.parse(row.params) as Record<string, ParamValue>,
    overrides: JSON.parse(row.overrides) as Record<string, ParamValue>,
    runSource: row.run_source,
    dataRegime: row.data_regime,
    status: row.status,
    error: row.error,
    lineage: JSON.parse(row.lineage) as RunLineage,
    dataHash: row.data_hash,
    initialCash: row.initial_cash,
    finalEquity: row.final_equity,
    periodsPerYear: row.periods_per_year,
    pid: row.pid,
    createdAt: row.created_at,
    finishedAt: row.finished_at,
  };
}
