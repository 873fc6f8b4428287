// Compact, lossless encodings of an equity row's time and exposed blobs (migration 004).
// Time: `f64` is one little-endian double per bar; `f64_runs` is the first time followed by
// (delta, count) pairs of doubles, one pair per run of equal spacing: a daily or intraday
// curve is a few runs per week instead of 8 bytes a bar. A run is only used where adding its
// delta to the previous time gives the next time bit for bit, so decoding is exact.
// Exposed: `u8` is one byte per bar; `bits` packs eight 0/1 flags a byte (LSB first).
// Why: a 2M-bar run wrote 34 MB of equity blobs, half of them times, and SQLite writes every
// byte twice (WAL, then the checkpoint) with fsyncs; fewer bytes make storing a run faster.

import { decodeFloat64, encodeFloat64 } from "./equity.js";

/** How an equity row's time blob is encoded. */
export type TimeFormat = "f64" | "f64_runs";
/** How an equity row's exposed blob is encoded. */
export type ExposedFormat = "u8" | "bits";

/** True when a and b are the same double, bit for bit (0 and −0 differ, NaN never matches here). */
function sameBits(a: number, b: number): boolean {
  return a === b && (a !== 0 || 1 / a === 1 / b);
}

/** Times as runs of equal spacing when that is exact and smaller, else plain doubles. */
export function encodeTimes(time: Float64Array): { format: TimeFormat; bytes: Buffer } {
  const n = time.length;
  if (n < 2) return { format: "f64", bytes: encodeFloat64(time) };
  const maxRuns = (n - 2) >> 1; // more runs than this would not be smaller than plain doubles
  const out: number[] = [time[0] as number];
  let delta = NaN;
  let count = 0;
  let previous = time[0] as number;
  for (let i = 1; i < n; i++) {
    const t = time[i] as number;
    if (count > 0 && sameBits(previous + delta, t)) count++;
    else {
      if (count > 0) {
        if (out.length >> 1 >= maxRuns) return { format: "f64", bytes: encodeFloat64(time) };
        out.push(delta, count);
      }
      delta = t - previous;
      if (!sameBits(previous + delta, t)) return { format: "f64", bytes: encodeFloat64(time) };
      count = 1;
    }
    previous = t;
  }
  out.push(delta, count);
  return { format: "f64_runs", bytes: encodeFloat64(Float64Array.from(out)) };
}

/** The `points` times of a blob written by encodeTimes. */
export function decodeTimes(format: TimeFormat, bytes: Uint8Array, points: number): Float64Array {
  if (format === "f64") return decodeFloat64(bytes);
  const runs = decodeFloat64(bytes);
  const out = new Float64Array(points);
  if (points === 0) return out;
  let t = runs[0] as number;
  out[0] = t;
  let i = 1;
  for (let r = 1; r + 1 < runs.length; r += 2) {
    const delta = runs[r] as number;
    const end = i + (runs[r + 1] as number);
    for (; i < end; i++) out[i] = t += delta;
  }
  if (i !== points) throw new Error(`bug: an equity time blob holds ${i} times, its row says ${points}`);
  return out;
}

/** Exposure flags packed eight a byte when they are all 0 or 1, else one byte each. */
export function encodeExposed(exposed: Uint8Array): { format: ExposedFormat; bytes: Buffer } {
  const n = exposed.length;
  const out = Buffer.alloc((n + 7) >> 3);
  for (let i = 0; i < n; i++) {
    const v = exposed[i] as number;
    if (v > 1) return { format: "u8", bytes: Buffer.from(exposed.buffer, exposed.byteOffset, exposed.byteLength) };
    if (v === 1) out[i >> 3] = (out[i >> 3] as number) | (1 << (i & 7));
  }
  return { format: "bits", bytes: out };
}

/** The `points` flags of a blob written by encodeExposed. */
export function decodeExposed(format: ExposedFormat, bytes: Uint8Array, points: number): Uint8Array {
  if (format === "u8") return new Uint8Array(bytes);
  const out = new Uint8Array(points);
  for (let i = 0; i < points; i++) out[i] = ((bytes[i >> 3] as number) >> (i & 7)) & 1;
  return out;
}
