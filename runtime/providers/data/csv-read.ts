// Reading one CSV file: its sha256 and its parsed rows. Input: a path, the ticker and source
// for messages, the time zone of naive timestamps. Output: the digest of the file's bytes and
// parseCsv's result for them. Rejects with the fs error when the file cannot be read.
// Files under PARALLEL_BYTES are read, hashed and parsed on this thread. Larger ones are split
// at an offset: a worker (csv-worker.ts) reads and parses the rows after it while this thread
// reads and parses the rows before it (the line running across the offset is this thread's),
// then reads on to hash the rest (read-hashed.ts, reads overlapping the hashing); the parts are
// joined in file order (csv-split.ts). Both parse into one set of columns in shared memory, so
// the worker's rows are not copied back. Both read through reused buffers (line-chunks.ts):
// faulting in fresh memory for a whole large file cost more than parsing it, and two threads
// faulting at once mostly wait on each other.
// The result is the same either way: same rows, same bad-row report, same digest. The worker is
// an optimisation only: when its compiled script is absent (sources run through a TypeScript
// loader) or it fails, this thread does all the work.

import { createHash } from "node:crypto";
import { existsSync } from "node:fs";
import { open } from "node:fs/promises";
import { fileURLToPath } from "node:url";
import { Worker } from "node:worker_threads";
import { CsvColumns, estimateRows, type ColumnArrays } from "./csv-columns.js";
import { CsvRowParser, parseCsv, rawSeries, readCsvLayout } from "./csv-parse.js";
import { joinParts, splitAfter, type TailRows } from "./csv-split.js";
import type { CsvWorkerTask } from "./csv-worker.js";
import type { DataError } from "./errors.js";
import { LineChunks } from "./line-chunks.js";
import type { RawSeries } from "./quality.js";
import { hashRange, readHashed } from "./read-hashed.js";
import type { ZoneConverter } from "./timestamps.js";

/** Below this size a worker's start-up costs more than the parsing it would take over. */
const PARALLEL_BYTES = 16 << 20;
/** Share of the file parsed on this thread, which also hashes the whole file (~120 ms on 143 MB) while the worker starts. */
const HEAD_FRACTION = 0.45;
/** Room for the worker's rows, relative to the estimate: later lines may be shorter than the first ones. */
const TAIL_ROOM_FACTOR = 1.5;
/** Bytes per read: few syscalls, and small enough to stay in cache-friendly, reused memory. */
const CHUNK_BYTES = 8 << 20;

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
  // Start the worker first: it boots while this thread reads the header.
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

/** The parallel read; null when something unusual happened (a header longer than a chunk, a bad header, the worker failed) and the plain path should redo it. */
async function readInParallel(worker: Worker, path: string, size: number, ticker: string, source: string, zone: ZoneConverter | null, tz: string | null): Promise<CsvFile | null> {
  const from = Math.floor(size * HEAD_FRACTION);
  const handle = await open(path, "r");
  try {
    const hash = createHash("sha256");
    const reader = new LineChunks(handle, 0, size, CHUNK_BYTES);
    let run = await reader.next();
    if (run === null) return null;
    const layout = readCsvLayout(run.bytes.subarray(0, run.end));
    if (!("roles" in layout) || layout.bodyStart > from) return null;
    // Both parts parse into one set of shared columns: the head from row 0, the tail from just past
    // the head's estimated room. Room is estimated from the first run's lines; a part that
    // outgrows its room continues in columns of its own and is copied when the parts are joined.
    // The tail's room is generous, as memory never written costs nothing; the head's is tight,
    // as joining moves the head up against the tail across whatever room it left.
    const headRoom = roomFor(run.bytes, layout.bodyStart, run.end, from - layout.bodyStart) + 1;
    const tailRoom = Math.ceil(roomFor(run.bytes, layout.bodyStart, run.end, size - from) * TAIL_ROOM_FACTOR);
    const whole = CsvColumns.shared(headRoom + tailRoom);
    const tail = workerResult(worker, { path, from, size, layout, tz, chunkBytes: CHUNK_BYTES, into: plainColumns(whole.view(headRoom, tailRoom)) });
    const head = new CsvRowParser(layout, zone, 1, whole.view(0, headRoom));
    for (let start = layout.bodyStart; run !== null; run = await reader.next(), start = 0) {
      hash.update(run.fresh);
      // Lines starting before the end of the line that runs across `from` are this thread's.
      const local = from - run.fileOffset;
      const stop = local < run.end ? splitAfter(run.bytes, Math.max(local, start), run.end) : run.end;
      if (start < stop) head.parse(run.bytes, start, stop);
      if (local < run.end) break;
    }
    // The rest only needs hashing: plain chunks, the next read overlapping this hash.
    await hashRange(handle, hash, reader.position, size);
    const rest = await tail;
    if (rest === null) return null;
    const rows = joinParts(whole, head.rows(), rest, headRoom);
    return { sha256: hash.digest("hex"), parsed: { ok: true, raw: rawSeries(ticker, source, rows) } };
  } finally {
    await handle.close();
  }
}

/** About how many rows `bytes` bytes of the file hold, at the line length of sample[start, end) (with estimateRows' margin). */
function roomFor(sample: Uint8Array, start: number, end: number, bytes: number): number {
  return Math.ceil((estimateRows(sample, start, end) * bytes) / Math.max(1, end - start)) + 16;
}

/** The arrays of `columns` as a plain object (what a worker message can carry). */
function plainColumns(c: ColumnArrays): ColumnArrays {
  return { time: c.time, open: c.open, high: c.high, low: c.low, close: c.close, volume: c.volume, rowNumber: c.rowNumber, badRow: c.badRow };
}

/** The worker's rows, or null when it failed or exited without them. */
function workerResult(worker: Worker, task: CsvWorkerTask): Promise<TailRows | null> {
  return new Promise((resolve) => {
    worker.once("message", (message: { rows?: TailRows | null; failed?: string }) => resolve(message.rows ?? null));
    worker.once("error", () => resolve(null));
    worker.once("exit", () => resolve(null));
    worker.postMessage(task);
  });
}
