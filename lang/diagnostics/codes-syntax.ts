// The syntax codes (E01xx): lexer E0101–E0107, parser E0110–E0119.
// Each entry's `explain` is the long form printed by `strat explain`: why it is
// an error, an erroneous example, a fixed example. The constructors that build
// these diagnostics are in syntax-errors.ts.

import type { CodeEntry } from "./code-entry.js";

const fence = (code: string): string => "```strat\n" + code.trim() + "\n```";

function entry(code: string, title: string, why: string, wrong: string, right: string): CodeEntry {
  return { code, title, explain: `${why.trim()}\n\nErroneous example:\n\n${fence(wrong)}\n\nFixed:\n\n${fence(right)}\n` };
}

// Examples are whole programs: the fixed one must compile without any diagnostic.
const strategy = (settings: string, rules = "  entry long when close > sma(close, 20)\n  exit when time_exit(10 bars)"): string =>
  `strategy s {\n${settings}\n${rules}\n}`;
const STANDARD = '  universe ["AAPL"]\n  data csv("data/prices.csv")\n  bars daily';

const promotion = (rules: string): string => `strategy st {
  universe ["AAPL"]
  data csv("data/aapl.csv")
  bars daily
  param fast: int in [2, 50] = 10
  entry long when close > sma(close, fast)
  exit when time_exit(10 bars)
}

gate g {
  require trades >= 30
}

sweep sw {
  strategy st
  grid fast = [5, 10, 20]
  windows search 2019-01-01..2020-12-31, validate 2021-01-01..2021-12-31, oos 2022-01-01..2022-12-31
  select maximize annualized_pnl subject to g
}

sleeve core { bucket core  cap 60%  members st  weighting equal }
sleeve spec { bucket spec  cap 10%  members ["NVDA"]  weighting equal }

promotion p {
  promote spec -> core when g passes 3 consecutive runs
${rules}
}`;

