// strat gate <gate> [--run ID | --latest | --strategy S] [--baseline RUN]: evaluate a
// gate on stored runs, record the result in the ledger, exit 0 pass / 3 fail /
// 4 insufficient_observation / 1 error.

import Table from "cli-table3";
import type { CliConfig } from "../../config/config.js";
import { evaluateGate, formatValue, isGateError, toGateResultJson, type GateResult } from "../../gates/index.js";
import { EXIT, UserError } from "../errors.js";
import type { CliIo } from "../io.js";
import { openConfiguredStore } from "../open-store.js";
import { resolveConfig } from "../project.js";
import { planForCommand } from "./plan-source.js";

/** Options of `strat gate`. */
export interface GateOptions {
  run?: string;
  latest?: boolean;
  strategy?: string;
  baseline?: string;
  plan?: string;
  json?: boolean;
}

const STATUS_EXIT = { pass: EXIT.ok, fail: EXIT.gateFail, insufficient_observation: EXIT.gateInsufficient } as const;

function renderGate(result: GateResult): string {
  const table = new Table({ head: ["rule", "value", "threshold", "margin", "outcome"], style: { head: [], border: [] }, colAligns: ["left", "right", "right", "right", "left"] });
  for (const r of result.rules) {
    const shown = (v: number | null) => (v === null ? "-" : formatValue(v, r.unit));
    table.push([r.text, r.value === null ? (r.note ?? "-") : shown(r.value), `${r.operator} ${formatValue(r.threshold, r.unit)}`, r.margin === null ? "-" : `${r.margin >= 0 ? "+" : ""}${shown(r.margin)}`, r.outcome]);
  }
  const scope = result.scope.map((s) => `${s.clause} ${s.satisfied ? "ok" : "NOT satisfied"}`).join(", ") || "every run";
  const lines = [
    `gate ${result.gate}: ${result.status.toUpperCase().replace("_", " ")}${result.runId ? ` on run ${result.runId}` : ""}${result.baselineRunId ? ` against baseline run ${result.baselineRunId}` : ""}`,
    `scope: ${scope}`,
    table.toString(),
  ];
  if (result.reason) lines.push(result.reason);
  lines.push(`plan ${result.planHash?.slice(0, 12) ?? "-"}  data ${result.dataHash?.slice(0, 12) ?? "-"}  models ${result.modelVersions.join(", ") || "none"}  ledger #${result.ledgerSeq}`);
  return lines.join("\n") + "\n";
}

/** Runs `strat gate`; returns 0, 3 or 4 by the gate's status. */
export function runGate(io: CliIo, name: string, paths: readonly string[], options: GateOptions, cli: CliConfig): number {
  const picks = [options.run !== undefined, options.latest === true, options.strategy !== undefined].filter(Boolean).length;
  if (picks > 1) throw new UserError("pass at most one of --run, --latest and --strategy", "--run ID evaluates one run; --latest or --strategy S pick the newest in-scope run", EXIT.usage);
  const config = resolveConfig(io, cli);
  const plan = planForCommand(io, paths, options.plan, cli);
  const gate = plan.gates.find((g) => g.name === name);
  if (!gate) {
    const known = plan.gates.map((g) => g.name).join(", ") || "(none)";
    throw new UserError(`no gate named '${name}'`, `gates in the plan: ${known}`);
  }
  const store = openConfiguredStore(config);
  try {
    const result = evaluateGate(store, gate, {
      ...(options.run === undefined ? {} : { runId: options.run }),
      ...(options.latest ? { latest: true } : {}),
      ...(options.strategy === undefined ? {} : { strategy: options.strategy }),
      ...(options.baseline === undefined ? {} : { baselineRunId: options.baseline }),
    });
    if (isGateError(result)) throw new UserError(result.message, result.hint, EXIT.error, result.code);
    io.out(options.json ? JSON.stringify(toGateResultJson(result), null, 2) + "\n" : renderGate(result));
    return STATUS_EXIT[result.status];
  } finally {
    store.close();
  }
}
