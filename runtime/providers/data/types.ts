// The data provider interface: a named source that turns a request for tickers into columnar bars,
// with a quality report, lineage and source health for every load. Failures reject with DataError
// (data/errors.ts); loadData() in data/load.ts turns that into a value.
import type { Bars } from "../../data/bars.js";

/** What to load. */
export interface DataRequest {
  /** Tickers to load; empty means every ticker the source holds. */
  readonly tickers: readonly string[];
  /** Keep bars with time >= fromMs (epoch ms UTC, inclusive). */
  readonly fromMs?: number;
  /** Keep bars with time <= toMs (epoch ms UTC, inclusive). */
  readonly toMs?: number;
}

/** What a provider may use from the outside world; everything non-deterministic is injected. */
export interface ProviderContext {
  /** Folder that relative paths in options are resolved against (the project root). */
  readonly baseDir: string;
  /** Seeded uniform [0, 1) source for retry jitter; without it jitter is off. */
  readonly rng?: () => number;
  /** Waits between retries; default a real timer. Tests pass a fake. */
  sleep?(ms: number): Promise<void>;
  /** Monotonic clock in ms for latency; default `performance.now`. */
  now?(): number;
}

/** One data provider, chosen by name. */
export interface DataProvider {
  /** Name used in plans: `csv`, `sqlite`, `synthetic`. */
  readonly name: string;
  /** Version of the provider's reading rules; recorded in lineage. */
  readonly version: string;
  /** JSON Schema of the options (specs/providers/data-<name>.schema.json). */
  readonly optionsSchema: object;
  /** Loads the requested tickers; rejects only with DataError or ProviderOptionsError. */
  load(request: DataRequest, options: Record<string, unknown>, context: ProviderContext): Promise<DataLoadResult>;
}

/** A successful load: one series per ticker (in request order, or sorted by ticker when all were asked for). */
export interface DataLoadResult {
  /** Sorted, deduplicated bars per ticker, already cut to the request's time range. */
  readonly series: readonly Bars[];
  /** One report per ticker, listing every issue found and how it was handled (empty `issues` when clean). */
  readonly quality: readonly QualityReport[];
  /** Where each ticker's bars came from. */
  readonly lineage: readonly Lineage[];
  /** Counters over every read attempt of this load. */
  readonly health: SourceHealth;
}

/** Where one ticker's bars came from, recorded with every run. */
export interface Lineage {
  /** Provider name and version, e.g. `csv@1`. */
  provider: string;
  /** Project-relative source path (forward slashes), or a description for generated data. */
  source: string;
  ticker: string;
  /** Bars delivered after quality handling and the time filter. */
  rows: number;
  /** ISO 8601 UTC time of the first delivered bar, null when none. */
  firstTime: string | null;
  /** ISO 8601 UTC time of the last delivered bar, null when none. */
  lastTime: string | null;
  /** sha256 (hex) of the bytes read for this ticker (the file, or the canonical rows for SQLite and synthetic). */
  sha256: string;
}

/** The data quality findings for one ticker. */
export interface QualityReport {
  ticker: string;
  /** Project-relative source path. */
  source: string;
  issues: QualityIssue[];
}

/** One kind of problem found in a source, with how it was handled. */
export interface QualityIssue {
  kind: "unsorted" | "duplicate_timestamp" | "gap" | "nan" | "non_positive_price" | "high_below_low" | "ohlc_inconsistent" | "bad_row";
  /** `error` fails the load; `warning` is reported and the load goes on. */
  severity: "error" | "warning";
  /** How many rows (or gaps) have this problem. */
  count: number;
  /** Row of the first occurrence: the 1-based line in a CSV file (header is line 1), the 1-based position in time order for SQLite. */
  firstRow: number | null;
  /** The first occurrence in words, e.g. `line 12: High 9.5 < Low 10`. */
  example: string;
  /** What was done: `load failed`, `dropped 3 rows`, `sorted`, `kept the last of each`, `reported, nothing changed`. */
  handling: string;
}

/** Read attempts of one load, for monitoring flaky sources. */
export interface SourceHealth {
  /** Reads that returned data. */
  success: number;
  /** Attempts that failed (each retry counts). */
  failure: number;
  /** Reads that succeeded but held no rows for a ticker. */
  empty: number;
  /** Total time spent reading, including retries and backoff, by the injected clock. */
  latencyMs: number;
}
