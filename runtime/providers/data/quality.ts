// Data quality on load, never silent. Input: raw columns as read (any order, any values) and the
// policy from the options. Output: sorted, unique, valid Bars plus a QualityReport that names every
// issue and how it was handled, or a DataError (R0106 bad rows, R0107 unsorted, R0108 duplicates).
// Order: bad rows (error | drop) → order (error | sort) → duplicates (error | keep_last) → gaps (warn).
// Gap rule, by the median spacing of the bars:
//   daily (median 20 h .. 4 days): a gap is more than 4 calendar days between bars (a weekend plus a
//     holiday is 4 days, so only real closures and missing data show);
//   intraday (median < 20 h): more than 3 median spacings between bars on the same UTC day, or more
//     than 4 calendar days between any two bars (nights and weekends are not gaps);
//   coarser (weekly, monthly): more than 2 median spacings.
import { allocateBars, type Bars } from "../../data/bars.js";
import { badRows, DataError, duplicates, unsorted } from "./errors.js";
import type { QualityIssue, QualityReport } from "./types.js";
import { shortTime } from "./timestamps.js";
import { LOOP_RANGE } from "../../../stdlib/loop-range.js";

/** Values as read from a source, before any check. Arrays hold exactly `length` rows. */
export interface RawSeries {
  readonly ticker: string;
  /** Project-relative source path. */
  readonly source: string;
  /** How rows are named in messages: CSV `line` numbers, SQLite `row` positions. */
  readonly rowWord: "line" | "row";
  readonly length: number;
  readonly time: Float64Array;
  readonly open: Float64Array;
  readonly high: Float64Array;
  readonly low: Float64Array;
  readonly close: Float64Array;
  readonly volume: Float64Array;
  /** What `firstRow` reports for each row (the CSV line, the SQLite position). */
  readonly rowNumber: Int32Array;
  /** 1 where the reader could not parse the row (bad_row). */
  readonly badRow: Uint8Array;
  readonly badRowCount: number;
  readonly badRowFirst: number;
  readonly badRowExample: string;
  /** True when the reader already found every row parseable and usable (isUsableRow), so step 1 has nothing to do. */
  readonly allUsable?: boolean;
}

/**
 * True when a row's values pass step 1: prices positive and finite, Open and Close within
 * [Low, High], volume finite and not negative. One comparison chain; NaN fails every comparison.
 */
export function isUsableRow(o: number, h: number, l: number, c: number, v: number): boolean {
  return l > 0 && l <= o && o <= h && l <= c && c <= h && h < Infinity && v >= 0 && v < Infinity;
}

/** How to handle each kind of problem (the provider options on_bad_rows, on_unsorted, on_duplicate). */
export interface QualityPolicy {
  readonly onBadRows: "error" | "drop";
  readonly onUnsorted: "error" | "sort";
  readonly onDuplicate: "error" | "keep_last";
}

/** The policy when no option is given: every problem but a gap fails the load. */
export const STRICT_POLICY: QualityPolicy = { onBadRows: "error", onUnsorted: "error", onDuplicate: "error" };

const MS_PER_DAY = 86_400_000;
const MAX_DAILY_GAP_MS = 4 * MS_PER_DAY;

type BadKind = "bad_row" | "nan" | "non_positive_price" | "high_below_low" | "ohlc_inconsistent";

class IssueCounter {
  count = 0;
  firstRow: number | null = null;
  example = "";
  constructor(readonly kind: QualityIssue["kind"]) {}
  add(row: number, describe: () => string): void {
    if (this.count++ === 0) {
      this.firstRow = row;
      this.example = describe();
    }
  }
  toIssue(severity: QualityIssue["severity"], handling: string): QualityIssue {
    return { kind: this.kind, severity, count: this.count, firstRow: this.firstRow, example: this.example, handling };
  }
}

function fmt(x: number): string {
  return String(x);
}

