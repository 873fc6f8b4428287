// Typed constructors for the semantic diagnostics (E02xx–E06xx, W05xx).
// Phases describe the problem (a name, a unit, a value) and these functions
// word it, so every message with one code reads the same way. Hints come from
// the kind of problem (a plain number where a unit is needed → "did you mean
// 365d?"), never from matching message text.

import type { Diagnostic, Label } from "./diagnostic.js";
import type { Span } from "../source.js";
import { didYouMean } from "./suggest.js";

/** Optional parts of a diagnostic. */
export interface DiagnosticParts {
  readonly label?: string;
  readonly secondary?: readonly Label[];
  readonly hints?: readonly (string | null | undefined)[];
}

/** Builds a diagnostic; the severity follows the code's letter (W = warning). */
export function makeDiagnostic(code: string, span: Span, message: string, parts: DiagnosticParts = {}): Diagnostic {
  const hints = (parts.hints ?? []).filter((h): h is string => typeof h === "string" && h.length > 0);
  return {
    code,
    severity: code.startsWith("W") ? "warning" : "error",
    message,
    span,
    ...(parts.label === undefined ? {} : { label: parts.label }),
    secondary: parts.secondary ?? [],
    hints,
  };
}

/** E0207: a name that is not declared anywhere visible. */
export function unknownName(name: string, span: Span, what: string, candidates: Iterable<string>, extraHint?: string): Diagnostic {
  return makeDiagnostic("E0207", span, `unknown ${what} '${name}'`, {
    label: "not found in this scope",
    hints: [didYouMean(name, candidates), extraHint],
  });
}

/** E0214: a declaration that exists in a file this file does not import. */
export function notImported(name: string, span: Span, declaredIn: string, importPath: string): Diagnostic {
  return makeDiagnostic("E0214", span, `'${name}' is declared in ${declaredIn}, which this file does not import`, {
    label: "not imported",
    hints: [`add \`import "${importPath}"\` at the top of the file`],
  });
}

/** E0205/E0206: a second declaration of one name. */
export function duplicateName(code: "E0205" | "E0206", what: string, name: string, span: Span, first: Span): Diagnostic {
  return makeDiagnostic(code, span, `${what} '${name}' is declared twice`, {
    label: "declared again here",
    secondary: [{ span: first, message: "first declared here" }],
    hints: ["rename one of them"],
  });
}

/** E0208: a name found, but of the wrong kind of declaration. */
export function wrongKind(name: string, span: Span, expected: string, found: string, declSpan: Span | null): Diagnostic {
  return makeDiagnostic("E0208", span, `'${name}' is ${found}, not ${expected}`, {
    label: `expected ${expected}`,
    secondary: declSpan === null ? [] : [{ span: declSpan, message: `'${name}' is declared here` }],
  });
}

/** E0301: a value of the wrong type. */
export function typeMismatch(expected: string, found: string, span: Span, hints: readonly (string | null)[] = []): Diagnostic {
  return makeDiagnostic("E0301", span, `expected ${expected}, found ${found}`, { label: `this is ${found}`, hints });
}

/** E0301: a bare name where a string is wanted (`cron daily`, `ticker == SPY`). */
export function bareName(name: string, span: Span, what: string, hint: string): Diagnostic {
  return makeDiagnostic("E0301", span, `expected ${what}, found the bare name '${name}'`, { label: `${what} is written in quotes`, hints: [hint] });
}

/** E0302: two operands whose units do not combine; the primary span is the right operand. */
export function unitMismatch(op: string, left: string, right: string, leftSpan: Span, rightSpan: Span, hint?: string): Diagnostic {
  const verb = op === "+" || op === "-" || op === "*" || op === "/" ? `cannot apply '${op}' to` : `cannot compare`;
  return makeDiagnostic("E0302", rightSpan, `${verb} ${left} and ${right}`, {
    label: `this is ${right}`,
    secondary: [{ span: leftSpan, message: `this is ${left}` }],
    hints: [hint],
  });
}

/** The kinds of unit a plain number may be missing, for the E0303 hint. */
export type MissingUnitKind = "duration" | "duration-or-bars" | "bars" | "money" | "percent" | "bps";

/** E0303: a plain number where a unit suffix is required (`lookback 365` → 365d). */
export function missingUnit(raw: string, kind: MissingUnitKind, span: Span): Diagnostic {
  const wanted = { duration: "a duration", "duration-or-bars": "a duration or a bar count", bars: "a bar count", money: "an amount of money", percent: "a percentage", bps: "basis points" }[kind];
  const hint =
    kind === "duration"
      ? `did you mean ${raw}d?`
      : kind === "duration-or-bars"
        ? `did you mean ${raw}d? (write \`${raw} bars\` for a bar count)`
        : kind === "bars"
          ? `did you mean ${raw} bars?`
          : kind === "money"
            ? `did you mean $${raw}?`
            : kind === "bps"
              ? `did you mean ${raw}bps?`
              : `did you mean ${raw}%?`;
  return makeDiagnostic("E0303", span, `expected ${wanted}, found the plain number ${raw}`, {
    label: "a plain number has no unit",
    hints: [hint],
  });
}

/** Formats a numeric bound for messages in the unit's own notation. */
export function showNumber(value: number, unit: string): string {
  const rounded = (x: number): string => String(Number(x.toPrecision(12)));
  if (unit === "ratio") return `${rounded(value * 100)}%`;
  if (unit === "money") return `$${rounded(value)}`;
  if (unit === "duration") return formatSeconds(value);
  if (unit === "bars") return `${rounded(value)} bars`;
  return rounded(value);
}

/** Seconds as the largest whole unit: 864000 → "10d". */
export function formatSeconds(seconds: number): string {
  const units: [number, string][] = [
    [365 * 86400, "y"],
    [7 * 86400, "w"],
    [86400, "d"],
    [3600, "h"],
    [60, "m"],
  ];
  for (const [size, suffix] of units) {
    if (seconds !== 0 && seconds % size === 0) return `${seconds / size}${suffix}`;
  }
  return `${seconds}s`;
}

/** Describes an inclusive range for messages: "[0%, 100%]", "at least 1", "at most 5%". */
export function showDomain(min: number | undefined, max: number | undefined, unit: string): string {
  if (min !== undefined && max !== undefined) return `[${showNumber(min, unit)}, ${showNumber(max, unit)}]`;
  if (min !== undefined) return `at least ${showNumber(min, unit)}`;
  if (max !== undefined) return `at most ${showNumber(max, unit)}`;
  return "any value";
}
