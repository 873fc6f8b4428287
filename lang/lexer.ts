// Lexer: source text → tokens for the parser, comments for the formatter and
// doc attachment, lexical diagnostics.
// Input: a SourceFile. Output: `tokenize` → { tokens, comments, diagnostics }.
// Codes: E0101 unexpected character, E0102 unterminated string, E0103 unterminated
// block comment, E0104 unknown string escape, E0105 malformed number.
// Invariants: built once at module load; never throws. Malformed literals still
// reach the parser as literals (unterminated strings as strings, `10days` as a
// number) so one lexical mistake yields one diagnostic, not a parse cascade.
// Tokens carry offsets only: spans are offsets, and SourceFile computes lines.

import { createToken, Lexer, type IToken, type TokenType } from "chevrotain";
import type { Diagnostic } from "./diagnostics/diagnostic.js";
import type { SourceFile, Span } from "./source.js";
import { lexDiagnostic } from "./diagnostics/syntax-errors.js";

/** A comment kept for the formatter and for doc attachment. */
export interface Comment {
  readonly span: Span;
  /** The comment exactly as written, delimiters included. */
  readonly text: string;
  /** True for `/// doc` comments. */
  readonly doc: boolean;
}

const NOT_WORD = "(?![A-Za-z0-9_])";

/** Names, and the contextual keywords (category Identifier): `CONSUME(Identifier)` accepts both. */
export const Identifier = createToken({ name: "Identifier", pattern: /[A-Za-z_][A-Za-z0-9_]*/, label: "a name" });

const WhiteSpace = createToken({ name: "WhiteSpace", pattern: /[ \t\r\n\f\v]+/, group: Lexer.SKIPPED, line_breaks: true });
/** `// x` and `/// x` comments. */
export const LineComment = createToken({ name: "LineComment", pattern: /\/\/[^\n\r]*/, group: "comments" });
/** `/* x *\/` comments. */
export const BlockComment = createToken({ name: "BlockComment", pattern: /\/\*[\s\S]*?\*\//, group: "comments", line_breaks: true });
const UnterminatedBlockComment = createToken({
  name: "UnterminatedBlockComment",
  pattern: /\/\*[\s\S]*/,
  group: "comments",
  line_breaks: true,
});

/** Every binary operator (`or`, `and`, comparisons, `..`, `+ - * /`); build-ast applies precedence. */
export const BinOp = createToken({ name: "BinOp", pattern: Lexer.NA, label: "an operator" });

// Keywords are not lexer patterns: every word lexes as an Identifier and
// `tokenize` retypes the reserved and contextual ones by lookup. Trying ~50
// keyword patterns (with longer_alt) on every word made lexing twice as slow.
const KEYWORDS = new Map<string, TokenType>();

/** Reserved keywords are also accepted as argument names: `synthetic(seed: 7, bars: 2520)`. */
export const ReservedWord = createToken({ name: "ReservedWord", pattern: Lexer.NA, label: "a name" });

function keyword(word: string, categories: TokenType[] = [ReservedWord]): TokenType {
  const name = word[0]!.toUpperCase() + word.slice(1);
  const type = createToken({ name, pattern: Lexer.NA, label: `'${word}'`, categories });
  KEYWORDS.set(word, type);
  return type;
}

/** Reserved keywords, by word. */
export const KW = {
  import: keyword("import"),
  from: keyword("from"),
  const: keyword("const"),
  strategy: keyword("strategy"),
  gate: keyword("gate"),
  sweep: keyword("sweep"),
  sleeve: keyword("sleeve"),
  portfolio: keyword("portfolio"),
  promotion: keyword("promotion"),
  schedule: keyword("schedule"),
  param: keyword("param"),
  model: keyword("model"),
  let: keyword("let"),
  entry: keyword("entry"),
  exit: keyword("exit"),
  when: keyword("when"),
  require: keyword("require"),
  else: keyword("else"),
  grid: keyword("grid"),
  constraint: keyword("constraint"),
  windows: keyword("windows"),
  select: keyword("select"),
  promote: keyword("promote"),
  demote: keyword("demote"),
  adjust: keyword("adjust"),
  rollout: keyword("rollout"),
  rollback: keyword("rollback"),
  run: keyword("run"),
  and: keyword("and", [BinOp, ReservedWord]),
  or: keyword("or", [BinOp, ReservedWord]),
  not: keyword("not"),
  in: keyword("in"),
  true: keyword("true"),
  false: keyword("false"),
  bars: keyword("bars"),
  tz: keyword("tz"),
  capped: keyword("capped"),
} as const;

/** Contextual keywords: meaningful in one spot, still usable as names (category Identifier). */
export const CKW = {
  then: keyword("then", [Identifier]),
  step: keyword("step", [Identifier]),
  subject: keyword("subject", [Identifier]),
  to: keyword("to", [Identifier]),
  toward: keyword("toward", [Identifier]),
  by: keyword("by", [Identifier]),
  at: keyword("at", [Identifier]),
  most: keyword("most", [Identifier]),
  per: keyword("per", [Identifier]),
  cycle: keyword("cycle", [Identifier]),
  passes: keyword("passes", [Identifier]),
  fails: keyword("fails", [Identifier]),
  consecutive: keyword("consecutive", [Identifier]),
  runs: keyword("runs", [Identifier]),
  over: keyword("over", [Identifier]),
  maximize: keyword("maximize", [Identifier]),
  minimize: keyword("minimize", [Identifier]),
  long: keyword("long", [Identifier]),
  short: keyword("short", [Identifier]),
} as const;

/** Every numeric literal (number, percent, bps, money, duration) is a `NumberLike`. */
export const NumberLike = createToken({ name: "NumberLike", pattern: Lexer.NA, label: "a number" });
/** `2019-01-01`. */
export const DateLit = createToken({ name: "DateLit", pattern: new RegExp(`\\d{4}-\\d{2}-\\d{2}${NOT_WORD}`), label: "a date" });
/** `0.2%`. */
export const PercentLit = createToken({ name: "PercentLit", pattern: /\d+(?:\.\d+)?%/, categories: [NumberLike], label: "a percent" });
/** `5bps`. */
export const BpsLit = createToken({ name: "BpsLit", pattern: new RegExp(`\\d+(?:\\.\\d+)?bps${NOT_WORD}`), categories: [NumberLike], label: "a bps amount" });
/** `$25k`. */
export const MoneyLit = createToken({ name: "MoneyLit", pattern: new RegExp(`\\$\\d+(?:\\.\\d+)?[kmb]?${NOT_WORD}`), categories: [NumberLike], label: "a money amount" });
/** `10d`. */
export const DurationLit = createToken({ name: "DurationLit", pattern: new RegExp(`\\d+(?:\\.\\d+)?[smhdwy]${NOT_WORD}`), categories: [NumberLike], label: "a duration" });
/** `12`, `0.55`, `1e-3`: the only numeric literal `bars` may follow. */
export const PlainNumber = createToken({ name: "PlainNumber", pattern: new RegExp(`\\d+(?:\\.\\d+)?(?:[eE][+-]?\\d+)?(?![A-Za-z0-9_]|\\.\\d)`), categories: [NumberLike], label: "a number" });
// Digits glued to letters (`10days`, `$5x`): one E0105 here, a number for the parser.
const BadNumber = createToken({ name: "BadNumber", pattern: /\$?\d[A-Za-z0-9_.]*/, categories: [PlainNumber], label: "a number" });

/** `"..."`. */
export const StringLit = createToken({ name: "StringLit", pattern: /"(?:[^"\\\n\r]|\\.)*"/, label: "a string" });
const UnterminatedString = createToken({ name: "UnterminatedString", pattern: /"(?:[^"\\\n\r]|\\.)*\\?/, categories: [StringLit], label: "a string" });

