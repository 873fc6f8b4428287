// Canonical JSON: the byte form of a plan. Object keys are sorted by UTF-16
// code units, there is no whitespace, numbers use the shortest round-trip form
// (ECMAScript Number::toString, so the same number always prints the same way)
// and -0 prints as 0. `undefined` members are dropped, as JSON.stringify does.
// Non-finite numbers cannot be represented and print as null; the plan schema
// never contains them.

import { createHash } from "node:crypto";

/** Serialises a JSON-like value with sorted keys and no whitespace. Same value ⇒ same bytes. */
export function canonicalJson(value: unknown): string {
  // Fast path: make every object list its keys in sorted order (objects that
  // already do are reused, not copied) and let the native serialiser do the
  // rest. Engines list integer-like keys ("0", "10") first whatever the
  // insertion order, so objects with such keys take the slow, exact path.
  const sorted = sortKeys(value);
  if (sorted !== INTEGER_KEYS) return JSON.stringify(sorted) ?? "null";
  const out: string[] = [];
  write(value, out);
  return out.join("");
}

const INTEGER_KEYS: unique symbol = Symbol("integer keys");

function isIntegerLike(key: string): boolean {
  const c = key.charCodeAt(0);
  return c >= 48 && c <= 57 && /^(?:0|[1-9]\d*)$/.test(key);
}

/**
 * The value with every object's keys in sorted order; unchanged parts are
 * returned as they are. `copies` remembers the objects already copied, so a
 * subtree is sorted once however deep the unsorted objects above it are.
 */
function sortKeys(value: unknown, copies: Map<object, unknown> = new Map()): unknown {
  if (value === null || typeof value !== "object") return value;
  // copies is empty unless some object was out of order: skip the lookup then
  const known = copies.size === 0 ? undefined : copies.get(value);
  if (known !== undefined) return known;
  if (Array.isArray(value)) {
    let copy: unknown[] | null = null;
    for (let i = 0; i < value.length; i++) {
      const item: unknown = value[i];
      const sorted = sortKeys(item, copies);
      if (sorted === INTEGER_KEYS) return INTEGER_KEYS;
      if (sorted !== item || item === undefined) {
        copy ??= value.slice(0, i);
        copy.push(sorted === undefined ? null : sorted);
      } else if (copy !== null) {
        copy.push(item);
      }
    }
    if (copy === null) return value;
    copies.set(value, copy);
    return copy;
  }
  const record = value as Record<string, unknown>;
  // first walk without allocating: most plan objects are built in sorted order
  let previous: string | null = null;
  let changed = false;
  for (const key in record) {
    if (!Object.prototype.hasOwnProperty.call(record, key)) continue;
    if (isIntegerLike(key)) return INTEGER_KEYS;
    if (previous !== null && previous >= key) changed = true;
    previous = key;
    const member = record[key];
    // most members are scalars: test inline rather than call
    if (member === null || typeof member !== "object") continue;
    const sorted = sortKeys(member, copies);
    if (sorted === INTEGER_KEYS) return INTEGER_KEYS;
    if (sorted !== member) changed = true;
  }
  if (!changed) return record;
  // no prototype: an own "__proto__" key (JSON.parse makes them) stays a plain member
  const out = Object.create(null) as Record<string, unknown>;
  for (const key of Object.keys(record).sort()) {
    const member = sortKeys(record[key], copies);
    if (member !== undefined) out[key] = member;
  }
  copies.set(value, out);
  return out;
}

function write(value: unknown, out: string[]): void {
  if (value === null || value === undefined) {
    out.push("null");
    return;
  }
  switch (typeof value) {
    case "number":
      out.push(Number.isFinite(value) ? (Object.is(value, -0) ? "0" : String(value)) : "null");
      return;
    case "string":
      out.push(JSON.stringify(value));
      return;
    case "boolean":
      out.push(value ? "true" : "false");
      return;
    case "object":
      break;
    default:
      // functions, symbols, bigints are not JSON; mirror JSON.stringify's null
      out.push("null");
      return;
  }
  if (Array.isArray(value)) {
    out.push("[");
    for (let i = 0; i < value.length; i++) {
      if (i > 0) out.push(",");
      const item: unknown = value[i];
      write(item === undefined ? null : item, out);
    }
    out.push("]");
    return;
  }
  const record = value as Record<string, unknown>;
  const keys = Object.keys(record).sort();
  out.push("{");
  let first = true;
  for (const key of keys) {
    const member = record[key];
    if (member === undefined) continue;
    if (!first) out.push(",");
    first = false;
    out.push(JSON.stringify(key), ":");
    write(member, out);
  }
  out.push("}");
}

/** The lowercase hex sha256 of a string's UTF-8 bytes. */
export function sha256Hex(text: string): string {
  return createHash("sha256").update(text, "utf8").digest("hex");
}
