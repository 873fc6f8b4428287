// Reading a data file and hashing it in one pass. Input: a path. Output: the file's bytes and their
// sha256 (hex), the same digest as sha256Hex(readFile(path)). Rejects with the fs error (ENOENT ...).
// Why not readFile then hash: the read is done on libuv's thread pool in chunks, and the main thread
// sat idle between them; here the next chunk is already being read while this one is hashed, so
// hashing a large file costs almost no extra wall time.

import { createHash } from "node:crypto";
import { open, readFile } from "node:fs/promises";

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
