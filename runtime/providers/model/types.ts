// The model provider interface: a named forecaster that maps one ticker's bars to per-bar
// predictions, each value at bar t computed from bars 0..t only. Failures reject with ModelError
// (model/errors.ts); runModel() in model/run.ts turns that into a value.
import type { Bars } from "../../data/bars.js";
import type { ModelPredictions } from "../../engine/predictions.js";

/** What a model may use besides the bars. */
export interface ModelContext {
  /** Seconds per bar (86400 for daily), to turn a horizon in seconds into bars. */
  readonly barSeconds: number;
  /** Project root: the working directory of external models. */
  readonly baseDir: string;
  /** Overrides the per-reply timeout of external models (the `timeout` option); ignored by built-ins. */
  readonly timeoutMs?: number;
  /** The model's name in the strategy (e.g. `forecast`), for messages and the external hello. */
  readonly modelName?: string;
}

/** One model provider, chosen by name. */
export interface ModelProvider {
  /** Name used in plans: `momentum`, `zscore`, `ridge`, `ewma_vol`, `external`. */
  readonly name: string;
  /** Version of the model's definition; a change in outputs bumps it. */
  readonly version: string;
  /** JSON Schema of the options (specs/providers/model-<name>.schema.json). */
  readonly optionsSchema: object;
  /** Predicts every bar; rejects only with ModelError or ProviderOptionsError. */
  predict(bars: Bars, options: Record<string, number | string | boolean>, context: ModelContext): Promise<ModelRun>;
}

/** Predictions with what produced them. */
export interface ModelRun {
  /** Arrays as long as the bars; NaN during warm-up. */
  readonly predictions: ModelPredictions;
  /** Provider name (`momentum`, `external`, ...). */
  readonly model: string;
  /** Provider version; for external models the version the model reported, else `unversioned`. */
  readonly version: string;
  /** sha256 (hex) of the model, version, options (defaults filled, keys sorted) and the bars' hash. */
  readonly lineageId: string;
}
