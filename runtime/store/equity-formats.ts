// Compact, lossless encodings of an equity row's time and exposed blobs (migration 004).
// Time: `f64` is one little-endian double per bar; `f64_runs` is the first time followed by
// (delta, count) pairs of doubles, one pair per run of equal spacing: a daily or intraday
// curve is a few runs per week instead of 8 bytes a bar. A run is only used where adding its
// delta to the previous time gives the next time bit for bit, so decoding is exact.
// Exposed: `u8` is one byte per bar; `bits` packs eight 0/1 flags a byte (LSB first).
// Equity (migration 008): `f64` is one little-endian double per bar; `f64_repeats` is one flag
// bit per bar (LSB first; 1 = the same bits as the bar before), padded to 8 bytes, then the
// doubles of the bars flagged 0. Out-of-market stretches repeat the cash bar after bar, so a
// curve that is flat half the time stores about half the doubles. Values are compared and copied
// as pairs of 32-bit words (signed: small integers stay unboxed in V8), so decoding gives the same
// bits (−0 and NaN payloads included).
// Why: a 2M-bar run wrote 34 MB of equity blobs, half of them times, and SQLite writes every
// byte twice (WAL, then the checkpoint) with fsyncs; fewer bytes make storing a run faster.

import { endianness } from "node:os";
import { decodeFloat64, encodeFloat64 } from "./equity.js";
import { LOOP_RANGE } from "../../stdlib/loop-range.js";

/** How an equity row's time blob is encoded. */
export type TimeFormat = "f64" | "f64_runs";
/** How an equity row's exposed blob is encoded. */
export type ExposedFormat = "u8" | "bits";
/** How an equity row's equity blob is encoded. */
export type EquityFormat = "f64" | "f64_repeats";

const LITTLE_ENDIAN = endianness() === "LE";

/** True when a and b are the same double, bit for bit (0 and −0 differ, NaN never matches here). */
function sameBits(a: number, b: number): boolean {
  return a === b && (a !== 0 || 1 / a === 1 / b);
}


/** encodeTimes' state between ranges: the previous time, the current run's delta and its length. */
const runState = new Float64Array(3);
const PREVIOUS = 0, DELTA = 1, COUNT = 2;

/** Times as runs of equal spacing when that is exact and smaller, else plain doubles. */
export function encodeTimes(time: Float64Array): { format: TimeFormat; bytes: Buffer } {
  const n = time.length;
  if (n < 2) return { format: "f64", bytes: encodeFloat64(time) };
  const maxRuns = (n - 2) >> 1; // more runs than this would not be smaller than plain doubles
  const out: number[] = [time[0] as number];
  runState[PREVIOUS] = time[0] as number;
  runState[DELTA] = NaN;
  runState[COUNT] = 0;
  for (let from = 1; from < n; from += LOOP_RANGE) {
    if (!timeRuns(time, from, Math.min(n, from + LOOP_RANGE), out, maxRuns)) return { format: "f64", bytes: encodeFloat64(time) };
  }
  out.push(runState[DELTA] as number, runState[COUNT] as number);
  return { format: "f64_runs", bytes: encodeFloat64(Float64Array.from(out)) };
}

/** Times [from, to) into runs, continuing runState; false when runs would not be exact or not smaller. */
function timeRuns(time: Float64Array, from: number, to: number, out: number[], maxRuns: number): boolean {
  let previous = runState[PREVIOUS] as number;
  let delta = runState[DELTA] as number;
  let count = runState[COUNT] as number;
  for (let i = from; i < to; i++) {
    const t = time[i] as number;
    if (count > 0 && sameBits(previous + delta, t)) count++;
    else {
      if (count > 0) {
        if (out.length >> 1 >= maxRuns) return false;
        out.push(delta, count);
      }
      delta = t - previous;
      if (!sameBits(previous + delta, t)) return false;
      count = 1;
    }
    previous = t;
  }
  runState[PREVIOUS] = previous;
  runState[DELTA] = delta;
  runState[COUNT] = count;
  return true;
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
  for (let from = 0; from < out.length; from += LOOP_RANGE) {
    if (!packFlags(exposed, out, from, Math.min(out.length, from + LOOP_RANGE))) return { format: "u8", bytes: Buffer.from(exposed.buffer, exposed.byteOffset, exposed.byteLength) };
  }
  return { format: "bits", bytes: out };
}

