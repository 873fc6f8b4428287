// DataError and its typed constructors: one per way a load can fail, each with a stable code and a
// hint that says what to do. Providers reject with these; loadData() returns them as values.
import { ProviderError, type ProviderErrorCode } from "../errors.js";
import type { QualityIssue, QualityReport, SourceHealth } from "./types.js";

/** A data load that failed for a reason the user can fix. */
export class DataError extends ProviderError {
  /** The quality findings that failed the load, when a quality check did. */
  readonly report: QualityReport | null;
  /** Read counters up to the failure, when any read was attempted. */
  health: SourceHealth | null = null;

  constructor(code: ProviderErrorCode, message: string, hint: string, report: QualityReport | null = null) {
    super(code, message, hint);
    this.name = "DataError";
    this.report = report;
  }
}

/** R0103: the file, folder or database does not exist. */
export function sourceNotFound(source: string): DataError {
  return new DataError("R0103", `data source \`${source}\` does not exist`, "check the path; relative paths are resolved against the project root");
}

/** R0104: the source exists but could not be read (after retrying transient errors). */
export function sourceUnreadable(source: string, cause: string): DataError {
  return new DataError("R0104", `cannot read \`${source}\`: ${cause}`, "check that the file is readable; busy or locked sources were retried 3 times");
}

/** R0105: a CSV header without the columns we need. */
export function badHeader(source: string, header: string, missing: readonly string[]): DataError {
  return new DataError(
    "R0105",
    `\`${source}\` has no ${missing.join(", ")} column in its header \`${header}\``,
    "use a header like `Date,Open,High,Low,Close,Adj Close,Volume` (Yahoo), `Date,Open,High,Low,Close,Volume` (Stooq) or `,Open,High,Low,Close,Volume`",
  );
}

const BAD_ROW_KINDS: ReadonlySet<QualityIssue["kind"]> = new Set(["bad_row", "nan", "non_positive_price", "high_below_low", "ohlc_inconsistent"]);

/** True for the issue kinds governed by `on_bad_rows`. */
export function isBadRowKind(kind: QualityIssue["kind"]): boolean {
  return BAD_ROW_KINDS.has(kind);
}

function moreRows(issues: readonly QualityIssue[]): string {
  const total = issues.reduce((sum, issue) => sum + issue.count, 0);
  return total > 1 ? ` (${total} bad rows in all)` : "";
}

/** R0106: rows with unusable values and `on_bad_rows: "error"`. */
export function badRows(report: QualityReport, issues: readonly QualityIssue[]): DataError {
  const first = issues.reduce((a, b) => ((b.firstRow ?? Infinity) < (a.firstRow ?? Infinity) ? b : a));
  return new DataError(
    "R0106",
    `bad row in \`${report.source}\` (${report.ticker}) at ${first.example}${moreRows(issues)}`,
    'fix the source, or set the option on_bad_rows: "drop" to drop such rows (they are reported)',
    report,
  );
}

/** R0107: timestamps out of order and `on_unsorted: "error"`. */
export function unsorted(report: QualityReport, issue: QualityIssue): DataError {
  return new DataError("R0107", `timestamps out of order in \`${report.source}\` (${report.ticker}) at ${issue.example}`, 'sort the source by time, or set the option on_unsorted: "sort"', report);
}

/** R0108: repeated timestamps and `on_duplicate: "error"`. */
export function duplicates(report: QualityReport, issue: QualityIssue): DataError {
  return new DataError(
    "R0108",
    `duplicate timestamp in \`${report.source}\` (${report.ticker}) at ${issue.example}${issue.count > 1 ? ` (${issue.count} duplicate rows)` : ""}`,
    'remove the repeated rows, or set the option on_duplicate: "keep_last" to keep the last row of each timestamp',
    report,
  );
}

/** R0109: the source holds no data for a requested ticker. */
export function tickerNotFound(source: string, ticker: string, available: readonly string[], naming: string): DataError {
  const shown = available.length === 0 ? "none" : available.slice(0, 12).join(", ") + (available.length > 12 ? ", ..." : "");
  return new DataError("R0109", `no data for ticker \`${ticker}\` in \`${source}\``, `${naming}; tickers there: ${shown}`);
}

/** R0114: two files in a folder claim the same ticker. */
export function ambiguousTicker(source: string, ticker: string, files: readonly string[]): DataError {
  return new DataError("R0114", `more than one file for ticker \`${ticker}\` in \`${source}\`: ${files.join(", ")}`, `keep one file per ticker, or name the one to use ${ticker}.csv`);
}

/** R0110: the source has a header (or a table) but no rows for a ticker. */
export function emptySource(source: string, ticker: string): DataError {
  return new DataError("R0110", `\`${source}\` holds no rows for \`${ticker}\``, "add data to the source or remove the ticker from the universe");
}

/** R0111: the SQLite table or one of its columns is missing. */
export function sqliteSchema(source: string, problem: string, hint: string): DataError {
  return new DataError("R0111", `\`${source}\`: ${problem}`, hint);
}

/** R0112: the SQLite file cannot be opened as a database, or stays locked. */
export function sqliteUnusable(source: string, cause: string): DataError {
  return new DataError("R0112", `cannot use SQLite database \`${source}\`: ${cause}`, "check that the path is a SQLite database, not locked by another writer, and readable");
}

/** R0113: the `tz` option is not an IANA time zone. */
export function badTimeZone(tz: string): DataError {
  return new DataError("R0113", `unknown time zone \`${tz}\``, 'use an IANA name such as "America/New_York" or "UTC"');
}
