// The semantic codes: E02xx names and imports, E03xx types and units, E04xx
// params and domains, E05xx cross-declaration rules, E06xx lowering (compiler
// bugs), W05xx warnings. Each entry's `explain` is the long form printed by
// `strat explain`: why it is an error, an erroneous example, a fixed example.
// Examples are compiled by codes-semantic.test.ts: the erroneous one must
// report the code, the fixed one must compile without errors. An example may
// hold several files, each starting with a `// file: <path>` line; every file
// is a root. The constructors are in problems.ts and the phase files.

import type { CodeEntry } from "./code-entry.js";

const fence = (code: string): string => "```strat\n" + code.trim() + "\n```";

function entry(code: string, title: string, why: string, wrong: string, right: string): CodeEntry {
  return { code, title, explain: `${why.trim()}\n\nErroneous example:\n\n${fence(wrong)}\n\nFixed:\n\n${fence(right)}\n` };
}

function bug(code: string, title: string, why: string): CodeEntry {
  return { code, title, explain: `${why.trim()}\n` };
}

/** A small strategy used by examples that need one to point at. */
const SMA = `strategy sma_cross {
  universe ["SPY"]
  param fast: int in [2, 50] = 10
  param slow: int in [10, 200] = 30
  entry long when crossover(sma(close, fast), sma(close, slow))
  exit when crossunder(sma(close, fast), sma(close, slow))
}`;

const GATE = `gate quality {
  require trades >= 30 else insufficient_observation
  require profit_factor >= 1.1
}`;

const sweep = (body: string): string => `${SMA}

${GATE}

sweep sma_grid {
  strategy sma_cross
${body}
  select maximize sharpe(daily) subject to quality
}`;

const strategy = (body: string): string => `strategy s {
  universe ["SPY"]
${body}
}`;

const SLEEVES = `sleeve safe { bucket safe  cap 80%  members ["SHY", "IEF"] }
sleeve core { bucket core  cap 60%  members ["SPY"] }`;

