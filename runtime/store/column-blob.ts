// Columnar blobs: many records of one shape stored as one blob. SQLite spends a few
// microseconds per inserted row whatever its size, so a 2M-bar run's 75k-event
// execution log cost more than the rest of the store together; as columns it is one
// insert. Callers build the columns (one pass over their records, with monomorphic
// property reads); this module packs and unpacks them. Layout (little-endian):
//   u32 header length H | header: UTF-8 JSON {rows, columns: [{name, kind, values?}]}
//   | zero padding to a multiple of 8 | each column, padded to a multiple of 8:
//     f64   → rows × float64
//     text  → rows × u32 index into the column's `values` (0xFFFFFFFF = null)
// Numbers round-trip bit-exactly (NaN payloads aside); strings round-trip exactly.

import { decodeFloat64 } from "./equity.js";

/** How a column is stored: doubles, or strings (nullable) coded against a per-blob dictionary. */
export type ColumnKind = "f64" | "text";

/** One column's values: doubles, strings and nulls, or strings already coded against a dictionary (see codedTextColumn). */
export type Column =
  | { readonly name: string; readonly kind: "f64"; readonly values: Float64Array }
  | { readonly name: string; readonly kind: "text"; readonly values: readonly (string | null)[] }
  | { readonly name: string; readonly kind: "coded"; readonly dictionary: readonly string[]; readonly codes: Uint32Array };

/** Decoded columns by name: Float64Array for f64 columns, (string | null)[] for text ones. */
export type DecodedColumns = ReadonlyMap<string, Float64Array | readonly (string | null)[]>;

interface HeaderColumn {
  readonly name: string;
  readonly kind: ColumnKind;
  readonly values?: readonly string[];
}

interface Header {
  readonly rows: number;
  readonly columns: readonly HeaderColumn[];
}

const NULL_INDEX = 0xffffffff;

const padded = (n: number): number => Math.ceil(n / 8) * 8;

/** Encodes `rows` rows of columns (each holding `rows` values) as one blob. */
export function encodeColumns(rows: number, columns: readonly Column[]): Buffer {
  const headerColumns: HeaderColumn[] = [];
  const bodies: Uint8Array[] = [];
  for (const column of columns) {
    if (column.kind === "coded") {
      if (column.codes.length !== rows) throw new Error(`bug: column ${column.name} has ${column.codes.length} values, not ${rows}`);
      headerColumns.push({ name: column.name, kind: "text", values: column.dictionary });
      bodies.push(littleEndianBytes(column.codes));
      continue;
    }
    if (column.values.length !== rows) throw new Error(`bug: column ${column.name} has ${column.values.length} values, not ${rows}`);
    if (column.kind === "f64") {
      headerColumns.push({ name: column.name, kind: "f64" });
      bodies.push(littleEndianBytes(column.values));
      continue;
    }
    const values: string[] = [];
    const indexOf = new Map<string, number>();
    const codes = new Uint32Array(rows);
    const texts = column.values;
    for (let i = 0; i < rows; i++) {
      const text = texts[i];
      if (text === null || text === undefined) {
        codes[i] = NULL_INDEX;
        continue;
      }
      let index = indexOf.get(text);
      if (index === undefined) {
        index = values.length;
        values.push(text);
        indexOf.set(text, index);
      }
      codes[i] = index;
    }
    headerColumns.push({ name: column.name, kind: "text", values });
    bodies.push(littleEndianBytes(codes));
  }
  const header = Buffer.from(JSON.stringify({ rows, columns: headerColumns } satisfies Header), "utf8");
  let size = padded(4 + header.length);
  for (const body of bodies) size += padded(body.byteLength);
  const out = Buffer.alloc(size);
  out.writeUInt32LE(header.length, 0);
  header.copy(out, 4);
  let at = padded(4 + header.length);
  for (const body of bodies) {
    out.set(body, at);
    at += padded(body.byteLength);
  }
  return out;
}

/**
 * A text column of `rows` values given as codes: codeOf(i) is an index into `values`, or −1 for
 * null. Renumbered in order of first appearance, as encodeColumns numbers plain strings, so the
 * blob is the one the strings themselves give; no string is looked up per row.
 */
export function codedTextColumn(name: string, rows: number, values: readonly string[], codeOf: (i: number) => number): Column {
  const renumbered = new Int32Array(values.length).fill(-1);
  const dictionary: string[] = [];
  const codes = new Uint32Array(rows);
  for (let i = 0; i < rows; i++) {
    const code = codeOf(i);
    if (code < 0) {
      codes[i] = NULL_INDEX;
      continue;
    }
    let index = renumbered[code] as number;
    if (index < 0) {
      index = dictionary.length;
      renumbered[code] = index;
      dictionary.push(values[code] as string);
    }
    codes[i] = index;
  }
  return { name, kind: "coded", dictionary, codes };
}

/** Decodes a blob written by encodeColumns; throws on a malformed blob (the store is then corrupt). */
export function decodeColumns(blob: Uint8Array): { rows: number; columns: DecodedColumns } {
  const bytes = Buffer.from(blob.buffer, blob.byteOffset, blob.byteLength);
  const headerLength = bytes.readUInt32LE(0);
  const header = JSON.parse(bytes.toString("utf8", 4, 4 + headerLength)) as Header;
  const { rows } = header;
  const columns = new Map<string, Float64Array | (string | null)[]>();
  let at = padded(4 + headerLength);
  for (const column of header.columns) {
    const width = column.kind === "f64" ? 8 : 4;
    const body = bytes.subarray(at, at + rows * width);
    if (body.byteLength !== rows * width) throw new Error(`columnar blob is truncated in column ${column.name}`);
    at += padded(rows * width);
    if (column.kind === "f64") {
      columns.set(column.name, decodeFloat64(body));
      continue;
    }
    const values = column.values ?? [];
    const decoded = new Array<string | null>(rows);
    for (let i = 0; i < rows; i++) {
      const index = body.readUInt32LE(i * 4);
      decoded[i] = index === NULL_INDEX ? null : (values[index] ?? null);
    }
    columns.set(column.name, decoded);
  }
  return { rows, columns };
}

function littleEndianBytes(column: Float64Array | Uint32Array): Uint8Array {
  const bytes = new Uint8Array(column.buffer, column.byteOffset, column.byteLength);
  if (new Uint8Array(new Uint16Array([1]).buffer)[0] === 1) return bytes;
  // big-endian host: swap each element's bytes
  const width = column.BYTES_PER_ELEMENT;
  const out = new Uint8Array(bytes.length);
  for (let i = 0; i < bytes.length; i += width) for (let b = 0; b < width; b++) out[i + b] = bytes[i + width - 1 - b] as number;
  return out;
}
