// The benchmark pieces live in bench/ (outside the test include); their correctness is checked here.
import { describe, expect, it } from "vitest";
import { generateDailyBars, generatePortfolioBars, runEngineCrossover, runHandLoopCrossover, runPortfolioCrossover } from "../../bench/engine.js";

describe("engine benchmark pieces", () => {
  it("generate the same series for the same seed", () => {
    const a = generateDailyBars(1000, 5);
    const b = generateDailyBars(1000, 5);
    expect(Array.from(a.close)).toEqual(Array.from(b.close));
    expect(Array.from(generateDailyBars(1000, 6).close)).not.toEqual(Array.from(a.close));
  });

  it("give the engine and the hand-written loop the same final equity and trade count on 100,000 bars (past a window-sum rebuild)", () => {
    const bars = generateDailyBars(100_000, 1);
    const engine = runEngineCrossover(bars);
    const hand = runHandLoopCrossover(bars);
    expect(engine.trades).toBeGreaterThan(100);
    expect(hand.trades).toBe(engine.trades);
    expect(hand.finalEquity).toBe(engine.finalEquity);
    expect(hand.fills).toBe(engine.fills);
    // Exact moving averages and the engine's pnl arithmetic: every metric agrees, bit for bit.
    expect(hand.metrics).toEqual(engine.metrics);
    expect(engine.metrics["trades"]).toBe(engine.trades);
    // A second run reuses the pooled (dirty) intermediate buffers of the first: same result.
    expect(runEngineCrossover(bars)).toEqual(engine);
  });

  it("run the 10-ticker portfolio", () => {
    const p = runPortfolioCrossover(generatePortfolioBars(10, 500));
    expect(p.trades).toBeGreaterThan(10);
    expect(p.metrics["observation_days"]).toBe(500);
  });
});
