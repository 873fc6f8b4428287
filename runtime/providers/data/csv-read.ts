// Reading one CSV file: its sha256 and its parsed rows. Input: a path, the ticker and source
// for messages, the time zone of naive timestamps. Output: the digest of the file's bytes and
// parseCsv's result for them. Rejects with the fs error when the file cannot be read.
// Files under PARALLEL_BYTES are read, hashed and parsed on this thread. Larger ones are read
// into a SharedArrayBuffer by two threads at once: a worker (csv-worker.ts) reads and parses the
// rows after a split point while this thread reads and parses the rows before it, then hashes
// the whole buffer; the halves are joined in file order (csv-split.ts). The result is the same either way: same rows, same
// bad-row report, same digest. The worker is an optimisation only: when its compiled script is
// absent (sources run through a TypeScript loader) or it fails, this thread does all the work.

import { createHash } from "node:crypto";
import { existsSync } from "node:fs";
import { open } from "node:fs/promises";
import { fileURLToPath } from "node:url";
import { Worker } from "node:worker_threads";
import type { DataError } from "./errors.js";
import { estimateRows, type ColumnArrays } from "./csv-columns.js";
import { parseCsv, parseCsvRows, rawSeries, readCsvLayout, type CsvRows } from "./csv-parse.js";
import { appendRows } from "./csv-split.js";
import type { CsvParseTask, CsvReadDone, CsvReadTask } from "./csv-worker.js";
import type { RawSeries } from "./quality.js";
import { readHashed } from "./read-hashed.js";
import type { ZoneConverter } from "./timestamps.js";

/** Below this size a worker's start-up costs more than the parsing it would take over. */
const PARALLEL_BYTES = 16 << 20;
/** Share of the file read and parsed on this thread, which also hashes the whole file afterwards. */
const HEAD_FRACTION = 0.49;
const LF = 10;
const READ_CHUNK = 16 << 20;

const WORKER_URL = new URL("./csv-worker.js", import.meta.url);
let workerScript: boolean | null = null;

/** What reading a CSV file gives. */
export interface CsvFile {
  readonly sha256: string;
  readonly parsed: { ok: true; raw: RawSeries } | { ok: false; error: DataError };
}

/** Reads, hashes and parses the CSV file at `path`. */
export async function readCsvFile(path: string, ticker: string, source: string, zone: ZoneConverter | null, tz: string | null): Promise<CsvFile> {
  const handle = await open(path, "r");
  let size: number;
  try {
    size = (await handle.stat()).size;
  } finally {
    await handle.close();
  }
  if (size < PARALLEL_BYTES || !hasWorkerScript()) return readOnThisThread(path, ticker, source, zone);
  // Start the worker first: it boots and reads the second part while this thread reads the first.
  const worker = new Worker(WORKER_URL);
  try {
    return (await readInParallel(worker, path, size, ticker, source, zone, tz)) ?? (await readOnThisThread(path, ticker, source, zone));
  } finally {
    void worker.terminate();
  }
}

async function readOnThisThread(path: string, ticker: string, source: string, zone: ZoneConverter | null): Promise<CsvFile> {
  const { bytes, sha256 } = await readHashed(path);
  return { sha256, parsed: parseCsv(bytes, ticker, source, zone) };
}

function hasWorkerScript(): boolean {
  workerScript ??= WORKER_URL.protocol === "file:" && existsSync(fileURLToPath(WORKER_URL));
  return workerScript;
}

/** The parallel read; null when something unusual happened (the file changed, the worker failed) and the plain path should redo it. */
async function readInParallel(worker: Worker, path: string, size: number, ticker: string, source: string, zone: ZoneConverter | null, tz: string | null): Promise<CsvFile | null> {
  const buffer = new SharedArrayBuffer(size + 1);
  const bytes = new Uint8Array(buffer);
  const from = Math.floor(size * HEAD_FRACTION);
  const messages = replies(worker);
  worker.postMessage({ buffer, path, from, size } satisfies CsvReadTask);
  if ((await readInto(path, bytes, 0, from)) !== from) return null;
  // A header running into the worker's part, or a bad one: the plain path reads and reports it.
  if (bytes.subarray(0, from).indexOf(LF) === -1) return null;
  const layout = readCsvLayout(bytes.subarray(0, from));
  if (!("roles" in layout)) return null;
  worker.postMessage({ layout, tz } satisfies CsvParseTask);
  // Parse the complete lines of this part while the worker still reads; the line that runs
  // into the worker's part is parsed once the worker says where it ends.
  const lastLf = bytes.lastIndexOf(LF, from - 1);
  const safeEnd = Math.max(lastLf + 1, layout.bodyStart);
  const head = parseCsvRows(bytes, layout.bodyStart, safeEnd, 1, layout, zone, estimateRows(bytes, layout.bodyStart, size + 1));
  const tailRead = await messages.next();
  if (tailRead === null || !("bytesRead" in tailRead) || tailRead.bytesRead !== size - from) return null;
  const { split, end } = tailRead;
  const joined = appendRows(head, parseCsvRows(bytes, safeEnd, split, 0, layout, zone, 4));
  const sha256 = hashOf(bytes, size);
  const done = await messages.next();
  const tail: CsvRows<ColumnArrays> = done !== null && "rows" in done ? (done.rows as CsvRows<ColumnArrays>) : parseCsvRows(bytes, split, end, 0, layout, zone, estimateRows(bytes, split, end));
  return { sha256, parsed: { ok: true, raw: rawSeries(ticker, source, appendRows(joined, tail)) } };
}

type WorkerReply = CsvReadDone | { readonly rows: unknown } | { readonly failed: string };

/** The worker's replies in order; null once it has failed or exited. */
function replies(worker: Worker): { next(): Promise<WorkerReply | null> } {
  const queue: (WorkerReply | null)[] = [];
  let waiting: ((reply: WorkerReply | null) => void) | null = null;
  const push = (reply: WorkerReply | null): void => {
    if (waiting !== null) {
      const resolve = waiting;
      waiting = null;
      resolve(reply);
    } else queue.push(reply);
  };
  worker.on("message", (reply: WorkerReply) => push("failed" in reply ? null : reply));
  worker.on("error", () => push(null));
  worker.on("exit", () => push(null));
  return {
    next: () => (queue.length > 0 ? Promise.resolve(queue.shift() ?? null) : new Promise((resolve) => (waiting = resolve))),
  };
}

/** Reads bytes [from, to) of the file into `bytes` at the same offsets; the number read (less if the file shrank). */
async function readInto(path: string, bytes: Uint8Array, from: number, to: number): Promise<number> {
  const handle = await open(path, "r");
  try {
    let offset = from;
    while (offset < to) {
      const { bytesRead } = await handle.read(bytes, offset, Math.min(READ_CHUNK, to - offset), offset);
      if (bytesRead === 0) break;
      offset += bytesRead;
    }
    return offset - from;
  } finally {
    await handle.close();
  }
}

function hashOf(bytes: Uint8Array, length: number): string {
  return createHash("sha256").update(bytes.subarray(0, length)).digest("hex");
}
