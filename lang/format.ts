// strat fmt: one canonical layout, comments kept.
// Input: a SourceFile. Output: the formatted text, or the text unchanged plus
// the syntax diagnostics when the file does not parse.
// Layout: 2-space indent; `kind name {`, one item per line, `}`; one blank line
// between declarations; at most one blank line between items where the user had
// one; comments on their own line stay on their own line before the next
// element; comments inside or after an item on its last line end that line,
// two spaces after the code. Long `or`/`and` chains and `windows` break (print.ts).
// Invariants: idempotent; the reformatted text parses to the same tree; no
// comment text is dropped.

import type * as A from "./ast.js";
import type { Diagnostic } from "./diagnostics/diagnostic.js";
import { hasErrors } from "./diagnostics/diagnostic.js";
import { printConst, printImport, printItem, type PrintedItem } from "./format/print.js";
import { parse, type Comment } from "./parse.js";
import type { SourceFile } from "./source.js";

const INDENT = "  ";

/** Formats a file to the canonical layout, keeping comments. On syntax errors returns the text unchanged plus the diagnostics. */
export function format(file: SourceFile): { readonly value: string; readonly diagnostics: readonly Diagnostic[] } {
  const parsed = parse(file);
  if (hasErrors(parsed.diagnostics)) return { value: file.text, diagnostics: parsed.diagnostics };
  const writer = new Writer(file.text, parsed.comments);
  writer.module(parsed.value);
  return { value: writer.result(), diagnostics: parsed.diagnostics };
}

type Unit = A.ImportDecl | A.Decl;

class Writer {
  private readonly lines: string[] = [];
  private next = 0;
  /** Source offset of the end of the last element written, for blank-line detection. */
  private prevEnd = 0;

  constructor(
    private readonly text: string,
    private readonly comments: readonly Comment[],
  ) {}

  result(): string {
    while (this.lines.length > 0 && this.lines[this.lines.length - 1] === "") this.lines.pop();
    return this.lines.length === 0 ? "" : `${this.lines.join("\n")}\n`;
  }

  module(m: A.Module): void {
    const units: Unit[] = [...m.imports, ...m.decls].sort((a, b) => a.span.start - b.span.start);
    let prev: Unit | null = null;
    for (const unit of units) {
      const blank = prev !== null && (needsBlankLine(prev, unit) || this.userBlank(this.prevEnd, this.firstStart(unit.span.start)));
      this.leadingComments(unit.span.start, "", blank && prev !== null);
      if (unit.kind === "Block") this.block(unit);
      else this.simple(unit.kind === "Import" ? printImport(unit) : printConst(unit), unit.span, "");
      prev = unit;
    }
    this.leadingComments(this.text.length, "", false, true, true);
  }

  private block(b: A.BlockDecl): void {
    const open = this.codeOffsetAfter(b.name.span.end);
    const header = `${b.declKind} ${b.name.name} {`;
    const headerComments = [...this.takeBefore(open + 1), ...this.takeTrailing(open + 1)];
    this.prevEnd = Math.max(open + 1, this.prevEnd);
    const close = b.span.end - 1;
    const hasBody = b.items.length > 0 || this.peekBefore(close);
    if (!hasBody) {
      this.prevEnd = b.span.end;
      const trailing = this.takeTrailing(b.span.end);
      this.prevEnd = Math.max(this.prevEnd, ...trailing.map((c) => c.span.end));
      this.emit(withComments(`${b.declKind} ${b.name.name} {}`, [...headerComments, ...trailing]));
      return;
    }
    this.emit(withComments(header, headerComments));
    let first = true;
    for (const item of b.items) {
      const blank = !first && this.userBlank(this.prevEnd, this.firstStart(item.span.start));
      this.leadingComments(item.span.start, INDENT, blank, !first);
      const printed = printItem(item, INDENT);
      const comments = [...this.takeBefore(item.span.end), ...this.takeTrailing(item.span.end)];
      this.prevEnd = Math.max(this.prevEnd, item.span.end, ...comments.map((c) => c.span.end));
      this.emit(...placeComments(printed, comments));
      first = false;
    }
    this.leadingComments(close, INDENT, false, !first, true);
    this.prevEnd = b.span.end;
    const trailing = this.takeTrailing(b.span.end);
    this.prevEnd = Math.max(this.prevEnd, ...trailing.map((c) => c.span.end));
    this.emit(withComments("}", trailing));
  }

