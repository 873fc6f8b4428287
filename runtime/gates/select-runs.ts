// Picks the run a gate is evaluated on, and the baseline run of `change` rules.
// Input: the store, the gate, the selection. Output: the run with its scope outcome, an
// insufficient-observation verdict with its reason (no in-scope run; an explicit run out
// of scope or not completed), or a GateError (contradictory selection, unknown run,
// store failure). "Latest" means highest seq: creation order, never the wall clock.

import type { GatePlan, ScopeClause } from "../../specs/generated/plan.js";
import { isStoreError, type RunRecord, type Store, type StoreError } from "../store/index.js";
import { checkScope, firstFailure, inScope, scopeText } from "./scope.js";
import { GATE_SELECTION_CODE, type GateError, type GateSelection, type ScopeOutcome } from "./types.js";

/** The outcome of picking the evaluated run. */
export type RunPick =
  | { readonly kind: "run"; readonly run: RunRecord; readonly scope: readonly ScopeOutcome[] }
  | { readonly kind: "insufficient"; readonly run: RunRecord | null; readonly scope: readonly ScopeOutcome[]; readonly reason: string };

/** The outcome of picking the baseline run. */
export type BaselinePick = { readonly run: RunRecord | null; readonly note: string | null };

/** A StoreError as a GateError, keeping its code. */
export function fromStoreError(error: StoreError): GateError {
  return { kind: "gate_error", code: error.code, message: error.message, hint: error.hint };
}

/** Picks the run the gate is evaluated on. */
export function pickRun(store: Store, gate: GatePlan, selection: GateSelection): RunPick | GateError {
  if (selection.runId !== undefined && (selection.latest === true || selection.strategy !== undefined)) {
    return { kind: "gate_error", code: GATE_SELECTION_CODE, message: "--run cannot be combined with --latest or --strategy", hint: "pass either --run ID, or --latest / --strategy S" };
  }
  if (selection.runId !== undefined) return pickExplicit(store, gate, selection.runId);
  const candidates = store.listRuns({ status: "completed", ...(selection.strategy === undefined ? {} : { strategy: selection.strategy }) });
  if (isStoreError(candidates)) return fromStoreError(candidates);
  const run = candidates.find((r) => inScope(gate.scope, r));
  if (run !== undefined) return { kind: "run", run, scope: checkScope(gate.scope, run) };
  const of = selection.strategy === undefined ? "" : ` of strategy ${selection.strategy}`;
  const newest = candidates[0];
  const detail = newest === undefined ? `there are no completed runs${of}` : `the latest, ${newest.id}, fails ${firstFailure(gate.scope, newest) ?? "the scope"}`;
  return { kind: "insufficient", run: null, scope: [], reason: `no completed run${of} satisfies the scope ${scopeText(gate.scope)}: ${detail}` };
}

function pickExplicit(store: Store, gate: GatePlan, runId: string): RunPick | GateError {
  const run = store.getRun(runId);
  if (isStoreError(run)) return fromStoreError(run);
  if (run === null) return { kind: "gate_error", code: "R0209", message: `no run has id ${runId}`, hint: "list runs with `strat runs`" };
  const scope = checkScope(gate.scope, run);
  const failure = firstFailure(gate.scope, run);
  if (failure !== null) return { kind: "insufficient", run, scope, reason: `run ${run.id} is out of scope: it fails ${failure}` };
  if (run.status !== "completed") return { kind: "insufficient", run, scope, reason: `run ${run.id} is ${run.status}, not completed` };
  return { kind: "run", run, scope };
}

/**
 * Picks the baseline of `change` rules: the explicit run, else the latest completed run of
 * the gate's baseline strategy that satisfies the scope's provenance clauses (run_source,
 * data_regime; strategy and ticker clauses describe the evaluated run, not its baseline),
 * never the evaluated run itself.
 */
export function pickBaseline(store: Store, gate: GatePlan, selection: GateSelection, evaluated: RunRecord): BaselinePick | GateError {
  if (selection.baselineRunId !== undefined) {
    const run = store.getRun(selection.baselineRunId);
    if (isStoreError(run)) return fromStoreError(run);
    if (run === null) return { kind: "gate_error", code: "R0209", message: `no run has id ${selection.baselineRunId}`, hint: "pass --baseline with a run listed by `strat runs`" };
    if (run.status !== "completed") {
      return { kind: "gate_error", code: "R0212", message: `baseline run ${run.id} is ${run.status} and has no stored results`, hint: "pass --baseline with a completed run" };
    }
    return { run, note: null };
  }
  if (gate.baseline === null) return { run: null, note: "the gate names no baseline strategy: pass a baseline run" };
  const provenance: ScopeClause[] = gate.scope.filter((c) => c.field === "run_source" || c.field === "data_regime");
  const candidates = store.listRuns({ status: "completed", strategy: gate.baseline });
  if (isStoreError(candidates)) return fromStoreError(candidates);
  const run = candidates.find((r) => r.id !== evaluated.id && inScope(provenance, r)) ?? null;
  return { run, note: run === null ? `no completed run of ${gate.baseline} satisfies ${scopeText(provenance)} to compare with` : null };
}
