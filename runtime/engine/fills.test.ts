// Hand-checked fill rules: timing, sizing, commission, slippage, skips, end of data.
import { describe, expect, it } from "vitest";
import type { StrategyPlan } from "../../specs/generated/plan.js";
import { tryRunBacktest } from "./backtest.js";
import { barsFrom, INJECTED_ENTRY, INJECTED_EXIT, injectedSignals, lit, rule, strategyPlan, type BarRow } from "./fixtures.js";
import type { TickerResult } from "./result.js";

const bar = (open: number, high = open, low = open, close = open): BarRow => ({ open, high, low, close });

function run(rows: BarRow[], entries: number[], exits: number[], parts: Partial<StrategyPlan> = {}, side: "long" | "short" = "long"): TickerResult {
  const strategy = strategyPlan({
    entries: [{ side, when: INJECTED_ENTRY }],
    exits: [{ side: "both", signal: INJECTED_EXIT, rule: null }],
    execution: { provider: "backtest", fill: "next_open", fractional: false, cash: 1000 },
    ...parts,
  });
  const out = tryRunBacktest({ strategy, params: new Map(), bars: barsFrom(rows), predictions: injectedSignals(rows.length, entries, exits) });
  if (!out.ok) throw new Error(out.error.message);
  return out.value;
}

const costs = (commission: number, slippage = 0): Pick<StrategyPlan, "costs"> => ({ costs: { commission: lit(commission, "ratio"), slippage: lit(slippage, "ratio") } });

describe("fill timing", () => {
  it("fills a close signal at the next open, all-in floor(cash / (open × (1 + c))), commission both sides", () => {
    const r = run([bar(10), { open: 11, high: 12, low: 10.5, close: 11.5 }, bar(12), bar(13)], [0], [2], costs(0.01));
    // Buy 90 at 11 (floor(1000 / 11.11) = 90): pays 990 + 9.9. Sell 90 at 13: receives 1170 − 11.7.
    expect(r.trades).toHaveLength(1);
    const t = r.trades[0]!;
    expect([t.entryPrice, t.exitPrice, t.quantity, t.bars]).toEqual([11, 13, 90, 2]);
    expect(t.costs).toBeCloseTo(21.6, 10);
    expect(t.pnl).toBeCloseTo(158.4, 10);
    expect(r.equity.equity[1]).toBeCloseTo(0.1 + 90 * 11.5, 10);
    expect(r.finalEquity).toBeCloseTo(1158.4, 10);
    expect(r.tradedValue).toBeCloseTo(990 + 1170, 10);
    expect(Array.from(r.equity.exposed)).toEqual([0, 1, 1, 0]);
    expect(r.log.map((e) => `${e.kind}:${e.action}:${e.reason}`)).toEqual(["fill:buy:entry", "fill:sell:signal"]);
  });

  it("fills at the signal bar's close with fill = close", () => {
    const r = run([bar(10), bar(11), bar(12), bar(13)], [0], [2], { ...costs(0.01), execution: { provider: "backtest", fill: "close", fractional: false, cash: 1000 } });
    const t = r.trades[0]!;
    // floor(1000 / 10.1) = 99 at 10; sold at 12.
    expect([t.entryPrice, t.exitPrice, t.quantity, t.entryTime, t.exitTime]).toEqual([10, 12, 99, r.equity.time[0], r.equity.time[2]]);
    expect(t.pnl).toBeCloseTo(99 * 2 - 9.9 - 11.88, 10);
  });

  it("does not fill a signal on the last bar and logs the skip", () => {
    const r = run([bar(10), bar(11), bar(12)], [2], []);
    expect(r.trades).toHaveLength(0);
    expect(r.log.map((e) => `${e.kind}:${e.reason}`)).toEqual(["skip:end_of_data"]);
    expect(r.finalEquity).toBe(1000);
  });

  it("moves fills against the trader by the slippage and records its cost", () => {
    const r = run([bar(100), bar(100), bar(110), bar(110)], [0], [1], costs(0, 0.01));
    const t = r.trades[0]!;
    // Buy at 101: floor(1000 / 101) = 9. Sell at 110 × 0.99 = 108.9.
    expect(t.entryPrice).toBeCloseTo(101, 10);
    expect(t.exitPrice).toBeCloseTo(108.9, 10);
    expect(t.pnl).toBeCloseTo(9 * 7.9, 10);
    expect(r.log.map((e) => Math.round(e.slippage * 1e9) / 1e9)).toEqual([9, 9.9]);
  });

  it("uses whole units unless fractional", () => {
    const frac = run([bar(3), bar(3), bar(3)], [0], [], { execution: { provider: "backtest", fill: "next_open", fractional: true, cash: 1000 } });
    expect(frac.open[0]?.quantity).toBeCloseTo(1000 / 3, 10);
    expect(run([bar(3), bar(3), bar(3)], [0], []).open[0]?.quantity).toBe(333);
  });
});

