// Model providers. Every model yields per-bar predictions with the fields
// expected_return, confidence and volatility; a prediction at bar t uses data up to t only.
import { T, type BuiltinSig, type ParamSig } from "../signature.js";

/** What every model predicts, per bar. */
export const MODEL_OUTPUT = T.record({ expected_return: T.series("ratio"), confidence: T.series("ratio"), volatility: T.series("ratio") });

const window = (dflt: number): ParamSig => ({ name: "window", type: T.scalar("int"), default: dflt, domain: { min: 2 }, doc: "bars of history used" });
const horizon: ParamSig = {
  name: "horizon",
  type: T.oneOf(T.scalar("bars"), T.scalar("duration")),
  default: 86400,
  domain: { min: 1 },
  doc: "how far ahead the expected return looks",
};

/** Model signatures. */
export const MODELS: readonly BuiltinSig[] = [
  { name: "momentum", kind: "model", params: [window(20), horizon], result: MODEL_OUTPUT, doc: "trailing mean return scaled to the horizon; confidence from its t-statistic" },
  { name: "zscore", kind: "model", params: [window(20), horizon], result: MODEL_OUTPUT, doc: "mean reversion: expected return of minus the z-score of price against its mean" },
  {
    name: "ridge",
    kind: "model",
    params: [
      { name: "lags", type: T.scalar("int"), default: 5, domain: { min: 1, max: 50 }, doc: "lagged returns used as features" },
      window(250),
      { name: "refit", type: T.scalar("int"), default: 20, domain: { min: 1 }, doc: "bars between walk-forward refits" },
      { name: "alpha", type: T.scalar("number"), default: 1, domain: { min: 0 }, doc: "L2 penalty" },
      horizon,
    ],
    result: MODEL_OUTPUT,
    doc: "ridge regression of the next return on lagged returns, refit walk-forward",
  },
  {
    name: "ewma_vol",
    kind: "model",
    params: [{ name: "lambda", type: T.scalar("ratio"), default: 0.94, domain: { min: 0, max: 1 }, doc: "decay per bar (RiskMetrics 0.94)" }, horizon],
    result: MODEL_OUTPUT,
    doc: "exponentially weighted volatility forecast; expected return 0",
  },
  {
    name: "external",
    kind: "model",
    params: [
      { name: "command", type: T.scalar("string"), doc: "command line started once per run; speaks JSON lines on stdin/stdout" },
      { name: "timeout", type: T.scalar("duration"), default: 30, domain: { min: 1 }, doc: "longest wait for one reply" },
      horizon,
    ],
    result: MODEL_OUTPUT,
    doc: "a model in any language over the JSON-lines protocol (grammar.md)",
  },
];
