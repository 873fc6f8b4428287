// Strategy blocks: settings (universe, data, bars, lookback, sizing, costs,
// no_trade, fill, cash, units, execution), params, models, lets, entries and
// exits. `exit when` is an `or` of exit rules and boolean series; an exit rule
// under `and` or `not` is an error (E0322). A strategy needs an entry (E0501).
// Unused params and lets are warnings (W0504, W0505).

import type { BlockDecl, EntryItem, ExitItem, Expr, Setting } from "../ast.js";
import { makeDiagnostic, showNumber } from "../diagnostics/problems.js";
import { didYouMean } from "../diagnostics/suggest.js";
import { lookupBuiltin } from "../../stdlib/registry.js";
import { checkCall } from "./calls.js";
import { checkSettings } from "./check-settings.js";
import { makeEnv, type CheckState, type Env } from "./context.js";
import { evaluate } from "./evaluate.js";
import { exitRuleHint } from "./exit-rules.js";
import { checkExpr } from "./expr.js";
import { letType } from "./lets.js";
import { paramInfo } from "./params.js";
import { BAR_NAMES } from "./settings.js";
import { Ty } from "./types.js";

/** Checks one strategy block. */
export function checkStrategy(state: CheckState, block: BlockDecl): void {
  const file = block.span.file;
  const locals = state.program.locals.get(block.id) ?? new Map();
  const settingsEnv: Env = makeEnv(file, locals, false, `strategy '${block.name.name}'`);
  const exprEnv: Env = { ...settingsEnv, series: true, place: "a strategy expression" };

  const reportedBefore = state.diagnostics.length;
  for (const item of block.items) if (item.kind === "Param") paramInfo(state, item, file);
  const settings = checkSettings(state, block, settingsEnv);
  checkBars(state, settings.get("bars")?.[0], settingsEnv);
  checkCosts(state, settings.get("costs")?.[0], settingsEnv);
  for (const s of settings.get("no_trade") ?? []) checkNoTrade(state, s);
  checkUniverse(state, block, settings.get("universe")?.[0]);
  checkPositive(state, settings.get("cash")?.[0], "cash");
  checkPositive(state, settings.get("lookback")?.[0], "lookback");

  let entries = 0;
  for (const item of block.items) {
    switch (item.kind) {
      case "Model":
        state.types.set(item.call.id, checkCall(state, { ...exprEnv, place: `model '${item.name.name}'` }, item.call, Ty.rule("model")));
        break;
      case "Let":
        letType(state, exprEnv, item, null);
        break;
      case "Entry":
        entries++;
        checkEntry(state, exprEnv, item);
        break;
      case "Exit":
        checkExit(state, exprEnv, item);
        break;
      default:
        break;
    }
  }
  if (entries === 0) {
    state.report(
      makeDiagnostic("E0501", block.name.span, `strategy '${block.name.name}' has no entry`, {
        label: "never opens a position",
        hints: ["add an entry rule, e.g. `entry long when crossover(sma(close, 10), sma(close, 30))`"],
      }),
    );
  }
  // an unknown name in the block is most likely the unused one misspelt: its "did you mean" says so
  const unknownNames = state.diagnostics.slice(reportedBefore).some((d) => d.code === "E0207");
  for (const item of block.items) {
    if (unknownNames) break;
    if ((item.kind === "Param" || item.kind === "Let") && locals.get(item.name.name)?.item === item && !state.used.has(item.id)) {
      const what = item.kind === "Param" ? "param" : "let";
      state.report(
        makeDiagnostic(item.kind === "Param" ? "W0504" : "W0505", item.name.span, `${what} '${item.name.name}' is never used`, {
          label: `not read by any expression of '${block.name.name}'`,
          hints: [item.kind === "Param" ? "use it in an entry, exit, let, model or rule argument, or remove it" : "remove it or use it"],
        }),
      );
    }
  }
}

function checkEntry(state: CheckState, env: Env, item: EntryItem): void {
  const side = item.side.name;
  if (side !== "long" && side !== "short") {
    state.report(
      makeDiagnostic("E0325", item.side.span, `entry side must be long or short, found '${side}'`, {
        label: "unknown side",
        hints: [didYouMean(side, ["long", "short"]) ?? "write `entry long when ...` or `entry short when ...`"],
      }),
    );
  }
  checkExpr(state, { ...env, place: "an entry condition" }, item.when, Ty.boolSeries);
}

