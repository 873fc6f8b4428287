// Hand-checked exit rules on crafted bars: levels from the entry fill, intrabar
// order, gaps, scale-outs, trailing stop, time exit, signal exits at the open.
import { describe, expect, it } from "vitest";
import type { RuleCall, StrategyPlan } from "../../specs/generated/plan.js";
import { tryRunBacktest } from "./backtest.js";
import { barsFrom, INJECTED_ENTRY, INJECTED_EXIT, injectedSignals, lit, rule, strategyPlan, type BarRow } from "./fixtures.js";
import type { TickerResult } from "./result.js";

const bar = (open: number, high: number, low: number, close: number): BarRow => ({ open, high, low, close });
const flat = (p: number): BarRow => bar(p, p, p, p);
const pct = (x: number) => lit(x, "ratio");
const list = (...xs: number[]) => ({ op: "list" as const, items: xs.map(pct) });

/** Entry signal on bar 0 (fills at bar 1's open), 10,000 cash, no costs, the given exit rules. */
function run(rows: BarRow[], rules: RuleCall[], opts: { exitSignals?: number[]; side?: "long" | "short"; parts?: Partial<StrategyPlan> } = {}): TickerResult {
  const strategy = strategyPlan({
    entries: [{ side: opts.side ?? "long", when: INJECTED_ENTRY }],
    exits: [{ side: "both", signal: INJECTED_EXIT, rule: null }, ...rules.map((r) => ({ side: "both" as const, signal: null, rule: r }))],
    execution: { provider: "backtest", fill: "next_open", fractional: false, cash: 10_000 },
    ...opts.parts,
  });
  const out = tryRunBacktest({ strategy, params: new Map(), bars: barsFrom(rows), predictions: injectedSignals(rows.length, [0], opts.exitSignals ?? []) });
  if (!out.ok) throw new Error(out.error.message);
  return out.value;
}

const summary = (r: TickerResult): string[] => r.trades.map((t) => `${t.exitReason} ${t.quantity}@${Math.round(t.exitPrice * 1e6) / 1e6} bar+${t.bars}`);

describe("stop_loss", () => {
  it("fills at the level when the low touches it (level from the entry fill)", () => {
    const r = run([flat(100), bar(100, 101, 96, 97), bar(97, 98, 94, 95), flat(95)], [rule("stop_loss", pct(0.05))]);
    expect(summary(r)).toEqual(["stop_loss 100@95 bar+1"]);
    expect(r.trades[0]?.pnl).toBe(-500);
  });

  it("fills at the open when the bar gaps through the level", () => {
    const r = run([flat(100), bar(100, 101, 96, 97), bar(93, 94, 90, 92)], [rule("stop_loss", pct(0.05))]);
    expect(summary(r)).toEqual(["stop_loss 100@93 bar+1"]);
  });

  it("is live on the entry bar itself", () => {
    const r = run([flat(100), bar(100, 100, 94, 99), flat(99)], [rule("stop_loss", pct(0.05))]);
    expect(summary(r)).toEqual(["stop_loss 100@95 bar+0"]);
  });

  it("sets levels from the fill price including slippage", () => {
    const r = run([flat(100), bar(100, 100, 95.5, 99), flat(99)], [rule("stop_loss", pct(0.05))], {
      parts: { costs: { commission: pct(0), slippage: pct(0.01) } },
    });
    // Fill 101 → stop 95.95, touched by the low 95.5; the sell fills at 95.95 × 0.99.
    expect(r.trades[0]?.exitReason).toBe("stop_loss");
    expect(r.trades[0]?.exitPrice).toBeCloseTo(95.95 * 0.99, 10);
  });

  it("mirrors for shorts: the stop is above the entry", () => {
    const r = run([flat(100), bar(100, 106, 99, 104), flat(104)], [rule("stop_loss", pct(0.05))], { side: "short" });
    expect(summary(r)).toEqual(["stop_loss 100@105 bar+0"]);
    expect(r.trades[0]?.pnl).toBe(-500);
    expect(r.finalEquity).toBe(9500);
  });
});

