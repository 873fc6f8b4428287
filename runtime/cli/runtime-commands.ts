// Commands that execute plans against data and the store: run, gate, runs, report, ledger.

import type { Command } from "commander";
import type { CliConfig } from "../config/config.js";
import type { CliIo } from "./io.js";
import type { RunCommandOptions } from "./commands/run.js";
import type { GateOptions } from "./commands/gate.js";
import type { RunsOptions } from "./commands/runs.js";

const collect = (value: string, previous: string[] | undefined): string[] => [...(previous ?? []), value];

/** Adds the runtime commands to the program. */
export function registerRuntimeCommands(program: Command, io: CliIo, done: (code: number) => void, globals: () => CliConfig): void {
  program
    .command("run")
    .description("backtest strategies on their data and record the runs in the store")
    .argument("[paths...]", ".strat files or folders (default: the project's sources)")
    .option("--strategy <name>", "run only this strategy (default: every strategy declared in the named files)")
    .option("--portfolio <name>", "run this declared portfolio: sleeves, the portfolio and its baselines in one run (--commission is then the rebalancing cost)")
    .option("--plan <file>", "run a compiled plan file instead of sources")
    .option("--data <path>", "a CSV file or a folder of them; replaces the strategy's data source and universe (one ticker per file)")
    .option("--ticker <ticker>", "only this ticker (repeatable)", collect)
    .option("--from <date>", "first date (YYYY-MM-DD)")
    .option("--to <date>", "last date (YYYY-MM-DD, inclusive)")
    .option("--param <name=value>", "override a param, checked against its domain (repeatable), e.g. stop_loss=5%", collect)
    .option("--cash <amount>", "initial cash, e.g. 100000 or $100k")
    .option("--commission <rate>", "commission per side as a fraction of traded value, e.g. 0.1% or 10bps")
    .option("--slippage <rate>", "slippage against the trader per fill, e.g. 5bps")
    .option("--source <source>", "run_source tag: prod, paper, smoke or maintenance")
    .option("--regime <regime>", "data_regime tag: prod_live, maintenance_replay or mixed")
    .option("--periods-per-year <n>", "annualisation periods (default: 252, or 365 when the data trades every day)")
    .option("--json", "trades, metrics and daily equity as JSON (specs/run-result.schema.json); byte-identical for the same plan and data")
    .addHelpText(
      "after",
      `
Examples:
  $ strat run strategies/sma_cross.strat
  $ strat run strategies/sma_cross.strat --data examples/data/orcl-1995-2014.csv --cash 100000 --commission 0.1% --json
  $ strat run strategies/sma_cross.strat --param stop_loss=5% --param take_profit=10% --from 2000-01-01 --to 2009-12-31
  $ strat run strategies/ts_threshold.strat --ticker NVDA --source prod
  $ strat run examples/portfolio.strat --portfolio demo_barbell --commission 5bps

Signals are taken at a bar's close and filled at the next bar's open unless the strategy says \`fill close\`.
The run id is printed on stderr; \`strat runs\` lists runs, \`strat report RUN\` shows one.`,
    )
    .action(async (paths: string[], opts: RunCommandOptions) => done(await (await import("./commands/run.js")).runRun(io, paths, opts, globals())));

  program
    .command("gate")
    .description("evaluate a gate on stored runs and record the result in the ledger")
    .argument("<gate>", "gate name")
    .argument("[paths...]", ".strat files or folders declaring the gate (default: the project's sources)")
    .option("--run <id>", "evaluate this run")
    .option("--latest", "evaluate the latest completed in-scope run (the default)")
    .option("--strategy <name>", "evaluate the latest completed in-scope run of this strategy")
    .option("--baseline <id>", "baseline run for change() rules (default: latest in-scope run of the gate's baseline strategy)")
    .option("--plan <file>", "read the gate from a compiled plan file")
    .option("--json", "the result as JSON (specs/gate-result.schema.json)")
    .addHelpText(
      "after",
      `
Examples:
  $ strat gate quant_validation --latest
  $ strat gate quant_validation --strategy sma_cross --json
  $ strat gate model_promotion --strategy ts_ridge

Exit codes: 0 pass, 3 fail, 4 insufficient_observation, 1 error.`,
    )
    .action(async (gate: string, paths: string[], opts: GateOptions) => done((await import("./commands/gate.js")).runGate(io, gate, paths, opts, globals())));

  program
    .command("runs")
    .description("list stored runs, newest first")
    .option("--strategy <name>", "only this strategy")
    .option("--source <source>", "only this run_source")
    .option("--limit <n>", "at most this many (default 20)")
    .option("--json", "as JSON")
    .action(async (opts: RunsOptions) => done((await import("./commands/runs.js")).runRuns(io, opts, globals())));

  program
    .command("report")
    .description("show a stored run: metrics and trades, or an HTML page with equity and drawdown charts")
    .argument("<run>", "run id, e.g. r-000001")
    .option("--html <file>", "write a self-contained HTML report")
    .option("--log", "print the execution log: every fill and skipped signal, with its reason")
    .option("--ticker <ticker>", "with --log: only this ticker's events")
    .option("--json", "the run, its metrics by scope and its trades as JSON (with --log: the events as a JSON array)")
    .addHelpText("after", "\nExamples:\n  $ strat report r-000001\n  $ strat report r-000001 --html report.html\n  $ strat report r-000001 --log --json")
    .action(async (run: string, opts: { html?: string; log?: boolean; ticker?: string; json?: boolean }) => done((await import("./commands/report.js")).runReport(io, run, opts, globals())));

  const ledger = program.command("ledger").description("the append-only, hash-chained ledger of gate results and decisions");
  ledger
    .command("verify")
    .description("check that no ledger record was edited, deleted or reordered (exit 1 if one was)")
    .option("--json", "as JSON")
    .action(async (opts: { json?: boolean }) => done((await import("./commands/ledger.js")).runLedgerVerify(io, opts, globals())));
  ledger
    .command("show")
    .description("list ledger records, oldest first")
    .option("--kind <kind>", "only records of this kind, e.g. gate_evaluation")
    .option("--limit <n>", "at most this many")
    .option("--json", "as JSON")
    .action(async (opts: { json?: boolean; kind?: string; limit?: string }) => done((await import("./commands/ledger.js")).runLedgerShow(io, opts, globals())));
}