/** The operands of a top-level `or` chain, left to right. */
export function orOperands(expr: Expr): Expr[] {
  if (expr.kind === "Binary" && expr.op === "or") return [...orOperands(expr.left), ...orOperands(expr.right)];
  return [expr];
}

/** True for a call of an exit rule builtin (stop_loss, take_profit, ...). */
export function isExitRuleCall(expr: Expr): boolean {
  return expr.kind === "Call" && lookupBuiltin(expr.callee.name, ["exit"]) !== undefined;
}

function checkExit(state: CheckState, env: Env, item: ExitItem): void {
  if (item.side !== null && item.side.name !== "long" && item.side.name !== "short") {
    state.report(
      makeDiagnostic("E0325", item.side.span, `exit side must be long or short, found '${item.side.name}'`, {
        label: "unknown side",
        hints: ["write `exit when ...` for both sides, or `exit long when ...`"],
      }),
    );
  }
  const exitEnv: Env = { ...env, place: "an exit condition", exitRules: true };
  for (const operand of orOperands(item.when)) {
    if (isExitRuleCall(operand)) {
      checkExpr(state, exitEnv, operand, Ty.rule("exit"));
      if (operand.kind === "Call") checkTakeProfit(state, operand);
    } else {
      const before = state.diagnostics.length;
      checkExpr(state, exitEnv, operand, Ty.boolSeries);
      for (let i = before; i < state.diagnostics.length; i++) {
        const d = state.diagnostics[i];
        if (d !== undefined) state.diagnostics[i] = exitRuleHint(d, operand);
      }
    }
  }
}

/** take_profit ladders: targets rise, one scale-out fraction per target, fractions sum to at most 100%. */
function checkTakeProfit(state: CheckState, call: Expr): void {
  const bound = state.calls.get(call.id);
  if (bound === undefined || bound.sig.name !== "take_profit") return;
  const [levelsExpr, scaleExpr] = bound.args;
  const levels = levelsExpr === null || levelsExpr === undefined ? undefined : evaluate(state, levelsExpr);
  const scale = scaleExpr === null || scaleExpr === undefined ? undefined : evaluate(state, scaleExpr);
  const levelList = typeof levels === "number" ? [levels] : Array.isArray(levels) ? levels.filter((x): x is number => typeof x === "number") : null;
  if (levelList !== null && levelsExpr !== null && levelsExpr !== undefined) {
    for (let i = 1; i < levelList.length; i++) {
      if ((levelList[i] ?? 0) <= (levelList[i - 1] ?? 0)) {
        state.report(
          makeDiagnostic("E0408", levelsExpr.span, "take_profit targets must rise from one to the next", {
            label: `${showNumber(levelList[i] ?? 0, "ratio")} does not exceed ${showNumber(levelList[i - 1] ?? 0, "ratio")}`,
            hints: ["list targets from the nearest to the farthest, e.g. [2%, 5%, 10%]"],
          }),
        );
        return;
      }
    }
  }
  if (!Array.isArray(scale) || scale.length === 0 || scaleExpr === null || scaleExpr === undefined) return;
  const fractions = scale.filter((x): x is number => typeof x === "number");
  if (levelList !== null && fractions.length !== levelList.length) {
    state.report(
      makeDiagnostic("E0408", scaleExpr.span, `take_profit has ${levelList.length} target${levelList.length === 1 ? "" : "s"} but ${fractions.length} scale-out fraction${fractions.length === 1 ? "" : "s"}`, {
        label: "one fraction per target",
        hints: ["give each target the share of the entry quantity it closes"],
      }),
    );
    return;
  }
  const sum = fractions.reduce((a, b) => a + b, 0);
  if (sum > 1 + 1e-9) {
    state.report(
      makeDiagnostic("E0408", scaleExpr.span, `take_profit scale-out fractions add up to ${showNumber(sum, "ratio")}, more than the whole position`, {
        label: "sums above 100%",
        hints: ["the fractions are shares of the entry quantity: they must add up to at most 100%"],
      }),
    );
  }
}

