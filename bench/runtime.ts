// Runtime benchmarks: (a) the engine on 2,000,000 bars already in memory
// (plan → backtest → metrics) against a hand-written loop doing the same
// crossover with the same fills and costs; a 10-ticker × 5,000-bar portfolio;
// (b) the whole `strat run` process reading a 2,000,000-bar CSV, with its peak memory.

import { spawnSync } from "node:child_process";
import { closeSync, fsyncSync, mkdtempSync, openSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import type { Bars } from "../runtime/data/bars.js";
import { generateDailyBars, generatePortfolioBars, runEngineCrossover, runHandLoopCrossover, runPortfolioCrossover, CROSSOVER_SETTINGS } from "./engine.js";
import { median, type BenchRow } from "./table.js";

const BARS = 2_000_000;

function timeIt(repeats: number, fn: () => void): number {
  const times: number[] = [];
  for (let i = 0; i < repeats; i++) {
    const start = performance.now();
    fn();
    times.push(performance.now() - start);
  }
  return median(times);
}

function writeCsv(bars: Bars, path: string): void {
  const lines = ["Date,Open,High,Low,Close,Adj Close,Volume"];
  for (let i = 0; i < bars.close.length; i++) {
    const c = (bars.close[i] ?? 0).toFixed(6);
    lines.push(`${new Date(bars.time[i] ?? 0).toISOString().slice(0, 10)},${(bars.open[i] ?? 0).toFixed(6)},${(bars.high[i] ?? 0).toFixed(6)},${(bars.low[i] ?? 0).toFixed(6)},${c},${c},${Math.round(bars.volume[i] ?? 0)}`);
  }
  writeFileSync(path, lines.join("\n") + "\n");
  // Flush the file now: otherwise the kernel writes its 143 MB back while the timed runs
  // read it and fsync their stores, and the benchmark would time the disk, not strat.
  const fd = openSync(path, "r+");
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

/** Runs the runtime benchmarks; `root` is the package root. */
export function benchRuntime(root: string): BenchRow[] {
  const bars = generateDailyBars(BARS);
  runEngineCrossover(generateDailyBars(50_000));
  runHandLoopCrossover(generateDailyBars(50_000));
  const engineMs = timeIt(5, () => runEngineCrossover(bars));
  const handMs = timeIt(5, () => runHandLoopCrossover(bars));
  const engine = runEngineCrossover(bars);
  const hand = runHandLoopCrossover(bars);
  if (engine.trades !== hand.trades || engine.fills !== hand.fills || engine.finalEquity !== hand.finalEquity) {
    throw new Error(`engine and hand loop disagree: ${engine.trades} vs ${hand.trades} trades, ${engine.fills} vs ${hand.fills} fills, final equity ${engine.finalEquity} vs ${hand.finalEquity}`);
  }

  const portfolio = generatePortfolioBars(10, 5_000);
  runPortfolioCrossover(portfolio);
  const portfolioMs = timeIt(9, () => runPortfolioCrossover(portfolio));

  const dir = mkdtempSync(join(tmpdir(), "strat-bench-"));
  const csv = join(dir, "bench.csv");
  writeCsv(bars, csv);
  writeFileSync(
    join(dir, "bench.strat"),
    `strategy bench_cross {
  universe ["BENCH"]
  data csv("${csv}")
  bars daily
  param fast: int in [2, 200] = ${CROSSOVER_SETTINGS.fast}
  param slow: int in [3, 400] = ${CROSSOVER_SETTINGS.slow}
  entry long when crossover(sma(close, fast), sma(close, slow))
  exit when crossunder(sma(close, fast), sma(close, slow))
  sizing all_in
  costs commission(${CROSSOVER_SETTINGS.commission * 100}%) + slippage(${CROSSOVER_SETTINGS.slippage * 10000}bps)
  cash $${CROSSOVER_SETTINGS.cash}
}
`,
  );
  const rssHook = join(dir, "rss.mjs");
  writeFileSync(rssHook, 'process.on("exit", () => process.stderr.write(`maxrss_kb=${process.resourceUsage().maxRSS}\\n`));\n');
  const cli = join(root, "dist/cli/main.js");
  const wall: number[] = [];
  let rssKb = 0;
  for (let i = 0; i < 3; i++) {
    const start = performance.now();
    const r = spawnSync(process.execPath, ["--import", `file://${rssHook}`, cli, "--store", join(dir, `s${i}.db`), "run", join(dir, "bench.strat")], { cwd: dir, encoding: "utf8" });
    wall.push(performance.now() - start);
    if (r.status !== 0) throw new Error(`strat run failed in the benchmark:\n${r.stdout}${r.stderr}`);
    rssKb = Math.max(rssKb, Number(/maxrss_kb=(\d+)/.exec(r.stderr)?.[1] ?? 0));
  }
  rmSync(dir, { recursive: true, force: true });
  const processMs = median(wall);

  return [
    { name: `(a) engine, SMA 10/30 on ${BARS / 1e6}M bars in memory`, value: BARS / (engineMs / 1000), unit: "bars/s", reference: 5_000_000, referenceLabel: "floor", lowerIsBetter: false },
    { name: "    hand-written loop, same fills and costs", value: BARS / (handMs / 1000), unit: "bars/s", lowerIsBetter: false },
    { name: "    engine vs hand loop (floor: within 3x)", value: handMs / engineMs, unit: "x", reference: 1 / 3, referenceLabel: "1/3", lowerIsBetter: false },
    { name: "    portfolio, 10 tickers x 5,000 bars", value: 50_000 / (portfolioMs / 1000), unit: "bars/s", lowerIsBetter: false },
    { name: `(b) strat run process, ${BARS / 1e6}M-bar CSV`, value: BARS / (processMs / 1000), unit: "bars/s", reference: 1_000_000, referenceLabel: "floor", lowerIsBetter: false },
    { name: "    wall time", value: processMs, unit: "ms", lowerIsBetter: true },
    { name: "    peak memory (max RSS)", value: rssKb / 1024, unit: "MiB", lowerIsBetter: true },
  ];
}
