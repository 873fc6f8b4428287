// Phase 4, lower: checked program → Plan (specs/plan.schema.json).
// Input: a CheckState without errors. Output: the plan with `sources` (every
// compiled file's sha256, sorted by path) and `hash` (sha256 of the canonical
// JSON of the plan without `hash` and `sources`), validated with Ajv.
// Codes: E0601 the plan fails its schema, E0602 lowering failed; both are
// compiler bugs, reported rather than thrown.
// Invariants: no spans, ids or line numbers reach the plan, so a whitespace or
// comment change keeps `hash` (a `///` doc change does not: docs are content);
// every top-level array is sorted by name, so file order does not matter.

import type { BlockDecl, BlockKind, ConstDecl } from "./ast.js";
import { canonicalJson, sha256Hex } from "./canonical.js";
import type { CheckState } from "./check/context.js";
import type { Diagnostic, PhaseResult } from "./diagnostics/diagnostic.js";
import { makeDiagnostic } from "./diagnostics/problems.js";
import { lowerConst, lowerGate, lowerPortfolio, lowerPromotion, lowerSchedule, lowerSleeve, lowerSweep } from "./lower/decls.js";
import { lowerStrategy } from "./lower/strategy.js";
import type { Span } from "./source.js";
import type { Plan } from "../specs/generated/plan.js";
import { validatePlan } from "../specs/plan-validation.js";

/** The plan version this compiler emits. */
export const PLAN_VERSION = 1 as const;

/** The plan without its hash and sources: the part the hash covers. */
export type PlanBody = Omit<Plan, "hash" | "sources">;

function byName<T extends { name: string }>(items: T[]): T[] {
  return items.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}

/** Lowers a checked program to a plan with its hash and sources; null with E0602 on an internal failure. */
export function lower(state: CheckState): PhaseResult<Plan | null> {
  const modules = state.program.loaded.modules;
  const anchor: Span = { file: modules[0]?.file ?? "", start: 0, end: 0 };
  let body: PlanBody;
  try {
    body = lowerBody(state);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return { value: null, diagnostics: [bug("E0602", anchor, `internal compiler error while lowering: ${message}`)] };
  }
  const hash = sha256Hex(canonicalJson(body));
  const sources = [...state.program.loaded.files.values()]
    .map((f) => ({ path: f.path, sha256: sha256Hex(f.text) }))
    .sort((a, b) => (a.path < b.path ? -1 : 1));
  return { value: { ...body, hash, sources }, diagnostics: [] };
}

/** Phase 5, validate: the plan against specs/plan.schema.json with Ajv; a failure is a bug (E0601). */
export function validate(plan: Plan): PhaseResult<Plan | null> {
  const validation = validatePlan(plan);
  if (validation.ok) return { value: plan, diagnostics: [] };
  const anchor: Span = { file: plan.sources[0]?.path ?? "", start: 0, end: 0 };
  const diagnostics: Diagnostic[] = validation.errors.map((e) => bug("E0601", anchor, `the compiled plan does not match specs/plan.schema.json: ${e}`));
  return { value: null, diagnostics };
}

function bug(code: string, span: Span, message: string): Diagnostic {
  return makeDiagnostic(code, span, message, {
    label: "compiler bug",
    hints: ["this is a bug in strat, not in your sources: please report it with the files that trigger it"],
  });
}

function lowerBody(state: CheckState): PlanBody {
  const blocks = (kind: BlockKind): BlockDecl[] =>
    state.program.loaded.modules.flatMap((m) => m.decls.filter((d): d is BlockDecl => d.kind === "Block" && d.declKind === kind && state.program.globals.get(d.name.name) === d));
  const consts = state.program.loaded.modules.flatMap((m) => m.decls.filter((d): d is ConstDecl => d.kind === "Const" && state.program.globals.get(d.name.name) === d));
  return {
    consts: byName(consts.map((c) => lowerConst(state, c))),
    gates: byName(blocks("gate").map((b) => lowerGate(state, b))),
    planVersion: PLAN_VERSION,
    portfolios: byName(blocks("portfolio").map((b) => lowerPortfolio(state, b))),
    promotions: byName(blocks("promotion").map((b) => lowerPromotion(state, b))),
    schedules: byName(blocks("schedule").map((b) => lowerSchedule(state, b))),
    sleeves: byName(blocks("sleeve").map((b) => lowerSleeve(state, b))),
    strategies: byName(blocks("strategy").map((b) => lowerStrategy(state, b))),
    sweeps: byName(blocks("sweep").map((b) => lowerSweep(state, b))),
  };
}
