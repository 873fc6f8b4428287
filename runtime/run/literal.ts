// Parses values typed on the command line (`--param stop_loss=5%`,
// `--commission 0.1%`, `--cash 100000` or `$100k`) into normalised scalars,
// with the same units as the language: percent and bps become ratios,
// durations seconds, money currency units.

/** A parsed command-line literal. */
export type CliLiteral =
  | { readonly kind: "number"; readonly value: number; readonly unit: "number" | "ratio" | "money" | "seconds" | "bars"; readonly integral: boolean }
  | { readonly kind: "bool"; readonly value: boolean }
  | { readonly kind: "string"; readonly value: string };

const DURATION_SECONDS: Readonly<Record<string, number>> = { s: 1, m: 60, h: 3600, d: 86400, w: 604800, y: 31536000 };
const MONEY_SCALE: Readonly<Record<string, number>> = { "": 1, k: 1e3, m: 1e6, b: 1e9 };

/** Parses one literal; unknown shapes are strings. */
export function parseCliLiteral(raw: string): CliLiteral {
  const text = raw.trim();
  if (text === "true" || text === "false") return { kind: "bool", value: text === "true" };
  let m = /^(-?\d+(?:\.\d+)?)%$/.exec(text);
  if (m) return { kind: "number", value: Number(m[1]) / 100, unit: "ratio", integral: false };
  m = /^(-?\d+(?:\.\d+)?)bps$/.exec(text);
  if (m) return { kind: "number", value: Number(m[1]) / 10000, unit: "ratio", integral: false };
  m = /^\$(\d+(?:\.\d+)?)([kmb]?)$/.exec(text);
  if (m) return { kind: "number", value: Number(m[1]) * (MONEY_SCALE[m[2] ?? ""] ?? 1), unit: "money", integral: false };
  m = /^(\d+(?:\.\d+)?)([smhdwy])$/.exec(text);
  if (m) return { kind: "number", value: Number(m[1]) * (DURATION_SECONDS[m[2] ?? "s"] ?? 1), unit: "seconds", integral: false };
  m = /^(\d+)\s*bars$/.exec(text);
  if (m) return { kind: "number", value: Number(m[1]), unit: "bars", integral: true };
  if (/^-?\d+(?:\.\d+)?(?:[eE][-+]?\d+)?$/.test(text)) return { kind: "number", value: Number(text), unit: "number", integral: /^-?\d+$/.test(text) };
  return { kind: "string", value: text.replace(/^"(.*)"$/, "$1") };
}