/** Classifies one parsed row; null when it is usable. `describe` is built only for the first row of a kind. */
function classify(raw: RawSeries, i: number): { kind: BadKind; why: () => string } | null {
  const o = raw.open[i] ?? NaN, h = raw.high[i] ?? NaN, l = raw.low[i] ?? NaN, c = raw.close[i] ?? NaN, v = raw.volume[i] ?? NaN;
  if (Number.isNaN(o) || Number.isNaN(h) || Number.isNaN(l) || Number.isNaN(c) || Number.isNaN(v)) {
    return { kind: "nan", why: () => `${["Open", "High", "Low", "Close", "Volume"].filter((_, k) => Number.isNaN([o, h, l, c, v][k] ?? NaN)).join(", ")} missing or NaN` };
  }
  if (!Number.isFinite(o + h + l + c + v) || v < 0) return { kind: "bad_row", why: () => (v < 0 ? `Volume ${fmt(v)} is negative` : "a value is infinite") };
  if (o <= 0 || h <= 0 || l <= 0 || c <= 0) return { kind: "non_positive_price", why: () => `price not positive (Open ${fmt(o)}, High ${fmt(h)}, Low ${fmt(l)}, Close ${fmt(c)})` };
  if (h < l) return { kind: "high_below_low", why: () => `High ${fmt(h)} < Low ${fmt(l)}` };
  if (o < l || o > h || c < l || c > h) return { kind: "ohlc_inconsistent", why: () => `${o < l || o > h ? `Open ${fmt(o)}` : `Close ${fmt(c)}`} outside [Low ${fmt(l)}, High ${fmt(h)}]` };
  return null;
}

function where(raw: RawSeries, i: number): string {
  return `${raw.rowWord} ${raw.rowNumber[i] ?? i + 1} (${shortTime(raw.time[i] ?? NaN)})`;
}

/**
 * Row indices still in play: null means every row, in file order (the common, clean case, which then
 * costs no index array and no copy).
 */
type Keep = Uint32Array | null;

const at = (keep: Keep, k: number): number => (keep === null ? k : (keep[k] ?? 0));

/** Step 1: rows that cannot be used. Returns the kept rows or a DataError. */
function screenRows(raw: RawSeries, policy: QualityPolicy, report: QualityReport): Keep | DataError {
  if (raw.allUsable === true && raw.badRowCount === 0) return null;
  const counters = new Map<BadKind, IssueCounter>();
  const counter = (kind: BadKind): IssueCounter => {
    let c = counters.get(kind);
    if (c === undefined) counters.set(kind, (c = new IssueCounter(kind)));
    return c;
  };
  if (raw.badRowCount > 0) {
    const c = counter("bad_row");
    c.count = raw.badRowCount;
    c.firstRow = raw.badRowFirst;
    c.example = raw.badRowExample;
  }
  const { open, high, low, close, volume, badRow } = raw;
  let drop: Uint8Array | null = null;
  let dropped = 0;
  for (let i = 0; i < raw.length; i++) {
    const o = open[i] ?? NaN, h = high[i] ?? NaN, l = low[i] ?? NaN, c = close[i] ?? NaN, v = volume[i] ?? NaN;
    if (badRow[i] === 0 && isUsableRow(o, h, l, c, v)) continue;
    drop ??= new Uint8Array(raw.length);
    drop[i] = 1;
    dropped++;
    if (badRow[i] === 1) continue;
    const bad = classify(raw, i);
    if (bad === null) continue;
    const row = raw.rowNumber[i] ?? i + 1;
    const issue = counter(bad.kind);
    if (bad.kind === "bad_row" && issue.count > 0 && (issue.firstRow ?? 0) > row) {
      issue.firstRow = row; // a value problem earlier than the first unparseable row
      issue.example = `${where(raw, i)}: ${bad.why()}`;
      issue.count++;
    } else issue.add(row, () => `${where(raw, i)}: ${bad.why()}`);
  }
  const found = [...counters.values()].sort((a, b) => (a.firstRow ?? 0) - (b.firstRow ?? 0));
  if (policy.onBadRows === "error" && found.length > 0) {
    report.issues.push(...found.map((c) => c.toIssue("error", "load failed")));
    return badRows(report, report.issues);
  }
  report.issues.push(...found.map((c) => c.toIssue("warning", `dropped ${c.count} row${c.count === 1 ? "" : "s"}`)));
  if (drop === null) return null;
  const keep = new Uint32Array(raw.length - dropped);
  for (let i = 0, k = 0; i < raw.length; i++) if (drop[i] === 0) keep[k++] = i;
  return keep;
}

