// Sweep blocks: `strategy` (required), `per ticker`, `search` (grid | random(trials,
// seed) | tpe(trials, seed)), `grid` over declared params of that strategy with
// values of the param's type inside its domain (`lo..hi step s` expands),
// `constraint`s over the params, `windows` (search < validate < oos, each at
// most once, not overlapping) and `select maximize|minimize metric subject to
// gate`. Computes gridSize (points satisfying the constraints), trials and
// totalTrials (× universe size when per ticker).

import type { BlockDecl, Expr, GridItem, ParamItem } from "../ast.js";
import { makeDiagnostic, showDomain, showNumber } from "../diagnostics/problems.js";
import { didYouMean } from "../diagnostics/suggest.js";
import type { LocalBinding } from "../resolve.js";
import { checkSettings } from "./check-settings.js";
import { makeEnv, type CheckState, type Env, type ParamInfo, type SweepFacts, type Value } from "./context.js";
import { evaluate, sameValue, tidy } from "./evaluate.js";
import { checkExpr } from "./expr.js";
import { checkSelect, checkWindows } from "./sweep-windows.js";
import { paramInfo } from "./params.js";
import { printExpr } from "./print.js";
import { Ty } from "./types.js";

/** Grid points enumerated to apply constraints; larger grids are counted without them (W0506). */
const MAX_ENUMERATED = 200_000;
const MAX_RANGE_VALUES = 10_000;

/** Checks one sweep block. */
export function checkSweep(state: CheckState, block: BlockDecl): void {
  const file = block.span.file;
  const env: Env = makeEnv(file, null, false, `sweep '${block.name.name}'`);
  const settings = checkSettings(state, block, env);
  const strategyExpr = settings.get("strategy")?.[0]?.value;
  const meaning = strategyExpr === undefined ? undefined : state.names.get(strategyExpr.id);
  const strategy = meaning?.kind === "decl" && meaning.decl.declKind === "strategy" ? meaning.decl : null;
  const locals: ReadonlyMap<string, LocalBinding> = strategy === null ? new Map() : (state.program.locals.get(strategy.id) ?? new Map());

  const grid: { item: GridItem; param: string; info: ParamInfo; values: Value[] }[] = [];
  for (const item of block.items) {
    if (item.kind !== "Grid") continue;
    const entry = checkGrid(state, env, item, strategy, locals, grid);
    if (entry !== null) grid.push(entry);
  }
  const gridItems = block.items.filter((i) => i.kind === "Grid").length;
  if (gridItems === 0) {
    state.report(
      makeDiagnostic("E0527", block.name.span, `sweep '${block.name.name}' has no grid`, {
        label: "nothing to sweep",
        hints: ["add `grid <param> = [values]` for a param of the strategy"],
      }),
    );
  }
  const constraintEnv: Env = { ...env, locals, paramsOnly: true, place: "a constraint" };
  const constraints: Expr[] = [];
  for (const item of block.items) {
    if (item.kind !== "Constraint") continue;
    const t = checkExpr(state, constraintEnv, item.condition, Ty.bool);
    if (t.kind !== "error") constraints.push(item.condition);
  }
  checkWindows(state, env, block);
  checkSelect(state, env, block);

  const product = grid.reduce((n, g) => n * g.values.length, 1);
  let gridSize = gridItems === grid.length ? product : 0;
  if (gridItems === grid.length && constraints.length > 0 && grid.length > 0) {
    if (product <= MAX_ENUMERATED) {
      gridSize = countPoints(state, grid, constraints);
      if (gridSize === 0) {
        state.report(
          makeDiagnostic("E0506", constraints[0]?.span ?? block.name.span, `no grid point of sweep '${block.name.name}' satisfies the constraints`, {
            label: "excludes every point",
            hints: ["widen the grid or loosen the constraint"],
          }),
        );
      }
    } else {
      state.report(
        makeDiagnostic("W0506", constraints[0]?.span ?? block.name.span, `the grid has ${product} points, too many to apply the constraints at compile time`, {
          label: "grid size is an upper bound",
          hints: ["the sweep engine applies the constraints while sampling"],
        }),
      );
    }
  }
  const sampler = checkSampler(state, settings.get("search")?.[0]?.value);
  // a study has at most one trial per distinct grid point, whatever the sampler asks for
  const trials = sampler.kind === "grid" ? gridSize : Math.min(sampler.trials, gridSize);
  // random draws distinct grid points, so more trials than points is likely a mistake;
  // a tpe budget is an upper bound the optimizer stops short of on a small grid
  if (sampler.kind === "random" && gridSize > 0 && sampler.trials > gridSize) {
    state.report(
      makeDiagnostic("W0501", settings.get("search")?.[0]?.value.span ?? block.name.span, `${sampler.kind} asks for ${sampler.trials} trials but the grid has only ${gridSize} points`, {
        label: "more trials than grid points",
        hints: [`use \`search grid\` to try every point once, or lower trials to ${gridSize}`],
      }),
    );
  }
  const perTicker = settings.has("per");
  const universe = strategy === null ? 0 : (state.universes.get(strategy.id)?.length ?? 0);
  const facts: SweepFacts = {
    strategy,
    grid: grid.map((g) => ({ item: g.item, param: g.param, values: g.values })),
    gridSize,
    trials,
    totalTrials: perTicker ? trials * universe : trials,
    sampler: { ...sampler, trials: sampler.kind === "grid" ? Math.max(1, gridSize) : sampler.trials },
  };
  state.sweeps.set(block.id, facts);
}

