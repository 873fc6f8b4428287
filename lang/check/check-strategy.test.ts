import { describe, expect, it } from "vitest";
import { compileSources } from "../compile.js";

/** Compiles one file and lists each diagnostic as its code and the source text under its span. */
function diagnose(src: string): { code: string; at: string; message: string; hints: readonly string[] }[] {
  const out = compileSources({ "main.strat": src });
  return out.diagnostics.map((d) => ({ code: d.code, at: src.slice(d.span.start, d.span.end), message: d.message, hints: d.hints }));
}

const strat = (body: string): string => `strategy s {\n  universe ["SPY"]\n${body}\n}\n`;
const codes = (src: string): string[] => diagnose(src).map((d) => d.code);

describe("strategy settings", () => {
  it("accepts every setting with its modifiers", () => {
    const src = strat(`  data csv("data/spy.csv")
  bars 15m
  lookback 200 bars
  sizing fixed_fraction(50%) capped max_symbol_exposure(10%) capped max_units(100)
  costs commission(1bps) + slippage(5bps)
  no_trade "09:30".."09:45" tz "America/New_York"
  no_trade "15:45".."16:00"
  fill close
  cash $25k
  units fractional
  execution paper
  entry long when close > sma(close, 20)`);
    expect(diagnose(src)).toEqual([]);
  });

  it("reports an unknown setting with close names", () => {
    const d = diagnose(strat(`  lookbak 10d\n  entry long when close > open`));
    expect(d).toHaveLength(1);
    expect(d[0]).toMatchObject({ code: "E0307", at: "lookbak", message: "unknown setting 'lookbak' in strategy" });
    expect(d[0]?.hints[0]).toBe("did you mean lookback?");
  });

  it("names the block kind a misplaced setting belongs to", () => {
    const d = diagnose(strat(`  cap 10%\n  entry long when close > open`));
    expect(d[0]?.code).toBe("E0307");
    expect(d[0]?.hints).toContain("'cap' is a setting of sleeve blocks");
  });

  it("requires a universe and an entry", () => {
    expect(diagnose("strategy s {\n  bars daily\n}\n").map((d) => [d.code, d.at])).toEqual([
      ["E0309", "s"],
      ["E0501", "s"],
    ]);
  });

  it("reports a setting given twice and a modifier it does not take", () => {
    expect(codes(strat(`  cash $1k\n  cash $2k\n  entry long when close > open`))).toEqual(["E0308"]);
    expect(diagnose(strat(`  fill close tz "UTC"\n  entry long when close > open`)).map((d) => [d.code, d.at])).toEqual([["E0310", "tz"]]);
  });

  it("wants a duration or bar count for lookback, with a hint", () => {
    const d = diagnose(strat(`  lookback 365\n  entry long when close > open`));
    expect(d.map((x) => [x.code, x.at])).toEqual([["E0303", "365"]]);
    expect(d[0]?.hints[0]).toMatch(/^did you mean 365d\?/);
  });

  it("checks bar sizes", () => {
    expect(diagnose(strat(`  bars dayly\n  entry long when close > open`)).map((d) => [d.code, d.at, d.hints[0]])).toEqual([["E0311", "dayly", "did you mean daily?"]]);
    expect(codes(strat(`  bars 4h\n  entry long when close > open`))).toEqual([]);
  });

  it("wants money for cash, positive", () => {
    expect(diagnose(strat(`  cash 100000\n  entry long when close > open`)).map((d) => [d.code, d.hints[0]])).toEqual([["E0303", "did you mean $100000?"]]);
    expect(codes(strat(`  cash $0\n  entry long when close > open`))).toEqual(["E0401"]);
  });

  it("validates tickers, duplicates warn", () => {
    expect(diagnose(`strategy s {\n  universe ["SPY", "", "SPY"]\n  entry long when close > open\n}`).map((d) => [d.code, d.at])).toEqual([
      ["E0320", '""'],
      ["W0503", '"SPY"'],
    ]);
  });

  it("accepts a const list of tickers as the universe and validates it", () => {
    expect(codes(`const TECH = ["AAPL", "MSFT"]\nstrategy s {\n  universe TECH\n  entry long when close > open\n}`)).toEqual([]);
    expect(codes(`const TECH = ["AAPL", "bad ticker"]\nstrategy s {\n  universe TECH\n  entry long when close > open\n}`)).toEqual(["E0301"]);
  });

  it("checks no-trade windows: times, zones, order", () => {
    expect(diagnose(strat(`  no_trade "9:30".."10:00"\n  entry long when close > open`)).map((d) => [d.code, d.at])).toEqual([["E0318", '"9:30"']]);
    const zone = diagnose(strat(`  no_trade "09:30".."10:00" tz "Europe/Londn"\n  entry long when close > open`));
    expect(zone.map((d) => [d.code, d.at])).toEqual([["E0319", '"Europe/Londn"']]);
    expect(zone[0]?.hints[0]).toContain("Europe/London");
    expect(codes(strat(`  no_trade "10:00".."09:30"\n  entry long when close > open`))).toEqual(["E0528"]);
  });

  it("wants cost terms joined with +, each once", () => {
    expect(codes(strat(`  costs commission(1bps) + commission(1bps)\n  entry long when close > open`))).toEqual(["E0529"]);
    expect(codes(strat(`  costs 5bps\n  entry long when close > open`))).toEqual(["E0529"]);
    expect(diagnose(strat(`  costs commission(1bps) + stop_loss(1%)\n  entry long when close > open`)).map((d) => [d.code, d.at])).toEqual([["E0210", "stop_loss"]]);
  });

  it("needs constants where the plan needs fixed values, but lets rule arguments use params", () => {
    const d = diagnose(strat(`  param n: duration in [10d, 400d] = 200d\n  lookback n\n  entry long when close > sma(close, 20) and n > 5d`));
    expect(d.map((x) => [x.code, x.at])).toEqual([["E0324", "n"]]);
    expect(codes(strat(`  param frac: percent in [1%, 100%] = 50%\n  sizing fixed_fraction(frac)\n  entry long when close > open`))).toEqual([]);
  });
});

