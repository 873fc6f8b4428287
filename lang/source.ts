// Source files and spans. Offsets are UTF-16 code units into the file text;
// `end` is exclusive (chevrotain's inclusive ends are converted once, here).

/** A span of source text: the file's path (as given to the compiler) and exclusive end offset. */
export interface Span {
  readonly file: string;
  readonly start: number;
  readonly end: number;
}

/** A 1-based line and column. */
export interface LineCol {
  readonly line: number;
  readonly column: number;
}

/** One source file with a line table, built on first use (a clean compile never needs it). */
export class SourceFile {
  private starts: readonly number[] | null = null;

  constructor(
    readonly path: string,
    readonly text: string,
  ) {}

  /** The offset where each line starts; line 1 starts at 0. */
  get lineStarts(): readonly number[] {
    if (this.starts === null) {
      const starts = [0];
      for (let i = this.text.indexOf("\n"); i >= 0; i = this.text.indexOf("\n", i + 1)) starts.push(i + 1);
      this.starts = starts;
    }
    return this.starts;
  }

  /** Converts an offset to a 1-based line and column. */
  lineCol(offset: number): LineCol {
    const clamped = Math.max(0, Math.min(offset, this.text.length));
    let lo = 0;
    let hi = this.lineStarts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if ((this.lineStarts[mid] ?? 0) <= clamped) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo + 1, column: clamped - (this.lineStarts[lo] ?? 0) + 1 };
  }

  /** Returns the text of a 1-based line, without its line break. */
  lineText(line: number): string {
    const start = this.lineStarts[line - 1];
    if (start === undefined) return "";
    const next = this.lineStarts[line];
    const end = next === undefined ? this.text.length : next - 1;
    return this.text.slice(start, end).replace(/\r$/, "");
  }
}

/** Builds a span from chevrotain-style inclusive offsets. */
export function spanFromInclusive(file: string, startOffset: number, endOffsetInclusive: number): Span {
  return { file, start: startOffset, end: endOffsetInclusive + 1 };
}

/** The smallest span covering both spans (same file assumed). */
export function joinSpans(a: Span, b: Span): Span {
  return { file: a.file, start: Math.min(a.start, b.start), end: Math.max(a.end, b.end) };
}
