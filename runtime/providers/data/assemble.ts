// The steps every file- or table-backed provider shares after reading one ticker's raw rows:
// quality policy → quality check → time filter → lineage. Rejects (throws inside the async load)
// only with DataError, carrying the health counters so far.
import { sliceBarsByTime, type Bars } from "../../data/bars.js";
import type { HealthTracker } from "../retry.js";
import type { DataError } from "./errors.js";
import { lineageOf } from "./lineage.js";
import { checkQuality, type QualityPolicy, type RawSeries } from "./quality.js";
import type { DataRequest, Lineage, QualityReport } from "./types.js";

/** One ticker, ready to deliver. */
export interface AssembledSeries {
  readonly bars: Bars;
  readonly report: QualityReport;
  readonly lineage: Lineage;
}

/** The quality policy from validated options (absent options are the strict defaults). */
export function policyFrom(options: Readonly<Record<string, unknown>>): QualityPolicy {
  return {
    onBadRows: options.on_bad_rows === "drop" ? "drop" : "error",
    onUnsorted: options.on_unsorted === "sort" ? "sort" : "error",
    onDuplicate: options.on_duplicate === "keep_last" ? "keep_last" : "error",
  };
}

/** Throws `error` with the health so far attached: the one way loads fail. */
export function fail(error: DataError, health: HealthTracker): never {
  error.health = health.snapshot();
  throw error;
}

/** Checks, filters and records one ticker's raw rows; `sha256` is the hash of the bytes they were read from. */
export function assembleSeries(raw: RawSeries, policy: QualityPolicy, request: DataRequest, provider: { name: string; version: string }, sha256: string, health: HealthTracker): AssembledSeries {
  const checked = checkQuality(raw, policy);
  if (!checked.ok) fail(checked.error, health);
  const bars = request.fromMs === undefined && request.toMs === undefined ? checked.bars : sliceBarsByTime(checked.bars, request.fromMs ?? -Infinity, request.toMs ?? Infinity);
  return { bars, report: checked.report, lineage: lineageOf(provider, raw.source, bars, sha256) };
}
