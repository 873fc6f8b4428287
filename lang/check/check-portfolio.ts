// Sleeve and portfolio blocks. A sleeve has a bucket, a cap in [0%, 100%],
// members (tickers or an existing strategy), a weighting (not `barbell`: E0401)
// and an optional data source; a portfolio lists existing sleeves (each once), a
// rebalance period, baselines and an optional data source.

import type { BlockDecl } from "../ast.js";
import { makeDiagnostic } from "../diagnostics/problems.js";
import { checkSettings } from "./check-settings.js";
import { makeEnv, type CheckState, type Env } from "./context.js";
import { evaluate } from "./evaluate.js";

/** Checks one sleeve block. */
export function checkSleeve(state: CheckState, block: BlockDecl): void {
  const env: Env = makeEnv(block.span.file, null, false, `sleeve '${block.name.name}'`);
  const settings = checkSettings(state, block, env);
  const cap = settings.get("cap")?.[0];
  if (cap !== undefined && state.types.get(cap.value.id)?.kind !== "error") {
    const value = evaluate(state, cap.value);
    if (typeof value === "number" && (value < 0 || value > 1)) {
      state.report(
        makeDiagnostic("E0401", cap.value.span, "a sleeve's cap must lie in [0%, 100%]", {
          label: "outside [0%, 100%]",
          hints: ["the cap is the largest share of the portfolio the sleeve may hold"],
        }),
      );
    }
  }
  const weighting = settings.get("weighting")?.[0];
  if (weighting !== undefined && evaluate(state, weighting.value) === "barbell") {
    // A barbell is a split of capital between buckets, i.e. a portfolio of sleeves;
    // inside one sleeve it has no defined meaning, so it is refused rather than guessed.
    state.report(
      makeDiagnostic("E0401", weighting.value.span, "weighting 'barbell' is not allowed inside a sleeve", {
        label: "a barbell splits capital between sleeves",
        hints: [
          "declare a safe sleeve and a spec sleeve and list both in a portfolio; inside a sleeve use equal, inverse_vol, hrp, min_variance or max_sharpe",
        ],
      }),
    );
  }
}

/** Checks one portfolio block. */
export function checkPortfolio(state: CheckState, block: BlockDecl): void {
  const env: Env = makeEnv(block.span.file, null, false, `portfolio '${block.name.name}'`);
  const settings = checkSettings(state, block, env);
  const sleeves = settings.get("sleeves")?.[0]?.value;
  if (sleeves?.kind !== "List") return;
  const seen = new Map<string, import("../source.js").Span>();
  for (const item of sleeves.items) {
    if (item.kind !== "Name") continue;
    const first = seen.get(item.name.name);
    if (first !== undefined) {
      state.report(
        makeDiagnostic("E0523", item.span, `sleeve '${item.name.name}' is listed twice in portfolio '${block.name.name}'`, {
          label: "listed again here",
          secondary: [{ span: first, message: "first listed here" }],
        }),
      );
    }
    seen.set(item.name.name, item.span);
  }
  if (sleeves.items.length === 0) {
    state.report(makeDiagnostic("E0401", sleeves.span, `portfolio '${block.name.name}' has no sleeves`, { label: "empty list", hints: ["list the sleeves by name: sleeves [safe, core]"] }));
  }
}
