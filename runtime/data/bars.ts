// Columnar OHLCV bars: one Float64Array per field, so indicators and the
// engine loop read contiguous memory and allocate nothing per bar.

/** One ticker's bars, sorted by time, no duplicate timestamps. */
export interface Bars {
  readonly ticker: string;
  /** Bar open time, epoch milliseconds UTC. Daily bars are stamped 00:00 UTC of their date. */
  readonly time: Float64Array;
  readonly open: Float64Array;
  readonly high: Float64Array;
  readonly low: Float64Array;
  readonly close: Float64Array;
  readonly volume: Float64Array;
}

/** Allocates bars of length n, zero-filled. */
export function allocateBars(ticker: string, n: number): Bars {
  return {
    ticker,
    time: new Float64Array(n),
    open: new Float64Array(n),
    high: new Float64Array(n),
    low: new Float64Array(n),
    close: new Float64Array(n),
    volume: new Float64Array(n),
  };
}

/** Returns the bars with time in [fromMs, toMs] (inclusive), sharing memory with the input. */
export function sliceBarsByTime(bars: Bars, fromMs: number, toMs: number): Bars {
  let lo = 0;
  while (lo < bars.time.length && (bars.time[lo] ?? 0) < fromMs) lo++;
  let hi = lo;
  while (hi < bars.time.length && (bars.time[hi] ?? 0) <= toMs) hi++;
  return {
    ticker: bars.ticker,
    time: bars.time.subarray(lo, hi),
    open: bars.open.subarray(lo, hi),
    high: bars.high.subarray(lo, hi),
    low: bars.low.subarray(lo, hi),
    close: bars.close.subarray(lo, hi),
    volume: bars.volume.subarray(lo, hi),
  };
}
