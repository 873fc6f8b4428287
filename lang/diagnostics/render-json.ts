// Machine-readable diagnostics for `--json`: one object per diagnostic with
// 1-based line and column positions; `endLine`/`endColumn` point just past
// the span (exclusive). A span in a file that was never read (a missing root)
// is reported at 1:1.

import type { Diagnostic } from "./diagnostic.js";
import type { SourceFile, Span } from "../source.js";

interface JsonPosition {
  readonly file: string;
  readonly line: number;
  readonly column: number;
  readonly endLine: number;
  readonly endColumn: number;
}

function position(span: Span, files: ReadonlyMap<string, SourceFile>): JsonPosition {
  const source = files.get(span.file);
  if (source === undefined) return { file: span.file, line: 1, column: 1, endLine: 1, endColumn: 1 };
  const start = source.lineCol(span.start);
  const end = source.lineCol(Math.max(span.start, span.end));
  return { file: span.file, line: start.line, column: start.column, endLine: end.line, endColumn: end.column };
}

/** Renders diagnostics as `{"diagnostics": [...]}` (two-space indented JSON). */
export function renderJson(diagnostics: readonly Diagnostic[], files: ReadonlyMap<string, SourceFile>): string {
  const items = diagnostics.map((d) => ({
    code: d.code,
    severity: d.severity,
    message: d.message,
    ...position(d.span, files),
    label: d.label ?? null,
    secondary: d.secondary.map((s) => ({ ...position(s.span, files), message: s.message })),
    hints: [...d.hints],
  }));
  return JSON.stringify({ diagnostics: items }, null, 2);
}
