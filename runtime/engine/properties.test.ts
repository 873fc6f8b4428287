// Property tests of the engine on random bars and random signals.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { StrategyPlan } from "../../specs/generated/plan.js";
import { BufferPool } from "../eval/buffer-pool.js";
import { runBacktest } from "./backtest.js";
import { barsFrom, INJECTED_ENTRY, INJECTED_EXIT, injectedSignals, lit, rule, strategyPlan, type BarRow } from "./fixtures.js";

/** A random walk of OHLC bars with the open, high and low consistent with the close. */
const barsArb = fc
  .array(fc.record({ ret: fc.double({ min: -0.08, max: 0.08, noNaN: true }), gap: fc.double({ min: -0.03, max: 0.03, noNaN: true }), wick: fc.double({ min: 0, max: 0.05, noNaN: true }) }), {
    minLength: 5,
    maxLength: 80,
  })
  .map((steps) => {
    let close = 100;
    return steps.map(({ ret, gap, wick }): BarRow => {
      const open = close * (1 + gap);
      close = open * (1 + ret);
      return { open, close, high: Math.max(open, close) * (1 + wick), low: Math.min(open, close) * (1 - wick) };
    });
  });

const flagsArb = (n: number) => fc.array(fc.integer({ min: 0, max: n - 1 }), { maxLength: n });

const exitRulesArb = fc.subarray([
  rule("stop_loss", lit(0.03, "ratio")),
  rule("trailing_stop", lit(0.04, "ratio")),
  rule("take_profit", { op: "list", items: [lit(0.02, "ratio"), lit(0.05, "ratio")] }, { op: "list", items: [lit(0.5, "ratio"), lit(0.5, "ratio")] }),
  rule("time_exit", lit(3, "bars")),
]);

function plan(rules: StrategyPlan["exits"][number]["rule"][], side: "long" | "short", commission: number, slippage: number): StrategyPlan {
  return strategyPlan({
    entries: [{ side, when: INJECTED_ENTRY }],
    exits: [{ side: "both", signal: INJECTED_EXIT, rule: null }, ...rules.map((r) => ({ side: "both" as const, signal: null, rule: r }))],
    costs: { commission: lit(commission, "ratio"), slippage: lit(slippage, "ratio") },
    execution: { provider: "backtest", fill: "next_open", fractional: false, cash: 10_000 },
  });
}

const pool = new BufferPool();

describe("engine properties", () => {
  it("with zero costs and nothing open at the end, the trades' pnl sums to final equity − initial cash", () => {
    fc.assert(
      fc.property(
        barsArb.chain((rows) => fc.tuple(fc.constant(rows), flagsArb(rows.length), flagsArb(rows.length), exitRulesArb, fc.constantFrom<"long" | "short">("long", "short"))),
        ([rows, entries, exits, rules, side]) => {
          const n = rows.length;
          // No entry in the last three bars, an exit signal two bars before the end: flat at the end.
          const entryBars = entries.filter((b) => b < n - 3);
          const result = runBacktest({ strategy: plan(rules, side, 0, 0), params: new Map(), bars: barsFrom(rows), predictions: injectedSignals(n, entryBars, [...exits, n - 3]) });
          expect(result.open).toHaveLength(0);
          const sum = result.trades.reduce((s, t) => s + t.pnl, 0);
          expect(sum).toBeCloseTo(result.finalEquity - 10_000, 6);
        },
      ),
      { numRuns: 300, seed: 42 },
    );
  });

  it("balances the books with any costs, long or short: Σ pnl + unrealised pnl = final equity − initial cash", () => {
    fc.assert(
      fc.property(
        barsArb.chain((rows) =>
          fc.tuple(fc.constant(rows), flagsArb(rows.length), flagsArb(rows.length), exitRulesArb, fc.constantFrom<"long" | "short">("long", "short"), fc.double({ min: 0, max: 0.01, noNaN: true }), fc.double({ min: 0, max: 0.01, noNaN: true })),
        ),
        ([rows, entries, exits, rules, side, commission, slippage]) => {
          const result = runBacktest({ strategy: plan(rules, side, commission, slippage), params: new Map(), bars: barsFrom(rows), predictions: injectedSignals(rows.length, entries, exits) });
          const booked = result.trades.reduce((s, t) => s + t.pnl, 0) + result.open.reduce((s, p) => s + p.unrealizedPnl, 0);
          expect(booked).toBeCloseTo(result.finalEquity - 10_000, 6);
        },
      ),
      { numRuns: 300, seed: 11 },
    );
  });

  it("never lets equity go negative for long-only all-in sizing, with costs", () => {
    fc.assert(
      fc.property(
        barsArb.chain((rows) => fc.tuple(fc.constant(rows), flagsArb(rows.length), flagsArb(rows.length), exitRulesArb, fc.double({ min: 0, max: 0.01, noNaN: true }), fc.double({ min: 0, max: 0.01, noNaN: true }))),
        ([rows, entries, exits, rules, commission, slippage]) => {
          const result = runBacktest({ strategy: plan(rules, "long", commission, slippage), params: new Map(), bars: barsFrom(rows), predictions: injectedSignals(rows.length, entries, exits) });
          for (const e of result.equity.equity) expect(e).toBeGreaterThanOrEqual(0);
          for (const event of result.log) if (event.kind === "fill" && event.action === "buy") expect(event.quantity).toBe(Math.floor(event.quantity));
        },
      ),
      { numRuns: 300, seed: 7 },
    );
  });

  it("is deterministic: the same input gives an identical result", () => {
    fc.assert(
      fc.property(barsArb.chain((rows) => fc.tuple(fc.constant(rows), flagsArb(rows.length), flagsArb(rows.length), exitRulesArb)), ([rows, entries, exits, rules]) => {
        const input = () => ({ strategy: plan(rules, "long", 0.001, 0.0005), params: new Map(), bars: barsFrom(rows), predictions: injectedSignals(rows.length, entries, exits) });
        expect(runBacktest(input())).toEqual(runBacktest(input()));
        // Pooled intermediate buffers (reused dirty across runs) change nothing.
        expect(runBacktest({ ...input(), buffers: pool })).toEqual(runBacktest(input()));
      }),
      { numRuns: 100, seed: 3 },
    );
  });
});
