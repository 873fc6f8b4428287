// Reusable Float64Array buffers for the series an evaluation computes along the way.
//
// Why: on millions of bars a fresh 16 MB array costs more in page faults (the OS
// zero-fills every page on first touch) than the indicator that fills it. A sweep
// or a benchmark that runs many backtests over the same bars can lend buffers from
// one pool: each run leases, computes, and returns its intermediates when done.
// Buffers come back dirty: every user of `take` writes every element (indicators,
// operators, lags all do). The pool holds at most `maxBytes`; beyond that returned
// buffers are left to the garbage collector. A buffer that a result keeps is
// detached from its lease and never lent again.

/** A pool of Float64Array buffers by length. */
export class BufferPool {
  private readonly free = new Map<number, Float64Array[]>();
  private heldBytes = 0;
  private readonly maxBytes: number;

  /** Creates a pool that keeps at most `maxBytes` of idle buffers (256 MB by default). */
  constructor(maxBytes = 256 * 1024 * 1024) {
    this.maxBytes = maxBytes;
  }

  /** Opens a lease: buffers taken through it go back to the pool together. */
  lease(): BufferLease {
    const issued: Float64Array[] = [];
    return {
      take: (n: number): Float64Array => {
        let buffer = this.free.get(n)?.pop();
        if (buffer === undefined) buffer = new Float64Array(n);
        else this.heldBytes -= buffer.byteLength;
        issued.push(buffer);
        return buffer;
      },
      returnAll: (): void => {
        for (const buffer of issued) this.keep(buffer);
        issued.length = 0;
      },
      detach: (buffer: Float64Array): void => {
        const i = issued.indexOf(buffer);
        if (i >= 0) issued.splice(i, 1);
      },
    };
  }

  /** Bytes of idle buffers currently held. */
  get idleBytes(): number {
    return this.heldBytes;
  }

  private keep(buffer: Float64Array): void {
    if (this.heldBytes + buffer.byteLength > this.maxBytes) return;
    let list = this.free.get(buffer.length);
    if (list === undefined) {
      list = [];
      this.free.set(buffer.length, list);
    }
    list.push(buffer);
    this.heldBytes += buffer.byteLength;
  }
}

/** Buffers for one evaluation; return them when nothing reads them any more. */
export interface BufferLease {
  /** A buffer of n values with arbitrary contents: the caller writes every element. */
  take(n: number): Float64Array;
  /** Gives every buffer taken through this lease back to the pool. */
  returnAll(): void;
  /** Lets the caller keep `buffer` for good (a result will hold it): it does not go back with returnAll. */
  detach(buffer: Float64Array): void;
}
