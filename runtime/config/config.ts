// Configuration with explicit precedence: CLI flag > STRAT_* environment
// variable > strat.yaml > built-in default. Every resolved value remembers
// where it came from, so `strat config` can show it. Core logic never reads
// the environment; only this module does, from the io it is given.

import { readFileSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { findProjectFile } from "./project-file.js";
import { validateStratYaml } from "./validate.js";
import { parseYaml } from "./yaml.js";

/** Where a setting's value came from. */
export type ConfigSource = "cli" | "env" | "strat.yaml" | "default";

/** One resolved setting. */
export interface ConfigValue<T> {
  readonly value: T;
  readonly source: ConfigSource;
}

/** The resolved configuration. */
export interface Config {
  /** Folder of strat.yaml, or the working directory when there is none. */
  readonly root: string;
  /** Absolute path of strat.yaml, or null. */
  readonly file: string | null;
  readonly sources: ConfigValue<readonly string[]>;
  readonly store: ConfigValue<string>;
  readonly color: ConfigValue<"auto" | "always" | "never">;
  readonly runSource: ConfigValue<"prod" | "paper" | "smoke" | "maintenance">;
  readonly dataRegime: ConfigValue<"prod_live" | "maintenance_replay" | "mixed">;
  readonly periodsPerYear: ConfigValue<number>;
}

/** Values given on the command line (undefined = not given). */
export interface CliConfig {
  store?: string;
  color?: "auto" | "always" | "never";
  runSource?: string;
  dataRegime?: string;
  periodsPerYear?: number;
}

/** Environment variables read, with the setting each one feeds. */
export const ENV_VARS = {
  STRAT_STORE: "store",
  STRAT_SOURCES: "sources",
  STRAT_COLOR: "color",
  STRAT_RUN_SOURCE: "run_source",
  STRAT_DATA_REGIME: "data_regime",
  STRAT_PERIODS_PER_YEAR: "periods_per_year",
} as const;

/** A problem with strat.yaml or an environment variable. */
export class ConfigError extends Error {
  constructor(
    message: string,
    readonly hint: string,
  ) {
    super(message);
  }
}

/** Resolves the configuration for a command run in `cwd`. Throws ConfigError on a bad strat.yaml or variable. */
export function loadConfig(cwd: string, env: Readonly<Record<string, string | undefined>>, cli: CliConfig): Config {
  const file = findProjectFile(cwd);
  const root = file ? dirname(file) : resolve(cwd);
  const yaml = file ? readProjectFile(file) : {};
  const pick = <T>(cliValue: T | undefined, envName: keyof typeof ENV_VARS, parseEnv: (raw: string) => T, yamlValue: T | undefined, fallback: T): ConfigValue<T> => {
    if (cliValue !== undefined) return { value: cliValue, source: "cli" };
    const raw = env[envName];
    if (raw !== undefined && raw !== "") return { value: parseEnv(raw), source: "env" };
    if (yamlValue !== undefined) return { value: yamlValue, source: "strat.yaml" };
    return { value: fallback, source: "default" };
  };
  const oneOf = <T extends string>(name: string, allowed: readonly T[]) => (raw: string): T => {
    if ((allowed as readonly string[]).includes(raw)) return raw as T;
    throw new ConfigError(`${name} is '${raw}', which is not one of ${allowed.join(", ")}`, `set ${name} to one of: ${allowed.join(", ")}`);
  };
  const runSources = ["prod", "paper", "smoke", "maintenance"] as const;
  const regimes = ["prod_live", "maintenance_replay", "mixed"] as const;
  const colors = ["auto", "always", "never"] as const;
  const checkCli = <T extends string>(name: string, allowed: readonly T[], value: string | undefined): T | undefined =>
    value === undefined ? undefined : oneOf(name, allowed)(value);
  return {
    root,
    file,
    sources: pick(undefined, "STRAT_SOURCES", (raw) => raw.split(",").map((s) => s.trim()).filter(Boolean), yaml.sources, []),
    store: pick(cli.store, "STRAT_STORE", (raw) => raw, yaml.store, ".strat/strat.db"),
    color: pick(cli.color, "STRAT_COLOR", oneOf("STRAT_COLOR", colors), yaml.color, "auto"),
    runSource: pick(checkCli("--source", runSources, cli.runSource), "STRAT_RUN_SOURCE", oneOf("STRAT_RUN_SOURCE", runSources), yaml.run_source, "smoke"),
    dataRegime: pick(checkCli("--regime", regimes, cli.dataRegime), "STRAT_DATA_REGIME", oneOf("STRAT_DATA_REGIME", regimes), yaml.data_regime, "prod_live"),
    periodsPerYear: pick(cli.periodsPerYear, "STRAT_PERIODS_PER_YEAR", parsePeriods, yaml.periods_per_year, 252),
  };
}

function parsePeriods(raw: string): number {
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 1 || n > 366) {
    throw new ConfigError(`STRAT_PERIODS_PER_YEAR is '${raw}', not a whole number from 1 to 366`, "use 252 for exchange calendars or 365 for markets that trade every day");
  }
  return n;
}

/** The keys of strat.yaml, typed. */
interface StratYaml {
  sources?: string[];
  store?: string;
  color?: "auto" | "always" | "never";
  run_source?: "prod" | "paper" | "smoke" | "maintenance";
  data_regime?: "prod_live" | "maintenance_replay" | "mixed";
  periods_per_year?: number;
}

function readProjectFile(file: string): StratYaml {
  let parsed: unknown;
  try {
    parsed = parseYaml(readFileSync(file, "utf8")) ?? {};
  } catch (error) {
    throw new ConfigError(`${file} is not valid YAML: ${(error as Error).message.split("\n")[0]}`, "fix the YAML syntax in strat.yaml");
  }
  const problems = validateStratYaml(parsed);
  if (problems.length > 0) {
    throw new ConfigError(`${file} is not a valid strat.yaml: ${problems.join("; ")}`, "see specs/strat-yaml.schema.json for the keys strat.yaml accepts");
  }
  return parsed as StratYaml;
}
