// Lineage: where each ticker's bars came from, recorded with every run so a result can be traced
// to the exact bytes it was computed on.
import { createHash } from "node:crypto";
import { relative, sep } from "node:path";
import type { Bars } from "../../data/bars.js";
import type { Lineage } from "./types.js";
import { isoTime } from "./timestamps.js";

/** sha256 (hex) of bytes or UTF-8 text. */
export function sha256Hex(data: Uint8Array | string): string {
  return createHash("sha256").update(data).digest("hex");
}

/** sha256 (hex) of a series: its ticker and the bytes of every column (little-endian float64). */
export function hashBars(bars: Bars): string {
  const hash = createHash("sha256").update(bars.ticker).update("\0");
  for (const column of [bars.time, bars.open, bars.high, bars.low, bars.close, bars.volume]) {
    hash.update(new Uint8Array(column.buffer, column.byteOffset, column.byteLength));
  }
  return hash.digest("hex");
}

/** A path relative to the project root with forward slashes, so lineage is the same on every machine. */
export function projectPath(baseDir: string, absolutePath: string): string {
  const rel = relative(baseDir, absolutePath);
  return (rel === "" ? "." : rel).split(sep).join("/");
}

/** The lineage record of delivered bars. */
export function lineageOf(provider: { name: string; version: string }, source: string, bars: Bars, sha256: string): Lineage {
  const n = bars.time.length;
  return {
    provider: `${provider.name}@${provider.version}`,
    source,
    ticker: bars.ticker,
    rows: n,
    firstTime: n > 0 ? isoTime(bars.time[0] ?? 0) : null,
    lastTime: n > 0 ? isoTime(bars.time[n - 1] ?? 0) : null,
    sha256,
  };
}
