// Agreement with an established backtester: backtrader's Quickstart "Adding an
// indicator" strategy (https://www.backtrader.com/docu/quickstart/quickstart/):
// ORCL daily bars of 2000 from backtrader's own orcl-1995-2014 file, buy 10 shares
// at market when the close is above its 15-bar SMA, sell when it is below, cash
// 1000, no commission, orders filling at the next bar's open.
//
// backtrader's YahooFinanceCSVData by default scales open/high/low by
// adjclose / close, uses the adjusted close as the close, and rounds every price
// to 2 decimals; the same transformation is applied here, so both engines see the
// same numbers. The Quickstart page prints 973.90, from an older copy of the data
// file (its first close of 2000-01-24 is 25.55). With the file backtrader has
// shipped since 2018 (the copy in examples/data: close 24.10 that day) the same
// script prints:
//   2000-01-26, BUY EXECUTED, Price: 25.24, Cost: 252.40, Comm 0.00
//   2000-12-21, OPERATION PROFIT, GROSS -19.40, NET -19.40
//   2000-12-22, BUY EXECUTED, Price: 27.02, Cost: 270.20, Comm 0.00
//   Final Portfolio Value: 975.60
// (output recorded in a public backtrader study notes page that runs the
// Quickstart scripts unchanged; the SELL created on 2000-12-29 never executes, so
// the last position is marked to the 2000-12-29 close of 25.85).

import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { allocateBars, type Bars } from "../data/bars.js";
import { tryRunBacktest } from "./backtest.js";
import { binary, call, lit, rule, series, strategyPlan } from "./fixtures.js";

const CSV = new URL("../../examples/data/orcl-1995-2014.csv", import.meta.url);

/** ORCL bars of 2000 as backtrader's YahooFinanceCSVData(adjclose=True, round=True, decimals=2) delivers them. */
function backtraderBars(): Bars {
  const rows = readFileSync(CSV, "utf8")
    .trim()
    .split("\n")
    .slice(1)
    .map((line) => line.split(","))
    .filter((f) => (f[0] ?? "") >= "2000-01-01" && (f[0] ?? "") <= "2000-12-31");
  const round2 = (x: number): number => Number(x.toFixed(2));
  const bars = allocateBars("ORCL", rows.length);
  rows.forEach((f, i) => {
    const [date, o, h, l, c, adj] = [f[0] as string, ...f.slice(1, 6).map(Number)] as [string, number, number, number, number, number];
    const factor = c / adj;
    bars.time[i] = Date.parse(date);
    bars.open[i] = round2(o / factor);
    bars.high[i] = round2(h / factor);
    bars.low[i] = round2(l / factor);
    bars.close[i] = round2(adj);
  });
  return bars;
}

describe("backtrader Quickstart reference (SMA 15, stake 10, cash 1000, no commission)", () => {
  const sma15 = call("sma", series("close"), lit(15, "int"));
  const strategy = strategyPlan({
    entries: [{ side: "long", when: binary(">", series("close"), sma15) }],
    exits: [{ side: "both", signal: binary("<", series("close"), sma15), rule: null }],
    sizing: { rule: rule("fixed_units", lit(10)), caps: [] },
    execution: { provider: "backtest", fill: "next_open", fractional: false, cash: 1000 },
  });
  const out = tryRunBacktest({ strategy, params: new Map(), bars: backtraderBars(), predictions: new Map() });
  const result = out.ok ? out.value : null;
  const day = (ms: number): string => new Date(ms).toISOString().slice(0, 10);

  it("ends at backtrader's final portfolio value, 975.60", () => {
    expect(result?.finalEquity.toFixed(2)).toBe("975.60");
  });

  it("makes the same fills backtrader prints", () => {
    const trades = result?.trades ?? [];
    const first = trades[0];
    expect([day(first?.entryTime ?? 0), first?.entryPrice, first?.quantity]).toEqual(["2000-01-26", 25.24, 10]);
    const last = trades[trades.length - 1];
    expect([day(last?.exitTime ?? 0), last?.pnl.toFixed(2)]).toEqual(["2000-12-21", "-19.40"]);
    const open = result?.open[0];
    expect([day(open?.entryTime ?? 0), open?.entryPrice, open?.markPrice]).toEqual(["2000-12-22", 27.02, 25.85]);
    expect(result?.log[result.log.length - 1]?.reason).toBe("end_of_data");
  });
});
