#!/usr/bin/env node
// An external strat model: momentum over the JSON-lines protocol (runtime/providers/model/EXTERNAL.md).
// Use it from a strategy:
//   model forecast = external(command: "node examples/models/momentum_model.mjs --window 20", timeout: 10s, horizon: 10d)
// It reads one message per line on stdin and answers every bar with exactly one line on stdout,
// before the runtime sends the next bar. Logs go to stderr, never stdout.
// With the same window it reproduces the built-in momentum model.
import { createInterface } from "node:readline";

const VERSION = "momentum_model.mjs/1";
const windowArg = process.argv.indexOf("--window");
const window = windowArg >= 0 ? Number(process.argv[windowArg + 1]) : 20;
if (!Number.isInteger(window) || window < 2) {
  process.stderr.write(`momentum_model: --window must be an integer >= 2, got ${process.argv[windowArg + 1]}\n`);
  process.exit(2);
}

/** Standard normal CDF via erfc (Chebyshev fit, fractional error < 1.2e-7). */
function normalCdf(x) {
  const z = Math.abs(x) / Math.SQRT2;
  const t = 1 / (1 + 0.5 * z);
  const r = t * Math.exp(-z * z - 1.26551223 + t * (1.00002368 + t * (0.37409196 + t * (0.09678418 + t * (-0.18628806 + t * (0.27886807 + t * (-1.13520398 + t * (1.48851587 + t * (-0.82215223 + t * 0.17087277)))))))));
  return x >= 0 ? 1 - r / 2 : r / 2;
}

let horizonBars = 1;
let previousClose = null;
const returns = []; // the last `window` returns, oldest first

function reply(message) {
  process.stdout.write(`${JSON.stringify(message)}\n`);
}

function onBar(bar) {
  if (previousClose !== null) {
    returns.push(bar.close / previousClose - 1);
    if (returns.length > window) returns.shift();
  }
  previousClose = bar.close;
  if (returns.length < window) {
    reply({ t: bar.t, expected_return: null, confidence: null, volatility: null, version: VERSION });
    return;
  }
  const mean = returns.reduce((a, b) => a + b, 0) / window;
  const variance = returns.reduce((a, r) => a + (r - mean) ** 2, 0) / (window - 1);
  const sd = Math.sqrt(variance);
  const stat = sd > 0 ? mean / (sd / Math.sqrt(window)) : mean === 0 ? 0 : Infinity;
  reply({
    t: bar.t,
    expected_return: mean * horizonBars,
    confidence: Math.min(Math.max(normalCdf(Math.abs(stat)), 0.5), 1 - 2 ** -30),
    volatility: sd * Math.sqrt(horizonBars),
    version: VERSION,
  });
}

const input = createInterface({ input: process.stdin, crlfDelay: Infinity });
input.on("line", (line) => {
  const message = JSON.parse(line);
  if (message.type === "hello") {
    if (message.protocol !== 1) {
      process.stderr.write(`momentum_model: unsupported protocol ${message.protocol}\n`);
      process.exit(2);
    }
    horizonBars = message.horizon_bars;
  } else if (message.type === "bar") onBar(message);
  else if (message.type === "end") input.close();
});
input.on("close", () => process.exit(0));