/** Every lexer and parser code, sorted. */
export const SYNTAX_CODES: readonly CodeEntry[] = [
  entry(
    "E0101",
    "unexpected character",
    `A character that is not part of the language appears outside a string or comment.
strat has no \`!\`, \`&&\`, \`||\`, \`'\`, \`#\` or \`;\`: conditions use \`not\`, \`and\`, \`or\`;
strings use double quotes; comments start with \`//\`; items need no separator.`,
    `gate g {
  scope run_source == paper && data_regime == prod_live
  require trades >= 30
}`,
    `gate g {
  scope run_source == paper and data_regime == prod_live
  require trades >= 30
}`,
  ),
  entry(
    "E0102",
    "unterminated string",
    `A string literal starts with \`"\` but its line ends before the closing \`"\`.
Strings cannot span lines; write \`\\n\` for a line break inside one.`,
    strategy('  universe ["AAPL", "MSFT]\n  data csv("data/prices.csv")\n  bars daily'),
    strategy('  universe ["AAPL", "MSFT"]\n  data csv("data/prices.csv")\n  bars daily'),
  ),
  entry(
    "E0103",
    "unterminated block comment",
    `A \`/*\` comment is never closed with \`*/\`, so the rest of the file would be a comment.
Close it, or use \`//\` line comments.`,
    `/* Release gate
gate g {
  require trades >= 30
}`,
    `/* Release gate */
gate g {
  require trades >= 30
}`,
  ),
  entry(
    "E0104",
    "unknown escape in string",
    `Inside a string, a backslash starts an escape. The escapes are \`\\"\` (a quote),
\`\\\\\` (a backslash), \`\\n\` (a line break) and \`\\t\` (a tab). Any other escape is
a mistake, often a Windows path: write \`\\\\\` for each backslash, or use \`/\`.`,
    strategy('  universe ["AAPL"]\n  data csv("data\\prices.csv")\n  bars daily'),
    strategy(STANDARD),
  ),
  entry(
    "E0105",
    "malformed number",
    `Digits run straight into letters that are not a unit. A number is digits with an
optional unit: \`12\`, \`0.5\`, \`1e-3\`, a percent \`12%\`, basis points \`5bps\`, money
\`$25k\`/\`$1.5m\`, a duration \`15s\` \`15m\` \`4h\` \`10d\` \`2w\` \`1y\`. A bar count is a number,
a space and \`bars\`: \`10 bars\`.`,
    strategy(`${STANDARD}\n  lookback 365days`),
    strategy(`${STANDARD}\n  lookback 365d`),
  ),
  entry(
    "E0106",
    "invalid date",
    `A date literal has the shape \`YYYY-MM-DD\` but names no calendar day (month 13,
February 30, ...). Dates are checked when the file is read so that a typo in a window
cannot silently shift a backtest.`,
    `const start = 2021-02-30`,
    `const start = 2021-02-28`,
  ),
  entry(
    "E0107",
    "number out of range",
    `A numeric literal is too large to be represented as a 64-bit float (above about 1.8e308).`,
    `const big = 1e400`,
    `const big = 1e300`,
  ),
  entry(
    "E0110",
    "expected a token",
    `The parser needed a specific token here (a name, \`=\`, \`:\`, \`)\`, \`]\`, a keyword of
the construct) and found something else. The message names the construct and the token
it expected; the label shows what it found.`,
    strategy(`${STANDARD}\n  param window int in [5, 50] = 20`, "  entry long when close > sma(close, window)\n  exit when time_exit(10 bars)"),
    strategy(`${STANDARD}\n  param window: int in [5, 50] = 20`, "  entry long when close > sma(close, window)\n  exit when time_exit(10 bars)"),
  ),
  entry(
    "E0111",
    "expected an expression",
    `An operator, a keyword such as \`when\` or \`=\`, or a setting name must be followed by a
value, and the parser found the end of the item instead. Often a value was deleted or
a line was cut in two.`,
    `gate g {
  require trades >=
}`,
    `gate g {
  require trades >= 30
}`,
  ),
  entry(
    "E0112",
    "unclosed block",
    `A declaration's \`{\` has no matching \`}\` before the next declaration or the end of the
file. The secondary label shows where the block was opened.`,
    `gate g {
  require trades >= 30

gate h {
  require win_rate >= 50%
}`,
    `gate g {
  require trades >= 30
}

gate h {
  require win_rate >= 50%
}`,
  ),
  entry(
    "E0113",
    "expected a declaration",
    `At the top level a file holds only \`import\`, \`const\` and blocks (\`strategy\`, \`gate\`,
\`sweep\`, \`sleeve\`, \`portfolio\`, \`promotion\`, \`schedule\`). Items such as \`require\` or
settings belong inside a block. A stray \`}\` usually means one too many closing braces.`,
    `require trades >= 30`,
    `gate g {
  require trades >= 30
}`,
  ),
  entry(
    "E0114",
    "chained comparison or range",
    `Comparisons do not chain: \`20 < x < 80\` would compare a boolean with \`80\`. Write each
comparison and join them with \`and\`. Likewise a range has one \`..\`: \`from..to\`.`,
    strategy(STANDARD, "  entry long when 20 < rsi(close, 14) < 80\n  exit when time_exit(10 bars)"),
    strategy(STANDARD, "  entry long when rsi(close, 14) > 20 and rsi(close, 14) < 80\n  exit when time_exit(10 bars)"),
  ),
  entry(
    "E0115",
    "expected an item",
    `Inside a block each item starts with a keyword (\`param\`, \`model\`, \`let\`, \`entry\`,
\`exit\`, \`require\`, \`grid\`, \`windows\`, \`select\`, ...) or a setting name (\`universe\`,
\`bars\`, \`lookback\`, ...). The token found cannot start an item; often a value has an
extra token, or an operator is missing between two values.`,
    `gate g {
  require win_rate >= 50% 60%
}`,
    `gate g {
  require win_rate >= 50%
}`,
  ),
  entry(
    "E0116",
    "only a name can be called",
    `Calls name a builtin or provider directly: \`sma(close, 20)\`. A field, an index or a
parenthesised expression cannot be called.`,
    strategy(STANDARD, "  entry long when close > sma(close, 20)\n  exit when close.stop(3%)"),
    strategy(STANDARD, "  entry long when close > sma(close, 20)\n  exit when trailing_stop(3%)"),
  ),
  entry(
    "E0117",
    "model must be a provider call",
    `\`model NAME = ...\` binds a model provider, so its value must be a call such as
\`momentum(window: 20, horizon: 10d)\` or \`external("python model.py")\`. To name a plain
value use \`let\` or \`const\`.`,
    strategy(`${STANDARD}\n  model forecast = 20`, "  entry long when forecast.expected_return > 0.5%\n  exit when time_exit(10 bars)"),
    strategy(`${STANDARD}\n  model forecast = momentum(window: 20, horizon: 10d)`, "  entry long when forecast.expected_return > 0.5%\n  exit when time_exit(10 bars)"),
  ),
  entry(
    "E0118",
    "adjust must name params",
    `A promotion's adjust rule moves the promoted params toward a sweep's best trial; it is
written \`adjust params toward sweep NAME by at most STEP per cycle\`.`,
    promotion("  adjust weights toward sweep sw by at most 25% per cycle"),
    promotion("  adjust params toward sweep sw by at most 25% per cycle"),
  ),
  entry(
    "E0119",
    "expected a trigger",
    `Promotion, demotion and rollback rules fire on a trigger: a gate streak
(\`GATE passes N consecutive runs\`, \`GATE fails N consecutive runs\`) or a metric over a
window (\`METRIC < X over 60d\`).`,
    promotion("  rollback when g failed"),
    promotion("  rollback when g fails 2 consecutive runs"),
  ),
];
