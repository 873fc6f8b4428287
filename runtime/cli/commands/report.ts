// strat report RUN [--html out.html] [--log [--ticker T] [--json]]: a stored run's metrics and
// trades, as text or as a self-contained HTML page with equity and drawdown charts (SVG), or its
// execution log (every fill and skipped signal, with its reason).

import { writeFileSync } from "node:fs";
import { resolve } from "node:path";
import Table from "cli-table3";
import type { CliConfig } from "../../config/config.js";
import { formatMetric, renderHtmlReport } from "../../report/html.js";
import { isStoreError, type PortfolioRunRecord, type RunRecord, type Store, type StoredMetric, type StoreError } from "../../store/index.js";
import { EXIT, UserError } from "../errors.js";
import type { CliIo } from "../io.js";
import { openConfiguredStore } from "../open-store.js";
import { executionLogJson, renderExecutionLog } from "../render/execution-log.js";
import { resolveConfig } from "../project.js";

function must<T>(value: T | StoreError): T {
  if (isStoreError(value)) throw new UserError(value.message, value.hint, EXIT.error, value.code);
  return value as T;
}

function textReport(store: Store, runId: string): string {
  const run = must(store.getRun(runId));
  if (run === null) throw new UserError(`no run has id ${runId}`, "list runs with `strat runs`");
  const metrics = must(store.runMetrics(runId));
  const portfolio = must(store.portfolioRun(runId));
  if (portfolio !== null) return portfolioReport(run, portfolio, metrics, must(store.runTrades(runId)).length);
  const scopes = [...new Set(metrics.map((m) => m.scope))];
  const table = new Table({ head: ["metric", ...scopes], style: { head: [], border: [] } });
  for (const key of [...new Set(metrics.map((m) => m.key))].sort()) {
    table.push([key, ...scopes.map((s) => {
      const m = metrics.find((x) => x.scope === s && x.key === key);
      return m ? formatMetric(m.value, m.unit) : "";
    })]);
  }
  const trades = must(store.runTrades(runId));
  return `run ${run.id}: ${run.strategy} on ${run.tickers.join(", ")} (${run.status}, ${run.runSource}/${run.dataRegime})\n${table.toString()}\n${trades.length} closed trades; \`strat report ${run.id} --html report.html\` for charts and the trades table\n`;
}

/** The run record, its metrics by scope and its trades (times ISO 8601 UTC), as JSON. */
function jsonReport(store: Store, runId: string): string {
  const run = must(store.getRun(runId));
  if (run === null) throw new UserError(`no run has id ${runId}`, "list runs with `strat runs`");
  const metrics: Record<string, Record<string, number | string | null>> = {};
  for (const m of must(store.runMetrics(runId))) {
    const value = m.value !== null && !Number.isFinite(m.value) ? (m.value > 0 ? "Infinity" : "-Infinity") : m.value;
    (metrics[m.scope] ??= {})[m.key] = value;
  }
  const trades = must(store.runTrades(runId)).map((t) => ({ ...t, entryTime: new Date(t.entryTime).toISOString(), exitTime: new Date(t.exitTime).toISOString() }));
  return `${JSON.stringify({ run, metrics, trades }, null, 2)}\n`;
}

/** Metrics as a table, one column per scope. */
function metricsTable(metrics: readonly StoredMetric[], scopes: readonly string[]): string {
  const table = new Table({ head: ["metric", ...scopes], style: { head: [], border: [] } });
  for (const key of [...new Set(metrics.map((m) => m.key))].sort()) {
    table.push([key, ...scopes.map((s) => {
      const m = metrics.find((x) => x.scope === s && x.key === key);
      return m ? formatMetric(m.value, m.unit) : "";
    })]);
  }
  return table.toString();
}

/** A portfolio run: its sleeves and baselines, the metrics of portfolio, sleeves and baselines, then the members'. */
function portfolioReport(run: RunRecord, portfolio: PortfolioRunRecord, metrics: readonly StoredMetric[], trades: number): string {
  const sleeves = new Table({ head: ["scope", "bucket", "cap", "weight", "weighting", "members", "final equity"], style: { head: [], border: [] } });
  for (const s of portfolio.scopes) {
    sleeves.push([s.scope, s.bucket ?? "", s.cap === null ? "" : formatMetric(s.cap, "ratio"), formatMetric(s.weight, "ratio"), s.weighting, s.members.join(", "), formatMetric(s.finalEquity, "money")]);
  }
  const main = ["portfolio", ...portfolio.scopes.map((s) => s.scope)];
  const members = [...new Set(metrics.map((m) => m.scope))].filter((s) => !main.includes(s));
  const cash = portfolio.cashWeight > 1e-12 ? `, ${formatMetric(portfolio.cashWeight, "ratio")} in cash` : "";
  return [
    `run ${run.id}: portfolio ${portfolio.portfolio} on ${run.tickers.join(", ")} (${run.status}, ${run.runSource}/${run.dataRegime})`,
    `rebalanced ${portfolio.rebalance}, commission ${formatMetric(portfolio.commission, "ratio")} of traded value${cash}; ${portfolio.rebalances.length} rebalances`,
    sleeves.toString(),
    metricsTable(metrics, main),
    ...(members.length > 0 ? ["strategy members (each ticker run standalone on the strategy's own cash):", metricsTable(metrics, members)] : []),
    `${trades} closed trades; \`strat report ${run.id} --html report.html\` for charts per sleeve and the trades table`,
  ].join("\n") + "\n";
}

/** What `strat report` was asked for. */
export interface ReportOptions {
  readonly html?: string;
  readonly log?: boolean;
  readonly ticker?: string;
  readonly json?: boolean;
}

/** Runs `strat report`; returns the exit code. */
export function runReport(io: CliIo, runId: string, options: ReportOptions, cli: CliConfig): number {
  if (options.ticker !== undefined && options.log !== true) {
    throw new UserError("--ticker applies to the execution log", "add --log, e.g. `strat report r-000001 --log --ticker ORCL`", EXIT.usage);
  }
  const store = openConfiguredStore(resolveConfig(io, cli), { readonly: true });
  try {
    if (options.log === true) {
      if (must(store.getRun(runId)) === null) throw new UserError(`no run has id ${runId}`, "list runs with `strat runs`");
      const events = must(store.executionLog(runId, options.ticker));
      io.out(options.json === true ? executionLogJson(events) : renderExecutionLog(events));
      return EXIT.ok;
    }
    if (options.json === true) {
      io.out(jsonReport(store, runId));
      return EXIT.ok;
    }
    if (options.html === undefined) {
      io.out(textReport(store, runId));
      return EXIT.ok;
    }
    const run = must(store.getRun(runId));
    if (run === null) throw new UserError(`no run has id ${runId}`, "list runs with `strat runs`");
    const data = must(store.loadRunData(runId));
    const portfolio = must(store.portfolioRun(runId, { curves: true }));
    const html = renderHtmlReport({ run, time: data.time, equity: data.equity, metrics: must(store.runMetrics(runId)), trades: must(store.runTrades(runId)), portfolio });
    const target = resolve(io.cwd, options.html);
    try {
      writeFileSync(target, html);
    } catch (error) {
      throw new UserError(`cannot write ${options.html}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`, "check that the folder exists and is writable");
    }
    io.err(`wrote ${options.html}\n`);
    return EXIT.ok;
  } finally {
    store.close();
  }
}
