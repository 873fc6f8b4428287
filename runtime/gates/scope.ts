// A gate's scope: a conjunction of clauses on a run's provenance. Only runs satisfying
// every clause count as observations for the gate. `ticker == X` holds when X is in the
// run's universe (and the rules then read X's own results, see evaluate.ts).

import type { ScopeClause } from "../../specs/generated/plan.js";
import type { RunRecord } from "../store/index.js";
import type { ScopeOutcome } from "./types.js";

/** A clause as written: 'run_source == prod'. */
export function clauseText(clause: ScopeClause): string {
  return `${clause.field} ${clause.operator} ${clause.value}`;
}

/** What the run has for the clause's field, in words: 'run_source is smoke'. */
export function clauseActual(clause: ScopeClause, run: RunRecord): string {
  switch (clause.field) {
    case "run_source":
      return `run_source is ${run.runSource}`;
    case "data_regime":
      return `data_regime is ${run.dataRegime}`;
    case "strategy":
      return `strategy is ${run.strategy}`;
    case "ticker":
      return `tickers are ${run.tickers.length === 0 ? "none" : run.tickers.join(", ")}`;
  }
}

/** Whether one clause holds for a run. */
export function satisfies(clause: ScopeClause, run: RunRecord): boolean {
  const holds =
    clause.field === "ticker"
      ? run.tickers.includes(clause.value)
      : (clause.field === "run_source" ? run.runSource : clause.field === "data_regime" ? run.dataRegime : run.strategy) === clause.value;
  return clause.operator === "==" ? holds : !holds;
}

/** Every clause with whether the run satisfies it. */
export function checkScope(clauses: readonly ScopeClause[], run: RunRecord): ScopeOutcome[] {
  return clauses.map((clause) => ({ clause: clauseText(clause), satisfied: satisfies(clause, run) }));
}

/** True when the run satisfies every clause. */
export function inScope(clauses: readonly ScopeClause[], run: RunRecord): boolean {
  return clauses.every((clause) => satisfies(clause, run));
}

/** The first clause the run fails, with what the run has instead: 'run_source == prod (run_source is smoke)'. */
export function firstFailure(clauses: readonly ScopeClause[], run: RunRecord): string | null {
  const failed = clauses.find((clause) => !satisfies(clause, run));
  return failed === undefined ? null : `${clauseText(failed)} (${clauseActual(failed, run)})`;
}

/** The scope in words for messages: 'run_source == prod and data_regime == prod_live', or 'any run'. */
export function scopeText(clauses: readonly ScopeClause[]): string {
  return clauses.length === 0 ? "any run" : clauses.map(clauseText).join(" and ");
}

/** The ticker whose own results the rules read: the value of the only `ticker ==` clause, else the portfolio. */
export function scopeTicker(clauses: readonly ScopeClause[]): string | undefined {
  const tickers = clauses.filter((c) => c.field === "ticker" && c.operator === "==");
  return tickers.length === 1 ? tickers[0]?.value : undefined;
}
