// The gate_evaluations table: one row per `strat gate` evaluation, indexed by gate for
// promotion triggers ("passes 3 consecutive runs"). The same result is the payload of a
// gate_evaluation ledger record, written in the same transaction (see store.ts).

import type { JsonValue } from "./canonical.js";
import { canonicalJson } from "./canonical.js";
import { nowIso, type StoreContext } from "./context.js";

/** A gate outcome. */
export type GateStatus = "pass" | "fail" | "insufficient_observation";

/** What the gate evaluator hands the store. */
export interface GateEvaluationInput {
  readonly gate: string;
  readonly status: GateStatus;
  readonly runId: string | null;
  readonly baselineRunId: string | null;
  readonly planHash: string | null;
  readonly dataHash: string | null;
  /** The full result, stored as canonical JSON and as the ledger payload. */
  readonly result: unknown;
}

/** A stored gate evaluation. */
export interface GateEvaluationRecord {
  readonly id: number;
  readonly gate: string;
  readonly status: GateStatus;
  readonly runId: string | null;
  readonly baselineRunId: string | null;
  readonly planHash: string | null;
  readonly dataHash: string | null;
  readonly result: JsonValue;
  readonly ledgerSeq: number;
  readonly createdAt: string;
}

/** Filters for reading gate evaluations. */
export interface GateEvaluationFilter {
  readonly gate?: string;
  /** Newest first; at most this many. */
  readonly limit?: number;
}

/** Inserts one evaluation that ledger record `ledgerSeq` also holds. Call inside a write transaction. */
export function insertGateEvaluation(ctx: StoreContext, input: GateEvaluationInput, ledgerSeq: number): number {
  const info = ctx.db
    .prepare(
      `INSERT INTO gate_evaluations (gate, status, run_id, baseline_run_id, plan_hash, data_hash, result, ledger_seq, created_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    )
    .run(input.gate, input.status, input.runId, input.baselineRunId, input.planHash, input.dataHash, canonicalJson(input.result), ledgerSeq, nowIso(ctx));
  return Number(info.lastInsertRowid);
}

interface EvaluationRow {
  id: number;
  gate: string;
  status: GateStatus;
  run_id: string | null;
  baseline_run_id: string | null;
  plan_hash: string | null;
  data_hash: string | null;
  result: string;
  ledger_seq: number;
  created_at: string;
}

/** Gate evaluations, newest first. */
export function selectGateEvaluations(ctx: StoreContext, filter: GateEvaluationFilter = {}): GateEvaluationRecord[] {
  const where = filter.gate === undefined ? "" : " WHERE gate = ?";
  const args = filter.gate === undefined ? [] : [filter.gate];
  const limit = filter.limit === undefined ? "" : ` LIMIT ${Math.max(0, Math.floor(filter.limit))}`;
  const rows = ctx.db.prepare(`SELECT * FROM gate_evaluations${where} ORDER BY id DESC${limit}`).all(...args) as EvaluationRow[];
  return rows.map((r) => ({
    id: r.id,
    gate: r.gate,
    status: r.status,
    runId: r.run_id,
    baselineRunId: r.baseline_run_id,
    planHash: r.plan_hash,
    dataHash: r.data_hash,
    result: JSON.parse(r.result) as JsonValue,
    ledgerSeq: r.ledger_seq,
    createdAt: r.created_at,
  }));
}
