// strat plan [paths] [--json] [--now ISO]: preview what the sources will do.

import { renderText } from "../../../lang/index.js";
import { previewPlan } from "../../plan/preview.js";
import { serializeSorted } from "../../plan/serialize.js";
import { renderPlanText } from "../render/plan-text.js";
import { EXIT, UserError } from "../errors.js";
import type { CliIo } from "../io.js";
import type { CliConfig } from "../../config/config.js";
import { compileProject, countSummary, useColor } from "../project.js";

/** Options of `strat plan`. */
export interface PlanOptions {
  json?: boolean;
  now?: string;
}

/** Parses --now, or takes the io clock. */
export function resolveNow(io: CliIo, now: string | undefined): Date {
  if (now === undefined) return io.now();
  const date = new Date(now);
  if (Number.isNaN(date.getTime())) throw new UserError(`--now '${now}' is not a date`, "use an ISO date or time, e.g. 2026-01-05 or 2026-01-05T06:00:00Z", EXIT.usage);
  return date;
}

/** Runs `strat plan`; returns the exit code. */
export function runPlan(io: CliIo, paths: readonly string[], options: PlanOptions, cli: CliConfig = {}): number {
  const now = resolveNow(io, options.now);
  const { config, output } = compileProject(io, paths, cli);
  if (output.diagnostics.length > 0) io.err(renderText(output.diagnostics, output.files, { color: useColor(io, config) }));
  if (!output.plan) {
    const errors = output.diagnostics.filter((d) => d.severity === "error").length;
    io.err(`no plan: ${countSummary(errors, output.diagnostics.length - errors)}\n`);
    return EXIT.error;
  }
  const preview = previewPlan(output.plan, now);
  io.out(options.json ? serializeSorted({ preview, plan: output.plan }) : renderPlanText(preview));
  return EXIT.ok;
}
