// The JSON-lines messages of the external model protocol (EXTERNAL.md): what the runtime writes
// (hello, bar, end) and the validation of each reply line.
import type { Bars } from "../../data/bars.js";

/** The protocol version sent in hello. */
export const PROTOCOL_VERSION = 1;

/** The first line sent to the model. */
export function helloLine(model: string, ticker: string, options: Readonly<Record<string, unknown>>, barCount: number, barSeconds: number, horizonBars: number): string {
  return JSON.stringify({ type: "hello", protocol: PROTOCOL_VERSION, model, ticker, bars: barCount, bar_seconds: barSeconds, horizon_bars: horizonBars, options });
}

/** The line for bar i: its time and OHLCV, nothing later. */
export function barLine(bars: Bars, i: number, t: string): string {
  return JSON.stringify({ type: "bar", t, open: bars.open[i], high: bars.high[i], low: bars.low[i], close: bars.close[i], volume: bars.volume[i] });
}

/** The last line sent. */
export const END_LINE = JSON.stringify({ type: "end" });

/** A valid reply: NaN where the model sent null (warm-up). */
export interface Reply {
  readonly expectedReturn: number;
  readonly confidence: number;
  readonly volatility: number;
  /** The model's self-reported version, when it sent one. */
  readonly version: string | null;
}

function field(message: Record<string, unknown>, name: string): number | string {
  if (!(name in message)) return `missing field "${name}"`;
  const value = message[name];
  if (value === null) return NaN;
  if (typeof value !== "number" || !Number.isFinite(value)) return `"${name}" must be a finite number or null, got ${JSON.stringify(value)}`;
  return value;
}

function excerpt(line: string): string {
  return line.length > 120 ? `${line.slice(0, 120)}...` : line;
}

/** Parses and checks one reply line for the bar stamped `t`; a string is the problem in words. */
export function parseReply(line: string, t: string): Reply | string {
  let message: unknown;
  try {
    message = JSON.parse(line);
  } catch {
    return `not JSON: ${excerpt(line)}`;
  }
  if (typeof message !== "object" || message === null || Array.isArray(message)) return `not a JSON object: ${excerpt(line)}`;
  const m = message as Record<string, unknown>;
  if (m.t !== t) return `"t" is ${JSON.stringify(m.t ?? null)}, expected "${t}" (one reply per bar, in order)`;
  const expectedReturn = field(m, "expected_return");
  if (typeof expectedReturn === "string") return expectedReturn;
  const confidence = field(m, "confidence");
  if (typeof confidence === "string") return confidence;
  if (confidence < 0 || confidence > 1) return `"confidence" must be in [0, 1], got ${confidence}`;
  const volatility = field(m, "volatility");
  if (typeof volatility === "string") return volatility;
  if (volatility < 0) return `"volatility" must be >= 0, got ${volatility}`;
  const version = typeof m.version === "string" && m.version !== "" ? m.version.slice(0, 100) : null;
  return { expectedReturn, confidence, volatility, version };
}