/** Step 2: time order. */
function orderRows(raw: RawSeries, keep: Keep, policy: QualityPolicy, report: QualityReport): Keep | DataError {
  const c = new IssueCounter("unsorted");
  const t = raw.time;
  const count = keep === null ? raw.length : keep.length;
  for (let k = 1; k < count; k++) {
    const i = at(keep, k), prev = at(keep, k - 1);
    if ((t[i] ?? 0) < (t[prev] ?? 0)) c.add(raw.rowNumber[i] ?? i + 1, () => `${where(raw, i)}, which comes after ${where(raw, prev)}`);
  }
  if (c.count === 0) return keep;
  if (policy.onUnsorted === "error") {
    report.issues.push(c.toIssue("error", "load failed"));
    return unsorted(report, report.issues[report.issues.length - 1] as QualityIssue);
  }
  report.issues.push(c.toIssue("warning", `sorted ${count} rows by time (${c.count} out of order)`));
  // Stable: rows with equal times keep their file order, so keep_last means the last row in the file.
  const sorted = keep === null ? Uint32Array.from({ length: count }, (_, k) => k) : Uint32Array.from(keep);
  return sorted.sort((a, b) => (t[a] ?? 0) - (t[b] ?? 0) || a - b);
}

/** Step 3: one row per timestamp. */
function dedupeRows(raw: RawSeries, keep: Keep, policy: QualityPolicy, report: QualityReport): Keep | DataError {
  const c = new IssueCounter("duplicate_timestamp");
  const t = raw.time;
  const count = keep === null ? raw.length : keep.length;
  for (let k = 1; k < count; k++) {
    const i = at(keep, k), prev = at(keep, k - 1);
    if (t[i] === t[prev]) c.add(raw.rowNumber[i] ?? i + 1, () => `${where(raw, i)}, same time as ${raw.rowWord} ${raw.rowNumber[prev] ?? prev + 1}`);
  }
  if (c.count === 0) return keep;
  if (policy.onDuplicate === "error") {
    report.issues.push(c.toIssue("error", "load failed"));
    return duplicates(report, report.issues[report.issues.length - 1] as QualityIssue);
  }
  report.issues.push(c.toIssue("warning", `kept the last row of each timestamp, dropped ${c.count}`));
  const out = new Uint32Array(count - c.count);
  let n = 0;
  for (let k = 0; k < count; k++) {
    const i = at(keep, k);
    if (k + 1 === count || t[at(keep, k + 1)] !== t[i]) out[n++] = i;
  }
  return out;
}

/** Median spacing of the first (up to) 4096 intervals: enough to tell daily from intraday, cheap on millions of bars. */
function typicalSpacingMs(time: Float64Array): number {
  const m = Math.min(time.length - 1, 4096);
  if (m <= 0) return MS_PER_DAY;
  const diffs = new Float64Array(m);
  for (let i = 0; i < m; i++) diffs[i] = (time[i + 1] ?? 0) - (time[i] ?? 0);
  diffs.sort();
  return diffs[m >> 1] ?? MS_PER_DAY;
}

/** Step 4: gaps are reported, never filled. */
function findGaps(bars: Bars, rowNumber: (k: number) => number, rowWord: string, report: QualityReport): void {
  const gaps = scanTimes(bars.time, rowNumber, rowWord, false);
  if (gaps !== null && gaps.count > 0) report.issues.push(gaps.toIssue("warning", "reported, nothing changed"));
}

/**
 * Steps 2 to 4 in one pass over the times of rows that all passed step 1, for the
 * common case: times strictly increasing, so order and duplicates have nothing to
 * do and only gaps are reported. False (and the report untouched) as soon as a time
 * does not increase: the steps then run one by one.
 */
function cleanTimesWithGaps(raw: RawSeries, report: QualityReport): boolean {
  const gaps = scanTimes(raw.time, (k) => raw.rowNumber[k] ?? k + 1, raw.rowWord, true);
  if (gaps === null) return false;
  if (gaps.count > 0) report.issues.push(gaps.toIssue("warning", "reported, nothing changed"));
  return true;
}

