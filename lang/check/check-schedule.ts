// Schedule blocks: `cron "expr" (tz "Zone")?` and `run a then b then c`. The
// cron expression is validated with cron-parser (five fields, or six with
// seconds, or an @alias) in the time zone; run steps name existing
// strategies, sweeps, gates, promotions or portfolios (the resolver binds
// them). A schedule runs something (E0524).

import { CronExpressionParser } from "cron-parser";
import type { BlockDecl } from "../ast.js";
import { makeDiagnostic } from "../diagnostics/problems.js";
import { checkSettings } from "./check-settings.js";
import { makeEnv, type CheckState, type Env } from "./context.js";
import { evaluate } from "./evaluate.js";
import { isTimeZone } from "./formats.js";

const ALIASES = new Set(["@yearly", "@annually", "@monthly", "@weekly", "@daily", "@hourly", "@midnight"]);

/** Validates a cron expression; returns a reason when it is invalid, else null. */
export function cronProblem(expr: string, tz: string): string | null {
  const trimmed = expr.trim();
  if (!trimmed.startsWith("@")) {
    const fields = trimmed.split(/\s+/).filter((f) => f.length > 0).length;
    if (fields !== 5 && fields !== 6) return `a cron expression has 5 fields (minute hour day month weekday), found ${fields}`;
  } else if (!ALIASES.has(trimmed)) {
    return `unknown alias '${trimmed}'`;
  }
  try {
    CronExpressionParser.parse(trimmed, { tz: isTimeZone(tz) ? tz : "UTC", currentDate: new Date(0) });
    return null;
  } catch (error) {
    return error instanceof Error ? error.message.replace(/\.$/, "").toLowerCase() : "not a cron expression";
  }
}

/** Checks one schedule block. */
export function checkSchedule(state: CheckState, block: BlockDecl): void {
  const env: Env = makeEnv(block.span.file, null, false, `schedule '${block.name.name}'`);
  const settings = checkSettings(state, block, env);
  const cron = settings.get("cron")?.[0];
  if (cron !== undefined && state.types.get(cron.value.id)?.kind !== "error") {
    const expr = evaluate(state, cron.value);
    const tzModifier = cron.modifiers.find((m) => m.key.name === "tz");
    const tz = tzModifier === undefined ? "UTC" : evaluate(state, tzModifier.value);
    if (typeof expr === "string") {
      const problem = cronProblem(expr, typeof tz === "string" ? tz : "UTC");
      if (problem !== null) {
        state.report(
          makeDiagnostic("E0518", cron.value.span, `invalid cron expression "${expr}"`, {
            label: problem,
            hints: ['five fields: minute hour day-of-month month day-of-week, e.g. "0 6 * * 1-5" for 06:00 on weekdays'],
          }),
        );
      }
    }
  }
  if (!block.items.some((i) => i.kind === "Run")) {
    state.report(
      makeDiagnostic("E0524", block.name.span, `schedule '${block.name.name}' runs nothing`, {
        label: "no run steps",
        hints: ["add `run <sweep> then <gate> then <promotion>`"],
      }),
    );
  }
}
