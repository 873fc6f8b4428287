// Renders diagnostics the way rustc does: a header `error[E0407]: message`,
// `--> file:line:col`, the source lines with a line-number gutter, carets
// (`^`) under the primary span with its label, dashes (`-`) under secondary
// spans with theirs, then `= hint: ...` lines. Spans in other files get their
// own `::: file:line:col` section. No ANSI codes unless `color` is set.
// Tabs in source lines are shown as four spaces, and columns adjusted to match.

import type { Diagnostic, Label } from "./diagnostic.js";
import type { SourceFile, Span } from "../source.js";

/** Rendering options. */
export interface RenderTextOptions {
  readonly color?: boolean;
}

interface Style {
  readonly header: (severity: string, text: string) => string;
  readonly bold: (text: string) => string;
  readonly gutter: (text: string) => string;
  readonly primary: (severity: string, text: string) => string;
  readonly secondary: (text: string) => string;
}

const plain: Style = { header: (_s, t) => t, bold: (t) => t, gutter: (t) => t, primary: (_s, t) => t, secondary: (t) => t };
const sgr = (code: string, text: string): string => (text.length === 0 ? text : `\u001b[${code}m${text}\u001b[0m`);
const colored: Style = {
  header: (s, t) => sgr(s === "error" ? "1;31" : "1;33", t),
  bold: (t) => sgr("1", t),
  gutter: (t) => sgr("1;34", t),
  primary: (s, t) => sgr(s === "error" ? "1;31" : "1;33", t),
  secondary: (t) => sgr("1;34", t),
};

interface Annotation {
  readonly span: Span;
  readonly label: string;
  readonly primary: boolean;
}

interface Placed {
  readonly line: number;
  readonly startCol: number; // 0-based visual column
  readonly endCol: number; // exclusive, > startCol
  readonly label: string;
  readonly primary: boolean;
}

/** Renders diagnostics as text, one block per diagnostic separated by a blank line; ends with a newline. */
export function renderText(diagnostics: readonly Diagnostic[], files: ReadonlyMap<string, SourceFile>, options: RenderTextOptions = {}): string {
  const style = options.color === true ? colored : plain;
  return diagnostics.map((d) => renderOne(d, files, style)).join("\n");
}

function renderOne(d: Diagnostic, files: ReadonlyMap<string, SourceFile>, style: Style): string {
  const out: string[] = [`${style.header(d.severity, `${d.severity}[${d.code}]`)}${style.bold(`: ${d.message}`)}`];
  const annotations: Annotation[] = [{ span: d.span, label: d.label ?? "", primary: true }, ...d.secondary.map((s: Label) => ({ span: s.span, label: s.message, primary: false }))];
  const order: string[] = [];
  for (const a of annotations) if (!order.includes(a.span.file)) order.push(a.span.file);

  const placedByFile = new Map<string, Placed[]>();
  let width = 1;
  for (const file of order) {
    const source = files.get(file);
    if (source === undefined) continue;
    const placed = annotations.filter((a) => a.span.file === file).map((a) => place(a, source));
    placedByFile.set(file, placed);
    for (const p of placed) width = Math.max(width, String(p.line).length);
  }
  const pad = " ".repeat(width);
  const bar = style.gutter(`${pad} |`);

  order.forEach((file, index) => {
    const source = files.get(file);
    const first = annotations.find((a) => a.span.file === file);
    const where = source === undefined || first === undefined ? file : `${file}:${source.lineCol(first.span.start).line}:${source.lineCol(first.span.start).column}`;
    out.push(`${style.gutter(`${pad}${index === 0 ? "-->" : ":::"}`)} ${where}`);
    const placed = placedByFile.get(file);
    if (source === undefined || placed === undefined) return;
    out.push(bar);
    const lines = [...new Set(placed.map((p) => p.line))].sort((a, b) => a - b);
    let previous = -1;
    for (const line of lines) {
      if (previous !== -1 && line > previous + 1) out.push(style.gutter("..."));
      previous = line;
      const text = expandTabs(source.lineText(line));
      out.push(`${style.gutter(`${String(line).padStart(width)} |`)}${text.length > 0 ? ` ${text}` : ""}`);
      for (const marker of markerLines(placed.filter((p) => p.line === line), d.severity, style)) out.push(`${bar} ${marker}`.trimEnd());
    }
  });
  if (d.hints.length > 0) {
    if (files.has(d.span.file)) out.push(bar);
    for (const hint of d.hints) out.push(`${style.gutter(`${pad} =`)} ${style.bold("hint")}: ${hint}`);
  }
  return out.join("\n") + "\n";
}

function expandTabs(text: string): string {
  return text.replace(/\t/g, "    ");
}

/** Visual column (tabs count 4) of an offset within its line. */
function visualColumn(source: SourceFile, line: number, column: number): number {
  const raw = source.lineText(line).slice(0, column - 1);
  return expandTabs(raw).length;
}

function place(a: Annotation, source: SourceFile): Placed {
  const start = source.lineCol(a.span.start);
  const end = source.lineCol(Math.max(a.span.start, a.span.end));
  const startCol = visualColumn(source, start.line, start.column);
  const lineLength = expandTabs(source.lineText(start.line)).length;
  let endCol = end.line === start.line ? visualColumn(source, end.line, end.column) : lineLength;
  if (endCol <= startCol) endCol = startCol + 1;
  return { line: start.line, startCol, endCol, label: a.label, primary: a.primary };
}

/** The marker line (carets and dashes, the rightmost label inline) and the lines hanging the other labels. */
function markerLines(placed: readonly Placed[], severity: string, style: Style): string[] {
  const sorted = [...placed].sort((a, b) => a.startCol - b.startCol || Number(b.primary) - Number(a.primary));
  const width = Math.max(...sorted.map((p) => p.endCol));
  const cells: { ch: string; primary: boolean }[] = Array.from({ length: width }, () => ({ ch: " ", primary: false }));
  // secondary first so the primary wins where they overlap
  for (const p of [...sorted].sort((a, b) => Number(a.primary) - Number(b.primary))) {
    for (let c = p.startCol; c < p.endCol; c++) cells[c] = { ch: p.primary ? "^" : "-", primary: p.primary };
  }
  const paint = (from: number, to: number): string => {
    let s = "";
    for (let c = from; c < to; c++) {
      const cell = cells[c] ?? { ch: " ", primary: false };
      s += cell.ch === " " ? " " : cell.primary ? style.primary(severity, cell.ch) : style.secondary(cell.ch);
    }
    return s;
  };
  const inline = sorted[sorted.length - 1];
  const first = `${paint(0, width)}${inline !== undefined && inline.label.length > 0 ? ` ${inline.primary ? style.primary(severity, inline.label) : style.secondary(inline.label)}` : ""}`;
  const hanging = sorted.slice(0, -1).filter((p) => p.label.length > 0);
  if (hanging.length === 0) return [first];
  const lines = [first];
  const pipes = (upTo: number): string => {
    const chars = Array.from({ length: width }, () => " ");
    for (const p of hanging.slice(0, upTo)) chars[p.startCol] = "|";
    return chars.join("");
  };
  lines.push(pipes(hanging.length).trimEnd());
  for (let i = hanging.length - 1; i >= 0; i--) {
    const p = hanging[i];
    if (p === undefined) continue;
    const prefix = pipes(i).slice(0, p.startCol).padEnd(p.startCol, " ");
    lines.push(`${prefix}${p.primary ? style.primary(severity, p.label) : style.secondary(p.label)}`);
  }
  return lines;
}
