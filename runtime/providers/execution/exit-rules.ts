// Reading a strategy's exit rules (stop_loss, take_profit, trailing_stop,
// time_exit) into per-side settings. A value of 0 turns a rule off. When a side has
// several rules of one kind, the tightest wins (smallest positive stop, trail or
// holding time); take_profit may appear once per side. take_profit's levels are
// sorted ascending with their scale-out fractions; an empty scale_out closes
// everything at the first level. time_exit given as a duration converts to bars
// with the strategy's bar size, rounding up.

import type { RuleCall, StrategyPlan } from "../../../specs/generated/plan.js";
import { argUnit, bad, numberArg, numberListArg, type ScalarReader } from "./rule-args.js";
import type { ExecutionResult } from "./types.js";

/** One profit target: a distance from the entry fill and the fraction of the entry quantity it closes. */
export interface Target {
  readonly level: number;
  /** Fraction of the entry quantity; the last target closes whatever remains. */
  readonly fraction: number;
}

/** The exit rules that apply to one side; 0 / empty means off. */
export interface ExitRules {
  readonly stopLoss: number;
  readonly trailing: number;
  readonly targets: readonly Target[];
  readonly timeExitBars: number;
}

/** Exit rules for long and for short positions. */
export interface SideExitRules {
  readonly long: ExitRules;
  readonly short: ExitRules;
}

const OFF: ExitRules = { stopLoss: 0, trailing: 0, targets: [], timeExitBars: 0 };

/** Reads every exit rule of the strategy. */
export function parseExitRules(strategy: StrategyPlan, read: ScalarReader): ExecutionResult<SideExitRules> {
  const sides = { long: { ...OFF }, short: { ...OFF } };
  const seenTargets = { long: false, short: false };
  for (const exit of strategy.exits) {
    const call = exit.rule;
    if (call === null) continue;
    const applies: ("long" | "short")[] = exit.side === "both" ? ["long", "short"] : [exit.side];
    let patch: Partial<ExitRules>;
    switch (call.rule) {
      case "stop_loss":
      case "trailing_stop": {
        const p = numberArg(call, 0, read);
        if (!p.ok) return p;
        if (p.value < 0 || p.value >= 1) return bad(`\`${call.rule}\` must be between 0% and 100% (0% is off), got ${p.value}`);
        patch = call.rule === "stop_loss" ? { stopLoss: p.value } : { trailing: p.value };
        break;
      }
      case "time_exit": {
        const after = numberArg(call, 0, read);
        if (!after.ok) return after;
        const bars = argUnit(call, 0, strategy) === "seconds" ? Math.ceil(after.value / strategy.barSeconds) : after.value;
        if (!Number.isInteger(bars) || bars < 0) return bad(`\`time_exit\` needs a whole number of bars >= 1 (0 is off), got ${after.value}`);
        patch = { timeExitBars: bars };
        break;
      }
      case "take_profit": {
        const targets = readTargets(call, read);
        if (!targets.ok) return targets;
        for (const side of applies) {
          if (seenTargets[side] && targets.value.length > 0) return bad("take_profit appears twice for one side; give one take_profit with several levels");
          if (targets.value.length > 0) seenTargets[side] = true;
        }
        patch = { targets: targets.value };
        break;
      }
      default:
        return bad(`unknown exit rule \`${call.rule}\`; use stop_loss, take_profit, trailing_stop or time_exit`);
    }
    for (const side of applies) sides[side] = merge(sides[side], patch);
  }
  return { ok: true, value: sides };
}

function readTargets(call: RuleCall, read: ScalarReader): ExecutionResult<Target[]> {
  const levels = numberListArg(call, 0, read);
  if (!levels.ok) return levels;
  const scaleOut = numberListArg(call, 1, read);
  if (!scaleOut.ok) return scaleOut;
  if (scaleOut.value.length > 0 && scaleOut.value.length !== levels.value.length)
    return bad(`take_profit has ${levels.value.length} levels but ${scaleOut.value.length} scale_out fractions; give one fraction per level`);
  if (levels.value.some((l) => l < 0) || scaleOut.value.some((f) => f < 0 || f > 1)) return bad("take_profit levels must be >= 0% and scale_out fractions between 0% and 100%");
  if (scaleOut.value.length === 0) {
    const first = levels.value[0] ?? 0;
    return { ok: true, value: first > 0 ? [{ level: first, fraction: 1 }] : [] };
  }
  const targets = levels.value
    .map((level, i) => ({ level, fraction: scaleOut.value[i] ?? 0 }))
    .filter((t) => t.level > 0)
    .sort((a, b) => a.level - b.level);
  return { ok: true, value: targets };
}

/** Keeps the tightest of two settings of the same kind (0 is off). */
function merge(current: ExitRules, patch: Partial<ExitRules>): ExitRules {
  const tighter = (a: number, b: number | undefined): number => (b === undefined || b === 0 ? a : a === 0 ? b : Math.min(a, b));
  return {
    stopLoss: tighter(current.stopLoss, patch.stopLoss),
    trailing: tighter(current.trailing, patch.trailing),
    timeExitBars: tighter(current.timeExitBars, patch.timeExitBars),
    targets: patch.targets !== undefined && patch.targets.length > 0 ? patch.targets : current.targets,
  };
}
