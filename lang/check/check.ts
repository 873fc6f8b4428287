// Phase 3, check: types, units, domains and cross-declaration rules.
// Input: the resolved program. Output: the same program with side tables
// (types, name meanings, bound calls, compile-time values, params, metric
// rules, sweep facts) in a CheckState. Codes: E02xx for names only the context
// can resolve, E03xx types and units, E04xx params and domains, E05xx
// cross-declaration rules, W05xx warnings.
// Invariants: the AST is not changed; every block is checked once, consts and
// strategies first because sweeps read their params and universes.

import type { BlockDecl, BlockKind } from "../ast.js";
import type { PhaseResult } from "../diagnostics/diagnostic.js";
import type { ResolvedProgram } from "../resolve.js";
import { checkGate } from "./check-gate.js";
import { checkPortfolio, checkSleeve } from "./check-portfolio.js";
import { checkPromotion } from "./check-promotion.js";
import { checkSchedule } from "./check-schedule.js";
import { checkStrategy } from "./check-strategy.js";
import { checkSweep } from "./check-sweep.js";
import { constType } from "./consts.js";
import { CheckState } from "./context.js";

const ORDER: readonly BlockKind[] = ["strategy", "gate", "sweep", "sleeve", "portfolio", "promotion", "schedule"];
const CHECKERS: Readonly<Record<BlockKind, (state: CheckState, block: BlockDecl) => void>> = {
  strategy: checkStrategy,
  gate: checkGate,
  sweep: checkSweep,
  sleeve: checkSleeve,
  portfolio: checkPortfolio,
  promotion: checkPromotion,
  schedule: checkSchedule,
};

/** Checks the whole program. Never throws for bad input. */
export function check(program: ResolvedProgram): PhaseResult<CheckState> {
  const state = new CheckState(program);
  for (const module of program.loaded.modules) {
    for (const decl of module.decls) if (decl.kind === "Const") constType(state, decl, null);
  }
  for (const kind of ORDER) {
    for (const module of program.loaded.modules) {
      for (const decl of module.decls) if (decl.kind === "Block" && decl.declKind === kind) CHECKERS[kind](state, decl);
    }
  }
  return { value: state, diagnostics: state.diagnostics };
}