/** Every semantic code, sorted. */
export const SEMANTIC_CODES: readonly CodeEntry[] = [
  entry(
    "E0201",
    "imported file not found",
    `An \`import\` names a file that does not exist. Paths are relative to the importing
file and use \`/\`; a root file given to the compiler that does not exist is reported
the same way. Check the spelling and the \`.strat\` extension.`,
    `// file: main.strat
import "gate.strat"
schedule nightly { cron "0 6 * * 1-5"  run quality }
// file: gates.strat
${GATE}`,
    `// file: main.strat
import "gates.strat"
schedule nightly { cron "0 6 * * 1-5"  run quality }
// file: gates.strat
${GATE}`,
  ),
  entry(
    "E0202",
    "import cycle",
    `Files import each other in a circle. Imports bring a file's own declarations into
scope; a cycle means neither file can be read on its own and usually hides a
declaration that belongs in a third file. Move what both need into a file that
both import.`,
    `// file: a.strat
import "b.strat"
gate a { require trades >= 30 }
// file: b.strat
import "a.strat"
gate b { require trades >= 30 }`,
    `// file: a.strat
import "b.strat"
gate a { require trades >= 30 }
// file: b.strat
gate b { require trades >= 30 }`,
  ),
  entry(
    "E0203",
    "imported name not declared in the file",
    `\`import { a, b } from "file"\` names a declaration that the file does not contain.
Only a file's own top-level declarations can be imported.`,
    `// file: main.strat
import { quallity } from "gates.strat"
schedule nightly { cron "0 6 * * 1-5"  run quallity }
// file: gates.strat
${GATE}`,
    `// file: main.strat
import { quality } from "gates.strat"
schedule nightly { cron "0 6 * * 1-5"  run quality }
// file: gates.strat
${GATE}`,
  ),
  entry(
    "E0204",
    "import path outside the project",
    `Import paths are relative to the importing file and must stay inside the project:
an absolute path, a Windows path or a path that climbs above the project root
would make the plan depend on files that are not part of the sources.`,
    `import "/home/me/gates.strat"
${GATE.replace("quality", "local_quality")}`,
    `${GATE.replace("quality", "local_quality")}`,
  ),
  entry(
    "E0205",
    "duplicate declaration",
    `Two top-level declarations have the same name. Names are global to a compilation
(the plan, schedules and promotions refer to declarations by name), so every
strategy, gate, sweep, sleeve, portfolio, promotion, schedule and const needs
its own.`,
    `gate quality { require trades >= 30 }
gate quality { require profit_factor >= 1.1 }`,
    `gate quality { require trades >= 30 }
gate quality_pf { require profit_factor >= 1.1 }`,
  ),
  entry(
    "E0206",
    "duplicate name in a block",
    `A block declares two params, lets or models with the same name; an expression
naming it would be ambiguous.`,
    strategy(`  param n: int in [2, 50] = 10
  param n: int in [2, 50] = 20
  entry long when close > sma(close, n)`),
    strategy(`  param n: int in [2, 50] = 10
  param m: int in [2, 50] = 20
  entry long when sma(close, n) > sma(close, m)`),
  ),
  entry(
    "E0207",
    "unknown name",
    `A name is not declared anywhere this file can see: not a param, let or model of the
block, not a declaration of this file or of the files it imports, not a price
series (open, high, low, close, volume). The hint lists close names.`,
    strategy(`  param fast: int in [2, 50] = 10
  entry long when close > sma(close, fats)`),
    strategy(`  param fast: int in [2, 50] = 10
  entry long when close > sma(close, fast)`),
  ),
  entry(
    "E0208",
    "declaration of the wrong kind",
    `A name refers to a declaration, but not of the kind the place needs: a sweep's
\`strategy\` must name a strategy, \`subject to\` a gate, \`promote\` and \`demote\`
sleeves, \`adjust ... toward sweep\` a sweep, and \`run\` a strategy, sweep, gate,
promotion or portfolio.`,
    `${SMA}

${GATE}

schedule nightly {
  cron "0 6 * * 1-5"
  run quality then safe
}

sleeve safe { bucket safe  cap 80%  members ["SHY"] }`,
    `${SMA}

${GATE}

schedule nightly {
  cron "0 6 * * 1-5"
  run sma_cross then quality
}

sleeve safe { bucket safe  cap 80%  members ["SHY"] }`,
  ),
  entry(
    "E0209",
    "unknown function",
    `A call names no builtin. Builtins (indicators, exit rules, sizing rules, costs,
models, data sources, samplers, baselines) are listed in stdlib/; the hint lists
close names.`,
    strategy(`  entry long when close > smaa(close, 20)`),
    strategy(`  entry long when close > sma(close, 20)`),
  ),
  entry(
    "E0210",
    "builtin used in the wrong place",
    `A builtin appears where its kind does not belong: an exit rule in an entry
condition, a metric in a strategy (metrics exist only after a run), an indicator
or price series in a setting that must be fixed before the run.`,
    strategy(`  entry long when stop_loss(2%)`),
    strategy(`  entry long when close > sma(close, 20)
  exit when stop_loss(2%)`),
  ),
  entry(
    "E0211",
    "unknown field",
    `A \`.field\` read names a field the value does not have. Models have
expected_return, confidence and volatility; bollinger(...) has upper, middle and
lower.`,
    strategy(`  model forecast = momentum(window: 20)
  entry long when forecast.expected_retrun > 0.1%`),
    strategy(`  model forecast = momentum(window: 20)
  entry long when forecast.expected_return > 0.1%`),
  ),
  entry(
    "E0212",
    "local name hides a price series",
    `A param, let or model is named after a price series (open, high, low, close,
volume). Every later \`close\` would be ambiguous, so the name is reserved.`,
    strategy(`  let close = sma(high, 5)
  entry long when close > open`),
    strategy(`  let smooth_high = sma(high, 5)
  entry long when smooth_high > open`),
  ),
  entry(
    "E0213",
    "cyclic definition",
    `A let (or a const) is defined in terms of itself, directly or through others, so
it has no value.`,
    strategy(`  let a = b + 1
  let b = a * 2
  entry long when close > a`),
    strategy(`  let a = sma(close, 10) + 1
  let b = a * 2
  entry long when close > b`),
  ),
  entry(
    "E0214",
    "declared in a file that is not imported",
    `The name exists, but in a file this file does not import. Each file sees its own
declarations plus what it imports; add the import the hint shows.`,
    `// file: main.strat
schedule nightly { cron "0 6 * * 1-5"  run quality }
// file: gates.strat
${GATE}`,
    `// file: main.strat
import "gates.strat"
schedule nightly { cron "0 6 * * 1-5"  run quality }
// file: gates.strat
${GATE}`,
  ),
  entry(
    "E0301",
    "type mismatch",
    `A value has the wrong type for its place: a string where a list is expected, a
series where a single value is needed, a gate where a strategy is named.`,
    `strategy s {
  universe "SPY"
  entry long when close > sma(close, 20)
}`,
    `strategy s {
  universe ["SPY"]
  entry long when close > sma(close, 20)
}`,
  ),
  entry(
    "E0302",
    "units do not match",
    `Two operands have units that do not combine: money is not comparable with a ratio,
a duration cannot be added to a number. Dimensionless numbers mix freely;
money, durations and bar counts only combine with themselves, or are scaled by a
number or a ratio (ratio × money = money, money / money = ratio).`,
    strategy(`  entry long when returns(close) > $1`),
    strategy(`  entry long when returns(close) > 1%`),
  ),
  entry(
    "E0303",
    "plain number where a unit is needed",
    `A plain number stands where a duration, an amount of money or a percentage is
needed, so its meaning is ambiguous: \`lookback 365\` could be seconds, days or bars.
Write the unit: \`365d\`, \`365 bars\`, \`$25k\`, \`15%\`. (A plain number is accepted as a
ratio only between -1 and 1: \`0.15\` is 15%.)`,
    strategy(`  lookback 365
  entry long when close > sma(close, 20)`),
    strategy(`  lookback 365d
  entry long when close > sma(close, 20)`),
  ),
  entry(
    "E0304",
    "lookahead: a negative bar offset",
    `\`x[n]\` reads x n bars back: \`close[1]\` is the previous close. A negative offset
would read a later bar, which does not exist yet at bar t: a backtest using it
would trade on the future. The checker rejects it before anything runs.`,
    strategy(`  entry long when close[-1] > close`),
    strategy(`  entry long when close > close[1]`),
  ),
  entry(
    "E0305",
    "bar offset not provably non-negative",
    `A bar offset must be a whole number known before the run and provably >= 0: a
literal, a const, or an int param whose domain starts at 0 or above. An offset
that could be negative could read the future.`,
    strategy(`  param k: int = 1
  entry long when close > close[k]`),
    strategy(`  param k: int in [1, 20] = 1
  entry long when close > close[k]`),
  ),
  entry(
    "E0306",
    "indexing a value that is not a series",
    `Only per-bar series (prices, indicators, model fields) have earlier bars to read.
A param or a literal has one value for the whole run.`,
    strategy(`  param level: int in [1, 100] = 50
  entry long when rsi(close, 14) < level[1]`),
    strategy(`  param level: int in [1, 100] = 50
  entry long when rsi(close, 14)[1] < level`),
  ),
  entry(
    "E0307",
    "unknown setting",
    `A block item starts with a word that is not a setting of this kind of block. Each
block kind has a fixed table of settings; the hint lists close names.`,
    `strategy s {
  universe ["SPY"]
  bar_size daily
  entry long when close > sma(close, 20)
}`,
    `strategy s {
  universe ["SPY"]
  bars daily
  entry long when close > sma(close, 20)
}`,
  ),
  entry(
    "E0308",
    "setting given twice",
    `A setting that takes one value is given twice; which one applies would depend on
order. Only \`no_trade\` (in strategies) may repeat.`,
    strategy(`  bars daily
  bars weekly
  entry long when close > sma(close, 20)`),
    strategy(`  bars weekly
  entry long when close > sma(close, 20)`),
  ),
  entry(
    "E0309",
    "required setting missing",
    `A block lacks a setting it cannot do without: a strategy's universe, a sweep's
strategy, a sleeve's bucket, cap and members, a portfolio's sleeves, a schedule's
cron.`,
    `strategy s {
  entry long when close > sma(close, 20)
}`,
    `strategy s {
  universe ["SPY"]
  entry long when close > sma(close, 20)
}`,
  ),
  entry(
    "E0310",
    "modifier not allowed",
    `A setting carries a modifier it does not take. \`tz\` belongs to \`no_trade\` and
\`cron\`; \`capped\` to \`sizing\`.`,
    strategy(`  bars daily tz "UTC"
  entry long when close > sma(close, 20)`),
    strategy(`  bars daily
  no_trade "09:30".."09:45" tz "America/New_York"
  entry long when close > sma(close, 20)`),
  ),
  entry(
    "E0311",
    "value not among the allowed ones",
    `A setting that takes one of a fixed set of words (a bar size, a fill rule, a
bucket, a weighting, a direction) was given another word.`,
    strategy(`  fill next_opn
  entry long when close > sma(close, 20)`),
    strategy(`  fill next_open
  entry long when close > sma(close, 20)`),
  ),
  entry(
    "E0312",
    "unknown argument name",
    `A named argument does not match any parameter of the builtin.`,
    strategy(`  entry long when close > sma(close, perod: 20)`),
    strategy(`  entry long when close > sma(close, period: 20)`),
  ),
  entry(
    "E0313",
    "missing argument",
    `A builtin's parameter without a default was not given.`,
    strategy(`  entry long when close > sma(close)`),
    strategy(`  entry long when close > sma(close, 20)`),
  ),
  entry(
    "E0314",
    "too many arguments",
    `A call passes more positional arguments than the builtin has parameters.`,
    strategy(`  entry long when rsi(close, 14, 3) < 30`),
    strategy(`  entry long when rsi(close, 14) < 30`),
  ),
  entry(
    "E0315",
    "argument given twice",
    `A parameter receives two values, by position and by name, or by name twice.`,
    strategy(`  entry long when close > sma(close, 20, period: 30)`),
    strategy(`  entry long when close > sma(close, period: 30)`),
  ),
  entry(
    "E0316",
    "positional argument after a named one",
    `Once an argument is named, the ones after it must be named too; otherwise which
parameter a positional argument fills is unclear.`,
    strategy(`  entry long when close > sma(source: close, 20)`),
    strategy(`  entry long when close > sma(source: close, period: 20)`),
  ),
  entry(
    "E0318",
    "not a time of day",
    `Times of day are strings "HH:MM" on the 24-hour clock, from "00:00" to "23:59".`,
    strategy(`  no_trade "9:30".."09:45" tz "America/New_York"
  entry long when close > sma(close, 20)`),
    strategy(`  no_trade "09:30".."09:45" tz "America/New_York"
  entry long when close > sma(close, 20)`),
  ),
  entry(
    "E0319",
    "unknown time zone",
    `Time zones are IANA names ("America/New_York", "Europe/London", "UTC"), checked
against the time-zone database at compile time so that a schedule or a no-trade
window never silently runs in the wrong zone.`,
    strategy(`  no_trade "09:30".."09:45" tz "America/NewYork"
  entry long when close > sma(close, 20)`),
    strategy(`  no_trade "09:30".."09:45" tz "America/New_York"
  entry long when close > sma(close, 20)`),
  ),
  entry(
    "E0320",
    "invalid ticker",
    `Tickers are written as the data source names them: letters, digits and . = ^ - _,
without spaces ("AAPL", "GC=F", "^GSPC", "BRK.B").`,
    `strategy s {
  universe ["S P Y"]
  entry long when close > sma(close, 20)
}`,
    `strategy s {
  universe ["SPY"]
  entry long when close > sma(close, 20)
}`,
  ),
  entry(
    "E0321",
    "a model used as a value",
    `A model yields several series per bar; an expression must read one of them:
\`.expected_return\`, \`.confidence\` or \`.volatility\`. Each is available from bar t
and, like every series, can be read at earlier bars only.`,
    strategy(`  model forecast = momentum(window: 20)
  entry long when forecast > 0.1%`),
    strategy(`  model forecast = momentum(window: 20)
  entry long when forecast.expected_return > 0.1%`),
  ),
  entry(
    "E0322",
    "exit rule combined with and/not",
    `\`exit when\` is a list of exits joined with \`or\`: each exit rule (stop_loss,
take_profit, trailing_stop, time_exit) is managed by the engine on its own, bar by
bar. It cannot be negated or required together with a condition.`,
    strategy(`  entry long when close > sma(close, 20)
  exit when stop_loss(2%) and close < sma(close, 50)`),
    strategy(`  entry long when close > sma(close, 20)
  exit when stop_loss(2%) or close < sma(close, 50)`),
  ),
  entry(
    "E0323",
    "unknown param type",
    `Params and consts are single values of a scalar type: int, number, ratio, percent,
bps, money, duration, bars, bool, string, ticker, date, time, or enum (with its
members listed in the domain).`,
    strategy(`  param n: integer in [2, 50] = 20
  entry long when close > sma(close, n)`),
    strategy(`  param n: int in [2, 50] = 20
  entry long when close > sma(close, n)`),
  ),
  entry(
    "E0324",
    "value not known at compile time",
    `This place needs a value fixed before the run (a setting such as cash or the
universe, a domain bound, a default, a grid value): a literal or a const. Params
change per run and per sweep trial; series change per bar.`,
    strategy(`  param budget: money in [$10k, $1m] = $50k
  cash budget
  entry long when close > sma(close, 20)`),
    `const BUDGET = $50k

strategy s {
  universe ["SPY"]
  cash BUDGET
  entry long when close > sma(close, 20)
}`,
  ),
  entry(
    "E0325",
    "unknown position side",
    `Entries and exits name a side: long or short.`,
    strategy(`  entry buy when close > sma(close, 20)`),
    strategy(`  entry long when close > sma(close, 20)`),
  ),
  entry(
    "E0326",
    "operator not applicable",
    `An operator is applied to a value it does not work on: minus on a condition,
\`not\` on a number.`,
    strategy(`  entry long when -(close > open)`),
    strategy(`  entry long when not (close > open)`),
  ),
  entry(
    "E0327",
    "item not allowed in this block",
    `Each block kind holds its own items: params, models, lets, entries and exits in a
strategy; require in a gate; grid, constraint, windows and select in a sweep;
promote, demote, adjust, rollout and rollback in a promotion; run in a schedule.`,
    `strategy s {
  universe ["SPY"]
  entry long when close > sma(close, 20)
  require trades >= 30
}`,
    `strategy s {
  universe ["SPY"]
  entry long when close > sma(close, 20)
}

gate enough_trades { require trades >= 30 }`,
  ),
  entry(
    "E0401",
    "value outside the allowed range",
    `A constant argument or setting lies outside the range its builtin or setting
accepts: a period of 0 bars, a negative fraction, a cap above 100%.`,
    strategy(`  entry long when close > sma(close, 0)`),
    strategy(`  entry long when close > sma(close, 1)`),
  ),
  entry(
    "E0402",
    "param default outside its domain",
    `A param's default is the value used outside sweeps; it must itself be allowed by
the param's domain.`,
    strategy(`  param fast: int in [5, 50] = 100
  entry long when close > sma(close, fast)`),
    strategy(`  param fast: int in [5, 50] = 20
  entry long when close > sma(close, fast)`),
  ),
  entry(
    "E0403",
    "empty param domain",
    `A range domain \`in [lo, hi]\` has its lower bound above its upper bound, so no
value is allowed.`,
    strategy(`  param fast: int in [50, 5] = 20
  entry long when close > sma(close, fast)`),
    strategy(`  param fast: int in [5, 50] = 20
  entry long when close > sma(close, fast)`),
  ),
  entry(
    "E0404",
    "param without a default",
    `Every param needs a default: it is the value a plain run uses, and the value
sweeps hold fixed for params they do not grid.`,
    strategy(`  param fast: int in [5, 50]
  entry long when close > sma(close, fast)`),
    strategy(`  param fast: int in [5, 50] = 20
  entry long when close > sma(close, fast)`),
  ),
  entry(
    "E0405",
    "invalid domain for the param's type",
    `An enum param lists its members in a set domain (\`in {a, b}\`); a range domain
\`in [lo, hi]\` needs a numeric type; a set lists each value once.`,
    strategy(`  param mode: enum = fast
  entry long when close > sma(close, 20)`),
    strategy(`  param mode: enum in {fast, slow} = fast
  entry long when mode == fast and close > sma(close, 20)`),
  ),
  entry(
    "E0406",
    "param domain wider than the argument allows",
    `A param passed to a builtin may take values the builtin rejects: a sweep could
then try an invalid value. Narrow the param's domain to the argument's range.`,
    strategy(`  param n: int in [0, 50] = 20
  entry long when close > sma(close, n)`),
    strategy(`  param n: int in [1, 50] = 20
  entry long when close > sma(close, n)`),
  ),
  entry(
    "E0407",
    "threshold outside the metric's range",
    `A rule compares a metric with a value it can never take. Ratios such as
max_drawdown and win_rate lie in [0%, 100%]: a plain \`15\` is the ratio 1500%, so
\`max_drawdown <= 15\` always passes. Write percentages with \`%\`.`,
    `gate risk {
  require max_drawdown <= 15
}`,
    `gate risk {
  require max_drawdown <= 15%
}`,
  ),
  entry(
    "E0408",
    "inconsistent take-profit ladder",
    `take_profit's targets must rise, and scale_out must give one fraction of the entry
quantity per target, adding up to at most 100%.`,
    strategy(`  entry long when close > sma(close, 20)
  exit when take_profit([2%, 5%], scale_out: [50%, 30%, 20%])`),
    strategy(`  entry long when close > sma(close, 20)
  exit when take_profit([2%, 5%, 10%], scale_out: [50%, 30%, 20%])`),
  ),
  entry(
    "E0409",
    "not a whole number",
    `A count (bars, trades, a period, a bar offset) must be a whole number.`,
    strategy(`  entry long when close > sma(close, 10.5)`),
    strategy(`  entry long when close > sma(close, 10)`),
  ),
  entry(
    "E0501",
    "strategy without an entry",
    `A strategy with no \`entry\` never opens a position, so every run would be empty.`,
    `strategy s {
  universe ["SPY"]
  exit when stop_loss(2%)
}`,
    `strategy s {
  universe ["SPY"]
  entry long when close > sma(close, 20)
  exit when stop_loss(2%)
}`,
  ),
  entry(
    "E0502",
    "grid over an undeclared param",
    `A sweep may only grid over params its strategy declares: lifting a constant into a
\`param\` with a domain is what makes it sweepable.`,
    sweep(`  grid fats = [5, 10]`),
    sweep(`  grid fast = [5, 10]`),
  ),
  entry(
    "E0503",
    "invalid grid value",
    `Grid values must be of the param's type, inside its domain, and listed once: a
sweep may only try values the strategy declares valid.`,
    sweep(`  grid fast = [5, 10, 80]`),
    sweep(`  grid fast = [5, 10, 20]`),
  ),
  entry(
    "E0504",
    "param gridded twice",
    `Two grid items name the same param; merge their values.`,
    sweep(`  grid fast = [5, 10]
  grid fast = [20]`),
    sweep(`  grid fast = [5, 10, 20]`),
  ),
  entry(
    "E0505",
    "invalid constraint",
    `A sweep constraint is a condition over the strategy's params (and consts), such as
\`fast < slow\`; it is evaluated per grid point before anything runs, so it cannot
read series or metrics.`,
    sweep(`  grid fast = [5, 10]
  constraint close > 0`),
    sweep(`  grid fast = [5, 10]
  grid slow = [20, 30]
  constraint fast < slow`),
  ),
  entry(
    "E0506",
    "no grid point satisfies the constraints",
    `The constraints exclude every point of the grid, so the sweep would run nothing.`,
    sweep(`  grid fast = [20, 30]
  grid slow = [10, 20]
  constraint fast < slow
  constraint slow < 15`),
    sweep(`  grid fast = [5, 10]
  grid slow = [10, 20]
  constraint fast < slow`),
  ),
  entry(
    "E0507",
    "invalid window label",
    `Sweep windows are labelled search, validate and oos, each at most once.`,
    sweep(`  grid fast = [5, 10]
  windows train 2019-01-01..2020-12-31`),
    sweep(`  grid fast = [5, 10]
  windows search 2019-01-01..2020-12-31`),
  ),
  entry(
    "E0508",
    "window ends before it starts",
    `A window's range is \`from..to\` with from on or before to.`,
    sweep(`  grid fast = [5, 10]
  windows search 2021-12-31..2019-01-01`),
    sweep(`  grid fast = [5, 10]
  windows search 2019-01-01..2021-12-31`),
  ),
  entry(
    "E0509",
    "windows out of order or overlapping",
    `Windows run in time order, search < validate < oos, without overlap. A validation
or out-of-sample window that overlaps the search window measures the strategy on
data the search already saw: its results are not out of sample.`,
    sweep(`  grid fast = [5, 10]
  windows search 2019-01-01..2021-12-31,
          validate 2021-06-01..2022-12-31`),
    sweep(`  grid fast = [5, 10]
  windows search 2019-01-01..2021-12-31,
          validate 2022-01-01..2022-12-31`),
  ),
  entry(
    "E0510",
    "sweep without select",
    `A sweep needs an objective: \`select maximize|minimize <metric>\`, usually
\`subject to\` a gate that every selected trial must pass.`,
    `${SMA}

sweep sma_grid {
  strategy sma_cross
  grid fast = [5, 10]
}`,
    `${SMA}

sweep sma_grid {
  strategy sma_cross
  grid fast = [5, 10]
  select maximize sharpe(daily)
}`,
  ),
  entry(
    "E0511",
    "invalid grid range",
    `\`grid p = lo..hi step s\` expands to lo, lo+s, ... up to hi. Int and bar-count
params step by 1 by default; other types need a step; the step must be positive
and the range non-empty.`,
    `${SMA.replace('  param slow: int in [10, 200] = 30', '  param slow: int in [10, 200] = 30\n  param band: ratio in [0, 0.1] = 0.02').replace("entry long when crossover(sma(close, fast), sma(close, slow))", "entry long when crossover(sma(close, fast), sma(close, slow) * (1 + band))")}

sweep sma_grid {
  strategy sma_cross
  grid band = 0.01..0.05
  select maximize sharpe(daily)
}`,
    `${SMA.replace('  param slow: int in [10, 200] = 30', '  param slow: int in [10, 200] = 30\n  param band: ratio in [0, 0.1] = 0.02').replace("entry long when crossover(sma(close, fast), sma(close, slow))", "entry long when crossover(sma(close, fast), sma(close, slow) * (1 + band))")}

sweep sma_grid {
  strategy sma_cross
  grid band = 0.01..0.05 step 0.01
  select maximize sharpe(daily)
}`,
  ),
  entry(
    "E0512",
    "rule is not `metric OP value`",
    `Gate rules, promotion triggers and select compare a metric with a constant:
\`profit_factor >= 1.1\`, \`sharpe(daily) >= 1.0\`, \`change(profit_factor) >= 3%\`.
Compare one metric per rule; join rules by writing several \`require\` lines.`,
    `gate g {
  require trades >= 30 and win_rate >= 50%
}`,
    `gate g {
  require trades >= 30
  require win_rate >= 50%
}`,
  ),
  entry(
    "E0513",
    "change(...) without a baseline",
    `\`change(metric)\` is the relative change of a metric against the baseline run
(metric / baseline - 1). The gate must name the baseline strategy; promotion
triggers and select cannot use it.`,
    `${SMA}

gate uplift {
  require change(profit_factor) >= 3%
}`,
    `${SMA}

gate uplift {
  baseline sma_cross
  require change(profit_factor) >= 3%
}`,
  ),
  entry(
    "E0514",
    "unknown metric",
    `A rule names no metric. The metrics are listed in stdlib/signatures/metrics.ts
(trades, win_rate, profit_factor, sharpe(daily), max_drawdown, ...).`,
    `gate g {
  require sharp(daily) >= 1.0
}`,
    `gate g {
  require sharpe(daily) >= 1.0
}`,
  ),
  entry(
    "E0515",
    "promotion moves a sleeve to itself",
    `\`promote A -> B\` and \`demote A -> B\` move capital between two different sleeves.`,
    `${SLEEVES}
${GATE}

promotion p {
  promote core -> core when quality passes 3 consecutive runs
}`,
    `${SLEEVES}
${GATE}

promotion p {
  promote safe -> core when quality passes 3 consecutive runs
}`,
  ),
  entry(
    "E0516",
    "rollout stages out of order",
    `A rollout raises the share of capital stage by stage: shadow (0%), then canary and
staged fractions in increasing order, then full (100%).`,
    `promotion p {
  rollout shadow -> canary(20%) -> canary(10%) -> full
}`,
    `promotion p {
  rollout shadow -> canary(10%) -> staged(50%) -> full
}`,
  ),
  entry(
    "E0517",
    "adjust step outside (0%, 100%]",
    `\`adjust params toward sweep S by at most P per cycle\` moves each param at most the
fraction P of the way to the sweep's optimum per cycle: 0% never moves, more than
100% overshoots.`,
    `${sweep("  grid fast = [5, 10]")}

promotion p {
  adjust params toward sweep sma_grid by at most 150% per cycle
}`,
    `${sweep("  grid fast = [5, 10]")}

promotion p {
  adjust params toward sweep sma_grid by at most 25% per cycle
}`,
  ),
  entry(
    "E0518",
    "invalid cron expression",
    `Schedules use five-field cron expressions (minute hour day-of-month month
day-of-week), validated at compile time so that a typo never becomes a schedule
that silently never fires.`,
    `${GATE}

schedule nightly {
  cron "0 25 * * *"
  run quality
}`,
    `${GATE}

schedule nightly {
  cron "0 23 * * *"
  run quality
}`,
  ),
  entry(
    "E0520",
    "item given twice",
    `A sweep has one windows item and one select; a promotion has at most one adjust,
one rollout and one rollback.`,
    `promotion p {
  rollout shadow -> full
  rollout shadow -> canary(10%) -> full
}`,
    `promotion p {
  rollout shadow -> canary(10%) -> full
}`,
  ),
  entry(
    "E0521",
    "gate without rules",
    `A gate with no \`require\` would pass every run.`,
    `gate g {
  scope run_source == prod
}`,
    `gate g {
  scope run_source == prod
  require trades >= 30
}`,
  ),
  entry(
    "E0522",
    "invalid scope clause",
    `A gate's scope is a conjunction (\`and\`) of clauses \`field == value\` or
\`field != value\` over run_source (prod, paper, smoke, maintenance), data_regime
(prod_live, maintenance_replay, mixed), strategy (a strategy name) and ticker (a
string).`,
    `gate g {
  scope source == prod
  require trades >= 30
}`,
    `gate g {
  scope run_source == prod
  require trades >= 30
}`,
  ),
  entry(
    "E0523",
    "sleeve listed twice",
    `A portfolio lists each sleeve once.`,
    `${SLEEVES}

portfolio p {
  sleeves [safe, core, safe]
}`,
    `${SLEEVES}

portfolio p {
  sleeves [safe, core]
}`,
  ),
  entry(
    "E0524",
    "schedule without run steps",
    `A schedule needs \`run a then b ...\`: what to run when the cron fires.`,
    `schedule nightly {
  cron "0 6 * * 1-5"
}`,
    `${GATE}

schedule nightly {
  cron "0 6 * * 1-5"
  run quality
}`,
  ),
  entry(
    "E0525",
    "unknown outcome after else",
    `A failing gate rule yields \`fail\` (the default) or, for rules about the amount of
evidence, \`insufficient_observation\`.`,
    `gate g {
  require trades >= 30 else skip
}`,
    `gate g {
  require trades >= 30 else insufficient_observation
}`,
  ),
  entry(
    "E0526",
    "invalid consecutive-run count",
    `\`GATE passes N consecutive runs\` needs a whole N of at least 1.`,
    `${SLEEVES}
${GATE}

promotion p {
  promote safe -> core when quality passes 0 consecutive runs
}`,
    `${SLEEVES}
${GATE}

promotion p {
  promote safe -> core when quality passes 3 consecutive runs
}`,
  ),
  entry(
    "E0527",
    "sweep without a grid",
    `A sweep needs at least one \`grid <param> = values\`; otherwise it has nothing to try.`,
    `${SMA}

sweep sma_grid {
  strategy sma_cross
  select maximize sharpe(daily)
}`,
    `${SMA}

sweep sma_grid {
  strategy sma_cross
  grid fast = [5, 10, 20]
  select maximize sharpe(daily)
}`,
  ),
  entry(
    "E0528",
    "empty or wrapping no-trade window",
    `A no-trade window runs from its first time to its second within one day; a window
that would cross midnight is written as two windows.`,
    strategy(`  no_trade "16:00".."09:30" tz "America/New_York"
  entry long when close > sma(close, 20)`),
    strategy(`  no_trade "16:00".."23:59" tz "America/New_York"
  no_trade "00:00".."09:30" tz "America/New_York"
  entry long when close > sma(close, 20)`),
  ),
  entry(
    "E0529",
    "invalid costs",
    `\`costs\` is a sum of cost terms, commission(rate) + slippage(rate), each at most
once.`,
    strategy(`  costs commission(1bps) + commission(2bps)
  entry long when close > sma(close, 20)`),
    strategy(`  costs commission(3bps) + slippage(5bps)
  entry long when close > sma(close, 20)`),
  ),
  bug(
    "E0601",
    "compiled plan does not match its schema",
    `The compiler produced a plan that specs/plan.schema.json rejects. This is a bug in
strat, not in your sources: report it with the files that trigger it. The message
carries Ajv's description of the mismatch.`,
  ),
  bug(
    "E0602",
    "internal compiler error",
    `A compiler phase failed unexpectedly. This is a bug in strat, not in your sources:
report it with the files that trigger it.`,
  ),
  entry(
    "W0501",
    "random search asks for more trials than grid points",
    `\`random(trials, seed)\` draws distinct grid points, so a study never runs more trials
than the grid has points: asking for more usually means the grid is smaller than
intended. Use \`search grid\` to try every point once. (A tpe budget larger than the
grid is not reported: the optimizer simply stops when every point has been tried.)`,
    sweep(`  grid fast = [5, 10]
  search random(trials: 50, seed: 1)`),
    sweep(`  grid fast = [5, 10]
  search grid`),
  ),
  entry(
    "W0502",
    "select optimises a metric in the wrong direction",
    `The selected trial would be the worst one: maximizing a metric where lower is
better (max_drawdown, volatility) or minimizing one where higher is better.`,
    `${SMA}

sweep sma_grid {
  strategy sma_cross
  grid fast = [5, 10]
  select maximize max_drawdown
}`,
    `${SMA}

sweep sma_grid {
  strategy sma_cross
  grid fast = [5, 10]
  select minimize max_drawdown
}`,
  ),
  entry(
    "W0503",
    "ticker listed twice",
    `A universe lists a ticker twice; it is traded once.`,
    `strategy s {
  universe ["SPY", "QQQ", "SPY"]
  entry long when close > sma(close, 20)
}`,
    `strategy s {
  universe ["SPY", "QQQ"]
  entry long when close > sma(close, 20)
}`,
  ),
  entry(
    "W0504",
    "unused param",
    `A param no expression of its strategy reads has no effect, and sweeping it would
waste trials.`,
    strategy(`  param fast: int in [2, 50] = 10
  entry long when close > sma(close, 20)`),
    strategy(`  param fast: int in [2, 50] = 10
  entry long when close > sma(close, fast)`),
  ),
  entry(
    "W0505",
    "unused let",
    `A let no expression reads has no effect.`,
    strategy(`  let trend = sma(close, 200)
  entry long when close > sma(close, 20)`),
    strategy(`  let trend = sma(close, 200)
  entry long when close > trend`),
  ),
  entry(
    "W0506",
    "grid too large to apply constraints at compile time",
    `With more than 200,000 grid points the compiler does not enumerate the grid to
apply the constraints: gridSize is then an upper bound, and the sweep engine
applies the constraints while sampling.`,
    `strategy s {
  universe ["SPY"]
  param a: int in [1, 1000] = 10
  param b: int in [1, 1000] = 30
  entry long when sma(close, a) > sma(close, b)
}

sweep big {
  strategy s
  grid a = 1..1000
  grid b = 1..1000
  constraint a < b
  search random(trials: 500, seed: 1)
  select maximize sharpe(daily)
}`,
    `strategy s {
  universe ["SPY"]
  param a: int in [1, 1000] = 10
  param b: int in [1, 1000] = 30
  entry long when sma(close, a) > sma(close, b)
}

sweep big {
  strategy s
  grid a = 1..100
  grid b = 1..100
  constraint a < b
  search random(trials: 500, seed: 1)
  select maximize sharpe(daily)
}`,
  ),
];
