// Sizing rules and caps of the backtest execution provider (signatures in
// stdlib/signatures/rules.ts). Every rule computes units from the fill price p
// (slippage included), the commission c and the equity E at the fill (= cash,
// since an entry is only taken flat):
// - all_in:            cash / (p × (1 + c))
// - fixed_fraction(f): E × f / (p × (1 + c))
// - fixed_units(u):    u
// - risk_per_trade(r, stop): E × r / (p × d), d = the strategy's stop_loss for that
//   side when declared and > 0, else the rule's `stop`
// - kelly(k, cap):     E × min(cap, k × f*) / (p × (1 + c)), f* = q − (1 − q) / b with
//   q = the first model's confidence at the signal bar and b = 1 (no payoff information)
// Caps apply after the rule: max_symbol_exposure(f) limits units to E × f / p,
// max_units(u) to u. Entries never borrow: units are then limited to what cash buys,
// cash / (p × (1 + c)), for shorts as well (100% margin). Finally units are rounded
// down to whole units unless the strategy is fractional (units.ts; the cash limit
// is floored exactly, so all_in is exactly floor(cash / (p × (1 + c)))).
// Zero units skip the entry: `insufficient_cash` when cash does not buy one unit
// (all_in with less cash than a unit costs, or any rule capped by cash), `zero_size`
// when the rule itself asks for less than one unit although cash would buy one.

import type { StrategyPlan } from "../../../specs/generated/plan.js";
import { bad, numberArg, type ScalarReader } from "./rule-args.js";
import type { ExecutionResult } from "./types.js";
import { wholeUnits } from "./units.js";

/** A sizing rule with its arguments read. */
export type SizingRule =
  | { readonly kind: "all_in" }
  | { readonly kind: "fixed_fraction"; readonly fraction: number }
  | { readonly kind: "fixed_units"; readonly units: number }
  | { readonly kind: "risk_per_trade"; readonly risk: number; readonly stop: number }
  | { readonly kind: "kelly"; readonly fraction: number; readonly cap: number };

/** The rule plus its caps (Infinity when absent). */
export interface SizingPlan {
  readonly rule: SizingRule;
  readonly maxExposure: number;
  readonly maxUnits: number;
}

/** What a size is computed from. */
export interface SizeRequest {
  readonly cash: number;
  readonly equity: number;
  /** Fill price, slippage included. */
  readonly price: number;
  readonly commission: number;
  readonly fractional: boolean;
  /** Model confidence at the signal bar (kelly); NaN when unknown. */
  readonly confidence: number;
  /** The strategy's stop_loss for this side, 0 when none (risk_per_trade). */
  readonly stopDistance: number;
}

/** Units to trade, or why none. */
export type SizeOutcome = { readonly units: number; readonly skip: null } | { readonly units: 0; readonly skip: "zero_size" | "insufficient_cash" };

/** Reads the strategy's sizing rule and caps. */
export function parseSizing(strategy: StrategyPlan, read: ScalarReader): ExecutionResult<SizingPlan> {
  const call = strategy.sizing.rule;
  const arg = (i: number): ExecutionResult<number> => numberArg(call, i, read);
  let rule: SizingRule;
  switch (call.rule) {
    case "all_in":
      rule = { kind: "all_in" };
      break;
    case "fixed_fraction": {
      const f = arg(0);
      if (!f.ok) return f;
      rule = { kind: "fixed_fraction", fraction: f.value };
      break;
    }
    case "fixed_units": {
      const u = arg(0);
      if (!u.ok) return u;
      rule = { kind: "fixed_units", units: u.value };
      break;
    }
    case "risk_per_trade": {
      const r = arg(0);
      const s = arg(1);
      if (!r.ok) return r;
      if (!s.ok) return s;
      rule = { kind: "risk_per_trade", risk: r.value, stop: s.value };
      break;
    }
    case "kelly": {
      const k = arg(0);
      const c = arg(1);
      if (!k.ok) return k;
      if (!c.ok) return c;
      if (strategy.models.length === 0) return { ok: false, error: { kind: "bad_sizing", message: "kelly sizing reads a model's confidence; declare a model in the strategy or use another sizing rule" } };
      rule = { kind: "kelly", fraction: k.value, cap: c.value };
      break;
    }
    default:
      return { ok: false, error: { kind: "bad_sizing", message: `unknown sizing rule \`${call.rule}\`; use all_in, fixed_fraction, fixed_units, risk_per_trade or kelly` } };
  }
  let maxExposure = Infinity;
  let maxUnits = Infinity;
  for (const cap of strategy.sizing.caps) {
    const v = numberArg(cap, 0, read);
    if (!v.ok) return v;
    if (cap.rule === "max_symbol_exposure") maxExposure = Math.min(maxExposure, v.value);
    else if (cap.rule === "max_units") maxUnits = Math.min(maxUnits, v.value);
    else return bad(`unknown cap \`${cap.rule}\`; use max_symbol_exposure or max_units`);
  }
  return { ok: true, value: { rule, maxExposure, maxUnits } };
}

/** Computes the units of an entry; see the file header for the rules. */
export function sizeEntry(plan: SizingPlan, req: SizeRequest): SizeOutcome {
  const { price, equity, commission } = req;
  const perUnit = price * (1 + commission);
  let units: number;
  const rule = plan.rule;
  switch (rule.kind) {
    case "all_in":
      units = req.cash / perUnit;
      break;
    case "fixed_fraction":
      units = (equity * rule.fraction) / perUnit;
      break;
    case "fixed_units":
      units = rule.units;
      break;
    case "risk_per_trade": {
      const d = req.stopDistance > 0 ? req.stopDistance : rule.stop;
      units = d > 0 ? (equity * rule.risk) / (price * d) : 0;
      break;
    }
    case "kelly": {
      const q = req.confidence;
      const full = q - (1 - q);
      units = (equity * Math.min(rule.cap, rule.fraction * full)) / perUnit;
      break;
    }
  }
  if (!(units > 0)) return { units: 0, skip: "zero_size" };
  units = Math.min(units, (equity * plan.maxExposure) / price, plan.maxUnits);
  const wanted = req.fractional ? units : wholeUnits(units);
  const affordable = req.fractional ? req.cash / perUnit : Math.floor(req.cash / perUnit);
  if (!(wanted > 0)) return { units: 0, skip: affordable > 0 ? "zero_size" : "insufficient_cash" };
  const final = Math.min(wanted, affordable);
  if (!(final > 0)) return { units: 0, skip: "insufficient_cash" };
  return { units: final, skip: null };
}
