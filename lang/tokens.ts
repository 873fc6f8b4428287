// Token types of the strat lexer: every pattern, keyword and punctuation mark,
// in the order the lexer tries them. Shared by the chevrotain lexer (lexer.ts),
// the fast lexer (lexer-fast.ts) and both parsers.
// Invariants: created once at module load; creating a token type is cheap (no
// lexer or parser analysis happens here).

import { createToken, Lexer, type TokenType } from "chevrotain";

const NOT_WORD = "(?![A-Za-z0-9_])";

/** Names, and the contextual keywords (category Identifier): `CONSUME(Identifier)` accepts both. */
export const Identifier = createToken({ name: "Identifier", pattern: /[A-Za-z_][A-Za-z0-9_]*/, label: "a name" });

/** Spaces, tabs and line breaks (skipped). */
export const WhiteSpace = createToken({ name: "WhiteSpace", pattern: /[ \t\r\n\f\v]+/, group: Lexer.SKIPPED, line_breaks: true });
/** `// x` and `/// x` comments. */
export const LineComment = createToken({ name: "LineComment", pattern: /\/\/[^\n\r]*/, group: "comments" });
/** `/* x *\/` comments. */
export const BlockComment = createToken({ name: "BlockComment", pattern: /\/\*[\s\S]*?\*\//, group: "comments", line_breaks: true });
/** `/* x` without its end: E0103. */
export const UnterminatedBlockComment = createToken({
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
/** Reserved and contextual keywords by word. */
export const KEYWORDS = new Map<string, TokenType>();

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
/** A malformed number (E0105). */
export const BadNumber = createToken({ name: "BadNumber", pattern: /\$?\d[A-Za-z0-9_.]*/, categories: [PlainNumber], label: "a number" });

/** `"..."`. */
export const StringLit = createToken({ name: "StringLit", pattern: /"(?:[^"\\\n\r]|\\.)*"/, label: "a string" });
/** A string without its closing quote (E0102). */
export const UnterminatedString = createToken({ name: "UnterminatedString", pattern: /"(?:[^"\\\n\r]|\\.)*\\?/, categories: [StringLit], label: "a string" });

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
export const LEXER_TOKENS: readonly TokenType[] = [
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
