// Indicators: series in, series out. Warm-up bars are NaN; comparisons with NaN are false.
import { T, type BuiltinSig, type ParamSig } from "../signature.js";

const src: ParamSig = { name: "source", type: T.series("number"), doc: "input series" };
const period = (dflt?: number): ParamSig => ({
  name: "period",
  type: T.scalar("int"),
  domain: { min: 1 },
  doc: "window length in bars",
  ...(dflt === undefined ? {} : { default: dflt }),
});

/** Indicator signatures. */
export const INDICATORS: readonly BuiltinSig[] = [
  { name: "sma", kind: "indicator", params: [src, period()], result: T.sameAs(0), doc: "simple moving average over `period` bars" },
  { name: "ema", kind: "indicator", params: [src, period()], result: T.sameAs(0), doc: "exponential moving average, alpha 2/(period+1), seeded with the first period's SMA" },
  { name: "wma", kind: "indicator", params: [src, period()], result: T.sameAs(0), doc: "linearly weighted moving average, newest bar weighted `period`" },
  { name: "rsi", kind: "indicator", params: [src, period(14)], result: T.series("number"), doc: "Wilder's relative strength index in [0, 100]" },
  { name: "atr", kind: "indicator", params: [period(14)], result: T.series("number"), doc: "Wilder's average true range of the bars" },
  { name: "stdev", kind: "indicator", params: [src, period()], result: T.sameAs(0), doc: "sample standard deviation over `period` bars" },
  { name: "zscore", kind: "indicator", params: [src, period()], result: T.series("number"), doc: "(source - sma) / stdev over `period` bars" },
  {
    name: "bollinger",
    kind: "indicator",
    params: [src, period(20), { name: "width", type: T.scalar("number"), default: 2, domain: { min: 0 }, doc: "band width in standard deviations" }],
    result: T.record({ upper: T.series("number"), middle: T.series("number"), lower: T.series("number") }),
    doc: "Bollinger bands: sma ± width × population stdev",
  },
  { name: "returns", kind: "indicator", params: [src, period(1)], result: T.series("ratio"), doc: "simple return over `period` bars: source / source[period] - 1" },
  { name: "log_returns", kind: "indicator", params: [src, period(1)], result: T.series("number"), doc: "log return over `period` bars: ln(source / source[period])" },
  { name: "highest", kind: "indicator", params: [src, period()], result: T.sameAs(0), doc: "highest value over the last `period` bars, this bar included" },
  { name: "lowest", kind: "indicator", params: [src, period()], result: T.sameAs(0), doc: "lowest value over the last `period` bars, this bar included" },
  {
    name: "crossover",
    kind: "indicator",
    params: [{ name: "a", type: T.series("number"), doc: "the crossing series" }, { name: "b", type: T.series("number"), doc: "the series crossed" }],
    result: T.series("bool"),
    doc: "true on bar t when a[t-1] <= b[t-1] and a[t] > b[t]",
  },
  {
    name: "crossunder",
    kind: "indicator",
    params: [{ name: "a", type: T.series("number"), doc: "the crossing series" }, { name: "b", type: T.series("number"), doc: "the series crossed" }],
    result: T.series("bool"),
    doc: "true on bar t when a[t-1] >= b[t-1] and a[t] < b[t]",
  },
  { name: "abs", kind: "indicator", params: [src], result: T.sameAs(0), doc: "absolute value" },
  {
    name: "min",
    kind: "indicator",
    params: [src, { name: "other", type: T.series("number"), doc: "second input" }],
    result: T.sameAs(0),
    doc: "smaller of two inputs, bar by bar",
  },
  {
    name: "max",
    kind: "indicator",
    params: [src, { name: "other", type: T.series("number"), doc: "second input" }],
    result: T.sameAs(0),
    doc: "larger of two inputs, bar by bar",
  },
];