describe("progress", () => {
  it("reports every 65,536 bars and at the end, whether bars are skipped over or stepped through", () => {
    const n = 200_000;
    const rows = Array.from({ length: n }, () => bar(10));
    const strategy = strategyPlan({ entries: [{ side: "long", when: INJECTED_ENTRY }], exits: [{ side: "both", signal: null, rule: rule("stop_loss", lit(0.5, "ratio")) }] });
    const calls: number[] = [];
    const out = tryRunBacktest({ strategy, params: new Map(), bars: barsFrom(rows), predictions: injectedSignals(n, [100_000], []), onProgress: (done, total) => calls.push(total === n ? done : -1) });
    expect(out.ok).toBe(true);
    expect(calls).toEqual([65_536, 131_072, 196_608, 200_000]);
  });
});

describe("positions", () => {
  it("ignores an entry signal while in a position and logs it once when it turns on", () => {
    const r = run([bar(10), bar(10), bar(10), bar(10), bar(10), bar(10)], [0, 1, 2, 4], []);
    expect(r.trades).toHaveLength(0);
    expect(r.log.map((e) => `${e.kind}:${e.reason}`)).toEqual(["fill:entry", "skip:in_position"]);
    expect(r.log[1]?.time).toBe(r.equity.time[4]);
  });

  it("does nothing on an exit signal while flat", () => {
    const r = run([bar(10), bar(10), bar(10)], [], [0, 1]);
    expect(r.log).toHaveLength(0);
  });

  it("keeps an open position at the end out of trades, marked to the last close", () => {
    const r = run([bar(10), bar(10), { open: 12, high: 12, low: 12, close: 15 }], [0], [], costs(0.001));
    expect(r.trades).toHaveLength(0);
    const p = r.open[0]!;
    // floor(1000 / 10.01) = 99 bought at 10; commission 0.99.
    expect([p.quantity, p.entryPrice, p.markPrice]).toEqual([99, 10, 15]);
    expect(p.unrealizedPnl).toBeCloseTo(99 * 5 - 0.99, 10);
    expect(r.finalEquity).toBeCloseTo(1000 - 990 - 0.99 + 99 * 15, 10);
  });

  it("sells first and buys back for shorts, with mirrored pnl", () => {
    const r = run([bar(100), bar(100), bar(90), bar(80)], [0], [1], { execution: { provider: "backtest", fill: "next_open", fractional: false, cash: 1000 } }, "short");
    const t = r.trades[0]!;
    expect([t.side, t.entryPrice, t.exitPrice, t.quantity, t.pnl]).toEqual(["short", 100, 90, 10, 100]);
    expect(r.finalEquity).toBe(1100);
    expect(r.log.map((e) => e.action)).toEqual(["sell", "buy"]);
  });

  it("lets the first declared side win when long and short fire together", () => {
    const strategy = strategyPlan({
      entries: [
        { side: "short", when: INJECTED_ENTRY },
        { side: "long", when: INJECTED_ENTRY },
      ],
      execution: { provider: "backtest", fill: "next_open", fractional: false, cash: 1000 },
    });
    const out = tryRunBacktest({ strategy, params: new Map(), bars: barsFrom([bar(10), bar(10), bar(10)]), predictions: injectedSignals(3, [0], []) });
    expect(out.ok && out.value.open[0]?.side).toBe("short");
    expect(out.ok && out.value.log.map((e) => e.reason)).toEqual(["conflicting_signal", "entry"]);
  });
});

