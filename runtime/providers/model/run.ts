// The documented way to run a model without exceptions: runModel resolves to `{ ok: true, value }`
// or `{ ok: false, error }` with a ModelError (or ProviderOptionsError) the CLI prints with
// formatProviderError and records as a failed run. Only bugs still throw.
import type { Bars } from "../../data/bars.js";
import { settle, type ProviderResult } from "../errors.js";
import type { ModelContext, ModelProvider, ModelRun } from "./types.js";

/** Runs a model over one ticker's bars; user-fixable failures come back as values. */
export function runModel(provider: ModelProvider, bars: Bars, options: Record<string, number | string | boolean>, context: ModelContext): Promise<ProviderResult<ModelRun>> {
  return settle(provider.predict(bars, options, context));
}
