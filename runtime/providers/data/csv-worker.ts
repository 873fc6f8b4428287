// The worker half of a parallel CSV read (csv-read.ts). Two exchanges with the main thread:
//   read:  {buffer, path, from, size} → reads bytes [from, size) of the file into the shared
//          buffer (adding a final LF in its spare byte when the file lacks one) and answers
//          {bytesRead, split, end}: `split` is just after the first LF at or after `from`, so rows
//          before it are the main thread's and rows from it on are this worker's.
//   parse: {layout, tz} → parses bytes [split, end) with line numbers counted from 0 and answers
//          with the rows, their buffers transferred (not copied). It may arrive before the read
//          is done: the parse starts when both are there.
// Reading its own half in parallel with the main thread halves the time spent faulting in and
// copying a large file; any failure is answered with {failed} and the main thread does the work.

import { open } from "node:fs/promises";
import { parentPort, type MessagePort } from "node:worker_threads";
import { estimateRows } from "./csv-columns.js";
import { parseCsvRows, type CsvLayout } from "./csv-parse.js";
import { splitAfter } from "./csv-split.js";
import { zoneConverter } from "./timestamps.js";

/** The first message: what to read. */
export interface CsvReadTask {
  readonly buffer: SharedArrayBuffer;
  readonly path: string;
  readonly from: number;
  readonly size: number;
}

/** The answer to a read task. */
export interface CsvReadDone {
  readonly bytesRead: number;
  readonly split: number;
  readonly end: number;
}

/** The second message: how to parse. */
export interface CsvParseTask {
  readonly layout: CsvLayout;
  readonly tz: string | null;
}

const LF = 10;
const READ_CHUNK = 16 << 20;

async function readTail(task: CsvReadTask): Promise<CsvReadDone> {
  const bytes = new Uint8Array(task.buffer);
  const handle = await open(task.path, "r");
  let offset = task.from;
  try {
    while (offset < task.size) {
      const { bytesRead } = await handle.read(bytes, offset, Math.min(READ_CHUNK, task.size - offset), offset);
      if (bytesRead === 0) break;
      offset += bytesRead;
    }
  } finally {
    await handle.close();
  }
  let end = offset;
  if (end > 0 && bytes[end - 1] !== LF) bytes[end++] = LF;
  return { bytesRead: offset - task.from, split: splitAfter(bytes, task.from, end), end };
}

/** Parses the read range once both the read and the parse task are there, whichever comes first. */
function serve(port: MessagePort): void {
  let task: CsvReadTask | null = null;
  let read: CsvReadDone | null = null;
  let parse: CsvParseTask | null = null;
  const parseWhenReady = (): void => {
    if (task === null || read === null || parse === null) return;
    const bytes = new Uint8Array(task.buffer);
    const zone = parse.tz === null ? null : zoneConverter(parse.tz);
    const rows = parseCsvRows(bytes, read.split, read.end, 0, parse.layout, zone, estimateRows(bytes, read.split, read.end));
    const c = rows.columns;
    port.postMessage({ rows }, [c.time, c.open, c.high, c.low, c.close, c.volume, c.rowNumber, c.badRow].map((a) => a.buffer as ArrayBuffer));
  };
  port.on("message", (message: CsvReadTask | CsvParseTask) => {
    if ("buffer" in message) {
      task = message;
      readTail(message).then(
        (done) => {
          read = done;
          port.postMessage(done);
          parseWhenReady();
        },
        (error: unknown) => port.postMessage({ failed: error instanceof Error ? error.message : String(error) }),
      );
    } else {
      parse = message;
      parseWhenReady();
    }
  });
}

if (parentPort !== null) serve(parentPort);
