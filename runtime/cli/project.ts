// Shared by the commands that compile sources: resolve config, collect files,
// compile, and turn config/source problems into UserErrors.

import { compile, type CompileOutput } from "../../lang/index.js";
import { ConfigError, loadConfig, type CliConfig, type Config } from "../config/config.js";
import { collectSourceFiles, fileHost, SourcesError, toProjectPath } from "../project/sources.js";
import { UserError } from "./errors.js";
import type { CliIo } from "./io.js";

/** Resolves the configuration, converting problems into user errors. */
export function resolveConfig(io: CliIo, cli: CliConfig): Config {
  try {
    return loadConfig(io.cwd, io.env, cli);
  } catch (error) {
    if (error instanceof ConfigError) throw new UserError(error.message, error.hint, 1, "R0301");
    throw error;
  }
}

/** The project's compiled sources. */
export interface CompiledProject {
  readonly config: Config;
  readonly roots: readonly string[];
  readonly output: CompileOutput;
}

/** Compiles the named paths (or the project's sources). */
export function compileProject(io: CliIo, paths: readonly string[], cli: CliConfig = {}, options: { validatePlan?: boolean } = {}): CompiledProject {
  const config = resolveConfig(io, cli);
  let absolute: string[];
  try {
    absolute = collectSourceFiles(config, io.cwd, paths);
  } catch (error) {
    if (error instanceof SourcesError) throw new UserError(error.message, error.hint, 1, "R0302");
    throw error;
  }
  const roots = absolute.map((file) => toProjectPath(config.root, file));
  const output = compile({ roots, host: fileHost(config.root), validatePlan: options.validatePlan });
  return { config, roots, output };
}

/** Whether to color output, from the resolved setting and the terminal. */
export function useColor(io: CliIo, config: Config): boolean {
  if (config.color.value === "always") return true;
  if (config.color.value === "never") return false;
  return io.isTty && io.env["NO_COLOR"] === undefined;
}

/** "2 errors, 1 warning" */
export function countSummary(errors: number, warnings: number): string {
  return `${errors} error${errors === 1 ? "" : "s"}, ${warnings} warning${warnings === 1 ? "" : "s"}`;
}
