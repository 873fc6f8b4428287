// Canonical JSON and sha256 for the store: the bytes the ledger hashes.
// Input: any JSON-like value. Output: one string per value, independent of key order.
// Invariants: object keys sorted by UTF-16 code units (as RFC 8785 does), no whitespace,
// numbers printed by ECMAScript's shortest round-trip form, `undefined` members dropped,
// non-finite numbers written as null (what JSON itself does, so a payload read back from
// the database hashes the same as the value that was written).
// The runtime keeps its own copy rather than importing lang/: runtime reads only plans.

import { createHash } from "node:crypto";

/** A value that survives a JSON round trip unchanged. */
export type JsonValue = null | boolean | number | string | readonly JsonValue[] | { readonly [key: string]: JsonValue };

/** Serialises a value as canonical JSON: sorted keys, no whitespace. */
export function canonicalJson(value: unknown): string {
  const parts: string[] = [];
  write(value, parts);
  return parts.join("");
}

/** sha256 of the UTF-8 bytes of `text`, as 64 lowercase hex digits. */
export function sha256Hex(text: string): string {
  return createHash("sha256").update(text, "utf8").digest("hex");
}

function write(value: unknown, out: string[]): void {
  if (value === null || value === undefined || typeof value === "function" || typeof value === "symbol") {
    out.push("null");
    return;
  }
  if (typeof value === "number") {
    out.push(Number.isFinite(value) ? JSON.stringify(value) : "null");
    return;
  }
  if (typeof value === "boolean" || typeof value === "string") {
    out.push(JSON.stringify(value));
    return;
  }
  if (typeof value === "bigint") {
    out.push(value.toString());
    return;
  }
  if (Array.isArray(value)) {
    out.push("[");
    value.forEach((item, i) => {
      if (i > 0) out.push(",");
      write(item, out);
    });
    out.push("]");
    return;
  }
  if (ArrayBuffer.isView(value)) {
    // Typed arrays serialise as plain arrays of their numbers.
    write(Array.from(value as unknown as ArrayLike<number>), out);
    return;
  }
  const record = value as Record<string, unknown>;
  const withToJson = record as { toJSON?: () => unknown };
  if (typeof withToJson.toJSON === "function") {
    write(withToJson.toJSON(), out);
    return;
  }
  const keys = Object.keys(record)
    .filter((k) => record[k] !== undefined && typeof record[k] !== "function")
    .sort();
  out.push("{");
  keys.forEach((key, i) => {
    if (i > 0) out.push(",");
    out.push(JSON.stringify(key), ":");
    write(record[key], out);
  });
  out.push("}");
}
