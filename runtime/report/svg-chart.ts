// Small, dependency-free SVG line charts for reports: an equity curve and its
// drawdown. Long curves are downsampled to at most `maxPoints` by keeping each
// bucket's min and max, so a 2,000,000-bar run still renders every spike.

/** A chart's series: x (epoch ms) and y. */
export interface ChartSeries {
  readonly x: Float64Array;
  readonly y: Float64Array;
}

/** Chart options. */
export interface ChartOptions {
  readonly width: number;
  readonly height: number;
  readonly title: string;
  readonly color: string;
  readonly fill?: boolean;
  readonly formatY: (value: number) => string;
  readonly maxPoints?: number;
}

function downsample(series: ChartSeries, maxPoints: number): [number, number][] {
  const n = series.x.length;
  if (n <= maxPoints) return Array.from({ length: n }, (_, i) => [series.x[i] ?? 0, series.y[i] ?? 0]);
  const buckets = Math.floor(maxPoints / 2);
  const out: [number, number][] = [];
  for (let b = 0; b < buckets; b++) {
    const lo = Math.floor((b * n) / buckets);
    const hi = Math.floor(((b + 1) * n) / buckets);
    let minI = lo;
    let maxI = lo;
    for (let i = lo; i < hi; i++) {
      if ((series.y[i] ?? 0) < (series.y[minI] ?? 0)) minI = i;
      if ((series.y[i] ?? 0) > (series.y[maxI] ?? 0)) maxI = i;
    }
    for (const i of minI <= maxI ? [minI, maxI] : [maxI, minI]) out.push([series.x[i] ?? 0, series.y[i] ?? 0]);
  }
  return out;
}

function escapeXml(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

/** Renders a line chart as an SVG string. */
export function lineChart(series: ChartSeries, options: ChartOptions): string {
  const { width, height } = options;
  const pad = { left: 70, right: 12, top: 24, bottom: 28 };
  const points = downsample(series, options.maxPoints ?? 1200);
  if (points.length === 0) return `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}"><text x="10" y="20">${escapeXml(options.title)}: no data</text></svg>`;
  const xs = points.map((p) => p[0]);
  const ys = points.map((p) => p[1]);
  const x0 = Math.min(...xs);
  const x1 = Math.max(...xs);
  let y0 = Math.min(...ys);
  let y1 = Math.max(...ys);
  if (y0 === y1) {
    y0 -= 1;
    y1 += 1;
  }
  const sx = (x: number) => pad.left + ((x - x0) / (x1 - x0 || 1)) * (width - pad.left - pad.right);
  const sy = (y: number) => pad.top + (1 - (y - y0) / (y1 - y0)) * (height - pad.top - pad.bottom);
  const path = points.map((p, i) => `${i === 0 ? "M" : "L"}${sx(p[0]).toFixed(1)},${sy(p[1]).toFixed(1)}`).join("");
  const baseline = sy(Math.max(y0, Math.min(0, y1)));
  const area = options.fill ? `<path d="${path}L${sx(x1).toFixed(1)},${baseline.toFixed(1)}L${sx(x0).toFixed(1)},${baseline.toFixed(1)}Z" fill="${options.color}" fill-opacity="0.15" stroke="none"/>` : "";
  const ticks = [y0, (y0 + y1) / 2, y1]
    .map((v) => `<text x="${pad.left - 6}" y="${(sy(v) + 4).toFixed(1)}" text-anchor="end" font-size="11">${escapeXml(options.formatY(v))}</text><line x1="${pad.left}" x2="${width - pad.right}" y1="${sy(v).toFixed(1)}" y2="${sy(v).toFixed(1)}" stroke="#ddd"/>`)
    .join("");
  const date = (ms: number) => new Date(ms).toISOString().slice(0, 10);
  const xLabels = `<text x="${pad.left}" y="${height - 8}" font-size="11">${date(x0)}</text><text x="${width - pad.right}" y="${height - 8}" font-size="11" text-anchor="end">${date(x1)}</text>`;
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="sans-serif"><text x="${pad.left}" y="16" font-size="13" font-weight="bold">${escapeXml(options.title)}</text>${ticks}${area}<path d="${path}" fill="none" stroke="${options.color}" stroke-width="1.2"/>${xLabels}</svg>`;
}

/** The drawdown curve (equity / running peak − 1, ≤ 0) of an equity curve. */
export function drawdownCurve(equity: Float64Array): Float64Array {
  const out = new Float64Array(equity.length);
  let peak = -Infinity;
  for (let i = 0; i < equity.length; i++) {
    const v = equity[i] ?? 0;
    if (v > peak) peak = v;
    out[i] = peak > 0 ? v / peak - 1 : 0;
  }
  return out;
}
