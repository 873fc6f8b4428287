// Builds the structured preview of a plan that `strat plan` prints (as text or
// --json): each declaration in words, each schedule's next fire times, the data
// every run will need, and a one-line summary. Pure: the clock is a parameter.

import { cronParser } from "../../lang/check/cron-loader.js";
import { tickersOf } from "./baseline-tickers.js";
import type { GatePlan, GateRule, ParamPlan, Plan, RuleCall, SchedulePlan, Scalar, StrategyPlan, SweepPlan, Trigger } from "../../specs/generated/plan.js";
import { lookupBuiltin } from "../../stdlib/registry.js";
import { exprText, formatDuration, formatNumber, formatPercent, formatScalar } from "./expr-text.js";

/** A parameter line. */
export interface ParamPreview {
  name: string;
  type: string;
  default: string;
  domain: string;
  doc: string | null;
}

/** A strategy in words. */
export interface StrategyPreview {
  name: string;
  file: string;
  doc: string | null;
  universe: string[];
  data: string;
  bars: string;
  lookback: string | null;
  params: ParamPreview[];
  models: string[];
  entries: string[];
  exits: string[];
  sizing: string;
  costs: string;
  noTrade: string[];
  execution: string;
}

/** A gate in words. */
export interface GatePreview {
  name: string;
  file: string;
  doc: string | null;
  scope: string;
  baseline: string | null;
  rules: { text: string; words: string }[];
}

/** A sweep in words. */
export interface SweepPreview {
  name: string;
  file: string;
  doc: string | null;
  strategy: string;
  perTicker: boolean;
  grid: { param: string; values: string[] }[];
  constraints: string[];
  sampler: string;
  gridSize: number;
  trials: number;
  totalTrials: number;
  windows: string[];
  select: string;
}

/** A schedule with its next fire times. */
export interface SchedulePreview {
  name: string;
  file: string;
  cron: string;
  tz: string;
  steps: string[];
  next: string[];
}

/** Data a run will read. */
export interface DataNeed {
  source: string;
  tickers: string[];
  bars: string;
  range: string;
  usedBy: string[];
}

/** The whole preview. */
export interface PlanPreview {
  planVersion: number;
  hash: string;
  sources: string[];
  strategies: StrategyPreview[];
  gates: GatePreview[];
  sweeps: SweepPreview[];
  sleeves: { name: string; bucket: string; cap: string; members: string; weighting: string }[];
  portfolios: { name: string; sleeves: string[]; rebalance: string; baselines: string[] }[];
  promotions: { name: string; lines: string[] }[];
  schedules: SchedulePreview[];
  data: DataNeed[];
  summary: string;
}

/** Formats a param value as written in its declared type (ratio 0.55, percent 3%, bps 5bps). */
export function formatParamValue(param: Pick<ParamPlan, "type" | "unit">, value: Scalar): string {
  if (typeof value === "number" && param.type === "ratio") return formatNumber(value);
  if (typeof value === "number" && param.type === "bps") return `${formatNumber(value * 10000)}bps`;
  return formatScalar(value, param.unit);
}

function paramPreview(param: ParamPlan): ParamPreview {
  let domain = "";
  if (param.domain && "min" in param.domain) domain = `[${formatParamValue(param, param.domain.min)}, ${formatParamValue(param, param.domain.max)}]`;
  else if (param.domain && "values" in param.domain) domain = `{${param.domain.values.map((v) => formatParamValue(param, v)).join(", ")}}`;
  return { name: param.name, type: param.type, default: formatParamValue(param, param.default), domain, doc: param.doc };
}

function ruleText(rule: RuleCall): string {
  return rule.args.length === 0 ? rule.rule : `${rule.rule}(${rule.args.map((a) => exprText(a)).join(", ")})`;
}

