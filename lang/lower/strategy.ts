// Strategy blocks → StrategyPlan. Settings take their table defaults when
// absent (bars daily, sizing all_in, no costs, fill next_open, cash $100k,
// whole units, backtest execution); params and models are sorted by name,
// entries and exits keep source order; each operand of `exit when a or b` is
// its own exit (a rule managed intrabar, or a signal).

import type { BlockDecl, Expr, Setting } from "../ast.js";
import { orOperands, isExitRuleCall } from "../check/check-strategy.js";
import type { CheckState, ParamInfo } from "../check/context.js";
import { evaluate } from "../check/evaluate.js";
import { printExpr } from "../check/print.js";
import { BAR_NAMES } from "../check/settings.js";
import type { Expr as PlanExpr, ParamPlan, Scalar, StrategyPlan } from "../../specs/generated/plan.js";
import { boundRule, LoweringBug, lowerArgs, lowerExpr, lowerRule, planUnit } from "./expr.js";
import { callOptions } from "./options.js";

function setting(state: CheckState, block: BlockDecl, key: string): Setting | undefined {
  return state.settings.get(block.id)?.get(key)?.[0];
}

function enumSetting<T extends string>(state: CheckState, block: BlockDecl, key: string, fallback: T): T {
  const s = setting(state, block, key);
  if (s === undefined) return fallback;
  const v = evaluate(state, s.value);
  return typeof v === "string" ? (v as T) : fallback;
}

const ZERO: PlanExpr = { op: "lit", unit: "ratio", value: 0 };

/** Lowers one strategy. */
export function lowerStrategy(state: CheckState, block: BlockDecl): StrategyPlan {
  const bars = setting(state, block, "bars");
  const barsText = bars === undefined ? "daily" : printExpr(bars.value);
  const barSecondsValue = bars === undefined ? 86400 : (BAR_NAMES[barsText] ?? evaluate(state, bars.value));
  if (typeof barSecondsValue !== "number") throw new LoweringBug("bar size");

  const lookback = setting(state, block, "lookback");
  let lookbackPlan: StrategyPlan["lookback"] = null;
  if (lookback !== undefined) {
    const v = evaluate(state, lookback.value);
    const t = state.types.get(lookback.value.id);
    if (typeof v !== "number") throw new LoweringBug("lookback");
    lookbackPlan = t?.kind === "scalar" && t.unit === "bars" ? { bars: v } : { seconds: v };
  }

  const data = setting(state, block, "data");
  const dataBound = data === undefined ? undefined : boundRule(state, data.value);

  const sizing = setting(state, block, "sizing");
  const costs = setting(state, block, "costs");
  const costTerms = new Map<string, PlanExpr>();
  if (costs !== undefined) {
    for (const term of plusTerms(costs.value)) {
      const rule = lowerRule(state, term);
      costTerms.set(rule.rule, rule.args[0] ?? ZERO);
    }
  }

  const params: ParamPlan[] = [];
  const models: StrategyPlan["models"] = [];
  const entries: StrategyPlan["entries"] = [];
  const exits: StrategyPlan["exits"] = [];
  for (const item of block.items) {
    switch (item.kind) {
      case "Param": {
        const info = state.params.get(item.id);
        if (info === undefined) throw new LoweringBug(`param ${item.name.name}`);
        params.push(lowerParam(info));
        break;
      }
      case "Model": {
        const bound = state.calls.get(item.call.id);
        if (bound === undefined) throw new LoweringBug(`model ${item.name.name}`);
        models.push({ args: lowerArgs(state, bound), name: item.name.name, options: callOptions(state, bound), provider: bound.sig.name });
        break;
      }
      case "Entry":
        entries.push({ side: item.side.name === "short" ? "short" : "long", when: lowerExpr(state, item.when) });
        break;
      case "Exit": {
        const side = item.side === null ? "both" : item.side.name === "short" ? "short" : "long";
        for (const operand of orOperands(item.when)) {
          exits.push(isExitRuleCall(operand) ? { rule: lowerRule(state, operand), side, signal: null } : { rule: null, side, signal: lowerExpr(state, operand) });
        }
        break;
      }
      default:
        break;
    }
  }
  params.sort((a, b) => (a.name < b.name ? -1 : 1));
  models.sort((a, b) => (a.name < b.name ? -1 : 1));

  const cash = setting(state, block, "cash");
  const cashValue = cash === undefined ? 100_000 : evaluate(state, cash.value);
  return {
    barSeconds: barSecondsValue,
    bars: barsText,
    costs: { commission: costTerms.get("commission") ?? ZERO, slippage: costTerms.get("slippage") ?? ZERO },
    data: dataBound === undefined ? null : { options: callOptions(state, dataBound), provider: dataBound.sig.name },
    doc: block.doc,
    entries,
    execution: {
      cash: typeof cashValue === "number" ? cashValue : 100_000,
      fill: enumSetting(state, block, "fill", "next_open"),
      fractional: enumSetting<string>(state, block, "units", "whole") === "fractional",
      provider: enumSetting(state, block, "execution", "backtest"),
    },
    exits,
    lookback: lookbackPlan,
    models,
    name: block.name.name,
    noTrade: (state.settings.get(block.id)?.get("no_trade") ?? []).map((s) => noTradeWindow(state, s)),
    origin: { file: block.span.file },
    params,
    sizing: {
      caps: (sizing?.modifiers ?? []).filter((m) => m.key.name === "capped").map((m) => lowerRule(state, m.value)),
      rule: sizing === undefined ? { args: [], rule: "all_in" } : lowerRule(state, sizing.value),
    },
    universe: [...(state.universes.get(block.id) ?? [])],
  };
}

function plusTerms(expr: Expr): Expr[] {
  if (expr.kind === "Binary" && expr.op === "+") return [...plusTerms(expr.left), ...plusTerms(expr.right)];
  return [expr];
}

function noTradeWindow(state: CheckState, s: Setting): StrategyPlan["noTrade"][number] {
  if (s.value.kind !== "Range") throw new LoweringBug("no_trade range");
  const from = evaluate(state, s.value.from);
  const to = evaluate(state, s.value.to);
  const tzModifier = s.modifiers.find((m) => m.key.name === "tz");
  const tz = tzModifier === undefined ? "UTC" : evaluate(state, tzModifier.value);
  if (typeof from !== "string" || typeof to !== "string" || typeof tz !== "string") throw new LoweringBug("no_trade values");
  return { from, to, tz };
}

/** Lowers a checked param. */
export function lowerParam(info: ParamInfo): ParamPlan {
  if (info.default === null || Array.isArray(info.default)) throw new LoweringBug(`param ${info.item.name.name} default`);
  const domain = info.domain === null ? null : "min" in info.domain ? { max: info.domain.max, min: info.domain.min } : { values: info.domain.values.filter(isScalar) };
  return { default: info.default as Scalar, doc: info.item.doc, domain, name: info.item.name.name, type: info.written, unit: planUnit(info.unit) };
}

function isScalar(v: unknown): v is Scalar {
  return typeof v === "number" || typeof v === "string" || typeof v === "boolean";
}
