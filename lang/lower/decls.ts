// Gates, sweeps, sleeves, portfolios, promotions, schedules and consts →
// their plan objects, from the AST and the checker's side tables.

import type { BlockDecl, ConstDecl, Expr, Trigger } from "../ast.js";
import { andOperands } from "../check/check-gate.js";
import { stageFraction } from "../check/check-promotion.js";
import { WINDOW_LABELS } from "../check/sweep-windows.js";
import type { CheckState } from "../check/context.js";
import { evaluate } from "../check/evaluate.js";
import type {
  ConstPlan,
  DataPlan,
  GatePlan,
  PortfolioPlan,
  PromotionPlan,
  Scalar,
  SchedulePlan,
  ScopeClause,
  SleevePlan,
  SweepPlan,
  Trigger as PlanTrigger,
} from "../../specs/generated/plan.js";
import { boundRule, LoweringBug, lowerExpr, lowerRule, planUnit, unitOfType } from "./expr.js";
import { callOptions } from "./options.js";

function settingValue(state: CheckState, block: BlockDecl, key: string): Expr | undefined {
  return state.settings.get(block.id)?.get(key)?.[0]?.value;
}

function str(state: CheckState, expr: Expr | undefined, fallback: string): string {
  if (expr === undefined) return fallback;
  const v = evaluate(state, expr);
  return typeof v === "string" ? v : fallback;
}

/** `{ data }` when the block sets `data` (sleeves, portfolios), else nothing: plans without it keep their bytes. */
function dataSetting(state: CheckState, block: BlockDecl): { data?: DataPlan } {
  const expr = settingValue(state, block, "data");
  const bound = expr === undefined ? undefined : boundRule(state, expr);
  return bound === undefined ? {} : { data: { options: callOptions(state, bound), provider: bound.sig.name } };
}

function declName(state: CheckState, expr: Expr | undefined): string | null {
  if (expr === undefined) return null;
  const m = state.names.get(expr.id);
  return m?.kind === "decl" ? m.decl.name.name : null;
}

/** The members every declaration plan has. */
function base(block: BlockDecl) {
  return { doc: block.doc, name: block.name.name, origin: { file: block.span.file } };
}

/** Lowers a gate. */
export function lowerGate(state: CheckState, block: BlockDecl): GatePlan {
  const scopeExpr = settingValue(state, block, "scope");
  const scope: ScopeClause[] = scopeExpr === undefined ? [] : andOperands(scopeExpr).map((clause) => scopeClause(state, clause));
  const rules: GatePlan["rules"] = [];
  for (const item of block.items) {
    if (item.kind !== "Require") continue;
    const rule = state.metricRules.get(item.id);
    if (rule === undefined) throw new LoweringBug("gate rule");
    rules.push({
      args: [...rule.args],
      compare: rule.compare,
      metric: rule.metric,
      operator: rule.operator,
      orElse: item.orElse?.name === "insufficient_observation" ? "insufficient_observation" : "fail",
      text: rule.text,
      threshold: rule.threshold,
      unit: planUnit(rule.unit),
    });
  }
  const { doc, name, origin } = base(block);
  return { baseline: declName(state, settingValue(state, block, "baseline")), doc, name, origin, rules, scope };
}

function scopeClause(state: CheckState, clause: Expr): ScopeClause {
  const e = clause.kind === "Paren" ? clause.inner : clause;
  if (e.kind !== "Binary" || e.left.kind !== "Name" || (e.op !== "==" && e.op !== "!=")) throw new LoweringBug("scope clause");
  const field = e.left.name.name;
  if (field !== "run_source" && field !== "data_regime" && field !== "strategy" && field !== "ticker") throw new LoweringBug(`scope field ${field}`);
  const value = field === "strategy" ? declName(state, e.right) : evaluate(state, e.right);
  if (typeof value !== "string") throw new LoweringBug("scope value");
  return { field, operator: e.op, value };
}

/** Lowers a sweep. */
export function lowerSweep(state: CheckState, block: BlockDecl): SweepPlan {
  const facts = state.sweeps.get(block.id);
  if (facts === undefined || facts.strategy === null) throw new LoweringBug("sweep facts");
  const windows: SweepPlan["windows"] = [];
  const select = block.items.find((i) => i.kind === "Select");
  for (const item of block.items) {
    if (item.kind !== "Windows") continue;
    for (const spec of item.windows) {
      if (spec.range.kind !== "Range") continue;
      const label = spec.label.name;
      const from = evaluate(state, spec.range.from);
      const to = evaluate(state, spec.range.to);
      if ((label === "search" || label === "validate" || label === "oos") && typeof from === "string" && typeof to === "string") windows.push({ from, label, to });
    }
    break;
  }
  windows.sort((a, b) => WINDOW_LABELS.indexOf(a.label) - WINDOW_LABELS.indexOf(b.label));
  if (select === undefined || select.kind !== "Select") throw new LoweringBug("sweep select");
  const selected = state.selects.get(select.id);
  if (selected === undefined) throw new LoweringBug("sweep select metric");
  const { doc, name, origin } = base(block);
  return {
    constraints: block.items.flatMap((i) => (i.kind === "Constraint" ? [lowerExpr(state, i.condition)] : [])),
    doc,
    grid: facts.grid.map((g) => ({ param: g.param, values: g.values.filter((v): v is Scalar => !Array.isArray(v)) })),
    gridSize: facts.gridSize,
    name,
    origin,
    perTicker: settingValue(state, block, "per") !== undefined,
    sampler: { kind: facts.sampler.kind, seed: facts.sampler.seed, trials: facts.sampler.trials },
    select: {
      args: [...selected.args],
      direction: select.direction.name === "minimize" ? "minimize" : "maximize",
      metric: selected.metric,
      subjectTo: select.subjectTo?.name ?? null,
    },
    strategy: facts.strategy.name.name,
    totalTrials: facts.totalTrials,
    trials: facts.trials,
    windows,
  };
}