describe("take_profit", () => {
  const ladder = rule("take_profit", list(0.02, 0.05, 0.1), list(0.3, 0.3, 0.4));

  it("scales out a fraction of the entry quantity at each level, several in one bar in order", () => {
    const r = run([flat(100), bar(100, 103, 99, 102), bar(104, 111, 103, 108), flat(108)], [ladder]);
    expect(summary(r)).toEqual(["take_profit 30@102 bar+0", "take_profit 30@105 bar+1", "take_profit 40@110 bar+1"]);
    expect(r.trades.map((t) => Math.round(t.pnl * 1e9) / 1e9)).toEqual([60, 150, 400]);
    expect(r.finalEquity).toBeCloseTo(10_610, 9);
  });

  it("fills targets the bar opens through at the open", () => {
    const r = run([flat(100), bar(100, 101, 99, 100), bar(106, 107, 105, 106), flat(106)], [ladder]);
    expect(summary(r)).toEqual(["take_profit 30@106 bar+1", "take_profit 30@106 bar+1"]);
    expect(r.open[0]?.quantity).toBe(40);
  });

  it("closes everything at the first level when scale_out is empty", () => {
    const r = run([flat(100), bar(100, 103, 99, 102), flat(102)], [rule("take_profit", list(0.02, 0.05), list())]);
    expect(summary(r)).toEqual(["take_profit 100@102 bar+0"]);
  });

  it("loses to the stop when both are touched in one bar (conservative)", () => {
    const r = run([flat(100), bar(100, 106, 94, 100), flat(100)], [rule("take_profit", pct(0.05)), rule("stop_loss", pct(0.05))]);
    expect(summary(r)).toEqual(["stop_loss 100@95 bar+0"]);
  });

  it("is off at 0%", () => {
    const r = run([flat(100), bar(100, 200, 99, 150), flat(150)], [rule("take_profit", pct(0)), rule("stop_loss", pct(0))]);
    expect(r.trades).toHaveLength(0);
  });
});

describe("trailing_stop", () => {
  it("trails the highest high since entry, updated only after the bar was checked", () => {
    const r = run(
      [
        flat(100),
        bar(100, 110, 99, 108), // entry bar: level 95 (from the fill), then the high 110 → 104.5
        bar(112, 120, 113.5, 118), // checked against 104.5 (not 114): holds; then the high 120 → 114
        bar(116, 117, 113, 114), // 113 <= 114: out at 114
        flat(114),
      ],
      [rule("trailing_stop", pct(0.05))],
    );
    expect(summary(r)).toEqual(["trailing_stop 100@114 bar+2"]);
  });

  it("competes with stop_loss: the tighter level fires and names the reason", () => {
    const r = run([flat(100), bar(100, 120, 99, 118), bar(117, 118, 100, 101), flat(101)], [rule("trailing_stop", pct(0.05)), rule("stop_loss", pct(0.1))]);
    expect(summary(r)).toEqual(["trailing_stop 100@114 bar+1"]);
  });
});

describe("time_exit", () => {
  it("closes at the close of the n-th bar after the entry bar", () => {
    const r = run([flat(100), flat(100), flat(102), bar(103, 104, 102, 103.5), flat(104)], [rule("time_exit", lit(2, "bars"))]);
    expect(summary(r)).toEqual(["time_exit 100@103.5 bar+2"]);
  });

  it("converts a duration to bars with the bar size", () => {
    const r = run([flat(100), flat(100), flat(102), flat(103), flat(104), flat(105)], [rule("time_exit", lit(3 * 86_400, "seconds"))]);
    expect(summary(r)).toEqual(["time_exit 100@104 bar+3"]);
  });
});

describe("signal exits", () => {
  it("fill at the open before the levels and cancel them", () => {
    // Exit signal on bar 2; bar 3 opens at 90, below the stop at 95: the signal fill comes first.
    const r = run([flat(100), flat(100), flat(98), bar(90, 91, 85, 88), flat(88)], [rule("stop_loss", pct(0.05))], { exitSignals: [2] });
    expect(summary(r)).toEqual(["signal 100@90 bar+2"]);
  });
});
