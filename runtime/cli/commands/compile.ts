// strat compile [paths] [-o plan.json]: write the canonical plan.

import { writeFileSync } from "node:fs";
import { resolve } from "node:path";
import { renderText } from "../../../lang/index.js";
import { serializeSorted } from "../../plan/serialize.js";
import { EXIT, UserError } from "../errors.js";
import type { CliIo } from "../io.js";
import type { CliConfig } from "../../config/config.js";
import { compileProject, countSummary, useColor } from "../project.js";

/** Options of `strat compile`. */
export interface CompileCommandOptions {
  output?: string;
}

/** Runs `strat compile`; returns the exit code. */
export function runCompile(io: CliIo, paths: readonly string[], options: CompileCommandOptions, cli: CliConfig = {}): number {
  const { config, output } = compileProject(io, paths, cli);
  if (output.diagnostics.length > 0) io.err(renderText(output.diagnostics, output.files, { color: useColor(io, config) }));
  if (!output.plan) {
    const errors = output.diagnostics.filter((d) => d.severity === "error").length;
    io.err(`no plan written: ${countSummary(errors, output.diagnostics.length - errors)}\n`);
    return EXIT.error;
  }
  const text = serializeSorted(output.plan);
  if (options.output === undefined || options.output === "-") {
    io.out(text);
    return EXIT.ok;
  }
  const target = resolve(io.cwd, options.output);
  try {
    writeFileSync(target, text);
  } catch (error) {
    throw new UserError(`cannot write ${options.output}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`, "check that the folder exists and is writable");
  }
  io.err(`wrote ${options.output} (plan ${output.plan.hash.slice(0, 12)})\n`);
  return EXIT.ok;
}