  private simple(line: string, span: A.Node["span"], indent: string): void {
    const comments = [...this.takeBefore(span.end), ...this.takeTrailing(span.end)];
    this.prevEnd = Math.max(span.end, ...comments.map((c) => c.span.end));
    this.emit(withComments(indent + line, comments));
  }

  /**
   * Writes the comments before `offset` on their own lines; `blank` asks for a blank line first.
   * `keepBlanks` keeps the user's blank lines between them and before the element at `offset`
   * (never before a closing `}` or the end of the file).
   */
  private leadingComments(offset: number, indent: string, blank: boolean, keepBlanks = true, closing = false): void {
    let pendingBlank = blank;
    for (const c of this.takeBefore(offset)) {
      if (pendingBlank || (keepBlanks && this.lines.length > 0 && this.userBlank(this.prevEnd, c.span.start))) this.emit("");
      pendingBlank = false;
      this.emit(indent + c.text);
      this.prevEnd = c.span.end;
    }
    if (!closing && (pendingBlank || (keepBlanks && this.lines.length > 0 && this.userBlank(this.prevEnd, offset)))) this.emit("");
  }

  private emit(...lines: string[]): void {
    for (const line of lines) {
      if (line === "" && (this.lines.length === 0 || this.lines[this.lines.length - 1] === "")) continue;
      this.lines.push(line);
    }
  }

  /** True when the source has an empty line between two offsets. */
  private userBlank(from: number, to: number): boolean {
    return /\n[ \t\r]*\n/.test(this.text.slice(from, to));
  }

  /** The start of the first comment or code at or after `prevEnd` and before `start`. */
  private firstStart(start: number): number {
    const c = this.comments[this.next];
    return c !== undefined && c.span.start < start ? c.span.start : start;
  }

  private peekBefore(offset: number): boolean {
    const c = this.comments[this.next];
    return c !== undefined && c.span.start < offset;
  }

  private takeBefore(offset: number): Comment[] {
    const out: Comment[] = [];
    while (this.next < this.comments.length && (this.comments[this.next]?.span.start ?? Infinity) < offset) {
      out.push(this.comments[this.next]!);
      this.next++;
    }
    return out;
  }

  /** Comments that start on the line where `offset` is, after it, with only spaces between. */
  private takeTrailing(offset: number): Comment[] {
    const out: Comment[] = [];
    let pos = offset;
    for (let c = this.comments[this.next]; c !== undefined; c = this.comments[this.next]) {
      if (!/^[ \t]*$/.test(this.text.slice(pos, c.span.start))) break;
      out.push(c);
      pos = c.span.end;
      this.next++;
    }
    return out;
  }

  /** The offset of the first code character at or after `offset`, skipping whitespace and comments. */
  private codeOffsetAfter(offset: number): number {
    let pos = offset;
    let ci = 0;
    while (pos < this.text.length) {
      const ch = this.text[pos]!;
      if (ch === " " || ch === "\t" || ch === "\n" || ch === "\r") {
        pos++;
        continue;
      }
      while (ci < this.comments.length && (this.comments[ci]?.span.start ?? Infinity) < pos) ci++;
      const c = this.comments[ci];
      if (c !== undefined && c.span.start === pos) {
        pos = c.span.end;
        continue;
      }
      return pos;
    }
    return pos;
  }
}

/** Declarations (blocks, and the switch from imports to the rest) are separated by a blank line. */
function needsBlankLine(prev: Unit, next: Unit): boolean {
  if (prev.kind === "Block" || next.kind === "Block") return true;
  return (prev.kind === "Import") !== (next.kind === "Import");
}

/** Ends each line with the comments that were written within its part of the item. */
function placeComments(printed: PrintedItem, comments: readonly Comment[]): string[] {
  return printed.lines.map((line, i) => {
    const from = i === 0 ? -Infinity : (printed.starts[i] ?? Infinity);
    const to = printed.starts[i + 1] ?? Infinity;
    return withComments(line, i === printed.lines.length - 1 ? comments.filter((c) => c.span.start >= from) : comments.filter((c) => c.span.start >= from && c.span.start < to));
  });
}

function withComments(line: string, comments: readonly Comment[]): string {
  if (comments.length === 0) return line;
  // A line comment must come last on its line or it would swallow what follows.
  const ordered = [...comments.filter((c) => c.text.startsWith("/*")), ...comments.filter((c) => !c.text.startsWith("/*"))];
  return `${line}  ${ordered.map((c) => c.text).join(" ")}`;
}
