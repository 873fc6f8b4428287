// The equity curve may live in a buffer the signal evaluation used first (backtest.ts):
// the curve must be the same whichever way buffers are found, and a pooled buffer that
// became a result's curve must never be lent out again.
import { describe, expect, it } from "vitest";
import { BufferPool } from "../eval/buffer-pool.js";
import { runBacktest } from "./backtest.js";
import { call, flatBars, lit, series, strategyPlan } from "./fixtures.js";
import type { TickerResult } from "./result.js";

const closes = Array.from({ length: 400 }, (_, i) => 100 + 10 * Math.sin(i / 7) + (i % 5));
const bars = flatBars(closes);
const strategy = strategyPlan({
  entries: [{ side: "long", when: call("crossover", call("sma", series("close"), lit(5, "int")), call("sma", series("close"), lit(20, "int"))) }],
  exits: [{ side: "both", signal: call("crossunder", call("sma", series("close"), lit(5, "int")), call("sma", series("close"), lit(20, "int"))), rule: null }],
});
const base = { strategy, params: new Map(), bars, predictions: new Map() } as const;
const curve = (r: TickerResult): number[] => Array.from(r.equity.equity);

describe("equity curve storage", () => {
  it("is the same with fresh arrays, a buffer pool and a shared series cache", () => {
    const fresh = runBacktest(base);
    expect(fresh.trades.length).toBeGreaterThan(3);
    expect(curve(runBacktest({ ...base, buffers: new BufferPool() }))).toEqual(curve(fresh));
    expect(curve(runBacktest({ ...base, cache: new Map() }))).toEqual(curve(fresh));
  });

  it("never lends a result's curve to a later run from the same pool", () => {
    const pool = new BufferPool();
    const first = runBacktest({ ...base, buffers: pool });
    const before = curve(first);
    const second = runBacktest({ ...base, buffers: pool });
    expect(second.equity.equity).not.toBe(first.equity.equity);
    runBacktest({ ...base, strategy: strategyPlan({ entries: [{ side: "long", when: lit(true, "bool") }] }), buffers: pool });
    expect(curve(first)).toEqual(before);
  });
});
