// Promotion blocks: `promote|demote A -> B when trigger` between existing,
// distinct sleeves; triggers are `GATE passes|fails N consecutive runs` or
// `metric OP literal over duration`; `adjust params toward sweep S by at most
// P per cycle` with P in (0%, 100%]; `rollout` stages shadow -> canary(x) ->
// staged(x) -> full with rising fractions; `rollback when trigger`. Adjust,
// rollout and rollback appear at most once each.

import type { BlockDecl, Item, Trigger } from "../ast.js";
import { makeDiagnostic, missingUnit, showNumber } from "../diagnostics/problems.js";
import { didYouMean } from "../diagnostics/suggest.js";
import { checkSettings } from "./check-settings.js";
import { makeEnv, type CheckState, type Env } from "./context.js";
import { evaluate } from "./evaluate.js";
import { checkExpr } from "./expr.js";
import { checkMetricRule } from "./metric-rule.js";
import { Ty } from "./types.js";

/** Checks one promotion block. */
export function checkPromotion(state: CheckState, block: BlockDecl): void {
  const env: Env = makeEnv(block.span.file, null, false, `promotion '${block.name.name}'`);
  checkSettings(state, block, env);
  const firsts = new Map<string, Item>();
  for (const item of block.items) {
    if (item.kind === "Adjust" || item.kind === "Rollout" || item.kind === "Rollback") {
      const first = firsts.get(item.kind);
      if (first !== undefined) {
        const word = item.kind.toLowerCase();
        state.report(
          makeDiagnostic("E0520", item.span, `a promotion has one \`${word}\``, {
            label: `second ${word}`,
            secondary: [{ span: first.span, message: "first here" }],
          }),
        );
        continue;
      }
      firsts.set(item.kind, item);
    }
    switch (item.kind) {
      case "Move": {
        const from = state.program.declRefs.get(item.from.id);
        const to = state.program.declRefs.get(item.to.id);
        if (from !== undefined && from === to) {
          state.report(
            makeDiagnostic("E0515", item.to.span, `${item.direction.name} moves sleeve '${item.from.name}' to itself`, {
              label: "same sleeve on both sides",
              hints: [`write \`${item.direction.name} <from> -> <to>\` with two different sleeves`],
            }),
          );
        }
        checkTrigger(state, env, item.when);
        break;
      }
      case "Adjust": {
        const t = checkExpr(state, { ...env, place: "adjust" }, item.maxStep, Ty.scalar("ratio"));
        const v = t.kind === "error" ? undefined : evaluate(state, item.maxStep);
        if (typeof v === "number" && (v <= 0 || v > 1)) {
          state.report(
            makeDiagnostic("E0517", item.maxStep.span, `adjust step ${showNumber(v, "ratio")} must lie in (0%, 100%]`, {
              label: v <= 0 ? "would never move" : "would overshoot the optimum",
              hints: ["the step is the largest fraction of the distance to the sweep's optimum covered per cycle, e.g. 25%"],
            }),
          );
        }
        break;
      }
      case "Rollout":
        checkRollout(state, env, item);
        break;
      case "Rollback":
        checkTrigger(state, env, item.when);
        break;
      default:
        break;
    }
  }
}

function checkRollout(state: CheckState, env: Env, item: Extract<Item, { kind: "Rollout" }>): void {
  let previous: { fraction: number; text: string } | null = null;
  for (const stage of item.stages) {
    const t = checkExpr(state, { ...env, place: "a rollout" }, stage, Ty.rule("rollout"));
    if (t.kind === "error") {
      previous = null;
      continue;
    }
    const fraction = stageFraction(state, stage);
    if (fraction === null || fraction < 0 || fraction > 1) {
      // already reported as outside [0%, 100%]
      previous = null;
      continue;
    }
    const text = stage.kind === "Call" ? stage.callee.name : stage.kind === "Name" ? stage.name.name : "stage";
    if (previous !== null && fraction <= previous.fraction) {
      state.report(
        makeDiagnostic("E0516", stage.span, `rollout stage ${text} (${showNumber(fraction, "ratio")}) does not raise the share after ${previous.text} (${showNumber(previous.fraction, "ratio")})`, {
          label: "not larger than the previous stage",
          hints: ["stages go from shadow through rising canary/staged fractions to full"],
        }),
      );
    }
    previous = { fraction, text };
  }
}

/** The share of capital a rollout stage trades: shadow 0, full 1, canary/staged their argument. */
export function stageFraction(state: CheckState, stage: import("../ast.js").Expr): number | null {
  const bound = stage.kind === "Call" ? state.calls.get(stage.id) : (() => {
    const m = state.names.get(stage.id);
    return m?.kind === "builtin" ? m.call : undefined;
  })();
  if (bound === undefined) return null;
  if (bound.sig.name === "shadow") return 0;
  if (bound.sig.name === "full") return 1;
  const arg = bound.args[0];
  const v = arg === null || arg === undefined ? undefined : evaluate(state, arg);
  return typeof v === "number" ? v : null;
}

/** Checks a promotion trigger. */
export function checkTrigger(state: CheckState, env: Env, trigger: Trigger): void {
  if (trigger.kind === "GateStreak") {
    const outcome = trigger.outcome.name;
    if (outcome !== "passes" && outcome !== "fails") {
      state.report(
        makeDiagnostic("E0311", trigger.outcome.span, `expected passes or fails, found '${outcome}'`, {
          label: "not a gate outcome",
          hints: [didYouMean(outcome, ["passes", "fails"]) ?? "write `<gate> passes 3 consecutive runs`"],
        }),
      );
    }
    const t = checkExpr(state, { ...env, place: "a run count" }, trigger.count, Ty.scalar("int"));
    const v = t.kind === "error" ? undefined : evaluate(state, trigger.count);
    if (t.kind !== "error" && (typeof v !== "number" || !Number.isInteger(v) || v < 1)) {
      state.report(
        makeDiagnostic("E0526", trigger.count.span, "the number of consecutive runs must be a whole number, at least 1", {
          label: "not a positive count",
          hints: [`write a count of at least 1, e.g. \`${trigger.gate.name} ${outcome === "fails" ? "fails" : "passes"} 3 consecutive runs\``],
        }),
      );
    } else if (typeof v === "number") {
      state.streaks.set(trigger.id, v);
    }
    return;
  }
  const rule = checkMetricRule(state, env, trigger.condition, null, "a trigger");
  if (rule !== null) state.metricRules.set(trigger.id, rule);
  const window = trigger.window;
  if (window.kind === "NumberLit" && window.unit === "number") {
    state.report(missingUnit(window.raw, "duration", window.span));
    return;
  }
  const t = checkExpr(state, { ...env, place: "a trigger window" }, window, Ty.scalar("duration"));
  const v = t.kind === "error" ? undefined : evaluate(state, window);
  if (typeof v === "number" && v <= 0) {
    state.report(makeDiagnostic("E0401", window.span, "a trigger window must be longer than zero", { label: "not positive" }));
  }
}
