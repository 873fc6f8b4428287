// Indicator name → compute function. The evaluator (runtime/eval) evaluates the
// call's arguments, checks them against `args` (series, positive integer period,
// finite number) and calls `compute`, which therefore cannot fail.
//
// Conventions shared by every indicator (written out in grammar.md):
// - one value per bar; warm-up bars are NaN; a NaN input makes the windows that
//   contain it NaN, and recursive indicators (ema, rsi, atr) restart their seed;
// - outputs are allocated once per call, nothing is allocated per bar;
// - boolean results (crossover, crossunder) are 1 / 0, NaN where unknown.

import { abs } from "./abs.js";
import { atr } from "./atr.js";
import { bollinger } from "./bollinger.js";
import { crossover } from "./crossover.js";
import { crossunder } from "./crossunder.js";
import { ema } from "./ema.js";
import { highest } from "./highest.js";
import { logReturns } from "./log-returns.js";
import { lowest } from "./lowest.js";
import { max } from "./max.js";
import { min } from "./min.js";
import { returns } from "./returns.js";
import { rsi } from "./rsi.js";
import { sma } from "./sma.js";
import { stdev } from "./stdev.js";
import { wma } from "./wma.js";
import { zscore } from "./zscore.js";

/** How an indicator argument is checked before compute: a series, a positive integer bar count, or a finite number. */
export type IndicatorArgKind = "series" | "period" | "number";

/** An evaluated argument: series as Float64Array (one value per bar), scalars as numbers. */
export type IndicatorArg = Float64Array | number;

/** The bar fields indicators may read besides their arguments (atr reads high, low, close). */
export interface IndicatorBars {
  readonly high: Float64Array;
  readonly low: Float64Array;
  readonly close: Float64Array;
}

/** A series, or a record of named series (bollinger's upper / middle / lower). */
export type IndicatorOutput = Float64Array | Readonly<Record<string, Float64Array>>;

/** Returns a buffer of n values; its contents are arbitrary, the caller writes every element. */
export type Allocate = (n: number) => Float64Array;

/** One indicator's runtime definition. */
export interface IndicatorImpl {
  /** The kind of each positional argument, in the signature's parameter order. */
  readonly args: readonly IndicatorArgKind[];
  /** Computes the indicator into buffers from `alloc` (contents arbitrary; every element is written); arguments are already checked against `args`. */
  compute(args: readonly IndicatorArg[], bars: IndicatorBars, alloc: Allocate): IndicatorOutput;
}

const series = (a: IndicatorArg | undefined): Float64Array => a as Float64Array;
const num = (a: IndicatorArg | undefined): number => a as number;

/** Every indicator, by builtin name. */
export const INDICATOR_IMPLS: Readonly<Record<string, IndicatorImpl>> = {
  sma: { args: ["series", "period"], compute: ([s, p], _, alloc) => sma(series(s), num(p), alloc(series(s).length)) },
  ema: { args: ["series", "period"], compute: ([s, p], _, alloc) => ema(series(s), num(p), alloc(series(s).length)) },
  wma: { args: ["series", "period"], compute: ([s, p], _, alloc) => wma(series(s), num(p), alloc(series(s).length)) },
  rsi: { args: ["series", "period"], compute: ([s, p], _, alloc) => rsi(series(s), num(p), alloc(series(s).length)) },
  atr: {
    args: ["period"],
    compute: ([p], bars, alloc) => {
      const n = bars.close.length;
      return atr(bars.high, bars.low, bars.close, num(p), alloc(n), alloc(n));
    },
  },
  stdev: { args: ["series", "period"], compute: ([s, p], _, alloc) => stdev(series(s), num(p), alloc(series(s).length)) },
  zscore: { args: ["series", "period"], compute: ([s, p], _, alloc) => zscore(series(s), num(p), alloc(series(s).length)) },
  bollinger: { args: ["series", "period", "number"], compute: ([s, p, w], _, alloc) => ({ ...bollinger(series(s), num(p), num(w), alloc) }) },
  returns: { args: ["series", "period"], compute: ([s, p], _, alloc) => returns(series(s), num(p), alloc(series(s).length)) },
  log_returns: { args: ["series", "period"], compute: ([s, p], _, alloc) => logReturns(series(s), num(p), alloc(series(s).length)) },
  highest: { args: ["series", "period"], compute: ([s, p], _, alloc) => highest(series(s), num(p), alloc(series(s).length)) },
  lowest: { args: ["series", "period"], compute: ([s, p], _, alloc) => lowest(series(s), num(p), alloc(series(s).length)) },
  crossover: { args: ["series", "series"], compute: ([a, b], _, alloc) => crossover(series(a), series(b), alloc(series(a).length)) },
  crossunder: { args: ["series", "series"], compute: ([a, b], _, alloc) => crossunder(series(a), series(b), alloc(series(a).length)) },
  abs: { args: ["series"], compute: ([s], _, alloc) => abs(series(s), alloc(series(s).length)) },
  min: { args: ["series", "series"], compute: ([a, b], _, alloc) => min(series(a), series(b), alloc(series(a).length)) },
  max: { args: ["series", "series"], compute: ([a, b], _, alloc) => max(series(a), series(b), alloc(series(a).length)) },
};

/** Looks an indicator up by builtin name. */
export function lookupIndicator(name: string): IndicatorImpl | undefined {
  return Object.hasOwn(INDICATOR_IMPLS, name) ? INDICATOR_IMPLS[name] : undefined;
}
