// The asset panel: every sleeve member and baseline asset on one common daily
// calendar (the union of the members' days; baseline-only assets are aligned onto it). Input: per asset, a time column (epoch ms UTC, sorted) and a value
// column (a ticker's close, or a strategy's per-bar equity), optional exposure
// flags and traded value per bar. Output: the union of UTC days; per asset the
// value at the last bar of each day, forward-filled (NaN before the asset's first
// bar), the simple return of each day against the previous day (0 before and on
// the asset's first day), its first day, and exposure / traded value per day.
// Invariants: pure; day i's return uses values of days i−1 and i only.

const DAY_MS = 86_400_000;

/** One asset's raw series, as the engine or a data provider produced it. */
export interface AssetSeries {
  /** `NVDA` for a ticker held buy-and-hold, `strategy/NVDA` for a strategy's backtest on NVDA. */
  readonly id: string;
  readonly time: Float64Array;
  /** Close (buy-and-hold) or equity (strategy member); positive. */
  readonly value: Float64Array;
  /** 1 where the asset holds a position at the bar's close; absent means always (buy-and-hold). */
  readonly exposed?: Uint8Array;
  /** |fill value| traded inside the asset at each bar (a strategy's own fills); absent means none. */
  readonly traded?: Float64Array;
}

/** Assets aligned on the union of their UTC days. */
export interface AssetPanel {
  readonly ids: readonly string[];
  /** Per day: the latest bar time of that UTC day over all assets. */
  readonly time: Float64Array;
  /** Per asset, per day: last value at or before the day's end, NaN before the first bar. */
  readonly value: readonly Float64Array[];
  /** Per asset, per day: value[i] / value[i−1] − 1 once both exist, else 0. */
  readonly returns: readonly Float64Array[];
  /** Per asset: index of its first day with data (days.length when it has none). */
  readonly first: Int32Array;
  /** Per asset, per day: 1 when the asset holds a position at the day's close. */
  readonly exposed: readonly Uint8Array[];
  /** Per asset, per day: |fill value| traded inside the asset that day, in the asset's own money. */
  readonly traded: readonly Float64Array[];
}

/** Aligns assets on the union of the UTC days of the first `calendarAssets` of them (all by default), forward-filling values. */
export function buildPanel(assets: readonly AssetSeries[], calendarAssets: number = assets.length): AssetPanel {
  const dayTime = new Map<number, number>();
  for (const a of assets.slice(0, calendarAssets)) {
    for (let j = 0; j < a.time.length; j++) {
      const t = a.time[j] as number;
      const day = Math.floor(t / DAY_MS);
      const seen = dayTime.get(day);
      if (seen === undefined || t > seen) dayTime.set(day, t);
    }
  }
  const days = [...dayTime.keys()].sort((x, y) => x - y);
  const time = Float64Array.from(days, (d) => dayTime.get(d) as number);
  const n = days.length;
  const first = new Int32Array(assets.length).fill(n);
  const value: Float64Array[] = [];
  const returns: Float64Array[] = [];
  const exposed: Uint8Array[] = [];
  const traded: Float64Array[] = [];
  assets.forEach((a, k) => {
    const v = new Float64Array(n).fill(Number.NaN);
    const r = new Float64Array(n);
    const e = new Uint8Array(n);
    const tr = new Float64Array(n);
    let j = 0;
    let last = Number.NaN;
    let lastExposed = 0;
    for (let i = 0; i < n; i++) {
      const dayEnd = ((days[i] as number) + 1) * DAY_MS;
      while (j < a.time.length && (a.time[j] as number) < dayEnd) {
        last = a.value[j] as number;
        lastExposed = a.exposed === undefined ? 1 : (a.exposed[j] as number);
        tr[i] = (tr[i] as number) + (a.traded?.[j] ?? 0);
        j++;
      }
      v[i] = last;
      if (!Number.isNaN(last)) {
        if (first[k] === n) first[k] = i;
        e[i] = lastExposed;
        const prev = i > 0 ? (v[i - 1] as number) : Number.NaN;
        r[i] = Number.isNaN(prev) || prev === 0 ? 0 : last / prev - 1;
      }
    }
    value.push(v);
    returns.push(r);
    exposed.push(e);
    traded.push(tr);
  });
  return { ids: assets.map((a) => a.id), time, value, returns, first, exposed, traded };
}
