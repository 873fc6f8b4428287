// The shape of a builtin's signature. The type checker reads signatures to
// type calls and fill defaults; the runtime reads them to know parameter
// order. Computation lives elsewhere (stdlib/indicators, stdlib/metrics, ...),
// so adding a builtin is one signature entry plus its compute function.

/** Scalar units known to the checker. `ratio` covers percent and bps (display differs, dimension does not). */
export type ScalarUnit =
  | "number"
  | "int"
  | "ratio"
  | "money"
  | "duration"
  | "bars"
  | "bool"
  | "string"
  | "date"
  | "time"
  | "timezone"
  | "ticker";

/** A type in a signature. */
export type SigType =
  | { readonly kind: "scalar"; readonly unit: ScalarUnit }
  | { readonly kind: "series"; readonly unit: ScalarUnit }
  | { readonly kind: "list"; readonly of: SigType }
  | { readonly kind: "enum"; readonly name: string; readonly values: readonly string[] }
  | { readonly kind: "oneOf"; readonly types: readonly SigType[] }
  /** The result has the unit of the series given as argument `index`. */
  | { readonly kind: "sameAs"; readonly index: number }
  | { readonly kind: "record"; readonly fields: Readonly<Record<string, SigType>> }
  /** Opaque rule values: an exit rule, a sizing rule, a cap, a cost, a model, a data source, a sampler, a baseline. */
  | { readonly kind: "rule"; readonly rule: RuleKind }
  /** A metric value, usable only in gates, selects and promotion triggers. */
  | { readonly kind: "metric"; readonly unit: ScalarUnit };

/** The kinds of opaque rule values. */
export type RuleKind = "exit" | "sizing" | "cap" | "cost" | "model" | "data" | "sampler" | "baseline" | "rollout";

/** Inclusive numeric bounds of a value (either side may be open). */
export interface NumericDomain {
  readonly min?: number;
  readonly max?: number;
}

/** One parameter of a builtin. */
export interface ParamSig {
  readonly name: string;
  readonly type: SigType;
  /** Default in normalised units (ratio for percent, seconds for durations); absent means required. */
  readonly default?: number | string | boolean | readonly number[];
  /** Allowed values; the checker reports literals outside it. */
  readonly domain?: NumericDomain;
  readonly doc: string;
}

/** Where a builtin may be used. */
export type BuiltinKind =
  | "series" // close, open, ...
  | "indicator"
  | "metric"
  | "exit"
  | "sizing"
  | "cap"
  | "cost"
  | "model"
  | "data"
  | "sampler"
  | "baseline"
  | "rollout"
  | "comparative";

/** A builtin's full signature. */
export interface BuiltinSig {
  readonly name: string;
  readonly kind: BuiltinKind;
  readonly params: readonly ParamSig[];
  readonly result: SigType;
  /** For metrics: the range every value lies in (used for `max_drawdown <= 15` → "did you mean 15%?"). */
  readonly domain?: NumericDomain;
  /** For metrics: whether higher is better (used by sweeps and reports). */
  readonly higherIsBetter?: boolean;
  /** One line, shown by `strat plan` and hover. */
  readonly doc: string;
}

/** Shorthands used by the registry files. */
export const T = {
  scalar: (unit: ScalarUnit): SigType => ({ kind: "scalar", unit }),
  series: (unit: ScalarUnit): SigType => ({ kind: "series", unit }),
  list: (of: SigType): SigType => ({ kind: "list", of }),
  enumOf: (name: string, values: readonly string[]): SigType => ({ kind: "enum", name, values }),
  oneOf: (...types: SigType[]): SigType => ({ kind: "oneOf", types }),
  sameAs: (index: number): SigType => ({ kind: "sameAs", index }),
  record: (fields: Record<string, SigType>): SigType => ({ kind: "record", fields }),
  rule: (rule: RuleKind): SigType => ({ kind: "rule", rule }),
  metric: (unit: ScalarUnit): SigType => ({ kind: "metric", unit }),
} as const;
