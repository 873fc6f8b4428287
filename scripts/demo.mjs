// npm run demo: the main job on bundled data, through the built CLI.
// Uses its own store (.strat/demo.db), recreated on every demo run, so the
// user's store is never touched.

import { spawnSync } from "node:child_process";
import { mkdirSync, rmSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { dirname, join } from "node:path";

const root = dirname(dirname(fileURLToPath(import.meta.url)));
const bin = join(root, "dist/cli/main.js");
const store = ".strat/demo.db";
mkdirSync(join(root, ".strat"), { recursive: true });
for (const suffix of ["", "-wal", "-shm"]) rmSync(join(root, store + suffix), { force: true });

let failures = 0;

/** Runs one CLI step; `ok` lists the exit codes that are expected outcomes. */
function step(title, args, ok = [0]) {
  process.stdout.write(`\n\x1b[1m$ strat ${args.join(" ")}\x1b[0m   # ${title}\n`);
  const result = spawnSync(process.execPath, [bin, ...args], { cwd: root, stdio: ["ignore", "pipe", "pipe"], encoding: "utf8", env: { ...process.env, STRAT_STORE: store } });
  process.stdout.write(result.stdout);
  process.stdout.write(result.stderr);
  if (!ok.includes(result.status ?? -1)) {
    failures++;
    process.stdout.write(`!! step failed with exit code ${result.status}\n`);
  }
  return result;
}

step("type-check the project's strategies and gates", ["check"]);
step("the sources are in canonical layout", ["fmt", "--check"]);
step("compile the canonical plan", ["compile", "-o", ".strat/plan.json"]);
step("preview what the plan will do", ["plan"]);

// Backtests on the bundled real data (examples/data, see its README for attribution).
step("SMA(10/30) crossover on ORCL 1995-2014, all-in, 0.1% commission per side", ["run", "strategies/sma_cross.strat", "--source", "prod"]);
step("the same with a 5% stop-loss and a 10% take-profit", ["run", "strategies/sma_cross.strat", "--param", "stop_loss=5%", "--param", "take_profit=10%", "--source", "prod"]);
step("Wilder RSI(14) mean reversion on ORCL", ["run", "strategies/rsi_reversion.strat", "--source", "prod"]);
step("momentum-forecast thresholds on ORCL, NVDA, YHOO as a portfolio", ["run", "strategies/ts_threshold.strat", "--source", "prod"]);
step("the ridge-regression candidate, refit walk-forward", ["run", "strategies/ts_ridge.strat", "--source", "prod"]);
step("breakout with a parameterised exit ladder on NVDA", ["run", "strategies/exit_ladder.strat", "--source", "prod"]);
step("a paper replay of the RSI strategy", ["run", "strategies/rsi_reversion.strat", "--source", "paper"]);
step("a barbell portfolio (examples/portfolio.strat): sleeves, the portfolio and its baselines in one run", ["run", "examples/portfolio.strat", "--portfolio", "demo_barbell", "--commission", "5bps", "--source", "prod"]);
step("every recorded run", ["runs"]);

// Gates: 0 pass, 3 fail, 4 insufficient observation are all outcomes, not errors.
const gateOutcomes = [0, 3, 4];
step("release gate on the latest SMA run", ["gate", "quant_validation", "--strategy", "sma_cross"], gateOutcomes);
step("real-data gate on the threshold portfolio", ["gate", "real_data", "--strategy", "ts_threshold"], gateOutcomes);
step("minimum viable strategy on the paper replay", ["gate", "minimum_viable", "--strategy", "rsi_reversion"], gateOutcomes);
step("does the ridge model beat the frozen momentum baseline?", ["gate", "model_promotion", "--strategy", "ts_ridge"], gateOutcomes);
step("the ledger's hash chain is intact", ["ledger", "verify"]);
const runs = spawnSync(process.execPath, [bin, "runs", "--json", "--strategy", "sma_cross", "--limit", "1"], { cwd: root, encoding: "utf8", env: { ...process.env, STRAT_STORE: store } });
const latest = JSON.parse(runs.stdout || "{\"runs\":[]}").runs[0]?.id;
if (latest) step("an HTML report with equity and drawdown charts", ["report", latest, "--html", ".strat/demo-report.html"]);
const portfolioRun = JSON.parse(spawnSync(process.execPath, [bin, "runs", "--json", "--strategy", "demo_barbell", "--limit", "1"], { cwd: root, encoding: "utf8", env: { ...process.env, STRAT_STORE: store } }).stdout || "{\"runs\":[]}").runs[0]?.id;
if (portfolioRun) {
  step("the release gate on the portfolio run (its metrics are the portfolio's)", ["gate", "quant_validation", "--run", portfolioRun], gateOutcomes);
  step("the portfolio's report: sleeves and baselines, an equity chart per sleeve", ["report", portfolioRun, "--html", ".strat/demo-portfolio.html"]);
}

process.stdout.write(failures === 0 ? "\ndemo finished: every step behaved as expected\n" : `\ndemo finished with ${failures} failed step(s)\n`);
process.exitCode = failures === 0 ? 0 : 1;
