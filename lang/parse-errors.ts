// Recognition exceptions → diagnostics that name the construct.
// Input: chevrotain's exceptions (their message is only the expected token's
// label, see parser.ts), the token stream, the file, the block declarations seen.
// Output: E0110 expected token, E0111 expected expression, E0112 unclosed block,
// E0113 expected declaration, E0115 expected item, E0119 expected trigger.
// Invariants: every span is real. Tokens inserted by recovery and the EOF token
// have no offsets, so spans anchor to the previous real token.

import type { IRecognitionException, IToken } from "chevrotain";
import type { Diagnostic } from "./diagnostics/diagnostic.js";
import { expectedDeclaration, expectedExpression, expectedItem, expectedToken, expectedTrigger, unclosedBlock } from "./diagnostics/syntax-errors.js";
import type { SourceFile, Span } from "./source.js";

/** A block declaration's header, for "expected '}' to close strategy 'x'". */
export interface BlockHeader {
  readonly kind: string;
  readonly name: string;
  /** Offset of the declaration keyword. */
  readonly start: number;
  /** The `{` token, if it was written. */
  readonly open: Span | null;
}

const EXPRESSION_RULES = new Set(["expression"]);

const CONSTRUCTS: Readonly<Record<string, string>> = {
  module: "file",
  importDecl: "import",
  constDecl: "const",
  blockDecl: "declaration",
  paramItem: "param",
  typeRef: "type",
  domain: "param domain",
  modelItem: "model",
  letItem: "let",
  entryItem: "entry",
  exitItem: "exit",
  requireItem: "require",
  gridItem: "grid",
  constraintItem: "constraint",
  windowsItem: "windows",
  windowSpec: "windows",
  selectItem: "select",
  moveItem: "promotion rule",
  trigger: "trigger",
  adjustItem: "adjust",
  rolloutItem: "rollout",
  rollbackItem: "rollback",
  runItem: "run",
  setting: "setting",
  modifier: "setting",
  callSuffix: "call",
  arg: "call argument",
  indexSuffix: "index",
  memberSuffix: "field access",
  listExpr: "list",
  parenExpr: "parentheses",
};

// What an AT_LEAST_ONE or an OR wanted, by rule, when the parser found nothing it knew.
const WANTED: Readonly<Record<string, string>> = {
  importDecl: 'a path string or `{ names }`',
  typeRef: "a type",
  domain: "`[lo, hi]` or `{a, b, c}`",
  windowsItem: "a window label (search, validate, oos)",
  runItem: "a name",
  item: "a name",
  moveItem: "'promote' or 'demote'",
  setting: "a setting name",
  modelItem: "a name",
  modifier: "'tz' or 'capped'",
};

const BLOCK_WORDS = new Set(["strategy", "gate", "sweep", "sleeve", "portfolio", "promotion", "schedule", "import", "const"]);

/** Describes a token for a message: `'x'` or "the end of the file". */
export function describeToken(tok: IToken | undefined): string {
  if (tok === undefined || tok.tokenType.name === "EOF" || !Number.isFinite(tok.startOffset)) return "the end of the file";
  const image = tok.image.length > 24 ? `${tok.image.slice(0, 21)}...` : tok.image;
  return `'${image}'`;
}

function isReal(tok: IToken | undefined): tok is IToken {
  return tok !== undefined && tok.tokenType.name !== "EOF" && tok.isInsertedInRecovery !== true && Number.isFinite(tok.startOffset);
}

/** Translates chevrotain's exceptions; `blocks` are in source order. */
export function translateParseErrors(
  errors: readonly IRecognitionException[],
  tokens: readonly IToken[],
  file: SourceFile,
  blocks: readonly BlockHeader[],
): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const err of errors) out.push(translate(err, tokens, file, blocks));
  return out;
}

