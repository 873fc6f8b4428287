// The store's public surface: open it, write runs, read them back, keep the ledger.

export { canonicalJson, sha256Hex, type JsonValue } from "./canonical.js";
export { DEFAULT_BUSY_TIMEOUT_MS, openStore, type OpenStoreOptions } from "./open.js";
export type { Store } from "./store.js";
export { isStoreError, STORE_CODES, STORE_CODE_TITLES, type StoreError, type StoreErrorCode } from "./errors.js";
export { LATEST_SCHEMA_VERSION } from "./migrations/index.js";
export {
  dataHashOf,
  type DataLineage,
  type DataRegime,
  type ModelLineage,
  type ParamValue,
  type RunFilter,
  type RunLineage,
  type RunMeta,
  type RunRecord,
  type RunSource,
  type RunStatus,
  type SourceHash,
} from "./runs.js";
export type { PortfolioSummary, RunSummary } from "./run-writer.js";
export type { RunData } from "./run-data.js";
export { PORTFOLIO_SCOPE, tickerScope, type MetricValues, type StoredMetric } from "./metrics.js";
export { PORTFOLIO_TICKER } from "./equity.js";
export { GENESIS_HASH, ledgerHash, type LedgerFilter, type LedgerRecord, type LedgerVerification } from "./ledger.js";
export type { GateEvaluationFilter, GateEvaluationInput, GateEvaluationRecord, GateStatus } from "./gate-evaluations.js";
export type { RecoveredRun } from "./recover.js";
export type { PortfolioRunRecord, PortfolioScopeRecord, StoredRebalance } from "./portfolio-runs.js";
