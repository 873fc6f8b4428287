// Fast path of the lexer: a hand-written scanner for files without lexical
// errors, giving exactly the tokens chevrotain's lexer (lexer.ts) gives.
// Input: source text. Output: tokens and comment tokens, or null at the first
// character chevrotain would report (an unexpected character, an unterminated
// string or block comment, a malformed number); lexer.ts then lexes the file
// with chevrotain, which reports them.
// Invariants: at each offset the candidates are tried in the order of
// LEXER_TOKENS (tokens.ts), each with its own pattern (sticky copies), so the
// first match is chevrotain's first match; tokens have chevrotain's
// "onlyOffset" shape. Words are retyped to keywords here, as tokenize does.
// lexer-fast.test.ts checks both lexers agree on random and real sources.
// Why: building chevrotain's lexer analyses every pattern (~25 ms of each cold
// start) and its per-token bookkeeping was a visible share of warm compiles.

import type { IToken, TokenType } from "chevrotain";
import { BlockComment, BpsLit, DateLit, DurationLit, Identifier, KEYWORDS, LineComment, MoneyLit, P, PercentLit, PlainNumber, StringLit } from "./tokens.js";

/** Tokens and comments of a file without lexical errors. */
export interface CleanLex {
  readonly tokens: IToken[];
  readonly comments: IToken[];
}

function sticky(type: TokenType): RegExp {
  const pattern = type.PATTERN;
  if (!(pattern instanceof RegExp)) throw new Error(`token ${type.name} has no pattern`);
  return new RegExp(pattern.source, "y");
}

// The patterns that can start with a digit, in lexer order; BadNumber (the
// last candidate) is an error, so the fast path stops there.
const DIGIT_TOKENS: readonly { readonly type: TokenType; readonly re: RegExp }[] = [DateLit, PercentLit, BpsLit, DurationLit, PlainNumber].map((type) => ({ type, re: sticky(type) }));
const MONEY = sticky(MoneyLit);
const STRING = sticky(StringLit);
const BLOCK_COMMENT = sticky(BlockComment);

// Single-character punctuation by char code; the two-character marks are handled in `scanClean`.
const SINGLE = new Map<number, TokenType>([
  [0x7b, P.LCurly],
  [0x7d, P.RCurly],
  [0x28, P.LParen],
  [0x29, P.RParen],
  [0x5b, P.LBrack],
  [0x5d, P.RBrack],
  [0x2c, P.Comma],
  [0x3a, P.Colon],
  [0x2b, P.Plus],
  [0x2a, P.Star],
]);

// Words (names and keywords) are interned in an open-addressing table keyed by
// a hash computed while scanning: a repeated word costs no new string and no
// Map lookup, keywords get their token type from the same slot, and later
// phases look the same string objects up (their hashes are already known).
const WORD_SLOTS = 1 << 14;
const WORD_MASK = WORD_SLOTS - 1;
// half full at most, so probes stay short; later new words are sliced, not kept
const WORD_LIMIT = WORD_SLOTS >> 1;
const words: (string | undefined)[] = new Array<string | undefined>(WORD_SLOTS);
const wordTypes: (TokenType | undefined)[] = new Array<TokenType | undefined>(WORD_SLOTS);
let wordCount = 0;

function wordHash(text: string, start: number, end: number): number {
  let h = 0x811c9dc5;
  for (let i = start; i < end; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return h;
}

/** The slot of the word text[start, end) in the table; -1 when it is new and the table is full. */
function wordSlot(text: string, start: number, end: number, hash: number): number {
  const length = end - start;
  for (let slot = hash & WORD_MASK; ; slot = (slot + 1) & WORD_MASK) {
    const known = words[slot];
    if (known === undefined) {
      if (wordCount >= WORD_LIMIT) return -1;
      const image = text.slice(start, end);
      words[slot] = image;
      wordTypes[slot] = KEYWORDS.get(image) ?? Identifier;
      wordCount++;
      return slot;
    }
    if (known.length === length && text.startsWith(known, start)) return slot;
  }
}

for (const keyword of KEYWORDS.keys()) wordSlot(keyword, 0, keyword.length, wordHash(keyword, 0, keyword.length));

function isWordChar(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) || c === 95;
}

