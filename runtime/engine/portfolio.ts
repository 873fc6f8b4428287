// Combining per-ticker results into one portfolio result.
//
// Capital is split equally: each of the N tickers gets initialCash / N. A result
// run with a different initial cash is scaled by w = (initialCash / N) /
// result.initialCash (run each ticker with initialCash / N and w is 1). The
// portfolio equity is aligned on the union of all bar times: at each time, every
// ticker contributes its last equity at or before that time (forward-filled),
// scaled by w, or its untouched share initialCash / N before its first bar. A
// time is exposed when any ticker's forward-filled state is exposed. Trades, open
// positions and traded value are scaled by w (quantities may become fractional
// when w is not 1); trades are ordered by exit time and the log by time, ties in
// input order. Capital is never moved between tickers (no rebalancing).

import type { ExecutionEvent, OpenPosition, TickerResult, Trade } from "./result.js";

/** Combines per-ticker results into a portfolio result: capital split equally, equity aligned on the union of bar times (forward-filled). */
export function combinePortfolio(results: readonly TickerResult[], initialCash: number): TickerResult & { ticker: "PORTFOLIO" } {
  const count = results.length;
  const share = count === 0 ? initialCash : initialCash / count;
  const weights = results.map((r) => share / r.initialCash);
  const curves = results.map((r) => r.equity);
  const time = unionTimes(curves.map((c) => c.time));
  const equity = new Float64Array(time.length);
  const exposed = new Uint8Array(time.length);
  // Per ticker: walk its bars alongside the union, adding its forward-filled
  // (scaled) equity to every union time; before its first bar it holds its cash share.
  if (count === 0) equity.fill(initialCash);
  for (let i = 0; i < count; i++) {
    const curve = curves[i] as TickerResult["equity"];
    const { time: at, equity: values, exposed: flags } = curve;
    const w = weights[i] as number;
    let j = 0;
    let value = share;
    let isExposed = 0;
    for (let k = 0; k < time.length; k++) {
      const now = time[k] as number;
      while (j < at.length && (at[j] as number) <= now) {
        value = (values[j] as number) * w;
        isExposed = flags[j] as number;
        j++;
      }
      equity[k] = (equity[k] as number) + value;
      exposed[k] = (exposed[k] as number) | isExposed;
    }
  }
  let tradedValue = 0;
  const tradeLists = results.map((r, i) => {
    const w = weights[i] as number;
    tradedValue += r.tradedValue * w;
    return w === 1 ? r.trades : r.trades.map((t): Trade => ({ ...t, quantity: t.quantity * w, pnl: t.pnl * w, costs: t.costs * w }));
  });
  const logLists = results.map((r, i) => {
    const w = weights[i] as number;
    return w === 1 ? r.log : r.log.map((e): ExecutionEvent => ({ ...e, quantity: e.quantity * w, commission: e.commission * w, slippage: e.slippage * w }));
  });
  const open: OpenPosition[] = results.flatMap((r, i) => {
    const w = weights[i] as number;
    return w === 1 ? r.open : r.open.map((p) => ({ ...p, quantity: p.quantity * w, unrealizedPnl: p.unrealizedPnl * w }));
  });
  // Each ticker's trades (by exit) and log (by time) are already in time order: merge them.
  const trades = mergeSorted(tradeLists, (t) => t.exitTime);
  const log = mergeSorted(logLists, (e) => e.time);
  return {
    ticker: "PORTFOLIO",
    initialCash,
    finalEquity: time.length === 0 ? initialCash : (equity[time.length - 1] as number),
    trades,
    open,
    equity: { time, equity, exposed },
    log,
    tradedValue,
  };
}

/** Merges lists each sorted by `key` into one sorted list; ties keep the order of the lists. */
function mergeSorted<T>(lists: readonly (readonly T[])[], key: (item: T) => number): T[] {
  const out: T[] = [];
  const heads = new Int32Array(lists.length);
  for (;;) {
    let best = -1;
    let bestKey = Infinity;
    for (let i = 0; i < lists.length; i++) {
      const list = lists[i] as readonly T[];
      const h = heads[i] as number;
      if (h < list.length) {
        const k = key(list[h] as T);
        if (best === -1 || k < bestKey) {
          best = i;
          bestKey = k;
        }
      }
    }
    if (best === -1) return out;
    const list = lists[best] as readonly T[];
    const h = heads[best] as number;
    out.push(list[h] as T);
    heads[best] = h + 1;
  }
}

/** Sorted, de-duplicated union of sorted time columns, by a k-way merge. */
function unionTimes(columns: readonly Float64Array[]): Float64Array {
  let total = 0;
  for (const c of columns) total += c.length;
  const out = new Float64Array(total);
  const heads = new Int32Array(columns.length);
  let size = 0;
  for (;;) {
    let best = Infinity;
    for (let i = 0; i < columns.length; i++) {
      const c = columns[i] as Float64Array;
      const h = heads[i] as number;
      if (h < c.length && (c[h] as number) < best) best = c[h] as number;
    }
    if (best === Infinity) break;
    out[size++] = best;
    for (let i = 0; i < columns.length; i++) {
      const c = columns[i] as Float64Array;
      let h = heads[i] as number;
      while (h < c.length && (c[h] as number) === best) h++;
      heads[i] = h;
    }
  }
  return out.slice(0, size);
}
