// Splitting a CSV body between two threads and joining the halves back. Input: the bytes (ending
// with LF) and their layout. Output: a split offset just after an LF, so no row straddles the two
// ranges, and, after each range is parsed (the second with line numbers counted from 0), the rows
// of both in file order with the file's line numbers, exactly as one pass over the whole body
// gives them (property-tested in csv-split.test.ts).

import type { ColumnArrays } from "./csv-columns.js";
import type { CsvRows } from "./csv-parse.js";

const LF = 10;

/** The offset just after the first LF at or after `from` (rows from there on are the second part's); `end` when there is none. */
export function splitAfter(bytes: Uint8Array, from: number, end: number): number {
  if (from >= end) return end;
  const lf = bytes.indexOf(LF, from);
  return lf === -1 || lf + 1 >= end ? end : lf + 1;
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
  const headFirst = head.badRowCount > 0;
  return {
    n: at + m,
    columns: into,
    lastLine: tail.lastLine + offset,
    badRowCount: head.badRowCount + tail.badRowCount,
    badRowFirst: headFirst ? head.badRowFirst : tail.badRowCount > 0 ? tail.badRowFirst + offset : 0,
    badRowWhy: headFirst ? head.badRowWhy : tail.badRowWhy,
  };
}