describe("entries and exits", () => {
  it("wants a side of long or short", () => {
    expect(diagnose(strat(`  entry lng when close > open`)).map((d) => [d.code, d.at, d.hints[0]])).toEqual([["E0325", "lng", "did you mean long?"]]);
  });

  it("wants a boolean condition", () => {
    expect(diagnose(strat(`  entry long when sma(close, 10)`)).map((d) => [d.code, d.at])).toEqual([["E0301", "sma(close, 10)"]]);
  });

  it("accepts an or of exit rules and conditions", () => {
    expect(codes(strat(`  entry long when close > open\n  exit when stop_loss(2%) or close < sma(close, 50) or time_exit(10 bars) or trailing_stop(3%)`))).toEqual([]);
  });

  it("rejects exit rules under and / not, and outside exits", () => {
    expect(diagnose(strat(`  entry long when close > open\n  exit when close < open and stop_loss(2%)`)).map((d) => [d.code, d.at])).toEqual([["E0322", "stop_loss"]]);
    expect(diagnose(strat(`  entry long when close > open\n  exit when not trailing_stop(2%)`)).map((d) => [d.code, d.at])).toEqual([["E0322", "trailing_stop"]]);
    expect(diagnose(strat(`  entry long when close > open\n  exit when not trailing_stop(2%)`))[0]?.hints).toEqual(["an exit rule cannot be negated: remove `not` and write `exit when trailing_stop(2%)`"]);
    expect(diagnose(strat(`  entry long when close > open\n  exit when close < open and stop_loss(2%)`))[0]?.hints).toEqual([
      "to exit when either holds, join them with `or`: `exit when stop_loss(2%) or close < open`",
    ]);
    expect(diagnose(strat(`  entry long when take_profit(5%)`)).map((d) => [d.code, d.at])).toEqual([["E0210", "take_profit"]]);
  });

  it("asks for a unit on time_exit", () => {
    const d = diagnose(strat(`  entry long when close > open\n  exit when time_exit(10)`));
    expect(d.map((x) => [x.code, x.at])).toEqual([["E0303", "10"]]);
    expect(d[0]?.hints[0]).toContain("10 bars");
  });

  it("checks exit rule domains and take-profit ladders", () => {
    expect(diagnose(strat(`  entry long when close > open\n  exit when stop_loss(5)`)).map((d) => [d.code, d.hints[0]])).toEqual([["E0303", "did you mean 5%?"]]);
    expect(codes(strat(`  entry long when close > open\n  exit when stop_loss(150%)`))).toEqual(["E0401"]);
    expect(codes(strat(`  entry long when close > open\n  exit when take_profit([5%, 2%])`))).toEqual(["E0408"]);
    expect(codes(strat(`  entry long when close > open\n  exit when take_profit([2%, 5%], scale_out: [80%, 40%])`))).toEqual(["E0408"]);
    expect(codes(strat(`  entry long when close > open\n  exit when take_profit([2%, 5%], scale_out: [60%, 40%])`))).toEqual([]);
  });

  it("puts metrics and rules out of strategy expressions", () => {
    expect(diagnose(strat(`  entry long when sharpe(daily) > 1`)).map((d) => [d.code, d.at])).toEqual([["E0210", "sharpe"]]);
    expect(diagnose(strat(`  entry long when trades > 1`)).map((d) => [d.code, d.at])).toEqual([["E0210", "trades"]]);
  });
});