function token(image: string, startOffset: number, type: TokenType): IToken {
  // the same fields in the same order as chevrotain's createOffsetOnlyToken
  return { image, startOffset, tokenTypeIdx: type.tokenTypeIdx as number, tokenType: type } as IToken;
}

/** Lexes a file without lexical errors; null when chevrotain would report one. */
export function scanClean(text: string): CleanLex | null {
  const tokens: IToken[] = [];
  const comments: IToken[] = [];
  const n = text.length;
  let i = 0;
  while (i < n) {
    const c = text.charCodeAt(i);
    const start = i;
    // whitespace: [ \t\r\n\f\v]
    if (c === 32 || (c >= 9 && c <= 13)) {
      i++;
      while (i < n) {
        const d = text.charCodeAt(i);
        if (d === 32 || (d >= 9 && d <= 13)) i++;
        else break;
      }
      continue;
    }
    if ((c >= 97 && c <= 122) || (c >= 65 && c <= 90) || c === 95) {
      let h = Math.imul(0x811c9dc5 ^ c, 0x01000193);
      i++;
      for (; i < n; i++) {
        const d = text.charCodeAt(i);
        if (!isWordChar(d)) break;
        h = Math.imul(h ^ d, 0x01000193);
      }
      const slot = wordSlot(text, start, i, h);
      if (slot >= 0) tokens.push(token(words[slot] as string, start, wordTypes[slot] as TokenType));
      else {
        const image = text.slice(start, i);
        tokens.push(token(image, start, KEYWORDS.get(image) ?? Identifier));
      }
      continue;
    }
    if (c >= 48 && c <= 57) {
      let matched: TokenType | null = null;
      for (const candidate of DIGIT_TOKENS) {
        candidate.re.lastIndex = i;
        if (candidate.re.test(text)) {
          matched = candidate.type;
          i = candidate.re.lastIndex;
          break;
        }
      }
      if (matched === null) return null;
      tokens.push(token(text.slice(start, i), start, matched));
      continue;
    }
    const next = i + 1 < n ? text.charCodeAt(i + 1) : -1;
    let type: TokenType | undefined;
    let length = 1;
    switch (c) {
      case 0x22: // "
        STRING.lastIndex = i;
        if (!STRING.test(text)) return null;
        i = STRING.lastIndex;
        tokens.push(token(text.slice(start, i), start, StringLit));
        continue;
      case 0x24: // $
        MONEY.lastIndex = i;
        if (!MONEY.test(text)) return null;
        i = MONEY.lastIndex;
        tokens.push(token(text.slice(start, i), start, MoneyLit));
        continue;
      case 0x2f: // /
        if (next === 0x2f) {
          i += 2;
          while (i < n) {
            const d = text.charCodeAt(i);
            if (d === 10 || d === 13) break;
            i++;
          }
          comments.push(token(text.slice(start, i), start, LineComment));
          continue;
        }
        if (next === 0x2a) {
          BLOCK_COMMENT.lastIndex = i;
          if (!BLOCK_COMMENT.test(text)) return null;
          i = BLOCK_COMMENT.lastIndex;
          comments.push(token(text.slice(start, i), start, BlockComment));
          continue;
        }
        type = P.Slash;
        break;
      case 0x2e: // .
        if (next === 0x2e) {
          type = P.DotDot;
          length = 2;
        }
        else type = P.Dot;
        break;
      case 0x2d: // -
        if (next === 0x3e) {
          type = P.Arrow;
          length = 2;
        }
        else type = P.Minus;
        break;
      case 0x3c: // <
        if (next === 0x3d) {
          type = P.LtEq;
          length = 2;
        }
        else type = P.Lt;
        break;
      case 0x3e: // >
        if (next === 0x3d) {
          type = P.GtEq;
          length = 2;
        }
        else type = P.Gt;
        break;
      case 0x3d: // =
        if (next === 0x3d) {
          type = P.EqEq;
          length = 2;
        }
        else type = P.Equals;
        break;
      case 0x21: // !
        if (next !== 0x3d) return null;
        type = P.NotEq;
        length = 2;
        break;
      default:
        type = SINGLE.get(c);
        if (type === undefined) return null;
    }
    i += length;
    tokens.push(token(text.slice(start, i), start, type));
  }
  return { tokens, comments };
}