/** Lowers a sleeve. */
export function lowerSleeve(state: CheckState, block: BlockDecl): SleevePlan {
  const members = settingValue(state, block, "members");
  const strategy = declName(state, members);
  const tickers = members === undefined ? [] : evaluate(state, members);
  const capExpr = settingValue(state, block, "cap");
  const cap = capExpr === undefined ? undefined : evaluate(state, capExpr);
  const { doc, name, origin } = base(block);
  return {
    bucket: str(state, settingValue(state, block, "bucket"), "core") as SleevePlan["bucket"],
    cap: typeof cap === "number" ? cap : 0,
    ...dataSetting(state, block),
    doc,
    members: strategy !== null ? { strategy } : { tickers: Array.isArray(tickers) ? tickers.filter((t): t is string => typeof t === "string") : [] },
    name,
    origin,
    weighting: str(state, settingValue(state, block, "weighting"), "equal") as SleevePlan["weighting"],
  };
}

/** Lowers a portfolio. */
export function lowerPortfolio(state: CheckState, block: BlockDecl): PortfolioPlan {
  const sleeves = settingValue(state, block, "sleeves");
  const baselines = settingValue(state, block, "baselines");
  const { doc, name, origin } = base(block);
  return {
    baselines: baselines?.kind === "List" ? baselines.items.map((i) => lowerRule(state, i)) : [],
    ...dataSetting(state, block),
    doc,
    name,
    origin,
    rebalance: str(state, settingValue(state, block, "rebalance"), "monthly") as PortfolioPlan["rebalance"],
    sleeves: sleeves?.kind === "List" ? sleeves.items.map((i) => declName(state, i) ?? "") : [],
  };
}

function lowerTrigger(state: CheckState, trigger: Trigger): PlanTrigger {
  if (trigger.kind === "GateStreak") {
    const consecutive = state.streaks.get(trigger.id);
    if (consecutive === undefined) throw new LoweringBug("streak count");
    return { consecutive, gate: trigger.gate.name, kind: "gate_streak", outcome: trigger.outcome.name === "fails" ? "fail" : "pass" };
  }
  const rule = state.metricRules.get(trigger.id);
  const window = evaluate(state, trigger.window);
  if (rule === undefined || typeof window !== "number") throw new LoweringBug("metric trigger");
  return { args: [...rule.args], kind: "metric_over", metric: rule.metric, operator: rule.operator, threshold: rule.threshold, windowSeconds: window };
}

/** Lowers a promotion. */
export function lowerPromotion(state: CheckState, block: BlockDecl): PromotionPlan {
  const { doc, name, origin } = base(block);
  const plan: PromotionPlan = { adjust: null, doc, moves: [], name, origin, rollback: null, rollout: [] };
  for (const item of block.items) {
    switch (item.kind) {
      case "Move":
        plan.moves.push({ direction: item.direction.name === "demote" ? "demote" : "promote", from: item.from.name, to: item.to.name, when: lowerTrigger(state, item.when) });
        break;
      case "Adjust": {
        const step = evaluate(state, item.maxStep);
        if (plan.adjust === null && typeof step === "number") plan.adjust = { maxStep: step, sweep: item.sweep.name };
        break;
      }
      case "Rollout":
        if (plan.rollout.length === 0) {
          for (const stage of item.stages) {
            const rule = lowerRule(state, stage);
            const fraction = stageFraction(state, stage);
            if ((rule.rule === "shadow" || rule.rule === "canary" || rule.rule === "staged" || rule.rule === "full") && fraction !== null) plan.rollout.push({ fraction, stage: rule.rule });
          }
        }
        break;
      case "Rollback":
        plan.rollback ??= lowerTrigger(state, item.when);
        break;
      default:
        break;
    }
  }
  return plan;
}

/** Lowers a schedule. */
export function lowerSchedule(state: CheckState, block: BlockDecl): SchedulePlan {
  const cron = state.settings.get(block.id)?.get("cron")?.[0];
  const tzModifier = cron?.modifiers.find((m) => m.key.name === "tz");
  const steps: SchedulePlan["steps"] = [];
  for (const item of block.items) {
    if (item.kind !== "Run") continue;
    for (const step of item.steps) {
      const decl = state.program.declRefs.get(step.id);
      if (decl === undefined || decl.kind !== "Block" || decl.declKind === "sleeve" || decl.declKind === "schedule") throw new LoweringBug("run step");
      steps.push({ kind: decl.declKind, name: decl.name.name });
    }
  }
  const { doc, name, origin } = base(block);
  return { cron: str(state, cron?.value, ""), doc, name, origin, steps, tz: str(state, tzModifier?.value, "UTC") };
}

/** Lowers a const. */
export function lowerConst(state: CheckState, decl: ConstDecl): ConstPlan {
  const checked = state.consts.get(decl.id);
  if (checked === undefined || checked.value === null) throw new LoweringBug(`const ${decl.name.name}`);
  const value = checked.value;
  const scalars = Array.isArray(value) ? value.filter((v): v is Scalar => !Array.isArray(v)) : (value as Scalar);
  return { name: decl.name.name, unit: unitOfType(checked.ty, "string"), value: scalars };
}