function translate(err: IRecognitionException, tokens: readonly IToken[], file: SourceFile, blocks: readonly BlockHeader[]): Diagnostic {
  const found = isReal(err.token) ? err.token : undefined;
  const prev = previousRealToken(err, tokens);
  const span = errorSpan(file, found, prev);
  const foundText = describeToken(found);
  const prevText = prev?.image ?? null;
  const stack = err.context.ruleStack;
  const rule = stack[stack.length - 1] ?? "module";
  const construct = CONSTRUCTS[rule] ?? "expression";

  if (err.name === "NotAllInputParsedException" || rule === "module") return expectedDeclaration(found === undefined ? span : tokenSpan(file, found), foundText);
  if (err.name === "NoViableAltException" && rule === "trigger") {
    // `g failed`: the gate is there, the outcome word is wrong.
    const next = found === undefined ? undefined : tokens[lastIndexBefore(tokens, found.startOffset + 1) + 1];
    if (found !== undefined && next !== undefined && /^[A-Za-z_]\w*$/.test(found.image) && /^[A-Za-z_]\w*$/.test(next.image)) {
      return expectedTrigger(tokenSpan(file, next), describeToken(next), found.image);
    }
    return expectedTrigger(span, foundText, null);
  }
  if (err.name === "MismatchedTokenException") {
    const expected = err.message;
    if (rule === "blockDecl" && expected === "'}'") {
      const block = enclosingBlock(blocks, prev?.startOffset ?? 0);
      const closing = found === undefined || BLOCK_WORDS.has(found.image);
      if (!closing && block !== undefined && found !== undefined) return expectedItem(tokenSpan(file, found), block.kind, block.name, foundText);
      return unclosedBlock(span, block?.kind ?? "block", block?.name ?? "", block?.open ?? null, foundText);
    }
    if (rule === "blockDecl") {
      const block = enclosingBlock(blocks, prev?.startOffset ?? 0);
      return expectedToken(span, expected, prevText, `${block?.kind ?? "block"} declaration`, foundText);
    }
    if (rule === "typeRef" && expected === "a name") return expectedToken(span, "a type", prevText, parentConstruct(stack), foundText);
    if (EXPRESSION_RULES.has(rule) && expected !== "')'" && expected !== "']'") return expectedExpression(span, prevText, foundText);
    const listLike = (rule === "listExpr" || rule === "callSuffix") && prevText !== "(" && prevText !== "[" && prevText !== ",";
    if (listLike) return withOpener(expectedToken(span, `',' or ${expected}`, prevText, construct, foundText), expected, tokens, prev, file);
    return withOpener(expectedToken(span, expected, prevText, construct, foundText), expected, tokens, prev, file);
  }
  if (EXPRESSION_RULES.has(rule) || rule === "rolloutItem" || rule === "arg") return expectedExpression(span, prevText, foundText);
  if (rule === "blockDecl" && found !== undefined) return itemStartError(found, tokens, file);
  const wanted = WANTED[rule] ?? "an expression";
  return expectedToken(span, wanted, prevText, rule === "typeRef" ? parentConstruct(stack) : construct, foundText);
}

/** The construct around a type: the param or const it belongs to. */
function parentConstruct(stack: readonly string[]): string {
  for (let i = stack.length - 2; i >= 0; i--) {
    const name = CONSTRUCTS[stack[i] ?? ""];
    if (name !== undefined && stack[i] !== "typeRef") return name;
  }
  return "type";
}

// An item began with a keyword or setting name and the next token fits no item:
// `model }`, `strategy =`.
function itemStartError(first: IToken, tokens: readonly IToken[], file: SourceFile): Diagnostic {
  const next = tokens[lastIndexBefore(tokens, first.startOffset + 1) + 1];
  const span = errorSpan(file, next, first);
  if (first.image === "model") return expectedToken(span, "a name", "model", "model", describeToken(next));
  return expectedExpression(span, first.image, describeToken(next));
}

function tokenSpan(file: SourceFile, tok: IToken): Span {
  return { file: file.path, start: tok.startOffset, end: tok.startOffset + tok.image.length };
}

/** The found token when it sits on the previous token's line; otherwise the point just after the previous token. */
function errorSpan(file: SourceFile, found: IToken | undefined, prev: IToken | undefined): Span {
  if (prev === undefined) return found === undefined ? { file: file.path, start: 0, end: 0 } : tokenSpan(file, found);
  const prevEnd = prev.startOffset + prev.image.length;
  if (found !== undefined && !file.text.slice(prevEnd, found.startOffset).includes("\n")) return tokenSpan(file, found);
  return { file: file.path, start: prevEnd, end: prevEnd };
}

function previousRealToken(err: IRecognitionException, tokens: readonly IToken[]): IToken | undefined {
  const withPrev = err as IRecognitionException & { previousToken?: IToken };
  if (isReal(withPrev.previousToken)) return withPrev.previousToken;
  const offset = isReal(err.token) ? err.token.startOffset : Infinity;
  const index = lastIndexBefore(tokens, offset);
  return index < 0 ? undefined : tokens[index];
}

/** Index of the last token starting before `offset`, or -1. */
export function lastIndexBefore(tokens: readonly IToken[], offset: number): number {
  let lo = 0;
  let hi = tokens.length - 1;
  let best = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if ((tokens[mid]?.startOffset ?? Infinity) < offset) {
      best = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return best;
}

function enclosingBlock(blocks: readonly BlockHeader[], offset: number): BlockHeader | undefined {
  let found: BlockHeader | undefined;
  for (const b of blocks) {
    if (b.start <= offset) found = b;
    else break;
  }
  return found;
}

const OPENERS: Readonly<Record<string, [string, string, string]>> = {
  "')'": ["(", ")", "opened here"],
  "']'": ["[", "]", "opened here"],
  "'}'": ["{", "}", "opened here"],
};

/** Adds "opened here" for a missing closing delimiter. */
function withOpener(diag: Diagnostic, expected: string, tokens: readonly IToken[], prev: IToken | undefined, file: SourceFile): Diagnostic {
  const pair = OPENERS[expected];
  if (pair === undefined || prev === undefined) return diag;
  const [open, close, message] = pair;
  let depth = 0;
  for (let i = lastIndexBefore(tokens, prev.startOffset + 1); i >= 0; i--) {
    const tok = tokens[i];
    if (tok === undefined) break;
    if (tok.image === close) depth++;
    else if (tok.image === open) {
      if (depth === 0) return { ...diag, secondary: [{ span: tokenSpan(file, tok), message }] };
      depth--;
    }
  }
  return diag;
}
