// Interrupted-run recovery, run on every writable open. A run still `running` whose
// process is gone was killed (SIGKILL, power loss, OOM): its results were never committed
// (run-writer writes them in one transaction), so marking it `interrupted` with what
// happened is all that is needed. Runs of live processes, and of this one, are left alone.

import { nowIso, type StoreContext } from "./context.js";
import { finishRun, selectRunningRuns } from "./runs.js";

/** A run found running with a dead process and marked interrupted. */
export interface RecoveredRun {
  readonly id: string;
  readonly pid: number;
}

/** Whether a process id is alive: signal 0 probes without delivering anything. */
export function isProcessAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it exists but belongs to someone else.
    return (error as { code?: unknown }).code === "EPERM";
  }
}

/** Marks running runs of dead processes as interrupted. Call inside a write transaction. */
export function recoverInterruptedRuns(ctx: StoreContext, isAlive: (pid: number) => boolean): RecoveredRun[] {
  const recovered: RecoveredRun[] = [];
  for (const run of selectRunningRuns(ctx)) {
    if (run.pid === ctx.pid || isAlive(run.pid)) continue;
    const error = `interrupted: process ${run.pid} ended without completing the run; no results were kept (found at ${nowIso(ctx)})`;
    if (finishRun(ctx, run.id, "interrupted", { error })) recovered.push(run);
  }
  return recovered;
}
