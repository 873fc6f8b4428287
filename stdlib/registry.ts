// The registry of every builtin, by name. The checker and runtime read this;
// adding a builtin is one signature entry in stdlib/signatures/.
import type { BuiltinKind, BuiltinSig } from "./signature.js";
import { SERIES } from "./signatures/series.js";
import { INDICATORS } from "./signatures/indicators.js";
import { EXITS, SIZING, CAPS, COSTS } from "./signatures/rules.js";
import { METRICS, COMPARATIVES } from "./signatures/metrics.js";
import { MODELS } from "./signatures/models.js";
import { DATA, SAMPLERS, BASELINES, ROLLOUT } from "./signatures/misc.js";

/** Every builtin signature. A name is unique within its kind; `zscore` is both an indicator and a model. */
export const BUILTINS: readonly BuiltinSig[] = [
  ...SERIES,
  ...INDICATORS,
  ...EXITS,
  ...SIZING,
  ...CAPS,
  ...COSTS,
  ...METRICS,
  ...COMPARATIVES,
  ...MODELS,
  ...DATA,
  ...SAMPLERS,
  ...BASELINES,
  ...ROLLOUT,
];

const BY_NAME: ReadonlyMap<string, readonly BuiltinSig[]> = (() => {
  const map = new Map<string, BuiltinSig[]>();
  for (const b of BUILTINS) map.set(b.name, [...(map.get(b.name) ?? []), b]);
  return map;
})();

/** Looks a builtin up by name, optionally only among the given kinds (first match in registry order). */
export function lookupBuiltin(name: string, kinds?: readonly BuiltinKind[]): BuiltinSig | undefined {
  const found = BY_NAME.get(name) ?? [];
  return kinds === undefined ? found[0] : found.find((b) => kinds.includes(b.kind));
}

/** Every builtin name, for "did you mean" suggestions. */
export function builtinNames(kinds?: readonly BuiltinKind[]): string[] {
  return BUILTINS.filter((b) => kinds === undefined || kinds.includes(b.kind)).map((b) => b.name);
}

/** Every builtin of one kind, in registry order. */
export function builtinsOfKind(kind: BuiltinKind): BuiltinSig[] {
  return BUILTINS.filter((b) => b.kind === kind);
}
