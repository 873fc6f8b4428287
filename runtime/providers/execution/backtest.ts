// The `backtest` execution provider: simulated fills on bars. Fill timing is the
// engine's (runtime/engine/loop.ts); prices, costs, sizes and levels are here:
// costs.ts, sizing.ts, exit-rules.ts, levels.ts, no-trade.ts, broker.ts.

import { BacktestBroker } from "./broker.js";
import { EXECUTION_BACKTEST_SCHEMA, validateExecutionOptions } from "./options.js";
import type { ExecutionProvider } from "./types.js";

/** The backtest provider. Bump `version` whenever a fill rule changes, so recorded runs show it. */
export const backtestExecution: ExecutionProvider = {
  name: "backtest",
  version: "1",
  optionsSchema: EXECUTION_BACKTEST_SCHEMA,
  validateOptions: validateExecutionOptions,
  createBroker: (options, ticker) => new BacktestBroker(options, ticker),
};

/** Execution providers by name. */
export const EXECUTION_PROVIDERS: ReadonlyMap<string, ExecutionProvider> = new Map([[backtestExecution.name, backtestExecution]]);
