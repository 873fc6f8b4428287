// The plan a runtime command works on: a plan file (--plan), or the sources
// compiled in-process. Either way it is validated before use.

import { resolve } from "node:path";
import type { Plan } from "../../../specs/generated/plan.js";
import { renderText } from "../../../lang/index.js";
import type { CliConfig } from "../../config/config.js";
import { acceptPlan, loadPlanFile, PlanLoadError } from "../../plan/load.js";
import { serializeSorted } from "../../plan/serialize.js";
import { EXIT, UserError } from "../errors.js";
import type { CliIo } from "../io.js";
import { compileProject, countSummary, useColor } from "../project.js";

/** The validated plan, and the root files it was compiled from (empty for a plan file). */
export interface PlanSource {
  readonly plan: Plan;
  readonly roots: readonly string[];
}

/** Loads --plan or compiles the paths; the runtime reads only validated plans. */
export function loadPlanSource(io: CliIo, paths: readonly string[], planFile: string | undefined, cli: CliConfig): PlanSource {
  try {
    if (planFile !== undefined) {
      if (paths.length > 0) throw new UserError("pass either --plan or source paths, not both", "drop the paths to use the plan file", EXIT.usage);
      return { plan: loadPlanFile(resolve(io.cwd, planFile)), roots: [] };
    }
    const { config, roots, output } = compileProject(io, paths, cli);
    if (!output.plan) {
      io.err(renderText(output.diagnostics, output.files, { color: useColor(io, config) }));
      const errors = output.diagnostics.filter((d) => d.severity === "error").length;
      throw new UserError(`the sources do not compile: ${countSummary(errors, output.diagnostics.length - errors)}`, "fix the errors above (`strat check` shows them)");
    }
    return { plan: acceptPlan(JSON.parse(serializeSorted(output.plan)), "the compiled plan"), roots };
  } catch (error) {
    if (error instanceof PlanLoadError) throw new UserError(error.message, error.hint, EXIT.error, error.code);
    throw error;
  }
}

/** The validated plan only. */
export function planForCommand(io: CliIo, paths: readonly string[], planFile: string | undefined, cli: CliConfig): Plan {
  return loadPlanSource(io, paths, planFile, cli).plan;
}