/** Packs the flags of output bytes [from, to), eight a byte, LSB first; false at a value that is not 0 or 1. */
function packFlags(exposed: Uint8Array, out: Uint8Array, from: number, to: number): boolean {
  const n = exposed.length;
  for (let b = from; b < to; b++) {
    let bits = 0;
    let seen = 0;
    const end = Math.min(n, 8 * b + 8);
    for (let i = 8 * b; i < end; i++) {
      const v = exposed[i] as number;
      seen |= v;
      bits |= v << (i & 7);
    }
    if (seen > 1) return false;
    out[b] = bits;
  }
  return true;
}

/** The `points` flags of a blob written by encodeExposed. */
export function decodeExposed(format: ExposedFormat, bytes: Uint8Array, points: number): Uint8Array {
  if (format === "u8") return new Uint8Array(bytes);
  const out = new Uint8Array(points);
  for (let i = 0; i < points; i++) out[i] = ((bytes[i >> 3] as number) >> (i & 7)) & 1;
  return out;
}

/** Bytes of the flag bits of `points` values in an f64_repeats blob (a multiple of 8, so the doubles after them are aligned). */
function flagBytes(points: number): number {
  return ((points + 63) >> 6) << 3;
}

/** Equity values with repeats flagged instead of stored, when that is smaller (and the host is little-endian), else plain doubles. */
export function encodeEquity(values: Float64Array): { format: EquityFormat; bytes: Buffer } {
  const n = values.length;
  const words = new Int32Array(values.buffer, values.byteOffset, n * 2);
  let repeats = 0;
  for (let from = 1; from < n; from += LOOP_RANGE) repeats += countRepeats(words, from, Math.min(n, from + LOOP_RANGE));
  const flags = flagBytes(n);
  const size = flags + (n - repeats) * 8;
  if (!LITTLE_ENDIAN || size >= n * 8) return { format: "f64", bytes: encodeFloat64(values) };
  const bytes = Buffer.alloc(size);
  const kept = new Int32Array(bytes.buffer, bytes.byteOffset + flags, (n - repeats) * 2);
  let k = 0;
  for (let from = 0; from < n; from += LOOP_RANGE) k = flagRepeats(words, bytes, kept, from, Math.min(n, from + LOOP_RANGE), k);
  return { format: "f64_repeats", bytes };
}

/** How many of values [from, to) (from >= 1) have the bits of the value before. */
function countRepeats(words: Int32Array, from: number, to: number): number {
  let repeats = 0;
  for (let i = 2 * from; i < 2 * to; i += 2) if (words[i] === words[i - 2] && words[i + 1] === words[i - 1]) repeats++;
  return repeats;
}

/** Flags values [from, to) (from a multiple of 8) that repeat the value before, keeps the others from word k on; returns the next k. */
function flagRepeats(words: Int32Array, flags: Uint8Array, kept: Int32Array, from: number, to: number, k: number): number {
  let bits = 0;
  for (let i = from; i < to; i++) {
    const lo = words[2 * i] as number, hi = words[2 * i + 1] as number;
    const repeat = i > 0 && lo === words[2 * i - 2] && hi === words[2 * i - 1];
    if (repeat) bits |= 1 << (i & 7);
    else {
      kept[k++] = lo;
      kept[k++] = hi;
    }
    if ((i & 7) === 7) {
      flags[i >> 3] = bits;
      bits = 0;
    }
  }
  if ((to & 7) !== 0) flags[to >> 3] = bits;
  return k;
}

/** The `points` equity values of a blob written by encodeEquity. */
export function decodeEquity(format: EquityFormat, bytes: Uint8Array, points: number): Float64Array {
  if (format === "f64") return decodeFloat64(bytes);
  const flags = flagBytes(points);
  const kept = new Int32Array(decodeFloat64(bytes.subarray(flags)).buffer);
  const out = new Float64Array(points);
  const words = new Int32Array(out.buffer);
  let k = -2;
  for (let i = 0; i < points; i++) {
    if ((((bytes[i >> 3] as number) >> (i & 7)) & 1) === 0) k += 2;
    words[2 * i] = kept[k] as number;
    words[2 * i + 1] = kept[k + 1] as number;
  }
  if (k + 2 !== kept.length) throw new Error(`bug: an equity blob holds ${kept.length / 2} values, its flags use ${(k + 2) / 2}`);
  return out;
}
