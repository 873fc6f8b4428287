// Recursive indicators (ema, Wilder's smoothing, rsi) restart after a NaN input: each
// stretch of valid values is computed on its own, by one call that runs its loop start to
// end (see seeded-average.ts for why). This walks the stretches and writes the NaN outputs
// between them.

/**
 * For each stretch of valid values of `source` from `start` that holds at least `need` of them,
 * calls `run(from)`: it writes outputs from `from + need − 1` on and returns the index of the NaN
 * that ends the stretch, or source.length. Every other output (before `start`, in stretches too
 * short, before each stretch's first output, at each ending NaN) is set to NaN.
 */
export function forEachValidRun(source: Float64Array, out: Float64Array, start: number, need: number, run: (from: number) => number): void {
  const n = source.length;
  let t = Math.min(n, Math.max(0, start));
  out.fill(NaN, 0, t);
  while (t < n) {
    const seedEnd = Math.min(n, t + need);
    const firstNaN = nextNaN(source, t, seedEnd);
    if (firstNaN < seedEnd || seedEnd - t < need) {
      // Not enough valid values before a NaN (or the end): all unknown, then restart past the NaN.
      const stop = Math.min(n, firstNaN + 1);
      out.fill(NaN, t, stop);
      t = stop;
      continue;
    }
    out.fill(NaN, t, t + need - 1);
    const end = run(t);
    if (end < n) out[end] = NaN;
    t = end + 1;
  }
}

/** The first index in [from, to) holding NaN, or `to`. */
function nextNaN(source: Float64Array, from: number, to: number): number {
  let k = from;
  while (k < to && (source[k] as number) === (source[k] as number)) k++;
  return k;
}
