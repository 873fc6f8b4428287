// The columns parsed CSV rows are written into. Capacity starts at an estimate of the row count
// (from the line length of the first 64 KiB) and grows by half when a file's later lines are
// shorter, so a parse needs no separate pass to count lines first.

const LF = 10;
const SAMPLE_BYTES = 1 << 16;

/** The arrays parsed rows are written into (what a worker sends back). */
export interface ColumnArrays {
  readonly time: Float64Array;
  readonly open: Float64Array;
  readonly high: Float64Array;
  readonly low: Float64Array;
  readonly close: Float64Array;
  readonly volume: Float64Array;
  readonly rowNumber: Int32Array;
  readonly badRow: Uint8Array;
}

/** Growable output columns of the CSV reader; `n` rows are filled by the caller. */
export class CsvColumns implements ColumnArrays {
  time: Float64Array;
  open: Float64Array;
  high: Float64Array;
  low: Float64Array;
  close: Float64Array;
  volume: Float64Array;
  rowNumber: Int32Array;
  badRow: Uint8Array;

  /** Fresh columns for `capacity` rows, or columns over existing arrays of equal length. */
  constructor(capacity: number | ColumnArrays) {
    const arrays = typeof capacity === "number" ? allocate(capacity, (bytes) => new ArrayBuffer(bytes)) : capacity;
    this.time = arrays.time;
    this.open = arrays.open;
    this.high = arrays.high;
    this.low = arrays.low;
    this.close = arrays.close;
    this.volume = arrays.volume;
    this.rowNumber = arrays.rowNumber;
    this.badRow = arrays.badRow;
  }

  /** Columns for `capacity` rows in memory another thread can write (SharedArrayBuffer). */
  static shared(capacity: number): CsvColumns {
    return new CsvColumns(allocate(capacity, (bytes) => new SharedArrayBuffer(bytes)));
  }

  /** Rows [from, from + capacity) of these columns as columns of their own (views, not copies). */
  view(from: number, capacity: number): CsvColumns {
    const to = from + capacity;
    return new CsvColumns({
      time: this.time.subarray(from, to),
      open: this.open.subarray(from, to),
      high: this.high.subarray(from, to),
      low: this.low.subarray(from, to),
      close: this.close.subarray(from, to),
      volume: this.volume.subarray(from, to),
      rowNumber: this.rowNumber.subarray(from, to),
      badRow: this.badRow.subarray(from, to),
    });
  }

  /** Rows that fit. */
  get capacity(): number {
    return this.time.length;
  }

  /** Makes room for at least `rows` rows, keeping the filled ones. */
  reserve(rows: number): void {
    if (rows <= this.capacity) return;
    const size = Math.max(rows, Math.ceil(this.capacity * 1.5) + 16);
    this.time = grown(this.time, new Float64Array(size));
    this.open = grown(this.open, new Float64Array(size));
    this.high = grown(this.high, new Float64Array(size));
    this.low = grown(this.low, new Float64Array(size));
    this.close = grown(this.close, new Float64Array(size));
    this.volume = grown(this.volume, new Float64Array(size));
    this.rowNumber = grown(this.rowNumber, new Int32Array(size));
    this.badRow = grown(this.badRow, new Uint8Array(size));
  }
}

function allocate(capacity: number, memory: (bytes: number) => ArrayBufferLike): ColumnArrays {
  const float64 = (): Float64Array => new Float64Array(memory(capacity * 8));
  return { time: float64(), open: float64(), high: float64(), low: float64(), close: float64(), volume: float64(), rowNumber: new Int32Array(memory(capacity * 4)), badRow: new Uint8Array(memory(capacity)) };
}

function grown<T extends Float64Array | Int32Array | Uint8Array>(from: T, to: T): T {
  to.set(from);
  return to;
}

/** About how many rows bytes[start, end) holds: exact for short ranges, else extrapolated from the first 64 KiB. */
export function estimateRows(bytes: Uint8Array, start: number, end: number): number {
  const sampleEnd = Math.min(end, start + SAMPLE_BYTES);
  let lines = 0;
  for (let i = start; i < sampleEnd; i++) if (bytes[i] === LF) lines++;
  if (sampleEnd === end) return lines + 1;
  return Math.ceil(((end - start) * (lines + 1)) / (sampleEnd - start) * 1.02) + 16;
}