function strategyPreview(s: StrategyPlan): StrategyPreview {
  const options = s.data ? Object.entries(s.data.options).map(([k, v]) => `${k}=${String(v)}`).join(" ") : "";
  return {
    name: s.name,
    file: s.origin.file,
    doc: s.doc,
    universe: [...s.universe],
    data: s.data ? `${s.data.provider} ${options}`.trim() : "none declared (pass --data)",
    bars: s.bars,
    lookback: s.lookback === null ? null : "seconds" in s.lookback ? formatDuration(s.lookback.seconds) : `${s.lookback.bars} bars`,
    params: s.params.map(paramPreview),
    models: s.models.map((m) => {
      // Arguments in the builtin's parameter order, with the units they were written in.
      const names = lookupBuiltin(m.provider, ["model"])?.params.map((p) => p.name) ?? [];
      return `${m.name} = ${m.provider}(${m.args.map((a, i) => `${names[i] ?? `arg${i}`}: ${exprText(a)}`).join(", ")})`;
    }),
    entries: s.entries.map((e) => `${e.side} when ${exprText(e.when)}`),
    exits: s.exits.map((e) => {
      const what = e.signal ? exprText(e.signal) : e.rule ? ruleText(e.rule) : "";
      return e.side === "both" ? what : `${e.side}: ${what}`;
    }),
    sizing: [ruleText(s.sizing.rule), ...s.sizing.caps.map((c) => `capped ${ruleText(c)}`)].join(" "),
    costs: `commission ${exprText(s.costs.commission)} per side, slippage ${exprText(s.costs.slippage)}`,
    noTrade: s.noTrade.map((w) => `${w.from}..${w.to} ${w.tz}`),
    execution: `${s.execution.provider}, fill at ${s.execution.fill === "next_open" ? "next bar's open" : "signal bar's close"}, ${s.execution.fractional ? "fractional" : "whole"} units, cash ${formatScalar(s.execution.cash, "money")}`,
  };
}

const OP_WORDS: Readonly<Record<string, string>> = {
  ">=": "is at least",
  ">": "is above",
  "<=": "is at most",
  "<": "is below",
  "==": "equals",
  "!=": "differs from",
};

/** The metric as written: `sharpe(daily)`, `var(95%)`. */
export function metricText(metric: string, args: readonly Scalar[]): string {
  if (args.length === 0) return metric;
  const shown = args.map((a) => (typeof a === "number" && a > 0 && a < 1 ? formatPercent(a) : String(a)));
  return `${metric}(${shown.join(", ")})`;
}

/** A gate rule in words. */
export function ruleWords(rule: GateRule): string {
  const metric = metricText(rule.metric, rule.args);
  const threshold = formatScalar(rule.threshold, rule.unit);
  const orElse = rule.orElse === "insufficient_observation" ? ", otherwise the evidence is insufficient" : "";
  if (rule.compare === "change") {
    return `${metric} relative to the baseline run (value / baseline - 1) ${OP_WORDS[rule.operator] ?? rule.operator} ${threshold}${orElse}`;
  }
  return `${metric} ${OP_WORDS[rule.operator] ?? rule.operator} ${threshold}${orElse}`;
}

function gatePreview(g: GatePlan): GatePreview {
  const scope = g.scope.length === 0 ? "every run" : g.scope.map((c) => `${c.field} ${c.operator === "==" ? "is" : "is not"} ${c.value}`).join(" and ");
  return {
    name: g.name,
    file: g.origin.file,
    doc: g.doc,
    scope: `counts runs where ${scope}`,
    baseline: g.baseline,
    rules: g.rules.map((r) => ({ text: r.text, words: ruleWords(r) })),
  };
}

