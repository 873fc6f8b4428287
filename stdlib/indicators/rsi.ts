// Wilder's relative strength index. Up and down moves of consecutive values are
// Wilder-smoothed (alpha 1/period), each seeded with the mean of the first
// `period` moves, so the first value is at index `period`.
// RSI = 100 × up / (up + down). Conventions for empty denominators follow
// backtrader's safe division: no down moves → 100, no moves at all → 50.
// A NaN value restarts the averages.

/** Fills `out` with Wilder's RSI of `source` over `period` bars; returns `out`. */
export function rsi(source: Float64Array, period: number, out: Float64Array): Float64Array {
  let moves = 0;
  let up = 0;
  let down = 0;
  for (let t = 0; t < source.length; t++) {
    const x = source[t] as number;
    const prev = t > 0 ? (source[t - 1] as number) : NaN;
    if (x !== x || prev !== prev) {
      moves = 0;
      up = 0;
      down = 0;
      out[t] = NaN;
      continue;
    }
    const change = x - prev;
    const gain = change > 0 ? change : 0;
    const loss = change < 0 ? -change : 0;
    moves++;
    if (moves < period) {
      up += gain;
      down += loss;
      out[t] = NaN;
      continue;
    }
    if (moves === period) {
      up = (up + gain) / period;
      down = (down + loss) / period;
    } else {
      up = (up * (period - 1) + gain) / period;
      down = (down * (period - 1) + loss) / period;
    }
    const total = up + down;
    out[t] = total === 0 ? 50 : down === 0 ? 100 : (100 * up) / total;
  }
  return out;
}
