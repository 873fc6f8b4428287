// The shape every model provider produces and the engine reads.

/** Per-bar model output; a value at bar t uses data up to and including bar t only. */
export interface ModelPredictions { expected_return: Float64Array; confidence: Float64Array; volatility: Float64Array }
