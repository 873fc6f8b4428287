// strat runs: list stored runs, newest first.

import Table from "cli-table3";
import type { CliConfig } from "../../config/config.js";
import { formatMoney } from "../../plan/expr-text.js";
import { isStoreError } from "../../store/index.js";
import { EXIT, UserError } from "../errors.js";
import type { CliIo } from "../io.js";
import { openConfiguredStore } from "../open-store.js";
import { resolveConfig } from "../project.js";

/** Options of `strat runs`. */
export interface RunsOptions {
  strategy?: string;
  source?: string;
  limit?: string;
  json?: boolean;
}

const SOURCES = ["prod", "paper", "smoke", "maintenance"] as const;

/** Runs `strat runs`; returns the exit code. */
export function runRuns(io: CliIo, options: RunsOptions, cli: CliConfig): number {
  const limit = options.limit === undefined ? 20 : Number(options.limit);
  if (!Number.isInteger(limit) || limit < 1) throw new UserError(`--limit '${options.limit}' is not a positive whole number`, "e.g. --limit 50", EXIT.usage);
  if (options.source !== undefined && !(SOURCES as readonly string[]).includes(options.source)) {
    throw new UserError(`--source '${options.source}' is not a run source`, `use one of ${SOURCES.join(", ")}`, EXIT.usage);
  }
  const store = openConfiguredStore(resolveConfig(io, cli));
  try {
    const runs = store.listRuns({
      limit,
      ...(options.strategy === undefined ? {} : { strategy: options.strategy }),
      ...(options.source === undefined ? {} : { runSource: options.source as (typeof SOURCES)[number] }),
    });
    if (isStoreError(runs)) throw new UserError(runs.message, runs.hint, EXIT.error, runs.code);
    if (options.json) {
      io.out(JSON.stringify({ runs }, null, 2) + "\n");
      return EXIT.ok;
    }
    if (runs.length === 0) {
      io.out("no runs recorded yet: start one with `strat run`\n");
      return EXIT.ok;
    }
    const table = new Table({ head: ["run", "created (UTC)", "strategy / portfolio", "tickers", "source", "regime", "status", "final equity", "plan"], style: { head: [], border: [] } });
    for (const r of runs) {
      table.push([r.id, r.createdAt.replace("T", " ").slice(0, 19), r.kind === "portfolio" ? `portfolio ${r.strategy}` : r.strategy, r.tickers.join(","), r.runSource, r.dataRegime, r.status, r.finalEquity === null ? "-" : formatMoney(Number(r.finalEquity.toFixed(2))), r.planHash.slice(0, 12)]);
    }
    io.out(table.toString() + "\n");
    return EXIT.ok;
  } finally {
    store.close();
  }
}