/** Counts the gaps between consecutive times (rule in the file header); with `strict`, null when a time does not increase. */
function scanTimes(t: Float64Array, rowNumber: (k: number) => number, rowWord: string, strict: boolean): IssueCounter | null {
  const spacing = typicalSpacingMs(t);
  const intraday = spacing < 20 * 3_600_000;
  const coarse = spacing > MAX_DAILY_GAP_MS;
  const c = new IssueCounter("gap");
  const n = t.length;
  for (let k = 1; k < n; ) {
    const to = Math.min(n, k + LOOP_RANGE);
    const at = nextTimeEvent(t, k, to, spacing, intraday, coarse, strict);
    if (at === to) {
      k = to;
      continue;
    }
    const a = t[at - 1] ?? 0, b = t[at] ?? 0;
    if (strict && (b < a || b === a)) return null;
    c.add(rowNumber(at), () => `${rowWord} ${rowNumber(at)}: ${shortTime(a)} to ${shortTime(b)} (${formatSpan(b - a)})`);
    k = at + 1;
  }
  return c;
}


/**
 * The first k in [from, to) where a gap ends or, with `strict`, the time does not increase;
 * `to` when there is none. The loop only finds events (rare); scanTimes reports them.
 */
function nextTimeEvent(t: Float64Array, from: number, to: number, spacing: number, intraday: boolean, coarse: boolean, strict: boolean): number {
  for (let k = from; k < to; k++) {
    const a = t[k - 1] as number, b = t[k] as number, d = b - a;
    // Not !(b > a): steps 2 and 3 let a NaN time through, so it must not stop this pass either.
    if (strict && (b < a || b === a)) return k;
    const gap = coarse
      ? d > 2 * spacing
      : d > MAX_DAILY_GAP_MS || (intraday && d > 3 * spacing && Math.floor(a / MS_PER_DAY) === Math.floor(b / MS_PER_DAY));
    if (gap) return k;
  }
  return to;
}

function formatSpan(ms: number): string {
  if (ms >= MS_PER_DAY) return `${+(ms / MS_PER_DAY).toFixed(2)} days`;
  if (ms >= 3_600_000) return `${+(ms / 3_600_000).toFixed(2)} hours`;
  return `${+(ms / 60_000).toFixed(2)} minutes`;
}

function gather(raw: RawSeries, keep: Keep): Bars {
  if (keep === null) {
    return { ticker: raw.ticker, time: raw.time, open: raw.open, high: raw.high, low: raw.low, close: raw.close, volume: raw.volume };
  }
  const bars = allocateBars(raw.ticker, keep.length);
  for (let k = 0; k < keep.length; k++) {
    const i = keep[k] ?? 0;
    bars.time[k] = raw.time[i] ?? NaN;
    bars.open[k] = raw.open[i] ?? NaN;
    bars.high[k] = raw.high[i] ?? NaN;
    bars.low[k] = raw.low[i] ?? NaN;
    bars.close[k] = raw.close[i] ?? NaN;
    bars.volume[k] = raw.volume[i] ?? NaN;
  }
  return bars;
}

/** Checks raw rows and applies the policy: valid, sorted, unique bars with the report, or the DataError that stopped the load. */
export function checkQuality(raw: RawSeries, policy: QualityPolicy): { ok: true; bars: Bars; report: QualityReport } | { ok: false; error: DataError } {
  const report: QualityReport = { ticker: raw.ticker, source: raw.source, issues: [] };
  const screened = screenRows(raw, policy, report);
  if (screened instanceof DataError) return { ok: false, error: screened };
  if (screened === null && cleanTimesWithGaps(raw, report)) return { ok: true, bars: gather(raw, null), report };
  const ordered = orderRows(raw, screened, policy, report);
  if (ordered instanceof DataError) return { ok: false, error: ordered };
  const unique = dedupeRows(raw, ordered, policy, report);
  if (unique instanceof DataError) return { ok: false, error: unique };
  const bars = gather(raw, unique);
  findGaps(bars, (k) => raw.rowNumber[at(unique, k)] ?? k + 1, raw.rowWord, report);
  return { ok: true, bars, report };
}
