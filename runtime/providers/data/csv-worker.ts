// The worker half of a parallel CSV read (csv-read.ts). Input, once: the file path, the offset
// `from` where its part starts (its rows begin just after the first LF at or after `from`; the
// line running across `from` is the main thread's), the file size, the layout and the time zone
// name. It reads its part through a reused buffer (line-chunks.ts) and parses it with line
// numbers counted from 0 at its first row. Output, once: {rows}, their buffers transferred (not
// copied), or {failed} — the main thread then does the work itself.

import { open } from "node:fs/promises";
import { parentPort } from "node:worker_threads";
import { estimateRows } from "./csv-columns.js";
import { parseCsvRows, type CsvLayout, type CsvRows } from "./csv-parse.js";
import { splitAfter } from "./csv-split.js";
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
}

/** About how many rows lie from `start` of this run to `restEnd` (the end of the file, relative to the run): this run's rate, extrapolated. */
export function rowsInRest(bytes: Uint8Array, start: number, end: number, restEnd: number): number {
  return Math.ceil((estimateRows(bytes, start, end) * (restEnd - start)) / Math.max(1, end - start)) + 16;
}

/** Parses the rows of the file after the first LF at or after `task.from`. */
export async function parseTail(task: CsvWorkerTask): Promise<CsvRows> {
  const zone = task.tz === null ? null : zoneConverter(task.tz);
  const handle = await open(task.path, "r");
  try {
    const reader = new LineChunks(handle, task.from, task.size, task.chunkBytes);
    let rows: CsvRows | null = null;
    let skipping = true;
    for (let run = await reader.next(); run !== null; run = await reader.next()) {
      let start = 0;
      if (skipping) {
        start = splitAfter(run.bytes, 0, run.end); // the line running across `from` is the main thread's
        skipping = false;
      }
      if (start >= run.end) continue;
      const hint = rows === null ? rowsInRest(run.bytes, start, run.end, task.size - run.fileOffset) : 0;
      rows = parseCsvRows(run.bytes, start, run.end, 0, task.layout, zone, hint, rows ?? undefined);
    }
    return rows ?? parseCsvRows(new Uint8Array(0), 0, 0, 0, task.layout, zone, 1);
  } finally {
    await handle.close();
  }
}

parentPort?.once("message", (task: CsvWorkerTask) => {
  const port = parentPort;
  if (port === null) return;
  parseTail(task).then(
    (rows) => {
      const c = rows.columns;
      const plain = { n: rows.n, lastLine: rows.lastLine, badRowCount: rows.badRowCount, badRowFirst: rows.badRowFirst, badRowWhy: rows.badRowWhy, columns: { time: c.time, open: c.open, high: c.high, low: c.low, close: c.close, volume: c.volume, rowNumber: c.rowNumber, badRow: c.badRow } };
      port.postMessage({ rows: plain }, [c.time, c.open, c.high, c.low, c.close, c.volume, c.rowNumber, c.badRow].map((a) => a.buffer as ArrayBuffer));
    },
    (error: unknown) => port.postMessage({ failed: error instanceof Error ? error.message : String(error) }),
  );
});
