// strat fmt [--check] [paths]: rewrite files in the canonical layout.

import { readFileSync, writeFileSync } from "node:fs";
import { format, renderText, SourceFile } from "../../../lang/index.js";
import { collectSourceFiles, SourcesError, toProjectPath } from "../../project/sources.js";
import { EXIT, UserError } from "../errors.js";
import type { CliIo } from "../io.js";
import type { CliConfig } from "../../config/config.js";
import { resolveConfig, useColor } from "../project.js";

/** Options of `strat fmt`. */
export interface FmtOptions {
  check?: boolean;
}

/** Runs `strat fmt`; returns the exit code (1 with --check when a file would change, or on syntax errors). */
export function runFmt(io: CliIo, paths: readonly string[], options: FmtOptions, cli: CliConfig = {}): number {
  const config = resolveConfig(io, cli);
  let files: string[];
  try {
    files = collectSourceFiles(config, io.cwd, paths);
  } catch (error) {
    if (error instanceof SourcesError) throw new UserError(error.message, error.hint, EXIT.error, "R0302");
    throw error;
  }
  let changed = 0;
  let failed = 0;
  for (const absolute of files) {
    const path = toProjectPath(config.root, absolute);
    const source = new SourceFile(path, readFileSync(absolute, "utf8"));
    const result = format(source);
    if (result.diagnostics.some((d) => d.severity === "error")) {
      failed++;
      io.err(renderText(result.diagnostics, new Map([[path, source]]), { color: useColor(io, config) }));
      continue;
    }
    if (result.value === source.text) continue;
    changed++;
    if (options.check) io.out(`would reformat ${path}\n`);
    else {
      writeFileSync(absolute, result.value);
      io.out(`formatted ${path}\n`);
    }
  }
  const verb = options.check ? "would be reformatted" : "reformatted";
  io.err(`${files.length} file${files.length === 1 ? "" : "s"} checked, ${changed} ${verb}${failed > 0 ? `, ${failed} with syntax errors` : ""}\n`);
  if (failed > 0) return EXIT.error;
  return options.check && changed > 0 ? EXIT.error : EXIT.ok;
}
