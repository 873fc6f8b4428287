// Rounding sizes down to whole units without being fooled by binary fractions:
// 0.5 × (0.7 − 0.3) × 1000 / 10 is 19.999999999999996 in doubles, and a quant
// who asked for 20 units expects 20. Sizes within a relative 1e-9 below an integer
// round up to it; anything further below rounds down. Affordability (what cash
// buys) is always floored exactly, so this never spends cash that is not there.

/** Rounds a size down to whole units, tolerating binary rounding error. */
export function wholeUnits(x: number): number {
  return Math.floor(x + 1e-9 * Math.max(1, Math.abs(x)));
}