describe("sizing", () => {
  const sized = (sizing: StrategyPlan["sizing"], extra: Partial<StrategyPlan> = {}, cash = 1000): TickerResult =>
    run([bar(10), bar(10), bar(10)], [0], [], { sizing, execution: { provider: "backtest", fill: "next_open", fractional: false, cash }, ...extra });

  it("applies each rule by its formula", () => {
    expect(sized({ rule: rule("fixed_fraction", lit(0.5, "ratio")), caps: [] }).open[0]?.quantity).toBe(50);
    expect(sized({ rule: rule("fixed_units", lit(7)), caps: [] }).open[0]?.quantity).toBe(7);
    // risk 1% of 1000 over a 2% stop at 10: 10 / 0.2 = 50 units.
    expect(sized({ rule: rule("risk_per_trade", lit(0.01, "ratio"), lit(0.02, "ratio")), caps: [] }).open[0]?.quantity).toBe(50);
    // With a declared stop_loss of 5% the stop distance is 5%: 10 / 0.5 = 20 units.
    const withStop = sized({ rule: rule("risk_per_trade", lit(0.01, "ratio"), lit(0.02, "ratio")), caps: [] }, { exits: [{ side: "both", signal: null, rule: rule("stop_loss", lit(0.05, "ratio")) }] });
    expect(withStop.open[0]?.quantity).toBe(20);
  });

  it("sizes kelly from the model confidence at the signal bar: f = fraction × (2q − 1), capped", () => {
    const strategy = strategyPlan({
      entries: [{ side: "long", when: INJECTED_ENTRY }],
      models: [{ name: "sig", provider: "momentum", args: [], options: {} }],
      sizing: { rule: rule("kelly", lit(0.5, "ratio"), lit(0.25, "ratio")), caps: [] },
      execution: { provider: "backtest", fill: "next_open", fractional: false, cash: 1000 },
    });
    const predictions = injectedSignals(3, [0], []);
    const sig = predictions.get("sig")!;
    sig.confidence[0] = 0.7; // f* = 0.4, half Kelly 0.2 → 200 / 10 = 20 units
    sig.confidence[1] = 0.99; // the fill bar's confidence is not used
    const out = tryRunBacktest({ strategy, params: new Map(), bars: barsFrom([bar(10), bar(10), bar(10)]), predictions });
    expect(out.ok && out.value.open[0]?.quantity).toBe(20);
  });

  it("applies caps after the rule", () => {
    expect(sized({ rule: rule("all_in"), caps: [rule("max_symbol_exposure", lit(0.1, "ratio"))] }).open[0]?.quantity).toBe(10);
    expect(sized({ rule: rule("all_in"), caps: [rule("max_units", lit(3))] }).open[0]?.quantity).toBe(3);
  });

  it("skips with a reason when the size is zero", () => {
    expect(sized({ rule: rule("fixed_units", lit(1)), caps: [] }, {}, 5).log.map((e) => e.reason)).toEqual(["insufficient_cash"]);
    expect(sized({ rule: rule("fixed_fraction", lit(0, "ratio")), caps: [] }).log.map((e) => e.reason)).toEqual(["zero_size"]);
    expect(sized({ rule: rule("fixed_units", lit(500)), caps: [] }).open[0]?.quantity).toBe(100);
  });
});

describe("bad input", () => {
  const attempt = (parts: Partial<StrategyPlan>): string => {
    const out = tryRunBacktest({ strategy: strategyPlan(parts), params: new Map(), bars: barsFrom([bar(10), bar(10)]), predictions: new Map() });
    return out.ok ? "ok" : `${out.error.kind}: ${out.error.message}`;
  };

  it("is an error value with what to do, never an exception", () => {
    expect(attempt({ entries: [{ side: "long", when: { op: "param", name: "missing" } }] })).toMatch(/^unknown_param: .*--param missing=/);
    expect(attempt({ sizing: { rule: rule("kelly", lit(0.5), lit(0.25)), caps: [] } })).toMatch(/^bad_sizing: kelly sizing reads a model/);
    expect(attempt({ exits: [{ side: "both", signal: null, rule: rule("take_profit", { op: "list", items: [lit(0.02), lit(0.05)] }, { op: "list", items: [lit(1)] }) }] })).toMatch(
      /^bad_rule: take_profit has 2 levels but 1 scale_out fractions/,
    );
    expect(attempt({ costs: { commission: lit(2, "ratio"), slippage: lit(0, "ratio") } })).toMatch(/^bad_options: invalid execution options: \/commission/);
    expect(attempt({ noTrade: [{ from: "09:30", to: "09:45", tz: "Mars/Olympus" }] })).toMatch(/unknown time zone "Mars\/Olympus"/);
  });
});
