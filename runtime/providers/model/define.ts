// Turns a pure compute function into a ModelProvider: validate options (R0102), compute into
// preallocated arrays, and stamp the run with model, version and lineage id.
import type { Bars } from "../../data/bars.js";
import type { ModelPredictions } from "../../engine/predictions.js";
import { hashBars, sha256Hex } from "../data/lineage.js";
import { ProviderOptionsError } from "../errors.js";
import { checkOptions, OPTION_SCHEMAS, type OptionSchemaId } from "../options.js";
import { horizonBars } from "./horizon.js";
import type { ModelContext, ModelProvider, ModelRun } from "./types.js";

/** Options after validation (defaults filled) and the horizon in bars. */
export interface ComputeInput {
  readonly options: Readonly<Record<string, unknown>>;
  readonly horizonBars: number;
}

/** Predictions of length n, every value NaN: a model writes only the bars past its warm-up. */
export function allocatePredictions(n: number): ModelPredictions {
  return { expected_return: new Float64Array(n).fill(NaN), confidence: new Float64Array(n).fill(NaN), volatility: new Float64Array(n).fill(NaN) };
}

/** sha256 of model, version, options with sorted keys, and the bars' hash. */
export function modelLineageId(model: string, version: string, options: Readonly<Record<string, unknown>>, bars: Bars): string {
  const sorted = Object.fromEntries(Object.keys(options).sort().map((k) => [k, options[k]]));
  return sha256Hex(JSON.stringify([model, version, sorted, hashBars(bars)]));
}

/** A built-in model: options checked against its schema, then `crossCheck` (a problem string or null), then `compute`. */
export function defineModel(
  name: string,
  version: string,
  schema: OptionSchemaId,
  compute: (bars: Bars, input: ComputeInput) => ModelPredictions,
  crossCheck: (options: Readonly<Record<string, unknown>>) => string | null = () => null,
): ModelProvider {
  return {
    name,
    version,
    optionsSchema: OPTION_SCHEMAS[schema],
    predict(bars: Bars, rawOptions: Record<string, number | string | boolean>, context: ModelContext): Promise<ModelRun> {
      const checked = checkOptions(schema, rawOptions);
      if (!checked.ok) return Promise.reject(checked.error);
      const problem = crossCheck(checked.value);
      if (problem !== null) return Promise.reject(new ProviderOptionsError(schema, [problem]));
      const predictions = compute(bars, { options: checked.value, horizonBars: horizonBars(checked.value, context.barSeconds) });
      return Promise.resolve({ predictions, model: name, version, lineageId: modelLineageId(name, version, checked.value, bars) });
    },
  };
}
