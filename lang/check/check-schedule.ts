// Schedule blocks: `cron "expr" (tz "Zone")?` and `run a then b then c`. The
// cron expression is validated with cron-parser (five fields, or six with
// seconds, or an @alias; the zone is checked as a setting); run steps name existing
// strategies, sweeps, gates, promotions or portfolios (the resolver binds
// them). A schedule runs something (E0524).

import type { BlockDecl } from "../ast.js";
import { makeDiagnostic } from "../diagnostics/problems.js";
import { checkSettings } from "./check-settings.js";
import { makeEnv, type CheckState, type Env } from "./context.js";
import { cronParser } from "./cron-loader.js";
import { evaluate } from "./evaluate.js";

const ALIASES = new Set(["@yearly", "@annually", "@monthly", "@weekly", "@daily", "@hourly", "@midnight"]);

/**
 * Validates a cron expression; returns a reason when it is invalid, else null.
 * The time zone cannot make an expression invalid (it is checked on its own),
 * so the expression is parsed in UTC: a named zone would load ICU's zone data.
 */
export function cronProblem(expr: string): string | null {
  const trimmed = expr.trim();
  if (!trimmed.startsWith("@")) {
    const fields = trimmed.split(/\s+/).filter((f) => f.length > 0).length;
    if (fields !== 5 && fields !== 6) return `a cron expression has 5 fields (minute hour day month weekday), found ${fields}`;
  } else if (!ALIASES.has(trimmed)) {
    return `unknown alias '${trimmed}'`;
  }
  const range = trimmed.startsWith("@") ? null : fieldOutOfRange(trimmed.split(/\s+/).filter((f) => f.length > 0));
  if (range !== null) return range;
  try {
    cronParser().parse(trimmed, { tz: "UTC", currentDate: new Date(0) });
    return null;
  } catch (error) {
    return error instanceof Error ? reword(error.message) : "not a cron expression";
  }
}

/** The fields of a five-field expression, with their ranges; a sixth field (seconds) comes first. */
const FIELDS: readonly { readonly name: string; readonly min: number; readonly max: number }[] = [
  { name: "minute", min: 0, max: 59 },
  { name: "hour", min: 0, max: 23 },
  { name: "day of month", min: 1, max: 31 },
  { name: "month", min: 1, max: 12 },
  { name: "day of week", min: 0, max: 7 },
];

/** "hour 25 is outside 0-23" for the first numeric value out of its field's range, else null. */
function fieldOutOfRange(fields: readonly string[]): string | null {
  const specs = fields.length === 6 ? [{ name: "second", min: 0, max: 59 }, ...FIELDS] : FIELDS;
  for (let i = 0; i < fields.length; i++) {
    const spec = specs[i];
    if (spec === undefined) continue;
    for (const item of (fields[i] ?? "").split(",")) {
      // the step after '/' is a count, not a value of the field
      for (const part of (item.split("/")[0] ?? "").split("-")) {
        if (!/^\d+$/.test(part)) continue;
        const v = Number(part);
        if (v < spec.min || v > spec.max) return `${spec.name} ${v} is outside ${spec.min}-${spec.max}`;
      }
    }
  }
  return null;
}

/** cron-parser's messages, in the words of the rest of the compiler. */
function reword(message: string): string {
  const chars = /invalid characters, got value: (.*)$/i.exec(message);
  if (chars !== null) return `'${chars[1] ?? ""}' is not a cron value`;
  const range = /got (?:value|range) (\S+) expected range (\S+)/i.exec(message);
  if (range !== null) return `${range[1] ?? ""} is outside ${range[2] ?? ""}`;
  return message.replace(/^(constraint|validation) error, /i, "").replace(/[.!]$/, "").toLowerCase();
}

/** Checks one schedule block. */
export function checkSchedule(state: CheckState, block: BlockDecl): void {
  const env: Env = makeEnv(block.span.file, null, false, `schedule '${block.name.name}'`);
  const settings = checkSettings(state, block, env);
  const cron = settings.get("cron")?.[0];
  if (cron !== undefined && state.types.get(cron.value.id)?.kind !== "error") {
    const expr = evaluate(state, cron.value);
    if (typeof expr === "string") {
      const problem = cronProblem(expr);
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