function sweepPreview(s: SweepPlan, plan: Plan): SweepPreview {
  const strategy = plan.strategies.find((x) => x.name === s.strategy);
  const unitOf = (param: string): Pick<ParamPlan, "type" | "unit"> => strategy?.params.find((p) => p.name === param) ?? { type: "number", unit: "number" };
  const sampler = s.sampler.kind === "grid" ? "grid (every point once)" : `${s.sampler.kind} (${s.sampler.trials} trials, seed ${s.sampler.seed})`;
  return {
    name: s.name,
    file: s.origin.file,
    doc: s.doc,
    strategy: s.strategy,
    perTicker: s.perTicker,
    grid: s.grid.map((g) => ({ param: g.param, values: g.values.map((v) => formatParamValue(unitOf(g.param), v)) })),
    constraints: s.constraints.map((c) => exprText(c)),
    sampler,
    gridSize: s.gridSize,
    trials: s.trials,
    totalTrials: s.totalTrials,
    windows: s.windows.map((w) => `${w.label} ${w.from}..${w.to}`),
    select: `${s.select.direction} ${metricText(s.select.metric, s.select.args)}${s.select.subjectTo ? ` subject to gate ${s.select.subjectTo}` : ""}`,
  };
}

function triggerWords(t: Trigger): string {
  if (t.kind === "gate_streak") return `gate ${t.gate} ${t.outcome === "pass" ? "passes" : "fails"} ${t.consecutive} consecutive runs`;
  return `${metricText(t.metric, t.args)} ${OP_WORDS[t.operator] ?? t.operator} ${formatNumber(t.threshold)} over ${formatDuration(t.windowSeconds)}`;
}

/** The next `count` fire times of a cron expression, as local ISO-like text in its zone. */
export function nextFireTimes(cron: string, tz: string, now: Date, count: number): string[] {
  const out: string[] = [];
  try {
    const it = cronParser().parse(cron, { tz, currentDate: now });
    const fmt = new Intl.DateTimeFormat("en-CA", { timeZone: tz, year: "numeric", month: "2-digit", day: "2-digit", hour: "2-digit", minute: "2-digit", hourCycle: "h23", timeZoneName: "short" });
    for (let i = 0; i < count; i++) {
      const d = it.next().toDate();
      const parts = Object.fromEntries(fmt.formatToParts(d).map((p) => [p.type, p.value]));
      out.push(`${parts["year"]}-${parts["month"]}-${parts["day"]} ${parts["hour"]}:${parts["minute"]} ${parts["timeZoneName"]}`);
    }
  } catch {
    // The compiler validated the expression; an exhausted iterator just yields fewer times.
  }
  return out;
}

function schedulePreview(s: SchedulePlan, now: Date): SchedulePreview {
  return {
    name: s.name,
    file: s.origin.file,
    cron: s.cron,
    tz: s.tz,
    steps: s.steps.map((step) => `${step.kind} ${step.name}`),
    next: nextFireTimes(s.cron, s.tz, now, 3),
  };
}

function sourceText(data: { provider: string; options: Record<string, unknown> } | null | undefined): string {
  return data ? `${data.provider} ${Object.values(data.options).map(String).join(" ")}`.trim() : "(from --data)";
}

