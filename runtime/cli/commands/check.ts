// strat check [paths]: compile and report diagnostics; exit 1 on errors.

import { renderJson, renderText } from "../../../lang/index.js";
import { EXIT } from "../errors.js";
import type { CliIo } from "../io.js";
import type { CliConfig } from "../../config/config.js";
import { compileProject, countSummary, useColor } from "../project.js";

/** Options of `strat check`. */
export interface CheckOptions {
  json?: boolean;
}

/** Runs `strat check`; returns the exit code. */
export function runCheck(io: CliIo, paths: readonly string[], options: CheckOptions, cli: CliConfig = {}): number {
  // check emits no plan, so it skips the compiler's self-check of the plan against its schema
  const { config, roots, output } = compileProject(io, paths, cli, { validatePlan: false });
  const errors = output.diagnostics.filter((d) => d.severity === "error").length;
  const warnings = output.diagnostics.length - errors;
  if (options.json) {
    io.out(renderJson(output.diagnostics, output.files) + "\n");
  } else {
    if (output.diagnostics.length > 0) io.out(renderText(output.diagnostics, output.files, { color: useColor(io, config) }) + "\n");
    const files = output.files.size;
    io.out(`checked ${files} file${files === 1 ? "" : "s"} (${roots.length} named): ${countSummary(errors, warnings)}\n`);
  }
  return errors > 0 ? EXIT.error : EXIT.ok;
}
