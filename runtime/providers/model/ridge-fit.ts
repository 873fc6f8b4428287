// Ridge regression with an intercept on standardised features, solved by Cholesky. Scratch memory
// is allocated once per run and reused by every walk-forward refit.
// Each fit standardises each feature with the training mean and sample standard deviation (so
// `alpha` penalises coefficients of unit-variance features, whatever the return scale), centres the
// target (the intercept is the target mean and is not penalised), and solves (ZᵀZ + αI) β = Zᵀ(y − ȳ).
// A feature that is constant in the window gets β = 0.

/** A reusable ridge fitter for p features and at most maxSamples samples. */
export class RidgeFitter {
  /** Training rows, row-major: sample i's feature j at i·p + j. Fill before fit(). */
  readonly x: Float64Array;
  /** Training targets. Fill before fit(). */
  readonly y: Float64Array;
  private readonly mean: Float64Array;
  private readonly scale: Float64Array;
  private readonly beta: Float64Array;
  private readonly gram: Float64Array;
  private readonly rhs: Float64Array;
  private readonly factor: Float64Array;
  private readonly forward: Float64Array;
  /** Mean and inverse scale of the last successful fit (mean/scale are the fit in progress). */
  private readonly fitMean: Float64Array;
  private readonly fitScale: Float64Array;
  private intercept = NaN;
  /** Sample standard deviation of the in-sample residuals of the last successful fit. */
  residualStd = NaN;

  constructor(readonly p: number, maxSamples: number) {
    this.x = new Float64Array(p * maxSamples);
    this.y = new Float64Array(maxSamples);
    this.mean = new Float64Array(p);
    this.scale = new Float64Array(p);
    this.beta = new Float64Array(p);
    this.gram = new Float64Array(p * p);
    this.rhs = new Float64Array(p);
    this.factor = new Float64Array(p * p);
    this.forward = new Float64Array(p);
    this.fitMean = new Float64Array(p);
    this.fitScale = new Float64Array(p);
  }

  /** Fits on the first `count` samples; false (previous fit kept) when the system is not positive definite. */
  fit(count: number, alpha: number): boolean {
    const { p, x, y, mean, scale, gram, rhs } = this;
    let ybar = 0;
    for (let i = 0; i < count; i++) ybar += y[i] ?? 0;
    ybar /= count;
    for (let j = 0; j < p; j++) {
      let m = 0;
      for (let i = 0; i < count; i++) m += x[i * p + j] ?? 0;
      m /= count;
      let ss = 0;
      for (let i = 0; i < count; i++) ss += ((x[i * p + j] ?? 0) - m) ** 2;
      const sd = Math.sqrt(ss / (count - 1));
      mean[j] = m;
      scale[j] = sd > 0 && Number.isFinite(sd) ? 1 / sd : 0; // 0: constant feature, dropped
    }
    gram.fill(0);
    rhs.fill(0);
    for (let i = 0; i < count; i++) {
      const row = i * p;
      const target = (y[i] ?? 0) - ybar;
      for (let j = 0; j < p; j++) {
        const zj = ((x[row + j] ?? 0) - (mean[j] ?? 0)) * (scale[j] ?? 0);
        rhs[j] = (rhs[j] ?? 0) + zj * target;
        for (let k = 0; k <= j; k++) gram[j * p + k] = (gram[j * p + k] ?? 0) + zj * ((x[row + k] ?? 0) - (mean[k] ?? 0)) * (scale[k] ?? 0);
      }
    }
    let active = 0;
    for (let j = 0; j < p; j++) {
      if (scale[j] === 0) gram[j * p + j] = 1; // keeps the system definite; its rhs is 0, so β = 0
      else active++;
      gram[j * p + j] = (gram[j * p + j] ?? 0) + alpha;
    }
    if (!this.solve()) return false;
    this.intercept = ybar;
    this.fitMean.set(mean);
    this.fitScale.set(scale);
    let sse = 0;
    for (let i = 0; i < count; i++) {
      let fitted = 0;
      for (let j = 0; j < p; j++) fitted += (this.beta[j] ?? 0) * ((x[i * p + j] ?? 0) - (mean[j] ?? 0)) * (scale[j] ?? 0);
      sse += ((y[i] ?? 0) - ybar - fitted) ** 2;
    }
    this.residualStd = Math.sqrt(sse / Math.max(1, count - active - 1));
    return true;
  }

  /** In-place Cholesky of the lower triangle of gram, then forward and back substitution into beta. */
  private solve(): boolean {
    const { p, rhs } = this;
    const l = this.factor;
    l.set(this.gram);
    for (let j = 0; j < p; j++) {
      let d = l[j * p + j] ?? 0;
      for (let k = 0; k < j; k++) d -= (l[j * p + k] ?? 0) ** 2;
      if (!(d > 0)) return false;
      const root = Math.sqrt(d);
      l[j * p + j] = root;
      for (let i = j + 1; i < p; i++) {
        let s = l[i * p + j] ?? 0;
        for (let k = 0; k < j; k++) s -= (l[i * p + k] ?? 0) * (l[j * p + k] ?? 0);
        l[i * p + j] = s / root;
      }
    }
    const z = this.forward;
    for (let i = 0; i < p; i++) {
      let s = rhs[i] ?? 0;
      for (let k = 0; k < i; k++) s -= (l[i * p + k] ?? 0) * (z[k] ?? 0);
      z[i] = s / (l[i * p + i] ?? 1);
    }
    for (let i = p - 1; i >= 0; i--) {
      let s = z[i] ?? 0;
      for (let k = i + 1; k < p; k++) s -= (l[k * p + i] ?? 0) * (this.beta[k] ?? 0);
      this.beta[i] = s / (l[i * p + i] ?? 1);
    }
    return true;
  }

  /** The fitted value for raw (unstandardised) features read from `features` at `offset`, stride −1 (most recent first). */
  predictFrom(features: Float64Array, offset: number): number {
    let value = this.intercept;
    for (let j = 0; j < this.p; j++) value += (this.beta[j] ?? 0) * ((features[offset - j] ?? 0) - (this.fitMean[j] ?? 0)) * (this.fitScale[j] ?? 0);
    return value;
  }
}