function punct(name: string, pattern: RegExp, text: string, categories: TokenType[] = []): TokenType {
  return createToken({ name, pattern, label: `'${text}'`, categories });
}


/** Punctuation, by name. */
export const P = {
  LCurly: punct("LCurly", /\{/, "{"),
  RCurly: punct("RCurly", /\}/, "}"),
  LParen: punct("LParen", /\(/, "("),
  RParen: punct("RParen", /\)/, ")"),
  LBrack: punct("LBrack", /\[/, "["),
  RBrack: punct("RBrack", /\]/, "]"),
  Comma: punct("Comma", /,/, ","),
  Colon: punct("Colon", /:/, ":"),
  DotDot: punct("DotDot", /\.\./, "..", [BinOp]),
  Dot: punct("Dot", /\./, "."),
  Arrow: punct("Arrow", /->/, "->"),
  LtEq: punct("LtEq", /<=/, "<=", [BinOp]),
  GtEq: punct("GtEq", />=/, ">=", [BinOp]),
  EqEq: punct("EqEq", /==/, "==", [BinOp]),
  NotEq: punct("NotEq", /!=/, "!=", [BinOp]),
  Lt: punct("Lt", /</, "<", [BinOp]),
  Gt: punct("Gt", />/, ">", [BinOp]),
  Equals: punct("Equals", /=/, "="),
  Plus: punct("Plus", /\+/, "+", [BinOp]),
  Minus: punct("Minus", /-/, "-", [BinOp]),
  Star: punct("Star", /\*/, "*", [BinOp]),
  Slash: punct("Slash", /\//, "/", [BinOp]),
} as const;

/** The lexer's patterns, in the order it tries them. */
const LEXER_TOKENS: readonly TokenType[] = [
  WhiteSpace,
  LineComment,
  BlockComment,
  UnterminatedBlockComment,
  NumberLike,
  BinOp,
  ReservedWord,
  DateLit,
  PercentLit,
  BpsLit,
  MoneyLit,
  DurationLit,
  PlainNumber,
  BadNumber,
  StringLit,
  UnterminatedString,
  Identifier,
  P.LCurly,
  P.RCurly,
  P.LParen,
  P.RParen,
  P.LBrack,
  P.RBrack,
  P.Comma,
  P.Colon,
  P.DotDot,
  P.Dot,
  P.Arrow,
  P.LtEq,
  P.GtEq,
  P.EqEq,
  P.NotEq,
  P.Lt,
  P.Gt,
  P.Equals,
  P.Plus,
  P.Minus,
  P.Star,
  P.Slash,
];

/** Every token type the parser knows: the lexer's, plus the keywords. */
export const ALL_TOKENS: readonly TokenType[] = [...LEXER_TOKENS, ...Object.values(KW), ...Object.values(CKW)];

const lexer = new Lexer([...LEXER_TOKENS], {
  ensureOptimizations: true,
  positionTracking: "onlyOffset",
  errorMessageProvider: {
    buildUnexpectedCharactersMessage: () => "unexpected character",
    buildUnableToPopLexerModeMessage: () => "unexpected end of lexer mode",
  },
});

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

/** Splits the file into tokens and comments; reports lexical errors. Never throws. */
export function tokenize(file: SourceFile): TokenizeResult {
  const out = lexer.tokenize(file.text);
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
