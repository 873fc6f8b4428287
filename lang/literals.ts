// Literal values: the numeric meaning of a literal's text (units normalised as
// lang/ast.ts documents) and calendar-date validation. Pure; never throws.

import type { LiteralUnit } from "./ast.js";

/** A numeric literal's normalised value and unit. */
export interface NumericLiteral {
  readonly value: number;
  readonly unit: LiteralUnit;
  readonly integral: boolean;
}

const SECONDS: Readonly<Record<string, number>> = { s: 1, m: 60, h: 3600, d: 86400, w: 7 * 86400, y: 365 * 86400 };
const MONEY: Readonly<Record<string, number>> = { k: 1e3, m: 1e6, b: 1e9 };

/** Reads `12`, `0.2%`, `5bps`, `$1.5m`, `10d` (the lexer guarantees the shape); NaN when it is none of them. */
export function parseNumericLiteral(raw: string): NumericLiteral {
  const integral = (digits: string): boolean => !/[.eE]/.test(digits);
  if (raw.endsWith("%")) {
    const digits = raw.slice(0, -1);
    return { value: Number(digits) / 100, unit: "percent", integral: integral(digits) };
  }
  if (raw.endsWith("bps")) {
    const digits = raw.slice(0, -3);
    return { value: Number(digits) / 10000, unit: "bps", integral: integral(digits) };
  }
  if (raw.startsWith("$")) {
    const last = raw[raw.length - 1] ?? "";
    const scale = MONEY[last];
    const digits = raw.slice(1, scale === undefined ? undefined : -1);
    return { value: Number(digits) * (scale ?? 1), unit: "money", integral: integral(digits) };
  }
  const scale = SECONDS[raw[raw.length - 1] ?? ""];
  if (scale !== undefined) {
    const digits = raw.slice(0, -1);
    return { value: Number(digits) * scale, unit: "duration", integral: integral(digits) };
  }
  return { value: Number(raw), unit: "number", integral: integral(raw) };
}

function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

const MONTH_DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** True when `YYYY-MM-DD` names a real day of the proleptic Gregorian calendar. */
export function isCalendarDate(text: string): boolean {
  if (text.length !== 10 || text[4] !== "-" || text[7] !== "-") return false;
  const year = digits(text, 0, 4);
  const month = digits(text, 5, 7);
  const day = digits(text, 8, 10);
  if (year < 0 || month < 1 || month > 12 || day < 1) return false;
  const days = month === 2 && isLeapYear(year) ? 29 : (MONTH_DAYS[month - 1] ?? 0);
  return day <= days;
}

// Parsed by hand: this runs for every date literal of a workspace.
function digits(text: string, from: number, to: number): number {
  let value = 0;
  for (let i = from; i < to; i++) {
    const d = text.charCodeAt(i) - 48;
    if (d < 0 || d > 9) return -1;
    value = value * 10 + d;
  }
  return value;
}
