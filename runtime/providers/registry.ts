// Providers by kind and name, as plans and strat.yaml name them. An unknown name is a value
// (UnknownProviderError, R0101) that lists the known names, never a throw.
import { csvProvider } from "./data/csv.js";
import { sqliteProvider } from "./data/sqlite.js";
import { syntheticProvider } from "./data/synthetic.js";
import type { DataProvider } from "./data/types.js";
import { UnknownProviderError, type ProviderResult } from "./errors.js";
import { ewmaVolModel } from "./model/ewma-vol.js";
import { externalModel } from "./model/external.js";
import { momentumModel } from "./model/momentum.js";
import { ridgeModel } from "./model/ridge.js";
import type { ModelProvider } from "./model/types.js";
import { zscoreModel } from "./model/zscore.js";

/** The provider interface of each kind. */
export interface ProviderByKind {
  data: DataProvider;
  model: ModelProvider;
}

/** A kind of provider. */
export type ProviderKind = keyof ProviderByKind;

function byName<P extends { name: string }>(providers: readonly P[]): ReadonlyMap<string, P> {
  return new Map(providers.map((p) => [p.name, p]));
}

const REGISTRY: { readonly [K in ProviderKind]: ReadonlyMap<string, ProviderByKind[K]> } = {
  data: byName([csvProvider, sqliteProvider, syntheticProvider]),
  model: byName([momentumModel, zscoreModel, ridgeModel, ewmaVolModel, externalModel]),
};

/** Every provider name of a kind, sorted. */
export function providerNames(kind: ProviderKind): readonly string[] {
  return [...REGISTRY[kind].keys()].sort();
}

/** Looks a provider up; an unknown name yields R0101 listing the known ones. */
export function findProvider<K extends ProviderKind>(kind: K, name: string): ProviderResult<ProviderByKind[K], UnknownProviderError> {
  const provider = REGISTRY[kind].get(name);
  return provider === undefined ? { ok: false, error: new UnknownProviderError(kind, name, providerNames(kind)) } : { ok: true, value: provider };
}
