// Splitting a CSV body between two threads and joining the halves back. Input: the bytes (ending
// with LF) and their layout. Output: a split offset just after an LF, so no row straddles the two
// ranges, and, after each range is parsed (the second with line numbers counted from 0), the rows
// of both in file order with the file's line numbers, exactly as one pass over the whole body
// gives them (property-tested in csv-split.test.ts). When both parts were parsed into one set of
// columns (the head from row 0, the tail from a row past the head's room), joining moves the head
// up against the tail instead of copying the tail: the head is the smaller part, and the memory
// is already touched.

import type { ColumnArrays, CsvColumns } from "./csv-columns.js";
import type { CsvRows } from "./csv-parse.js";

const LF = 10;

/** The offset just after the first LF at or after `from` (rows from there on are the second part's); `end` when there is none. */
export function splitAfter(bytes: Uint8Array, from: number, end: number): number {
  if (from >= end) return end;
  const lf = bytes.indexOf(LF, from);
  return lf === -1 || lf + 1 >= end ? end : lf + 1;
}

/** What joining needs of the tail's rows when they are already in the shared columns. */
export type TailRowsSummary = Omit<CsvRows<ColumnArrays>, "columns">;

/** The tail's rows as a worker reports them: `columns` null when they are in the shared columns. */
export interface TailRows extends TailRowsSummary {
  readonly columns: ColumnArrays | null;
}

/**
 * The head's rows (parsed into whole.view(0, tailFrom) or, when they outgrew it, columns of their
 * own) followed by the tail's (parsed into whole.view(tailFrom, ...) or columns of their own):
 * in place when both are still in `whole`, else by copying the tail after the head.
 */
export function joinParts(whole: CsvColumns, head: CsvRows, tail: TailRows, tailFrom: number): CsvRows {
  if (tail.columns === null && head.columns.time.buffer === whole.time.buffer) return joinInPlace(whole, head, tail, tailFrom);
  return appendRows(head, { ...tail, columns: tail.columns ?? whole.view(tailFrom, tail.n) });
}

/**
 * `head` (rows [0, head.n) of `whole`) followed by the `tail.n` rows at [tailFrom, ...) of `whole`,
 * whose line numbers were counted from 0 at the split. The head moves up to end at `tailFrom`;
 * the result views `whole` from there.
 */
function joinInPlace(whole: CsvColumns, head: CsvRows, tail: TailRowsSummary, tailFrom: number): CsvRows {
  const gap = tailFrom - head.n;
  const m = tail.n;
  if (gap > 0 && head.n > 0) {
    for (const column of [whole.time, whole.open, whole.high, whole.low, whole.close, whole.volume, whole.rowNumber, whole.badRow]) column.copyWithin(gap, 0, head.n);
  }
  const offset = head.lastLine;
  const lines = whole.rowNumber;
  for (let i = tailFrom; i < tailFrom + m; i++) lines[i] = (lines[i] as number) + offset;
  return joined(head, tail, whole.view(gap, head.n + m));
}

/** `head` followed by `tail`, whose line numbers were counted from 0 at the split. Reuses head's columns. */
export function appendRows(head: CsvRows, tail: CsvRows<ColumnArrays>): CsvRows {
  const offset = head.lastLine;
  const at = head.n;
  const m = tail.n;
  const into = head.columns;
  into.reserve(at + m);
  const from = tail.columns;
  into.time.set(from.time.subarray(0, m), at);
  into.open.set(from.open.subarray(0, m), at);
  into.high.set(from.high.subarray(0, m), at);
  into.low.set(from.low.subarray(0, m), at);
  into.close.set(from.close.subarray(0, m), at);
  into.volume.set(from.volume.subarray(0, m), at);
  into.badRow.set(from.badRow.subarray(0, m), at);
  const lines = into.rowNumber;
  for (let i = 0; i < m; i++) lines[at + i] = (from.rowNumber[i] as number) + offset;
  return joined(head, tail, into);
}

/** The rows of head then tail, now in `columns`. */
function joined(head: CsvRows, tail: TailRowsSummary, columns: CsvColumns): CsvRows {
  const offset = head.lastLine;
  const headFirst = head.badRowCount > 0;
  return {
    n: head.n + tail.n,
    columns,
    lastLine: tail.lastLine + offset,
    badRowCount: head.badRowCount + tail.badRowCount,
    unusableRows: head.unusableRows + tail.unusableRows,
    badRowFirst: headFirst ? head.badRowFirst : tail.badRowCount > 0 ? tail.badRowFirst + offset : 0,
    badRowWhy: headFirst ? head.badRowWhy : tail.badRowWhy,
  };
}
