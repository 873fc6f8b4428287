// strat run [paths] [--strategy S] [--data PATH] [--param k=v] ...: backtest
// strategies of a plan on their data, record each run, print a summary
// (or --json, deterministic: the run id goes to stderr).

import { resolve } from "node:path";
import type { CliConfig } from "../../config/config.js";
import { parseCliLiteral } from "../../run/literal.js";
import { executeRun, RunFailure, type RunOutcome, type RunSettings } from "../../run/execute.js";
import { runResultJson } from "../../run/output.js";
import { executePortfolioRun } from "../../run/portfolio-execute.js";
import { portfolioResultJson } from "../../run/portfolio-output.js";
import { serializeSorted } from "../../plan/serialize.js";
import type { Plan } from "../../../specs/generated/plan.js";
import { EXIT, UserError } from "../errors.js";
import type { CliIo } from "../io.js";
import { resolveConfig } from "../project.js";
import { loadPlanSource } from "./plan-source.js";
import { openConfiguredStore } from "../open-store.js";
import { progressBar } from "../render/progress.js";

/** Options of `strat run`. */
export interface RunCommandOptions {
  strategy?: string;
  portfolio?: string;
  plan?: string;
  data?: string;
  ticker?: string[];
  from?: string;
  to?: string;
  param?: string[];
  cash?: string;
  commission?: string;
  slippage?: string;
  source?: string;
  regime?: string;
  periodsPerYear?: string;
  json?: boolean;
}

function parseDate(flag: string, value: string | undefined, endOfDay: boolean): number | undefined {
  if (value === undefined) return undefined;
  const m = /^\d{4}-\d{2}-\d{2}$/.test(value) ? Date.parse(`${value}T00:00:00Z`) : Date.parse(value);
  if (Number.isNaN(m)) throw new UserError(`${flag} '${value}' is not a date`, "write dates as YYYY-MM-DD", EXIT.usage);
  return endOfDay && /^\d{4}-\d{2}-\d{2}$/.test(value) ? m + 86_399_999 : m;
}

function parseRatio(flag: string, value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const lit = parseCliLiteral(value);
  if (lit.kind !== "number" || (lit.unit !== "ratio" && lit.unit !== "number") || lit.value < 0 || lit.value >= 1) {
    throw new UserError(`${flag} '${value}' is not a rate`, `write it as a percent or bps, e.g. ${flag} 0.1% or ${flag} 5bps`, EXIT.usage);
  }
  return lit.value;
}

function parseCash(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const lit = parseCliLiteral(value);
  if (lit.kind !== "number" || (lit.unit !== "money" && lit.unit !== "number") || !(lit.value > 0)) {
    throw new UserError(`--cash '${value}' is not an amount`, "write it like --cash 100000 or --cash $100k", EXIT.usage);
  }
  return lit.value;
}

function strategiesToRun(plan: Plan, roots: readonly string[], requested: string | undefined): string[] {
  if (requested !== undefined) return [requested];
  const declaredInRoots = plan.strategies.filter((s) => roots.length === 0 || roots.includes(s.origin.file)).map((s) => s.name);
  const names = declaredInRoots.length > 0 ? declaredInRoots : plan.strategies.map((s) => s.name);
  if (names.length === 0) throw new UserError("the plan has no strategy to run", "declare a `strategy` in the sources, or name a file that declares one");
  return names;
}

