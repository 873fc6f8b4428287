// Reading a data file and hashing it in one pass. Input: a path. Output: the file's bytes and their
// sha256 (hex), the same digest as sha256Hex(readFile(path)). Rejects with the fs error (ENOENT ...).
// Why not readFile then hash: the read is done on libuv's thread pool in chunks, and the main thread
// sat idle between them; here the next chunk is already being read while this one is hashed, so
// hashing a large file costs almost no extra wall time.

import { createHash, type Hash } from "node:crypto";
import { open, readFile, type FileHandle } from "node:fs/promises";

/** Bytes per read: large enough to keep syscalls few, small enough that reading and hashing overlap. */
const CHUNK_BYTES = 4 << 20;

/** A file's bytes and their sha256. */
export interface HashedBytes {
  readonly bytes: Buffer;
  readonly sha256: string;
}

/** Reads `path` whole while hashing it. */
export async function readHashed(path: string): Promise<HashedBytes> {
  const handle = await open(path, "r");
  try {
    const { size } = await handle.stat();
    if (size === 0) {
      // Size unknown (a pipe, a /proc file) or empty: read to the end the ordinary way.
      const bytes = await readFile(handle);
      return { bytes, sha256: createHash("sha256").update(bytes).digest("hex") };
    }
    const bytes = Buffer.allocUnsafe(size);
    const hash = createHash("sha256");
    let offset = 0;
    let pending: Promise<{ bytesRead: number }> | null = handle.read(bytes, 0, Math.min(CHUNK_BYTES, size), 0);
    while (pending !== null) {
      const { bytesRead } = await pending;
      if (bytesRead === 0) break; // the file shrank while being read: keep what was there
      const start = offset;
      offset += bytesRead;
      pending = offset < size ? handle.read(bytes, offset, Math.min(CHUNK_BYTES, size - offset), offset) : null;
      hash.update(bytes.subarray(start, offset));
    }
    return { bytes: offset === size ? bytes : bytes.subarray(0, offset), sha256: hash.digest("hex") };
  } finally {
    await handle.close();
  }
}

/**
 * Feeds bytes [from, to) of an open file to `hash`, reading the next chunk while hashing this one
 * (two reused buffers). Stops early if the file ends before `to`.
 */
export async function hashRange(handle: FileHandle, hash: Hash, from: number, to: number): Promise<void> {
  if (from >= to) return;
  const buffers = [Buffer.allocUnsafe(Math.min(CHUNK_BYTES, to - from)), Buffer.allocUnsafe(Math.min(CHUNK_BYTES, to - from))];
  let offset = from;
  let turn = 0;
  const readInto = (buffer: Buffer, at: number) => handle.read(buffer, 0, Math.min(buffer.length, to - at), at);
  let pending: Promise<{ bytesRead: number }> | null = readInto(buffers[0] as Buffer, offset);
  while (pending !== null) {
    const { bytesRead } = await pending;
    if (bytesRead === 0) break; // the file shrank while being read
    const current = buffers[turn] as Buffer;
    offset += bytesRead;
    turn = 1 - turn;
    pending = offset < to ? readInto(buffers[turn] as Buffer, offset) : null;
    hash.update(current.subarray(0, bytesRead));
  }
}
