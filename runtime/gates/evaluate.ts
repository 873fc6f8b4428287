// Gate evaluation. Input: an open store, a gate from the plan, a selection.
// Output: a GateResult recorded in gate_evaluations and in the ledger (kind
// "gate_evaluation", payload = the result as JSON without ledgerSeq), or a GateError.
// Invariants: every evaluation that reaches a verdict is recorded, insufficient ones too;
// the result carries the plan hash, data hash and model versions of the evaluated run and
// the hash of the gate itself; rules read the portfolio results, or the results of X when
// the scope has exactly one `ticker == X` clause. Exit codes are the CLI's job.

import type { GatePlan } from "../../specs/generated/plan.js";
import { canonicalJson, isStoreError, sha256Hex, type JsonValue, type RunRecord, type Store } from "../store/index.js";
import { combineOutcomes, evaluateRule, rulesReason, type BaselineInput } from "./rules.js";
import { scopeTicker } from "./scope.js";
import { fromStoreError, pickBaseline, pickRun } from "./select-runs.js";
import type { GateError, GateResult, GateSelection } from "./types.js";

/** Evaluates a gate on stored runs honouring its scope, records the result in the ledger. */
export function evaluateGate(store: Store, gate: GatePlan, selection: GateSelection): GateResult | GateError {
  const verdict = decide(store, gate, selection);
  if ("kind" in verdict) return verdict;
  const recorded = store.recordGateEvaluation({
    gate: verdict.gate,
    status: verdict.status,
    runId: verdict.runId,
    baselineRunId: verdict.baselineRunId,
    planHash: verdict.planHash,
    dataHash: verdict.dataHash,
    result: toGateResultJson(verdict),
  });
  if (isStoreError(recorded)) return fromStoreError(recorded);
  return { ...verdict, ledgerSeq: recorded.ledger.seq };
}

type Verdict = Omit<GateResult, "ledgerSeq">;

function decide(store: Store, gate: GatePlan, selection: GateSelection): Verdict | GateError {
  const pick = pickRun(store, gate, selection);
  if ("kind" in pick && pick.kind === "gate_error") return pick;
  if (pick.kind === "insufficient") {
    return assemble(gate, pick.run, { status: "insufficient_observation", reason: pick.reason, baselineRunId: null, scope: pick.scope, rules: [] });
  }
  const ticker = scopeTicker(gate.scope);
  const input = store.loadRunData(pick.run.id, ticker);
  if (isStoreError(input)) return fromStoreError(input);
  let baseline: BaselineInput = { input: null, note: null };
  let baselineRunId: string | null = null;
  if (gate.rules.some((r) => r.compare === "change")) {
    const chosen = pickBaseline(store, gate, selection, pick.run);
    if ("kind" in chosen) return chosen;
    if (chosen.run !== null) {
      const baseTicker = ticker !== undefined && chosen.run.tickers.includes(ticker) ? ticker : undefined;
      const loaded = store.loadRunData(chosen.run.id, baseTicker);
      if (isStoreError(loaded)) return fromStoreError(loaded);
      baseline = { input: loaded, note: null };
      baselineRunId = chosen.run.id;
    } else {
      baseline = { input: null, note: chosen.note };
    }
  }
  const rules = gate.rules.map((rule) => evaluateRule(rule, input, baseline));
  const status = combineOutcomes(rules);
  return assemble(gate, pick.run, { status, reason: rulesReason(status, rules), baselineRunId, scope: pick.scope, rules });
}

type Outcome = Pick<Verdict, "status" | "reason" | "baselineRunId" | "scope" | "rules">;

/** The verdict with the run's provenance, keys in reading order (verdict, then what it rests on). */
function assemble(gate: GatePlan, run: RunRecord | null, outcome: Outcome): Verdict {
  return {
    gate: gate.name,
    status: outcome.status,
    reason: outcome.reason,
    runId: run?.id ?? null,
    baselineRunId: outcome.baselineRunId,
    planHash: run?.planHash ?? null,
    dataHash: run?.dataHash ?? null,
    modelVersions: run === null ? [] : modelVersions(run),
    gateHash: gateHash(gate),
    scope: outcome.scope,
    rules: outcome.rules,
  };
}

/** sha256 of the gate's canonical plan without doc and origin: edits to comments do not change it. */
export function gateHash(gate: GatePlan): string {
  const { doc: _doc, origin: _origin, ...meaning } = gate;
  return sha256Hex(canonicalJson(meaning));
}

/** model@version of every model a run used, sorted, without duplicates. */
export function modelVersions(run: RunRecord): string[] {
  return [...new Set((run.lineage.models ?? []).map((m) => `${m.model}@${m.version}`))].sort();
}

/** A result as JSON for the ledger and `--json`: ±Infinity become "Infinity"/"-Infinity" (JSON has no such number), NaN null. */
export function toGateResultJson(result: Verdict | GateResult): JsonValue {
  return JSON.parse(JSON.stringify(result, (_key, value: unknown) => (typeof value === "number" && !Number.isFinite(value) ? (Number.isNaN(value) ? null : value > 0 ? "Infinity" : "-Infinity") : value))) as JsonValue;
}
