import { describe, expect, it } from "vitest";
import { combinePortfolio } from "./portfolio.js";
import type { ExecutionEvent, TickerResult, Trade } from "./result.js";

const D = 86_400_000;

function result(ticker: string, initialCash: number, days: number[], equity: number[], exposed: number[], pnl: number[] = []): TickerResult {
  const trades: Trade[] = pnl.map((p, i) => ({ ticker, side: "long", entryTime: 0, entryPrice: 1, exitTime: (days[i] ?? 0) * D, exitPrice: 1, quantity: 10, pnl: p, costs: 1, exitReason: "signal", bars: 1 }));
  const log: ExecutionEvent[] = days.map((d) => ({ time: d * D, ticker, kind: "fill", action: "buy", quantity: 10, price: 1, commission: 0.5, slippage: 0, reason: "entry" }));
  return {
    ticker,
    initialCash,
    finalEquity: equity[equity.length - 1] ?? initialCash,
    trades,
    open: [],
    equity: { time: Float64Array.from(days, (d) => d * D), equity: Float64Array.from(equity), exposed: Uint8Array.from(exposed) },
    log,
    tradedValue: 100,
  };
}

describe("combinePortfolio", () => {
  it("aligns equity on the union of times, forward-filling and using the cash share before a ticker's first bar", () => {
    const a = result("A", 500, [0, 1, 2], [510, 520, 530], [1, 1, 0]);
    const b = result("B", 500, [1, 2, 3], [490, 480, 470], [0, 0, 1]);
    const p = combinePortfolio([a, b], 1000);
    expect(p.ticker).toBe("PORTFOLIO");
    expect(Array.from(p.equity.time)).toEqual([0, D, 2 * D, 3 * D]);
    expect(Array.from(p.equity.equity)).toEqual([510 + 500, 520 + 490, 530 + 480, 530 + 470]);
    expect(Array.from(p.equity.exposed)).toEqual([1, 1, 0, 1]);
    expect(p.finalEquity).toBe(1000);
    expect(p.tradedValue).toBe(200);
    expect(p.log.map((e) => `${e.ticker}${e.time / D}`)).toEqual(["A0", "A1", "B1", "A2", "B2", "B3"]);
  });

  it("scales results run with another initial cash to an equal split", () => {
    const a = result("A", 1000, [0, 1], [1000, 1100], [1, 1], [100]);
    const b = result("B", 1000, [0, 1], [1000, 900], [0, 0], [-100]);
    const p = combinePortfolio([a, b], 1000);
    expect(Array.from(p.equity.equity)).toEqual([1000, 1000]);
    expect(p.trades.map((t) => [t.ticker, t.pnl, t.quantity, t.costs])).toEqual([
      ["A", 50, 5, 0.5],
      ["B", -50, 5, 0.5],
    ]);
    expect(p.tradedValue).toBe(100);
  });

  it("keeps the cash when there is nothing to combine", () => {
    const p = combinePortfolio([], 1000);
    expect(p.finalEquity).toBe(1000);
    expect(p.equity.time.length).toBe(0);
  });
});
