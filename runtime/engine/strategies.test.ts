// The real strategies in strategies/, compiled by the compiler, run on the bundled
// data. Checks that the engine reads what lowering emits, and the accounting
// identity that holds with every cost: Σ trade pnl + Σ unrealised pnl of open
// positions = final equity − initial cash (slippage is in the fill prices,
// commission in the pnl).
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { compileSources } from "../../lang/index.js";
import { allocateBars, type Bars } from "../data/bars.js";
import { tryRunBacktest } from "./backtest.js";
import type { ModelPredictions } from "./predictions.js";

function loadCsv(file: string, ticker: string): Bars {
  const rows = readFileSync(new URL(`../../examples/data/${file}`, import.meta.url), "utf8").trim().split("\n").slice(1);
  const bars = allocateBars(ticker, rows.length);
  rows.forEach((line, i) => {
    const f = line.split(",");
    bars.time[i] = Date.parse(f[0] as string);
    bars.open[i] = Number(f[1]);
    bars.high[i] = Number(f[2]);
    bars.low[i] = Number(f[3]);
    bars.close[i] = Number(f[4]);
    bars.volume[i] = Number(f[6]);
  });
  return bars;
}

/** A stand-in forecast (not a real model): momentum sign as expected return, a fixed confidence. */
function fakeForecast(bars: Bars): ModelPredictions {
  const n = bars.close.length;
  const expected_return = new Float64Array(n);
  for (let t = 20; t < n; t++) expected_return[t] = (bars.close[t] as number) / (bars.close[t - 20] as number) - 1;
  return { expected_return, confidence: new Float64Array(n).fill(0.6), volatility: new Float64Array(n).fill(0.02) };
}

describe("strategies/ on bundled data", () => {
  const cases: [string, string, string][] = [
    ["sma_cross", "orcl-1995-2014.csv", "ORCL"],
    ["rsi_reversion", "orcl-1995-2014.csv", "ORCL"],
    ["exit_ladder", "nvda-1999-2014.csv", "NVDA"],
    ["ts_threshold", "yhoo-1996-2014.csv", "YHOO"],
  ];
  for (const [name, file, ticker] of cases) {
    it(`runs ${name} and its books balance`, () => {
      const text = readFileSync(new URL(`../../strategies/${name}.strat`, import.meta.url), "utf8");
      const compiled = compileSources({ [`strategies/${name}.strat`]: text });
      const strategy = compiled.plan?.strategies.find((s) => s.name === name);
      expect(strategy, compiled.diagnostics.map((d) => d.message).join("; ")).toBeDefined();
      if (strategy === undefined) return;
      const bars = loadCsv(file, ticker);
      const params = new Map(strategy.params.map((p) => [p.name, p.default]));
      const predictions = new Map(strategy.models.map((m) => [m.name, fakeForecast(bars)]));
      const out = tryRunBacktest({ strategy, params, bars, predictions });
      expect(out.ok ? "ok" : out.error.message).toBe("ok");
      if (!out.ok) return;
      const r = out.value;
      expect(r.trades.length).toBeGreaterThan(5);
      const realised = r.trades.reduce((s, t) => s + t.pnl, 0);
      const unrealised = r.open.reduce((s, p) => s + p.unrealizedPnl, 0);
      expect(realised + unrealised).toBeCloseTo(r.finalEquity - r.initialCash, 6);
      // One exit fill per trade (a scale-out part is a trade), and every trade starts at an entry fill.
      expect(r.log.filter((e) => e.kind === "fill" && e.reason !== "entry")).toHaveLength(r.trades.length);
      const entryTimes = new Set(r.log.filter((e) => e.reason === "entry").map((e) => e.time));
      expect(r.trades.every((t) => entryTimes.has(t.entryTime))).toBe(true);
    });
  }
});
