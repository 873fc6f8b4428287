// Hierarchical risk parity (López de Prado, 2016). Input: a covariance matrix with
// a positive diagonal. Output: long-only weights summing to 1.
// Steps: correlation distance d_ij = sqrt((1 − ρ_ij) / 2); single-linkage
// agglomerative clustering on d (the closest pair merges first; ties go to the
// pair with the lowest cluster ids, so the tree is deterministic); the leaf order
// of the tree (quasi-diagonalisation: each merge lists its lower-id cluster first);
// recursive bisection of that order into halves, each half's risk being the
// variance of its inverse-variance portfolio, the split α = 1 − V_left / (V_left + V_right)
// going to the left half.

/** HRP weights for a covariance matrix whose diagonal is positive. */
export function hrpWeights(cov: readonly Float64Array[]): Float64Array {
  const k = cov.length;
  const order = leafOrder(cov);
  const weights = new Float64Array(k).fill(1);
  const stack: number[][] = [order];
  while (stack.length > 0) {
    const items = stack.pop() as number[];
    if (items.length < 2) continue;
    const half = Math.floor(items.length / 2);
    const left = items.slice(0, half);
    const right = items.slice(half);
    const vLeft = clusterVariance(cov, left);
    const vRight = clusterVariance(cov, right);
    const alpha = vLeft + vRight > 0 ? 1 - vLeft / (vLeft + vRight) : 0.5;
    for (const i of left) weights[i] = (weights[i] as number) * alpha;
    for (const i of right) weights[i] = (weights[i] as number) * (1 - alpha);
    stack.push(right, left);
  }
  return weights;
}

/** The variance of the inverse-variance portfolio of a cluster. */
function clusterVariance(cov: readonly Float64Array[], items: readonly number[]): number {
  const inv = items.map((i) => 1 / ((cov[i] as Float64Array)[i] as number));
  const total = inv.reduce((s, x) => s + x, 0);
  const w = inv.map((x) => x / total);
  let v = 0;
  items.forEach((i, a) => items.forEach((j, b) => (v += (w[a] as number) * (w[b] as number) * ((cov[i] as Float64Array)[j] as number))));
  return v;
}

/** Leaves of the single-linkage tree in quasi-diagonal order. */
export function leafOrder(cov: readonly Float64Array[]): number[] {
  const k = cov.length;
  const dist = (i: number, j: number): number => {
    const rho = ((cov[i] as Float64Array)[j] as number) / Math.sqrt(((cov[i] as Float64Array)[i] as number) * ((cov[j] as Float64Array)[j] as number));
    return Math.sqrt(Math.max(0, (1 - Math.min(1, rho)) / 2));
  };
  // Active clusters: id → leaves (in order) and the distance to every other active cluster.
  const leaves = new Map<number, number[]>();
  const d = new Map<string, number>();
  const key = (a: number, b: number) => (a < b ? `${a},${b}` : `${b},${a}`);
  for (let i = 0; i < k; i++) leaves.set(i, [i]);
  for (let i = 0; i < k; i++) for (let j = i + 1; j < k; j++) d.set(key(i, j), dist(i, j));
  let next = k;
  while (leaves.size > 1) {
    const ids = [...leaves.keys()].sort((a, b) => a - b);
    let best: [number, number] = [ids[0] as number, ids[1] as number];
    let bestD = Infinity;
    for (let x = 0; x < ids.length; x++) {
      for (let y = x + 1; y < ids.length; y++) {
        const v = d.get(key(ids[x] as number, ids[y] as number)) as number;
        if (v < bestD) {
          bestD = v;
          best = [ids[x] as number, ids[y] as number];
        }
      }
    }
    const [a, b] = best;
    const merged = [...(leaves.get(a) as number[]), ...(leaves.get(b) as number[])];
    leaves.delete(a);
    leaves.delete(b);
    for (const c of leaves.keys()) d.set(key(next, c), Math.min(d.get(key(a, c)) as number, d.get(key(b, c)) as number));
    leaves.set(next, merged);
    next++;
  }
  return [...leaves.values()][0] ?? [];
}
