// Diagnostics are data: a stable code, a severity, a one-clause message, a
// primary span, labelled secondary spans and hints. Renderers (text, JSON)
// turn them into output; phases only create them.

import type { Span } from "../source.js";

/** How bad a diagnostic is. */
export type Severity = "error" | "warning";

/** A labelled secondary span ("first declared here"). */
export interface Label {
  readonly span: Span;
  readonly message: string;
}

/** One finding of a compiler phase. */
export interface Diagnostic {
  /** Stable code from lang/diagnostics/codes.ts, e.g. "E0301". */
  readonly code: string;
  readonly severity: Severity;
  /** Headline: one clause, lowercase, no trailing period. */
  readonly message: string;
  readonly span: Span;
  /** Short text under the primary carets (why). */
  readonly label?: string;
  readonly secondary: readonly Label[];
  /** What to do ("did you mean 15%?"). */
  readonly hints: readonly string[];
}

/** The result of every phase: a value and what was found on the way. */
export interface PhaseResult<T> {
  readonly value: T;
  readonly diagnostics: readonly Diagnostic[];
}

/** True when any diagnostic is an error. */
export function hasErrors(diagnostics: readonly Diagnostic[]): boolean {
  return diagnostics.some((d) => d.severity === "error");
}

/** Orders diagnostics by file, then offset, then code, for stable output. */
export function sortDiagnostics(diagnostics: readonly Diagnostic[]): Diagnostic[] {
  return [...diagnostics].sort(
    (a, b) =>
      (a.span.file < b.span.file ? -1 : a.span.file > b.span.file ? 1 : 0) ||
      a.span.start - b.span.start ||
      (a.code < b.code ? -1 : a.code > b.code ? 1 : 0),
  );
}
