// The shapes `strat gate` works with: what to evaluate (GateSelection), what came out
// (GateResult, one RuleOutcome per rule) and what went wrong (GateError). GateResult is
// described for tools by specs/gate-result.schema.json (see toGateResultJson).

/** Which stored run a gate is evaluated on. At most one of runId / latest / strategy picks it; none means latest. */
export interface GateSelection {
  /** `--run ID`: that run; out of scope gives insufficient_observation with the failed clause. */
  readonly runId?: string;
  /** `--latest`: the latest completed in-scope run. */
  readonly latest?: boolean;
  /** `--strategy S`: the latest completed in-scope run of S. */
  readonly strategy?: string;
  /** The baseline of `change` rules; default: the latest completed in-scope run of the gate's baseline strategy. */
  readonly baselineRunId?: string;
}

/** A gate or rule verdict. */
export type GateOutcome = "pass" | "fail" | "insufficient_observation";

/** One rule's evaluation. */
export interface RuleOutcome {
  /** The rule as written, e.g. 'sharpe(daily) >= 1.0'. */
  readonly text: string;
  /** The metric key, e.g. 'sharpe(daily)'. */
  readonly metric: string;
  /** The compared value: the metric, or its relative change for `change` rules; null when undefined. */
  readonly value: number | null;
  /** For `change` rules: the baseline run's metric. */
  readonly baselineValue?: number | null;
  readonly threshold: number;
  /** The plan unit of value and threshold (ratio for percents and changes). */
  readonly unit: string;
  readonly operator: string;
  /** How far the value is from the threshold, in the rule's unit; positive on the passing side. */
  readonly margin: number | null;
  readonly outcome: GateOutcome;
  /** Why value is null (metric undefined, no baseline, zero baseline), or null. */
  readonly note: string | null;
}

/** One scope clause and whether the evaluated run satisfies it. */
export interface ScopeOutcome {
  /** The clause as written, e.g. 'run_source == prod'. */
  readonly clause: string;
  readonly satisfied: boolean;
}

/** The evaluation of a gate on one run, as recorded in the ledger. */
export interface GateResult {
  readonly gate: string;
  /** sha256 of the gate's canonical plan (without doc and origin): which version of the gate decided. */
  readonly gateHash: string;
  readonly status: GateOutcome;
  readonly runId: string | null;
  readonly baselineRunId: string | null;
  readonly planHash: string | null;
  readonly dataHash: string | null;
  /** model@version of every model the run used. */
  readonly modelVersions: readonly string[];
  readonly scope: readonly ScopeOutcome[];
  readonly rules: readonly RuleOutcome[];
  /** Why the status is not pass, in one sentence; null on pass. */
  readonly reason: string | null;
  /** The gate_evaluation ledger record holding this result. */
  readonly ledgerSeq: number;
}

/** A gate evaluation that could not happen (bad selection, store failure). Returned, never thrown. */
export interface GateError {
  readonly kind: "gate_error";
  /** R02xx: the store's codes, or R0220 for a contradictory selection. */
  readonly code: string;
  readonly message: string;
  readonly hint: string;
}

/** The code of a contradictory selection (`--run` with `--latest` or `--strategy`). */
export const GATE_SELECTION_CODE = "R0220";

/** True when `value` is a GateError. */
export function isGateError(value: unknown): value is GateError {
  return typeof value === "object" && value !== null && (value as { kind?: unknown }).kind === "gate_error";
}