describe("lookahead", () => {
  it("allows reading earlier bars", () => {
    expect(codes(strat(`  entry long when close > close[1] and sma(close, 5)[2] < sma(close, 5)`))).toEqual([]);
  });

  it("rejects a negative bar offset with its own code", () => {
    const d = diagnose(strat(`  entry long when close[-1] > close`));
    expect(d).toHaveLength(1);
    expect(d[0]).toMatchObject({ code: "E0304", at: "-1", message: "`close[-1]` reads the next bar, which is not known at bar t" });
    expect(d[0]?.hints[0]).toContain("`close[1]` is the previous bar");
  });

  it("rejects a negative const offset and a negative offset in a model field", () => {
    expect(codes(`const AHEAD = -2\n${strat("  entry long when close[AHEAD] > close")}`)).toEqual(["E0304"]);
    expect(codes(strat(`  model f = momentum(window: 20)\n  entry long when f.expected_return[-1] > 0`))).toEqual(["E0304"]);
  });

  it("needs int params used as offsets to have a non-negative domain", () => {
    expect(diagnose(strat(`  param k: int = 1\n  entry long when close[k] > close`)).map((d) => [d.code, d.at])).toEqual([["E0305", "k"]]);
    expect(codes(strat(`  param k: int in [-1, 5] = 1\n  entry long when close[k] > close`))).toEqual(["E0305"]);
    expect(codes(strat(`  param k: int in [0, 5] = 1\n  entry long when close[k] > close`))).toEqual([]);
  });

  it("rejects offsets that are not known before the run or not whole", () => {
    expect(codes(strat(`  entry long when close[volume] > close`))).toEqual(["E0301"]);
    expect(codes(strat(`  entry long when close[1.5] > close`))).toEqual(["E0409"]);
  });

  it("only indexes series", () => {
    expect(diagnose(strat(`  param p: int in [1, 5] = 2\n  entry long when close > p[1]`)).map((d) => [d.code, d.at])).toEqual([["E0306", "p"]]);
  });
});

describe("models, lets and fields", () => {
  it("reads model fields as ratio series and checks field names", () => {
    expect(codes(strat(`  model f = zscore(window: 30)\n  entry long when f.expected_return > 0.5% and f.confidence >= 0.55`))).toEqual([]);
    const d = diagnose(strat(`  model f = momentum()\n  entry long when f.confidense > 0.5`));
    expect(d.map((x) => [x.code, x.at, x.hints[0]])).toEqual([["E0211", "confidense", "did you mean confidence?"]]);
  });

  it("looks zscore up as a model in a model item and as an indicator in expressions", () => {
    expect(codes(strat(`  model z = zscore(window: 30)\n  entry long when zscore(close, 20) < -2 and z.expected_return > 0`))).toEqual([]);
  });

  it("reads record fields of bollinger", () => {
    expect(codes(strat(`  entry long when close < bollinger(close, 20, 2).lower`))).toEqual([]);
    expect(codes(strat(`  entry long when close < bollinger(close).bottom`))).toEqual(["E0211"]);
  });

  it("types lets in any order and finds cycles", () => {
    expect(codes(strat(`  let up = fast > slow\n  let fast = sma(close, 10)\n  let slow = sma(close, 30)\n  entry long when up`))).toEqual([]);
    expect(codes(strat(`  let a = b\n  let b = a\n  entry long when a`))).toContain("E0213");
  });

  it("warns about unused params and lets", () => {
    expect(codes(strat(`  param n: int in [1, 5] = 2\n  let x = close\n  entry long when close > open`))).toEqual(["W0504", "W0505"]);
  });

  it("rejects locals that hide price series, and duplicate locals", () => {
    expect(codes(strat(`  param close: int in [1, 5] = 2\n  entry long when open > 1`))).toEqual(["E0212"]);
    expect(codes(strat(`  let x = close\n  let x = open\n  entry long when x > 1`))).toEqual(["E0206"]);
  });
});
