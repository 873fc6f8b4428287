// Typed constructors for the syntax diagnostics (E01xx). Phases call these,
// never build Diagnostic objects by hand, so wording and hints live in one place.
// The long forms are in codes-syntax.ts.

import type { Span } from "../source.js";
import type { Diagnostic, Label } from "./diagnostic.js";

interface Extra {
  readonly label?: string;
  readonly hints?: readonly string[];
  readonly secondary?: readonly Label[];
}

function error(code: string, span: Span, message: string, extra: Extra = {}): Diagnostic {
  return {
    code,
    severity: "error",
    message,
    span,
    ...(extra.label === undefined ? {} : { label: extra.label }),
    secondary: extra.secondary ?? [],
    hints: extra.hints ?? [],
  };
}

/** Lexical codes, each built from the offending text. */
export type LexCode = "E0101" | "E0102" | "E0103" | "E0104" | "E0105";

const CHAR_HINTS: Readonly<Record<string, string>> = {
  "!": "write `not x` for negation and `!=` for inequality",
  "&": "write `and` to combine conditions",
  "|": "write `or` to combine conditions",
  "'": 'strings use double quotes: `"AAPL"`',
  "#": "comments start with `//`",
  ";": "items need no separator: put the next item after a space or on its own line",
  $: "money is written `$` then digits: `$25k`, `$1.5m`, `$100000`",
};

const UNIT_WORDS = /^(sec|secs|second|seconds|min|mins|minute|minutes|hr|hrs|hour|hours|day|days|wk|wks|week|weeks|yr|yrs|year|years|mo|month|months)$/;

function numberHint(text: string): string {
  const suffix = /^\$?[\d.]+(?:[eE][+-]?\d+)?([A-Za-z_][A-Za-z0-9_]*)$/.exec(text)?.[1] ?? "";
  if (suffix === "bars") return `write a bar count with a space: \`${text.slice(0, -4)} bars\``;
  if (UNIT_WORDS.test(suffix)) return "durations use one letter: `15s`, `15m`, `4h`, `10d`, `2w`, `1y`";
  if (/\d\.\d*\./.test(text)) return "a number has at most one decimal point";
  return "a number is digits with an optional unit: `12`, `0.5`, `1e-3`, `12%`, `5bps`, `$25k`, `10d`";
}

/** A lexical error (E0101..E0105) for the given offending text. */
export function lexDiagnostic(code: LexCode, span: Span, text: string): Diagnostic {
  switch (code) {
    case "E0101": {
      const hint = CHAR_HINTS[text[0] ?? ""];
      const many = text.length > 1;
      return error(code, span, `unexpected character${many ? "s" : ""} '${text}'`, {
        label: "not part of the language",
        hints: hint === undefined ? [] : [hint],
      });
    }
    case "E0102":
      return error(code, span, "unterminated string", {
        label: "this string is not closed on its line",
        hints: ['close the string with `"`; a string cannot span lines (use `\\n` for a line break)'],
      });
    case "E0103":
      return error(code, span, "unterminated block comment", { label: "this comment is never closed", hints: ["close it with `*/`"] });
    case "E0104":
      return error(code, span, `unknown escape '${text}' in string`, {
        hints: ['the escapes are `\\"`, `\\\\`, `\\n` and `\\t`; write `\\\\` for a backslash'],
      });
    case "E0105":
      return error(code, span, `malformed number '${text}'`, { hints: [numberHint(text)] });
  }
}

/** E0106: a date literal that is not a calendar day. */
export function invalidDate(span: Span, text: string): Diagnostic {
  return error("E0106", span, `invalid date '${text}'`, { label: "no such calendar day", hints: ["dates are written `YYYY-MM-DD`, e.g. `2019-01-31`"] });
}

/** E0107: a numeric literal too large to represent. */
export function numberOutOfRange(span: Span, text: string): Diagnostic {
  return error("E0107", span, `number '${text}' is out of range`, { hints: ["use a value below 1e308"] });
}

