// The checker's types. Scalars carry a unit (ratio covers percent and bps:
// the display differs, the dimension does not); `series<T>` is a per-bar value;
// rules (exit, sizing, cost, ...) and metrics are opaque values that may only
// appear in the places that expect them. `error` is the type of anything that
// already produced a diagnostic: every rule accepts it silently, so one
// mistake gives one message.

import type { BlockKind } from "../ast.js";
import type { RuleKind, ScalarUnit, SigType } from "../../stdlib/signature.js";

/** A checker type. */
export type Ty =
  | { readonly kind: "scalar"; readonly unit: ScalarUnit }
  | { readonly kind: "series"; readonly unit: ScalarUnit }
  | { readonly kind: "list"; readonly of: Ty }
  | { readonly kind: "enum"; readonly name: string; readonly values: readonly string[] }
  | { readonly kind: "range"; readonly of: Ty }
  | { readonly kind: "record"; readonly fields: Readonly<Record<string, Ty>> }
  | { readonly kind: "model" }
  | { readonly kind: "rule"; readonly rule: RuleKind }
  | { readonly kind: "metric"; readonly unit: ScalarUnit }
  | { readonly kind: "decl"; readonly declKind: BlockKind }
  | { readonly kind: "oneOf"; readonly types: readonly Ty[] }
  | { readonly kind: "error" };

// scalar and series types are interned: the checker creates one per literal and name
const SCALARS = new Map<ScalarUnit, Ty>();
const SERIES = new Map<ScalarUnit, Ty>();

function interned(cache: Map<ScalarUnit, Ty>, kind: "scalar" | "series", unit: ScalarUnit): Ty {
  const found = cache.get(unit);
  if (found !== undefined) return found;
  const ty: Ty = { kind, unit };
  cache.set(unit, ty);
  return ty;
}

/** Shorthands. */
export const Ty = {
  scalar: (unit: ScalarUnit): Ty => interned(SCALARS, "scalar", unit),
  series: (unit: ScalarUnit): Ty => interned(SERIES, "series", unit),
  list: (of: Ty): Ty => ({ kind: "list", of }),
  enumOf: (name: string, values: readonly string[]): Ty => ({ kind: "enum", name, values }),
  range: (of: Ty): Ty => ({ kind: "range", of }),
  rule: (rule: RuleKind): Ty => ({ kind: "rule", rule }),
  metric: (unit: ScalarUnit): Ty => ({ kind: "metric", unit }),
  decl: (declKind: BlockKind): Ty => ({ kind: "decl", declKind }),
  oneOf: (...types: Ty[]): Ty => ({ kind: "oneOf", types }),
  error: { kind: "error" } as Ty,
  bool: { kind: "scalar", unit: "bool" } as Ty,
  boolSeries: { kind: "series", unit: "bool" } as Ty,
  model: { kind: "model" } as Ty,
} as const;

const FROM_SIG = new WeakMap<SigType, Ty>();

/** Converts a stdlib signature type (memoised); `sameAs` needs the argument types and is resolved by the caller. */
export function fromSig(sig: SigType): Ty {
  let ty = FROM_SIG.get(sig);
  if (ty === undefined) {
    ty = convert(sig);
    FROM_SIG.set(sig, ty);
  }
  return ty;
}

function convert(sig: SigType): Ty {
  switch (sig.kind) {
    case "scalar":
      return Ty.scalar(sig.unit);
    case "series":
      return Ty.series(sig.unit);
    case "list":
      return Ty.list(fromSig(sig.of));
    case "enum":
      return Ty.enumOf(sig.name, sig.values);
    case "oneOf":
      return Ty.oneOf(...sig.types.map(fromSig));
    case "sameAs":
      return Ty.series("number");
    case "record":
      return { kind: "record", fields: Object.fromEntries(Object.entries(sig.fields).map(([k, v]) => [k, fromSig(v)])) };
    case "rule":
      return Ty.rule(sig.rule);
    case "metric":
      return Ty.metric(sig.unit);
  }
}

const UNIT_NAMES: Readonly<Record<ScalarUnit, string>> = {
  number: "number",
  int: "int",
  ratio: "ratio",
  money: "money",
  duration: "duration",
  bars: "bar count",
  bool: "bool",
  string: "string",
  date: "date",
  time: "time of day",
  timezone: "time zone",
  ticker: "ticker",
};

const RULE_NAMES: Readonly<Record<RuleKind, string>> = {
  exit: "an exit rule",
  sizing: "a sizing rule",
  cap: "a sizing cap",
  cost: "a cost",
  model: "a model",
  data: "a data source",
  sampler: "a sampler",
  baseline: "a baseline",
  rollout: "a rollout stage",
};

/** How a unit reads in messages ("bar count", "time of day"). */
export function unitName(unit: ScalarUnit): string {
  return UNIT_NAMES[unit];
}

/** A type as users read it: `ratio`, `series<bool>`, `list<ticker>`, `one of daily, weekly`. */
export function showType(ty: Ty): string {
  switch (ty.kind) {
    case "scalar":
      return UNIT_NAMES[ty.unit];
    case "series":
      return `series<${UNIT_NAMES[ty.unit]}>`;
    case "list":
      return `list<${showType(ty.of)}>`;
    case "enum":
      return ty.values.length <= 6 ? `one of ${ty.values.join(", ")}` : ty.name;
    case "range":
      return `a range of ${showType(ty.of)}`;
    case "record":
      return `a record with ${Object.keys(ty.fields).join(", ")}`;
    case "model":
      return "a model";
    case "rule":
      return RULE_NAMES[ty.rule];
    case "metric":
      return "a metric";
    case "decl":
      return `a ${ty.declKind}`;
    case "oneOf":
      return ty.types.map(showType).join(" or ");
    case "error":
      return "an invalid value";
  }
}

/** The scalar unit of a scalar or series type, else null. */
export function unitOf(ty: Ty): ScalarUnit | null {
  return ty.kind === "scalar" || ty.kind === "series" ? ty.unit : null;
}

/** True for series types. */
export function isSeries(ty: Ty): boolean {
  return ty.kind === "series";
}

const SINGLE = new WeakMap<Ty, readonly Ty[]>();

/** The alternatives of an expected type (a oneOf flattened; anything else alone). Memoised per type object. */
export function alternatives(ty: Ty): readonly Ty[] {
  let alts = SINGLE.get(ty);
  if (alts === undefined) {
    alts = ty.kind === "oneOf" ? ty.types.flatMap(alternatives) : [ty];
    SINGLE.set(ty, alts);
  }
  return alts;
}