function checkGrid(
  state: CheckState,
  env: Env,
  item: GridItem,
  strategy: BlockDecl | null,
  locals: ReadonlyMap<string, LocalBinding>,
  done: readonly { item: GridItem; param: string }[],
): { item: GridItem; param: string; info: ParamInfo; values: Value[] } | null {
  if (strategy === null) return null;
  const name = item.param.name;
  const binding = locals.get(name);
  if (binding?.kind !== "param") {
    const params = [...locals.values()].filter((b) => b.kind === "param").map((b) => b.item.name.name);
    state.report(
      makeDiagnostic("E0502", item.param.span, `'${name}' is not a param of strategy '${strategy.name.name}'`, {
        label: binding === undefined ? "no such param" : `a ${binding.kind}, not a param`,
        secondary: [{ span: strategy.name.span, message: "strategy declared here" }],
        hints: [didYouMean(name, params) ?? (params.length === 0 ? `declare it in the strategy: \`param ${name}: number in [lo, hi] = default\`` : `its params are ${params.join(", ")}`)],
      }),
    );
    return null;
  }
  const first = done.find((d) => d.param === name);
  if (first !== undefined) {
    state.report(
      makeDiagnostic("E0504", item.param.span, `param '${name}' is gridded twice`, {
        label: "gridded again here",
        secondary: [{ span: first.item.param.span, message: "first grid here" }],
        hints: ["merge the values into one grid"],
      }),
    );
    return null;
  }
  const info = paramInfo(state, binding.item, strategy.span.file);
  if (info.ty.kind === "error") return null;
  const values = item.values.kind === "Range" ? expandRange(state, env, item, info) : listValues(state, env, item, info);
  if (values === null) return null;
  return { item, param: name, info, values };
}

function listValues(state: CheckState, env: Env, item: GridItem, info: ParamInfo): Value[] | null {
  if (item.values.kind !== "List") {
    state.report(
      makeDiagnostic("E0503", item.values.span, "grid values are a list or a range", {
        label: "expected [a, b, c] or lo..hi step s",
        hints: [`write e.g. \`grid ${item.param.name} = [1, 2, 3]\``],
      }),
    );
    return null;
  }
  if (item.step !== null) {
    state.report(makeDiagnostic("E0511", item.step.span, "`step` applies to a range, not a list", { label: "remove it or write lo..hi step s" }));
  }
  const out: Value[] = [];
  let ok = true;
  for (const v of item.values.items) {
    const t = checkExpr(state, { ...env, place: `the grid of '${item.param.name}'` }, v, info.ty);
    const value = t.kind === "error" ? undefined : evaluate(state, v);
    if (value === undefined) {
      ok = false;
      continue;
    }
    if (!gridValueOk(state, item, info, v, value)) {
      ok = false;
      continue;
    }
    if (out.some((x) => sameValue(x, value))) {
      state.report(makeDiagnostic("E0503", v.span, `grid value ${describe(value, info)} of '${item.param.name}' is listed twice`, { label: "duplicate" }));
      ok = false;
      continue;
    }
    out.push(value);
  }
  if (out.length === 0 && ok) {
    state.report(makeDiagnostic("E0503", item.values.span, `the grid of '${item.param.name}' is empty`, { label: "no values" }));
    return null;
  }
  return ok ? out : null;
}

function describe(value: Value, info: ParamInfo): string {
  return typeof value === "number" && info.unit !== "enum" ? showNumber(value, info.unit) : String(value);
}

function gridValueOk(state: CheckState, item: GridItem, info: ParamInfo, expr: Expr, value: Value): boolean {
  const domain = info.domain;
  if (domain === null) return true;
  const inside = "min" in domain ? typeof value === "number" && value >= domain.min - 1e-12 && value <= domain.max + 1e-12 : domain.values.some((v) => sameValue(v, value));
  if (inside) return true;
  const unit = info.unit === "enum" ? "number" : info.unit;
  state.report(
    makeDiagnostic("E0503", expr.span, `grid value ${describe(value, info)} is outside the domain of '${item.param.name}'${"min" in domain ? `, ${showDomain(domain.min, domain.max, unit)}` : ""}`, {
      label: "outside the param's domain",
      secondary: [{ span: info.item.name.span, message: "param declared here" }],
      hints: ["a sweep may only try values the strategy declares valid: change the value or widen the param's domain"],
    }),
  );
  return false;
}