/** E0110: a required token is missing. */
export function expectedToken(span: Span, expected: string, after: string | null, construct: string, found: string): Diagnostic {
  const where = after === null ? "" : ` after '${after}'`;
  // `expected a name after 'const' in const` says the construct twice.
  const inside = after === construct || construct.startsWith(`${after ?? ""} `) ? "" : ` in ${construct}`;
  const hints = expected === "')'" && found === "':'" ? ["named arguments are written inside a call: `f(name: value)`"] : [];
  return error("E0110", span, `expected ${expected}${where}${inside}`, { label: `found ${found}`, hints });
}

/** E0111: an expression is missing. */
export function expectedExpression(span: Span, after: string | null, found: string): Diagnostic {
  const where = after === null ? "" : ` after '${after}'`;
  return error("E0111", span, `expected an expression${where}`, { label: `found ${found}` });
}

/** E0112: a block's closing brace is missing. */
export function unclosedBlock(span: Span, kind: string, name: string, openSpan: Span | null, found: string): Diagnostic {
  return error("E0112", span, `expected '}' to close ${kind} '${name}'`, {
    label: `found ${found}`,
    secondary: openSpan === null ? [] : [{ span: openSpan, message: "block opened here" }],
    hints: ["every `{` needs a matching `}`"],
  });
}

/** E0113: something other than a declaration at the top level. */
export function expectedDeclaration(span: Span, found: string): Diagnostic {
  const stray = found === "'}'";
  return error("E0113", span, stray ? "unexpected '}' at the top level" : `expected a declaration, found ${found}`, {
    label: stray ? "this closes no block" : "not a declaration",
    hints: ["a file holds `import`, `const` and blocks: strategy, gate, sweep, sleeve, portfolio, promotion, schedule"],
  });
}

/** E0114: `a < b < c` or `a..b..c`. */
export function chainedComparison(span: Span, what: "comparison" | "range", hint: string): Diagnostic {
  return error("E0114", span, `a ${what} cannot be chained`, { hints: what === "comparison" ? [`write \`${hint}\``] : ["a range has one `..`: `from..to`"] });
}

/** E0115: a token that cannot start an item inside a block. */
export function expectedItem(span: Span, kind: string, name: string, found: string): Diagnostic {
  return error("E0115", span, `expected an item in ${kind} '${name}', found ${found}`, {
    label: "an item cannot start here",
    hints: ["an item starts with a keyword (param, model, let, entry, exit, require, ...) or a setting name (universe, bars, ...)"],
  });
}

/** E0116: a call whose callee is not a plain name. */
export function notCallable(span: Span): Diagnostic {
  return error("E0116", span, "only a name can be called", {
    label: "this is not a function name",
    hints: ["call a builtin by its name, e.g. `sma(close, 20)`; bind an intermediate value with `let` first"],
  });
}

/** E0117: `model x = <not a call>`. */
export function modelNotCall(span: Span): Diagnostic {
  return error("E0117", span, "a model must be a provider call", {
    hints: ["write `model NAME = provider(args)`, e.g. `model forecast = momentum(window: 20, horizon: 10d)`"],
  });
}

/** E0118: `adjust` followed by something other than `params`. */
export function adjustNeedsParams(span: Span, found: string): Diagnostic {
  return error("E0118", span, `expected 'params' after 'adjust', found '${found}'`, {
    hints: ["write `adjust params toward sweep NAME by at most 25% per cycle`"],
  });
}

/** E0119: a promotion trigger that is neither a gate streak nor a metric window. */
export function expectedTrigger(span: Span, found: string, gate: string | null): Diagnostic {
  const message = gate === null ? `expected a trigger after 'when', found ${found}` : `expected 'passes', 'fails' or 'over' after '${gate}', found ${found}`;
  return error("E0119", span, message, {
    hints: ["write `GATE passes 3 consecutive runs`, `GATE fails 2 consecutive runs` or `METRIC < 1.0 over 60d`"],
  });
}
