// strat config: every setting, its value, and where the value came from.

import type { CliConfig, Config, ConfigValue } from "../../config/config.js";
import { EXIT } from "../errors.js";
import type { CliIo } from "../io.js";
import { resolveConfig } from "../project.js";

interface Row {
  readonly key: string;
  readonly setting: ConfigValue<unknown>;
  readonly display: string;
  readonly overriddenBy: string;
}

function rows(config: Config): Row[] {
  const sources = config.sources.value;
  return [
    { key: "sources", setting: config.sources, display: sources.length > 0 ? sources.join(", ") : "(every .strat file under the working folder)", overriddenBy: "paths on the command line, STRAT_SOURCES" },
    { key: "store", setting: config.store, display: config.store.value, overriddenBy: "--store, STRAT_STORE" },
    { key: "color", setting: config.color, display: config.color.value, overriddenBy: "--color, STRAT_COLOR" },
    { key: "run_source", setting: config.runSource, display: config.runSource.value, overriddenBy: "--source, STRAT_RUN_SOURCE" },
    { key: "data_regime", setting: config.dataRegime, display: config.dataRegime.value, overriddenBy: "--regime, STRAT_DATA_REGIME" },
    { key: "periods_per_year", setting: config.periodsPerYear, display: String(config.periodsPerYear.value), overriddenBy: "--periods-per-year, STRAT_PERIODS_PER_YEAR" },
  ];
}

/** Runs `strat config`; returns the exit code. */
export function runConfig(io: CliIo, cli: CliConfig, options: { json?: boolean }): number {
  const config = resolveConfig(io, cli);
  const table = rows(config);
  if (options.json) {
    const settings = Object.fromEntries(table.map((r) => [r.key, { value: r.setting.value, source: r.setting.source }]));
    io.out(JSON.stringify({ root: config.root, file: config.file, precedence: ["cli", "env", "strat.yaml", "default"], settings }, null, 2) + "\n");
    return EXIT.ok;
  }
  io.out(`project root: ${config.root}\nproject file: ${config.file ?? "(none: defaults apply)"}\nprecedence:   CLI flag > environment variable > strat.yaml > default\n\n`);
  const header: [string, string, string, string] = ["setting", "value", "from", "overridden by"];
  const lines = [header, ...table.map((r): [string, string, string, string] => [r.key, r.display, r.setting.source, r.overriddenBy])];
  const width = (i: number) => Math.max(...lines.map((l) => l[i]?.length ?? 0));
  for (const l of lines) io.out(`${l[0].padEnd(width(0))}  ${l[1].padEnd(width(1))}  ${l[2].padEnd(width(2))}  ${l[3]}\n`);
  return EXIT.ok;
}
