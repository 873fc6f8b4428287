// Literals against the type the context expects. A plain number takes the
// unit the context wants when that is unambiguous (a ratio in [-1, 1], an int
// when integral, a bar count for a `bars` slot); where a unit suffix is
// needed (a duration, money, a percentage beyond ±100%) it is an error whose
// hint shows the literal with the suffix. Strings become tickers, times of
// day or time zones in the slots that want them, and are validated.

import type { NumberLit, StringLit } from "../ast.js";
import { makeDiagnostic, missingUnit, typeMismatch } from "../diagnostics/problems.js";
import { didYouMean } from "../diagnostics/suggest.js";
import { isIsoDate } from "../../specs/plan-validation.js";
import type { ScalarUnit } from "../../stdlib/signature.js";
import type { CheckState } from "./context.js";
import { isTicker, isTimeOfDay, isTimeZone, timeZoneNames } from "./formats.js";
import { alternatives, Ty } from "./types.js";

/** Scalar units an expected type accepts (from its scalar and series alternatives). */
export function expectedUnits(expected: Ty | null): ReadonlySet<ScalarUnit> {
  if (expected === null) return NO_UNITS;
  let units = UNITS.get(expected);
  if (units === undefined) {
    const out = new Set<ScalarUnit>();
    for (const alt of alternatives(expected)) if (alt.kind === "scalar" || alt.kind === "series") out.add(alt.unit);
    units = out;
    UNITS.set(expected, units);
  }
  return units;
}

const NO_UNITS: ReadonlySet<ScalarUnit> = new Set();
const UNITS = new WeakMap<Ty, ReadonlySet<ScalarUnit>>();

/** Types a number literal in its context, reporting a missing unit. */
export function checkNumberLit(state: CheckState, lit: NumberLit, expected: Ty | null): Ty {
  switch (lit.unit) {
    case "percent":
    case "bps":
      return Ty.scalar("ratio");
    case "money":
      return Ty.scalar("money");
    case "duration":
      return Ty.scalar("duration");
    case "bars":
      if (!lit.integral) {
        state.report(notWhole(lit, "a bar count"));
        return Ty.error;
      }
      return Ty.scalar("bars");
    case "number":
      break;
  }
  const natural = Ty.scalar(lit.integral ? "int" : "number");
  const units = expectedUnits(expected);
  if (units.size === 0) return natural;
  if (units.has("number")) return Ty.scalar("number");
  if (units.has("int") && lit.integral) return Ty.scalar("int");
  if (units.has("ratio")) {
    if (Math.abs(lit.value) <= 1) return Ty.scalar("ratio");
    state.report(missingUnit(lit.raw, "percent", lit.span));
    return Ty.error;
  }
  if (units.has("bars") && !units.has("duration")) {
    if (lit.integral) return Ty.scalar("bars");
    state.report(notWhole(lit, "a bar count"));
    return Ty.error;
  }
  if (units.has("duration")) {
    state.report(missingUnit(lit.raw, units.has("bars") ? "duration-or-bars" : "duration", lit.span));
    return Ty.error;
  }
  if (units.has("money")) {
    state.report(missingUnit(lit.raw, "money", lit.span));
    return Ty.error;
  }
  if (units.has("int")) {
    state.report(notWhole(lit, "a whole number"));
    return Ty.error;
  }
  return natural;
}

function notWhole(lit: NumberLit, what: string) {
  return makeDiagnostic("E0409", lit.span, `expected ${what}, found ${lit.raw}`, {
    label: "not a whole number",
    hints: [`write a whole number such as ${Math.round(lit.value)}`],
  });
}

/** Types a string literal in its context: a ticker, a time of day, a time zone or a plain string. */
export function checkStringLit(state: CheckState, lit: StringLit, expected: Ty | null): Ty {
  const units = expectedUnits(expected);
  if (units.has("ticker")) {
    if (!isTicker(lit.value)) {
      state.report(
        makeDiagnostic("E0320", lit.span, `'${lit.value}' is not a valid ticker`, {
          label: "tickers are letters, digits and . = ^ - _",
          hints: ['write the symbol as your data source names it, e.g. "AAPL", "GC=F", "^GSPC"'],
        }),
      );
      return Ty.error;
    }
    return Ty.scalar("ticker");
  }
  if (units.has("time")) {
    if (!isTimeOfDay(lit.value)) {
      state.report(
        makeDiagnostic("E0318", lit.span, `'${lit.value}' is not a time of day`, {
          label: "expected HH:MM, from 00:00 to 23:59",
          hints: ['write a 24-hour time with two digits each, e.g. "09:30"'],
        }),
      );
      return Ty.error;
    }
    return Ty.scalar("time");
  }
  if (units.has("timezone")) {
    if (!isTimeZone(lit.value)) {
      state.report(unknownZone(lit));
      return Ty.error;
    }
    return Ty.scalar("timezone");
  }
  if (units.has("date") && !units.has("string")) {
    state.report(typeMismatch("a date", "a string", lit.span, [isIsoDate(lit.value) ? `write the date without quotes: ${lit.value}` : "write a date as YYYY-MM-DD, without quotes"]));
    return Ty.error;
  }
  return Ty.scalar("string");
}

/** E0319 for a time zone Intl does not know. */
export function unknownZone(lit: StringLit) {
  return makeDiagnostic("E0319", lit.span, `unknown time zone '${lit.value}'`, {
    label: "not an IANA time zone",
    hints: [didYouMean(lit.value, timeZoneNames()) ?? 'use an IANA name such as "America/New_York", "Europe/London" or "UTC"'],
  });
}

/** Types a date literal; the lexer has already checked that it names a calendar day (E0106). */
export function checkDateLit(): Ty {
  return Ty.scalar("date");
}