function dataNeeds(plan: Plan): DataNeed[] {
  const needs = new Map<string, DataNeed>();
  const need = (source: string, bars: string): DataNeed => {
    const key = `${source}|${bars}`;
    const found = needs.get(key) ?? { source, tickers: [], bars, range: "all available", usedBy: [] };
    needs.set(key, found);
    return found;
  };
  const add = (into: DataNeed, tickers: readonly string[], user: string): void => {
    for (const t of tickers) if (!into.tickers.includes(t)) into.tickers.push(t);
    if (!into.usedBy.includes(user)) into.usedBy.push(user);
  };
  for (const s of plan.strategies) {
    const into = need(sourceText(s.data), s.bars);
    add(into, s.universe, s.name);
    const windows = plan.sweeps.filter((w) => w.strategy === s.name).flatMap((w) => w.windows);
    if (windows.length > 0) {
      const from = windows.map((w) => w.from).sort()[0];
      const to = windows.map((w) => w.to).sort().at(-1);
      into.range = `${from}..${to} (sweep windows)` + (s.lookback ? ` plus lookback` : "");
    }
  }
  // Portfolios run on daily closes: ticker members read their sleeve's data (else the
  // portfolio's), baselines the portfolio's; strategy members are covered above.
  for (const p of plan.portfolios) {
    const pool: string[] = [];
    for (const name of p.sleeves) {
      const sleeve = plan.sleeves.find((s) => s.name === name);
      if (sleeve === undefined) continue;
      const tickers = "tickers" in sleeve.members ? sleeve.members.tickers : (plan.strategies.find((s) => "strategy" in sleeve.members && s.name === sleeve.members.strategy)?.universe ?? []);
      for (const t of tickers) if (!pool.includes(t)) pool.push(t);
      if ("tickers" in sleeve.members) add(need(sourceText(sleeve.data ?? p.data), "daily"), sleeve.members.tickers, `${p.name} (sleeve ${sleeve.name})`);
    }
    for (const b of p.baselines) {
      const tickers = b.rule === "raw_pool_ew" ? pool : tickersOf(b.args[0]);
      if (tickers.length > 0) add(need(sourceText(p.data), "daily"), tickers, `${p.name} (baseline ${b.rule})`);
    }
  }
  return [...needs.values()].sort((a, b) => (a.source < b.source ? -1 : a.source > b.source ? 1 : 0));
}

function count(n: number, one: string, many: string): string {
  return `${n} ${n === 1 ? one : many}`;
}

/** Builds the preview of a plan; `now` anchors the schedules' next fire times. */
export function previewPlan(plan: Plan, now: Date): PlanPreview {
  const sweeps = plan.sweeps.map((s) => sweepPreview(s, plan));
  const trials = sweeps.reduce((sum, s) => sum + s.totalTrials, 0);
  const summary =
    `Plan ${plan.hash.slice(0, 12)}: ` +
    [
      count(plan.strategies.length, "strategy", "strategies"),
      count(plan.gates.length, "gate", "gates"),
      `${count(plan.sweeps.length, "sweep", "sweeps")} (${count(trials, "trial", "trials")})`,
      count(plan.sleeves.length, "sleeve", "sleeves"),
      count(plan.portfolios.length, "portfolio", "portfolios"),
      count(plan.promotions.length, "promotion", "promotions"),
      count(plan.schedules.length, "schedule", "schedules"),
    ].join(", ") +
    ".";
  return {
    planVersion: plan.planVersion,
    hash: plan.hash,
    sources: plan.sources.map((s) => s.path),
    strategies: plan.strategies.map(strategyPreview),
    gates: plan.gates.map(gatePreview),
    sweeps,
    sleeves: plan.sleeves.map((s) => ({
      name: s.name,
      bucket: s.bucket,
      cap: formatPercent(s.cap),
      members: "tickers" in s.members ? s.members.tickers.join(", ") : `strategy ${s.members.strategy}`,
      weighting: s.weighting,
    })),
    portfolios: plan.portfolios.map((p) => ({ name: p.name, sleeves: [...p.sleeves], rebalance: p.rebalance, baselines: p.baselines.map(ruleText) })),
    promotions: plan.promotions.map((p) => ({
      name: p.name,
      lines: [
        ...p.moves.map((m) => `${m.direction} ${m.from} -> ${m.to} when ${triggerWords(m.when)}`),
        ...(p.adjust ? [`adjust params toward sweep ${p.adjust.sweep} by at most ${formatPercent(p.adjust.maxStep)} per cycle`] : []),
        ...(p.rollout.length > 0 ? [`rollout ${p.rollout.map((r) => (r.stage === "canary" || r.stage === "staged" ? `${r.stage}(${formatPercent(r.fraction)})` : r.stage)).join(" -> ")}`] : []),
        ...(p.rollback ? [`rollback when ${triggerWords(p.rollback)}`] : []),
      ],
    })),
    schedules: plan.schedules.map((s) => schedulePreview(s, now)),
    data: dataNeeds(plan),
    summary,
  };
}
