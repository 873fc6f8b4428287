// The worker half of a parallel CSV read (csv-read.ts). Input, once: the file path, the offset
// `from` where its part starts (its rows begin just after the first LF at or after `from`; the
// line running across `from` is the main thread's), the file size, the layout, the time zone
// name, and the shared columns to parse into (views of memory the main thread also holds). It
// reads its part through a reused buffer (line-chunks.ts) and parses it with line numbers counted
// from 0 at its first row. Output, once: {rows} — without columns when they are all in the shared
// memory, else with the columns it had to grow into (their buffers transferred, not copied) — or
// {failed}: the main thread then does the work itself.

import { open } from "node:fs/promises";
import { parentPort } from "node:worker_threads";
import { CsvColumns, type ColumnArrays } from "./csv-columns.js";
import { CsvRowParser, type CsvLayout, type CsvRows } from "./csv-parse.js";
import { splitAfter, type TailRows } from "./csv-split.js";
import { LineChunks } from "./line-chunks.js";
import { zoneConverter } from "./timestamps.js";

/** What the main thread sends. */
export interface CsvWorkerTask {
  readonly path: string;
  readonly from: number;
  readonly size: number;
  readonly layout: CsvLayout;
  readonly tz: string | null;
  readonly chunkBytes: number;
  /** Where the rows go while they fit (SharedArrayBuffer views). */
  readonly into: ColumnArrays;
}

/** Parses the rows of the file after the first LF at or after `task.from`. */
export async function parseTail(task: CsvWorkerTask): Promise<CsvRows> {
  const zone = task.tz === null ? null : zoneConverter(task.tz);
  const parser = new CsvRowParser(task.layout, zone, 0, new CsvColumns(task.into));
  const handle = await open(task.path, "r");
  try {
    const reader = new LineChunks(handle, task.from, task.size, task.chunkBytes);
    let skipping = true;
    for (let run = await reader.next(); run !== null; run = await reader.next()) {
      let start = 0;
      if (skipping) {
        start = splitAfter(run.bytes, 0, run.end); // the line running across `from` is the main thread's
        skipping = false;
      }
      if (start < run.end) parser.parse(run.bytes, start, run.end);
    }
    return parser.rows();
  } finally {
    await handle.close();
  }
}

/** The message for `rows` parsed from `task`, and the buffers to transfer with it. */
function reply(task: CsvWorkerTask, rows: CsvRows): { message: { rows: TailRows }; transfer: ArrayBuffer[] } {
  const c = rows.columns;
  const summary = { n: rows.n, lastLine: rows.lastLine, badRowCount: rows.badRowCount, unusableRows: rows.unusableRows, badRowFirst: rows.badRowFirst, badRowWhy: rows.badRowWhy };
  if (c.time.buffer === task.into.time.buffer) return { message: { rows: { ...summary, columns: null } }, transfer: [] };
  const columns = { time: c.time, open: c.open, high: c.high, low: c.low, close: c.close, volume: c.volume, rowNumber: c.rowNumber, badRow: c.badRow };
  return { message: { rows: { ...summary, columns } }, transfer: Object.values(columns).map((a) => a.buffer as ArrayBuffer) };
}

parentPort?.once("message", (task: CsvWorkerTask) => {
  const port = parentPort;
  if (port === null) return;
  parseTail(task).then(
    (rows) => {
      const { message, transfer } = reply(task, rows);
      port.postMessage(message, transfer);
    },
    (error: unknown) => port.postMessage({ failed: error instanceof Error ? error.message : String(error) }),
  );
});