/** Runs `strat run`; returns the exit code. */
export async function runRun(io: CliIo, paths: readonly string[], options: RunCommandOptions, cli: CliConfig): Promise<number> {
  const config = resolveConfig(io, {
    ...cli,
    ...(options.source === undefined ? {} : { runSource: options.source }),
    ...(options.regime === undefined ? {} : { dataRegime: options.regime }),
  });
  const periods = options.periodsPerYear === undefined ? undefined : Number(options.periodsPerYear);
  if (periods !== undefined && (!Number.isInteger(periods) || periods < 1 || periods > 366)) {
    throw new UserError(`--periods-per-year '${options.periodsPerYear}' is not a whole number from 1 to 366`, "use 252 for exchange calendars, 365 for markets that trade every day", EXIT.usage);
  }
  const shared = {
    ...(options.data === undefined ? {} : { dataPath: resolve(io.cwd, options.data) }),
    ...(options.ticker === undefined ? {} : { tickers: options.ticker }),
    ...(options.from === undefined ? {} : { fromMs: parseDate("--from", options.from, false) }),
    ...(options.to === undefined ? {} : { toMs: parseDate("--to", options.to, true) }),
    ...(options.param === undefined ? {} : { params: options.param }),
    ...(options.cash === undefined ? {} : { cash: parseCash(options.cash) }),
    ...(options.commission === undefined ? {} : { commission: parseRatio("--commission", options.commission) }),
    ...(options.slippage === undefined ? {} : { slippage: parseRatio("--slippage", options.slippage) }),
    runSource: config.runSource.value,
    dataRegime: config.dataRegime.value,
    // An explicit setting wins; otherwise the data's calendar decides (252 or 365).
    periodsPerYear: periods ?? (config.periodsPerYear.source === "default" ? null : config.periodsPerYear.value),
    baseDir: config.root,
  };
  if (options.portfolio !== undefined) return runPortfolio(io, paths, options, options.portfolio, shared, config, cli);
  const { plan, roots } = loadPlanSource(io, paths, options.plan, cli);
  const names = strategiesToRun(plan, roots, options.strategy);
  const store = openConfiguredStore(config);
  const progress = progressBar(io);
  const outcomes: RunOutcome[] = [];
  try {
    for (const strategy of names) {
      try {
        // No callback off a terminal: the engine then never calls out of its bar loop.
        const outcome = await executeRun(plan, { ...shared, strategy, ...(progress.update === undefined ? {} : { onProgress: progress.update }) }, store);
        progress.clear();
        outcomes.push(outcome);
        // The table code (cli-table3) loads only when a table is printed, after the run.
        if (!options.json) io.out((await import("../render/run-table.js")).renderRunTable(outcome) + "\n");
        io.err(`run ${outcome.runId} recorded (${config.runSource.value}, ${config.dataRegime.value}) in ${config.store.value}\n`);
      } catch (error) {
        progress.clear();
        if (error instanceof RunFailure) {
          const recorded = error.runId ? ` (run ${error.runId} recorded as failed)` : "";
          throw new UserError(`${strategy}: ${error.message}${recorded}`, error.hint, EXIT.error, error.code);
        }
        throw error;
      }
    }
  } finally {
    store.close();
  }
  if (options.json) {
    const results = outcomes.map(runResultJson);
    io.out(serializeSorted(results.length === 1 ? (results[0] as object) : { runs: results }));
  }
  return EXIT.ok;
}

/** `strat run --portfolio NAME`: one run of the portfolio, its sleeves and baselines. */
async function runPortfolio(io: CliIo, paths: readonly string[], options: RunCommandOptions, name: string, shared: RunSettings, config: ReturnType<typeof resolveConfig>, cli: CliConfig): Promise<number> {
  const conflicting = (["strategy", "ticker", "param", "slippage"] as const).filter((k) => options[k] !== undefined);
  if (conflicting.length > 0) {
    throw new UserError(
      `--portfolio cannot be combined with ${conflicting.map((k) => `--${k}`).join(", ")}`,
      "a portfolio runs every sleeve member with its strategy's own params and costs; run a strategy alone with --strategy to change them",
      EXIT.usage,
    );
  }
  const { plan } = loadPlanSource(io, paths, options.plan, cli);
  const store = openConfiguredStore(config);
  try {
    const outcome = await executePortfolioRun(
      plan,
      {
        portfolio: name,
        ...(shared.dataPath === undefined ? {} : { dataPath: shared.dataPath }),
        ...(shared.fromMs === undefined ? {} : { fromMs: shared.fromMs }),
        ...(shared.toMs === undefined ? {} : { toMs: shared.toMs }),
        ...(shared.cash === undefined ? {} : { cash: shared.cash }),
        ...(shared.commission === undefined ? {} : { commission: shared.commission }),
        runSource: shared.runSource,
        dataRegime: shared.dataRegime,
        periodsPerYear: shared.periodsPerYear,
        baseDir: shared.baseDir,
      },
      store,
    );
    io.out(options.json ? serializeSorted(portfolioResultJson(outcome)) : (await import("../render/portfolio-table.js")).renderPortfolioTable(outcome) + "\n");
    io.err(`run ${outcome.runId} recorded (${config.runSource.value}, ${config.dataRegime.value}) in ${config.store.value}\n`);
    return EXIT.ok;
  } catch (error) {
    if (error instanceof RunFailure) {
      const recorded = error.runId ? ` (run ${error.runId} recorded as failed)` : "";
      throw new UserError(`portfolio ${name}: ${error.message}${recorded}`, error.hint, EXIT.error, error.code);
    }
    throw error;
  } finally {
    store.close();
  }
}
