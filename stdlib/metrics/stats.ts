// Small statistics helpers shared by the metrics. Pure, no allocation beyond what
// the caller passes.

/** Arithmetic mean; NaN for an empty array. */
export function mean(xs: Float64Array): number {
  let s = 0;
  for (let i = 0; i < xs.length; i++) s += xs[i] as number;
  return xs.length === 0 ? NaN : s / xs.length;
}

/**
 * A ratio with the metrics' zero-denominator convention: ±Infinity by the sign of
 * the numerator when the denominator is 0, null when both are 0 (undefined), null
 * when either is NaN.
 */
export function ratio(numerator: number, denominator: number): number | null {
  if (numerator !== numerator || denominator !== denominator) return null;
  if (denominator === 0) return numerator === 0 ? null : numerator > 0 ? Infinity : -Infinity;
  return numerator / denominator;
}

/**
 * Rearranges `xs` in place so that xs[k] is the k-th smallest value (0-based),
 * everything before it is <= xs[k] and everything after is >= xs[k]; returns xs[k].
 * Quickselect with a median-of-three pivot: O(n) on average, deterministic.
 */
export function selectKth(xs: Float64Array, k: number): number {
  let lo = 0;
  let hi = xs.length - 1;
  while (hi > lo) {
    const mid = (lo + hi) >>> 1;
    const a = xs[lo] as number;
    const b = xs[mid] as number;
    const c = xs[hi] as number;
    const pivot = a < b ? (b < c ? b : a < c ? c : a) : a < c ? a : b < c ? c : b;
    let i = lo;
    let j = hi;
    while (i <= j) {
      while ((xs[i] as number) < pivot) i++;
      while ((xs[j] as number) > pivot) j--;
      if (i <= j) {
        const tmp = xs[i] as number;
        xs[i] = xs[j] as number;
        xs[j] = tmp;
        i++;
        j--;
      }
    }
    if (k <= j) hi = j;
    else if (k >= i) lo = i;
    else break;
  }
  return xs[k] as number;
}
