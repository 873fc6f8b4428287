// Reading part of a file as runs of complete lines through one reusable buffer. Input: an open
// file, a byte range, a chunk size. Output, per call: buffer[0, end) holding whole lines (end is
// just after an LF), the file offset of buffer[0], and the bytes this call read (`fresh`, in file
// order, for hashing). At the end of the range a last line without LF gets one appended (it is
// not in `fresh`). Why: a 143 MB file read whole costs ~110 ms of page faults to fill fresh
// memory, and two threads faulting at once mostly wait on each other; a reused 8 MB buffer is
// faulted once.

import type { FileHandle } from "node:fs/promises";

const LF = 10;

/** One run of complete lines; valid until the next call of `next`. */
export interface LineRun {
  readonly bytes: Buffer;
  /** Just after the run's last LF. */
  readonly end: number;
  /** File offset of bytes[0]. */
  readonly fileOffset: number;
  /** The bytes read from the file by this call. */
  readonly fresh: Buffer;
}

/** Successive runs of complete lines of bytes [from, to) of a file. */
export class LineChunks {
  private buffer: Buffer;
  private filled = 0;
  private consumed = 0;
  private offset: number;
  private to: number;

  constructor(
    private readonly handle: FileHandle,
    from: number,
    to: number,
    private readonly chunkBytes: number,
  ) {
    this.buffer = Buffer.allocUnsafe(chunkBytes + 1);
    this.offset = from;
    this.to = to;
  }

  /** The file offset of the next byte to read: every byte before it has been in some run's `fresh`. */
  get position(): number {
    return this.offset;
  }

  /** The next run, or null when the range is used up. */
  async next(): Promise<LineRun | null> {
    // Move the partial line left over by the previous run to the front.
    const carry = this.filled - this.consumed;
    if (carry > 0 && this.consumed > 0) this.buffer.copy(this.buffer, 0, this.consumed, this.filled);
    this.filled = carry;
    this.consumed = 0;
    const freshStart = carry;
    for (;;) {
      if (this.offset >= this.to) {
        if (this.filled === 0) return null;
        return this.finish(freshStart);
      }
      if (this.buffer.length < this.filled + this.chunkBytes + 1) {
        // A line longer than a chunk: grow so a whole line and a chunk fit.
        const grown = Buffer.allocUnsafe(this.filled + 2 * this.chunkBytes + 1);
        this.buffer.copy(grown, 0, 0, this.filled);
        this.buffer = grown;
      }
      const want = Math.min(this.chunkBytes, this.to - this.offset);
      const { bytesRead } = await this.handle.read(this.buffer, this.filled, want, this.offset);
      if (bytesRead === 0) {
        this.to = this.offset; // the file shrank: end the range here
        continue;
      }
      this.offset += bytesRead;
      this.filled += bytesRead;
      if (this.offset >= this.to) return this.finish(freshStart);
      const lastLf = this.buffer.lastIndexOf(LF, this.filled - 1);
      if (lastLf >= 0) {
        this.consumed = lastLf + 1;
        return { bytes: this.buffer, end: this.consumed, fileOffset: this.offset - this.filled, fresh: this.buffer.subarray(freshStart, this.filled) };
      }
    }
  }

  /** The last run: everything left, with an LF appended when the range ends without one. */
  private finish(freshStart: number): LineRun {
    const filled = this.filled;
    const fileOffset = this.offset - filled;
    let end = filled;
    if (end > 0 && this.buffer[end - 1] !== LF) {
      // The reads leave one spare byte (see the capacity check in next), so this never grows.
      this.buffer[end++] = LF;
    }
    this.filled = 0;
    this.consumed = 0;
    return { bytes: this.buffer, end, fileOffset, fresh: this.buffer.subarray(freshStart, filled) };
  }
}