function checkBars(state: CheckState, setting: Setting | undefined, env: Env): void {
  if (setting === undefined) return;
  const value = setting.value;
  if (value.kind === "Name" && BAR_NAMES[value.name.name] !== undefined) {
    state.names.set(value.id, { kind: "enum", value: value.name.name });
    state.types.set(value.id, Ty.enumOf("bars", Object.keys(BAR_NAMES)));
    return;
  }
  if (value.kind === "Name" && env.locals?.has(value.name.name) !== true && state.program.visible.get(env.file)?.has(value.name.name) !== true) {
    state.report(
      makeDiagnostic("E0311", value.span, `unknown bar size '${value.name.name}'`, {
        label: "not a bar size",
        hints: [didYouMean(value.name.name, Object.keys(BAR_NAMES)) ?? "write daily, weekly, hourly or a duration such as 15m or 4h"],
      }),
    );
    return;
  }
  const t = checkExpr(state, env, value, Ty.scalar("duration"));
  if (t.kind === "error") return;
  const seconds = evaluate(state, value);
  if (typeof seconds !== "number" || seconds < 1 || !Number.isInteger(seconds)) {
    state.report(
      makeDiagnostic("E0401", value.span, "a bar size must be a whole number of seconds, at least 1s", {
        label: "not a usable bar size",
      }),
    );
  }
}

function checkCosts(state: CheckState, setting: Setting | undefined, env: Env): void {
  if (setting === undefined) return;
  const seen = new Map<string, Expr>();
  const terms = plusTerms(setting.value);
  for (const term of terms) {
    if (term.kind !== "Call" && term.kind !== "Name") {
      state.report(
        makeDiagnostic("E0529", term.span, "costs are cost terms joined with +", {
          label: "not a cost term",
          hints: ["write `costs commission(1bps) + slippage(5bps)`"],
        }),
      );
      continue;
    }
    const t = checkExpr(state, { ...env, place: "the 'costs' setting" }, term, Ty.rule("cost"));
    if (t.kind === "error") continue;
    const name = term.kind === "Call" ? term.callee.name : term.name.name;
    const first = seen.get(name);
    if (first !== undefined) {
      state.report(
        makeDiagnostic("E0529", term.span, `'${name}' appears twice in costs`, {
          label: "given again here",
          secondary: [{ span: first.span, message: "first given here" }],
          hints: [`give one ${name} with the total rate`],
        }),
      );
      continue;
    }
    seen.set(name, term);
  }
}

function plusTerms(expr: Expr): Expr[] {
  if (expr.kind === "Binary" && expr.op === "+") return [...plusTerms(expr.left), ...plusTerms(expr.right)];
  return [expr];
}

function checkNoTrade(state: CheckState, setting: Setting): void {
  const value = setting.value;
  if (value.kind !== "Range") return;
  if (state.types.get(value.from.id)?.kind === "error" || state.types.get(value.to.id)?.kind === "error") return;
  const from = evaluate(state, value.from);
  const to = evaluate(state, value.to);
  if (typeof from === "string" && typeof to === "string" && from >= to) {
    state.report(
      makeDiagnostic("E0528", value.span, `no-trade window ${from}..${to} is empty or wraps past midnight`, {
        label: "the start must be before the end",
        hints: [from === to ? "give the window a length" : `split it at midnight: "${from}".."23:59" and "00:00".."${to}"`],
      }),
    );
  }
}

function checkUniverse(state: CheckState, block: BlockDecl, setting: Setting | undefined): void {
  if (setting === undefined) return;
  const value = evaluate(state, setting.value);
  if (!Array.isArray(value)) return;
  const tickers = value.filter((v): v is string => typeof v === "string");
  state.universes.set(block.id, tickers);
  const seen = new Set<string>();
  const items = setting.value.kind === "List" ? setting.value.items : [];
  tickers.forEach((ticker, i) => {
    if (seen.has(ticker)) {
      state.report(
        makeDiagnostic("W0503", items[i]?.span ?? setting.value.span, `ticker '${ticker}' is listed twice in the universe of '${block.name.name}'`, {
          label: "duplicate",
          hints: ["remove the duplicate: each ticker is traded once"],
        }),
      );
    }
    seen.add(ticker);
  });
  if (tickers.length === 0) {
    state.report(
      makeDiagnostic("E0401", setting.value.span, `the universe of '${block.name.name}' is empty`, {
        label: "no tickers",
        hints: ['list at least one ticker: universe ["SPY"]'],
      }),
    );
  }
}

function checkPositive(state: CheckState, setting: Setting | undefined, key: string): void {
  if (setting === undefined || state.types.get(setting.value.id)?.kind === "error") return;
  const value = evaluate(state, setting.value);
  if (typeof value === "number" && value <= 0) {
    state.report(makeDiagnostic("E0401", setting.value.span, `${key} must be greater than zero`, { label: "not positive" }));
  }
}
