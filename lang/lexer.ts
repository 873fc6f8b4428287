// Lexer: source text → tokens for the parser, comments for the formatter and
// doc attachment, lexical diagnostics.
// Input: a SourceFile. Output: `tokenize` → { tokens, comments, diagnostics }.
// Codes: E0101 unexpected character, E0102 unterminated string, E0103 unterminated
// block comment, E0104 unknown string escape, E0105 malformed number.
// Invariants: never throws; the chevrotain lexer is built on first use, only for
// files the fast lexer (lexer-fast.ts) leaves to it. Malformed literals still
// reach the parser as literals (unterminated strings as strings, `10days` as a
// number) so one lexical mistake yields one diagnostic, not a parse cascade.
// Tokens carry offsets only: spans are offsets, and SourceFile computes lines.

import { Lexer, type IToken } from "chevrotain";
import type { Diagnostic } from "./diagnostics/diagnostic.js";
import type { SourceFile, Span } from "./source.js";
import { lexDiagnostic } from "./diagnostics/syntax-errors.js";
import { scanClean } from "./lexer-fast.js";
import { BadNumber, Identifier, KEYWORDS, LEXER_TOKENS, LineComment, StringLit, UnterminatedBlockComment, UnterminatedString } from "./tokens.js";

export { ALL_TOKENS, BinOp, BlockComment, BpsLit, CKW, DateLit, DurationLit, Identifier, KW, LineComment, MoneyLit, NumberLike, P, PercentLit, PlainNumber, ReservedWord, StringLit } from "./tokens.js";

/** A comment kept for the formatter and for doc attachment. */
export interface Comment {
  readonly span: Span;
  /** The comment exactly as written, delimiters included. */
  readonly text: string;
  /** True for `/// doc` comments. */
  readonly doc: boolean;
}

let shared: Lexer | null = null;

// Analysing the patterns costs ~25 ms: only files with lexical errors need it.
function chevrotainLexer(): Lexer {
  return (shared ??= new Lexer([...LEXER_TOKENS], {
    ensureOptimizations: true,
    positionTracking: "onlyOffset",
    errorMessageProvider: {
      buildUnexpectedCharactersMessage: () => "unexpected character",
      buildUnableToPopLexerModeMessage: () => "unexpected end of lexer mode",
    },
  }));
}

/** The lexer's output. */
export interface TokenizeResult {
  /** Tokens for the parser (comments and whitespace removed). */
  readonly tokens: IToken[];
  /** Every comment, in source order. */
  readonly comments: readonly Comment[];
  readonly diagnostics: readonly Diagnostic[];
}

/** True for a `///` doc comment (`////` is an ordinary comment). */
export function isDocCommentText(text: string): boolean {
  return text.startsWith("///") && !text.startsWith("////");
}

/**
 * Splits the file into tokens and comments; reports lexical errors. Never throws.
 * `fastPath` false forces chevrotain, so tests can check both give the same output.
 */
export function tokenize(file: SourceFile, fastPath = true): TokenizeResult {
  const clean = fastPath ? scanClean(file.text) : null;
  const out = clean === null ? chevrotainLexer().tokenize(file.text) : { tokens: clean.tokens, groups: { comments: clean.comments }, errors: [] };
  const diagnostics: Diagnostic[] = [];
  for (const err of out.errors) {
    const span = { file: file.path, start: err.offset, end: err.offset + err.length };
    const shown = file.text.slice(err.offset, err.offset + Math.min(err.length, 20));
    diagnostics.push(lexDiagnostic("E0101", span, shown));
  }
  const comments: Comment[] = [];
  for (const tok of out.groups["comments"] ?? []) {
    const span = tokenSpan(file.path, tok);
    if (tok.tokenType === UnterminatedBlockComment) diagnostics.push(lexDiagnostic("E0103", { ...span, end: span.start + 2 }, tok.image));
    comments.push({ span, text: tok.image, doc: tok.tokenType === LineComment && isDocCommentText(tok.image) });
  }
  for (const tok of out.tokens) {
    if (tok.tokenType === Identifier) {
      // the fast lexer typed keywords already
      if (clean !== null) continue;
      const kw = KEYWORDS.get(tok.image);
      if (kw !== undefined) {
        tok.tokenType = kw;
        tok.tokenTypeIdx = kw.tokenTypeIdx!;
      }
    } else if (tok.tokenType === UnterminatedString) diagnostics.push(lexDiagnostic("E0102", tokenSpan(file.path, tok), tok.image));
    else if (tok.tokenType === StringLit) checkEscapes(file.path, tok, diagnostics);
    else if (tok.tokenType === BadNumber) diagnostics.push(lexDiagnostic("E0105", tokenSpan(file.path, tok), tok.image));
  }
  diagnostics.sort((a, b) => a.span.start - b.span.start);
  return { tokens: out.tokens, comments, diagnostics };
}

/** The exclusive span of a real token. */
export function tokenSpan(file: string, tok: IToken): Span {
  return { file, start: tok.startOffset, end: tok.startOffset + tok.image.length };
}

const ESCAPES: Readonly<Record<string, string>> = { '"': '"', "\\": "\\", n: "\n", t: "\t" };

function checkEscapes(file: string, tok: IToken, diagnostics: Diagnostic[]): void {
  const raw = tok.image;
  for (let i = 1; i < raw.length - 1; i++) {
    if (raw[i] !== "\\") continue;
    const next = raw[i + 1] ?? "";
    if (!(next in ESCAPES)) {
      const start = tok.startOffset + i;
      diagnostics.push(lexDiagnostic("E0104", { file, start, end: start + 2 }, raw.slice(i, i + 2)));
    }
    i++;
  }
}

/** Resolves a string literal's escapes (unknown escapes keep the escaped character; an unterminated string ends at the line). */
export function decodeString(raw: string): string {
  let out = "";
  for (let i = 1; i < raw.length; i++) {
    const ch = raw[i]!;
    if (ch === '"') break;
    if (ch === "\\") {
      const next = raw[i + 1];
      if (next !== undefined) out += ESCAPES[next] ?? next;
      i++;
    } else out += ch;
  }
  return out;
}
