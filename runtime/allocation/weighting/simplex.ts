// Long-only quadratic programs on small dense matrices, solved by accelerated
// projected gradient (FISTA with a fixed step 1/L, L = 2 × the Gershgorin bound on
// the largest eigenvalue of Σ), started from equal weights, stopped when no weight
// moves more than 1e-12 or after 20,000 steps. Deterministic: no randomness, a
// fixed operation order. Used by min_variance and max_sharpe.

const MAX_STEPS = 20_000;
const TOLERANCE = 1e-12;

/** Σ·x. */
export function matVec(m: readonly Float64Array[], x: Float64Array): Float64Array {
  return Float64Array.from(m, (row) => {
    let s = 0;
    for (let j = 0; j < x.length; j++) s += (row[j] as number) * (x[j] as number);
    return s;
  });
}

/** x'Σx. */
export function quadForm(m: readonly Float64Array[], x: Float64Array): number {
  const mx = matVec(m, x);
  let s = 0;
  for (let i = 0; i < x.length; i++) s += (x[i] as number) * (mx[i] as number);
  return s;
}

/** Euclidean projection onto { w ≥ 0, Σw = 1 } (sort-based, Held–Wolfe–Crowder / Duchi et al.). */
export function projectSimplex(v: Float64Array): Float64Array {
  const u = Float64Array.from(v).sort().reverse();
  let cumulative = 0;
  let theta = 0;
  for (let i = 0; i < u.length; i++) {
    cumulative += u[i] as number;
    const t = (cumulative - 1) / (i + 1);
    if ((u[i] as number) - t > 0) theta = t;
  }
  return Float64Array.from(v, (x) => Math.max(0, x - theta));
}

/** Euclidean projection onto { y ≥ 0, a'y = 1 }, by bisection on the multiplier τ in y = max(0, v − τa). */
export function projectHyperplane(v: Float64Array, a: Float64Array): Float64Array {
  const g = (tau: number): number => {
    let s = 0;
    for (let i = 0; i < v.length; i++) s += (a[i] as number) * Math.max(0, (v[i] as number) - tau * (a[i] as number));
    return s;
  };
  // g is continuous and non-increasing in τ: bracket the crossing of 1, then bisect.
  let lo = -1;
  let hi = 1;
  while (g(lo) < 1 && lo > -1e300) lo *= 2;
  while (g(hi) > 1 && hi < 1e300) hi *= 2;
  for (let i = 0; i < 200 && hi - lo > 1e-15 * Math.max(1, Math.abs(lo), Math.abs(hi)); i++) {
    const mid = (lo + hi) / 2;
    if (g(mid) > 1) lo = mid;
    else hi = mid;
  }
  const tau = (lo + hi) / 2;
  return Float64Array.from(v, (x, i) => Math.max(0, x - tau * (a[i] as number)));
}

/** Minimises x'Σx over the set `project` maps onto, from `start`. */
export function minimiseQuadratic(cov: readonly Float64Array[], start: Float64Array, project: (v: Float64Array) => Float64Array): Float64Array {
  let bound = 0;
  for (const row of cov) {
    let s = 0;
    for (const x of row) s += Math.abs(x);
    bound = Math.max(bound, s);
  }
  if (!(bound > 0)) return start;
  const step = 1 / (2 * bound);
  let x = start;
  let y = start;
  let t = 1;
  for (let k = 0; k < MAX_STEPS; k++) {
    const grad = matVec(cov, y);
    const next = project(Float64Array.from(y, (yi, i) => yi - step * 2 * (grad[i] as number)));
    const tNext = (1 + Math.sqrt(1 + 4 * t * t)) / 2;
    let moved = 0;
    for (let i = 0; i < x.length; i++) moved = Math.max(moved, Math.abs((next[i] as number) - (x[i] as number)));
    y = Float64Array.from(next, (ni, i) => ni + ((t - 1) / tNext) * (ni - (x[i] as number)));
    x = next;
    t = tNext;
    if (moved <= TOLERANCE) break;
  }
  return x;
}
