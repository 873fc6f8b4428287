// The syntax phase: SourceFile → Module (AST), comments and syntax diagnostics.
// Input: one file and the first node id. Output: ParseResult.
// Codes: E01xx (lexer.ts, parse-errors.ts, build-ast.ts, build-expr.ts).
// Invariants: never throws; ids start at firstId and follow source order
// (pre-order); the AST is built for every part that parsed (ErrorExpr where an
// expression is missing); at most one error per broken item or declaration
// header, apart from a missing `}`, which is always reported.
// Speed: a 10,000-line workspace must check and compile in 150 ms, so the parser
// builds the AST directly (no CST) and the lexer tracks offsets only.

import type { IToken } from "chevrotain";
import type { Module } from "./ast.js";
import type { Diagnostic } from "./diagnostics/diagnostic.js";
import { tokenize, type Comment } from "./lexer.js";
import { numberIds } from "./number-ids.js";
import { lastIndexBefore, translateParseErrors } from "./parse-errors.js";
import { parseTokens } from "./parser.js";
import type { SourceFile } from "./source.js";

export type { Comment } from "./lexer.js";

/** What `parse` returns. */
export interface ParseResult {
  readonly value: Module;
  readonly diagnostics: readonly Diagnostic[];
  /** The first id not used by this file's nodes. */
  readonly nextId: number;
  /** Every comment in the file, in source order. */
  readonly comments: readonly Comment[];
}

/** Parses one file; node ids start at firstId and follow source order. Never throws. */
export function parse(file: SourceFile, firstId = 0): ParseResult {
  const lexed = tokenize(file);
  const docs = collectDocs(file, lexed.tokens, lexed.comments);
  const out = parseTokens(lexed.tokens, file, docs);
  const nextId = numberIds(out.module, firstId);
  const parseDiagnostics = translateParseErrors(out.errors, lexed.tokens, file, out.headers);
  const later = afterLexicalErrors(file, lexed.diagnostics, [...parseDiagnostics, ...out.diagnostics]);
  const found = [...lexed.diagnostics, ...later];
  // most files are clean: skip collecting and sorting every item's start
  const diagnostics = found.length === 0 ? found : oneErrorPerItem(found, segmentStarts(out.module, out.declEnds));
  return { value: out.module, diagnostics, nextId, comments: lexed.comments };
}

/** Offsets where a declaration, an item, or the gap after a closed declaration begins. */
function segmentStarts(module: Module, declEnds: readonly number[]): number[] {
  const starts: number[] = [...declEnds];
  for (const imp of module.imports) starts.push(imp.span.start);
  for (const decl of module.decls) {
    starts.push(decl.span.start);
    if (decl.kind === "Block") for (const item of decl.items) starts.push(item.span.start);
  }
  return starts.sort((a, b) => a - b);
}

function segmentOf(starts: readonly number[], offset: number): number {
  let lo = 0;
  let hi = starts.length - 1;
  let best = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if ((starts[mid] ?? Infinity) <= offset) {
      best = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return best;
}

// Recovery can report one mistake several times (a cascade): keep the first per
// segment. A missing `}` is its own mistake and always kept.
function oneErrorPerItem(diagnostics: readonly Diagnostic[], starts: readonly number[]): Diagnostic[] {
  const seen = new Set<number>();
  const kept: Diagnostic[] = [];
  for (const d of diagnostics) {
    if (d.code !== "E0112") {
      const segment = segmentOf(starts, d.span.start);
      if (seen.has(segment)) continue;
      seen.add(segment);
    }
    kept.push(d);
  }
  return kept.sort((a, b) => a.span.start - b.span.start || (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));
}

// A lexical error (`&&`, an unterminated string) often derails the parser on the
// same line; the lexical message is the one that says what to fix.
function afterLexicalErrors(file: SourceFile, lexical: readonly Diagnostic[], others: readonly Diagnostic[]): Diagnostic[] {
  if (lexical.length === 0) return [...others];
  const lines = new Set(lexical.map((d) => file.lineCol(d.span.start).line));
  return others.filter((d) => !lines.has(file.lineCol(d.span.start).line));
}

/** Maps the offset of a documented token to its `///` lines (prefix stripped, joined by "\n"). */
function collectDocs(file: SourceFile, tokens: readonly IToken[], comments: readonly Comment[]): Map<number, string> {
  const docs = new Map<number, string>();
  for (const c of comments) {
    if (!c.doc || !startsLine(file.text, c.span.start)) continue;
    const next = tokens[lastIndexBefore(tokens, c.span.end) + 1];
    if (next === undefined) continue;
    const line = c.text.slice(3).replace(/^ /, "").trimEnd();
    const prior = docs.get(next.startOffset);
    docs.set(next.startOffset, prior === undefined ? line : `${prior}\n${line}`);
  }
  return docs;
}

/** True when only spaces or tabs precede `offset` on its line. */
export function startsLine(text: string, offset: number): boolean {
  for (let i = offset - 1; i >= 0; i--) {
    const ch = text[i];
    if (ch === "\n") return true;
    if (ch !== " " && ch !== "\t" && ch !== "\r") return false;
  }
  return true;
}
