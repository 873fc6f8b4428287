// The documented way to call a data provider without exceptions: loadData resolves to a value,
// `{ ok: true, value }` or `{ ok: false, error }` with a DataError (or ProviderOptionsError) the CLI
// prints with formatProviderError. Only bugs still throw.
import { settle, type ProviderResult } from "../errors.js";
import type { DataLoadResult, DataProvider, DataRequest, ProviderContext } from "./types.js";

/** Loads data through a provider; user-fixable failures come back as values. */
export function loadData(provider: DataProvider, request: DataRequest, options: Record<string, unknown>, context: ProviderContext): Promise<ProviderResult<DataLoadResult>> {
  return settle(provider.load(request, options, context));
}