function expandRange(state: CheckState, env: Env, item: GridItem, info: ParamInfo): Value[] | null {
  const range = item.values;
  if (range.kind !== "Range") return null;
  const unit = info.unit;
  if (unit === "enum" || !["int", "number", "ratio", "money", "duration", "bars"].includes(unit)) {
    state.report(makeDiagnostic("E0511", range.span, `a range grid needs a numeric param; '${item.param.name}' is ${info.written}`, { label: "list the values instead" }));
    return null;
  }
  const place = { ...env, place: `the grid of '${item.param.name}'` };
  const lo = num(state, place, range.from, info.ty);
  const hi = num(state, place, range.to, info.ty);
  let step: number | null = unit === "int" || unit === "bars" ? 1 : null;
  if (item.step !== null) step = num(state, place, item.step, info.ty);
  else if (step === null) {
    state.report(
      makeDiagnostic("E0511", range.span, `a range of ${info.written} values needs a step`, {
        label: "no step",
        hints: [`write \`grid ${item.param.name} = ${range.from.kind === "NumberLit" ? range.from.raw : "lo"}..${range.to.kind === "NumberLit" ? range.to.raw : "hi"} step s\``],
      }),
    );
    return null;
  }
  if (lo === null || hi === null || step === null) return null;
  if (step <= 0) {
    const from = printExpr(range.from);
    const to = printExpr(range.to);
    state.report(
      makeDiagnostic("E0511", item.step?.span ?? range.span, "a grid step must be greater than zero", {
        label: "not positive",
        hints: [
          step < 0 && item.step !== null
            ? `a range always counts up from its first bound: write \`grid ${item.param.name} = ${from}..${to} step ${printExpr(item.step).replace(/^-\s*/, "")}\``
            : `write a positive step, e.g. \`grid ${item.param.name} = ${from}..${to} step 1\``,
        ],
      }),
    );
    return null;
  }
  if (lo > hi) {
    state.report(makeDiagnostic("E0511", range.span, `the grid range of '${item.param.name}' is empty: ${showNumber(lo, unit)} is above ${showNumber(hi, unit)}`, { label: "write the smaller bound first" }));
    return null;
  }
  const count = Math.floor((hi - lo) / step + 1e-9) + 1;
  if (count > MAX_RANGE_VALUES) {
    state.report(makeDiagnostic("E0511", item.step?.span ?? range.span, `the grid of '${item.param.name}' would have ${count} values`, { label: `more than ${MAX_RANGE_VALUES}`, hints: ["use a larger step"] }));
    return null;
  }
  const values: Value[] = [];
  for (let i = 0; i < count; i++) values.push(tidy(lo + i * step));
  const outside = values.find((v) => !gridValueOk(state, item, info, range, v));
  return outside === undefined ? values : null;
}

function num(state: CheckState, env: Env, expr: Expr, ty: Ty): number | null {
  const t = checkExpr(state, env, expr, ty);
  if (t.kind === "error") return null;
  const v = evaluate(state, expr);
  if (typeof v === "number") return v;
  state.report(makeDiagnostic("E0324", expr.span, "grid values must be known at compile time", { label: "not a constant" }));
  return null;
}

function countPoints(state: CheckState, grid: readonly { info: ParamInfo; values: readonly Value[] }[], constraints: readonly Expr[]): number {
  const point = new Map<ParamItem, Value>();
  const lookup = (item: ParamItem): Value | undefined => point.get(item) ?? state.params.get(item.id)?.default ?? undefined;
  let count = 0;
  const walk = (i: number): void => {
    if (i === grid.length) {
      if (constraints.every((c) => evaluate(state, c, lookup) === true)) count++;
      return;
    }
    const g = grid[i];
    if (g === undefined) return;
    for (const v of g.values) {
      point.set(g.info.item, v);
      walk(i + 1);
    }
  };
  walk(0);
  return count;
}

function checkSampler(state: CheckState, value: Expr | undefined): { kind: "grid" | "random" | "tpe"; trials: number; seed: number } {
  if (value === undefined) return { kind: "grid", trials: 0, seed: 0 };
  const bound = value.kind === "Call" ? state.calls.get(value.id) : (() => {
    const m = state.names.get(value.id);
    return m?.kind === "builtin" ? m.call : undefined;
  })();
  if (bound === undefined) return { kind: "grid", trials: 0, seed: 0 };
  const kind = bound.sig.name === "random" || bound.sig.name === "tpe" ? bound.sig.name : "grid";
  if (kind === "grid") return { kind, trials: 0, seed: 0 };
  const trialsExpr = bound.args[0];
  const seedExpr = bound.args[1];
  const trials = trialsExpr === null || trialsExpr === undefined ? 1 : evaluate(state, trialsExpr);
  const seed = seedExpr === null || seedExpr === undefined ? 0 : evaluate(state, seedExpr);
  return { kind, trials: typeof trials === "number" ? trials : 1, seed: typeof seed === "number" ? seed : 0 };
}
