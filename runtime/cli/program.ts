// The command tree. Each command's work lives in commands/<name>.ts and
// returns an exit code; this file only declares flags, help and wiring.
// Commands are imported when they run, so `strat check` never loads the
// store, the engine or the providers.

import { Command, Option } from "commander";
import type { CliIo } from "./io.js";
import type { CliConfig } from "../config/config.js";
import { preloadYamlFor } from "../config/yaml.js";
import { registerRuntimeCommands } from "./runtime-commands.js";

const EXIT_CODES_HELP = `
Exit codes:
  0   success (a gate passed)
  1   error: diagnostics, bad input, a failed run
  2   usage: unknown command or flag
  3   gate failed
  4   gate: insufficient observation
  70  internal error (a bug: please report it with the output)`;

/** The outcome of a command, read by main.ts after parsing. */
export interface ProgramState {
  exitCode: number;
}

/** Global options shared by every command. */
export interface GlobalOptions {
  store?: string;
  color?: "auto" | "always" | "never";
}

/** Builds a fresh command tree bound to `io`. */
export function createProgram(io: CliIo, state: ProgramState = { exitCode: 0 }): Command {
  const program = new Command("strat");
  program
    .description("strat: typed strategies, gates and sweeps for quantitative research, compiled to plans and run against real data")
    .version("0.1.0", "-V, --version")
    .addOption(new Option("--store <path>", "SQLite store file (default .strat/strat.db)"))
    .addOption(new Option("--color <when>", "color diagnostics").choices(["auto", "always", "never"]))
    .configureOutput({ writeOut: (s) => io.out(s), writeErr: (s) => io.err(s) })
    .showHelpAfterError("(run with --help for usage)")
    .addHelpText(
      "after",
      `
Examples:
  $ strat check                         check the project's sources (strat.yaml)
  $ strat plan strategies gates         preview what they will do
  $ strat compile -o plan.json          write the canonical plan
  $ strat run strategies/sma_cross.strat --data examples/data/orcl-1995-2014.csv --cash 100000 --commission 0.1%
  $ strat gate quant_validation --latest
  $ strat explain E0402                 long form of a diagnostic
${EXIT_CODES_HELP}`,
    );

  // Every command but explain reads the configuration, synchronously; in a
  // project, load strat.yaml's parser first (it is not loaded outside one).
  program.hook("preAction", async (_program, action) => {
    if (action.name() !== "explain") await preloadYamlFor(io.cwd);
  });

  const done = (code: number) => {
    state.exitCode = code;
  };
  const globals = (): CliConfig => {
    const g = program.opts<GlobalOptions>();
    return { store: g.store, color: g.color };
  };

  program
    .command("check")
    .description("type-check .strat sources and report diagnostics")
    .argument("[paths...]", ".strat files or folders (default: the project's sources)")
    .option("--json", "machine-readable diagnostics")
    .addHelpText("after", "\nExamples:\n  $ strat check\n  $ strat check strategies/sma_cross.strat --json\n\nExit 0 when there are no errors (warnings allowed), 1 otherwise.")
    .action(async (paths: string[], opts: { json?: boolean }) => done((await import("./commands/check.js")).runCheck(io, paths, opts, globals())));

  program
    .command("compile")
    .description("compile sources to the canonical JSON plan")
    .argument("[paths...]", ".strat files or folders (default: the project's sources)")
    .option("-o, --output <file>", "write the plan to a file (default: stdout)")
    .addHelpText("after", "\nExamples:\n  $ strat compile -o plan.json\n  $ strat compile strategies gates > plan.json")
    .action(async (paths: string[], opts: { output?: string }) => done((await import("./commands/compile.js")).runCompile(io, paths, opts, globals())));

  program
    .command("plan")
    .description("preview strategies, gates, sweeps, schedules and the data they need")
    .argument("[paths...]", ".strat files or folders (default: the project's sources)")
    .option("--json", "the preview and the plan as JSON")
    .option("--now <time>", "anchor for the schedules' next fire times (default: now)")
    .addHelpText("after", "\nExamples:\n  $ strat plan\n  $ strat plan strategies/operations.strat --now 2026-01-05T00:00:00Z")
    .action(async (paths: string[], opts: { json?: boolean; now?: string }) => done((await import("./commands/plan.js")).runPlan(io, paths, opts, globals())));

  program
    .command("fmt")
    .description("format sources in the one canonical layout (comments kept)")
    .argument("[paths...]", ".strat files or folders (default: the project's sources)")
    .option("--check", "list files that would change and exit 1, writing nothing")
    .addHelpText("after", "\nExamples:\n  $ strat fmt\n  $ strat fmt --check strategies")
    .action(async (paths: string[], opts: { check?: boolean }) => done((await import("./commands/fmt.js")).runFmt(io, paths, opts, globals())));

  program
    .command("explain")
    .description("explain a diagnostic code in full (no code: list every code)")
    .argument("[code]", "a code such as E0402")
    .addHelpText("after", "\nExamples:\n  $ strat explain E0402\n  $ strat explain")
    .action(async (code: string | undefined) => done((await import("./commands/explain.js")).runExplain(io, code)));

  program
    .command("config")
    .description("show every setting, its value and where it came from")
    .option("--json", "as JSON")
    .option("--source <source>", "run_source for new runs")
    .option("--regime <regime>", "data_regime for new runs")
    .option("--periods-per-year <n>", "annualisation periods", (v) => Number(v))
    .addHelpText("after", "\nPrecedence: CLI flag > STRAT_* environment variable > strat.yaml > default.")
    .action(async (opts: { json?: boolean; source?: string; regime?: string; periodsPerYear?: number }) => {
      const { runConfig } = await import("./commands/config.js");
      done(runConfig(io, { ...globals(), runSource: opts.source, dataRegime: opts.regime, periodsPerYear: opts.periodsPerYear }, { json: opts.json }));
    });

  registerRuntimeCommands(program, io, done, globals);
  return program;
}
